"""deploy/env.example exists where compose.yaml says, documents every setting, and holds no secret."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
EXAMPLE = ROOT / "deploy" / "env.example"
# Where settings are read: os.environ.get("X"), env_bool("X"), env_list("X"), seconds(env, "X").
READ = re.compile(
    r"""(?:environ\.get|env_bool|env_list|seconds)\(\s*(?:[\w.]+,\s*)?["']([A-Z][A-Z0-9_]+)["']"""
)
CODE = ["config", "deploy", "web", "letters", "signatories", "curation", "search"]


def variables_read() -> set[str]:
    found = set()
    for folder in CODE:
        for path in (ROOT / folder).rglob("*.py"):
            found |= set(READ.findall(path.read_text()))
    found |= set(re.findall(r"\$\{([A-Z_]+)", (ROOT / "deploy" / "entrypoint.sh").read_text()))
    found |= set(re.findall(r"\$\{([A-Z_]+)", (ROOT / "compose.yaml").read_text()))
    return found


def documented() -> dict[str, str]:
    """Variable -> value, for every `X=value` line, commented out or not."""
    pairs = re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=(\S*)", EXAMPLE.read_text(), re.M)
    return dict(pairs)


def test_compose_refers_to_an_env_example_that_exists():
    referred = re.findall(r"cp (\S+) \.env", (ROOT / "compose.yaml").read_text())

    assert referred == ["deploy/env.example"]
    assert EXAMPLE.is_file()


def test_every_setting_the_code_reads_is_documented_in_env_example_and_deploy_md():
    read = variables_read()
    guide = (ROOT / "docs" / "deploy.md").read_text()

    assert {"DJANGO_TRUSTED_PROXY_COUNT", "DJANGO_DB_REQUEST_TIMEOUT", "POSTGRES_PASSWORD"} <= read
    assert sorted(read - documented().keys()) == []
    assert sorted(name for name in read if f"`{name}`" not in guide) == []


def test_env_example_documents_nothing_the_code_does_not_read():
    assert sorted(documented().keys() - variables_read()) == []


def test_env_example_holds_no_secret():
    values = documented()
    secrets = [name for name in values if re.search("SECRET|PASSWORD|KEY$", name)]

    assert secrets == ["DJANGO_SECRET_KEY", "POSTGRES_PASSWORD"]
    assert {name: values[name] for name in secrets} == dict.fromkeys(secrets, "")
    assert "PASSWORD@" in values["DATABASE_URL"]  # a placeholder, not a password

""".dockerignore keeps secrets and local data out of the image, and everything the app runs in it.

Checked with Docker's own matching rules (tests/dockerignore.py), on the repository's files plus
the files an operator adds next to them as docs/deploy.md says (TLS key, .env) and the ones
development leaves behind (virtualenv, databases, backups).
"""

import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.web.dockerignore import DockerIgnore

ROOT = Path(settings.BASE_DIR)

# What an operator or a developer may have in the checkout when building the image.
LOCAL_SECRETS_AND_DATA = [
    "deploy/tls/privkey.pem",
    "deploy/tls/fullchain.pem",
    "deploy/.env",
    ".env",
    ".env.production",
    "config/local.key",
    "letters/fixtures-signing.pem",
    "deploy/secrets/postgres-password",
    "db.sqlite3",
    "db.sqlite3-wal",
    "db.sqlite3-shm",
    "backups/archive-2026-11-24.dump",
    "backups/archive-2026-11-24.json",
    "archive.sql.gz",
    ".venv/bin/python",
    ".git/config",
    "staticfiles/css/site.0123abcd.css",
    "letters/__pycache__/models.cpython-313.pyc",
    "open_letter_archive.egg-info/PKG-INFO",
    "RELEASE",
]


@pytest.fixture(scope="module")
def dockerignore() -> DockerIgnore:
    return DockerIgnore((ROOT / ".dockerignore").read_text())


def tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [path for path in result.stdout.split("\0") if path]


def files_the_image_runs() -> list[str]:
    """Tracked files of every local app, the settings package, templates, static sources and
    fixtures, and every file the Dockerfile names (entrypoint, gunicorn config, health check)."""
    roots = {Path(settings.ROOT_URLCONF.split(".")[0])}
    for app in settings.INSTALLED_APPS:
        if (ROOT / app.split(".")[0]).is_dir():
            roots.add(Path(app.split(".")[0]))
    for folder in [*settings.TEMPLATES[0]["DIRS"], *settings.STATICFILES_DIRS]:
        roots.add(Path(folder).relative_to(ROOT))
    roots.add(Path(settings.LETTER_FIXTURES_DIR).relative_to(ROOT))
    dockerfile = (ROOT / "Dockerfile").read_text()
    named = set(re.findall(r"(?<![\w/.-])((?:deploy/)?[\w.-]+\.(?:py|sh|toml))\b", dockerfile))
    named = {name for name in named if (ROOT / name).is_file()}
    return sorted(
        path
        for path in tracked_files()
        if path in named or any(Path(path).is_relative_to(root) for root in roots)
    )


def test_patterns_follow_dockers_rules_not_gitignores():
    root_only = DockerIgnore("*.pem\n")
    anywhere = DockerIgnore("**/*.pem\n")
    folder = DockerIgnore("deploy/tls\n")
    exception = DockerIgnore("docs\n!docs/deploy.md\n# a comment\n")
    last_wins = DockerIgnore("!keep.key\n**/*.key\n")

    assert root_only.excludes("privkey.pem")
    assert not root_only.excludes("deploy/tls/privkey.pem")  # the defect of issue 14
    assert anywhere.excludes("privkey.pem")
    assert anywhere.excludes("deploy/tls/privkey.pem")
    assert folder.excludes("deploy/tls/privkey.pem")
    assert not folder.excludes("deploy/tlsx/privkey.pem")
    assert exception.excludes("docs/benchmarks.md")
    assert not exception.excludes("docs/deploy.md")
    assert last_wins.excludes("keep.key")
    assert DockerIgnore("**/.env\n").excludes("deploy/.env")
    assert DockerIgnore("**/.env\n").excludes(".env")
    assert not DockerIgnore("**/.env\n").excludes("deploy/env.example")
    assert DockerIgnore("/build/**\n").excludes("build/lib/x.py")
    assert DockerIgnore("a?c\n").excludes("abc") and not DockerIgnore("a?c\n").excludes("a/c")


@pytest.mark.parametrize("path", LOCAL_SECRETS_AND_DATA)
def test_keys_env_files_and_local_data_stay_out_of_the_build_context(dockerignore, path):
    assert dockerignore.excludes(path), f"docker build would send {path} to the image"


def test_everything_the_image_runs_is_in_the_build_context(dockerignore):
    needed = files_the_image_runs()

    left_out = [path for path in needed if dockerignore.excludes(path)]

    assert {"manage.py", "pyproject.toml", "deploy/entrypoint.sh"} <= set(needed)
    assert any(path.startswith("fixtures/") for path in needed)
    assert left_out == []


def test_no_file_in_the_checkout_that_looks_secret_is_sent(dockerignore):
    secret_like = re.compile(r"(^|/)(\.env(\..*)?|.*\.(pem|key|p12|pfx|sqlite3|dump))$")
    sent = [
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*")
        if path.is_file() and ".venv" not in path.parts and ".git" not in path.parts
    ]

    leaking = [p for p in sent if secret_like.search(p) and not dockerignore.excludes(p)]

    assert leaking == []

"""Production settings, checked in fresh processes with DJANGO_DEBUG=0, as the server starts them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SECRET = "test-production-secret-key-that-is-long-and-random-enough-0123456789abcdef"


def production_env(tmp_path: Path, **overrides: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="archive.example.org,testserver",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


REQUEST_SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
out = {}
for url, headers in json.loads(sys.argv[1]):
    r = client.get(url, headers=headers)
    out[url + " " + json.dumps(headers)] = {
        "status": r.status_code,
        "headers": dict(r.items()),
        "body": b"".join(r.streaming_content if r.streaming else [r.content]).decode(errors="replace"),
    }
print(json.dumps(out))
"""


def get_in_production(env: dict, requests: list[tuple[str, dict]]) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-c", REQUEST_SCRIPT, json.dumps(requests)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.strip().splitlines()[-1]).values())


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_a_required_variable(tmp_path, missing):
    result = manage(production_env(tmp_path, **{missing: None}), "check")

    assert result.returncode != 0
    assert f"{missing} must be set when DJANGO_DEBUG=0" in result.stderr


def test_empty_secret_key_counts_as_missing(tmp_path):
    result = manage(production_env(tmp_path, DJANGO_SECRET_KEY=""), "check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_deploy_check_passes_with_warnings_as_failures(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr + result.stdout


def test_development_needs_no_variable_at_all(tmp_path):
    env = production_env(
        tmp_path, DJANGO_DEBUG=None, DJANGO_SECRET_KEY=None, DJANGO_ALLOWED_HOSTS=None
    )

    result = run_python(
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.DEBUG, settings.PUBLIC_CACHE_ENABLED)",
        env,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]


def test_production_turns_on_https_hsts_secure_cookies_and_http_caching(tmp_path):
    result = run_python(
        "import django, json; django.setup(); from django.conf import settings as s;"
        "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.PUBLIC_CACHE_ENABLED, s.SECURE_PROXY_SSL_HEADER,"
        " s.STORAGES['staticfiles']['BACKEND']]))",
        production_env(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    redirect, hsts, session_secure, csrf_secure, caching, proxy_header, storage = json.loads(
        result.stdout
    )
    assert redirect is True
    assert hsts >= 365 * 24 * 3600
    assert session_secure and csrf_secure and caching
    assert proxy_header == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture(scope="module")
def production_site(tmp_path_factory):
    """A production configuration with its static files collected and its database migrated."""
    tmp_path = tmp_path_factory.mktemp("production")
    env = production_env(tmp_path)
    for args in (("collectstatic", "--noinput"), ("migrate", "--noinput")):
        result = manage(env, *args, "--verbosity", "0")
        assert result.returncode == 0, result.stderr
    return env


def test_behind_the_proxy_https_pages_carry_hsts_and_http_is_redirected(production_site):
    https, http = get_in_production(
        production_site,
        [
            ("/healthz", {"X-Forwarded-Proto": "https", "Host": "archive.example.org"}),
            ("/signatories/", {"X-Forwarded-Proto": "http", "Host": "archive.example.org"}),
        ],
    )

    assert https["status"] == 200
    hsts = https["headers"]["Strict-Transport-Security"]
    assert int(hsts.split("max-age=")[1].split(";")[0]) >= 31536000
    assert "includeSubDomains" in hsts
    assert http["status"] == 301
    assert http["headers"]["Location"] == "https://archive.example.org/signatories/"


def test_health_check_is_exempt_from_the_https_redirect(production_site):
    (response,) = get_in_production(production_site, [("/healthz", {"Host": "testserver"})])

    assert response["status"] == 200
    assert json.loads(response["body"]) == {"status": "ok", "database": "ok"}


def test_static_files_are_hashed_compressed_and_cached_for_years(production_site, tmp_path):
    static_root = Path(production_site["DJANGO_STATIC_ROOT"])
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert (static_root / (hashed + ".gz")).exists()

    (response,) = get_in_production(
        production_site, [(f"/static/{hashed}", {"X-Forwarded-Proto": "https"})]
    )

    assert response["status"] == 200
    cache_control = response["headers"]["Cache-Control"]
    assert "immutable" in cache_control
    assert int(cache_control.split("max-age=")[1].split(",")[0]) >= 365 * 24 * 3600


def test_error_pages_render_in_production_with_the_hashed_stylesheet(production_site):
    (response,) = get_in_production(
        production_site, [("/no-such-page/", {"X-Forwarded-Proto": "https"})]
    )

    assert response["status"] == 404
    assert "Page not found" in response["body"]
    assert "/static/css/site." in response["body"]
    assert "/static/css/site.css" not in response["body"]  # the hashed name, from the manifest

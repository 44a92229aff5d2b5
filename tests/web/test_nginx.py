"""deploy/nginx.conf is valid nginx, as deployed (TLS) and as the load test runs it (loopback)."""

import shutil
import subprocess

import pytest

from loadtest import nginx_config

NGINX = shutil.which("nginx", path="/usr/sbin:/usr/bin:/sbin:/bin")


@pytest.fixture(autouse=True)
def tools_present():
    # `make test` installs them (Makefile: system-deps); a missing tool is a failure, not a skip.
    assert NGINX and shutil.which("openssl"), "nginx or openssl missing: run `make system-deps`"


def nginx_t(workdir, conf):
    return subprocess.run(
        [NGINX, "-t", "-p", str(workdir), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_deployed_tls_config_passes_nginx_t(tmp_path):
    conf = nginx_config.write_checked_tls_variant(tmp_path)

    result = nginx_t(tmp_path, conf)

    assert result.returncode == 0, result.stderr
    text = conf.read_text()
    assert "listen 443 ssl" in text
    assert "return 301 https://$host$request_uri;" in text


def test_loopback_variant_keeps_the_caching_rules_and_listens_on_loopback_only(tmp_path):
    (tmp_path / "logs").mkdir()
    text = nginx_config.localized(
        nginx_config.PRODUCTION_CONF.read_text(), workdir=tmp_path, upstream="127.0.0.1:8041"
    )
    text = nginx_config.loopback(
        text, port=8042, ceiling_port=8043, ceiling_root=tmp_path / "ceiling"
    )
    conf = tmp_path / "nginx.conf"
    conf.write_text(text)

    result = nginx_t(tmp_path, conf)

    assert result.returncode == 0, result.stderr
    listens = [line.split()[1] for line in text.splitlines() if line.strip().startswith("listen")]
    assert listens == ["127.0.0.1:8042;", "127.0.0.1:8043;"]
    assert "ssl" not in text
    assert f"include {nginx_config.DEPLOY}/nginx-archive.conf;" in text


def test_shared_rules_honour_the_app_cache_control_and_forward_the_scheme():
    rules = (nginx_config.DEPLOY / "nginx-archive.conf").read_text()

    assert "proxy_set_header X-Forwarded-Proto $scheme;" in rules
    assert "proxy_cache archive;" in rules
    assert "proxy_ignore_headers" not in rules  # Cache-Control, Set-Cookie and Vary are honoured
    assert "proxy_cache_valid" not in rules  # nothing is cached that the app did not allow

"""A bad Host header or a 403 is one line in the log, without a traceback; a 500 keeps its."""

import logging
import subprocess
import sys

from tests.web.test_settings import ROOT, production_env
from web.log_filters import ClientErrorsWithoutTraceback

CLIENT_MISTAKES = """
import django
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
client = Client(raise_request_exception=False)
https = {"X-Forwarded-Proto": "https"}
for _ in range(3):
    assert client.get("/", headers={**https, "Host": "evil.example"}).status_code == 400
client.force_login(User.objects.create_user("visitor", password="x" * 20, is_staff=True))
assert client.get("/admin/curation/correction/", headers=https).status_code == 403
"""


def test_bad_hosts_and_403s_log_one_line_each_without_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", CLIENT_MISTAKES],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    log = result.stderr
    assert log.count("Invalid HTTP_HOST header: 'evil.example'") == 3
    assert "Forbidden (Permission denied): /admin/curation/correction/" in log
    assert "Traceback" not in log


def record(status: int) -> logging.LogRecord:
    try:
        raise ValueError("boom")
    except ValueError:
        entry = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "x", (), sys.exc_info()
        )
    entry.status_code = status
    return entry


def test_server_errors_keep_their_traceback():
    kept, dropped = record(500), record(400)

    assert ClientErrorsWithoutTraceback().filter(kept) and kept.exc_info is not None
    assert ClientErrorsWithoutTraceback().filter(dropped) and dropped.exc_info is None

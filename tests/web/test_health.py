"""/healthz says what is wrong with the database: unreachable, or (SQLite) its file gone or
read-only, which a query on an open connection would not notice."""

import json
import os
import subprocess
import sys

import pytest

from tests.web.test_settings import ROOT, production_env
from web import health

DELETE_THE_FILE_WHILE_RUNNING = """
import json, os
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("load_letter", verbosity=0)
client = Client()
answers = [client.get("/healthz", headers={"X-Forwarded-Proto": "https"})]
os.remove(settings.DATABASES["default"]["NAME"])
answers.append(client.get("/healthz", headers={"X-Forwarded-Proto": "https"}))
print(json.dumps([[a.status_code, a.content.decode()] for a in answers]))
"""


def test_healthz_says_unavailable_once_the_sqlite_file_is_deleted(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", DELETE_THE_FILE_WHILE_RUNNING],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    before, after = json.loads(result.stdout.strip().splitlines()[-1])

    assert before == [200, json.dumps({"status": "ok", "database": "ok"})]
    assert after[0] == 503
    assert json.loads(after[1]) == {"status": "unavailable", "database": "missing"}


def test_a_database_file_that_is_there_and_writable_is_fine(tmp_path):
    path = tmp_path / "archive.sqlite3"
    path.write_bytes(b"")

    assert health.database_file_problem(path) is None
    assert health.database_file_problem(tmp_path / "gone.sqlite3") == "missing"


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_database_file_on_a_read_only_mount_or_folder_is_reported(
    tmp_path, monkeypatch, read_only
):
    path = tmp_path / "archive.sqlite3"
    path.write_bytes(b"")
    denied = path if read_only == "file" else tmp_path
    real_access = os.access
    # What access(2) answers for W_OK on a read-only mount (EROFS), even to root.
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if p == denied and mode == os.W_OK else real_access(p, mode),
    )

    assert health.database_file_problem(path) == "read-only"

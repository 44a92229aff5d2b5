"""Writes that meet: an admin save during an import waits and is kept; two imports run one after
the other, or the second says clearly that the first is still running.

The SQLite cases run in a fresh process on a SQLite file (the test database is in memory, where
locking works differently), whatever backend the suite runs on.
"""

import json
import subprocess
import sys
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import override_settings

from config.database import database_settings
from intake.import_lock import IMPORT_LOCK_ID, ImportBusy
from intake.importer import load_letters
from tests.web.test_settings import ROOT, production_env

# Run in a fresh production process: a thread holds the write lock the way an import does (one
# transaction, from its first write until it commits), while the main thread does its work.
HOLD_THE_WRITE_LOCK = """
import json, sys, threading, time
import django
django.setup()
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from letters.models import Letter

call_command("migrate", verbosity=0)
call_command("load_letter", verbosity=0)
holding, hold_seconds = threading.Event(), float(sys.argv[1])

def import_like_writer():
    with transaction.atomic():
        Letter.objects.update(data_version=F("data_version") + 1)
        holding.set()
        time.sleep(hold_seconds)
    connection.close()

writer = threading.Thread(target=import_like_writer)
"""

ADMIN_SAVE = (
    HOLD_THE_WRITE_LOCK
    + """
from django.contrib.auth.models import User
from django.test import Client
from curation.models import SourceNote
from letters.models import SourceVersion

User.objects.create_superuser("carla", password="a long enough test password 42")
client = Client()
client.force_login(User.objects.get(username="carla"))
source = SourceVersion.objects.get(slug="pdf-text")
writer.start()
holding.wait()
started = time.monotonic()
response = client.post(
    f"/admin/letters/sourceversion/{source.pk}/change/",
    {"note": "Number 274 is missing.", "reason": "Checked the PDF."},
)
waited = time.monotonic() - started
writer.join()
print(json.dumps({
    "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
    "status": response.status_code,
    "waited": waited,
    "saved": list(SourceNote.objects.values_list("text", flat=True)),
    "version": Letter.objects.get().data_version,
}))
"""
)

SECOND_IMPORT = (
    HOLD_THE_WRITE_LOCK
    + """
from django.core.management.base import CommandError
from pathlib import Path
writer.start()
holding.wait()
try:
    call_command("load_letter", verbosity=0)
    outcome = "loaded"
except CommandError as error:
    outcome = str(error)
writer.join()
print(json.dumps({"outcome": outcome}))
"""
)


SECOND_IMPORT_PROCESS = (
    HOLD_THE_WRITE_LOCK
    + """
import subprocess
writer.start()
holding.wait()
result = subprocess.run(
    [sys.executable, "manage.py", "load_letter"], capture_output=True, text=True, timeout=120
)
writer.join()
print(json.dumps({"exit": result.returncode, "stderr": result.stderr}))
"""
)


def run_on_sqlite_file(tmp_path, script: str, hold_seconds: float, **env) -> dict:
    environment = production_env(tmp_path, DJANGO_SECURE_SSL_REDIRECT="0", **env)
    result = subprocess.run(
        [sys.executable, "-c", script, str(hold_seconds)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_sqlite_writes_take_the_write_lock_up_front_and_wait_for_it():
    options = database_settings("sqlite:////tmp/archive.sqlite3", {})["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    assert "journal_mode=WAL" in options["init_command"]


def test_an_admin_save_during_an_import_on_sqlite_waits_and_is_kept(tmp_path):
    outcome = run_on_sqlite_file(tmp_path, ADMIN_SAVE, hold_seconds=1.5)

    assert outcome["status"] == 302, outcome  # not the outage page
    assert outcome["saved"] == ["Number 274 is missing."]
    assert outcome["waited"] >= 1.0  # it waited for the import's commit...
    assert outcome["version"] >= 2  # ...which was kept too
    assert outcome["journal_mode"] == "wal"  # pages are read meanwhile


def test_a_second_import_on_sqlite_runs_after_the_first(tmp_path):
    outcome = run_on_sqlite_file(tmp_path, SECOND_IMPORT, hold_seconds=1.0)

    assert outcome == {"outcome": "loaded"}


def test_a_second_import_on_sqlite_that_waits_too_long_says_why(tmp_path):
    outcome = run_on_sqlite_file(
        tmp_path, SECOND_IMPORT, hold_seconds=4, DJANGO_DB_LOCK_TIMEOUT="1"
    )

    assert outcome["outcome"].startswith("Nothing was loaded: another import")
    assert "held the database for more than 1 s" in outcome["outcome"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's advisory lock")
@override_settings(DATABASE_LOCK_TIMEOUT=1)
def test_a_second_import_on_postgresql_that_waits_too_long_says_why(db, seed_folder):
    holding, release = threading.Event(), threading.Event()

    def first_import():
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("BEGIN")
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_ID])
                holding.set()
                release.wait(10)
                cursor.execute("ROLLBACK")
        finally:
            other.close()

    thread = threading.Thread(target=first_import)
    thread.start()
    holding.wait(10)
    try:
        with pytest.raises(ImportBusy):
            load_letters([seed_folder])
        with pytest.raises(CommandError, match="Nothing was loaded: another import"):
            call_command("load_letter", str(seed_folder), verbosity=0)
    finally:
        release.set()
        thread.join()

    assert load_letters([seed_folder])[0].letter_status == "created"


def test_a_second_import_process_that_waits_too_long_fails_with_that_message_only(tmp_path):
    """Not with a traceback, nor with a system check misled by the lock: Django's check of
    SQLite's JSON support opens a transaction, which waits for the write lock like any other,
    and said "SQLite does not support JSONFields" when the wait ran out."""
    outcome = run_on_sqlite_file(
        tmp_path, SECOND_IMPORT_PROCESS, hold_seconds=4, DJANGO_DB_LOCK_TIMEOUT="0.2"
    )

    assert outcome["exit"] == 1
    assert "CommandError: Nothing was loaded: another import" in outcome["stderr"]
    assert "Traceback" not in outcome["stderr"] and "E180" not in outcome["stderr"]

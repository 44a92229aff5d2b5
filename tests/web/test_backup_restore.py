"""The portable backup of docs/deploy.md: dumpdata, flush, loaddata gives back the same archive."""

import json
import re
from pathlib import Path

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection

from curation.services import signatory_rename
from letters.models import Letter, SourceVersion
from signatories.models import ListEntry, Signatory
from tests.factories import SignatoryFactory

# The command of docs/deploy.md: everything but what `migrate` recreates and what is transient.
BACKUP_ARGS = [
    "--natural-foreign",
    "--natural-primary",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
    "--exclude=admin.logentry",
    "--exclude=axes",
]
WHOLE_SECOND_MILLIS = re.compile(r"(?<=T\d\d:\d\d:\d\d)\.000(?=Z|[+-]\d\d:\d\d)")
PAGES = ["/", "/signatories/", "/signatories/?q=tibet", "/api/signatories?page_size=500"]


def dump(path: Path) -> list:
    call_command("dumpdata", *BACKUP_ARGS, output=str(path), verbosity=0)
    # Django's JSON keeps timestamps to the millisecond: a time of 12:00:00.000400 is written
    # "12:00:00.000" and reads back as 12:00:00, written "12:00:00". Same instant, same text here.
    text = WHOLE_SECOND_MILLIS.sub("", path.read_text())
    records = json.loads(text)
    return sorted(records, key=lambda r: (r["model"], json.dumps(r, sort_keys=True)))


def flush() -> None:
    if connection.vendor == "postgresql":
        # Inside the test's transaction, deferred foreign-key checks would block TRUNCATE.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


def test_backup_and_restore_round_trip_is_lossless(client, seeded, tmp_path, settings):
    settings.PUBLIC_CACHE_ENABLED = False
    curator = User.objects.create_user("curator", password="a-long-passphrase-42")
    signatory_rename(
        signatory=Signatory.objects.order_by("pk").first(),
        name="A curated name",
        reason="Spelling checked against the organisation's site",
        user=curator,
    )
    pages_before = {url: client.get(url).content for url in PAGES}
    backup = tmp_path / "backup.json"
    before = dump(backup)
    models = {record["model"] for record in before}
    assert {"letters.letter", "letters.sourceversion", "signatories.signatory"} <= models
    assert {"signatories.listentry", "curation.correction", "auth.user"} <= models

    flush()
    assert not Signatory.objects.exists() and not Letter.objects.exists()
    call_command("loaddata", str(backup), verbosity=0)

    assert dump(tmp_path / "after.json") == before
    assert {url: client.get(url).content for url in PAGES} == pages_before
    assert Signatory.objects.filter(name="A curated name").exists()


def test_restored_database_accepts_new_rows(seeded, tmp_path):
    backup = tmp_path / "backup.json"
    dump(backup)
    flush()
    call_command("loaddata", str(backup), verbosity=0)

    # The sequences were reset past the restored keys, so new rows do not collide.
    created = SignatoryFactory(letter=Letter.objects.get())

    assert created.pk > max(Signatory.objects.exclude(pk=created.pk).values_list("pk", flat=True))
    assert SourceVersion.objects.count() == 5
    assert ListEntry.objects.exists()

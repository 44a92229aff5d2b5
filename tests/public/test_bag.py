"""The archival package: a BagIt bag that the bagit library validates, the same from the command
and from /downloads/archive-bag.zip; verify_fixity names every copy that no longer matches."""

import csv
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import bagit
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from letters.models import SourceVersion

pytestmark = pytest.mark.django_db


def test_export_bag_writes_a_bag_that_validates(seeded, seed_folder, tmp_path):
    target = tmp_path / "bag"
    call_command("export_bag", str(target), "--base-url", "https://archive.test", verbosity=0)
    bag = bagit.Bag(str(target))
    bag.validate()  # raises bagit.BagValidationError on any problem
    assert bag.algorithms == ["sha256"]
    data = target / "data"
    for source in SourceVersion.objects.all():
        copied = (data / "sources" / source.file_name).read_bytes()
        assert copied == (seed_folder / source.file_name).read_bytes()
        assert bag.entries[f"data/sources/{source.file_name}"]["sha256"] == source.sha256
    assert (data / "letter.toml").read_bytes() == (seed_folder / "letter.toml").read_bytes()
    rows = list(csv.DictReader(io.StringIO((data / "signatories.csv").read_text("utf-8-sig"))))
    assert len(rows) == 281 + 280 + 281 + 282
    assert rows[0]["signatory_url"].startswith("https://archive.test/signatories/")
    table = (data / "signatories-one-row-each.csv").read_text("utf-8-sig").splitlines()
    assert len(table) == 1 + 283
    assert json.loads((data / "signatories.json").read_text())["count"] == 283
    assert json.loads((data / "corrections.json").read_text()) == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }
    assert bag.info["External-Identifier"] == "global-call-china-2020"


def test_a_changed_byte_in_the_bag_fails_validation(seeded, tmp_path):
    target = tmp_path / "bag"
    call_command("export_bag", str(target), verbosity=0)
    damaged = target / "data" / "sources" / "001_72206b73708e38e8.txt"
    data = bytearray(damaged.read_bytes())
    data[100] ^= 1
    damaged.write_bytes(bytes(data))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(target)).validate()


def test_downloaded_bag_is_the_same_bag_zipped(client, seeded, tmp_path):
    response = client.get(reverse("letters:archive-bag"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="global-call-china-2020-bag.zip"' in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert {n.split("/")[0] for n in names} == {"global-call-china-2020-bag"}
        archive.extractall(tmp_path)
    bag = bagit.Bag(str(tmp_path / "global-call-china-2020-bag"))
    bag.validate()
    assert len([n for n in bag.entries if n.startswith("data/sources/")]) == 5
    csv_rows = (tmp_path / "global-call-china-2020-bag/data/signatories.csv").read_text("utf-8-sig")
    assert "http://testserver/signatories/" in csv_rows


def test_bag_is_linked_from_the_about_page(client, seeded):
    html = client.get(reverse("letters:about")).content.decode()
    assert f'href="{reverse("letters:archive-bag")}"' in html


def test_export_bag_refuses_an_existing_folder_and_an_empty_archive(db, tmp_path):
    with pytest.raises(CommandError, match="already exists"):
        call_command("export_bag", str(tmp_path))
    with pytest.raises(CommandError, match="run load_letter first"):
        call_command("export_bag", str(tmp_path / "new"))
    assert not (tmp_path / "new").exists()


def test_no_bag_is_made_from_a_stored_copy_that_no_longer_matches(client, seeded, tmp_path):
    source = SourceVersion.objects.get(slug="cihrs-web")
    source.raw = bytes(source.raw).replace(b"Share", b"Shake")
    source.save(update_fields=["raw"])
    with pytest.raises(CommandError, match="cihrs-web: the stored copy does not match"):
        call_command("export_bag", str(tmp_path / "bag"))
    assert not (tmp_path / "bag").exists()
    response = client.get(reverse("letters:archive-bag"))
    assert response.status_code == 503


@pytest.fixture
def fixtures_copy(tmp_path, seed_folder, settings) -> Path:
    root = tmp_path / "fixtures"
    shutil.copytree(seed_folder, root / seed_folder.name)
    settings.LETTER_FIXTURES_DIR = root
    return root / seed_folder.name


def test_verify_fixity_passes_when_every_file_and_copy_matches(seeded, fixtures_copy, capsys):
    call_command("verify_fixity")
    out = capsys.readouterr().out
    assert "5 file(s) on disk and 5 stored copies checked: every sha256 matches." in out


def test_verify_fixity_fails_on_a_changed_byte_on_disk_naming_the_file(
    seeded, fixtures_copy, capsys
):
    path = fixtures_copy / "004_f974a55a7e3998a9.txt"
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="1 mismatch") as failure:
        call_command("verify_fixity")
    assert failure.value.returncode == 1  # manage.py exits with it
    err = capsys.readouterr().err
    assert f"MISMATCH {path}: sha256 is {hashlib.sha256(data).hexdigest()}" in err
    assert err.count("MISMATCH") == 1


def test_verify_fixity_fails_on_a_changed_byte_in_the_database_naming_each_copy(
    seeded, fixtures_copy, capsys
):
    for slug in ("pdf-text", "news-report"):
        source = SourceVersion.objects.get(slug=slug)
        data = bytearray(source.raw)
        data[0] ^= 1
        source.raw = bytes(data)
        source.save(update_fields=["raw"])
    with pytest.raises(CommandError, match="2 mismatch"):
        call_command("verify_fixity")
    err = capsys.readouterr().err
    assert "database: global-call-china-2020/pdf-text: sha256 is" in err
    assert "database: global-call-china-2020/news-report: sha256 is" in err

"""CSV and JSON downloads of the directory: provenance per entry, the directory's filters."""

import csv
import io
import json

import pytest
from django.urls import reverse

from letters.models import SourceVersion
from signatories.models import ListEntry, Signatory
from tests.factories import ListEntryFactory, SignatoryFactory, SourceVersionFactory

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[dict]:
    text = response.content.decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_list_entry_with_provenance(client, seeded):
    response = client.get(reverse("signatories:csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="global-call-china-2020-signatories.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == ListEntry.objects.count() == 281 + 280 + 281 + 282
    entry = ListEntry.objects.select_related("source", "signatory").get(
        source__slug="pdf-text", number=19
    )
    row = next(r for r in rows if r["source_slug"] == "pdf-text" and r["number"] == "19")
    assert row["signatory_name"] == entry.signatory.name
    assert row["text"] == entry.text
    assert row["source_sha256"] == entry.source.sha256
    assert row["line_start"] == str(entry.line_start)
    assert row["source_url"] == f"http://testserver/sources/pdf-text/#L{entry.line_start}"


def test_csv_keeps_names_in_other_scripts_intact(client, seeded):
    names = {r["signatory_name"] for r in read_csv(client.get(reverse("signatories:csv")))}
    assert "日本ウイグル協会" in names
    assert "مرصد الصحراء للسلم والديمقراطية وحقوق الإنسان" in names


def test_csv_applies_the_directory_filters(client, seeded):
    rows = read_csv(
        client.get(reverse("signatories:csv"), {"missing_from": "minbyun-press-release"})
    )
    assert {r["signatory_name"] for r in rows} == {"Amnesty International"}
    assert sorted(r["source_slug"] for r in rows) == ["cihrs-web", "forum-asia-web", "pdf-text"]


def test_json_has_one_object_per_signatory_with_its_entries_and_the_sources(client, seeded):
    response = client.get(reverse("signatories:json"))
    data = json.loads(response.content)
    assert data["count"] == len(data["signatories"]) == Signatory.objects.count() == 283
    assert {s["slug"] for s in data["sources"]} == set(
        SourceVersion.objects.values_list("slug", flat=True)
    )
    amnesty = next(s for s in data["signatories"] if s["name"] == "Amnesty International")
    assert amnesty["sources"] == ["cihrs-web", "pdf-text", "forum-asia-web"]
    assert all(
        {"text", "line_start", "line_end", "match_method"} <= e.keys() for e in amnesty["entries"]
    )


def test_json_applies_the_search(client, seeded):
    data = json.loads(client.get(reverse("signatories:json"), {"q": "amnesty"}).content)
    assert data["count"] == 3


def test_invalid_filters_download_nothing(client, seeded):
    rows = read_csv(client.get(reverse("signatories:csv"), {"kind": "planet"}))
    assert rows == []


def test_directory_links_to_both_downloads(client, seeded):
    html = client.get(reverse("signatories:list")).content.decode()
    assert f'href="{reverse("signatories:csv")}' in html
    assert f'href="{reverse("signatories:json")}' in html


def test_one_row_per_signatory_csv_has_a_column_per_copy(client, seeded):
    response = client.get(reverse("signatories:csv-one-row-each"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "one-row-each.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == Signatory.objects.count() == 283
    copies = ["cihrs-web", "pdf-text", "forum-asia-web", "minbyun-press-release"]
    assert list(rows[0])[-4:] == copies
    amnesty = next(r for r in rows if r["name"] == "Amnesty International")
    assert (amnesty["listed_in"], amnesty["missing_from"]) == ("3", "minbyun-press-release")
    assert amnesty["minbyun-press-release"] == ""
    assert all(amnesty[c] == "Amnesty International" for c in copies[:3])
    spaced = next(r for r in rows if r["name"] == "Acción Solidaria")
    assert spaced["cihrs-web"] == "AcciónSolidaria" and spaced["pdf-text"] == "Acción Solidaria"
    assert sum(r["listed_in"] == "4" for r in rows) == 279


def test_one_row_per_signatory_csv_applies_the_directory_filters(client, seeded):
    rows = read_csv(client.get(reverse("signatories:csv-one-row-each"), {"q": "amnesty"}))
    assert len(rows) == 3


def test_a_first_reading_has_an_empty_score_not_zero(client, seeded):
    rows = read_csv(client.get(reverse("signatories:csv")))
    first = [r for r in rows if r["match_method"] == "new"]
    assert first and all(r["match_score"] == "" for r in first)
    assert {r["match_score"] for r in rows if r["match_method"] == "exact"} == {"100.0"}
    data = json.loads(client.get(reverse("signatories:json")).content)
    scores = {
        e["match_score"]
        for s in data["signatories"]
        for e in s["entries"]
        if e["match_method"] == "new"
    }
    assert scores == {None}


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(client, db):
    source = SourceVersionFactory(slug="web")
    signatory = SignatoryFactory(imported_name='=HYPERLINK("http://x")', slug="formula")
    ListEntryFactory(source=source, signatory=signatory, text="@SUM(A1)")
    for name in ("signatories:csv", "signatories:csv-one-row-each"):
        text = client.get(reverse(name)).content.decode()
        assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text, name
    rows = read_csv(client.get(reverse("signatories:csv")))
    assert rows[0]["text"] == "'@SUM(A1)"

"""Curated facts are published: aliases (with their language), country, language and notes in the
signatory API, the JSON and CSV downloads, source notes in /api/sources, and per reading whether it
was matched automatically (how, with the score) or by a curator's decision."""

import csv
import io
import json

import pytest
from django.urls import reverse

from curation import services
from letters.models import SourceVersion
from signatories.models import MatchOverride
from tests.curation.helpers import entry, make_user, signatory

WHY = {"reason": "From the organisation's own website.", "evidence_url": ""}
MHG = "moskovskaya-khelsinkskaya-gruppa"
ENAKSHI = "Enakshi Ganguly individually as an independent expert"


@pytest.fixture
def curated(seeded):
    curator = make_user("carla")
    mhg = signatory(MHG)
    services.alias_add(
        signatory=mhg, name="Moscow Helsinki Group", language="en", user=curator, **WHY
    )
    services.alias_add(signatory=mhg, name="MHG", user=curator, **WHY)
    services.signatory_set_details(
        signatory=mhg, kind="", country="RU", name_language="ru", user=curator, **WHY
    )
    services.signatory_set_note(signatory=mhg, note="Founded in 1976.", user=curator, **WHY)
    services.source_set_note(
        source=SourceVersion.objects.get(slug="pdf-text"), note="No 274.", user=curator, **WHY
    )
    fuzzy = entry("forum-asia-web", ENAKSHI)
    services.match_override(entry=fuzzy, signatory=fuzzy.signatory, user=curator, **WHY)
    services.entry_split(entry=entry("minbyun-press-release", "HRIC"), user=curator, **WHY)
    return curator


CURATED = {
    "aliases": [
        {"name": "MHG", "language": None},
        {"name": "Moscow Helsinki Group", "language": "en"},
    ],
    "country": "RU",
    "country_name": "Russian Federation",
    "language": "ru",
    "note": "Founded in 1976.",
}


def test_the_signatory_api_carries_the_curated_fields(client, curated):
    data = client.get(f"/api/signatories/{MHG}").json()
    assert {k: data[k] for k in CURATED} == CURATED
    plain = client.get("/api/signatories/amnesty-international").json()
    assert (plain["aliases"], plain["country"], plain["language"], plain["note"]) == (
        [], None, None, None,
    )  # fmt: skip


def test_the_signatory_list_carries_them_too(client, curated):
    results = client.get("/api/signatories", {"q": "moscow helsinki"}).json()["results"]
    assert {k: results[0][k] for k in CURATED} == CURATED


def test_each_entry_says_whether_a_curator_pinned_it(client, curated):
    data = client.get("/api/signatories/ms-enakshi-ganguly-individually-as-an-independent-expert")
    entries = {e["source"]: e for e in data.json()["entries"]}
    forum = entries["forum-asia-web"]
    assert (forum["match_method"], forum["match_score"]) == ("fuzzy", 97.2)
    assert forum["curator_pin"]["decision"] == "confirmed"
    pin = MatchOverride.objects.get(source_slug="forum-asia-web", kind="confirmed")
    assert forum["curator_pin"]["pinned_at"] == pin.created_at.isoformat()
    assert entries["cihrs-web"]["curator_pin"] is None


def test_the_json_download_carries_the_curated_fields(client, curated):
    data = json.loads(client.get(reverse("signatories:json")).content)
    mhg = next(s for s in data["signatories"] if s["slug"] == MHG)
    assert {k: mhg[k] for k in CURATED} == CURATED


def test_the_csv_download_carries_the_curated_fields_on_every_row(client, curated):
    text = client.get(reverse("signatories:csv")).content.decode("utf-8").lstrip("\ufeff")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["signatory_slug"] == MHG]
    assert len(rows) == 4
    assert {
        (
            r["signatory_aliases"],
            r["signatory_country"],
            r["signatory_language"],
            r["signatory_note"],
        )
        for r in rows
    } == {("MHG | Moscow Helsinki Group (en)", "RU", "ru", "Founded in 1976.")}
    split = [r for r in csv.DictReader(io.StringIO(text)) if r["curator_pin"] == "placed"]
    assert [(r["source_slug"], r["text"]) for r in split] == [("minbyun-press-release", "HRIC")]


def test_sources_api_carries_the_curators_note(client, curated):
    rows = {r["slug"]: r for r in client.get("/api/sources").json()["results"]}
    assert rows["pdf-text"]["note"] == "No 274."
    assert rows["cihrs-web"]["note"] is None


def test_the_page_says_per_reading_how_it_was_matched_and_what_a_curator_decided(client, curated):
    page = client.get("/signatories/ms-enakshi-ganguly-individually-as-an-independent-expert/")
    text = " ".join(page.content.decode().split())
    assert "Automatically: similar text, similarity 97.2%; confirmed by a curator." in text
    assert "Automatically: same letters once spaces are ignored." in text
    split = entry("minbyun-press-release", "HRIC").signatory
    text = " ".join(client.get(split.get_absolute_url()).content.decode().split())
    assert "Placed here by a curator." in text
    assert "The importer had matched it by: same text." in text


def test_the_page_shows_the_country_language_and_aliases_in_their_language(client, curated):
    html = client.get(f"/signatories/{MHG}/").content.decode()
    assert "Russian Federation" in html
    assert '<span lang="en">Moscow Helsinki Group</span>' in html

"""A signatory's page: its readings per source, how each was matched, note, permalink, citation."""

import re

import pytest
from django.urls import reverse

from signatories.models import MatchMethod, Signatory
from tests.factories import ListEntryFactory, SignatoryFactory, SourceVersionFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_signatory_page_shows_every_reading_with_its_provenance(client, seeded):
    signatory = Signatory.objects.get(name="Amnesty International")
    response = client.get(signatory.get_absolute_url())
    html, text = response.content.decode(), text_of(response)
    assert "<h1>Amnesty International</h1>" in html
    assert "3 of 4 lists; not in MINBYUN" in text
    for entry in signatory.entries.select_related("source"):
        assert entry.source.sha256 in html
        assert f'href="{entry.source.get_absolute_url()}#L{entry.line_start}"' in html
        assert f"line {entry.line_start} of {entry.source.file_name}" in text
    assert "entry 19, printed number 19" in text


def test_signatory_page_names_the_match_method(client, seeded):
    entry = (
        Signatory.objects.get(name="Amnesty International")
        .entries.exclude(match_method=MatchMethod.NEW)
        .first()
    )
    text = text_of(client.get(entry.signatory.get_absolute_url()))
    assert f"Automatically: {entry.get_match_method_display().lower()}." in text


def test_fuzzy_match_shows_its_similarity(client, db):
    entry = ListEntryFactory(match_method=MatchMethod.FUZZY, match_score=91.24)
    text = text_of(client.get(entry.signatory.get_absolute_url()))
    assert "Automatically: similar text, similarity 91.2%." in text


def test_public_note_is_shown_only_when_there_is_one(client, db):
    quiet = ListEntryFactory().signatory
    assert "Note" not in text_of(client.get(quiet.get_absolute_url())).split("Every reading")[0]
    noted = SignatoryFactory(public_note="Same organisation as HRIC, listed twice.")
    ListEntryFactory(signatory=noted)
    assert "Same organisation as HRIC, listed twice." in text_of(
        client.get(noted.get_absolute_url())
    )


def test_signatory_page_has_permalink_and_citation(client, seeded):
    signatory = Signatory.objects.get(name="Amnesty International")
    text = text_of(client.get(signatory.get_absolute_url()))
    permalink = f"http://testserver{signatory.get_absolute_url()}"
    assert f"Permalink: {permalink}" in text
    assert (
        "“Amnesty International, signatory of ‘Global call for international human rights "
        "monitoring mechanisms on China’”. 9 September 2020. Open letter archive, "
        f"{permalink} (accessed "
    ) in text


def test_signatory_page_includes_the_curation_partial(client, db, settings, tmp_path):
    entry = ListEntryFactory()
    response = client.get(entry.signatory.get_absolute_url())
    assert "curation/_signatory_corrections.html" in [t.name for t in response.templates]


def test_names_in_other_scripts_get_lang_and_dir(client, seeded):
    korean_free = Signatory.objects.get(name="日本ウイグル協会")
    assert (
        '<h1 lang="ja">日本ウイグル協会</h1>'
        in client.get(korean_free.get_absolute_url()).content.decode()
    )
    mixed = Signatory.objects.get(name__startswith="チベット問題を考える会")
    assert '<span lang="ja">チベット問題を考える会</span> Japan Committee for Tibet' in (
        client.get(mixed.get_absolute_url()).content.decode()
    )
    arabic = Signatory.objects.get(name__startswith="مرصد")
    assert '<h1 dir="rtl">' in client.get(arabic.get_absolute_url()).content.decode()
    russian = Signatory.objects.get(name="Московская Хельсинкская группа")
    assert "<h1>Московская Хельсинкская группа</h1>" in (
        client.get(russian.get_absolute_url()).content.decode()
    )


def test_unknown_signatory_is_not_found(client, db):
    assert client.get(reverse("signatories:detail", args=["nobody"])).status_code == 404


def test_signatory_listed_nowhere_else_says_which_lists_lack_it(client, db):
    listed = SourceVersionFactory(slug="web", publisher="Group A (GRA)")
    SourceVersionFactory(slug="pdf", publisher="Group B (GRB)")
    entry = ListEntryFactory(source=listed)
    text = text_of(client.get(entry.signatory.get_absolute_url()))
    assert "1 of 2 lists; not in GRB" in text

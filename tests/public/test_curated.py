"""Public pages after curation: counts by copy after a merge, a source's note, fresh slugs."""

import pytest
from django.contrib.auth import get_user_model

from curation.models import SourceNote
from curation.services import signatory_merge
from letters.models import SourceVersion
from signatories.models import Signatory, SignatoryRedirect
from signatories.rules import unique_slug


@pytest.fixture
def curator(db):
    return get_user_model().objects.create_user("curator", password="x", is_staff=True)


def test_merged_signatory_counts_the_copies_that_list_it_not_its_entries(client, seeded, curator):
    survivor = Signatory.objects.get(name="Human Rights in China")
    merged = Signatory.objects.get(name="HRIC")
    signatory_merge(survivor=survivor, merged=merged, reason="Same organisation.", user=curator)
    response = client.get(survivor.get_absolute_url())
    assert survivor.entries.count() == 8
    assert "4 of 4 lists" in response.content.decode()
    assert "8 of 4" not in response.content.decode()


def test_source_page_shows_the_curators_note(client, seeded):
    source = SourceVersion.objects.get(slug="pdf-text")
    SourceNote.objects.create(
        letter=source.letter, source_slug=source.slug, text="The PDF's publisher is not known."
    )
    page = client.get(source.get_absolute_url()).content.decode()
    assert "Curators’ note" in page
    assert "The PDF&#x27;s publisher is not known." in page


def test_a_new_signatory_never_takes_the_slug_of_a_merged_one(seeded):
    survivor = Signatory.objects.get(name="Human Rights in China")
    SignatoryRedirect.objects.create(old_slug="brand-new-group", signatory=survivor)
    assert unique_slug("Brand New Group") == "brand-new-group-2"

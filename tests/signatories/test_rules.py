"""The rules about signatories that the importer and curators share, on the seeds and on factories."""

import pytest

from letters.models import Letter
from signatories.models import Alias, MatchOverride, Signatory, SignatoryRedirect
from signatories.rules import display_reading, refresh_signatories
from tests.factories import ListEntryFactory, SignatoryFactory, SourceVersionFactory


def test_every_list_and_some_list_split_the_seed_signatories(seeded):
    letter = Letter.objects.get()
    everywhere = set(letter.signatories.in_every_list().values_list("name", flat=True))
    missing = set(letter.signatories.missing_from_some_list().values_list("name", flat=True))
    assert (len(everywhere), len(missing)) == (279, 4)
    assert "Amnesty International" in missing
    assert not everywhere & missing


def test_a_list_source_added_later_counts_for_every_list(db):
    source = SourceVersionFactory()
    listed = ListEntryFactory(source=source).signatory
    assert list(Signatory.objects.in_every_list()) == [listed]
    SourceVersionFactory(letter=source.letter)
    assert not Signatory.objects.in_every_list().exists()


@pytest.mark.parametrize(
    "decide",
    [
        lambda s: Signatory.objects.filter(pk=s.pk).update(curated_name="A curated name"),
        lambda s: Signatory.objects.filter(pk=s.pk).update(country="CA"),
        lambda s: Signatory.objects.filter(pk=s.pk).update(public_note="A note"),
        lambda s: Alias.objects.create(signatory=s, name="Another name"),
        lambda s: SignatoryRedirect.objects.create(signatory=s, old_slug="an-old-slug"),
        lambda s: MatchOverride.objects.create(
            letter=s.letter, source_slug="a-copy", ordinal=1, text="x", signatory=s
        ),
    ],
    ids=["name", "country", "note", "alias", "redirect", "override"],
)
def test_any_curators_decision_makes_a_signatory_curated(db, decide):
    signatory, untouched = SignatoryFactory(), SignatoryFactory()
    assert not Signatory.objects.curated().exists()
    decide(signatory)
    assert list(Signatory.objects.curated()) == [signatory]
    assert untouched not in Signatory.objects.curated()


def test_refresh_drops_empty_signatories_unless_curated_and_renames_by_the_rule(db):
    source = SourceVersionFactory()
    letter = source.letter
    named = ListEntryFactory(source=source, text="Human\u00a0Rights  Watch").signatory
    empty, kept = SignatoryFactory(letter=letter), SignatoryFactory(letter=letter)
    Alias.objects.create(signatory=kept, name="Kept by its alias")

    refreshed = refresh_signatories(letter)

    assert refreshed.removed == {empty.pk}
    assert refreshed.updated == {named.pk}
    assert set(letter.signatories.values_list("pk", flat=True)) == {named.pk, kept.pk}
    named.refresh_from_db()
    assert named.imported_name == "Human Rights Watch"
    assert refresh_signatories(letter).updated == frozenset()


def test_display_reading_prefers_fewest_artefacts_then_most_copies_then_first_source():
    assert display_reading([(1, "AcciónSolidaria"), (2, "Acción Solidaria")]) == (
        "Acción Solidaria",
        [],
    )
    assert display_reading([(1, "Free Tibet"), (2, "FREE TIBET"), (3, "FREE TIBET")])[0] == (
        "FREE TIBET"
    )
    assert display_reading([(2, "Free Tibet"), (1, "FREE TIBET")])[0] == "FREE TIBET"

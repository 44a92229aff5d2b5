"""Every page's letter and sources, and a directory page's list marks, are read in plain SQL
(`public.page_sources`, `public.page_details.page_memberships`): they are what the ORM's queries
gave, field for field, in one query each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from letters.models import Letter, SourceVersion
from public.page_details import page_memberships
from public.page_sources import TEXTS, UNREAD, letter_sources
from signatories.models import ListEntry, Signatory
from tests.factories import LetterFactory, ListEntryFactory, SignatoryFactory, SourceVersionFactory


def orm_sources(entry_counts: bool) -> list[SourceVersion]:
    first = Letter.objects.order_by("pk").values("pk")[:1]
    queryset = (
        SourceVersion.objects.filter(letter__in=first)
        .select_related("letter")
        .defer(*UNREAD)
        .order_by("position")
    )
    return list(queryset.with_entry_counts() if entry_counts else queryset)


def loaded(instance, skipped=frozenset()) -> dict:
    return {
        f.attname: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if f.name not in skipped
    }


@pytest.mark.parametrize("entry_counts", [False, True])
@pytest.mark.parametrize("texts", [False, True])
def test_the_sources_are_the_orms_field_for_field_in_one_query(seeded, texts, entry_counts):
    expected = orm_sources(entry_counts)
    skipped = UNREAD if texts else UNREAD | TEXTS
    with CaptureQueriesContext(connection) as queries:
        found = letter_sources(entry_counts=entry_counts, texts=texts)
        # the letter's fields (JSON, dates) converted as the ORM converts them
        assert [loaded(s, skipped) for s in found] == [loaded(s, skipped) for s in expected]
        assert [loaded(s.letter, skipped) for s in found] == [
            loaded(s.letter, skipped) for s in expected
        ]
        assert len({id(s.letter) for s in found}) == 1  # one letter object, as pages read it
        if entry_counts:
            assert [s.entry_count for s in found] == [s.entry_count for s in expected]
            assert any(s.entry_count for s in found)
    assert len(queries) == 1
    assert all(s.get_deferred_fields() == skipped - {"manifest"} for s in found)
    assert found[0].letter.get_deferred_fields() == ({"manifest"} if not texts else set())


def test_a_text_left_unread_is_still_there_at_the_cost_of_a_query(seeded):
    source = letter_sources()[0]
    with CaptureQueriesContext(connection) as queries:
        body = source.body
    assert body == SourceVersion.objects.get(pk=source.pk).body and len(queries) == 1


def test_the_first_letters_sources_in_order_and_none_without_sources(db):
    first, second = LetterFactory(slug="first"), LetterFactory(slug="second")
    for position in (3, 1, 2):
        SourceVersionFactory(letter=first, position=position)
    SourceVersionFactory(letter=second, position=0)
    assert [(s.letter_id, s.position) for s in letter_sources()] == [
        (first.pk, 1),
        (first.pk, 2),
        (first.pk, 3),
    ]
    assert [s.entry_count for s in letter_sources(entry_counts=True)] == [0, 0, 0]
    SourceVersion.objects.filter(letter=first).delete()
    assert letter_sources() == []


def test_a_pages_memberships_are_those_of_its_signatories_among_the_sources_asked(seeded):
    sources = list(SourceVersion.objects.order_by("position").values_list("pk", flat=True))
    page = list(Signatory.objects.order_by("sort_key").values_list("pk", flat=True)[:50])
    asked = sources[:3]
    expected = {pk: set() for pk in page}
    for signatory_id, source_id in ListEntry.objects.filter(
        signatory_id__in=page, source_id__in=asked
    ).values_list("signatory_id", "source_id"):
        expected[signatory_id].add(source_id)
    with CaptureQueriesContext(connection) as queries:
        assert page_memberships(page, asked) == expected
    assert len(queries) == 1
    assert any(expected.values())


def test_memberships_of_no_signatory_or_no_source_ask_nothing(db):
    signatory = SignatoryFactory()
    ListEntryFactory(signatory=signatory)
    with CaptureQueriesContext(connection) as queries:
        assert page_memberships([], [1, 2]) == {}
        assert page_memberships([signatory.pk], []) == {signatory.pk: set()}
    assert len(queries) == 0

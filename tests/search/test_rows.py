"""A page's search reads the fields the page shows with the matches it ranks (`search.rows`):
its rows need no query, and are its ranked queryset's, field for field."""

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator

from public.search import SearchPaginator, search_signatories
from signatories.models import Signatory

# Every column of a signatory but its key: text, choices, JSON, bytes and a foreign key, which
# the ORM converts differently on each database.
EVERY_FIELD = tuple(f.name for f in Signatory._meta.concrete_fields if not f.primary_key)
QUERIES = [
    "tibet",  # a few matches
    "human rights",  # many, of several words
    "hric",  # initials
    "hong kong watch",
    "amnesty international uk",
    "tibet zzzyx",  # a word left out
    "朝鮮",  # a name in its own script
    "zzzyx",  # nothing
]


def values(signatory) -> tuple:
    return tuple(getattr(signatory, f.attname) for f in Signatory._meta.concrete_fields)


def assert_rows_are_the_ranked_queryset(queryset, q: str) -> int:
    result = search_signatories(queryset, q, fields=EVERY_FIELD)
    rows = list(result.rows)
    assert [values(s) for s in rows] == [values(s) for s in result.signatories]
    assert all(type(s) is Signatory and s._state.db == queryset.db for s in rows)
    return len(rows)


@pytest.mark.parametrize("q", QUERIES)
def test_the_rows_are_the_ranked_signatories_field_for_field(seeded, q):
    assert_rows_are_the_ranked_queryset(Signatory.objects.order_by("sort_key", "pk"), q)


@pytest.mark.parametrize("window", [None, 0], ids=["scanned first", "index only"])
@pytest.mark.parametrize("q", QUERIES)
def test_a_cut_short_search_reads_the_same_rows_by_every_path(
    seeded, settings, monkeypatch, q, window
):
    # A small limit cuts broad queries short: their first matches are read from the first
    # documents, or by the index with those as typed first (no window), and names equal to the
    # query join them; initials are read beside them.
    settings.SEARCH_RANKED_LIMIT = 3
    if window is not None:
        monkeypatch.setattr("search.sampling.SCAN_WINDOW", window)
    assert_rows_are_the_ranked_queryset(Signatory.objects.all(), q)


def test_the_rows_keep_the_queryset_filters(seeded):
    queryset = Signatory.objects.filter(name__istartswith="tibet")
    assert assert_rows_are_the_ranked_queryset(queryset, "tibet") < len(
        search_signatories(Signatory.objects.all(), "tibet").signatories
    )


def test_a_page_of_rows_is_read_without_a_query(seeded, django_assert_num_queries):
    queryset = Signatory.objects.only("slug", "name")
    result = search_signatories(queryset, "human rights", fields=("slug", "name"))
    with django_assert_num_queries(0):
        page = SearchPaginator(result, 10).page(2)
        shown = [(s.slug, s.name) for s in page.object_list]
    expected = Paginator(result.signatories, 10).page(2).object_list
    assert shown == [(s.slug, s.name) for s in expected]
    assert len(shown) == 10


def test_without_fields_or_for_a_download_there_are_no_rows(seeded):
    assert search_signatories(Signatory.objects.all(), "tibet").rows is None
    complete = search_signatories(Signatory.objects.all(), "tibet", complete=True, fields=("name",))
    assert complete.rows is None


@pytest.mark.parametrize("name", ["entries", "id", "no_such_field"])
def test_only_columns_of_the_signatory_can_be_read_with_the_matches(seeded, name):
    with pytest.raises((ValueError, FieldDoesNotExist), match=name):
        search_signatories(Signatory.objects.all(), "tibet", fields=(name,))

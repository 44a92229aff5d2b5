"""Every page answers in a bounded number of SQL queries, however many signatories there are."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from letters.models import Letter, SourceKind
from letters.reference import stored_hyphenated_words
from search.documents import refresh_search_documents
from tests.factories import (
    LetterFactory,
    ListEntryFactory,
    SignatoryFactory,
    SourceVersionFactory,
)

pytestmark = pytest.mark.django_db

BODY = "We, the undersigned organizations, call on {n} experts.\n\nThey act world-wide."


def build_letter(signatories: int):
    letter = LetterFactory()
    sources = [
        SourceVersionFactory(letter=letter, slug="web", body=BODY.format(n="fifty")),
        SourceVersionFactory(
            letter=letter, slug="pdf", kind=SourceKind.PDF_TEXT, body=BODY.format(n="50")
        ),
        SourceVersionFactory(letter=letter, slug="press", body=BODY.format(n="50")),
    ]
    for i in range(signatories):
        signatory = SignatoryFactory(letter=letter, imported_name=f"Group {i:04d}")
        for source in sources[: 2 + i % 2]:
            ListEntryFactory(source=source, signatory=signatory, ordinal=i + 1)
    refresh_search_documents()  # as an import does: the searches find them
    return letter, sources, signatory


def urls(sources, signatory) -> list[str]:
    return [
        reverse("letters:letter"),
        reverse("signatories:list"),
        reverse("signatories:list") + "?q=group",
        reverse("signatories:list") + "?q=group&coverage=some&sort=-sources",
        reverse("signatories:list") + "?initial=G&listed_in=web&missing_from=press",
        signatory.get_absolute_url(),
        reverse("letters:source-list"),
        sources[1].get_absolute_url(),
        reverse("letters:collation") + "?a=web&b=pdf",
        reverse("signatories:discrepancies"),
        reverse("letters:about"),
        reverse("signatories:csv"),
        reverse("signatories:json"),
        reverse("api:letter"),
        reverse("api:signatories") + "?q=group&page=2&page_size=5",
    ]


def query_counts(client, sources, signatory) -> dict[str, int]:
    # What a process remembers per file (a PDF copy's hyphenated words) costs its first render one
    # query: both measurements start without it.
    stored_hyphenated_words.cache_clear()
    counts = {}
    for url in urls(sources, signatory):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url.split("?")[0] if "signatories/" not in url else url] = len(queries)
    return counts


MAX_QUERIES = 8


def test_every_page_type_stays_within_a_constant_query_budget(
    client, django_assert_max_num_queries
):
    letter, sources, signatory = build_letter(120)
    for url in urls(sources, signatory):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == 200


def test_query_counts_do_not_grow_with_the_number_of_signatories(client):
    _, sources, signatory = build_letter(12)
    few = query_counts(client, sources, signatory)
    _, more_sources, more_signatory = build_more(200, sources)
    many = query_counts(client, more_sources, more_signatory)
    assert list(few.values()) == list(many.values())


def build_more(extra: int, sources):
    letter = sources[0].letter
    for i in range(extra):
        signatory = SignatoryFactory(letter=letter, imported_name=f"Later group {i:04d}")
        for source in sources[: 2 + i % 2]:
            ListEntryFactory(source=source, signatory=signatory, ordinal=1000 + i)
    # As an import does: what is kept per data version (the directory's total) is counted again.
    Letter.objects.filter(pk=letter.pk).update(data_version=F("data_version") + 1)
    refresh_search_documents()
    return letter, sources, signatory

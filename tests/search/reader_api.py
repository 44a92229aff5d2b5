"""What the reader-query tests ask of the public API, shared by the tests with and without the
shipped curation: the seed letter loaded once per module, `/api/signatories?q=` and its answer."""

from __future__ import annotations

import re
from contextlib import contextmanager

from django.db import transaction
from django.urls import reverse

from signatories.models import ListEntry
from tests.search.reader_queries import ReaderQuery

PAGE_SIZE = 5
# The directory's heading when it presents results as matches ("3 signatories match",
# "More than 200 signatories match"); "No signatory matches." is an honest answer.
CLAIMS_A_MATCH = re.compile(r"\b([1-9]\d*|More than \d+) signator(y|ies) match")


@contextmanager
def rolled_back(django_db_blocker):
    """A transaction around a module's fixture data, undone when the module is done; each test's
    own transaction nests inside it as a savepoint."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def printed_signatory(name: str) -> str:
    """The slug of the one signatory a copy prints `name` for."""
    slugs = set(ListEntry.objects.filter(text=name).values_list("signatory__slug", flat=True))
    assert len(slugs) == 1, f"{name!r} is printed for {len(slugs)} signatories, not one"
    return slugs.pop()


def search_api(client, q: str) -> dict:
    response = client.get(reverse("api:signatories"), {"q": q, "page_size": PAGE_SIZE})
    assert response.status_code == 200, (q, response.status_code)
    return response.json()


def shown(results: list[dict]) -> list[str]:
    return [f"{r['name']} ({r.get('match', 'no match field')})" for r in results]


def check_found_first(client, query: ReaderQuery) -> None:
    """The signatory the query names comes first, and any `also` right after it."""
    data = search_api(client, query.q)
    slugs = [r["slug"] for r in data["results"]]
    expected = printed_signatory(query.expect)
    assert slugs[:1] == [expected], (
        f"{query.id} ({query.origin}): expected {query.expect!r} first, "
        f"got {shown(data['results'][:3])}"
    )
    if query.also:
        following = {printed_signatory(name) for name in query.also}
        assert set(slugs[1 : 1 + len(following)]) == following, (
            f"{query.id}: expected {list(query.also)} next, got {shown(data['results'][:3])}"
        )


def check_not_presented_as_a_match(client, query: ReaderQuery) -> None:
    """No result, or results that each say they lack words of the query (`match` "some words"),
    and a directory page that does not say that signatories match."""
    data = search_api(client, query.q)
    claimed = [r for r in data["results"] if r.get("match") != "some words"]
    assert not claimed, (
        f"{query.id}: did not sign, but the API answers {shown(claimed)} "
        f"with words_left_out={data.get('words_left_out')}"
    )
    page = client.get(reverse("signatories:list"), {"q": query.q}).content.decode()
    heading = CLAIMS_A_MATCH.search(page)
    assert heading is None, f"{query.id}: did not sign, but the page says {heading.group(0)!r}"

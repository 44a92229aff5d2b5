"""A broad query ranks only some of its matches, says so, and still puts an exact name first.

At a million names a query such as "human rights" matches tens of thousands; pages and the API
rank the first `SEARCH_RANKED_LIMIT` found plus every exact name, downloads rank them all. These
tests lower the limit so that the seed letter's 283 names are enough to cross it. They run on
both backends.
"""

import csv
import io

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from public.search import SearchPaginator, cut_short, search_signatories
from search.documents import refresh_search_documents
from search.models import SearchDocument, SearchInitialism, SearchName
from search.vocabulary import look_up
from signatories.models import Alias, Signatory
from tests.factories import LetterFactory, SignatoryFactory

LIMIT = 3


@pytest.fixture
def small_limit(settings):
    settings.SEARCH_RANKED_LIMIT = LIMIT
    return LIMIT


def every_match(q: str) -> list[str]:
    return [
        s.name for s in search_signatories(Signatory.objects.all(), q, complete=True).signatories
    ]


def test_a_search_past_the_limit_ranks_one_more_than_it_and_says_it_was_cut_short(
    seeded, small_limit
):
    everything = every_match("human rights")
    assert len(everything) > LIMIT + 1
    results = [
        s.name for s in search_signatories(Signatory.objects.all(), "human rights").signatories
    ]
    assert len(results) == LIMIT + 1
    assert set(results) < set(everything)
    assert cut_short(len(results))
    # Ranked among themselves as the complete search ranks them.
    assert results == [name for name in everything if name in results]


def test_a_search_within_the_limit_is_complete(seeded, small_limit):
    results = [s.name for s in search_signatories(Signatory.objects.all(), "hric").signatories]
    assert results == every_match("hric")
    assert len(results) <= LIMIT
    assert not cut_short(len(results))


def test_the_same_broad_query_gives_the_same_rows_each_time(seeded, small_limit):
    def run():
        return [
            s.pk for s in search_signatories(Signatory.objects.all(), "human rights").signatories
        ]

    assert run() == run() == run()


def test_a_name_equal_to_a_cut_short_query_still_comes_first(seeded, small_limit):
    # The newest signatory is stored last, after the matches the database finds first.
    newest = SignatoryFactory(
        letter=Signatory.objects.first().letter, imported_name="Zeta Collective"
    )
    Alias.objects.create(signatory=newest, name="Human Rights")
    refresh_search_documents(signatory_ids=[newest.pk])
    first_found = search_signatories(Signatory.objects.exclude(pk=newest.pk), "human rights")
    assert "Zeta Collective" not in [s.name for s in first_found.signatories]

    results = [
        s.name for s in search_signatories(Signatory.objects.all(), "human rights").signatories
    ]
    assert results[0] == "Zeta Collective"
    assert len(results) == LIMIT + 2


def test_the_search_runs_on_the_filtered_signatories(seeded, small_limit):
    people = Signatory.objects.filter(kind="individual")
    expected = every_match_in(people, "a")
    assert 0 < len(expected) <= LIMIT
    assert [s.name for s in search_signatories(people, "a").signatories] == expected


def every_match_in(queryset, q: str) -> list[str]:
    return [s.name for s in search_signatories(queryset, q, complete=True).signatories]


def test_the_search_runs_on_signatories_filtered_through_a_relation(seeded, small_limit):
    letter = Signatory.objects.first().letter
    with_h_initials = Signatory.objects.filter(
        letter__slug=letter.slug, search_document__initials__contains=" hk"
    )
    expected = every_match_in(with_h_initials, "watch")
    assert 0 < len(expected) <= LIMIT
    assert [s.name for s in search_signatories(with_h_initials, "watch").signatories] == expected
    assert every_match_in(Signatory.objects.all(), "watch") != expected


def test_a_search_of_no_signatories_finds_none(seeded, small_limit):
    result = search_signatories(Signatory.objects.none(), "human rights")
    assert (list(result.signatories), result.ranked) == ([], 0)


def test_the_directory_filters_before_it_searches(client, seeded, small_limit):
    people = Signatory.objects.filter(kind="individual")
    expected = every_match_in(people, "a")
    response = client.get("/signatories/", {"q": "a", "kind": "individual"})
    assert [s.name for s in response.context["signatories"]] == expected
    assert not response.context["cut_short"]


def test_the_directory_says_when_a_search_was_cut_short(client, seeded, small_limit):
    response = client.get("/signatories/", {"q": "human rights"})
    assert response.context["cut_short"]
    page = response.content.decode()
    assert "More than 3 signatories match" in page
    assert "download the results for every match" in page


def test_the_api_says_whether_its_count_is_exact(client, seeded, small_limit):
    broad = client.get("/api/signatories", {"q": "human rights"}).json()
    assert (broad["count"], broad["count_exact"]) == (LIMIT + 1, False)
    narrow = client.get("/api/signatories", {"q": "hric"}).json()
    assert narrow["count_exact"] is True
    listing = client.get("/api/signatories").json()
    assert (listing["count"], listing["count_exact"]) == (283, True)


def test_downloads_rank_every_match(client, seeded, small_limit):
    everything = every_match("human rights")
    data = client.get("/signatories.json", {"q": "human rights"}).json()
    assert [row["name"] for row in data["signatories"]] == everything
    text = client.get("/signatories.csv", {"q": "human rights"}).content.decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(text))
    assert list(dict.fromkeys(row["signatory_name"] for row in rows)) == everything


def test_document_names_follow_the_documents(seeded):
    rsf = Signatory.objects.get(name__startswith="Reporters Without Borders")
    assert set(SearchName.objects.filter(document_id=rsf.pk).values_list("key", flat=True)) >= {
        "reporters without borders",
        "reporters sans frontieres",
        "rsf",
    }
    Alias.objects.create(signatory=rsf, name="Reporter ohne Grenzen")
    refresh_search_documents(signatory_ids=[rsf.pk])
    assert SearchName.objects.filter(
        document_id=rsf.pk, key="reporter ohne grenzen", compact="reporterohnegrenzen"
    ).exists()
    SearchDocument.objects.filter(signatory=rsf).delete()
    assert not SearchName.objects.filter(document_id=rsf.pk).exists()


def test_document_initialisms_follow_the_documents(seeded):
    hrw = Signatory.objects.get(name="Human Rights Watch")

    def initialisms():
        return set(
            SearchInitialism.objects.filter(document_id=hrw.pk).values_list("letters", flat=True)
        )

    assert initialisms() == {"hrw"}
    alias = Alias.objects.create(signatory=hrw, name="Observatoire des Droits Humains")
    refresh_search_documents(signatory_ids=[hrw.pk])
    assert initialisms() == {"hrw", "oddh", "odh"}
    alias.delete()
    refresh_search_documents(signatory_ids=[hrw.pk])
    assert initialisms() == {"hrw"}
    SearchDocument.objects.filter(signatory=hrw).delete()
    assert initialisms() == set()


def test_names_with_those_initials_join_a_cut_short_search_and_a_download(db, small_limit):
    letter = LetterFactory()
    for n in range(LIMIT + 2):
        SignatoryFactory(letter=letter, imported_name=f"HRW Partner {n}")
    SignatoryFactory(letter=letter, imported_name="Human Rights Watch")
    refresh_search_documents()

    results = [s.name for s in search_signatories(Signatory.objects.all(), "hrw").signatories]
    assert cut_short(len(results))
    assert results[-1] == "Human Rights Watch"  # below every name that prints "HRW"
    assert every_match("hrw")[-1] == "Human Rights Watch"
    assert len(every_match("hrw")) == LIMIT + 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL settings")
def test_postgres_connections_scan_serially_so_the_first_matches_stay_the_same(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SHOW synchronize_seqscans")
        assert cursor.fetchone()[0] == "off"


def test_a_paginated_search_is_not_counted_twice(seeded, django_assert_num_queries):
    result = search_signatories(Signatory.objects.order_by("name"), "human rights")
    with django_assert_num_queries(0):
        count = SearchPaginator(result, 2).count
    assert count == len(list(result.signatories)) == len(every_match("human rights"))


def test_a_search_filtered_afterwards_is_counted_again(seeded):
    result = search_signatories(Signatory.objects.all(), "tibet")
    everything = len(list(result.signatories))
    in_austria = result.signatories.filter(name__icontains="austria")
    assert Paginator(in_austria, 5).count == len(list(in_austria)) == 2 < everything
    assert SearchPaginator(result, 5).count == everything


def test_a_cut_short_query_of_several_words_ranks_the_names_with_them_as_typed(db, small_limit):
    letter = LetterFactory()
    SignatoryFactory(letter=letter, imported_name="Rights of the Human Person")  # stored first
    typed = [f"Human Rights Group {n}" for n in range(LIMIT + 2)]
    for name in typed:
        SignatoryFactory(letter=letter, imported_name=name)
    refresh_search_documents()

    results = [
        s.name for s in search_signatories(Signatory.objects.all(), "human rights").signatories
    ]
    assert "Rights of the Human Person" in every_match("human rights")
    assert len(results) == LIMIT + 1
    assert set(results) < set(typed)


def test_the_vocabulary_lookup_says_whether_some_name_has_the_initials(seeded):
    assert look_up(["hrw"], initialism="hrw").initialled == {"hrw": True}
    info = look_up(["tibet"], initialism="tibet")
    assert info.initialled == {"tibet": False}
    assert not info.may_be_initials("tibet")
    assert info.may_be_initials("hrw")  # not asked about: it may be


def test_initials_no_name_has_are_not_looked_up_again(seeded, small_limit):
    with CaptureQueriesContext(connection) as queries:
        results = search_signatories(Signatory.objects.all(), "tibet").signatories
        assert results
    table = SearchInitialism._meta.db_table
    # Only the vocabulary's round trip asks whether some name has them.
    assert sum(table in q["sql"] for q in queries.captured_queries) == 1
    with CaptureQueriesContext(connection) as queries:
        results = search_signatories(Signatory.objects.all(), "hrw").signatories
        assert [s.name for s in results][:1] == ["Human Rights Watch"]
    assert sum(table in q["sql"] for q in queries.captured_queries) == 2


def test_initials_left_after_words_are_left_out_are_still_looked_up(seeded):
    # Asked about no initials (the query had two words): the search looks them up as before.
    with CaptureQueriesContext(connection) as queries:
        result = search_signatories(Signatory.objects.all(), "hric sydney")
        names = [s.name for s in result.signatories]
    assert (result.searched, result.left_out) == ("hric", ("sydney",))
    assert "Human Rights in China" in names
    table = SearchInitialism._meta.db_table
    assert sum(table in q["sql"] for q in queries.captured_queries) == 1

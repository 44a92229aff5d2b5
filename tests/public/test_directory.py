"""The signatory directory: search, filters, A-Z, sorting, pagination, marks, downloads links."""

import re

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from letters.models import Letter
from names.sorting import collator
from search.queries import SearchResult
from signatories.models import SignatoryKind
from tests.factories import ListEntryFactory, SignatoryFactory, SourceVersionFactory

pytestmark = pytest.mark.django_db
URL = reverse("signatories:list")


def names(response) -> list[str]:
    html = response.content.decode()
    found = re.findall(r'<a class="name" href="[^"]+"><span[^>]*>(.*?)</span></a>', html, re.S)
    return [re.sub(r"<[^>]+>", "", n) for n in found]


def count(response) -> int:
    m = re.search(r'class="result-count">(\d+) signator', response.content.decode())
    return int(m.group(1))


def test_directory_lists_every_signatory_over_pages(client, seeded):
    first = client.get(URL)
    assert count(first) == 283
    assert len(names(first)) == 50
    assert "Page 1 of 6" in first.content.decode()


def test_search_finds_an_organisation_and_marks_the_match(client, seeded):
    response = client.get(URL, {"q": "amnesty"})
    found = names(response)
    assert "Amnesty International" in found
    assert count(response) == len(found) == 3
    assert "<mark>Amnesty</mark> International" in response.content.decode()


def test_a_search_that_left_words_out_says_so_and_marks_the_words_kept(client, seeded):
    response = client.get(URL, {"q": "Human Rights Watch China"})
    assert names(response) == ["Human Rights Watch"]
    page = response.content.decode()
    # No signatory is named so: the page must not say that one matches.
    assert "No signatory is named <q>Human Rights Watch China</q>" in page
    assert "Closest names, without <q>china</q>" in page
    assert "match" not in page.split('id="results-title"')[1].split("</h2>")[0]
    assert "<mark>Human Rights Watch</mark>" in page


def test_listed_in_and_missing_from_filter_by_source(client, seeded):
    missing_pdf = client.get(URL, {"missing_from": "pdf-text"})
    assert sorted(names(missing_pdf)) == [
        "Amnestie Internationale Canada francophone",
        "российское представительство Amnesty International",
        "مرصد الصحراء للسلم والديمقراطية وحقوق الإنسان",
    ]
    only_minbyun = client.get(
        URL, {"missing_from": "cihrs-web", "listed_in": "minbyun-press-release"}
    )
    assert sorted(names(only_minbyun)) == [
        "Amnestie Internationale Canada francophone",
        "российское представительство Amnesty International",
    ]


def test_coverage_filter_splits_full_and_partial_signatories(client, seeded):
    assert count(client.get(URL, {"coverage": "all"})) == 279
    assert count(client.get(URL, {"coverage": "some"})) == 4


def test_kind_filter_keeps_individuals(client, seeded):
    response = client.get(URL, {"kind": SignatoryKind.INDIVIDUAL})
    assert count(response) == 2
    assert all("individually" in name for name in names(response))


def test_initial_jump_lists_names_of_that_letter_and_other_scripts(client, seeded):
    a_names = names(client.get(URL, {"initial": "A"}))
    assert a_names and all(n[0] in "Aa" for n in a_names)
    others = names(client.get(URL, {"initial": "other"}))
    assert "台灣南社" in others
    assert "Московская Хельсинкская группа" in others
    assert not any(n[0].isascii() and n[0].isalpha() for n in others)


def test_sorting_by_name_descending_follows_the_collation_algorithm(client, seeded):
    found = names(client.get(URL, {"sort": "-name", "coverage": "all"}))
    assert found == sorted(found, key=collator().sort_key, reverse=True)
    assert found != sorted(found, reverse=True)  # not code-point order


def test_sorting_by_fewest_lists_puts_partial_signatories_first(client, seeded):
    found = names(client.get(URL, {"sort": "sources"}))
    assert set(found[:4]) == {
        "Amnesty International",
        "Amnestie Internationale Canada francophone",
        "российское представительство Amnesty International",
        "مرصد الصحراء للسلم والديمقراطية وحقوق الإنسان",
    }


def test_pagination_links_keep_the_filters(client, seeded):
    html = client.get(URL, {"coverage": "all", "kind": "organisation"}).content.decode()
    next_link = re.search(r'<a href="([^"]+)" rel="next">', html).group(1)
    assert (
        "coverage=all" in next_link and "kind=organisation" in next_link and "page=2" in next_link
    )
    second = client.get(URL + next_link.replace("&amp;", "&"))
    assert "Page 2 of" in second.content.decode()


def test_row_marks_say_which_sources_list_the_name(client, seeded):
    html = client.get(URL, {"q": "Amnesty International"}).content.decode()
    assert "Listed by CIHRS, PDF, FORUM-ASIA; not by MINBYUN." in html


def test_search_form_and_results_region_are_wired_for_enhancement(client, seeded):
    html = client.get(URL).content.decode()
    assert 'id="directory-search"' in html
    assert re.search(r'id="directory-results"[^>]*aria-live="polite"', html)
    assert re.search(r'<script src="/static/js/search\.js" defer></script>', html)
    assert "search.js" not in client.get(reverse("letters:letter")).content.decode()


def test_download_links_carry_the_current_filters(client, seeded):
    html = client.get(URL, {"q": "amnesty", "page": "1"}).content.decode()
    assert f'href="{reverse("signatories:csv")}?q=amnesty"' in html
    assert f'href="{reverse("signatories:json")}?q=amnesty"' in html


def test_invalid_filter_value_shows_an_error_not_a_crash(client, seeded):
    client.get(URL)  # the whole directory's total, kept for the data version
    response = client.get(URL, {"kind": "planet"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert count(response) == 0


def test_the_whole_directory_is_counted_once_per_data_version(client, seeded):
    def counts_queried(**params) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, params)
        assert count(response) == expected
        return sum("COUNT(*)" in q["sql"] for q in queries.captured_queries)

    expected = 283
    assert counts_queried() == 1
    assert counts_queried() == counts_queried(sort="-name") == 0
    expected = 2  # "HRIC", and "Human Rights in China", whose initials it is
    assert counts_queried(q="hric") == 0  # a search knows how many it ranked

    letter = Letter.objects.get()
    SignatoryFactory(letter=letter)
    Letter.objects.filter(pk=letter.pk).update(data_version=F("data_version") + 1)
    expected = 284
    assert counts_queried() == 1


def test_right_to_left_names_get_dir(client, seeded):
    html = client.get(URL, {"missing_from": "pdf-text"}).content.decode()
    assert '<span dir="rtl">مرصد الصحراء' in html


def test_search_keeps_the_order_search_returns_unless_a_sort_is_chosen(client, db, monkeypatch):
    source = SourceVersionFactory()
    for name in ("Alpha Group", "Beta Group", "Gamma Group"):
        ListEntryFactory(source=source, signatory=SignatoryFactory(imported_name=name))

    def reversed_search(queryset, q, complete=False, fields=()):
        return SearchResult(signatories=queryset.filter(name__icontains=q).order_by("-name"))

    monkeypatch.setattr("public.filters.search_signatories", reversed_search)
    assert names(client.get(URL, {"q": "group"})) == ["Gamma Group", "Beta Group", "Alpha Group"]
    assert names(client.get(URL, {"q": "group", "sort": "name"})) == [
        "Alpha Group",
        "Beta Group",
        "Gamma Group",
    ]


def test_overlong_or_malformed_queries_are_refused_politely(client, seeded):
    long_query = client.get(URL, {"q": "a" * 201})
    assert long_query.status_code == 200
    assert "at most 200 characters" in long_query.content.decode()
    assert count(long_query) == 0
    # A NUL byte is refused, by the form (no results) or by the middleware in front (400).
    null = client.get(URL, {"q": "amnesty\x00"})
    assert null.status_code in (200, 400)
    assert null.status_code == 400 or count(null) == 0
    bad_initial = client.get(URL, {"initial": "zz"})
    assert "Initial: Select a valid choice" in bad_initial.content.decode()

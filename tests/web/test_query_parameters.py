"""Junk query parameters reach no view and cost no cache entry; the response cache is bounded.

A public view sees only the parameters it declares (web/parameters.py), and the in-process page
cache keys on those alone and holds at most its byte budget (web/pagecache.py).
"""

import logging

import pytest
from django.core.cache import caches
from django.urls import resolve

from tests.web.test_hostile_input import example_urls
from web.pagecache import BoundedMemoryCache
from web.parameters import declared_parameters


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_CACHE_ENABLED = True
    settings.PUBLIC_RESPONSE_CACHE_ENABLED = True
    store = caches[settings.PUBLIC_CACHE_ALIAS]
    store.clear()
    yield store
    store.clear()


def test_junk_parameters_share_the_pages_one_cache_entry(client, seeded, page_cache):
    plain = client.get("/signatories.json")

    answers = [client.get(f"/signatories.json?junk={n}&utm_source=x{n}") for n in range(200)]

    assert {a.status_code for a in answers} == {200}
    assert {a.content for a in answers} == {plain.content}
    entries, size = page_cache.usage()
    assert entries == 1
    assert size < 2 * len(plain.content)


def test_the_parameters_a_view_reads_still_choose_the_page(client, seeded, page_cache):
    tibet = client.get("/signatories/?q=tibet")
    china = client.get("/signatories/?q=china")
    reordered = client.get("/signatories/?sort=name&q=tibet")
    sorted_tibet = client.get("/signatories/?q=tibet&sort=name")

    assert tibet.content != china.content
    assert reordered.content == sorted_tibet.content
    assert page_cache.usage()[0] == 3


def test_links_on_a_page_carry_no_parameter_the_page_does_not_read(client, seeded):
    response = client.get("/signatories/?q=rights&utm_source=mail&x=%3Cscript%3E")

    body = response.content.decode()
    assert "q=rights" in body  # the pagination and download links keep the search...
    assert "utm_source" not in body and "%3Cscript" not in body  # ...and nothing else


@pytest.mark.parametrize("query", ["", "?junk=1"])
def test_no_public_view_reads_a_parameter_it_does_not_declare(client, seeded, caplog, query):
    with caplog.at_level(logging.WARNING, logger="web.parameters"):
        for url in example_urls():
            declared = declared_parameters(resolve(url).func)
            filled = "&".join(f"{name}=1" for name in sorted(declared))
            client.get(url + query)
            client.get(f"{url}?{filled}")

    assert [r.getMessage() for r in caplog.records if r.name == "web.parameters"] == []


def test_a_view_that_reads_an_undeclared_parameter_is_told(client, seeded, caplog, monkeypatch):
    from public.collation_views import CollationView

    monkeypatch.setattr(CollationView, "query_parameters", frozenset({"a", "b"}))
    with caplog.at_level(logging.WARNING, logger="web.parameters"):
        response = client.get("/collation/?typography=hide")

    assert "Hide typographic variants" in response.text  # it never saw typography=hide
    assert "reads the query parameter 'typography'" in caplog.text


def cache(max_bytes: int) -> BoundedMemoryCache:
    store = BoundedMemoryCache(f"test-{max_bytes}", {"OPTIONS": {"MAX_BYTES": max_bytes}})
    store.clear()
    return store


def test_the_page_cache_keeps_at_most_its_byte_budget():
    store = cache(20_000)

    for n in range(100):
        store.set(f"page-{n}", b"x" * 1_000)

    entries, size = store.usage()
    assert size <= 20_000
    assert entries < 20
    assert store.get("page-99") == b"x" * 1_000  # the newest stay
    assert store.get("page-0") is None  # the oldest went first


def test_the_page_cache_drops_the_least_recently_read_and_refuses_the_oversized():
    store = cache(5_000)
    for n in range(4):
        store.set(f"page-{n}", b"x" * 1_000)

    store.get("page-0")
    store.set("page-4", b"x" * 1_000)
    store.set("huge", b"x" * 6_000)

    assert store.get("page-0") is not None
    assert store.get("page-1") is None
    assert store.get("huge") is None
    assert store.usage()[1] <= 5_000

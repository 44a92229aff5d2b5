"""Property-based fuzzing of every public URL's path parameters and query: never a 5xx.

The routes are enumerated from the resolver when the tests are collected, so a page added later is
fuzzed without anyone touching this file.
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letters.models import SourceVersion
from signatories.models import Signatory
from tests.web.routes import public_routes

HOSTILE = [
    "",
    "..",
    "%2e%2e",
    "../../etc/passwd",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\u202eevil",
    "\x00",
    "%00",
    "%ff",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e400",
    "NaN",
    "x" * 300,
    "tibet",
]
PARAMETER_NAMES = [
    "q",
    "page",
    "page_size",
    "sort",
    "order",
    "kind",
    "source",
    "sources",
    "language",
    "country",
    "format",
    "letter",
    "signatory",
    "only",
    "missing",
    "in",
    "not_in",
    "script",
    "match",
]

text_values = st.text(max_size=60)
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
raw_bytes = st.binary(max_size=30)  # percent-encoded as they are: invalid UTF-8 included


def encoded(value) -> str:
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value, safe="")


query_values = st.one_of(text_values, numbers, st.sampled_from(HOSTILE), raw_bytes)
query_names = st.one_of(st.sampled_from(PARAMETER_NAMES), st.text(min_size=1, max_size=12))
queries = st.lists(st.tuples(query_names, query_values), max_size=6).map(
    lambda pairs: "&".join(f"{encoded(k)}={encoded(v)}" for k, v in pairs)
)
ROUTES = public_routes()


@pytest.fixture(autouse=True)
def production_caching(settings):
    # The cache layer on, as in production; the response store off, so every view really runs.
    settings.PUBLIC_CACHE_ENABLED = True
    settings.PUBLIC_RESPONSE_CACHE_ENABLED = False
    caches[settings.PUBLIC_CACHE_ALIAS].clear()


def test_routes_are_enumerated_from_the_resolver():
    templates = {route.template for route in ROUTES}

    assert {"/", "/signatories/", "/signatories/{slug}/", "/api/signatories"} <= templates
    assert not any(t.startswith("/admin/") for t in templates)


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.template)
def test_fuzzed_parameters_never_cause_a_server_error(client, seeded, route):
    slugs = list(Signatory.objects.values_list("slug", flat=True)[:20])
    slugs += list(SourceVersion.objects.values_list("slug", flat=True))
    segment = st.one_of(
        st.sampled_from(slugs), st.sampled_from(HOSTILE), text_values, raw_bytes
    ).map(encoded)

    @settings(
        max_examples=30,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        values=st.fixed_dictionaries({name: segment for name in route.parameters}), query=queries
    )
    def check(values, query):
        url = route.fill(**values) + (f"?{query}" if query else "")
        for method in (client.get, client.head):
            response = method(url)
            assert response.status_code < 500, (url, response.status_code)

    check()

"""deploy/nginx.conf run by a real nginx: its cache key, its rate limits and its own error pages.

In front of a stand-in for the app (tests/nginx_front.py); the same file, localised, that
docs/deploy.md deploys and the load test measures.
"""

import re

import pytest
from django.conf import settings
from django.urls import resolve

from tests.web.nginx_front import NGINX, NginxFront
from tests.web.routes import public_routes
from web.parameters import declared_parameters

SECURITY_HEADERS = [
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]
RULES = (settings.BASE_DIR / "deploy" / "nginx-archive.conf").read_text()
CONF = (settings.BASE_DIR / "deploy" / "nginx.conf").read_text()


@pytest.fixture(autouse=True)
def nginx_present():
    # `make test` installs it (Makefile: system-deps); a missing tool is a failure, not a skip.
    assert NGINX, "nginx missing: run `make system-deps`"


@pytest.fixture
def front(tmp_path):
    with NginxFront(tmp_path) as running:
        yield running


def app_parameters() -> set[str]:
    names = set()
    for route in public_routes():
        names |= declared_parameters(
            resolve(route.fill(**dict.fromkeys(route.parameters, "x"))).func
        )
    return names


def test_the_cache_key_names_exactly_the_parameters_the_app_reads():
    key = re.search(r'proxy_cache_key "([^"]+)";', RULES).group(1)
    in_key = re.findall(r"(\w+)=\$arg_(\w+)", key)
    case_variants = re.search(r"\(\?i:([\w|]+)\)", CONF).group(1).split("|")

    assert all(name == arg for name, arg in in_key)
    assert [name for name, _ in in_key] == sorted(app_parameters())
    assert case_variants == sorted(app_parameters())


def test_junk_parameters_are_answered_from_the_pages_cache_entry(front):
    assert front.get("/signatories/")[1]["X-Cache-Status"] == "MISS"

    answers = [front.get(f"/signatories/?junk={n}&utm_source=x{n}") for n in range(30)]

    assert {a[1]["X-Cache-Status"] for a in answers} == {"HIT"}
    assert {a[2] for a in answers} == {b"/signatories/"}
    assert front.requests == ["/signatories/"]


def test_a_flood_of_junk_on_a_page_not_yet_cached_reaches_the_app_once(front):
    answers = [front.get(f"/signatories/?junk={n}")[1]["X-Cache-Status"] for n in range(30)]

    assert answers == ["MISS"] + ["HIT"] * 29
    assert front.requests == ["/signatories/?junk=0"]


def test_the_parameters_the_app_reads_are_keyed_whatever_their_order(front):
    front.get("/signatories/?q=tibet&page=2")
    front.get("/signatories/?q=china&page=2")
    status, headers, body = front.get("/signatories/?page=2&q=tibet&junk=1")

    assert headers["X-Cache-Status"] == "HIT"
    assert body == b"/signatories/?q=tibet&page=2"
    assert len(front.requests) == 2


@pytest.mark.parametrize(
    "target, then",
    [
        ("/signatories/?Q=evil", "/signatories/?q=evil"),  # nginx reads Q as q, the app does not
        ("/signatories/?q=evil&q=good", "/signatories/?q=evil"),  # nginx: first, Django: last
        ("/signatories/?%71=evil", "/signatories/"),  # the app decodes %71 to q, nginx does not
        ("/signatories/?q=evil&q", "/signatories/?q=evil"),  # the app reads the empty one
        ("/signatories/?PAGE=9&q=x", "/signatories/?q=x&page=9"),
    ],
)
def test_a_query_string_the_app_may_read_otherwise_is_never_stored(front, target, then):
    front.get(target)

    status, headers, body = front.get(then)

    assert headers["X-Cache-Status"] == "MISS"
    assert body == then.encode()
    assert front.requests == [target, then]


def assert_styled_with_the_apps_headers(status, headers, body, expected_status, title, client):
    django = client.get("/robots.txt")
    assert status == expected_status
    assert f"<h1>{title}</h1>".encode() in body
    assert b'href="/_errors/errors.css"' in body
    for name in SECURITY_HEADERS:
        assert headers.get(name) == django[name], name
    assert "no-store" in headers["Cache-Control"]


def test_downloads_are_limited_harder_than_pages(front, client, db):
    downloads = [front.get("/signatories.csv")[0] for _ in range(12)]
    pages = [front.get("/signatories/")[0] for _ in range(12)]

    assert downloads[:6] == [200] * 6  # one a second, with a burst of five
    assert 429 in downloads
    assert pages == [200] * 12
    status, headers, body = front.get("/signatories.json")
    assert_styled_with_the_apps_headers(status, headers, body, 429, "Too many requests", client)


def test_a_flood_of_pages_from_one_address_is_limited(front):
    answers = [front.get(f"/signatories/?q=n{n}")[0] for n in range(120)]

    assert answers[:40] == [200] * 40
    assert answers.count(429) > 0


@pytest.mark.parametrize("size", [4_500, 9_000])
def test_an_overlong_request_line_gets_nginxs_styled_414(front, client, db, size):
    status, headers, body = front.get("/signatories/?q=" + "x" * size)

    assert_styled_with_the_apps_headers(status, headers, body, 414, "Address too long", client)
    assert front.requests == []


def test_an_overlong_header_gets_nginxs_styled_400(front, client, db):
    status, headers, body = front.get("/signatories/", headers={"X-Padding": "x" * 5_000})

    assert_styled_with_the_apps_headers(status, headers, body, 400, "Bad request", client)
    assert front.requests == []


def test_with_the_app_down_nginx_answers_a_styled_502_with_the_apps_headers(tmp_path, client, db):
    with NginxFront(tmp_path, upstream_alive=False) as front:
        status, headers, body = front.get("/signatories/")
        css_status, css_headers, css = front.get("/_errors/errors.css")

    assert_styled_with_the_apps_headers(
        status, headers, body, 502, "Temporarily unavailable", client
    )
    assert css_status == 200 and b"--accent" in css

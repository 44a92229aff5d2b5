"""Hostile requests never reach a 5xx, never change data, and error pages reveal nothing."""

from urllib.parse import urlsplit

import pytest
from django.db.models import Sum
from django.test import Client
from django.urls import path

from letters.models import Letter, SourceVersion
from signatories.models import ListEntry, Signatory
from tests.web.routes import public_routes

WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "CONNECT"]
SEARCH_PAGES = ["/signatories/", "/api/signatories"]
LEAKS = ["Traceback", "/work/", "site-packages", 'File "', "django.core", "django.db"]


def failing_view(request):
    raise RuntimeError("secret internals: /work/main/config/settings.py")


# Used by the tests below marked with @pytest.mark.urls(__name__).
urlpatterns = [path("boom/", failing_view)]
handler500 = "web.errors.server_error"


def data_fingerprint() -> tuple:
    return (
        Letter.objects.aggregate(v=Sum("data_version"))["v"],
        SourceVersion.objects.count(),
        Signatory.objects.count(),
        ListEntry.objects.count(),
        sorted(Signatory.objects.values_list("name", flat=True))[:5],
    )


def example_urls() -> list[str]:
    """Every public route, its parameters filled with real slugs."""
    signatory = Signatory.objects.order_by("pk").first().slug
    source = SourceVersion.objects.order_by("pk").first().slug
    urls = []
    for route in public_routes():
        slug = source if "source" in route.name else signatory
        urls.append(route.fill(**dict.fromkeys(route.parameters, slug)))
    return urls


def assert_reveals_nothing(response) -> None:
    body = response.content.decode("utf-8", "replace")
    for leak in LEAKS:
        assert leak not in body


@pytest.mark.parametrize("method", WRITE_METHODS)
def test_every_public_url_refuses_other_methods_and_changes_nothing(client, seeded, method):
    before = data_fingerprint()

    for url in example_urls():
        response = client.generic(method, url, data=b"name=Changed", content_type="text/plain")
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD"

    assert data_fingerprint() == before


def test_refused_method_on_the_api_answers_json(client, db):
    response = client.delete("/api/signatories")

    assert response.status_code == 405
    assert response.json() == {
        "error": "This archive is read-only: its pages can only be read (GET or HEAD).",
        "status": 405,
    }


def test_admin_still_accepts_post(client, db):
    response = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})

    assert response.status_code in (200, 403)  # the form again, or CSRF refusal: not 405


def test_every_public_url_answers_head(client, seeded):
    for url in example_urls():
        response = client.head(url)
        assert response.status_code == 200, url
        assert response.content == b""


@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_twenty_kilobyte_query_is_refused_as_too_long(client, db, url):
    response = client.get(url, {"q": "x" * 20_000})

    assert response.status_code == 414


@pytest.mark.parametrize("query", ["q=%00", "q=tib%00et", "%00=1", "page=%00"])
@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_nul_bytes_are_refused(client, db, url, query):
    response = client.get(f"{url}?{query}")

    assert response.status_code == 400


def test_nul_byte_in_the_path_is_refused(client, db):
    assert client.get("/signatories/a%00b/").status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "q=%ff",
        "q=%ff%fe%c3",
        "q=%c3%28",
        "q=%ed%a0%80",  # an encoded lone surrogate
        "page=%ff",
        "%ff=%ff",
    ],
)
@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_invalid_utf8_is_answered_without_error(client, seeded, url, query):
    response = client.get(f"{url}?{query}")

    assert response.status_code < 500
    assert_reveals_nothing(response)


@pytest.mark.parametrize(
    "page", ["-1", "0", "abc", "1e9", "99999999999999999999999999", "1.5", " 1", "last", ""]
)
@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_strange_page_numbers_are_answered_without_error(client, seeded, url, page):
    response = client.get(url, {"page": page})

    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize("size", ["1000000000", "-5", "0", "x", "99999999999999999999"])
def test_strange_page_sizes_are_answered_without_error(client, seeded, size):
    response = client.get("/api/signatories", {"page_size": size})

    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert len(response.json()["results"]) <= 500


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "password"},
        {"sort": "-__class__"},
        {"order": "name; DROP TABLE signatories_signatory"},
        {"kind": "nonsense"},
        {"source": "no-such-source"},
        {"language": "xx" * 50},
        {"unknown_filter": "1", "another": "2"},
        {"format": "../../etc/passwd"},
    ],
)
@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_unknown_filters_and_sort_keys_are_answered_without_error(client, seeded, url, params):
    response = client.get(url, params)

    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize(
    "q",
    [
        "' OR 1=1 --",
        '"; DROP TABLE signatories_signatory; --',
        "%' AND SLEEP(5) --",
        "\\",
        "%%%",
        "_",
        "*",
        "tibet*",
        '"unbalanced',
        "NEAR(a b)",
        "a AND OR NOT b",
        "{{ settings.SECRET_KEY }}",
        "${jndi:ldap://x}",
        "\u202etebit\u202c",
        "\u200f\u200e\u2066",
        "Tib\u0435t",  # Cyrillic е
        "🏳️‍🌈" * 20,
        " " * 150,
    ],
)
@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_injection_and_control_strings_are_searched_safely(client, seeded, settings, url, q):
    before = data_fingerprint()

    response = client.get(url, {"q": q})

    assert response.status_code in (200, 400)
    assert_reveals_nothing(response)
    assert settings.SECRET_KEY not in response.content.decode()
    assert data_fingerprint() == before


def test_markup_in_the_query_comes_back_escaped(client, seeded):
    response = client.get("/signatories/", {"q": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/signatories/no-such-signatory/",
        "/sources/no-such-source/",
        "/api/signatories/no-such-signatory",
        "/signatories/%E2%80%AEevil/",
        "/nothing-here",
    ],
)
def test_unknown_slugs_are_a_plain_404(client, seeded, url):
    response = client.get(url)

    assert response.status_code == 404
    assert_reveals_nothing(response)


@pytest.mark.parametrize(
    "url",
    [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/signatories/..%2f..%2fconfig%2fsettings.py",
        "/static/../config/settings.py",
        "/static/%2e%2e/config/settings.py",
        "/static/..%5c..%5cconfig%5csettings.py",
        "//signatories//",
        "/signatories//",
        "///etc/passwd",
        "/./signatories/",
        "/signatories/%2e/",
    ],
)
def test_path_tricks_reach_nothing_outside_the_site(client, db, url):
    response = client.get(url)

    assert response.status_code in (200, 301, 302, 400, 404), url
    assert b"SECRET_KEY" not in response.content
    assert b"root:" not in response.content


@pytest.mark.parametrize("url", ["//evil.example.com", "//evil.example.com/%2e%2e", "/\\evil.com"])
def test_double_slash_paths_do_not_redirect_off_site(client, db, url):
    response = client.get(url)

    assert response.status_code < 500
    location = response.get("Location", "")
    assert not location.startswith("//")
    assert urlsplit(location).netloc in ("", "testserver")


def test_not_found_page_is_styled_and_never_echoes_markup(client, db):
    response = client.get("/signatories/<b>echo-me</b>/")

    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "<b>echo-me</b>" not in response.text
    assert "<html" in response.text


def test_bad_request_page_is_styled(client, db):
    response = client.get("/signatories/?q=%00")

    assert "Bad request" in response.text
    assert "<html" in response.text
    assert_reveals_nothing(response)


@pytest.mark.urls(__name__)
def test_server_error_page_is_styled_and_reveals_nothing(db):
    client = Client(raise_request_exception=False)

    response = client.get("/boom/")

    assert response.status_code == 500
    assert "Server error" in response.text
    assert "secret internals" not in response.text
    assert_reveals_nothing(response)
    assert "no-store" in response["Cache-Control"]


def test_disallowed_host_is_a_400_not_a_500(db):
    client = Client(raise_request_exception=False)

    response = client.get("/", headers={"host": "evil.example.com"})

    assert response.status_code == 400

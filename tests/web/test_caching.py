"""HTTP caching of public pages: validators from the data version, 304s, and what is never cached."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db.models import F
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

from intake.importer import load_letters
from letters.models import Letter
from signatories.models import Signatory
from web.caching import current_data_version

PUBLIC_PAGES = ["/", "/signatories/", "/signatories/?q=tibet", "/api/signatories?q=tibet"]


def sets_a_cookie(request):
    response = HttpResponse("hello")
    response.set_cookie("flavour", "oat")
    return response


def varies_on_cookie(request):
    response = HttpResponse("hello")
    patch_vary_headers(response, ["Cookie"])
    return response


# Used by the tests below marked with @pytest.mark.urls(__name__).
urlpatterns = [
    path("cookie/", sets_a_cookie),
    path("vary/", varies_on_cookie),
]


@pytest.fixture(autouse=True)
def production_caching(settings):
    settings.PUBLIC_CACHE_ENABLED = True
    settings.PUBLIC_RESPONSE_CACHE_ENABLED = True
    caches[settings.PUBLIC_CACHE_ALIAS].clear()
    yield
    caches[settings.PUBLIC_CACHE_ALIAS].clear()


def bump_data_version():
    Letter.objects.update(data_version=F("data_version") + 1)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_is_cacheable_by_anyone_for_a_while(client, seeded, url):
    response = client.get(url)

    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert "public" in directives
    max_age = int(next(d for d in directives if d.startswith("max-age=")).split("=")[1])
    assert max_age >= 60
    assert any(d.startswith("stale-while-revalidate=") for d in directives)
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_matching_if_none_match_answers_304_without_a_body(client, seeded, url):
    etag = client.get(url)["ETag"]

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "public" in response["Cache-Control"]


def test_if_modified_since_the_last_import_answers_304(client, seeded):
    last_modified = client.get("/signatories/")["Last-Modified"]

    response = client.get("/signatories/", headers={"if-modified-since": last_modified})

    assert response.status_code == 304


def test_if_modified_since_before_the_import_answers_200(client, seeded):
    response = client.get("/signatories/", headers={"if-modified-since": http_date(0)})

    assert response.status_code == 200


def test_etag_changes_after_an_import_that_changes_data(client, seeded, seed_folder):
    before = client.get("/signatories/")["ETag"]
    signatory = Signatory.objects.order_by("pk").first()
    Signatory.objects.filter(pk=signatory.pk).update(imported_name="Damaged name")

    reports = load_letters([seed_folder])

    assert any(report.changed for report in reports)
    response = client.get("/signatories/", headers={"if-none-match": before})
    assert response.status_code == 200
    assert response["ETag"] != before


def test_reimport_without_changes_keeps_the_etag(client, seeded, seed_folder):
    before = client.get("/")["ETag"]

    load_letters([seed_folder])

    assert client.get("/", headers={"if-none-match": before}).status_code == 304


def test_curation_changes_etag_and_last_modified(client, seeded):
    from curation.log import record

    Letter.objects.update(imported_at=timezone.now() - timedelta(hours=1))
    first = client.get("/signatories/")
    letter = Letter.objects.get()

    record(
        letter=letter,
        action="signatory-note",
        summary="A note",
        changes=[],
        reason="Checked against the press release",
        evidence_url="",
        user=None,
    )

    by_etag = client.get("/signatories/", headers={"if-none-match": first["ETag"]})
    by_date = client.get("/signatories/", headers={"if-modified-since": first["Last-Modified"]})
    assert by_etag.status_code == 200
    assert by_etag["ETag"] != first["ETag"]
    assert by_date.status_code == 200
    assert by_date["Last-Modified"] != first["Last-Modified"]


def test_page_reflects_curation_although_it_was_cached(client, seeded):
    signatory = Signatory.objects.order_by("pk").first()
    client.get(signatory.get_absolute_url())

    Signatory.objects.filter(pk=signatory.pk).update(name="A curated display name")
    bump_data_version()

    assert "A curated display name" in client.get(signatory.get_absolute_url()).text


def test_response_cache_serves_the_same_bytes_until_the_version_changes(client, seeded):
    signatory = Signatory.objects.order_by("pk").first()
    first = client.get("/signatories/")

    # A change that skips the data version is not seen: the version is the cache's only key.
    Signatory.objects.filter(pk=signatory.pk).update(name="Zzz silently changed")
    second = client.get("/signatories/")

    assert second.content == first.content
    bump_data_version()
    assert client.get("/signatories/").content != first.content


def test_one_query_answers_a_cached_page(client, seeded, django_assert_num_queries):
    client.get("/signatories/")

    with django_assert_num_queries(1):
        response = client.get("/signatories/")

    assert response.status_code == 200


def test_one_query_answers_a_conditional_request(client, seeded, django_assert_num_queries):
    etag = client.get("/")["ETag"]

    with django_assert_num_queries(1):
        response = client.get("/", headers={"if-none-match": etag})

    assert response.status_code == 304


def test_head_gets_the_same_validators_and_no_body(client, seeded):
    get = client.get("/sources/")
    head = client.head("/sources/")

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Cache-Control"] == get["Cache-Control"]


def test_healthz_is_never_cached_nor_answered_304(client, db):
    etag = current_data_version().etag

    response = client.get("/healthz", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_admin_is_never_cached(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_refused_writes_are_never_cached(client, db, method):
    response = getattr(client, method)("/signatories/")

    assert response.status_code == 405
    assert "no-store" in response["Cache-Control"]


def test_not_found_is_not_marked_public(client, db):
    response = client.get("/signatories/no-such-signatory/")

    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
    assert not response.has_header("ETag")


@pytest.mark.urls(__name__)
def test_response_that_sets_a_cookie_is_private(client, db):
    response = client.get("/cookie/")

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


@pytest.mark.urls(__name__)
def test_response_that_varies_on_cookie_is_private_and_not_stored(client, db, settings):
    response = client.get("/vary/")

    assert "private" in response["Cache-Control"]
    assert caches[settings.PUBLIC_CACHE_ALIAS].usage() == (0, 0)


def test_no_caching_headers_when_http_caching_is_disabled(client, seeded, settings):
    settings.PUBLIC_CACHE_ENABLED = False

    response = client.get("/signatories/")

    assert not response.has_header("ETag")
    assert "public" not in response.get("Cache-Control", "")

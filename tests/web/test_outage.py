"""With the database down, pages answer a styled 503 and /healthz says so; never a 500."""

import json
import socket
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from tests.web.test_settings import get_in_production, manage, production_env
from web.errors import server_error

PAGES = ["/", "/signatories/", "/signatories/?q=tibet", "/sources/", "/signatories/some-slug/"]


@pytest.fixture
def database_down():
    """Every new query fails as it does when PostgreSQL has gone away."""
    error = OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    with mock.patch.object(connection, "ensure_connection", side_effect=error):
        yield


@pytest.fixture(params=[True, False], ids=["http-cache-on", "http-cache-off"])
def http_caching(request, settings):
    settings.PUBLIC_CACHE_ENABLED = request.param


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_a_styled_503_while_the_database_is_down(db, http_caching, database_down, url):
    response = Client(raise_request_exception=False).get(url)

    assert response.status_code == 503
    assert "Temporarily unavailable" in response.text
    assert "<html" in response.text
    assert "Connection refused" not in response.text
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert response.has_header("Content-Security-Policy")


def test_a_missing_page_is_still_a_404_while_the_database_is_down(db, http_caching, database_down):
    response = Client(raise_request_exception=False).get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text


def test_api_answers_a_json_503_while_the_database_is_down(db, http_caching, database_down):
    response = Client(raise_request_exception=False).get("/api/signatories?q=tibet")

    assert response.status_code == 503
    assert "error" in response.json()


def test_healthz_answers_503_while_the_database_is_down(db, database_down):
    response = Client(raise_request_exception=False).get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_database_error_outside_a_view_also_becomes_a_503():
    request = RequestFactory().get("/signatories/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)

    assert response.status_code == 503
    assert b"Temporarily unavailable" in response.content


def test_other_errors_stay_a_500():
    request = RequestFactory().get("/signatories/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)

    assert response.status_code == 500
    assert b"Server error" in response.content


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


def test_a_real_dead_postgresql_gives_503_pages_and_an_unhealthy_healthz(tmp_path):
    dead = f"postgres://archive@127.0.0.1:{closed_port()}/archive"
    env = production_env(tmp_path, DATABASE_URL=dead, DJANGO_SECURE_SSL_REDIRECT="0")
    assert manage(env, "collectstatic", "--noinput", "--verbosity", "0").returncode == 0

    responses = get_in_production(env, [(url, {}) for url in [*PAGES, "/healthz"]])

    *pages, health = responses
    for page in pages:
        assert page["status"] == 503
        assert "Temporarily unavailable" in page["body"]
        assert "/static/css/site." in page["body"]  # styled, from the manifest, without the DB
    assert health["status"] == 503
    assert json.loads(health["body"])["status"] == "unavailable"

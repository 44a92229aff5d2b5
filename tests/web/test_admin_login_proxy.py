"""Behind nginx, an attacker's failed logins lock out the attacker's address, not the curator.

Every request reaches the app from nginx's address; the client's is the last entry nginx adds to
X-Forwarded-For ($proxy_add_x_forwarded_for). DJANGO_TRUSTED_PROXY_COUNT says how many such
proxies to trust; entries further left are the client's own claims.
"""

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse

from tests.curation.helpers import PASSWORD, make_user
from web.proxies import client_ip_address

NGINX = "172.18.0.3"
ATTACKER = "198.51.100.66"
CURATOR = "203.0.113.7"


def through_nginx(client_address: str, claimed: str = "") -> dict:
    """The headers nginx sends on: what the client claimed, then the address nginx saw."""
    forwarded = f"{claimed}, {client_address}" if claimed else client_address
    return {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": forwarded}


def login(client, password: str, **meta):
    return client.post(
        reverse("admin:login") + "?next=/admin/",
        {"username": "carla", "password": password},
        **meta,
    )


@pytest.fixture
def curator(db):
    return make_user("carla")


def address(count: int, **meta) -> str | None:
    with override_settings(TRUSTED_PROXY_COUNT=count):
        return client_ip_address(RequestFactory().get("/", **meta))


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored():
    assert address(0, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=CURATOR) == ATTACKER


def test_behind_one_proxy_the_client_is_the_address_the_proxy_added():
    assert address(1, **through_nginx(ATTACKER)) == ATTACKER
    assert address(1, **through_nginx(ATTACKER, claimed=CURATOR)) == ATTACKER


def test_behind_two_proxies_the_client_is_second_from_the_right():
    meta = {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": f"10.9.9.9, {CURATOR}, 192.0.2.44"}
    assert address(2, **meta) == CURATOR


def test_a_request_that_bypassed_the_proxies_or_a_garbled_header_counts_as_its_connection():
    assert address(1, REMOTE_ADDR=ATTACKER) == ATTACKER
    assert address(1, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR="not-an-address") == NGINX


@override_settings(TRUSTED_PROXY_COUNT=1, AXES_FAILURE_LIMIT=5)
def test_the_curator_logs_in_after_five_failures_from_another_address(client, curator):
    for _ in range(5):
        assert login(client, "wrong password", **through_nginx(ATTACKER)).status_code in (200, 429)
    assert login(client, PASSWORD, **through_nginx(ATTACKER)).status_code == 429

    response = login(client, PASSWORD, **through_nginx(CURATOR))

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(curator.pk)


@override_settings(TRUSTED_PROXY_COUNT=1, AXES_FAILURE_LIMIT=5)
def test_an_attacker_claiming_the_curators_address_locks_out_only_the_attacker(client, curator):
    for _ in range(5):
        login(client, "wrong password", **through_nginx(ATTACKER, claimed=CURATOR))

    assert login(client, PASSWORD, **through_nginx(CURATOR)).status_code == 302

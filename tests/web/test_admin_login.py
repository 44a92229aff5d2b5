"""Brute-force protection on the admin login: django-axes, keyed on username and IP address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.curation.helpers import PASSWORD, make_user

LIMIT = 3
IP = "203.0.113.7"


@pytest.fixture
def curator(db):
    return make_user("carla")


def login(client, username: str, password: str, ip: str = IP):
    return client.post(
        reverse("admin:login") + "?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def fail(client, times: int, username: str = "carla", ip: str = IP) -> None:
    for _ in range(times):
        response = login(client, username, "wrong password", ip)
        assert response.status_code in (200, 429)


def test_the_settings_lock_out_on_username_and_ip_address_with_a_cool_off():
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_FAILURE_LIMIT >= 3
    assert settings.AXES_COOLOFF_TIME > 0


@override_settings(AXES_FAILURE_LIMIT=LIMIT)
def test_the_right_password_works_below_the_failure_limit(client, curator):
    fail(client, LIMIT - 1)
    response = login(client, "carla", PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"


@override_settings(AXES_FAILURE_LIMIT=LIMIT)
def test_the_lockout_starts_after_the_failure_limit(client, curator):
    fail(client, LIMIT - 1)
    assert login(client, "carla", "wrong password").status_code == 429
    response = login(client, "carla", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=LIMIT)
def test_the_lockout_is_for_that_username_from_that_address_only(client, curator):
    make_user("omar")
    fail(client, LIMIT)
    assert login(client, "carla", PASSWORD, ip="198.51.100.9").status_code == 302
    client.logout()
    assert login(client, "omar", PASSWORD).status_code == 302


@override_settings(AXES_FAILURE_LIMIT=LIMIT)
def test_the_lockout_expires_after_the_cool_off(client, curator):
    fail(client, LIMIT)
    assert login(client, "carla", PASSWORD).status_code == 429

    # Move the failures back in time to just inside the cool-off: still locked.
    cool_off = timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempt = AccessAttempt.objects.get(username="carla", ip_address=IP)
    first_time = attempt.attempt_time
    AccessAttempt.objects.update(attempt_time=first_time - cool_off + timedelta(minutes=1))
    assert login(client, "carla", PASSWORD).status_code == 429

    # And to just past it: the lockout is over.
    AccessAttempt.objects.update(attempt_time=first_time - cool_off - timedelta(minutes=1))
    response = login(client, "carla", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(curator.pk)

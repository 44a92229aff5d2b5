"""Fixtures of the curation tests: a curator (in the Curators group) and a client logged in as one."""

import pytest

from tests.curation.helpers import make_user


@pytest.fixture
def curator(seeded):
    return make_user("carla")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client

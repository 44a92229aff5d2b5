"""The database settings built from DATABASE_URL and the environment (config/database.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from config.database import database_settings

POSTGRES_URL = "postgres://archive@db.example.org:5432/archive"


def server_options(environ: dict) -> dict[str, str]:
    """The server settings the app's connections ask for ("-c name=value ...")."""
    options = database_settings(POSTGRES_URL, environ)["OPTIONS"]["options"]
    flags, settings = options.split(), {}
    for flag, setting in zip(flags[::2], flags[1::2], strict=True):
        assert flag == "-c"
        name, value = setting.split("=")
        settings[name] = value
    return settings


def test_postgres_connections_price_a_random_page_read_for_memory_or_ssd():
    assert server_options({})["random_page_cost"] == "1.1"
    assert server_options({})["max_parallel_workers_per_gather"] == "0"  # the others stay


def test_an_operator_on_spinning_disks_can_restore_postgres_own_price():
    assert server_options({"DJANGO_DB_RANDOM_PAGE_COST": "4"})["random_page_cost"] == "4"
    assert server_options({"DJANGO_DB_RANDOM_PAGE_COST": "1.5"})["random_page_cost"] == "1.5"


@pytest.mark.parametrize("value", ["0", "-1", "cheap", "nan", "inf", "1.1; drop"])
def test_a_page_cost_that_is_not_a_positive_number_stops_the_start(value):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DB_RANDOM_PAGE_COST"):
        server_options({"DJANGO_DB_RANDOM_PAGE_COST": value})


@pytest.mark.parametrize("value", ["nan", "inf", "soon"])
def test_a_timeout_that_is_not_a_finite_number_stops_the_start(value):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DB_STATEMENT_TIMEOUT"):
        server_options({"DJANGO_DB_STATEMENT_TIMEOUT": value})


def test_sqlite_settings_take_no_postgres_options():
    options = database_settings("sqlite:////tmp/archive.sqlite3", {})["OPTIONS"]
    assert "options" not in options


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL settings")
def test_the_app_s_postgres_connections_use_the_price(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"

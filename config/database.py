"""The database settings: DATABASE_URL, plus how long to wait for a database that is busy or hung.

One function of the URL and the environment, so that tests can build either backend's settings
whatever backend they run on.

- SQLite: writes take the write lock when their transaction begins (BEGIN IMMEDIATE) and wait
  for it up to DJANGO_DB_LOCK_TIMEOUT seconds, so an admin save during an import waits instead
  of failing at once; WAL lets pages be read while something writes.
- PostgreSQL: connecting gives up after DJANGO_DB_CONNECT_TIMEOUT seconds and a statement after
  DJANGO_DB_STATEMENT_TIMEOUT (0: never), and the server runs every query on one process. A web
  request waits on the database DJANGO_DB_REQUEST_TIMEOUT seconds in all (web.database_deadline),
  which also holds when the server stops answering and cannot enforce its own timeout.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

POSTGRESQL = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


def seconds(environ: Mapping[str, str], name: str, default: float) -> float:
    value = environ.get(name) or str(default)
    try:
        number = float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, not {value!r}.") from None
    if number < 0:
        raise ImproperlyConfigured(f"{name} must be 0 or more.")
    return number


def database_settings(url: str, environ: Mapping[str, str] = os.environ) -> dict:
    config = dj_database_url.parse(
        url,
        conn_max_age=int(environ.get("DJANGO_CONN_MAX_AGE") or "60"),
        conn_health_checks=True,
    )
    options = config.setdefault("OPTIONS", {})
    if config["ENGINE"] == POSTGRESQL:
        # The same backend, whose connections give up when a web request's deadline passes.
        config["ENGINE"] = "web.postgresql"
        # libpq counts whole seconds and treats less than 2 as 2.
        options["connect_timeout"] = max(2, round(seconds(environ, "DJANGO_DB_CONNECT_TIMEOUT", 2)))
        statement_ms = round(seconds(environ, "DJANGO_DB_STATEMENT_TIMEOUT", 30) * 1000)
        # The archive's queries are small: parallel workers would only make the sample a broad
        # search ranks (the first matches found, search.reading.first_matches) change from one
        # run to the next, and a shared sequential scan would start anywhere in the table.
        options["options"] = (
            "-c max_parallel_workers_per_gather=0 -c synchronize_seqscans=off"
            f" -c statement_timeout={statement_ms}"
        )
    elif config["ENGINE"] == SQLITE:
        options.update(
            transaction_mode="IMMEDIATE",
            timeout=seconds(environ, "DJANGO_DB_LOCK_TIMEOUT", 20),
            init_command="PRAGMA journal_mode=WAL",
        )
    return config

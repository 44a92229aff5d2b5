"""The health check that load balancers and the container runtime poll."""

import os
from pathlib import Path

from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

from web.caching import not_cached, version_sql
from web.database_deadline import database_deadline
from web.errors import DATABASE_ERRORS

# The container's health check gives up after 4 s (deploy/healthcheck.py): answer well before.
HEALTH_DEADLINE_SECONDS = 1.5


def sqlite_file_problem() -> str | None:
    """What is wrong with the SQLite database file, if the database is one."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return None
    return database_file_problem(Path(connection.settings_dict["NAME"]))


def database_file_problem(path: Path) -> str | None:
    """Whether the file cannot take the archive's writes: "missing" or "read-only".

    An open connection keeps reading a deleted file, and a new one would create an empty file,
    so a query alone would say all is well.
    """
    if not path.is_file():
        return "missing"
    # The folder too: SQLite writes its journal and WAL files next to the database.
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return "read-only"
    return None


@not_cached
def healthz(request):
    """200 {"status": "ok"} when the archive's data can be read (and, on SQLite, its file is there
    and writable), else 503 saying what is wrong."""
    problem = sqlite_file_problem()
    if problem is None:
        try:
            with database_deadline(HEALTH_DEADLINE_SECONDS), connection.cursor() as cursor:
                cursor.execute(version_sql(connection))
                cursor.fetchone()
        except DATABASE_ERRORS:
            problem = "unreachable"
    if problem is None:
        response = JsonResponse({"status": "ok", "database": "ok"})
    else:
        response = JsonResponse({"status": "unavailable", "database": problem}, status=503)
    add_never_cache_headers(response)
    return response

"""One import at a time: a second `load_letter` waits for the first, then gives a clear error.

On SQLite the import's transaction begins by taking the database's write lock (BEGIN IMMEDIATE,
config/database.py); on PostgreSQL it takes an advisory lock. Either is waited for up to
DJANGO_DB_LOCK_TIMEOUT seconds: two imports at once run one after the other, and one that waits
longer is refused with ImportBusy, not a raw "database is locked" or IntegrityError.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction

from intake.manifest import LoadError

# Any constant every process shares; "letters" in ASCII. prepare_database uses another.
IMPORT_LOCK_ID = 0x6C657474657273
# SQLSTATE lock_not_available: PostgreSQL's lock_timeout expired.
LOCK_NOT_AVAILABLE = "55P03"


class ImportBusy(LoadError):
    """Another import (or a long write) held the database for longer than the lock timeout."""


def is_lock_timeout(error: OperationalError) -> bool:
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) == LOCK_NOT_AVAILABLE:
        return True
    return connection.vendor == "sqlite" and "database is locked" in str(error)


@contextmanager
def exclusive_import():
    """A transaction that holds the import lock for its whole length."""
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('lock_timeout', %s, true)",
                        [f"{round(settings.DATABASE_LOCK_TIMEOUT * 1000)}ms"],
                    )
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_ID])
            yield
    except OperationalError as error:
        if not is_lock_timeout(error):
            raise
        raise ImportBusy(
            f"another import (or another write) held the database for more than"
            f" {settings.DATABASE_LOCK_TIMEOUT:g} s; nothing was written. Run load_letter again when it"
            " has finished."
        ) from error

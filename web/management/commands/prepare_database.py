"""Migrate and load the letter at container start, safely when several app containers start at once.

Waits for the database to accept connections, then, on PostgreSQL, holds an advisory lock so that
only one container migrates and imports at a time; the others find nothing left to do.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from web.errors import DATABASE_ERRORS

# Any constant shared by every container; "archive" in ASCII.
ADVISORY_LOCK_ID = 0x61726368697665


class Command(BaseCommand):
    help = "Wait for the database, then run migrate and load_letter under a lock."

    def add_arguments(self, parser):
        parser.add_argument(
            "--wait", type=int, default=60, help="Seconds to wait for the database (default 60)."
        )

    def handle(self, *args, wait, verbosity, **options):
        self.wait_for_database(wait)
        locking = connection.vendor == "postgresql"
        if locking:
            with connection.cursor() as cursor:
                # Waiting for another container's migrate and import is no runaway statement.
                cursor.execute("SET statement_timeout = 0")
                cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_ID])
        try:
            call_command("migrate", interactive=False, verbosity=verbosity, stdout=self.stdout)
            call_command("load_letter", verbosity=verbosity, stdout=self.stdout)
        finally:
            if locking:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_ID])
        self.stdout.write(self.style.SUCCESS("Database ready."))

    def wait_for_database(self, seconds: int) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                connection.ensure_connection()
                return
            except DATABASE_ERRORS as exc:
                if time.monotonic() >= deadline:
                    raise CommandError(
                        f"The database did not answer in {seconds} s: {exc}"
                    ) from exc
                self.stdout.write(self.style.NOTICE("Waiting for the database..."))
                connection.close()
                time.sleep(1)

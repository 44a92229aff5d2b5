"""Load the letter and its source copies from fixtures/<letter>/letter.toml into the database.

This is the only way imported facts enter the archive. The command is a thin wrapper over
`letters.importers.load_letters`, which verifies every file before writing and writes everything in
one transaction: on any error nothing changes.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from letters.importers import LoadError, default_folders, load_letters


class Command(BaseCommand):
    help = "Load letter folders (default: every fixtures/*/letter.toml); idempotent."
    # Django's checks open a transaction to test SQLite's JSON support, which (transactions
    # taking the write lock up front) waits for a running import: past the lock timeout they
    # reported "SQLite does not support JSONFields" instead of the import's own clear refusal.
    # migrate and the server check the configuration.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("folders", nargs="*", type=Path, help="Letter folders to load.")

    def handle(self, *args, folders, verbosity, **options):
        folders = folders or default_folders(Path(settings.LETTER_FIXTURES_DIR))
        try:
            reports = load_letters(folders)
        except LoadError as exc:
            raise CommandError(f"Nothing was loaded: {exc}") from exc

        for report in reports:
            if verbosity >= 1:
                self.stdout.write(f"Letter {report.letter}: {report.letter_status}")
            for source in report.sources:
                if verbosity >= 1:
                    methods = ", ".join(f"{m} {n}" for m, n in sorted(source.methods.items()))
                    self.stdout.write(
                        f"  {source.slug}: {source.status}; {source.entries} entries"
                        f" (+{source.created} ~{source.updated} -{source.removed})"
                        + (f"; matched: {methods}" if methods else "")
                    )
                for warning in source.warnings:
                    self.stdout.write(self.style.WARNING(f"  {source.slug}: warning: {warning}"))
                if verbosity >= 2:
                    for ordinal, text, method, score, name in source.notable:
                        self.stdout.write(
                            f"    #{ordinal} {text!r} -> {name!r} ({method}, {score:g})"
                        )
            for slug in report.sources_removed:
                self.stdout.write(
                    self.style.NOTICE(f"  {slug}: removed (no longer in letter.toml)")
                )
            if verbosity >= 1:
                self.stdout.write(
                    f"  signatories: {report.signatories_total}"
                    f" ({report.in_every_source} in every list);"
                    f" created {report.signatories_created}, updated {report.signatories_updated},"
                    f" removed {report.signatories_removed}"
                )
            if report.changed:
                self.stdout.write(self.style.SUCCESS(f"Letter {report.letter}: loaded."))
            else:
                self.stdout.write(self.style.SUCCESS(f"Letter {report.letter}: nothing changed."))

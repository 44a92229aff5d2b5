"""Restore curation from a file written by `export_curation`.

Run `load_letter` first. The file is the letters' curation: afterwards the database's curated
fields, aliases, overrides, merges and source notes match it, and its corrections are in the log.
Everything happens in one transaction; `--dry-run` reports and rolls back.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from curation.exchange import CurationFileError, import_curation


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = "Import curation from a JSON file written by export_curation."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The JSON file to read.")
        parser.add_argument("--dry-run", action="store_true", help="Report, change nothing.")

    def handle(self, *args, path, dry_run, verbosity, **options):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path}: cannot read: {exc}") from exc
        try:
            with transaction.atomic():
                report = import_curation(document)
                if dry_run:
                    raise DryRun
        except DryRun:
            pass
        except (CurationFileError, KeyError, TypeError) as exc:
            raise CommandError(f"{path}: nothing was imported: {exc!r}") from exc
        for warning in report.warnings:
            self.stdout.write(self.style.NOTICE(warning))
        if verbosity >= 1:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts.items()))
            self.stdout.write(f"{', '.join(report.letters)}: {counts or 'nothing'}")
        done = "Dry run: nothing was changed." if dry_run else "Curation imported."
        self.stdout.write(self.style.SUCCESS(done))

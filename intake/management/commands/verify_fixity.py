"""Re-hash every source file on disk and every copy stored in the database against the sha256
recorded for it, so that silent damage (bit rot, an edited fixture, a bad restore) is found.

Exits non-zero, naming each mismatch, when anything differs. Reads only; changes nothing.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from intake.fixity import verify_fixity
from intake.importer import default_folders


class Command(BaseCommand):
    help = "Check every source file and stored copy against its recorded sha256."

    def add_arguments(self, parser):
        parser.add_argument(
            "folders", nargs="*", type=Path, help="Letter folders (default: fixtures/*)."
        )

    def handle(self, *args, folders, verbosity, **options):
        folders = folders or default_folders(Path(settings.LETTER_FIXTURES_DIR))
        report = verify_fixity(folders)
        for mismatch in report.mismatches:
            self.stderr.write(self.style.ERROR(f"MISMATCH {mismatch}"))
        summary = (
            f"{report.files_checked} file(s) on disk and {report.copies_checked} stored "
            f"cop{'y' if report.copies_checked == 1 else 'ies'} checked"
        )
        if not report.ok:
            raise CommandError(f"{summary}: {len(report.mismatches)} mismatch(es).")
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"{summary}: every sha256 matches."))

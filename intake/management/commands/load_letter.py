"""Load the letter and its source copies from fixtures/<letter>/letter.toml into the database.

This is the only way imported facts enter the archive. The command is a thin wrapper over
`intake.importer.load_letters`, which verifies every file before writing and writes everything in
one transaction: on any error nothing changes. `--dry-run` does the same and rolls it back,
printing what it would decide for each new or changed entry: a preview to read before loading a
newly found copy.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from intake.importer import LoadError, default_folders, load_letters


class Command(BaseCommand):
    help = "Load letter folders (default: every fixtures/*/letter.toml); idempotent."
    # Django's checks open a transaction to test SQLite's JSON support, which (transactions
    # taking the write lock up front) waits for a running import: past the lock timeout they
    # reported "SQLite does not support JSONFields" instead of the import's own clear refusal.
    # migrate and the server check the configuration.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("folders", nargs="*", type=Path, help="Letter folders to load.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read, parse and match everything, print what would change, write nothing.",
        )

    def handle(self, *args, folders, verbosity, dry_run, **options):
        folders = folders or default_folders(Path(settings.LETTER_FIXTURES_DIR))
        try:
            reports = load_letters(folders, dry_run=dry_run)
        except LoadError as exc:
            raise CommandError(f"Nothing was loaded: {exc}") from exc
        if dry_run:
            for report in reports:
                self.print_preview(report, verbosity)
            return

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
                if source.curation:
                    self.stdout.write(
                        self.style.NOTICE(
                            f"  {source.slug}: curation back in force: {', '.join(source.curation)}"
                        )
                    )
                for warning in source.warnings:
                    self.stdout.write(self.style.WARNING(f"  {source.slug}: warning: {warning}"))
                if verbosity >= 2:
                    for ordinal, text, method, score, name in source.notable:
                        self.stdout.write(
                            f"    #{ordinal} {text!r} -> {name!r} ({method}, {score:g})"
                        )
            for slug in report.sources_removed:
                kept = report.dormant.get(slug)
                self.stdout.write(
                    self.style.NOTICE(
                        f"  {slug}: removed (no longer in letter.toml); its entries are deleted"
                        + (
                            f"; kept dormant until it returns: {', '.join(kept)}"
                            if kept
                            else "; no curation was about it"
                        )
                    )
                )
            if report.without_entries:
                names = ", ".join(f"“{name}”" for name in report.without_entries)
                self.stdout.write(
                    self.style.NOTICE(
                        f"  signatories no list names now, kept for their curation: {names}"
                    )
                )
            if verbosity >= 1:
                for applied in report.shipped_curation:
                    self.stdout.write(f"  shipped curation applied: {applied}")
                self.stdout.write(
                    f"  signatories: {report.signatories_total}"
                    f" ({report.in_every_list} in every list);"
                    f" created {report.signatories_created}, updated {report.signatories_updated},"
                    f" removed {report.signatories_removed}"
                )
            if report.changed:
                self.stdout.write(self.style.SUCCESS(f"Letter {report.letter}: loaded."))
            else:
                self.stdout.write(self.style.SUCCESS(f"Letter {report.letter}: nothing changed."))

    def print_preview(self, report, verbosity):
        """What a real run would do: per new or changed entry, the signatory it joins."""
        preview = report.preview
        self.stdout.write(f"Letter {report.letter}: dry run, nothing was written.")
        for source in report.sources:
            if source.status != "unchanged" or source.created or source.updated or source.removed:
                self.stdout.write(
                    f"  {source.slug}: would be {source.status}; {source.entries} entries"
                    f" (+{source.created} ~{source.updated} -{source.removed})"
                )
        if verbosity >= 1 and preview.decisions:
            self.stdout.write(f"  New or changed entries ({len(preview.decisions)}):")
            for d in preview.decisions:
                self.stdout.write("    " + describe(d))
        self.stdout.write(f"  Signatories it would create ({len(preview.created)}):")
        for name in preview.created:
            self.stdout.write(f"    {name}")
        self.stdout.write(f"  Doubtful matches ({len(preview.doubtful)}):")
        for d in preview.doubtful:
            self.stdout.write(self.style.NOTICE("    " + describe(d)))
        if report.shipped_curation:
            self.stdout.write(
                f"  Shipped curation it would apply ({len(report.shipped_curation)}):"
            )
            for applied in report.shipped_curation:
                self.stdout.write(f"    {applied}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Letter {report.letter}: would have {report.signatories_total} signatories"
                f" (created {report.signatories_created}, updated {report.signatories_updated},"
                f" removed {report.signatories_removed})."
            )
        )


def describe(decision) -> str:
    joins = "new signatory" if decision.created else "joins"
    place = f" [place: {decision.place}]" if decision.place else ""
    return (
        f"{decision.source} #{decision.ordinal} {decision.text!r}{place} -> {joins}"
        f" {decision.signatory!r} ({decision.method}, {decision.score:g})"
    )

"""Write the archive as a BagIt bag (the same bag /downloads/archive-bag.zip serves), for
preservation: every copy byte for byte, letter.toml, the reconciled data and the corrections,
with sha256 manifests that any BagIt tool can validate."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters.models import Letter
from public.bag import BagError, SiteLinks, write_bag


class Command(BaseCommand):
    help = "Write the archive as a BagIt bag into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("target", type=Path, help="A folder to create (must not exist).")
        parser.add_argument("--letter", help="The letter's slug (default: the only letter).")
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address, to make the links in the data absolute "
            "(default: links relative to the site).",
        )

    def handle(self, *args, target, letter, base_url, verbosity, **options):
        if target.exists():
            raise CommandError(f"{target} already exists: give a new folder.")
        letters = Letter.objects.order_by("pk")
        if letter:
            letters = letters.filter(slug=letter)
        found = list(letters[:2])
        if not found:
            raise CommandError(
                "No such letter: run load_letter first." if not letter else f"No letter {letter!r}."
            )
        if len(found) > 1:
            raise CommandError("Several letters are loaded: choose one with --letter.")
        try:
            bag = write_bag(target, letter=found[0], links=SiteLinks(base_url))
        except BagError as exc:
            raise CommandError(f"No bag written: {exc}") from exc
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Bag written to {target}: {bag.info['Payload-Oxum'].split('.')[1]} files, "
                    f"{bag.info['Payload-Oxum'].split('.')[0]} bytes of payload."
                )
            )

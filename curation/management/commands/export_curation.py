"""Write every curator's decision to a JSON file, so curation can be reviewed and versioned.

A thin wrapper over `curation.exchange.export_curation`; `import_curation` reads the file back.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from curation.exchange import export_curation


class Command(BaseCommand):
    help = "Export curation (curated fields, aliases, overrides, merges, notes, log) to JSON."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The JSON file to write ('-' for stdout).")

    def handle(self, *args, path, verbosity, **options):
        document = export_curation()
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if str(path) == "-":
            self.stdout.write(text, ending="")
            return
        path.write_text(text, encoding="utf-8")
        if verbosity >= 1:
            for letter in document["letters"]:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{letter['slug']}: {len(letter['signatories'])} curated signatories, "
                        f"{len(letter['overrides'])} overrides, {len(letter['redirects'])} "
                        f"redirects, {len(letter['source_notes'])} source notes, "
                        f"{len(letter['corrections'])} corrections → {path}"
                    )
                )

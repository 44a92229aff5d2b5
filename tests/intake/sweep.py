"""Figures per style over many generated copies, for the record (not run by pytest):

    DATABASE_URL=sqlite:////tmp/sweep.sqlite3 .venv/bin/python -m tests.intake.sweep [SEEDS]

Migrates that database (use a scratch one), loads the seeds, then loads each generated copy
beside them inside a transaction that is rolled back, and prints per copy and per style: entries
printed and parsed, attached to the right signatory, signatories invented. SEEDS is a comma list
of random seeds (default 1-8); every style is made from each of the four seed lists.
"""

import os
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from intake.importer import load_letters  # noqa: E402
from tests.intake import generators  # noqa: E402
from tests.intake.measure import Figures, load_generated, seed_list  # noqa: E402

STYLES = {
    "furniture": lambda n, b, s: generators.furniture_copy(n, b, s),
    "running-text": lambda n, b, s: generators.running_text_copy(n, b, s),
    "annotated": lambda n, b, s: generators.annotated_copy(n, b, s, shuffled=False),
    "annotated-shuffled": lambda n, b, s: generators.annotated_copy(n, b, s, shuffled=True),
    "furniture+typos": lambda n, b, s: generators.furniture_copy(n, b, s, typos=0.1),
    "running-text+typos": lambda n, b, s: generators.running_text_copy(n, b, s, typos=0.1),
    "annotated-shuffled+typos": lambda n, b, s: generators.annotated_copy(
        n, b, s, shuffled=True, typos=0.1
    ),
}
SEED_LISTS = ["cihrs-web", "pdf-text", "forum-asia-web", "minbyun-press-release"]


def main(seeds: list[int]) -> None:
    folder = Path(settings.LETTER_FIXTURES_DIR) / "global-call-china-2020"
    call_command("migrate", verbosity=0)
    load_letters([folder])
    totals: dict[str, list[Figures]] = defaultdict(list)
    for style, make in STYLES.items():
        for seed_copy in SEED_LISTS:
            names, signatories, body = seed_list(seed_copy)
            for seed in seeds:
                copy = make(names, body, seed)
                scratch = Path(tempfile.mkdtemp()) / folder.name
                shutil.copytree(folder, scratch)
                with transaction.atomic():
                    figures, _ = load_generated(scratch, "generated", copy, signatories)
                    transaction.set_rollback(True)
                shutil.rmtree(scratch.parent)
                totals[style].append(figures)
                print(f"{style:26} {seed_copy:22} {seed:3}  {figures}", flush=True)
    for style, runs in totals.items():
        total = Figures(*(sum(getattr(f, k) for f in runs) for k in Figures.__dataclass_fields__))
        print(f"{style:26} {len(runs)} copies: {total}")


if __name__ == "__main__":
    main([int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1,2,3,4,5,6,7,8").split(",")])

"""Curation about a source that leaves letter.toml or comes back: dormant meanwhile, then in force.

Curators' decisions about a source's entries (match overrides) and notes are keyed on the source's
slug, so removing the source deletes its entries but not them: they wait, and apply again when a
source with that slug is loaded. The importer says so plainly, per source.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from intake.signals import source_curation
from letters.models import Letter
from signatories.models import MatchOverride


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def curation_of_sources(letter: Letter, slugs: list[str]) -> dict[str, list[str]]:
    """{slug: ["2 match overrides", "a source note"]} for the sources that have curation."""
    if not slugs:
        return {}
    found: dict[str, list[str]] = defaultdict(list)
    overrides = Counter(
        MatchOverride.objects.filter(letter=letter, source_slug__in=slugs).values_list(
            "source_slug", flat=True
        )
    )
    for slug in slugs:
        if overrides[slug]:
            found[slug].append(plural(overrides[slug], "match override"))
    for _, described in source_curation.send(sender=Letter, letter=letter, slugs=slugs):
        for slug, items in (described or {}).items():
            found[slug].extend(items)
    return {slug: found[slug] for slug in slugs if found[slug]}


def signatories_without_entries(letter: Letter) -> list[str]:
    """Names of the signatories no list names now: kept because a curator decided about them
    (their entries are in a source that is away, or a curator emptied them)."""
    return sorted(letter.signatories.filter(entries__isnull=True).values_list("name", flat=True))

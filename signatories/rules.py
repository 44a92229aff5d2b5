"""The rules about signatories that the importer and curators both apply.

- The display-name rule (`display_reading`): a signatory is named by the reading of it that has the
  fewest extraction artefacts (see `names.keys.artefacts`), then the one printed by the most
  sources, then the one of the source listed first in letter.toml. A curated name, when set, is
  shown instead.
- Slugs (`unique_slug`): new and never used before, not even by a signatory merged away.
- Upkeep (`refresh_signatories`): imported names and kinds recomputed from the entries, and a
  signatory left with no entry dropped unless a curator decided something about it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from anyascii import anyascii
from django.utils.text import slugify

from letters.models import Letter
from names.keys import artefacts, exact_key, guess_kind
from names.places import name_part
from signatories.models import ListEntry, Signatory, SignatoryRedirect

# What the audit trail says about rows written by these rules rather than by a curator.
IMPORTED = "Imported by load_letter"
RECOMPUTED = "Printed name recomputed from the entries (display-name rule)"
DROPPED = "No list names it any more, and no curator decided about it"


def display_reading(readings: list[tuple[int, str]]) -> tuple[str, list[str]]:
    """Apply the display-name rule to (source position, text) readings; return name, artefacts."""
    texts = [exact_key(text) for _, text in readings]
    attested = Counter(texts)
    first_position: dict[str, int] = {}
    for (position, _), text in zip(readings, texts, strict=True):
        first_position[text] = min(position, first_position.get(text, position))

    def rank(text: str):
        others = [t for t in texts if t != text]
        return (len(artefacts(text, others)), -attested[text], first_position[text])

    best = min(attested, key=rank)
    return best, artefacts(best, [t for t in texts if t != best])


def unique_slug(name: str) -> str:
    """A slug no signatory has, nor had before a curator merged it away (its URL redirects)."""
    base = slugify(anyascii(name))[:100].strip("-") or "signatory"
    slug, n = base, 1
    while (
        Signatory.objects.filter(slug=slug).exists()
        or SignatoryRedirect.objects.filter(old_slug=slug).exists()
    ):
        n += 1
        slug = f"{base}-{n}"
    return slug


@dataclass(frozen=True)
class Refreshed:
    """What `refresh_signatories` changed: ids whose imported name or kind changed, ids dropped."""

    updated: frozenset[int]
    removed: frozenset[int]


def refresh_signatories(letter: Letter) -> Refreshed:
    """Recompute imported names and kinds; drop signatories left with no entry and no curation."""
    readings: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = ListEntry.objects.filter(source__letter=letter).values_list(
        "signatory_id", "source__position", "text", "place"
    )
    for signatory_id, position, text, place in rows:
        # A place a copy prints after the name is that copy's annotation, not the name.
        readings[signatory_id].append((position, name_part(text, place)))

    curated = set(letter.signatories.curated().values_list("pk", flat=True))
    updated, removed = set(), set()
    for signatory in letter.signatories.all():
        entries = readings.get(signatory.pk)
        if not entries:
            if signatory.pk not in curated:
                removed.add(signatory.pk)
                signatory._change_reason = DROPPED
                signatory.delete()
            continue
        name, name_artefacts = display_reading(entries)
        values = {
            "imported_name": name,
            "imported_kind": guess_kind(name),
            "name_artefacts": name_artefacts,
        }
        changed = [k for k, v in values.items() if getattr(signatory, k) != v]
        if changed:
            for k in changed:
                setattr(signatory, k, values[k])
            signatory._change_reason = RECOMPUTED
            signatory.save(update_fields=changed)
            updated.add(signatory.pk)
    return Refreshed(updated=frozenset(updated), removed=frozenset(removed))

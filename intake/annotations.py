"""Places a copy prints after its names ("Name (Country)", "Name – City, Country", "Name,
Country"): which entries carry one, judged with the gazetteer of `names.places` and the names the
other copies print. Pure functions.

A name may end in a place of its own ("Witness Radio – Uganda", "The Tibet Support Committee,
Denmark"), so a recognised place is not enough. Each entry is read every way the gazetteer allows
(as printed, or as a name and a place); the reading closest to a name another copy prints wins,
and a tie keeps the entry whole. When no reading is close to a known name (a typo, a name no other
copy prints), a copy that annotates many of its entries is taken at its word and the most marked
reading (brackets, then a dash, then a comma) is used; in any other copy the entry stays whole.
The entry's text is never changed: only its `place` is set, and matching uses the name part.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz, process

from intake.parsed import Diagnostic, ParsedSource
from names.folding import folded_key
from names.places import place_splits

# A copy annotates its names when at least this share of its entries end in a known place;
# the seed copies, which do not, have 6 such names in 281 (2%).
ANNOTATED_SHARE = 0.2
# How close a reading must be to a name another copy prints to count as evidence.
EVIDENCE_SCORE = 90.0


def closeness(name: str, known: set[str], choices: list[str]) -> float:
    key = folded_key(name)
    if not key:
        return 0.0
    if key in known:
        return 100.0
    best = process.extractOne(key, choices, scorer=fuzz.ratio) if choices else None
    return best[1] if best else 0.0


def settle_places(parsed: ParsedSource, known_names: set[str]) -> int:
    """Set each entry's `place` from the evidence; return how many entries carry one."""
    splits = {e.ordinal: place_splits(e.text) for e in parsed.entries}
    if not any(splits.values()):
        return 0
    annotated = sum(1 for s in splits.values() if s) >= ANNOTATED_SHARE * len(parsed.entries)
    known = {k for k in map(folded_key, known_names) if k}
    choices = sorted(known)
    entries = []
    for entry in parsed.entries:
        readings = [("", entry.text)] + [(s.place, s.name) for s in splits[entry.ordinal]]
        place = ""
        if len(readings) > 1:
            scored = [
                (closeness(name, known, choices), -i, p) for i, (p, name) in enumerate(readings)
            ]
            score, _, best = max(scored)
            if score >= EVIDENCE_SCORE:
                place = best
            elif annotated:
                place = readings[1][0]
        entries.append(replace(entry, place=place))
    parsed.entries = entries
    placed = sum(1 for e in entries if e.place)
    parsed.diagnostics = [d for d in parsed.diagnostics if d.code != "places"]
    if placed:
        parsed.diagnostics.append(
            Diagnostic(
                "places",
                f"{placed} entr{'ies' if placed > 1 else 'y'} print a place after the name "
                "(kept as printed; matched on the name).",
            )
        )
    return placed

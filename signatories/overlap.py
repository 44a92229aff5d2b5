"""How many signatories each combination of sources lists: the data of the overlap picture."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Combination:
    """One set of sources and the number of signatories listed by exactly those sources."""

    members: tuple[bool, ...]  # one flag per source, in the order given
    count: int
    bar: float  # bar length, 0-100, proportional to count; at least 1 so no bar vanishes

    @property
    def size(self) -> int:
        return sum(self.members)


def combinations(memberships: dict[int, set[str]], order: list[str]) -> list[Combination]:
    """Count signatories per exact set of sources listing them; most common set first.

    `memberships` maps a signatory to the slugs of the sources that list it; `order` gives the
    sources' order. Sets of equal count come with the larger set first, then in source order."""
    counts = Counter(tuple(slug in slugs for slug in order) for slugs in memberships.values())
    if not counts:
        return []
    largest = max(counts.values())
    ranked = sorted(
        counts.items(), key=lambda item: (-item[1], -sum(item[0]), [not m for m in item[0]])
    )
    return [
        Combination(members=members, count=count, bar=max(1.0, round(100 * count / largest, 1)))
        for members, count in ranked
    ]

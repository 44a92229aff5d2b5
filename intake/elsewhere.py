"""The names the other copies of a letter print, for each copy, without gathering them copy by copy.

Reading one copy takes what the others print as evidence (which commas end a name, how wrapped
lines join, which entries end in a place). Counting in how many copies each name stands, once,
keeps this linear in the number of copies; a copy's own names are taken out by their count.
"""

from __future__ import annotations

from collections import Counter


class PrintedByOthers:
    def __init__(self, copies: list[set[str]]) -> None:
        self.own = list(copies)
        self.counts = Counter(name for names in self.own for name in names)

    def of(self, index: int) -> set[str]:
        """The names that copies other than the one at `index` print."""
        own = self.own[index]
        return {name for name, n in self.counts.items() if n - (name in own) > 0}

    def update(self, index: int, names: set[str]) -> None:
        """The copy at `index` now prints `names` (it was read again)."""
        self.counts.subtract(self.own[index])
        self.counts.update(names)
        self.counts = +self.counts
        self.own[index] = set(names)

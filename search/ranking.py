"""How a search orders its matches, as data that both the database and Python evaluate.

A ranking (`Ranking`) is named values computed from conditions on a match's search document
(`search.conditions`): a tier, flags, a count of flags, a weighted coverage; and an order over
them, then the shorter name, then the name in code point order, then the signatory.

When every match is ranked (a download), the database computes the values as annotations and
sorts (`Ranking.annotate`). A page ranks only a sample of at most a few hundred matches, read with
their documents (`Document`): Python computes the same values on those rows and sorts them
(`Ranking.values`, `Ranking.ordered`), which costs less than building and compiling the CASE
expressions. The two give the same order: the conditions agree (`search.conditions`), and both
backends sort the name by its bytes (UTF-8, so in code point order, as Python compares strings).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import add

from django.db import connections
from django.db.models import Case, ExpressionWrapper, F, FloatField, IntegerField, Value, When
from django.db.models.functions import Collate, Length

from search.conditions import DOCUMENT, Condition, Document

# Ties are broken in code point order, the same on both backends whatever the database locale.
BYTE_ORDER = {"postgresql": "C", "sqlite": "BINARY"}


class Flag:
    """1 when the condition holds, else 0 (`inverted`: 0 when it holds, else 1)."""

    def __init__(self, condition: Condition, inverted: bool = False):
        self.condition, self.inverted = condition, inverted

    def expression(self):
        yes, no = (0, 1) if self.inverted else (1, 0)
        return Case(
            When(self.condition.q(), then=Value(yes)),
            default=Value(no),
            output_field=IntegerField(),
        )

    def value(self, row: Document, values: dict) -> int:
        return int(self.condition.holds(row) != self.inverted)


class Tiered:
    """The first tier whose condition holds, else `default`."""

    def __init__(self, tiers: list[tuple[int, Condition]], default: int):
        self.tiers, self.default = tiers, default

    def expression(self):
        whens: list[When] = []
        for tier, condition in self.tiers:
            q = condition.q()
            # A tier whose test a better one already made can never be reached.
            if all(q != w.condition for w in whens):
                whens.append(When(q, then=Value(tier)))
        return Case(*whens, default=Value(self.default), output_field=IntegerField())

    def value(self, row: Document, values: dict) -> int:
        return next((t for t, c in self.tiers if c.holds(row)), self.default)


class Counted:
    """How many of the earlier values (flags) are 1: an integer."""

    def __init__(self, names: list[str]):
        self.names = names

    def expression(self):
        return reduce(add, [F(name) for name in self.names])

    def value(self, row: Document, values: dict) -> int:
        return sum(values[name] for name in self.names)


class Weighted:
    """The sum of earlier values, each times its weight: a real number."""

    def __init__(self, weights: list[tuple[str, float]]):
        self.weights = weights

    def expression(self):
        total = reduce(add, [F(name) * Value(weight) for name, weight in self.weights])
        return ExpressionWrapper(total, output_field=FloatField())

    def value(self, row: Document, values: dict) -> float:
        return reduce(add, [values[name] * weight for name, weight in self.weights])


@dataclass
class Ranking:
    """Named values, each computed from the row and those before it, and the order: each
    (name, descending) in turn, then the shorter name, the name, the signatory."""

    computed: dict[str, Flag | Tiered | Counted | Weighted]
    order: list[tuple[str, bool]]

    def annotate(self, matches):
        """The matches annotated with the values and ordered, by the database."""
        vendor = connections[matches.db].vendor
        order = [f"-{name}" if descending else name for name, descending in self.order]
        order += [
            Length(f"{DOCUMENT}__name"),
            Collate(f"{DOCUMENT}__name", BYTE_ORDER[vendor]),
            f"{DOCUMENT}__signatory_id",
        ]
        annotations = {name: value.expression() for name, value in self.computed.items()}
        # Annotated in one call (each call clones the query), in this order: F refers back.
        return matches.annotate(**annotations).order_by(*order)

    def values(self, row: Document) -> dict:
        """The values of one match, as `annotate` would give them."""
        values: dict = {}
        for name, value in self.computed.items():
            values[name] = value.value(row, values)
        return values

    def ordered(self, rows: Iterable[Document]) -> tuple[list[Document], dict[int, dict]]:
        """The rows best first, and each one's values by signatory id."""
        rows = list(rows)
        values = {row.pk: self.values(row) for row in rows}

        def key(row: Document):
            own = values[row.pk]
            ranks = [-own[name] if descending else own[name] for name, descending in self.order]
            return (*ranks, len(row.name), row.name, row.pk)

        return sorted(rows, key=key), values

"""Conditions on a signatory's search document, written once and read three ways.

A condition is a field of the document holding a text (`Holds`), or every one or one of several
conditions (`Both`, built with & and |). It becomes a Q (the signatories whose document meets it,
for querysets), SQL on the document table (for a page's first matches, read in plain SQL:
`search.reading`) or a test of one document already read (for a page's ranking, in Python:
`search.ranking`). The three agree: the texts are compared as SQL LIKE without wildcards
compares folded text, which is Python's `in` and `startswith`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_
from typing import NamedTuple

from django.db.models import F, Q, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

DOCUMENT = "search_document"  # the document, from a signatory


class Document(NamedTuple):
    """A signatory's search document, as a page's first matches are read (see `COLUMNS`)."""

    pk: int
    doc: str
    compact: str
    initials: str
    native: str
    name: str
    # The signatory fields a page shows, when read with the document (see `search.rows`).
    shown: tuple = ()


# The fields of a `Document` read from its search document, and all its columns but `shown`,
# from a queryset of signatories.
TEXTS = Document._fields[1:-1]
COLUMNS = ("pk", *(f"{DOCUMENT}__{field}" for field in TEXTS))


def document(row: tuple) -> Document:
    """A row as a Document (the columns of `COLUMNS`, then any shown fields); a signatory
    without a search document holds no text."""
    end = len(COLUMNS)
    return Document(row[0], *(value or "" for value in row[1:end]), tuple(row[end:]))


class Condition:
    """Combined with & and |; the empty condition (`ANY`) leaves the other unchanged, as Q()
    does."""

    def __and__(self, other: Condition) -> Condition:
        return Both("AND", (self, other)).simplified()

    def __or__(self, other: Condition) -> Condition:
        return Both("OR", (self, other)).simplified()

    def q(self) -> Q:
        raise NotImplementedError

    def sql(self, connection, table: str) -> tuple[str, list]:
        raise NotImplementedError

    def holds(self, row: Document) -> bool:
        raise NotImplementedError


@dataclass(frozen=True)
class Both(Condition):
    """Every part (AND) or one of them (OR); with no parts, no condition."""

    how: str
    parts: tuple[Condition, ...] = ()

    def simplified(self) -> Condition:
        parts = tuple(p for p in self.parts if p != ANY)
        if not parts:
            return ANY
        return parts[0] if len(parts) == 1 else Both(self.how, parts)

    def q(self) -> Q:
        return reduce(and_ if self.how == "AND" else or_, [p.q() for p in self.parts], Q())

    def sql(self, connection, table: str) -> tuple[str, list]:
        if not self.parts:
            return "1 = 1", []
        pieces, params = [], []
        for part in self.parts:
            sql, part_params = part.sql(connection, table)
            pieces.append(f"({sql})")
            params.extend(part_params)
        return f" {self.how} ".join(pieces), params

    def holds(self, row: Document) -> bool:
        test = all if self.how == "AND" else any
        return not self.parts or test(p.holds(row) for p in self.parts)


ANY = Both("AND")


@dataclass(frozen=True)
class Holds(Condition):
    """A field holds `text`, or starts with it (`start`). Through LIKE, which the trigram
    indexes serve, or (`recheck`) through STRPOS / INSTR, which no index serves: trigram indexes
    slow down with every trigram they must intersect, so only the leading words go to them."""

    field: str
    text: str
    start: bool = False
    recheck: bool = False

    def q(self) -> Q:
        name = f"{DOCUMENT}__{self.field}"
        if self.recheck:
            return Q(GreaterThan(StrIndex(F(name), Value(self.text)), 0))
        return Q(**{f"{name}__{'startswith' if self.start else 'contains'}": self.text})

    def sql(self, connection, table: str) -> tuple[str, list]:
        column = f"{table}.{connection.ops.quote_name(self.field)}"
        if self.recheck:
            position = "STRPOS" if connection.vendor == "postgresql" else "INSTR"
            return f"{position}({column}, %s) > 0", [self.text]
        escaped = connection.ops.prep_for_like_query(self.text)
        lookup = "startswith" if self.start else "contains"
        pattern = f"{escaped}%" if self.start else f"%{escaped}%"
        return f"{column} {connection.operators[lookup] % '%s'}", [pattern]

    def holds(self, row: Document) -> bool:
        value = getattr(row, self.field)
        return value.startswith(self.text) if self.start else self.text in value


def any_of(conditions) -> Condition:
    return reduce(or_, conditions, ANY)


def all_of(conditions) -> Condition:
    return reduce(and_, conditions, ANY)


def word_start(term: str) -> Condition:
    """A word of the names starts with `term`."""
    return Holds("doc", f" {term}")

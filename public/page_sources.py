"""The letter and its sources that every public page shows, read in plain SQL.

Every page reads them (the footer, the source labels, the list marks) with one query of the same
shape every time. Compiled by the ORM (a join, a subquery, forty columns) that query cost half a
millisecond of every page, more than running it; here it is written once per connection, and
its rows become the same instances `SourceVersion.objects...select_related("letter")` gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.db import connections
from django.db.models import Field

from letters.models import Letter, SourceVersion
from search.columns import Columns
from search.reading import converted

# Each file's whole text: no page reads it with the list of sources (left deferred).
UNREAD = frozenset({"text", "raw"})
# What only the pages of the letter's text read (`texts`): each copy's body and closing, and
# letter.toml as read, which the join would otherwise repeat on every source's row.
TEXTS = frozenset({"body", "closing", "manifest"})


def source_fields(texts: bool) -> tuple[Field, ...]:
    skipped = UNREAD if texts else UNREAD | TEXTS
    return tuple(f for f in SourceVersion._meta.concrete_fields if f.name not in skipped)


def letter_fields(texts: bool) -> tuple[Field, ...]:
    return tuple(f for f in Letter._meta.concrete_fields if texts or f.name not in TEXTS)


@dataclass(frozen=True)
class Reading:
    """How to read the sources on one connection: the query, and what turns its rows into the
    ORM's values (the converters depend only on the connection, so each is built once)."""

    sql: str
    source_names: tuple[str, ...]
    letter_names: tuple[str, ...]
    convert_source: Callable[[tuple], tuple]
    convert_letter: Callable[[tuple], tuple]


# Connections are per thread: a server that starts a thread per request (runserver) would
# otherwise keep one entry for each.
@lru_cache(maxsize=32)
def reading(connection, entry_counts: bool, texts: bool) -> Reading:
    """The query on `connection`: the first letter's sources by position, each row the source's
    columns, then its letter's (with `texts`, those of TEXTS too), then (with `entry_counts`)
    how many entries its list has."""
    c = Columns(connection)
    source, letter = SourceVersion, Letter
    own, of_letter = source_fields(texts), letter_fields(texts)
    selected = [c(source, f.name) for f in own] + [c(letter, f.name) for f in of_letter]
    if entry_counts:
        entry = source._meta.get_field("entries").related_model
        of_source = f"{c(entry, 'source')} = {c(source, 'id')}"
        selected.append(f"(SELECT COUNT(*) FROM {c.table(entry)} WHERE {of_source})")
    first = f"(SELECT {c(letter, 'id')} FROM {c.table(letter)} ORDER BY 1 LIMIT 1)"
    sql = (
        f"SELECT {', '.join(selected)} FROM {c.table(source)}"
        f" INNER JOIN {c.table(letter)} ON {c(source, 'letter')} = {c(letter, 'id')}"
        f" WHERE {c(source, 'letter')} = {first} ORDER BY {c(source, 'position')}"
    )
    return Reading(
        sql=sql,
        source_names=tuple(f.attname for f in own),
        letter_names=tuple(f.attname for f in of_letter),
        convert_source=converted(own, connection),
        convert_letter=converted(of_letter, connection),
    )


def letter_sources(
    using: str = "default", entry_counts: bool = False, texts: bool = False
) -> list[SourceVersion]:
    """The first letter's sources in order, each with the one letter instance (`source.letter`)
    and, with `entry_counts`, `entry_count`. One query. Their text and raw bytes are deferred,
    and without `texts` the fields of TEXTS too (reading one then costs a query)."""
    connection = connections[using]
    read = reading(connection, entry_counts, texts)
    with connection.cursor() as cursor:
        cursor.execute(read.sql)
        rows = cursor.fetchall()
    letter, found = None, []
    middle = len(read.source_names)
    end = middle + len(read.letter_names)
    for row in rows:
        source = SourceVersion.from_db(using, read.source_names, read.convert_source(row[:middle]))
        if letter is None:
            values = read.convert_letter(row[middle:end])
            letter = Letter.from_db(using, read.letter_names, values)
        source.letter = letter
        if entry_counts:
            source.entry_count = row[end]
        found.append(source)
    return found

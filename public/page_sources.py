"""The letter and its sources that every public page shows, read in plain SQL.

Every page reads them (the footer, the source labels, the list marks) with one query of the same
shape every time. Compiled by the ORM (a join, a subquery, forty columns) that query cost half a
millisecond of every page, more than running it; here it is written once per database, and
its rows become the same instances `SourceVersion.objects...select_related("letter")` gives.
"""

from __future__ import annotations

from functools import cache

from django.db import connections
from django.db.models import Field

from letters.models import Letter, SourceVersion
from public.page_details import Columns
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


@cache
def sources_sql(using: str, entry_counts: bool, texts: bool) -> str:
    """The query, on the database `using`: the first letter's sources by position, each row the
    source's columns, then its letter's (with `texts`, those of TEXTS too), then (with
    `entry_counts`) how many entries its list has."""
    c = Columns(connections[using])
    source, letter = SourceVersion, Letter
    selected = [c(source, f.name) for f in source_fields(texts)]
    selected += [c(letter, f.name) for f in letter_fields(texts)]
    if entry_counts:
        entry = source._meta.get_field("entries").related_model
        of_source = f"{c(entry, 'source')} = {c(source, 'id')}"
        selected.append(f"(SELECT COUNT(*) FROM {c.table(entry)} WHERE {of_source})")
    first = f"(SELECT {c(letter, 'id')} FROM {c.table(letter)} ORDER BY 1 LIMIT 1)"
    return (
        f"SELECT {', '.join(selected)} FROM {c.table(source)}"
        f" INNER JOIN {c.table(letter)} ON {c(source, 'letter')} = {c(letter, 'id')}"
        f" WHERE {c(source, 'letter')} = {first} ORDER BY {c(source, 'position')}"
    )


def letter_sources(
    using: str = "default", entry_counts: bool = False, texts: bool = False
) -> list[SourceVersion]:
    """The first letter's sources in order, each with the one letter instance (`source.letter`)
    and, with `entry_counts`, `entry_count`. One query. Their text and raw bytes are deferred,
    and without `texts` the fields of TEXTS too (reading one then costs a query)."""
    connection = connections[using]
    own, of_letter = source_fields(texts), letter_fields(texts)
    source_names = [f.attname for f in own]
    letter_names = [f.attname for f in of_letter]
    convert_source, convert_letter = converted(own, connection), converted(of_letter, connection)
    with connection.cursor() as cursor:
        cursor.execute(sources_sql(using, entry_counts, texts))
        rows = cursor.fetchall()
    letter, found = None, []
    middle = len(own)
    end = middle + len(of_letter)
    for row in rows:
        source = SourceVersion.from_db(using, source_names, convert_source(row[:middle]))
        if letter is None:
            letter = Letter.from_db(using, letter_names, convert_letter(row[middle:end]))
        source.letter = letter
        if entry_counts:
            source.entry_count = row[end]
        found.append(source)
    return found

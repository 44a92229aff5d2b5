"""The entries and aliases of a page of the API's signatories, read in plain SQL.

Two queries of the same shape on every page: building them with the ORM cost more than running
them, and model instances for the rows more than the rest of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connections

from letters.models import SourceVersion
from search.columns import Columns
from search.sampling import id_array, id_list
from signatories.models import Alias, ListEntry, MatchOverride

# Each entry row's keys, from the entry, its source and its curator's pin.
ENTRY_FIELDS = (
    "signatory_id", "source__slug", "ordinal", "number", "text", "place", "line_start",
    "line_end", "match_method", "match_score", "override_id", "override__kind",
    "override__created_at",
)  # fmt: skip


@dataclass
class PageDetails:
    """The entries (in list order) and aliases (by name) of a page's signatories, by id."""

    entries: dict[int, list[dict]]
    aliases: dict[int, list[dict]]


def among(column: str, ids: list[int], vendor: str) -> tuple[str, list]:
    """`column` is one of the ids, given as one parameter (`search.sampling.id_list`).

    On PostgreSQL, as `= ANY` of an array, whose length the planner knows: for a search page's
    fifteen list marks it reads the `(signatory, source)` index alone where, given the ids as
    rows of a subquery, it scanned every entry and hashed them."""
    if vendor == "postgresql":
        return f"{column} = ANY(%s::bigint[])", [id_array(ids)]
    rows = id_list(ids, vendor)
    return f"{column} IN ({rows.sql})", list(rows.params)


def entries_sql(connection, ids: list[int]) -> tuple[str, list]:
    c = Columns(connection)
    entry, source, pin = ListEntry, SourceVersion, MatchOverride
    select = [
        c(entry, "signatory"), c(source, "slug"),
        *(c(entry, f) for f in ENTRY_FIELDS[2:10]),
        c(entry, "override"), c(pin, "kind"), c(pin, "created_at"),
    ]  # fmt: skip
    where, params = among(c(entry, "signatory"), ids, connection.vendor)
    sql = (
        f"SELECT {', '.join(select)} FROM {c.table(entry)}"
        f" INNER JOIN {c.table(source)} ON {c(entry, 'source')} = {c(source, 'id')}"
        f" LEFT OUTER JOIN {c.table(pin)} ON {c(entry, 'override')} = {c(pin, 'id')}"
        f" WHERE {where} ORDER BY {c(source, 'position')}, {c(entry, 'ordinal')}"
    )
    return sql, params


def aliases_sql(connection, ids: list[int]) -> tuple[str, list]:
    c = Columns(connection)
    where, params = among(c(Alias, "signatory"), ids, connection.vendor)
    select = ", ".join(c(Alias, f) for f in ("signatory", "name", "language"))
    return (
        f"SELECT {select} FROM {c.table(Alias)} WHERE {where} ORDER BY {c(Alias, 'name')}",
        params,
    )


def page_details(signatory_ids: list[int], using: str = "default") -> PageDetails:
    entries: dict[int, list[dict]] = {pk: [] for pk in signatory_ids}
    aliases: dict[int, list[dict]] = {pk: [] for pk in signatory_ids}
    if not signatory_ids:
        return PageDetails(entries, aliases)
    connection = connections[using]
    # The pin's time as the ORM reads it (SQLite stores text).
    created = MatchOverride._meta.get_field("created_at").get_col(MatchOverride._meta.db_table)
    converters = connection.ops.get_db_converters(created)
    with connection.cursor() as cursor:
        cursor.execute(*entries_sql(connection, signatory_ids))
        for row in cursor.fetchall():
            *values, created_at = row
            for convert in converters:
                created_at = convert(created_at, created, connection)
            entries[row[0]].append(dict(zip(ENTRY_FIELDS, [*values, created_at], strict=True)))
        cursor.execute(*aliases_sql(connection, signatory_ids))
        for signatory_id, name, language in cursor.fetchall():
            aliases[signatory_id].append({"name": name, "language": language or None})
    return PageDetails(entries, aliases)


def page_memberships(
    signatory_ids: list[int], source_ids: list[int], using: str = "default"
) -> dict[int, set[int]]:
    """Signatory id -> ids of the sources among `source_ids` that list it, for a page's
    signatories: one query, in plain SQL for the reason the others are."""
    found: dict[int, set[int]] = {pk: set() for pk in signatory_ids}
    if not (signatory_ids and source_ids):
        return found
    connection = connections[using]
    c = Columns(connection)
    signatory, source = c(ListEntry, "signatory"), c(ListEntry, "source")
    of_page, params = among(signatory, signatory_ids, connection.vendor)
    of_sources, source_params = among(source, source_ids, connection.vendor)
    sql = f"SELECT {signatory}, {source} FROM {c.table(ListEntry)} WHERE {of_page} AND {of_sources}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *source_params])
        for signatory_id, source_id in cursor.fetchall():
            found[signatory_id].add(source_id)
    return found

"""Reading a query's first matches with their documents, in plain SQL.

A page's search reads the first few hundred matches of a condition on the search documents
(`search.plans.Plan.where`) with the fields its ranking needs (`search.ranking.Document`). The
query has the same shape every time; building it with the ORM cost more than running it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import QuerySet

from search.columns import Columns
from search.conditions import COLUMNS, TEXTS, Document, document
from search.models import SearchDocument, SearchInitialism


@dataclass(frozen=True)
class Tables:
    """Quoted names of the tables and columns a reading joins."""

    connection: object
    columns: Columns
    signatories: str
    pk: str
    documents: str
    document_signatory: str

    @classmethod
    def of(cls, queryset: QuerySet) -> Tables:
        connection = connections[queryset.db]
        c, model = Columns(connection), queryset.model
        return cls(
            connection=connection,
            columns=c,
            signatories=c.table(model),
            pk=c(model, model._meta.pk.name),
            documents=c.table(SearchDocument),
            document_signatory=c(SearchDocument, "signatory"),
        )

    def column(self, field: str) -> str:
        """A field of the search documents."""
        return self.columns(SearchDocument, field)

    def own_column(self, field) -> str:
        """A column of the signatories' table (a model field)."""
        return f"{self.signatories}.{self.columns.quote(field.column)}"


# A condition, as SQL and its parameters on the tables a reading joins.
Where = Callable[[Tables], tuple[str, list]]


def initialled_documents(connection, initialism: str) -> tuple[str, list]:
    """SQL for the ids of the documents with a name whose initials are `initialism`, by index
    lookup: the one spelling of it, for a reading (`initialled`) and for a queryset
    (`search.sampling.initialled_queryset`)."""
    c = Columns(connection)
    document, letters = c(SearchInitialism, "document"), c(SearchInitialism, "letters")
    return f"SELECT {document} FROM {c.table(SearchInitialism)} WHERE {letters} = %s", [initialism]


def initialled(initialism: str) -> Where:
    """The signatories with a name whose initials are `initialism`, as a reading's condition."""

    def where(tables: Tables) -> tuple[str, list]:
        sql, params = initialled_documents(tables.connection, initialism)
        return f"{tables.pk} IN ({sql})", params

    return where


def reading(
    queryset: QuerySet, tables: Tables, where: Where, count: int, fields: tuple = ()
) -> tuple[str, list]:
    """SQL for the first `count` signatories of `queryset` whose document meets `where`, with
    their documents and these fields of theirs (model fields); the queryset's own filters, if
    any, as a subquery."""
    sql, params = where(tables)
    texts = map(tables.column, TEXTS)
    columns = ", ".join([tables.pk, *texts, *map(tables.own_column, fields)])
    select = (
        f"SELECT {columns} FROM {tables.signatories} INNER JOIN {tables.documents}"
        f" ON {tables.pk} = {tables.document_signatory} WHERE ({sql})"
    )
    if queryset.query.where:
        own, own_params = own_condition(queryset, tables)
        select, params = f"{select} AND ({own})", [*params, *own_params]
    return f"{select} LIMIT {int(count)}", params


def own_condition(queryset: QuerySet, tables: Tables) -> tuple[str, list]:
    """The queryset's filters: as they are when they name only its own table (as a page's
    filters do), else as a subquery of its ids. Raises EmptyResultSet when nothing can match."""
    query = queryset.query
    base = query.get_initial_alias()
    if base == tables.signatories.strip('"`') and not any(
        count for alias, count in query.alias_refcount.items() if alias != base
    ):
        compiler = query.get_compiler(connection=tables.connection)
        try:
            return compiler.compile(query.where)
        except FullResultSet:
            return "1 = 1", []
    own, params = queryset.order_by().values("pk").query.sql_with_params()
    return f"{tables.pk} IN ({own})", list(params)


def converted(fields: tuple, connection) -> Callable[[tuple], tuple]:
    """What turns the values of `fields` read in plain SQL into those the ORM would give (the
    database's and the fields' converters: JSON, dates on SQLite...)."""
    steps = []
    for n, field in enumerate(fields):
        column = field.get_col(field.model._meta.db_table)
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        steps += [(n, convert, column) for convert in found]
    if not steps:
        return tuple

    def convert_row(values: tuple) -> tuple:
        values = list(values)
        for n, convert, column in steps:
            values[n] = convert(values[n], column, connection)
        return tuple(values)

    return convert_row


def first_matches(
    queryset: QuerySet, wheres: list[Where], count: int, fields: tuple = ()
) -> list[list[Document]]:
    """The first `count` signatories of `queryset` whose document meets each condition, with
    their documents (and `fields`, model fields of theirs, as `Document.shown`), without ranking
    them all; asked in one query (UNION ALL), since a round trip to the database costs more
    than these index lookups.

    Found in storage order, which holds until the data changes, so the same query gives the same
    rows page after page. On PostgreSQL that needs a serial scan: the settings turn parallel
    workers (which return rows in whatever order they finish) and shared sequential scans
    (which start anywhere) off for the app's connections. Each part keeps its own LIMIT, as a
    subquery (SQLite allows none on a part of a compound query).
    """
    tables = Tables.of(queryset)
    parts, params = [], []
    try:
        for n, where in enumerate(wheres):
            sql, part_params = reading(queryset, tables, where, count, fields)
            parts.append(f"SELECT {n}, * FROM ({sql}) AS part_{n}")
            params.extend(part_params)
    except EmptyResultSet:  # the queryset is empty (`none()`)
        return [[] for _ in wheres]
    found: list[list[Document]] = [[] for _ in wheres]
    convert, end = converted(fields, tables.connection), len(COLUMNS)
    with tables.connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for n, *row in cursor.fetchall():
            found[n].append(document((*row[:end], *convert(row[end:]))))
    return found

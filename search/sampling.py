"""The matches of a query, unranked, and the sample of them a page ranks when there are many.

Ranking reads every match, which a broad query at a million names ("human rights": 24,656) cannot
afford in a page's time, so pages rank a sample past a limit (`sample`); downloads rank them all.
"""

from __future__ import annotations

import json

from django.db import connections
from django.db.models import Case, Field, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from search.conditions import COLUMNS, Document, document
from search.keys import QueryForms
from search.models import SearchDocument, SearchName
from search.plans import Plan, plan
from search.reading import Tables, Where, first_matches, initialled, initialled_documents
from search.vocabulary import WordInfo

CANDIDATES = 2000  # matches of a common query that are read to put those as typed first
SCAN_WINDOW = 50_000  # documents a common query's first matches are looked for in (`window`)


def merged(*groups: list[Document]) -> list[Document]:
    """The documents of every group, each signatory's once, in the order first found."""
    found: dict[int, Document] = {}
    for group in groups:
        for row in group:
            found.setdefault(row.pk, row)
    return list(found.values())


def id_array(ids: list[int]) -> str:
    """The ids as one PostgreSQL array literal: psycopg dumps a list of ints one by one."""
    return "{" + ",".join(map(str, ids)) + "}"


def id_list(ids: list[int], vendor: str) -> RawSQL:
    """The ids as one parameter (an array, a JSON list), not a thousand: quoting each one into
    the SQL of the count and of the page costs more than running them."""
    if vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [id_array(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def in_order(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """The signatories of `queryset` with these ids, in the order of the list: by the position of
    each id in the list, one parameter (written as SQL: building the expression with the ORM cost
    more than sorting a page's sample)."""
    tables = Tables.of(queryset)
    if tables.connection.vendor == "postgresql":
        position = RawSQL(f"array_position(%s::bigint[], {tables.pk})", [id_array(ids)])
    else:  # the position of ",id," in the list written out
        listed = "," + ",".join(map(str, ids)) + ","
        position = RawSQL(f"instr(%s, ',' || {tables.pk} || ',')", [listed])
    return queryset.filter(pk__in=id_list(ids, tables.connection.vendor)).order_by(position)


def sample(
    queryset: QuerySet,
    chosen: Plan,
    forms: QueryForms,
    limit: int,
    initialism: str | None,
    fields: tuple[Field, ...] = (),
) -> list[Document]:
    """At most `limit` + 1 matches to rank, more only when there are more matches, each with
    these `fields` of its signatory (`Document.shown`).

    A query whose words the vocabulary finds in more than `limit` documents may have more
    matches than that: its sample is looked for first among the first documents (`window`),
    then, for several words, among the first matches found with those of the query as typed
    first (`typed_first`). Otherwise the first matches found. Those with the `initialism`
    (None when no name has the query as initials) join them. Once the matches are cut short,
    every signatory with a name equal to the query joins them too, so the signatory a broad
    query names still comes first.
    """
    found = window(queryset, chosen, limit, fields) if chosen.common > limit else []
    initials: list[Document] | None = None
    if len(found) <= limit:
        if chosen.several_words and chosen.common > limit:
            found = typed_first(queryset, chosen, limit, fields)
        elif initialism:  # asked together with those whose initials the query is
            both = [matched(chosen), initialled(initialism)]
            found, initials = first_matches(queryset, both, limit + 1, fields)
        else:
            [found] = first_matches(queryset, [matched(chosen)], limit + 1, fields)
    if initialism:
        if initials is None:
            [initials] = first_matches(queryset, [initialled(initialism)], limit + 1, fields)
        found = merged(found, initials)
    if len(found) > limit:
        named = SearchName.objects.filter(Q(key=forms.folded) | Q(compact=forms.compact))
        exact = queryset.filter(pk__in=named.values("document_id")).order_by()
        found = merged(found, list(map(document, exact.values_list(*columns(fields)))))
    return found


def columns(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """The columns of a `Document` with these fields, for `values_list`."""
    return (*COLUMNS, *(field.attname for field in fields))


def matched(chosen: Plan) -> Where:
    """The matches of the plan, as a reading's condition."""
    return lambda tables: chosen.where(tables.connection, tables.documents, tables.pk)


def initialled_queryset(queryset: QuerySet, initialism: str) -> QuerySet:
    """The signatories of `queryset` with a name whose initials are `initialism`, by index
    lookup (the lookup of `search.reading.initialled`)."""
    sql, params = initialled_documents(connections[queryset.db], initialism)
    return queryset.filter(pk__in=RawSQL(sql, params))


def typed_first(
    queryset: QuerySet, chosen: Plan, limit: int, fields: tuple[Field, ...] = ()
) -> list[Document]:
    """Up to `limit` + 1 of the first CANDIDATES matches found, those of the query as typed first.

    They rank above all but a few fuzzy matches, and "comite des defenseurs des droits humains
    en cha" must find that committee among the thousand committees with most of those words:
    one index scan finds the candidates, a recheck of the few read tells which are as typed.
    """
    candidates = chosen.matches(queryset).order_by().values("pk")[:CANDIDATES]
    typed = Case(
        When(chosen.typed.q(), then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    ranked = queryset.filter(pk__in=candidates).annotate(search_typed=typed)
    rows = ranked.order_by("search_typed", "pk").values_list(*columns(fields))[: limit + 1]
    return list(map(document, rows))


def document_ends(using: str) -> tuple[int, int] | None:
    """The first and last document keys, by two index lookups (SQLite reads every row for MIN
    and MAX asked together); None when there are no documents."""
    keys = SearchDocument.objects.using(using).values_list("pk", flat=True)
    first, last = keys.order_by("pk").first(), keys.order_by("-pk").first()
    return None if first is None else (first, last)


def document_span(using: str) -> int:
    """How many keys the documents span: at least as many as there are documents (counting them
    at a million names costs more than a search)."""
    ends = document_ends(using)
    return 0 if ends is None else ends[1] - ends[0] + 1


def window(
    queryset: QuerySet, chosen: Plan, limit: int, fields: tuple[Field, ...] = ()
) -> list[Document]:
    """More than `limit` matches among the first SCAN_WINDOW documents, or none.

    A trigram index must list every document with a common word before it can return any: for
    "human rights" at a million names, 24,656 of them. When the vocabulary expects twice the
    matches needed among the first documents, checking those in order costs less, and when
    they hold too few the caller asks the index after all; either way the first matches found.
    """
    ends = document_ends(queryset.db)
    if ends is None:
        return []
    span = ends[1] - ends[0] + 1  # at least as many as there are documents
    if chosen.common * min(span, SCAN_WINDOW) < 2 * (limit + 1) * span:
        return []

    def scanned(tables: Tables) -> tuple[str, list]:
        sql, params = chosen.scan.sql(tables.connection, tables.documents)
        return f"({sql}) AND {tables.document_signatory} < %s", [*params, ends[0] + SCAN_WINDOW]

    [found] = first_matches(queryset, [scanned], limit + 1, fields)
    return found if len(found) > limit else []


def matching(
    queryset: QuerySet,
    forms: QueryForms,
    info: WordInfo,
    limit: int | None,
    fields: tuple[Field, ...] = (),
) -> tuple[QuerySet | None, list[Document] | None]:
    """The matches of a query, unranked: without a `limit`, all of them as a queryset; with
    one, the documents of its sample (see `sample`), with these `fields` of their signatories."""
    chosen = plan(forms, info)
    initialism = forms.initialism if info.may_be_initials(forms.initialism) else None
    if limit is None:
        matches = chosen.matches(queryset)
        if initialism:
            matches = matches | initialled_queryset(queryset, initialism)
        return matches, None
    return None, sample(queryset, chosen, forms, limit, initialism, fields)

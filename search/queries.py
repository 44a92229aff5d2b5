"""The ranked search query over search documents, the same SQL tests on PostgreSQL and SQLite.

A signatory matches when one of its names contains the folded query (or its letters without
spaces), when every query word, or a vocabulary term close to it, starts a word of its names, or
when a one-word query is the initials of one of its names (`initialled`).
Matches are ranked in tiers, best first; within a tier, those with the query's short words first
(`ranked`), then shorter display names.

Ranking reads every match, which a broad query at a million names ("human rights": 24,656) cannot
afford in a page's time, so pages rank a sample past a limit (`sample`); downloads rank them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce
from itertools import combinations, islice
from operator import and_, or_

from django.db import connections
from django.db.models import Case, F, IntegerField, Max, Min, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate, Length, StrIndex
from django.db.models.lookups import GreaterThan

from search.keys import SEPARATOR, QueryForms
from search.models import SearchDocument, SearchInitialism, SearchName
from search.vocabulary import WordInfo, look_up

DOC = "search_document__doc"
COMPACT = "search_document__compact"
NATIVE = "search_document__native"
NAME = "search_document__name"
INITIALS = "search_document__initials"
FTS_MIN = 3  # the FTS5 trigram tokenizer cannot look up shorter phrases
# Shorter letter runs found across word boundaries are mostly noise ("rsf" in "lawyeRS For").
PART_SPACES_MIN = 4
SHORT_WORD = 4
LEADS = 2  # words whose trigrams go to the index; more cost more than they narrow
LONG_WORD = 5
CANDIDATES = 2000  # matches of a common query that are read to put those as typed first
SCAN_WINDOW = 50_000  # documents a common query's first matches are looked for in (`window`)
NARROW_ENOUGH = 2000  # documents a lead may leave for the other words to be merely rechecked
MAX_FEWER_WORDS = 8  # queries with words left out tried, at most, when a query matches nothing
FEWER_WORDS_MAX = 12  # words a query may have for those to be tried: more is not a name typed
RARE_UNKNOWN = 6  # a word no document has, this long, is a typo or a rare name, not a prefix
UNKNOWN_SHORT = 10**9
# Ties are broken in code point order, the same on both backends whatever the database locale.
BYTE_ORDER = {"postgresql": "C", "sqlite": "BINARY"}


class Tier:
    DISPLAY_NAME = 0  # the display name, folded or without spaces
    ANY_NAME = 1  # a source reading, an alias or a bracketed part of a name
    WHOLE_WORDS = 2  # the query as whole words inside a name
    PREFIX = 3  # the query at the start of a word
    ALL_WORDS = 4  # every query word starts a word, in any order
    INITIALS = 5  # the query is the initials of a name ("hrw": "Human Rights Watch")
    PART = 6  # the query anywhere, inside words too
    PART_SPACES = 7  # the letters anywhere once spaces are ignored (queries of 4+ letters)
    FUZZY = 8  # every word, or a close vocabulary term, starts a word


def word_start(term: str) -> Q:
    return Q(**{f"{DOC}__contains": f" {term}"})


def required_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words a fuzzy match must have: all, less the short ones ("of", "de", "for") when a
    longer word is there, since they are in most names and cost a large index lookup."""
    long_words = tuple(w for w in words if len(w) >= SHORT_WORD)
    return long_words or words


def words_condition(words, corrections: dict[str, list[str]]) -> Q:
    condition = Q()
    for word in words:
        alternatives = Q()
        for term in dict.fromkeys([word, *corrections.get(word, [])]):
            alternatives |= word_start(term)
        condition &= alternatives
    return condition


def tiers(forms: QueryForms, corrections: dict[str, list[str]]) -> dict[int, Q]:
    """The condition of each tier; a document falls in the first tier whose condition holds."""
    q, qc, sep = forms.folded, forms.compact, SEPARATOR
    conditions = [
        (
            Tier.DISPLAY_NAME,
            Q(**{f"{DOC}__startswith": f"{sep} {q} {sep}"})
            | Q(**{f"{COMPACT}__startswith": f"{sep}{qc}{sep}"}),
        ),
        (
            Tier.ANY_NAME,
            Q(**{f"{DOC}__contains": f"{sep} {q} {sep}"})
            | Q(**{f"{COMPACT}__contains": f"{sep}{qc}{sep}"}),
        ),
        (Tier.WHOLE_WORDS, Q(**{f"{DOC}__contains": f" {q} "})),
        (Tier.PREFIX, word_start(q)),
        (Tier.ALL_WORDS, words_condition(forms.words, {})),
        (Tier.INITIALS, Q(**{f"{INITIALS}__contains": f" {forms.initialism} "})),
        (Tier.PART, Q(**{f"{DOC}__contains": q})),
        (Tier.PART_SPACES, Q(**{f"{COMPACT}__contains": qc})),
        (Tier.FUZZY, words_condition(required_words(forms.words), corrections)),
    ]
    skipped = {
        Tier.PART_SPACES: len(qc) < PART_SPACES_MIN,
        Tier.INITIALS: forms.initialism is None,
    }
    return {tier: condition for tier, condition in conditions if not skipped.get(tier)}


def estimated_documents(word: str, info: WordInfo) -> int:
    """About how many documents contain the word: its count when it is a term; a long word no
    document has (a typo) narrows best; a short one (a word being typed) may be in many."""
    if word in info.documents:
        return info.frequency(word)
    return 0 if len(word) >= RARE_UNKNOWN else UNKNOWN_SHORT - len(word)


def word_groups(forms: QueryForms, info: WordInfo) -> list[list[str]]:
    """Each word a match needs, with the vocabulary terms that may stand for it (its corrections)."""
    return [
        list(dict.fromkeys([word, *info.corrections.get(word, [])]))
        for word in required_words(forms.words)
    ]


def leading_groups(groups: list[list[str]], info: WordInfo, count: int = LEADS) -> list[list[str]]:
    """The (up to) `count` word groups whose terms should narrow the search most.

    Only groups whose every term has 3+ letters can be looked up by trigrams. Groups of longer
    words first: as a substring a short word ("tam") is in far more documents than have it as a
    word. The index intersects their trigrams; the other words are only rechecked.
    """
    usable = [g for g in groups if all(len(t) >= FTS_MIN for t in g)]

    def cost(group: list[str]) -> int:
        return sum(estimated_documents(t, info) for t in group)

    ranked = sorted(
        usable,
        key=lambda g: (min(map(len, g)) < LONG_WORD, cost(g), -min(map(len, g)), g),
    )
    return ranked[: 1 if ranked and narrow_enough([cost(ranked[0])]) else count]


def shortest_parts(group: list[str]) -> list[str]:
    """The terms of a group that hold no other term of it: a name holding "comites" holds
    "comite", so looking up "comite" finds both, and each lookup costs an index scan."""
    return [t for t in group if not any(o != t and o in t for o in group)]


def narrow_enough(estimates) -> bool:
    """Whether the first lead alone leaves few enough documents to recheck the rest one by one."""
    return all(n <= NARROW_ENOUGH for n in estimates)


def contains(field: str, text: str) -> Q:
    return Q(**{f"{field}__contains": text})


def recheck(field: str, text: str) -> Q:
    """`field` contains `text`, through STRPOS / INSTR, which no index serves: trigram indexes
    slow down with every trigram they must intersect, so only the leading words go to them."""
    return Q(GreaterThan(StrIndex(F(field), Value(text)), 0))


@dataclass
class Plan:
    """How to find the matches of a query.

    `condition` is every match, narrowed by the trigrams of its leading words, with `fts` for
    SQLite's FTS5 table. `common` is how many documents the vocabulary says have the
    query's rarest needed word (its group of corrections): about as many as match, often fewer.
    `scan` is what a scan of documents in order checks, with no index: the query as typed for
    several words, every match for one; `typed` tells the matches as typed from the others.
    """

    condition: Q
    fts: str | None
    scan: Q
    typed: Q = Q()
    several_words: bool = False
    common: int = 0

    def filter(self, queryset: QuerySet, condition: Q, fts: str | None) -> QuerySet:
        queryset = queryset.filter(condition)
        if fts is not None and connections[queryset.db].vendor == "sqlite":
            rows = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [fts])
            queryset = queryset.filter(pk__in=rows)
        return queryset

    def matches(self, queryset: QuerySet) -> QuerySet:
        return self.filter(queryset, self.condition, self.fts)


def fts_phrase(column: str, text: str) -> str | None:
    return f'{column}:"{text}"' if len(text) >= FTS_MIN else None


def plan(forms: QueryForms, info: WordInfo) -> Plan:
    """Match: the query inside a name (PART) or its letters once spaces are ignored (PART_SPACES,
    4+ letters), or every required word or a correction of it starting a word (FUZZY).

    Every match has, for each required word, the word or one of its corrections among the
    letters of a name once spaces are ignored (the compact form): a part holds each of its words,
    and a word that starts a word is there too. So one trigram index, the compact form's, narrows
    both kinds of match by the leading words; the rest is rechecked on the few rows it leaves.
    """
    q, qc = forms.folded, forms.compact
    # The letters once spaces are ignored include every match of the query as typed: when the
    # compact form may be looked up (4+ letters), it alone stands for both.
    field, text = (COMPACT, qc) if len(qc) >= PART_SPACES_MIN else (DOC, q)
    groups = word_groups(forms, info)
    leads = leading_groups(groups, info)
    if not leads:  # no word long enough for trigrams: only the part itself may be looked up
        fuzzy = reduce(and_, [reduce(or_, [word_start(t) for t in g]) for g in groups], Q())
        return Plan(condition=contains(field, text) | fuzzy, fts=None, scan=Q())
    lookups = [shortest_parts(g) for g in leads]
    narrowed = reduce(and_, [reduce(or_, [contains(COMPACT, t) for t in g]) for g in lookups])
    fuzzy = reduce(and_, [reduce(or_, [recheck(DOC, f" {t}") for t in g]) for g in groups])
    fts = " AND ".join(
        "(" + " OR ".join(fts_phrase("compact", t) for t in g) + ")" for g in lookups
    )
    several_words = len(groups) > 1
    return Plan(
        condition=narrowed & (recheck(field, text) | fuzzy),
        fts=fts,
        scan=recheck(field, text) if several_words else recheck(field, text) | fuzzy,
        typed=recheck(field, text),
        several_words=several_words,
        common=min(sum(info.frequency(t) for t in g) for g in groups),
    )


def first_matches(matched: QuerySet, count: int) -> list[int]:
    """The ids of the first `count` matches the database finds, without ranking them all.

    Found in storage order, which holds until the data changes, so the same query gives the same
    rows page after page. On PostgreSQL that needs a serial scan: the settings turn parallel
    workers (which return rows in whatever order they finish) and shared sequential scans
    (which start anywhere) off for the app's connections.
    """
    return list(matched.order_by().values_list("pk", flat=True)[:count])


def id_list(ids: list[int], vendor: str) -> RawSQL:
    """The ids as one parameter (an array, a JSON list), not a thousand: quoting each one into
    the SQL of the count and of the page costs more than running them."""
    if vendor == "postgresql":  # an array literal: psycopg dumps a list of ints one by one
        return RawSQL("SELECT unnest(%s::bigint[])", ["{" + ",".join(map(str, ids)) + "}"])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def sample(queryset: QuerySet, chosen: Plan, forms: QueryForms, limit: int) -> list[int]:
    """The ids of at most `limit` + 1 matches to rank, more only when there are more matches.

    A query whose words the vocabulary finds in more than `limit` documents may have more
    matches than that: its sample is looked for first among the first documents (`window`),
    then, for several words, among the first matches found with those of the query as typed
    first (`typed_first`). Otherwise the first matches found. Those whose initials the query is
    join them. Once the matches are cut short, every signatory with a name equal to the query
    joins them too, so the signatory a broad query names still comes first.
    """
    found = window(queryset, chosen, limit) if chosen.common > limit else []
    if len(found) <= limit:
        if chosen.several_words and chosen.common > limit:
            found = typed_first(queryset, chosen, limit)
        else:
            found = first_matches(chosen.matches(queryset), limit + 1)
    if forms.initialism:
        initials = first_matches(initialled(queryset, forms), limit + 1)
        found = list(dict.fromkeys([*found, *initials]))
    if len(found) > limit:
        named = SearchName.objects.filter(Q(key=forms.folded) | Q(compact=forms.compact))
        exact = queryset.filter(pk__in=named.values("document_id")).order_by()
        found = list(dict.fromkeys([*found, *exact.values_list("pk", flat=True)]))
    return found


def initialled(queryset: QuerySet, forms: QueryForms) -> QuerySet:
    """The signatories of `queryset` with a name whose initials the query is, by index lookup."""
    letters = SearchInitialism.objects.using(queryset.db).filter(letters=forms.initialism)
    return queryset.filter(pk__in=letters.values("document_id"))


def typed_first(queryset: QuerySet, chosen: Plan, limit: int) -> list[int]:
    """Up to `limit` + 1 of the first CANDIDATES matches found, those of the query as typed first.

    They rank above all but a few fuzzy matches, and "comite des defenseurs des droits humains
    en cha" must find that committee among the thousand committees with most of those words:
    one index scan finds the candidates, a recheck of the few read tells which are as typed.
    """
    candidates = chosen.matches(queryset).order_by().values("pk")[:CANDIDATES]
    typed = Case(When(chosen.typed, then=Value(0)), default=Value(1), output_field=IntegerField())
    ranked = queryset.filter(pk__in=candidates).annotate(search_typed=typed)
    return list(ranked.order_by("search_typed", "pk").values_list("pk", flat=True)[: limit + 1])


def window(queryset: QuerySet, chosen: Plan, limit: int) -> list[int]:
    """More than `limit` matches among the first SCAN_WINDOW documents, or none.

    A trigram index must list every document with a common word before it can return any: for
    "human rights" at a million names, 24,656 of them. When the vocabulary expects twice the
    matches needed among the first documents, checking those in order costs less, and when
    they hold too few the caller asks the index after all; either way the first matches found.
    """
    ends = SearchDocument.objects.using(queryset.db).aggregate(first=Min("pk"), last=Max("pk"))
    if ends["last"] is None:
        return []
    span = ends["last"] - ends["first"] + 1  # at least as many as there are documents
    if chosen.common * min(span, SCAN_WINDOW) < 2 * (limit + 1) * span:
        return []
    scanned = queryset.filter(chosen.scan, search_document__pk__lt=ends["first"] + SCAN_WINDOW)
    found = first_matches(scanned, limit + 1)
    return found if len(found) > limit else []


def matching(
    queryset: QuerySet, forms: QueryForms, info: WordInfo, limit: int | None
) -> tuple[QuerySet, list[int] | None]:
    """The matches of a query, unranked; with a `limit`, as the ids of its sample (see `sample`)."""
    chosen = plan(forms, info)
    if limit is None:
        matches = chosen.matches(queryset)
        return (matches | initialled(queryset, forms) if forms.initialism else matches), None
    ids = sample(queryset, chosen, forms, limit)
    return queryset.filter(pk__in=id_list(ids, connections[queryset.db].vendor)), ids


def fewer_words(
    forms: QueryForms, info: WordInfo
) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(kept, left out) words of a query that matched nothing, at most MAX_FEWER_WORDS, in the
    order worth trying: one word left out before two, then the later words first ("human rights
    watch china": "china" is a qualifier, not the name). Words no name has and nothing corrects
    are always left out; nothing is tried for a query of more than FEWER_WORDS_MAX words."""
    words = forms.words
    if len(words) > FEWER_WORDS_MAX:
        return
    unknown = [
        i for i, w in enumerate(words) if w not in info.documents and not info.corrections.get(w)
    ]
    known = [i for i in range(len(words)) if i not in unknown]
    options = (
        sorted([*unknown, *extra])
        for count in range(len(known))
        for extra in sorted(combinations(known, count), key=lambda c: [-i for i in reversed(c)])
    )
    for left_out in islice((o for o in options if o), MAX_FEWER_WORDS):
        yield (
            tuple(w for i, w in enumerate(words) if i not in left_out),
            tuple(words[i] for i in left_out),
        )


def ranked_search(queryset: QuerySet, q: str, limit: int | None = None) -> QuerySet:
    """Signatories of `queryset` matching `q`, best first, as a queryset annotated `search_tier`.

    With a `limit`, at most `limit` + 1 matches are ranked (see `sample`), more only when the
    matches were cut short: the result holds more than `limit` rows exactly then. Without one,
    every match is ranked. A query of several words that matches nothing is tried again with
    fewer (`fewer_words`); `search_facts` tells which words were left out.
    """
    forms = QueryForms.parse(q)
    if not forms:
        return queryset.none()
    info = look_up(forms.words, using=queryset.db)
    matches, ids = matching(queryset, forms, info, limit)
    left_out: tuple[str, ...] = ()
    if len(forms.words) > 1 and not (ids if limit is not None else matches.exists()):
        for kept, dropped in fewer_words(forms, info):
            fewer = QueryForms.parse(" ".join(kept))
            fewer_info = look_up(fewer.words, using=queryset.db)
            fewer_matches, fewer_ids = matching(queryset, fewer, fewer_info, limit)
            if fewer_ids if limit is not None else fewer_matches.exists():
                forms, info, matches, ids, left_out = (
                    fewer, fewer_info, fewer_matches, fewer_ids, dropped
                )  # fmt: skip
                break
    queryset = ranked(matches, forms, info)
    queryset.query.search_facts = SearchFacts(
        count=None if ids is None else len(ids),
        filters=len(queryset.query.where.children),
        searched=forms.folded,
        left_out=left_out,
    )
    return queryset


def ranked(matches: QuerySet, forms: QueryForms, info: WordInfo) -> QuerySet:
    """The matches annotated with their tier and ordered best first."""
    vendor = connections[matches.db].vendor
    queryset = matches.annotate(
        search_tier=Case(
            # Every match not in a better tier is fuzzy: that tier needs no test of its own.
            *(
                When(condition, then=Value(tier))
                for tier, condition in tiers(forms, info.corrections).items()
                if tier != Tier.FUZZY
            ),
            default=Value(Tier.FUZZY),
            output_field=IntegerField(),
        )
    )
    # Sort keys all from the document (its copy of the name; its signatory_id is the pk), so
    # PostgreSQL sorts the matching documents and joins signatories for one page only.
    order = [
        "search_tier",
        Length(NAME),
        Collate(NAME, BYTE_ORDER[vendor]),
        "search_document__signatory_id",
    ]
    optional = [w for w in forms.words if w not in required_words(forms.words)]
    if optional:
        # Short words a fuzzy match need not have ("hk", "of"): those that have them come first,
        # at the start of a word or among the initials of their words ("hk" in "Hong Kong Watch").
        has_them = reduce(and_, [word_start(w) | contains(INITIALS, w) for w in optional])
        queryset = queryset.annotate(
            search_short_words=Case(
                When(has_them, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        order.insert(1, "search_short_words")
    if forms.native:
        # "台灣" first finds the names that print it, then those that transliterate it ("Taiwan").
        queryset = queryset.annotate(
            search_as_typed=Case(
                When(Q(**{f"{NATIVE}__contains": forms.native}), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        order.insert(0, "search_as_typed")
    return queryset.order_by(*order)


@dataclass(frozen=True)
class SearchFacts:
    """What a `ranked_search` did: how many rows it ranked when it sampled them (else None), the
    filters its queryset had then, the folded query it searched for and the words it left out.
    The query object carries this through ordering and annotating (Query.clone copies it)."""

    count: int | None
    filters: int
    searched: str
    left_out: tuple[str, ...] = ()


def search_facts(queryset: QuerySet) -> SearchFacts | None:
    """The facts of the `ranked_search` this queryset came from, or None for another queryset."""
    return getattr(queryset.query, "search_facts", None)


def ranked_count(queryset: QuerySet) -> int | None:
    """The number of results of a `ranked_search` with a limit, known without counting them again,
    or None (another queryset, one filtered since, or a search without a limit)."""
    facts = search_facts(queryset)
    if facts is None or facts.filters != len(queryset.query.where.children):
        return None
    return facts.count

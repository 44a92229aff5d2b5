"""The ranked search query over search documents, the same SQL tests on PostgreSQL and SQLite.

A signatory matches when one of its names contains the folded query (or its letters without
spaces), or when every query word, or a vocabulary term close to it, starts a word of its names.
Matches are ranked in tiers, best first; within a tier shorter display names come first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db import connections
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate, Length, StrIndex
from django.db.models.lookups import GreaterThan

from search.keys import SEPARATOR, QueryForms
from search.vocabulary import WordInfo, look_up

DOC = "search_document__doc"
COMPACT = "search_document__compact"
NATIVE = "search_document__native"
NAME = "search_document__name"
FTS_MIN = 3  # the FTS5 trigram tokenizer cannot look up shorter phrases
# Shorter letter runs found across word boundaries are mostly noise ("rsf" in "lawyeRS For").
PART_SPACES_MIN = 4
SHORT_WORD = 4
LEADS = 2  # words whose trigrams go to the index; more cost more than they narrow
LONG_WORD = 5
NARROW_ENOUGH = 2000  # documents a lead may leave for the other words to be merely rechecked
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
    PART = 5  # the query anywhere, inside words too
    PART_SPACES = 6  # the letters anywhere once spaces are ignored (queries of 4+ letters)
    FUZZY = 7  # every word, or a close vocabulary term, starts a word


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
        (Tier.PART, Q(**{f"{DOC}__contains": q})),
        (Tier.PART_SPACES, Q(**{f"{COMPACT}__contains": qc})),
        (Tier.FUZZY, words_condition(required_words(forms.words), corrections)),
    ]
    return {
        tier: condition
        for tier, condition in conditions
        if tier != Tier.PART_SPACES or len(qc) >= PART_SPACES_MIN
    }


def estimated_documents(word: str, info: WordInfo) -> int:
    """About how many documents contain the word: its count when it is a term; a long word no
    document has (a typo) narrows best; a short one (a word being typed) may be in many."""
    if word in info.documents:
        return info.frequency(word)
    return 0 if len(word) >= RARE_UNKNOWN else UNKNOWN_SHORT - len(word)


def narrowest(words, info: WordInfo, count: int = LEADS) -> list[str]:
    """The (up to) `count` query words of 3+ letters that should narrow the search most.

    Longer words first: as a substring a short word ("tam") is in far more documents than have it
    as a word. The index intersects their trigrams; the other words are only rechecked.
    """
    usable = [w for w in dict.fromkeys(words) if len(w) >= FTS_MIN]
    long_words = [w for w in usable if len(w) >= LONG_WORD] or usable
    ranked = sorted(long_words, key=lambda w: (estimated_documents(w, info), -len(w), w))
    return ranked[: 1 if narrow_enough(estimated_documents(w, info) for w in ranked[:1]) else count]


def narrow_enough(estimates) -> bool:
    """Whether the first lead alone leaves few enough documents to recheck the rest one by one."""
    return all(n <= NARROW_ENOUGH for n in estimates)


def contains(field: str, text: str) -> Q:
    return Q(**{f"{field}__contains": text})


def recheck(field: str, text: str) -> Q:
    """`field` contains `text`, through STRPOS / INSTR, which no index serves: trigram indexes
    slow down with every trigram they must intersect, so only the narrowest word goes to them."""
    return Q(GreaterThan(StrIndex(F(field), Value(text)), 0))


@dataclass
class Plan:
    """The match condition, each part led by its narrowest word, and the FTS5 query for SQLite."""

    condition: Q
    fts: str | None


def fts_phrase(column: str, text: str) -> str | None:
    return f'{column}:"{text}"' if len(text) >= FTS_MIN else None


def plan(forms: QueryForms, info: WordInfo) -> Plan:
    """Match: the query inside a name (PART) or its letters once spaces are ignored (PART_SPACES,
    4+ letters), or every required word or a correction of it starting a word (FUZZY)."""
    q, qc = forms.folded, forms.compact
    leads = narrowest(forms.words, info)
    parts, fts = [], []
    # The letters once spaces are ignored include every match of the query as typed: when the
    # compact form may be looked up (4+ letters), it alone stands for both.
    field, column, text = (
        (COMPACT, "compact", qc) if len(qc) >= PART_SPACES_MIN else (DOC, "doc", q)
    )
    if not leads or leads == [text]:
        parts.append(contains(field, text))
        fts.append(fts_phrase(column, text))
    else:
        parts.append(reduce(and_, [contains(field, w) for w in leads]) & recheck(field, text))
        fts.append("(" + " AND ".join(fts_phrase(column, w) for w in leads) + ")")
    groups = [
        list(dict.fromkeys([word, *info.corrections.get(word, [])]))
        for word in required_words(forms.words)
    ]
    if len(groups) == 1 and groups[0][0] == q:
        groups[0] = groups[0][1:]  # the word itself starting a word is a part match already
    groups = [g for g in groups if g] if len(groups) == 1 else groups
    if groups:
        cost = {id(g): sum(estimated_documents(t, info) for t in g) for g in groups}
        ranked_groups = sorted(groups, key=lambda g: cost[id(g)])
        alone = narrow_enough([cost[id(ranked_groups[0])]])
        leading = ranked_groups[: 1 if alone else LEADS]
        fuzzy, fts_groups = Q(), []
        for group in groups:
            if any(group is g for g in leading):
                alternatives = [word_start(t) for t in group]
                phrases = [fts_phrase("doc", f" {t}") for t in group]
                fts_groups.append(None if None in phrases else "(" + " OR ".join(phrases) + ")")
            else:
                alternatives = [recheck(DOC, f" {t}") for t in group]
            fuzzy &= reduce(or_, alternatives)
        parts.append(fuzzy)
        fts.append(None if None in fts_groups else "(" + " AND ".join(fts_groups) + ")")
    return Plan(
        condition=reduce(or_, parts),
        fts=None if None in fts else " OR ".join(fts),
    )


def ranked_search(queryset: QuerySet, q: str) -> QuerySet:
    """Signatories of `queryset` matching `q`, best first, as a queryset annotated `search_tier`."""
    forms = QueryForms.parse(q)
    if not forms:
        return queryset.none()
    info = look_up(forms.words, using=queryset.db)
    ranked = tiers(forms, info.corrections)
    chosen = plan(forms, info)
    queryset = queryset.filter(chosen.condition)
    vendor = connections[queryset.db].vendor
    if vendor == "sqlite" and chosen.fts is not None:
        fts = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [chosen.fts])
        queryset = queryset.filter(pk__in=fts)
    queryset = queryset.annotate(
        search_tier=Case(
            *(When(condition, then=Value(tier)) for tier, condition in ranked.items()),
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

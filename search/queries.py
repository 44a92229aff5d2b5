"""The ranked search query over search documents, the same SQL tests on PostgreSQL and SQLite.

A signatory matches when one of its names contains the folded query (or its letters without
spaces), or when every query word, or a vocabulary term close to it, starts a word of its names.
Matches are ranked in tiers, best first; within a tier shorter display names come first.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate, Length

from search.keys import SEPARATOR, QueryForms
from search.vocabulary import corrections_for

DOC = "search_document__doc"
COMPACT = "search_document__compact"
NATIVE = "search_document__native"
FTS_MIN = 3  # the FTS5 trigram tokenizer cannot look up shorter phrases
# Shorter letter runs found across word boundaries are mostly noise ("rsf" in "lawyeRS For").
PART_SPACES_MIN = 4
SHORT_WORD = 4
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


def fts_phrase(column: str, text: str) -> str | None:
    return f'{column}:"{text}"' if len(text) >= FTS_MIN else None


def fts_match(forms: QueryForms, corrections: dict[str, list[str]]) -> str | None:
    """An FTS5 query that finds a superset of the matches, or None when it cannot narrow them."""
    part = fts_phrase("doc", forms.folded)
    if part is None:
        return None
    if len(forms.compact) >= PART_SPACES_MIN:
        part = f"{part} OR {fts_phrase('compact', forms.compact)}"
    clauses = []
    for word in required_words(forms.words):
        alternatives = dict.fromkeys([word, *corrections.get(word, [])])
        phrases = [fts_phrase("doc", f" {t}") for t in alternatives]
        if None in phrases:
            return None  # a one-letter word: FTS5 cannot narrow the word matches
        clauses.append("(" + " OR ".join(phrases) + ")")
    return f"{part} OR ({' AND '.join(clauses)})"


def ranked_search(queryset: QuerySet, q: str) -> QuerySet:
    """Signatories of `queryset` matching `q`, best first, as a queryset annotated `search_tier`."""
    forms = QueryForms.parse(q)
    if not forms:
        return queryset.none()
    corrections = corrections_for(forms.words, using=queryset.db)
    ranked = tiers(forms, corrections)
    matches = Q()
    for tier in (Tier.PART, Tier.PART_SPACES, Tier.FUZZY):
        matches |= ranked.get(tier, Q())
    vendor = connections[queryset.db].vendor
    match = fts_match(forms, corrections) if vendor == "sqlite" else None
    if match is not None:
        # The FTS5 query states `matches` exactly (phrases of 3+ characters are substrings).
        fts = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [match])
        queryset = queryset.filter(pk__in=fts)
    else:
        queryset = queryset.filter(matches)
    queryset = queryset.annotate(
        search_tier=Case(
            *(When(condition, then=Value(tier)) for tier, condition in ranked.items()),
            default=Value(Tier.FUZZY),
            output_field=IntegerField(),
        )
    )
    order = ["search_tier", Length("name"), Collate("name", BYTE_ORDER[vendor]), "pk"]
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

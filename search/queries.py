"""The ranked search query over search documents, the same SQL tests on PostgreSQL and SQLite.

A signatory matches when one of its names contains the folded query (or its letters without
spaces), when every query word, or a vocabulary term close to it, starts a word of its names, or
when a one-word query is the initials of one of its names (`initialled`).
Matches are ranked in tiers, best first; within a tier, those with the query's short words first
(`ranked`), then shorter display names.

How the matches are found is `search.plans`; which of them a page ranks, `search.sampling`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce
from itertools import combinations, islice
from operator import and_

from django.db import connections
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Collate, Length

from search.keys import SEPARATOR, QueryForms
from search.plans import (
    COMPACT,
    DOC,
    INITIALS,
    NAME,
    NATIVE,
    PART_SPACES_MIN,
    contains,
    required_words,
    word_start,
    words_condition,
)
from search.sampling import matching
from search.vocabulary import WordInfo, look_up

# A query that matches nothing is tried again with words left out, at most this many times...
RETRIES_WITH_FEWER_WORDS = 8
# ...when it has at most this many words: more is not a name typed.
MAX_WORDS_TO_RETRY = 12
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


def fewer_words(
    forms: QueryForms, info: WordInfo
) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(kept, left out) words of a query that matched nothing, at most RETRIES_WITH_FEWER_WORDS, in
    the order worth trying: one word left out before two, then the later words first ("human rights
    watch china": "china" is a qualifier, not the name). Words no name has and nothing corrects
    are always left out; nothing is tried for a query of more than MAX_WORDS_TO_RETRY words."""
    words = forms.words
    if len(words) > MAX_WORDS_TO_RETRY:
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
    for left_out in islice((o for o in options if o), RETRIES_WITH_FEWER_WORDS):
        yield (
            tuple(w for i, w in enumerate(words) if i not in left_out),
            tuple(words[i] for i in left_out),
        )


@dataclass(frozen=True)
class SearchResult:
    """What a search found: the ranked signatories, and how it got them.

    `signatories` is the caller's queryset narrowed to the matches, annotated `search_tier` and
    ordered best first (the queryset itself for a blank query). `ranked` is how many matches were
    ranked when a limit applied (more than the limit only when the matches were cut short), else
    None. `searched` is the folded query searched for, `left_out` the words of the query left out
    because no name has them all.
    """

    signatories: QuerySet
    ranked: int | None = None
    searched: str = ""
    left_out: tuple[str, ...] = ()


def ranked_search(queryset: QuerySet, q: str, limit: int | None = None) -> SearchResult:
    """Signatories of `queryset` matching `q`, best first.

    With a `limit`, at most `limit` + 1 matches are ranked (see `sample`), more only when the
    matches were cut short: the result holds more than `limit` rows exactly then. Without one,
    every match is ranked. A query of several words that matches nothing is tried again with
    fewer (`fewer_words`); the result says which words were left out.
    """
    forms = QueryForms.parse(q)
    if not forms:
        return SearchResult(signatories=queryset.none(), ranked=None if limit is None else 0)
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
    return SearchResult(
        signatories=ranked(matches, forms, info),
        ranked=None if ids is None else len(ids),
        searched=forms.folded,
        left_out=left_out,
    )


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

"""How to find the matches of a query: which words narrow the search through the trigram indexes,
and which are only rechecked on the rows they leave (see `plan`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from search.conditions import ANY, Condition, Holds, all_of, any_of, word_start
from search.keys import QueryForms
from search.vocabulary import WordInfo

DOC = "doc"
COMPACT = "compact"
FTS_MIN = 3  # the FTS5 trigram tokenizer cannot look up shorter phrases
# Shorter letter runs found across word boundaries are mostly noise ("rsf" in "lawyeRS For").
PART_SPACES_MIN = 4
SHORT_WORD = 4
LEADS = 2  # words whose trigrams go to the index; more cost more than they narrow
LONG_WORD = 5
NARROW_ENOUGH = 2000  # documents a lead may leave for the other words to be merely rechecked
RARE_UNKNOWN = 6  # a word no document has, this long, is a typo or a rare name, not a prefix
UNKNOWN_SHORT = 10**9


def required_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words a fuzzy match must have: all, less the short ones ("of", "de", "for") when a
    longer word is there, since they are in most names and cost a large index lookup."""
    long_words = tuple(w for w in words if len(w) >= SHORT_WORD)
    return long_words or words


def estimated_documents(word: str, info: WordInfo) -> int:
    """About how many documents contain the word: its count when it is a term; a long word no
    document has (a typo) narrows best; a short one (a word being typed) may be in many."""
    if word in info.documents:
        return info.frequency(word)
    return 0 if len(word) >= RARE_UNKNOWN else UNKNOWN_SHORT - len(word)


def word_groups(forms: QueryForms, info: WordInfo) -> list[list[str]]:
    """Each word a match needs, with the vocabulary terms that may stand for it (its equivalents
    and corrections)."""
    return [info.alternatives(word) for word in required_words(forms.words)]


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


def contains(field: str, text: str) -> Condition:
    return Holds(field, text)


def recheck(field: str, text: str) -> Condition:
    """`field` contains `text`, through STRPOS / INSTR, which no index serves (see `Holds`)."""
    return Holds(field, text, recheck=True)


@dataclass
class Plan:
    """How to find the matches of a query.

    `condition` is every match, narrowed by the trigrams of its leading words, with `fts` for
    SQLite's FTS5 table. `common` is how many documents the vocabulary says have the
    query's rarest needed word (its group of corrections): about as many as match, often fewer.
    `scan` is what a scan of documents in order checks, with no index: the query as typed for
    several words, every match for one; `typed` tells the matches as typed from the others.
    """

    condition: Condition
    fts: str | None
    scan: Condition
    typed: Condition = ANY
    several_words: bool = False
    common: int = 0

    def matches(self, queryset: QuerySet) -> QuerySet:
        queryset = queryset.filter(self.condition.q())
        if self.fts is not None and connections[queryset.db].vendor == "sqlite":
            queryset = queryset.filter(pk__in=RawSQL(FTS_ROWS, [self.fts]))
        return queryset

    def where(self, connection, table: str, pk: str) -> tuple[str, list]:
        """The condition as SQL on the document `table`, whose signatory is `pk`."""
        sql, params = self.condition.sql(connection, table)
        if self.fts is not None and connection.vendor == "sqlite":
            sql, params = f"({sql}) AND {pk} IN ({FTS_ROWS})", [*params, self.fts]
        return sql, params


FTS_ROWS = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"


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
        fuzzy = all_of(any_of(word_start(t) for t in g) for g in groups)
        return Plan(condition=contains(field, text) | fuzzy, fts=None, scan=ANY)
    lookups = [shortest_parts(g) for g in leads]
    narrowed = all_of(any_of(contains(COMPACT, t) for t in g) for g in lookups)
    fuzzy = all_of(any_of(recheck(DOC, f" {t}") for t in g) for g in groups)
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

"""The ranked search query over search documents, the same SQL tests on PostgreSQL and SQLite.

A signatory matches when one of its names contains the folded query (or its letters without
spaces), when every query word, or a vocabulary term close to it, starts a word of its names, or
when a one-word query is the initials of one of its names (`initialled`).
Matches are ranked in tiers, best first; within a tier, those with the query's short words first
(`ranked`), then shorter display names.

How the matches are found is `search.plans`; which of them a page ranks, `search.sampling`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from search.conditions import Condition, Holds, all_of, any_of, word_start
from search.keys import SEPARATOR, QueryForms
from search.models import SearchName
from search.partial import keep_heaviest, named, spans, weights
from search.plans import PART_SPACES_MIN, plan, required_words
from search.ranking import Counted, Flag, Ranking, Tiered, Weighted
from search.rows import RankedRows, shown_fields
from search.sampling import document_span, in_order, matching
from search.vocabulary import WordInfo, look_up

# Signatories whose whole name is a run of a query's words that are looked at (a name shared by
# more is too common to tell anything).
NAMED_ROWS = 1000


class Tier:
    DISPLAY_NAME = 0  # the display name, folded or without spaces
    ANY_NAME = 1  # a source reading, an alias or a bracketed part of a name
    WHOLE_WORDS = 2  # the query as whole words inside a name
    INITIALS = 3  # the query is the initials of a name ("hrw": "Human Rights Watch")
    PREFIX = 4  # the query at the start of a word
    ALL_WORDS = 5  # every query word starts a word, in any order
    PART = 6  # the query anywhere, inside words too
    PART_SPACES = 7  # the letters anywhere once spaces are ignored (queries of 4+ letters)
    FUZZY = 8  # every word, or a close vocabulary term, starts a word


def words_condition(words, alternatives: dict[str, list[str]]) -> Condition:
    """Every word, or one of its alternatives, starts a word."""
    return all_of(
        any_of(word_start(t) for t in dict.fromkeys([w, *alternatives.get(w, [])])) for w in words
    )


def tiers(forms: QueryForms, info: WordInfo) -> list[tuple[int, Condition]]:
    """The condition of each tier but the last, best first: a document falls in the first tier
    whose condition holds, else in the fuzzy tier (every match not in a better one)."""
    q, qc, sep = forms.folded, forms.compact, SEPARATOR
    conditions = [
        (
            Tier.DISPLAY_NAME,
            Holds("doc", f"{sep} {q} {sep}", start=True)
            | Holds("compact", f"{sep}{qc}{sep}", start=True),
        ),
        (Tier.ANY_NAME, Holds("doc", f"{sep} {q} {sep}") | Holds("compact", f"{sep}{qc}{sep}")),
        (Tier.WHOLE_WORDS, Holds("doc", f" {q} ")),
        (Tier.INITIALS, Holds("initials", f" {forms.initialism} ")),
        (Tier.PREFIX, word_start(q)),
        (Tier.ALL_WORDS, words_condition(forms.words, info.equivalents)),
        (Tier.PART, Holds("doc", q)),
        (Tier.PART_SPACES, Holds("compact", qc)),
    ]
    skipped = {
        Tier.PART_SPACES: len(qc) < PART_SPACES_MIN,
        Tier.INITIALS: forms.initialism is None,
    }
    return [(tier, condition) for tier, condition in conditions if not skipped.get(tier)]


class Match:
    """How a result matched the query (the API's `match`)."""

    EXACT = "exact"  # the query is its display name
    ALIAS = "alias"  # the query is another of its names: a reading, an alias, a part, initials
    ALL_WORDS = "all words"  # every word of the query, as typed or in an equivalent spelling
    SOME_WORDS = "some words"  # only some of the words: no signatory has them all
    TYPO = "typo"  # every word, some of them read as a close spelling (a typo, a related form)
    CHOICES = (EXACT, ALIAS, ALL_WORDS, SOME_WORDS, TYPO)
    NAMED = (EXACT, ALIAS, ALL_WORDS)  # the signatory is named as typed


TIER_MATCH = {
    Tier.DISPLAY_NAME: Match.EXACT,
    Tier.ANY_NAME: Match.ALIAS,
    Tier.INITIALS: Match.ALIAS,
    Tier.FUZZY: Match.TYPO,
}


@dataclass(frozen=True)
class SearchResult:
    """What a search found: the ranked signatories, and how it got them.

    `signatories` is the caller's queryset narrowed to the matches and ordered best first (the
    queryset itself for a blank query); `rows`, when the search read the fields a page shows with
    the sample it ranked, the same signatories as a sequence that needs no query. Each match has
    the values of its ranking (`Ranking`): `search_tier` and the others below, in `values` by
    signatory id when a page ranked a sample of the matches, else as annotations of the rows.
    `ranked` is how many matches were ranked when a limit applied (more than the limit only when
    the matches were cut short), else None. `searched` is the folded query searched for,
    `left_out` the words of the query left out because no name has them all; `checked` those of
    them the results were checked for (the others no name has), each valued `search_has_<n>` in
    that order; `optional` the short words a fuzzy match need not have, each valued
    `search_short_<n>`.
    """

    signatories: QuerySet
    ranked: int | None = None
    searched: str = ""
    left_out: tuple[str, ...] = ()
    checked: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    values: dict[int, dict] | None = None
    rows: RankedRows | None = None

    def value(self, signatory, name: str, default=None):
        """One of the ranking's values for a result (a row of `signatories`)."""
        if self.values is None:
            return getattr(signatory, name, default)
        return self.values.get(signatory.pk, {}).get(name, default)

    def missing(self, signatory) -> tuple[str, ...]:
        """The words of the query that this result (a row of `signatories`) does not have: those
        left out, and in the fuzzy tier the short words it need not have ("now" of "Freedom Now"
        in "Freedom House")."""
        has = {w for n, w in enumerate(self.checked) if self.value(signatory, f"search_has_{n}", 0)}
        missing = [w for w in self.left_out if w not in has]
        if self.value(signatory, "search_tier") == Tier.FUZZY:
            missing.extend(
                w
                for n, w in enumerate(self.optional)
                if not self.value(signatory, f"search_short_{n}", 1)
            )
        return tuple(missing)

    def match(self, signatory) -> str:
        """How this result matched: one of `Match.CHOICES`."""
        if self.missing(signatory):
            return Match.SOME_WORDS
        return TIER_MATCH.get(self.value(signatory, "search_tier"), Match.ALL_WORDS)


def names_within(queryset: QuerySet, words: tuple[str, ...]) -> set[str]:
    """The runs of query words (`search.partial.spans`) that are a whole name of a signatory
    of `queryset`: the names by their index, then their signatories among the queryset's."""
    keys = [" ".join(words[start:end]) for start, end in spans(words)]
    if not keys:
        return set()
    rows = SearchName.objects.using(queryset.db).filter(key__in=keys)
    owners: dict[int, set[str]] = {}
    for key, document_id in rows.values_list("key", "document_id")[:NAMED_ROWS]:
        owners.setdefault(document_id, set()).add(key)
    kept = queryset.filter(pk__in=list(owners)).order_by().values_list("pk", flat=True)
    return set().union(*(owners[pk] for pk in kept))


def ranked_search(
    queryset: QuerySet, q: str, limit: int | None = None, fields: tuple[str, ...] = ()
) -> SearchResult:
    """Signatories of `queryset` matching `q`, best first.

    With a `limit`, at most `limit` + 1 matches are ranked (see `sample`), more only when the
    matches were cut short: the result holds more than `limit` rows exactly then; the `fields`
    of the signatories (model fields) are read with them, for the result's `rows`. Without one,
    every match is ranked. A query of several words that matches nothing is tried again with
    fewer: first a run of its words that is a whole name, then the rarest words
    (`search.partial`); the result says which words were left out, and ranks the matches that
    have more of them (weighted by rarity) first.
    """
    forms = QueryForms.parse(q)
    if not forms:
        return SearchResult(signatories=queryset.none(), ranked=None if limit is None else 0)
    info = look_up(forms.words, using=queryset.db, initialism=forms.initialism)
    shown = shown_fields(queryset.model, fields)
    matches, sampled = matching(queryset, forms, info, limit, shown)
    left_out: tuple[str, ...] = ()
    weight: dict[str, float] = {}
    if len(forms.words) > 1 and not has_every_word(matches, sampled, forms):
        total = document_span(queryset.db)
        weight = weights(forms, info, total)
        whole_name = named(forms.words, names_within(queryset, forms.words), weight)

        def found(words: tuple[str, ...]) -> bool:
            return plan(QueryForms.parse(" ".join(words)), info).matches(queryset).exists()

        chosen = whole_name or keep_heaviest(forms, info, total, found)
        if chosen:
            left_out = chosen[1]
            forms = QueryForms.parse(" ".join(chosen[0]))
            matches, sampled = matching(queryset, forms, info, limit, shown)
    checked = tuple(w for w in left_out if weight.get(w))
    # With words left out, a match's coverage also counts the short words kept that it has.
    counted = {w: weight[w] for w in (*checked, *optional_words(forms)) if weight.get(w)}
    order = ranking(forms, info, counted if checked else {})
    values, rows = None, None
    if sampled is None:
        signatories = order.annotate(matches)
    else:
        best_first, values = order.ordered(sampled)
        signatories = in_order(queryset, [row.pk for row in best_first])
        if shown:
            rows = RankedRows(queryset.model, queryset.db, shown, best_first)
    return SearchResult(
        signatories=signatories,
        values=values,
        rows=rows,
        ranked=None if sampled is None else len(sampled),
        searched=forms.folded,
        left_out=left_out,
        checked=checked,
        optional=optional_words(forms),
    )


def has_every_word(matches: QuerySet | None, sampled, forms: QueryForms) -> bool:
    """Whether some match has every word of the query, the short ones a close match need not
    have included ("aid" of "China Aid Association" in "… Association for Democracy in China").
    The matches as a queryset, or `sampled`: their documents when a page ranks a sample."""
    if not (sampled if sampled is not None else matches.exists()):
        return False
    optional = optional_words(forms)
    if not optional:
        return True
    every_word = all_of(has_short_word(w) for w in optional)
    # or the words' letters run together in a name ("chang sha fu neng": "ChangSha FuNeng")
    run_together = Holds("compact", forms.compact)
    if sampled is not None:
        return any(every_word.holds(d) or run_together.holds(d) for d in sampled)
    return matches.filter(every_word.q() | run_together.q()).exists()


def has_short_word(word: str) -> Condition:
    """A name has a short query word: at the start of a word, or among the initials of its
    words ("hk" in "Hong Kong Watch")."""
    return word_start(word) | Holds("initials", word)


def optional_words(forms: QueryForms) -> tuple[str, ...]:
    """The short query words a fuzzy match need not have (see `search.plans.required_words`)."""
    required = required_words(forms.words)
    return tuple(w for w in forms.words if w not in required)


def word_condition(word: str, info: WordInfo) -> Condition:
    """A word, or a term standing for it, starts a word of the names."""
    return any_of(word_start(t) for t in info.alternatives(word))


def ranking(forms: QueryForms, info: WordInfo, left_out: dict[str, float] | None = None) -> Ranking:
    """The tier of each match and the order, best first.

    `left_out`: the words left out of the query (see `ranked_search`) with their weights; each
    is valued `search_has_<n>`, and the matches that have more of them by weight come first.
    It may also weigh the short words of `forms` a close match need not have (already valued
    `search_short_<n>`), so a match lacking one of those counts less.
    """
    computed: dict = {"search_tier": Tiered(tiers(forms, info), Tier.FUZZY)}
    order = [("search_tier", False)]
    optional = optional_words(forms)
    if optional:
        # Short words a fuzzy match need not have ("hk", "of"): those that have them come first,
        # at the start of a word or among the initials of their words ("hk" in "Hong Kong Watch").
        flags = {f"search_short_{n}": Flag(has_short_word(w)) for n, w in enumerate(optional)}
        computed.update(flags)
        computed["search_short_words"] = Counted(list(flags))
        order.insert(1, ("search_short_words", True))
    if not forms.native:
        # Within a tier, the names a copy printed as typed ("Defenderss") before those that
        # only fold to it ("Defenders’s").
        computed["search_as_printed"] = Flag(Holds("native", forms.printed))
        order.insert(1, ("search_as_printed", True))
    if left_out:
        names = {}
        for n, w in enumerate(left_out):
            if w in optional:
                names[w] = f"search_short_{optional.index(w)}"
            else:
                names[w] = f"search_has_{n}"
                computed[names[w]] = Flag(word_condition(w, info))
        weights = [(names[w], weight) for w, weight in left_out.items()]
        computed["search_coverage"] = Weighted(weights)
        order.insert(0, ("search_coverage", True))
    if forms.native:
        # "台灣" first finds the names that print it, then those that transliterate it ("Taiwan").
        computed["search_as_typed"] = Flag(Holds("native", forms.native), inverted=True)
        order.insert(0, ("search_as_typed", False))
    return Ranking(computed, order)

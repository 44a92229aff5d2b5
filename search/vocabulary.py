"""What the vocabulary says about a query's words: likely corrections, and how common each is."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connections

from names.distance import MAX_CORRECTIONS, correction_cutoff, corrections, stems
from names.equivalents import equivalents
from search.columns import Columns
from search.keys import filed_near, lookup_keys
from search.models import KEYS, SearchInitialism, SearchTerm

# A word this many documents have is spelled as the user meant, and too common to tell names
# apart: guessing at its variants would only cost index lookups ("committee" -> "comitede").
COMMON = 1000
# A word some document has was likely typed as meant: look only for its closest related forms
# ("amnesty" -> "amnestie"), itself included; each one costs an index lookup.
KNOWN_WORD_CORRECTIONS = 3


@dataclass
class WordInfo:
    corrections: dict[str, list[str]] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)  # term -> documents that have it
    # word -> the other spellings names use for it that some document has ("intl": international)
    equivalents: dict[str, list[str]] = field(default_factory=dict)
    # initialism -> whether some name has those initials, for the one asked about (`look_up`)
    initialled: dict[str, bool] = field(default_factory=dict)

    def may_be_initials(self, initialism: str | None) -> bool:
        """Whether a name may have these initials: not when none has them, as far as known."""
        return initialism is not None and self.initialled.get(initialism, True)

    def alternatives(self, word: str) -> list[str]:
        """The terms that may stand for a query word: itself, its equivalents, its corrections."""
        return list(
            dict.fromkeys([word, *self.equivalents.get(word, []), *self.corrections.get(word, [])])
        )

    def group_frequency(self, word: str) -> int:
        """Documents with the word or a term standing for it (counted once per term)."""
        return sum(self.frequency(t) for t in self.alternatives(word))

    def frequency(self, term: str) -> int:
        """Documents with the term; 0 for a word no document has (a typo, a partial word)."""
        return self.documents.get(term, 0)


def look_up(words, using: str = "default", initialism: str | None = None) -> WordInfo:
    """Corrections for the query words, their equivalents (`names.equivalents`), and the
    document counts of them all; whether some name has the `initialism`'s initials.

    Indexed queries: the words themselves, their stems and equivalents, and the terms filed under
    the heads of the words that may be corrected; then, only for a word no document has, the
    terms filed under its other keys. Corrections are looked for near the words worth
    correcting (not the common ones, nor an abbreviation whose full spelling some document has;
    for a word some document has, by its beginning only). A word no document has stands for its
    typo corrections, then its stems that are terms.
    """
    words = list(dict.fromkeys(words))
    shorter = {w: stems(w) for w in words}
    spellings = {w: equivalents(w) for w in words}
    asked = set(words).union(*shorter.values(), *spellings.values())
    # Asked with the words: the terms filed under the head keys of those that may be corrected,
    # which are all a word typed as meant needs (see `lookup_keys`); one round trip, not two.
    heads = set().union(
        *(lookup_keys(w, tails=False) for w in words if correction_cutoff(w) is not None)
    )
    rows = {row[0]: row for row in filed_terms(using, heads, also=asked, initialism=initialism)}
    initialled = {initialism: rows.pop(INITIALLED, None) is not None} if initialism else {}
    counts = {t: row[-1] for t, row in rows.items() if t in asked}
    info = WordInfo(
        documents={t: n for t, n in counts.items() if t in words}, initialled=initialled
    )
    info.equivalents = {
        w: [t for t in found if t in counts] for w, found in spellings.items() if found
    }
    info.equivalents = {w: found for w, found in info.equivalents.items() if found}
    for found in info.equivalents.values():
        info.documents.update({t: counts[t] for t in found})
    wanted = {
        w: w not in info.documents  # unknown words (typos) are also looked up by their ending
        for w in words
        if correction_cutoff(w) is not None
        and info.frequency(w) < COMMON
        and not (w not in info.documents and info.equivalents.get(w))
    }
    if not wanted:
        return info
    found_stems = {
        w: [s for s in shorter[w] if s in counts] for w, unknown in wanted.items() if unknown
    }
    for stem_list in found_stems.values():
        info.documents.update({s: counts[s] for s in stem_list})
    # Heads, tails and skeleton heads are all "letters + length": one set of keys asks all three.
    keys = set().union(*(lookup_keys(w, tails=unknown) for w, unknown in wanted.items()))
    if keys - heads:
        rows.update((row[0], row) for row in filed_terms(using, keys - heads))
    filed = []
    for term, head, tail, skeleton_head, documents in rows.values():
        if not keys.isdisjoint((head, tail, skeleton_head)):
            filed.append((term, (head, tail, skeleton_head)))
            info.documents[term] = documents
    info.corrections = {
        word: corrections(
            word,
            filed_near(word, filed, tails=unknown),
            limit=MAX_CORRECTIONS if unknown else KNOWN_WORD_CORRECTIONS,
            frequency=info.documents,
        )
        for word, unknown in wanted.items()
    }
    for word, stem_list in found_stems.items():
        together = dict.fromkeys([*info.corrections[word], *stem_list])
        info.corrections[word] = list(together)[:MAX_CORRECTIONS]
    return info


FILED = ("term", "head_key", "tail_key", "skeleton_key", "documents")
# The term of the row `filed_terms` adds when some name has the initials asked about: no term
# is empty.
INITIALLED = ""


def filed_terms(
    using: str, keys: set[str], also: set[str] = frozenset(), initialism: str | None = None
) -> list[tuple]:
    """(term, head, tail, skeleton head, documents) of the terms filed under one of `keys`, and
    of the terms `also`; and a row for INITIALLED when some name has the `initialism`'s
    initials, asked in the same round trip (a query no name has as initials, most of them,
    then spares the search its lookup of those names). A term filed under several of the keys
    comes once for each.

    Written as SQL: the query is the same every time but for its lists, and building it with the
    ORM cost more than running it (a search asks it once or twice). One part for each key
    column, joined by UNION ALL, so that each part reads its column's covering index
    (`SearchTerm.Meta.indexes`) and none of the table: asked as one OR of the columns,
    PostgreSQL read every term of a small vocabulary and tested the four lists on each. The
    price is at a million names, where a term filed under two of the keys is read and sent
    twice (the callers keep one): the benchmark's lookups took 0.5 ms more each, 20 % of their
    SQL, against 0.2 ms less of PostgreSQL's time for a search of the letter's 283 names.
    """
    connection = connections[using]
    c = Columns(connection)
    columns = {name: c(SearchTerm, name) for name in FILED}
    select = f"SELECT {', '.join(columns.values())} FROM {c.table(SearchTerm)}"
    asked = [*((key, keys) for key in KEYS), ("term", also)]
    parts, params = [], []
    for name, values in asked:
        if values:
            parts.append(f"{select} WHERE {columns[name]} IN ({', '.join(['%s'] * len(values))})")
            params.extend(sorted(values))
    if initialism:
        letters = c(SearchInitialism, "letters")
        one = f"SELECT {letters} FROM {c.table(SearchInitialism)} WHERE {letters} = %s LIMIT 1"
        parts.append(f"SELECT %s, NULL, NULL, NULL, NULL FROM ({one}) AS initialled")
        params.extend([INITIALLED, initialism])
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()

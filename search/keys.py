"""Pure search keys: the folded search document of a signatory, the forms of a query, typo terms.

Everything is folded with `signatories.names` (anyascii through `folded_key`), in Python, so both
database backends compare the same ASCII text with plain LIKE / substring tests. A document lists
every name of a signatory (display name first, then source readings, aliases and the parts of names
in brackets) in two forms:

- `doc`: "/ name one / name two /": folded words separated by single spaces, names by " / ";
- `compact`: "/nameone/nametwo/": the same names without spaces (sees through lost spaces);
- `native`: the names in their own scripts, cleaned and case-folded, one a line: a query typed in
  another script than Latin ranks the names that contain it as typed above its transliterations.

A query never contains "/", so a phrase test never runs across two names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from signatories.names import clean, compact_key, fix_lookalikes, folded_key, normalized_key

# Printed apostrophes, and the ones transliteration writes for soft and hard signs or hamza.
APOSTROPHES = str.maketrans(dict.fromkeys("'’‘ʼʻ`´′", ""))
BRACKETED_RE = re.compile(r"[(\[【]([^)\]】]*)[)\]】]")
SEPARATOR = "/"
MAX_CORRECTIONS = 6


def joined_words(text: str) -> str:
    """The folded key with apostrophes joining words: "T’ruah" -> "truah", "l’Homme" -> "lhomme"."""
    return folded_key(anyascii(fix_lookalikes(clean(text))).translate(APOSTROPHES))


def name_parts(text: str) -> list[str]:
    """The name without its bracketed parts, and each comma-separated piece inside brackets.

    "Reporters Without Borders (Reporters sans frontières, RSF)" ->
    ["Reporters Without Borders", "Reporters sans frontières", "RSF"]; [] when nothing is bracketed.
    """
    inside = BRACKETED_RE.findall(text)
    if not inside:
        return []
    parts = [BRACKETED_RE.sub(" ", text)]
    for group in inside:
        parts.extend(group.split(","))
    return [p.strip() for p in parts if p.strip()]


def name_keys(text: str) -> list[str]:
    """Every folded form a name is searchable under, best first, without repeats or blanks."""
    keys = [joined_words(text), folded_key(text)]
    for part in name_parts(text):
        keys.extend([joined_words(part), folded_key(part)])
    return list(dict.fromkeys(k for k in keys if k))


@dataclass(frozen=True)
class Document:
    doc: str
    compact: str
    native: str

    @property
    def words(self) -> set[str]:
        return set(self.doc.replace(SEPARATOR, " ").split())


def build_document(display_name: str, other_names: list[str] | tuple[str, ...] = ()) -> Document:
    """The search document of one signatory: its display name's keys first, then the others'."""
    names = (display_name, *other_names)
    keys: list[str] = []
    for text in names:
        keys.extend(name_keys(text))
    keys = list(dict.fromkeys(keys))
    compacts = list(dict.fromkeys(k.replace(" ", "") for k in keys))
    return Document(
        doc=f"{SEPARATOR} " + f" {SEPARATOR} ".join(keys) + f" {SEPARATOR}",
        compact=SEPARATOR + SEPARATOR.join(compacts) + SEPARATOR,
        native="\n".join(dict.fromkeys(normalized_key(text) for text in names)),
    )


@dataclass(frozen=True)
class QueryForms:
    """What a typed query is compared as: folded words, and the same letters without spaces."""

    folded: str
    compact: str
    words: tuple[str, ...]
    native: str = ""  # the query as typed, cleaned and case-folded, when it is not plain ASCII

    @classmethod
    def parse(cls, q: str) -> QueryForms:
        folded = joined_words(q)
        native = normalized_key(q)
        return cls(
            folded=folded,
            compact=compact_key(folded),
            words=tuple(folded.split()),
            native="" if native.isascii() else native,
        )

    def __bool__(self) -> bool:
        return bool(self.compact)


# Spellings that Latin transliteration schemes of Cyrillic (and German, Polish) disagree on:
# "tsentr" / "centr", "moskovskaya" / "moskovskaja", "sakharov" / "sacharov".
TRANSLITERATION_VARIANTS = [
    ("shch", "sc"), ("sch", "s"), ("kh", "h"), ("ch", "c"), ("ts", "c"), ("tz", "c"), ("zh", "z"),
    ("sh", "s"), ("yu", "u"), ("ju", "u"), ("iu", "u"), ("ya", "a"), ("ja", "a"), ("ia", "a"),
    ("yo", "o"), ("jo", "o"), ("ye", "e"), ("je", "e"), ("y", "i"), ("j", "i"), ("w", "v"),
]  # fmt: skip
TRANSLITERATION_RE = re.compile("|".join(a for a, _ in TRANSLITERATION_VARIANTS))
TRANSLITERATION_MAP = dict(TRANSLITERATION_VARIANTS)


def skeleton(word: str) -> str:
    """The word with spellings that transliterations disagree on made alike: "tsentr" -> "centr"."""
    return TRANSLITERATION_RE.sub(lambda m: TRANSLITERATION_MAP[m.group(0)], word)


def correction_cutoff(word: str) -> float | None:
    """The least similarity (0-1) a vocabulary term needs to stand for `word`; None: no typos.

    Short words have too many neighbours one letter away ("hk", "hr") to guess at.
    """
    return None if len(word) < 4 else 0.79  # 0.8, less float rounding (1 - 1/5)


class Vocabulary:
    """The folded words of all documents, bucketed by length to compare a word with few terms."""

    def __init__(self, terms):
        self.terms = sorted(set(terms), key=lambda t: (len(t), t))
        self.lengths = [len(t) for t in self.terms]
        self.skeletons = [skeleton(t) for t in self.terms]

    def __len__(self) -> int:
        return len(self.terms)

    def near(self, word: str, spread: int = 2) -> slice:
        """The terms at most `spread` letters longer or shorter than the word."""
        lo = bisect_left(self.lengths, len(word) - spread)
        hi = bisect_right(self.lengths, len(word) + spread)
        return slice(lo, hi)

    def corrections(self, word: str, limit: int = MAX_CORRECTIONS) -> list[str]:
        """Terms that are likely the word mistyped or in a related form, most similar first.

        "internatonal" -> ["international", ...]; "amnesty" -> ["amnesty", "amnestie"]. Similarity
        is the best of two normalised edit similarities, Indel (insertions and deletions: related
        forms, a letter too many or too few) and OSA (which counts a swap of two letters as one),
        on the words as typed and on their transliteration skeletons ("centr" ~ "tsentr").
        """
        cutoff = correction_cutoff(word)
        if cutoff is None:
            return []
        near = self.near(word)
        terms, skeletons = self.terms[near], self.skeletons[near]
        best: dict[str, float] = {}
        for query, choices in ((word, terms), (skeleton(word), skeletons)):
            for scorer in (Indel.normalized_similarity, OSA.normalized_similarity):
                for _, score, index in process.extract(
                    query, choices, scorer=scorer, score_cutoff=cutoff, limit=limit
                ):
                    term = terms[index]
                    best[term] = max(score, best.get(term, 0.0))
        ranked = sorted(best.items(), key=lambda item: (-item[1], len(item[0]), item[0]))
        return [term for term, _ in ranked[:limit]]

"""Pure search keys: the folded search document of a signatory, the forms of a query, typo terms.

Everything is folded with `signatories.names` (anyascii through `folded_key`), in Python, so both
database backends compare the same ASCII text with plain LIKE / substring tests. A document lists
every name of a signatory (display name first, then source readings, aliases and the parts of names
in brackets) in two forms:

- `doc`: "/ name one / name two /": folded words separated by single spaces, names by " / ";
- `compact`: "/nameone/nametwo/": the same names without spaces (sees through lost spaces).

A query never contains "/", so a phrase test never runs across two names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz, process

from signatories.names import clean, compact_key, fix_lookalikes, folded_key

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

    @property
    def words(self) -> set[str]:
        return set(self.doc.replace(SEPARATOR, " ").split())


def build_document(display_name: str, other_names: list[str] | tuple[str, ...] = ()) -> Document:
    """The search document of one signatory: its display name's keys first, then the others'."""
    keys: list[str] = []
    for text in (display_name, *other_names):
        keys.extend(name_keys(text))
    keys = list(dict.fromkeys(keys))
    compacts = list(dict.fromkeys(k.replace(" ", "") for k in keys))
    return Document(
        doc=f"{SEPARATOR} " + f" {SEPARATOR} ".join(keys) + f" {SEPARATOR}",
        compact=SEPARATOR + SEPARATOR.join(compacts) + SEPARATOR,
    )


@dataclass(frozen=True)
class QueryForms:
    """What a typed query is compared as: folded words, and the same letters without spaces."""

    folded: str
    compact: str
    words: tuple[str, ...]

    @classmethod
    def parse(cls, q: str) -> QueryForms:
        folded = joined_words(q)
        return cls(folded=folded, compact=compact_key(folded), words=tuple(folded.split()))

    def __bool__(self) -> bool:
        return bool(self.compact)


def correction_cutoff(word: str) -> float | None:
    """The least similarity (0-100) a vocabulary term needs to stand for `word`; None: no typos.

    Short words have too many neighbours one letter away ("hk", "hr") to guess at.
    """
    if len(word) < 4:
        return None
    return 85.0 if len(word) < 6 else 80.0


class Vocabulary:
    """The folded words of all documents, bucketed by length to compare a word with few terms."""

    def __init__(self, terms):
        self.terms = sorted(set(terms), key=lambda t: (len(t), t))
        self.lengths = [len(t) for t in self.terms]

    def __len__(self) -> int:
        return len(self.terms)

    def near(self, word: str, spread: int = 2) -> list[str]:
        lo = bisect_left(self.lengths, len(word) - spread)
        hi = bisect_right(self.lengths, len(word) + spread)
        return self.terms[lo:hi]

    def corrections(self, word: str, limit: int = MAX_CORRECTIONS) -> list[str]:
        """Terms that are likely the word mistyped or in a related form, most similar first.

        "internatonal" -> ["international", ...]; "amnesty" -> ["amnesty", "amnestie"]. The word
        itself comes first when it is a term; similarity is rapidfuzz's normalised Indel ratio.
        """
        cutoff = correction_cutoff(word)
        if cutoff is None:
            return []
        found = process.extract(
            word, self.near(word), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
        )
        ranked = sorted(found, key=lambda item: (-item[1], len(item[0]), item[0]))
        return [term for term, _, _ in ranked]

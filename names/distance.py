"""Edit distances between words: typo corrections, related forms and transliteration skeletons.

Pure functions over plain strings (rapidfuzz underneath), used by search to correct a query's words
against the vocabulary of names.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

MAX_CORRECTIONS = 6
MIN_CORRECTION = 4  # shorter terms ("hk", "atc") are too easily one edit from anything
SKELETON_CUTOFF = 0.9
STEM_MIN, STEM_DROP = 5, 3  # "tibetans" -> "tibet": an ending goes, not half the word

# Spellings that Latin transliteration schemes of Cyrillic (and German, Polish) disagree on:
# "tsentr" / "centr", "moskovskaya" / "moskovskaja", "sakharov" / "sacharov".
TRANSLITERATION_VARIANTS = [
    ("shch", "sc"), ("sch", "s"), ("kh", "h"), ("ch", "c"), ("ts", "c"), ("tz", "c"), ("zh", "z"),
    ("sh", "s"), ("yu", "u"), ("ju", "u"), ("iu", "u"), ("ya", "a"), ("ja", "a"), ("ia", "a"),
    ("yo", "o"), ("jo", "o"), ("ye", "e"), ("je", "e"), ("y", "i"), ("j", "i"), ("w", "v"),
]  # fmt: skip
TRANSLITERATION_RE = re.compile("|".join(a for a, _ in TRANSLITERATION_VARIANTS))
TRANSLITERATION_MAP = dict(TRANSLITERATION_VARIANTS)


@functools.lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """The word with spellings that transliterations disagree on made alike: "tsentr" -> "centr".

    Cached: typo correction takes the skeleton of every vocabulary term filed near a word, and
    the same terms come up query after query."""
    return TRANSLITERATION_RE.sub(lambda m: TRANSLITERATION_MAP[m.group(0)], word)


def correction_cutoff(word: str) -> float | None:
    """The least similarity (0-1) a vocabulary term needs to stand for `word`; None: no typos.

    Short words have too many neighbours one letter away ("hk", "hr") to guess at.
    """
    return None if len(word) < 4 else 0.79  # 0.8, less float rounding (1 - 1/5)


def corrections(word: str, candidates, limit: int = MAX_CORRECTIONS) -> list[str]:
    """The candidate terms that are likely `word` mistyped or in a related form, best first.

    "internatonal" -> ["international", ...]; "amnesty" -> ["amnesty", "amnestie"]. Similarity
    is the better of two normalised edit similarities, Indel (a letter too many or too few:
    related forms) and OSA (which counts two swapped letters as one edit); terms whose
    transliteration skeletons are (nearly) the same also count ("centr" ~ "tsentr").
    """
    cutoff = correction_cutoff(word)
    if cutoff is None:
        return []
    terms = sorted(
        {t for t in candidates if len(t) >= MIN_CORRECTION and abs(len(t) - len(word)) <= 1}
    )
    if not terms:
        return []
    best: dict[str, float] = {}
    for scorer in (Indel.normalized_similarity, OSA.normalized_similarity):
        for term, score, _ in process.extract(
            word, terms, scorer=scorer, score_cutoff=cutoff, limit=limit
        ):
            best[term] = max(score, best.get(term, 0.0))
    skeletons = [skeleton(t) for t in terms]
    for _, score, index in process.extract(
        skeleton(word), skeletons, scorer=Indel.normalized_similarity,
        score_cutoff=SKELETON_CUTOFF, limit=limit,
    ):  # fmt: skip
        best[terms[index]] = max(score, best.get(terms[index], 0.0))
    ranked = sorted(best.items(), key=lambda item: (-item[1], len(item[0]), item[0]))
    return [term for term, _ in ranked[:limit]]


def stems(word: str) -> list[str]:
    """The shorter words a word no name has may be a form of, longest first: "tibetans" ->
    ["tibetan", "tibeta", "tibet"]. At most STEM_DROP letters go, and STEM_MIN letters stay."""
    shortest = max(STEM_MIN, len(word) - STEM_DROP)
    return [word[:n] for n in range(len(word) - 1, shortest - 1, -1)]

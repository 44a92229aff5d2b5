"""Edit distances between words: typo corrections, related forms and transliteration skeletons.

Pure functions over plain strings (rapidfuzz underneath), used by search to correct a query's words
against the vocabulary of names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

MAX_CORRECTIONS = 6
MIN_CORRECTION = 4  # shorter terms ("hk", "atc") are too easily one edit from anything
LONG_TYPO = 8  # words this long may hold two edits
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
    """The least Indel similarity (0-1) a related form of `word` needs (a letter or two too many
    or too few, "amnesty" / "amnestie"); None: no typos.

    Short words have too many neighbours one letter away ("hk", "hr") to guess at.
    """
    return None if len(word) < MIN_CORRECTION else 0.79  # 0.8, less float rounding (1 - 1/5)


def edit_budget(word: str) -> int:
    """How many edits a typo of `word` may hold, as Meilisearch and Typesense count them: none
    under 4 letters, one up to 7 ("chdr" for "chrd", "wacth" for "watch"), two from 8 on. Two
    swapped letters are one edit (OSA distance)."""
    return 0 if len(word) < MIN_CORRECTION else 1 if len(word) < LONG_TYPO else 2


def corrections(
    word: str, candidates, limit: int = MAX_CORRECTIONS, frequency: Mapping[str, int] | None = None
) -> list[str]:
    """The candidate terms that are likely `word` mistyped or in a related form, best first.

    "internatonal" -> ["international", ...]; "amnesty" -> ["amnesty", "amnestie"]. A term is
    within the word's `edit_budget` by OSA distance (which counts two swapped letters as one
    edit), or close by Indel similarity (a letter too many or too few: related forms), or has
    (nearly) the same transliteration skeleton ("centr" ~ "tsentr"). Best first: the closest by
    normalised similarity; among equals, those with the same letters (swapped, the commonest
    slip), then the more frequent (`frequency`: term -> documents), then the shorter.
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
    for term, score, _ in process.extract(
        word, terms, scorer=Indel.normalized_similarity, score_cutoff=cutoff, limit=limit
    ):
        best[term] = max(score, best.get(term, 0.0))
    for term, distance, _ in process.extract(
        word, terms, scorer=OSA.distance, score_cutoff=edit_budget(word), limit=limit
    ):
        score = 1 - distance / max(len(word), len(term))
        best[term] = max(score, best.get(term, 0.0))
    skeletons = [skeleton(t) for t in terms]
    for _, score, index in process.extract(
        skeleton(word), skeletons, scorer=Indel.normalized_similarity,
        score_cutoff=SKELETON_CUTOFF, limit=limit,
    ):  # fmt: skip
        best[terms[index]] = max(score, best.get(terms[index], 0.0))
    frequency = frequency or {}
    letters = sorted(word)
    ranked = sorted(
        best.items(),
        key=lambda item: (
            -item[1],
            sorted(item[0]) != letters,
            -frequency.get(item[0], 0),
            len(item[0]),
            item[0],
        ),
    )
    return [term for term, _ in ranked[:limit]]


def stems(word: str) -> list[str]:
    """The shorter words a word no name has may be a form of, longest first: "tibetans" ->
    ["tibetan", "tibeta", "tibet"]. At most STEM_DROP letters go, and STEM_MIN letters stay."""
    shortest = max(STEM_MIN, len(word) - STEM_DROP)
    return [word[:n] for n in range(len(word) - 1, shortest - 1, -1)]

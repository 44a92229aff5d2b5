"""When no signatory has every word of a query: which words to keep, weighted by their rarity.

A word most names have ("human", "rights", "international", "for") says little about which
signatory is meant; a rare one ("petersburg", "fidh") says much. Each word weighs its inverse
document frequency among the names (`weights`, from the vocabulary's counts), and the words kept
are chosen heaviest first (`keep_heaviest`): the rare words stay and the common ones go. A query that
holds a signatory's whole name with words around it ("FIDH International Federation for Human
Rights") keeps that name first (`spans`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from search.keys import QueryForms
from search.plans import required_words
from search.vocabulary import WordInfo

# A query that matches nothing is tried again with words left out, at most this many times...
RETRIES_WITH_FEWER_WORDS = 8
# ...when it has at most this many words: more is not a name typed.
MAX_WORDS_TO_RETRY = 12


def weights(forms: QueryForms, info: WordInfo, total: int) -> dict[str, float]:
    """Each query word's weight: log(1 + total / documents that have it or a term standing for
    it), 0 for a word no document has and nothing stands for."""
    found = {}
    for word in forms.words:
        documents = info.group_frequency(word)
        found[word] = math.log(1 + total / documents) if documents else 0.0
    return found


def kept_words(words: tuple[str, ...], chosen: set[int]) -> tuple[str, ...]:
    """The chosen words, with the short words that sit between two of them ("campaign for
    tibet"): a short word is optional in a match but part of the name typed."""
    kept = []
    for i, word in enumerate(words):
        between = any(j < i for j in chosen) and any(j > i for j in chosen)
        if i in chosen or (between and word not in required_words(words)):
            kept.append(word)
    return tuple(kept)


def split(words: tuple[str, ...], chosen: set[int]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    kept = kept_words(words, chosen)
    indexes = [i for i, w in enumerate(words) if i in chosen or w in kept]
    return kept, tuple(w for i, w in enumerate(words) if i not in indexes)


def heaviest_first(forms: QueryForms, info: WordInfo, total: int) -> list[int]:
    """The positions of the words worth keeping, heaviest first (see `weights`), the earlier
    first among equals: the required words (and abbreviations) that weigh something.
    Nothing for a query of more than MAX_WORDS_TO_RETRY words: that is not a name typed."""
    words = forms.words
    if len(words) > MAX_WORDS_TO_RETRY:
        return []
    weight = weights(forms, info, total)
    # A short word counts when it stands for a longer one ("st" for "saint", "sankt"), or when
    # no longer word of the query is as rare ("pen" of "PEN International").
    required = set(required_words(words))
    rarest = max((weight[w] for w in required), default=0.0)
    worth = (
        required
        | {w for w in words if info.equivalents.get(w)}
        | {w for w in words if weight[w] >= rarest}
    )
    known = [i for i, w in enumerate(words) if w in worth and weight[w] > 0]
    return sorted(known, key=lambda i: (-weight[words[i]], i))


def keep_heaviest(
    forms: QueryForms, info: WordInfo, total: int, matches: Callable[[tuple[str, ...]], bool]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(kept, left out) words of a query that matched nothing: from the heaviest word on, each
    word is kept when the words kept with it still match (`matches(words)`), so the rare words
    stay and the common ones go ("saint petersburg human rights council" keeps "saint
    petersburg"). At most RETRIES_WITH_FEWER_WORDS tries; None when nothing matches."""
    chosen: set[int] = set()
    for tries, i in enumerate(heaviest_first(forms, info, total)):
        if tries >= RETRIES_WITH_FEWER_WORDS:
            break
        trial = chosen | {i}
        if len(trial) < len(forms.words) and matches(kept_words(forms.words, trial)):
            chosen = trial
    return split(forms.words, chosen) if chosen else None


def spans(words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of the runs of query words that may be a whole name: not the whole query,
    and with a word long enough to be required (not "of the")."""
    required = set(required_words(words))
    return [
        (start, end)
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
        if end - start < len(words) and required & set(words[start:end])
    ]


def named(
    words: tuple[str, ...], names: set[str], weight: dict[str, float]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(kept, left out) for the heaviest run of query words (then the longest) that is one of
    `names`, or None."""
    found = [(s, e) for s, e in spans(words) if " ".join(words[s:e]) in names]
    if not found:
        return None
    start, end = max(
        found, key=lambda span: (sum(weight.get(w, 0) for w in words[span[0] : span[1]]), -span[0])
    )
    return words[start:end], words[:start] + words[end:]

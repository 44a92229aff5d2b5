"""Typing slips in a printed name that a curator may want to look at (the admin's filter).

Unlike `names.keys.artefacts`, which the display-name rule weighs, these are hints only:
- stray punctuation: a mark at either end, a hyphen left hanging ("Network- SAHRDN"), a doubled
  mark, unbalanced brackets;
- doubled letters: a word whose letter doubled by mistake ("Defenderss"), judged against the
  words the letter's copies print more often ("Defenders");
- wrong keyboard layout: a word typed on the other layout ("Ghjtrn" for "Проект", names.layout).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable

from names.keys import STRAY_EDGE_RE
from names.layout import retyped

WORD_RE = re.compile(r"\w+")
HANGING_HYPHEN_RE = re.compile(r"\w-(?:\s|$)|(?:^|\s)-\w")
DOUBLED_MARK_RE = re.compile(r"([,.;:!?])\1|\s[,;:]")
BRACKETS = {"(": ")", "[": "]", "{": "}"}


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each word (case-folded) is printed across these texts."""
    return Counter(w.casefold() for text in texts for w in WORD_RE.findall(text))


def stray_punctuation(text: str) -> bool:
    stripped = text.strip()
    if STRAY_EDGE_RE.search(stripped) or HANGING_HYPHEN_RE.search(stripped):
        return True
    if DOUBLED_MARK_RE.search(stripped):
        return True
    depth: list[str] = []
    for char in stripped:
        if char in BRACKETS:
            depth.append(BRACKETS[char])
        elif char in BRACKETS.values() and (not depth or depth.pop() != char):
            return True
    return bool(depth)


def doubled_letters(text: str, counts: Counter[str]) -> list[tuple[str, str]]:
    """(word, meant) for each word whose doubled letter, printed once, gives a word the copies
    print more often."""
    found = []
    for word in WORD_RE.findall(text):
        folded = word.casefold()
        for i in range(1, len(folded)):
            if folded[i] == folded[i - 1] and folded[i].isalpha():
                single = folded[:i] + folded[i + 1 :]
                if counts[single] > counts[folded]:
                    found.append((word, word[:i] + word[i + 1 :]))
                    break
    return found


def wrong_layout(text: str, known: Collection[str] = ()) -> list[tuple[str, str]]:
    """(word, meant) for each word that looks typed on the wrong keyboard layout (see
    `names.layout.retyped`; `known`: the case-folded words printed elsewhere)."""
    return [(w, meant) for w in WORD_RE.findall(text) if (meant := retyped(w, known=known))]


def typos(text: str, counts: Counter[str]) -> list[str]:
    """The kinds of slip found in the text: "stray-punctuation", "doubled-letters",
    "wrong-layout"."""
    found = []
    if stray_punctuation(text):
        found.append("stray-punctuation")
    if doubled_letters(text, counts):
        found.append("doubled-letters")
    if wrong_layout(text, counts):
        found.append("wrong-layout")
    return found

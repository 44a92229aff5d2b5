"""Text typed on the wrong keyboard layout: the Latin QWERTY and the Russian ЙЦУКЕН layouts.

A word typed in Russian with the keyboard left on English comes out as Latin letters ("Ghjtrn"
for "Проект"), and the other way round ("руддщ" for "hello"). `to_jcuken` and `to_qwerty` give
what the same keys type on the other layout; `retyped` says whether a word looks typed on the
wrong one and what was meant.
"""

from __future__ import annotations

import re
from collections.abc import Collection

QWERTY = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>"
JCUKEN = "ёйцукенгшщзхъфывапролджэячсмитьбюЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ"
assert len(QWERTY) == len(JCUKEN)

TO_JCUKEN = str.maketrans(QWERTY, JCUKEN)
TO_QWERTY = str.maketrans(JCUKEN, QWERTY)
LATIN_VOWELS = set("aeiouyAEIOUY")
CYRILLIC_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
LATIN_WORD_RE = re.compile(r"^[A-Za-z]+$")
CYRILLIC_WORD_RE = re.compile(r"^[А-Яа-яЁё]+$")
MIN_LETTERS = 3


def to_jcuken(text: str) -> str:
    """What the same keys type on the Russian layout."""
    return text.translate(TO_JCUKEN)


def to_qwerty(text: str) -> str:
    """What the same keys type on the Latin layout."""
    return text.translate(TO_QWERTY)


def script(word: str) -> str:
    """ "latin" or "cyrillic" for a word of one of the two alphabets' letters only, else ""."""
    if LATIN_WORD_RE.match(word):
        return "latin"
    if CYRILLIC_WORD_RE.match(word):
        return "cyrillic"
    return ""


def retyped(word: str, *, known: Collection[str] = ()) -> str | None:
    """The word as meant, when it looks typed on the wrong layout, else None.

    The same keys on the other layout must give letters of the other alphabet only; and either
    that is a word `known` to be printed elsewhere (case-folded: "руддщ" -> "hello" when "hello"
    is), or the word has no vowel of its own alphabet while the other has one ("Ghjtrn" ->
    "Проект"). Words in capitals are left alone (acronyms such as "CSW" have no vowel either).
    """
    own = script(word)
    if len(word) < MIN_LETTERS or word.isupper() or not own:
        return None
    if own == "latin":
        other, own_vowels, other_vowels = to_jcuken(word), LATIN_VOWELS, CYRILLIC_VOWELS
    else:
        other, own_vowels, other_vowels = to_qwerty(word), CYRILLIC_VOWELS, LATIN_VOWELS
    if script(other) in ("", own):
        return None
    if other.casefold() in known:
        return other
    if set(word) & own_vowels or not set(other) & other_vowels:
        return None
    return other

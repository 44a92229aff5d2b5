"""Spellings that organisation names use for the same word, and names written two ways.

A small general table, not a list of names: abbreviations ("St", "Intl", "Assn"), British and
American spellings ("Centre", "Organisation"), the words of "Sans Frontières" names; and "&" for
"and" and digits run into letters ("21Wilberforce", "Article19"). Pure functions over folded words
(lower-case ASCII, see `names.folding`).
"""

from __future__ import annotations

import re

# Each group lists words that stand for one another in names, the full word first.
GROUPS: list[tuple[str, ...]] = [
    ("saint", "st", "sankt", "santo", "sainte"),
    ("international", "intl", "internationale", "internacional"),
    ("association", "assn", "assoc"),
    ("centre", "center"),
    ("centres", "centers"),
    ("theatre", "theater"),
    ("borders", "frontiers", "frontieres", "fronteras"),
    ("border", "frontier", "frontiere", "frontera"),
    ("without", "sans"),
    ("mount", "mt"),
    ("foundation", "fdn"),
    ("committee", "cttee"),
    ("university", "univ"),
    ("department", "dept"),
]
EQUIVALENTS: dict[str, tuple[str, ...]] = {}
for group in GROUPS:
    for word in group:
        EQUIVALENTS[word] = tuple(dict.fromkeys(w for w in group if w != word))

# British and American endings: "organisation" / "organization", "civilised" / "civilized".
ISE_IZE_RE = re.compile(r"(i)([sz])(ation|ations|e|es|ed|ing|er|ers)$")
MIN_ISE_STEM = 3  # "rise", "size", "wise": too short to be the -ise/-ize ending of a verb
# Search tests a word by its start, so a shorter spelling ("st") would stand for every word that
# starts with it ("stand"): only the longer spellings stand for a word.
MIN_EQUIVALENT = 4
DIGIT_LETTER_RE = re.compile(r"(?<=[0-9])(?=[^\W\d_])|(?<=[^\W\d_])(?=[0-9])")


def equivalents(word: str) -> list[str]:
    """Other spellings of a folded word that names use for it, best first, never the word itself.

    "st" -> ["saint", "sankt", ...]; "organisation" -> ["organization"]; "centre" -> ["center"].
    Spellings shorter than MIN_EQUIVALENT letters are not given: "saint" does not give "st".
    """
    found = list(EQUIVALENTS.get(word, ()))
    match = ISE_IZE_RE.search(word)
    if match and match.start() >= MIN_ISE_STEM:
        other = "z" if match.group(2) == "s" else "s"
        found.append(word[: match.start(2)] + other + word[match.end(2) :])
    return [w for w in dict.fromkeys(found) if w != word and len(w) >= MIN_EQUIVALENT]


def spelled_out(text: str) -> str:
    """The text with "&" as the word "and" and digits set apart from letters they touch:
    "Human Rights & Democracy" -> "Human Rights  and  Democracy", "21Wilberforce" ->
    "21 Wilberforce". Folding makes the extra spaces single."""
    return DIGIT_LETTER_RE.sub(" ", text.replace("&", " and "))

"""Pure search keys: the folded search document of a signatory, the forms of a query, term files.

Every name is folded with `names.folding`, in Python, so both database backends compare the same
ASCII text with plain LIKE / substring tests. A document lists every name of a signatory (display
name first, then source readings, aliases and the parts of names in brackets) in three forms:

- `doc`: "/ name one / name two /": folded words separated by single spaces, names by " / ";
- `compact`: "/nameone/nametwo/": the same names without spaces (sees through lost spaces);
- `native`: the names as printed, cleaned and case-folded, one a line: a query typed in another
  script ranks the names that contain it as typed above its transliterations, and a query equal to
  what a copy printed ("Defenderss") ranks that copy's signatory above names folded alike.

A query never contains "/", so a phrase test never runs across two names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from names.distance import skeleton
from names.equivalents import spelled_out
from names.folding import APOSTROPHES, ascii_text, clean, folded_forms, joined_words

BRACKETED_RE = re.compile(r"[(\[【]([^)\]】]*)[)\]】]")
SEPARATOR = "/"
ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+")
INITIALISM_MIN, INITIALISM_MAX = 3, 12


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
    """Every folded form a name is searchable under, best first, without repeats or blanks:
    also with "&" spelled "and" and digits set apart from letters ("21Wilberforce" is found as
    "21 wilberforce", "Wilberforce 21"; see `names.equivalents.spelled_out`)."""
    keys = []
    for piece in (text, *name_parts(text)):
        split, joined = folded_forms(piece)
        keys.extend([joined, split, joined_words(spelled_out(piece))])
    return list(dict.fromkeys(k for k in keys if k))


def initialisms(text: str) -> list[str]:
    """The acronyms a name may be known by without printing them, folded, best first.

    The first letters of its words, then of its capitalised words (which leaves out "of", "for",
    "de"): "Human Rights Watch" -> ["hrw"], "International Commission of Jurists" -> ["icoj",
    "icj"], then those of its first capitalised words ("Society for Threatened Peoples –
    Germany" -> [..., "stpg", "stp"]). A name with brackets has those of each part ("World Uyghur Congress (Germany)" ->
    "wuc"); apostrophes join words as in `joined_words`. Only 3 to 12 letters: two letters are the
    initials of too many names, and nobody types a longer acronym that was never printed.
    """
    found = []
    for piece in name_parts(text) or [text]:
        words = ASCII_WORD_RE.findall(ascii_text(piece).translate(APOSTROPHES))
        if len(words) < INITIALISM_MIN:  # too few words for enough initials
            continue
        every = "".join(w[0] for w in words)
        capitalised = "".join(w[0] for w in words if not w[0].islower())
        # An acronym often leaves out the words a name ends with: a country, "International",
        # a name in another script ("Minority Rights Group International" is "MRG").
        shortened = [capitalised[:n] for n in range(len(capitalised) - 1, INITIALISM_MIN - 1, -1)]
        found.extend(
            letters.casefold()
            for letters in (every, capitalised, *shortened)
            if INITIALISM_MIN <= len(letters) <= INITIALISM_MAX
        )
    return list(dict.fromkeys(found))


def native(text: str) -> str:
    """The text in its own script, cleaned and case-folded."""
    return clean(text).casefold()


@dataclass(frozen=True)
class Document:
    doc: str
    compact: str
    native: str
    name: str = ""  # the display name as shown, so results sort without reading signatories
    initials: str = ""  # " hrw icj ": the `initialisms` of its names, each with a space either side

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
        native="\n".join(dict.fromkeys(native(text) for text in names)),
        name=display_name,
        initials=padded([letters for text in names for letters in initialisms(text)]),
    )


def padded(words: list[str]) -> str:
    """The words once each, in order, with a space either side: " hrw icj ", or "" for none."""
    return f" {' '.join(dict.fromkeys(words))} " if words else ""


def document_keys(doc: str) -> list[str]:
    """The folded names of a document, in order: `build_document`'s keys read back from `doc`."""
    inner = doc.removeprefix(f"{SEPARATOR} ").removesuffix(f" {SEPARATOR}")
    return [k for k in inner.split(f" {SEPARATOR} ") if k.strip()]


@dataclass(frozen=True)
class QueryForms:
    """What a typed query is compared as: folded words, and the same letters without spaces."""

    folded: str
    compact: str
    words: tuple[str, ...]
    native: str = ""  # the query as typed, cleaned and case-folded, when it is not plain ASCII
    printed: str = ""  # the query as typed, cleaned and case-folded

    @classmethod
    def parse(cls, q: str) -> QueryForms:
        folded = joined_words(spelled_out(q))
        if " " in folded and all(len(w) == 1 for w in folded.split()):
            folded = folded.replace(" ", "")  # letters typed apart are one word: "I.C.C.R."
        return cls(
            folded=folded,
            compact=folded.replace(" ", ""),
            words=tuple(folded.split()),
            native="" if q.isascii() else native(q),
            printed=native(q),
        )

    def __bool__(self) -> bool:
        return bool(self.compact)

    @property
    def initialism(self) -> str | None:
        """The query as the initials of a name ("hrw", "H.R.W."), or None when it cannot be:
        several words, or too few or too many letters (see `initialisms`)."""
        one_word = len(self.words) == 1 or all(len(w) == 1 for w in self.words)
        if one_word and INITIALISM_MIN <= len(self.compact) <= INITIALISM_MAX:
            return self.compact
        return None


def tail_length(length: int) -> int:
    """Letters of the tail key: five from 8 letters on (with the three-letter head they still
    cannot both hold a single typo), so common endings ("-land", "-tion") make small files."""
    return 4 if length < 8 else 5


def blocking_keys(term: str) -> tuple[str, str, str]:
    """Keys a vocabulary term is filed under: its first three letters, its last four or five and
    the first three of its skeleton, each with its length. One typo rarely changes all three."""
    n = len(term)
    return f"{term[:3]}{n}", f"{term[-tail_length(n) :]}{n}", f"{skeleton(term)[:3]}{n}"


# A word this short shares letters between its head and tail keys: one wrong or dropped letter
# there ("hunan", "wach") changes both, so its head is also looked up with any second or third
# letter, at its length and one more.
SHORT_HEAD_AND_TAIL = 6
HEAD_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def swapped(word: str) -> list[str]:
    """The word with each pair of neighbouring letters swapped: "huamn" -> ["uhamn", "hamun"...]."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]


def lookup_keys(word: str, *, tails: bool = True) -> set[str]:
    """The keys under which the terms one edit away from `word` (or its skeleton) are filed.

    Without `tails`, only the head and skeleton keys: related forms of a word typed as meant
    ("amnesty", "amnestie") share its beginning, and a common ending ("-ville") files thousands.
    With them (a word no name has), also the head and tail keys of the word with two neighbouring
    letters swapped: one swap in the middle of a short word changes both its head and its tail
    ("huamn" / "human"), and it is the commonest slip; and for a short word, its head with any
    letter second or third (see SHORT_HEAD_AND_TAIL).
    """
    head, skeleton_head = word[:3], skeleton(word)[:3]
    keys = set()
    for n in range(len(word) - 1, len(word) + 2):
        keys.update({f"{head}{n}", f"{skeleton_head}{n}"})
        if tails:
            keys.add(f"{word[-tail_length(n) :]}{n}")
    if tails:
        n = len(word)
        for other in swapped(word):
            keys.update({f"{other[:3]}{n}", f"{other[-tail_length(n) :]}{n}"})
        if n <= SHORT_HEAD_AND_TAIL:
            keys.update(
                f"{head}{n + extra}"
                for extra in (0, 1)
                for c in HEAD_LETTERS
                for head in (word[0] + c + word[1], word[:2] + c)
            )
    return keys


def filed_near(word: str, filed, *, tails: bool = True) -> set[str]:
    """The terms of (term, keys) pairs filed under one of the word's lookup keys."""
    wanted = lookup_keys(word, tails=tails)
    return {term for term, keys in filed if not wanted.isdisjoint(keys)}

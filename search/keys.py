"""Pure search keys: the folded search document of a signatory, the forms of a query, typo terms.

Everything is folded with `signatories.names` (anyascii through `folded_key`), in Python, so both
database backends compare the same ASCII text with plain LIKE / substring tests. A document lists
every name of a signatory (display name first, then source readings, aliases and the parts of names
in brackets) in two forms:

- `doc`: "/ name one / name two /": folded words separated by single spaces, names by " / ";
- `compact`: "/nameone/nametwo/": the same names without spaces (sees through lost spaces);
- `native`: the names that are not plain ASCII, cleaned and case-folded, one a line: a query typed
  in another script ranks the names that contain it as typed above its transliterations.

A query never contains "/", so a phrase test never runs across two names.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from signatories.names import clean, fix_lookalikes

# Printed apostrophes, and the ones transliteration writes for soft and hard signs or hamza.
APOSTROPHE_CHARS = "'’‘ʼʻ`´′"
APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHE_CHARS, ""))
BRACKETED_RE = re.compile(r"[(\[【]([^)\]】]*)[)\]】]")
SEPARATOR = "/"
MAX_CORRECTIONS = 6
MIN_CORRECTION = 4  # shorter terms ("hk", "atc") are too easily one edit from anything
SKELETON_CUTOFF = 0.9
STEM_MIN, STEM_DROP = 5, 3  # "tibetans" -> "tibet": an ending goes, not half the word


WORD_RE = re.compile(r"[a-z0-9]+")  # the words `signatories.names.folded_key` keeps
ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+")
INITIALISM_MIN, INITIALISM_MAX = 3, 12
# Every letter whose Unicode name says Cyrillic or Greek: the only ones `fix_lookalikes` changes.
CYRILLIC_OR_GREEK_RE = re.compile(
    "[\u0370-\u052f\u1c80-\u1c88\u1d26-\u1d78\u1f00-\u1ffc\ua640-\ua69d\uab65\U0001e030-\U0001e06d]"
)


def ascii_text(text: str) -> str:
    """The cleaned text, look-alike letters fixed, in ASCII, its capitals kept.

    `fix_lookalikes` looks up the Unicode name of every letter and changes only words with
    Cyrillic or Greek letters, so it runs only on texts that have some: a search document is
    built about ten times faster, with the same result (see test_search_keys).
    """
    text = clean(text)
    if CYRILLIC_OR_GREEK_RE.search(text):
        text = fix_lookalikes(text)
    return anyascii(text)


def transliterated(text: str) -> str:
    """What `folded_key` folds: the cleaned text, look-alike letters fixed, in lower-case ASCII."""
    return ascii_text(text).casefold()


def folded_forms(text: str) -> tuple[str, str]:
    """`folded_key(text)`, and the same with apostrophes joining words rather than splitting them."""
    base = transliterated(text)
    return (
        " ".join(WORD_RE.findall(base)),
        " ".join(WORD_RE.findall(base.translate(APOSTROPHES))),
    )


def joined_words(text: str) -> str:
    """The folded key with apostrophes joining words: "T’ruah" -> "truah", "l’Homme" -> "lhomme"."""
    return folded_forms(text)[1]


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
    keys = []
    for piece in (text, *name_parts(text)):
        split, joined = folded_forms(piece)
        keys.extend([joined, split])
    return list(dict.fromkeys(k for k in keys if k))


def initialisms(text: str) -> list[str]:
    """The acronyms a name may be known by without printing them, folded, best first.

    The first letters of its words, then of its capitalised words (which leaves out "of", "for",
    "de"): "Human Rights Watch" -> ["hrw"], "International Commission of Jurists" -> ["icoj",
    "icj"]. A name with brackets has those of each part ("World Uyghur Congress (Germany)" ->
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
        found.extend(
            letters.casefold()
            for letters in (every, capitalised)
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
        native="\n".join(dict.fromkeys(native(text) for text in names if not text.isascii())),
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

    @classmethod
    def parse(cls, q: str) -> QueryForms:
        folded = joined_words(q)
        return cls(
            folded=folded,
            compact=folded.replace(" ", ""),
            words=tuple(folded.split()),
            native="" if q.isascii() else native(q),
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


def tail_length(length: int) -> int:
    """Letters of the tail key: five from 8 letters on (with the three-letter head they still
    cannot both hold a single typo), so common endings ("-land", "-tion") make small files."""
    return 4 if length < 8 else 5


def blocking_keys(term: str) -> tuple[str, str, str]:
    """Keys a vocabulary term is filed under: its first three letters, its last four or five and
    the first three of its skeleton, each with its length. One typo rarely changes all three."""
    n = len(term)
    return f"{term[:3]}{n}", f"{term[-tail_length(n) :]}{n}", f"{skeleton(term)[:3]}{n}"


def lookup_keys(word: str, *, tails: bool = True) -> set[str]:
    """The keys under which the terms one edit away from `word` (or its skeleton) are filed.

    Without `tails`, only the head and skeleton keys: related forms of a word typed as meant
    ("amnesty", "amnestie") share its beginning, and a common ending ("-ville") files thousands.
    """
    head, skeleton_head = word[:3], skeleton(word)[:3]
    keys = set()
    for n in range(len(word) - 1, len(word) + 2):
        keys.update({f"{head}{n}", f"{skeleton_head}{n}"})
        if tails:
            keys.add(f"{word[-tail_length(n) :]}{n}")
    return keys


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


def filed_near(word: str, filed, *, tails: bool = True) -> set[str]:
    """The terms of (term, keys) pairs filed under one of the word's lookup keys."""
    wanted = lookup_keys(word, tails=tails)
    return {term for term, keys in filed if not wanted.isdisjoint(keys)}


class Vocabulary:
    """A vocabulary held in memory and filed like the SearchTerm table (for plain-string use)."""

    def __init__(self, terms):
        self.files: dict[str, set[str]] = {}
        for term in set(terms):
            for key in blocking_keys(term):
                self.files.setdefault(key, set()).add(term)

    def corrections(self, word: str, limit: int = MAX_CORRECTIONS) -> list[str]:
        filed = [
            (t, blocking_keys(t)) for key in lookup_keys(word) for t in self.files.get(key, ())
        ]
        return corrections(word, filed_near(word, filed), limit)

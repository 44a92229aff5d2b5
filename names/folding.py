"""Folding printed names to plain ASCII words, the same for matching, search and queries.

`clean` removes encoding noise (HTML entities, Markdown escapes, odd spaces) but keeps the letters;
`fix_lookalikes` puts Cyrillic or Greek letters drawn like Latin ones into the word's main script;
`folded_key` is the name in lower-case ASCII words (anyascii), which `compact_key` also strips of
spaces. `folded_forms` and `joined_words` give the same words fast, and with apostrophes joining
words ("T’ruah" -> "truah"), as search compares them.
"""

from __future__ import annotations

import html
import re
import unicodedata

from anyascii import anyascii

from names.scripts import script_of

MARKDOWN_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~<])")
# Cyrillic and Greek letters drawn like Latin ones (Unicode confusables), used only inside words
# that mix scripts, where they are almost always an extraction or typing artefact.
LOOKALIKES = str.maketrans(
    {
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "а": "a", "е": "e", "о": "o", "р": "p",
        "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "Α": "A", "Β": "B",
        "Ε": "E", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
        "ο": "o",
    }
)  # fmt: skip
LATIN_TO_CYRILLIC = {
    ord(latin): cyrillic
    for cyrillic, latin in LOOKALIKES.items()
    if "CYRILLIC" in unicodedata.name(chr(cyrillic))
}
# Every letter whose Unicode name says Cyrillic or Greek: the only ones `fix_lookalikes` changes.
CYRILLIC_OR_GREEK_RE = re.compile(
    "[\u0370-\u052f\u1c80-\u1c88\u1d26-\u1d78\u1f00-\u1ffc\ua640-\ua69d\uab65\U0001e030-\U0001e06d]"
)
# Printed apostrophes, and the ones transliteration writes for soft and hard signs or hamza.
APOSTROPHE_CHARS = "'’‘ʼʻ`´′"
APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHE_CHARS, ""))
WORD_RE = re.compile(r"[a-z0-9]+")  # the words a folded name keeps


def clean(text: str) -> str:
    """The printed text with encoding noise removed but its letters, case and spacing kept."""
    text = html.unescape(text)
    text = MARKDOWN_ESCAPE_RE.sub(r"\1", text)
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u00a0\u2000-\u200f\u202f\u205f\u3000\ufeff\s]+", " ", text)
    return text.strip()


def is_mixed_script_word(word: str) -> bool:
    scripts = {script_of(c) for c in word if c.isalpha()}
    return "LATIN" in scripts and bool(scripts & {"CYRILLIC", "GREEK"})


def lookalike_fix(word: str) -> str | None:
    """The word with look-alike letters put in its main script, or None when nothing is to fix.

    A mixed word whose Cyrillic or Greek letters all have Latin twins ('Тrevers') was meant as
    Latin; one whose Latin letters all have Cyrillic twins was meant as Cyrillic. A word that mixes
    scripts otherwise (two words run together) is left alone.
    """
    if not is_mixed_script_word(word):
        return None
    foreign = [c for c in word if script_of(c) in {"CYRILLIC", "GREEK"}]
    latin = [c for c in word if script_of(c) == "LATIN"]
    if all(ord(c) in LOOKALIKES for c in foreign):
        return word.translate(LOOKALIKES)
    if all(ord(c) in LATIN_TO_CYRILLIC for c in latin):
        return word.translate(LATIN_TO_CYRILLIC)
    return None


def fix_lookalikes(text: str) -> str:
    """Replace look-alike letters inside words that mix Latin with Cyrillic or Greek."""
    words = re.split(r"(\s+)", text)
    return "".join(lookalike_fix(w) or w for w in words)


def ascii_text(text: str) -> str:
    """The cleaned text, look-alike letters fixed, in ASCII, its capitals kept.

    `fix_lookalikes` looks up the Unicode name of every letter and changes only words with
    Cyrillic or Greek letters, so it runs only on texts that have some: a name is folded about
    ten times faster, with the same result (see tests/names/test_folding.py).
    """
    text = clean(text)
    if CYRILLIC_OR_GREEK_RE.search(text):
        text = fix_lookalikes(text)
    return anyascii(text)


def transliterated(text: str) -> str:
    """The cleaned text, look-alike letters fixed, in lower-case ASCII."""
    return ascii_text(text).casefold()


def folded_forms(text: str) -> tuple[str, str]:
    """`folded_key(text)`, and the same with apostrophes joining words rather than splitting them."""
    base = transliterated(text)
    return (
        " ".join(WORD_RE.findall(base)),
        " ".join(WORD_RE.findall(base.translate(APOSTROPHES))),
    )


def folded_key(text: str) -> str:
    """Accents, case and script folded to ASCII words: 'Liên Đoàn' -> 'lien doan'."""
    return folded_forms(text)[0]


def joined_words(text: str) -> str:
    """The folded key with apostrophes joining words: "T’ruah" -> "truah", "l’Homme" -> "lhomme"."""
    return folded_forms(text)[1]


def compact_key(text: str) -> str:
    """The folded key without any spaces: sees through lost and extra spaces."""
    return folded_key(text).replace(" ", "")

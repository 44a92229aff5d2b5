"""Pure functions on signatory names: matching keys from strict to lax, artefact detection, kind.

The keys see through what copying and extraction do to a name: HTML entities, Markdown escapes,
no-break spaces, curly quotes and dash variants (`normalized`); accents, letter case, other scripts
and Cyrillic letters that look Latin (`folded`, through anyascii); lost or extra spaces and stray
punctuation (`compact`); and runs of CJK script put in reverse order by PDF extraction (`runs`).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable

from anyascii import anyascii

MARKDOWN_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~<])")
QUOTES = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "﹣": "-",
    }
)  # fmt: skip
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
STRAY_EDGE_RE = re.compile(r"^[\s>*•·|\\]+|[\s>*•·|\\,;]+$")
HONORIFIC_RE = re.compile(r"^(?:mr|ms|mrs|mx|dr|prof)\.?\s", re.IGNORECASE)
INDIVIDUAL_RE = re.compile(
    r"\b(?:individually|in (?:a|an|her|his|their) personal capacity)\b", re.I
)


@functools.cache
def script_of(char: str) -> str:
    """A coarse script class for one character (cached: names repeat the same few letters)."""
    if not char.isalpha():
        return "other"
    name = unicodedata.name(char, "")
    for script in (
        "CJK",
        "HIRAGANA",
        "KATAKANA",
        "HANGUL",
        "CYRILLIC",
        "GREEK",
        "ARABIC",
        "HEBREW",
    ):
        if name.startswith(script) or f" {script} " in f" {name} ":
            return script
    if "LATIN" in name:
        return "LATIN"
    return "other-letter"


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


def clean(text: str) -> str:
    """The printed text with encoding noise removed but its letters, case and spacing kept."""
    text = html.unescape(text)
    text = MARKDOWN_ESCAPE_RE.sub(r"\1", text)
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u00a0\u2000-\u200f\u202f\u205f\u3000\ufeff\s]+", " ", text)
    return text.strip()


def exact_key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normalized_key(text: str) -> str:
    text = fix_lookalikes(clean(text)).translate(QUOTES)
    text = STRAY_EDGE_RE.sub("", text)
    text = re.sub(r"\s*([()\[\]【】])\s*", r"\1", text)
    return re.sub(r"\s+", " ", text).casefold().strip()


def folded_key(text: str) -> str:
    """Accents, case and script folded to ASCII words: 'Liên Đoàn' -> 'lien doan'."""
    ascii_text = anyascii(fix_lookalikes(clean(text))).casefold()
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text))


def compact_key(text: str) -> str:
    """The folded key without any spaces: sees through lost and extra spaces."""
    return folded_key(text).replace(" ", "")


def script_runs(text: str) -> list[str]:
    runs: list[str] = []
    previous = None
    for char in text:
        script = script_of(char) if char.isalpha() else "other"
        if script == "other" and not char.isalnum():
            previous = None
            continue
        if runs and script == previous:
            runs[-1] += char
        else:
            runs.append(char)
        previous = script
    return runs


def runs_key(text: str) -> str:
    """Script runs sorted: 'チベット問題を考える会' and '会える考を問題チベット' share this key."""
    text = fix_lookalikes(clean(text)).casefold().translate(QUOTES)
    text = re.sub(r"\s+", "", text)
    return "|".join(sorted(script_runs(text)))


KEY_CHAIN: list[tuple[str, Callable[[str], str]]] = [
    ("exact", exact_key),
    ("normalized", normalized_key),
    ("folded", folded_key),
    ("compact", compact_key),
    ("script-runs", runs_key),
]


def sort_key(text: str | None) -> str:
    """Alphabetical key used to judge whether a list keeps its order; '' for other scripts."""
    if not text:
        return ""
    first = next((c for c in text if c.isalnum()), "")
    if not first or script_of(first) not in {"LATIN", "other"}:
        return ""
    return folded_key(text)


def artefacts(text: str, siblings: list[str] | tuple[str, ...] = ()) -> list[str]:
    """What extraction did to this reading, judged alone and against other readings of the name.

    - escape: a Markdown backslash escape is printed;
    - lookalike: a word mixes Latin with Cyrillic or Greek letters drawn alike;
    - stray-punctuation: the reading starts or ends with a stray mark such as '>';
    - lost-spaces: another reading has the same letters with more spaces between them;
    - reversed-runs: other readings have the same script runs in another order, and that order
      is printed more often, or this reading opens on hiragana (a particle cannot start a name).
    """
    found = []
    if MARKDOWN_ESCAPE_RE.search(text):
        found.append("escape")
    if any(lookalike_fix(w) for w in text.split()):
        found.append("lookalike")
    if STRAY_EDGE_RE.search(html.unescape(text).rstrip(".")):
        found.append("stray-punctuation")
    spaces = len(clean(text).split())
    compact = compact_key(text)
    if any(
        compact_key(other) == compact and len(clean(other).split()) > spaces for other in siblings
    ):
        found.append("lost-spaces")
    runs, order = runs_key(text), run_order(text)
    same = sum(1 for other in siblings if run_order(other) == order)
    reordered = sum(
        1 for other in siblings if runs_key(other) == runs and run_order(other) != order
    )
    if reordered > max(same, 1) or (reordered and looks_reversed(order)):
        found.append("reversed-runs")
    return found


def run_order(text: str) -> list[str]:
    return script_runs(re.sub(r"\s+", "", clean(text).casefold().translate(QUOTES)))


def looks_reversed(runs: list[str]) -> bool:
    """Japanese text whose first CJK run is hiragana (a particle or an inflection) was reversed."""
    cjk = [r for r in runs if script_of(r[0]) in {"CJK", "HIRAGANA", "KATAKANA"}]
    return bool(cjk) and script_of(cjk[0][0]) == "HIRAGANA"


def guess_kind(text: str) -> str:
    """'individual' for a person signing in their own name, else 'organisation'."""
    cleaned = clean(text)
    if INDIVIDUAL_RE.search(cleaned) or HONORIFIC_RE.match(cleaned):
        return "individual"
    return "organisation"


def text_direction(text: str) -> str:
    """'rtl' when the first strong character is right-to-left, else 'ltr'."""
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in {"R", "AL"}:
            return "rtl"
        if bidi == "L":
            return "ltr"
    return "ltr"

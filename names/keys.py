"""Matching keys of a printed name from strict to lax, extraction artefacts, and the kind of signer.

The keys see through what copying and extraction do to a name: HTML entities, Markdown escapes,
no-break spaces, curly quotes and dash variants (`normalized`); accents, letter case, other scripts
and Cyrillic letters that look Latin (`folded`, through anyascii); lost or extra spaces and stray
punctuation (`compact`); and runs of CJK script put in reverse order by PDF extraction (`runs`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from names.folding import (
    MARKDOWN_ESCAPE_RE,
    clean,
    compact_key,
    fix_lookalikes,
    folded_key,
    lookalike_fix,
)
from names.scripts import script_of, script_runs

QUOTES = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "﹣": "-",
    }
)  # fmt: skip
STRAY_EDGE_RE = re.compile(r"^[\s>*•·|\\]+|[\s>*•·|\\,;]+$")
HONORIFIC_RE = re.compile(r"^(?:mr|ms|mrs|mx|dr|prof)\.?\s", re.IGNORECASE)
RTL_SCRIPTS = {"ARABIC", "HEBREW"}
INDIVIDUAL_RE = re.compile(
    r"\b(?:individually|in (?:a|an|her|his|their) personal capacity)\b", re.I
)


def exact_key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normalized_key(text: str) -> str:
    text = fix_lookalikes(clean(text)).translate(QUOTES)
    text = STRAY_EDGE_RE.sub("", text)
    text = re.sub(r"\s*([()\[\]【】])\s*", r"\1", text)
    return re.sub(r"\s+", " ", text).casefold().strip()


def runs_key(text: str) -> str:
    """Script runs sorted: 'チベット問題を考える会' and '会える考を問題チベット' share this key.

    A right-to-left run counts the same read either way, as PDF extraction often gives it in the
    order it is drawn ('مرصد' as 'دصرم')."""
    text = fix_lookalikes(clean(text)).casefold().translate(QUOTES)
    text = re.sub(r"\s+", "", text)
    runs = [min(r, r[::-1]) if script_of(r[0]) in RTL_SCRIPTS else r for r in script_runs(text)]
    return "|".join(sorted(runs))


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

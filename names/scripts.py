"""Scripts of names: the script of a letter, runs of one script, direction, certain languages.

Which language a name's script makes certain is decided conservatively, for `lang` and `dir`:
only scripts that belong to one language are trusted. Hangul is Korean, kana is Japanese, Thai is
Thai. Cyrillic (Russian, Ukrainian, Kyrgyz...), Arabic script (Arabic, Persian, Urdu, Uyghur...) and
Han characters alone (Chinese or Japanese) say nothing certain, so they get no `lang`; a
right-to-left name gets `dir="rtl"` whatever its language.
"""

from __future__ import annotations

import functools
import unicodedata

SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "GREEK", "ARABIC", "HEBREW")


@functools.cache
def script_of(char: str) -> str:
    """A coarse script class for one character (cached: names repeat the same few letters)."""
    if not char.isalpha():
        return "other"
    name = unicodedata.name(char, "")
    for script in SCRIPTS:
        if name.startswith(script) or f" {script} " in f" {name} ":
            return script
    if "LATIN" in name:
        return "LATIN"
    return "other-letter"


def script_runs(text: str) -> list[str]:
    """The text's letters cut into runs of one script; marks and spaces end a run."""
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


def text_direction(text: str) -> str:
    """'rtl' when the first strong character is right-to-left, else 'ltr'."""
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in {"R", "AL"}:
            return "rtl"
        if bidi == "L":
            return "ltr"
    return "ltr"


EAST_ASIAN = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"}


@functools.cache
def char_class(char: str) -> str:
    """'east-asian', 'thai' or 'other' for one character (cached, as `script_of` is)."""
    if unicodedata.name(char, "").startswith("THAI"):
        return "thai"
    if char.isalpha():
        return "east-asian" if script_of(char) in EAST_ASIAN else "other"
    # CJK punctuation and full-width forms belong to the East Asian run around them.
    if "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef":
        return "east-asian"
    return "other"


def run_language(run: str) -> str:
    """The language an East Asian or Thai run of letters makes certain, or ''."""
    scripts = {script_of(c) for c in run if c.isalpha()}
    if scripts & {"HIRAGANA", "KATAKANA"} and not scripts & {"HANGUL"}:
        return "ja"
    if "HANGUL" in scripts and not scripts & {"HIRAGANA", "KATAKANA"}:
        return "ko"
    if any(unicodedata.name(c, "").startswith("THAI") for c in run if c.isalpha()):
        return "th"
    return ""


def language_runs(text: str) -> list[tuple[str, str]]:
    """The text cut into (run, language) pieces; language is '' where the script is not decisive.

    'チベット問題を考える会 Japan Committee' gives [('チベット問題を考える会', 'ja'), (' Japan Committee', '')].
    """
    runs: list[tuple[str, str]] = []
    current, kind = "", None
    for char in text:
        this = char_class(char)
        if kind is None or this == kind:
            current += char
        else:
            runs.append((current, kind))
            current = char
        kind = this
    if current:
        runs.append((current, kind))
    pieces = [(run, run_language(run) if kind != "other" else "") for run, kind in runs]
    return merge_spaced(pieces)


def merge_spaced(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join two runs of one language separated only by white space: Korean words stay one run."""
    out: list[tuple[str, str]] = []
    for run, lang in pieces:
        if lang and len(out) >= 2 and not out[-1][0].strip() and out[-2][1] == lang:
            space, _ = out.pop()
            previous, _ = out.pop()
            run = previous + space + run
        out.append((run, lang))
    return out


def script_language(text: str) -> str:
    """The language of the whole text when its letters are all in one decisive run, else ''."""
    languages = {lang for run, lang in language_runs(text) if any(c.isalpha() for c in run)}
    return languages.pop() if len(languages) == 1 else ""

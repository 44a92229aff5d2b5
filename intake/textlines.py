"""Lines of a source file and what can be said of one line: cleaning, joining wrapped lines,
Markdown decoration, and whether a line can end a name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.htmltext import html_lines, looks_like_html

SENTENCE_END = '.!?:"”’)»'
CONNECTOR_WORDS = {
    "of", "for", "and", "the", "de", "des", "du", "la", "le", "les", "et", "y", "und", "für",
    "in", "on", "to", "with", "a", "an", "del", "da", "do", "dos", "das", "van", "von", "&",
}  # fmt: skip
MARKDOWN_LINE_DECOR_RE = re.compile(r"^\s*#{1,6}\s+|\*\*|__")
MARKDOWN_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the file
    raw: str

    @property
    def text(self) -> str:
        return clean_line(self.raw)

    @property
    def blank(self) -> bool:
        return not self.text


def clean_line(raw: str) -> str:
    """The line with no-break and odd spaces made plain and the ends trimmed."""
    return re.sub(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\t]", " ", raw).strip()


def split_lines(text: str) -> list[Line]:
    """The text's lines, numbered as in the file; a copy saved as HTML is read as the page shows
    it, each line keeping the number of the file line where it starts."""
    if looks_like_html(text):
        return [Line(number, line) for number, line in html_lines(text)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    if len(raw_lines) > 1 and raw_lines[-1] == "":
        raw_lines.pop()  # a line break ends the line before it; no line follows the last one
    # A form feed breaks the line (a new page) but is not a line of the file: both pieces keep
    # the file's line number, so entries still point at the lines as received.
    return [Line(i, piece) for i, raw in enumerate(raw_lines, start=1) for piece in raw.split("\f")]


def strip_markdown(text: str) -> str:
    return MARKDOWN_ESCAPE_RE.sub(r"\1", MARKDOWN_LINE_DECOR_RE.sub("", text)).strip()


def join_wrapped(parts: list[str]) -> str:
    """Join lines that one logical line was wrapped into; a hyphen at a line's end joins tightly.

    Only the ends of each part are trimmed: spacing inside a line stays as printed."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith("-") and not out.endswith(" -") and part[:1].isalnum():
            out += part
        else:
            out += " " + part
    return out


def ends_open(text: str) -> bool:
    """True when a line cannot end a name: a connector word, an open bracket, a trailing joiner."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in ",/&-–(" and not stripped.endswith(" -"):
        return True
    if stripped.count("(") > stripped.count(")") or stripped.count("[") > stripped.count("]"):
        return True
    last = stripped.split()[-1].casefold()
    return last in CONNECTOR_WORDS


def starts_as_continuation(text: str) -> bool:
    """True when a line reads as the tail of the previous one: a bracket or a joiner.

    (A lower-case first word is no clue: copies print whole names in lower case, and 'yBy Media'
    or 'российское представительство ...' are names of their own.)"""
    return bool(text) and (text[0] in "()]}/&," or text[:2] == "- ")

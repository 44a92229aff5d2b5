"""What the importer accepts: how many copies, how large, how long, and which characters.

Checked by `letters.manifest` before anything is written, so that SQLite and PostgreSQL refuse
the same input with the same message (PostgreSQL would refuse an over-long title or a NUL with a
raw DataError in the middle of the import; SQLite would store them). Lengths come from the model
columns they are written to.
"""

from __future__ import annotations

import unicodedata

from intake.parsed import Diagnostic, ParsedSource
from letters.models import Letter, SourceKind, SourceVersion

MAX_SOURCES_PER_LETTER = 100
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_SOURCE_FILE_BYTES = 5 * 1024 * 1024
MAX_ENTRIES_PER_SOURCE = 20_000
# Fields that may span lines; every other field is one line.
MULTILINE_FIELDS = {"summary", "notes", "text", "addressees", "body"}
# Whitespace controls a received text may hold (tabs, line and page breaks).
TEXT_CONTROLS = frozenset("\t\n\r\x0b\x0c")
# What the list reading notices, which means nothing once a news report's list is set aside.
LIST_DIAGNOSTICS = {
    "numbering-gap", "numbering-restart", "numbering-repeat", "wrapped-entries",
    "count-mismatch", "count-match", "no-closing-note", "rewrapped-by-other-copies",
}  # fmt: skip


class LimitError(ValueError):
    """A value over a limit or with a character the archive does not store; says which."""


def describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def check_characters(what: str, value: str, *, multiline: bool = False) -> None:
    """No NUL anywhere, no control character in one-line fields, only whitespace ones in text."""
    for char in value:
        if unicodedata.category(char) == "Cc" and not (multiline and char in TEXT_CONTROLS):
            raise LimitError(f"{what} contains the control character {describe(char)}")


def column_limit(model, field: str) -> int | None:
    return model._meta.get_field(field).max_length


def check_columns(where: str, model, values: dict[str, str]) -> None:
    """Each value fits its model column and holds no character the column must not store."""
    for field, value in values.items():
        if not isinstance(value, str):
            continue
        check_characters(f"{where}: {field}", value, multiline=field in MULTILINE_FIELDS)
        limit = column_limit(model, field)
        if limit is not None and len(value) > limit:
            raise LimitError(
                f"{where}: {field} is {len(value):,} characters long; at most {limit:,} fit"
            )


def check_letter_fields(where: str, letter: dict) -> None:
    check_columns(where, Letter, {k: v for k, v in letter.items() if k != "addressees"})
    for addressee in letter.get("addressees") or []:
        if isinstance(addressee, str):
            check_characters(f"{where}: addressee {addressee[:40]!r}", addressee)


def check_source_count(where: str, count: int) -> None:
    if count > MAX_SOURCES_PER_LETTER:
        raise LimitError(
            f"{where} lists {count:,} sources; a letter may have at most {MAX_SOURCES_PER_LETTER}"
        )


def check_file_size(where: str, size: int, limit: int) -> None:
    if size > limit:
        raise LimitError(f"{where} is {size:,} bytes; at most {limit:,} are read")


def check_parsed(where: str, parsed: ParsedSource, *, name_limit: int) -> None:
    """The parser's findings fit their columns; every entry fits a signatory's name."""
    check_columns(
        where,
        SourceVersion,
        {"printed_title": parsed.title, "closing": parsed.closing, "list_style": parsed.list_style},
    )
    if len(parsed.entries) > MAX_ENTRIES_PER_SOURCE:
        raise LimitError(
            f"{where} lists {len(parsed.entries):,} names; at most {MAX_ENTRIES_PER_SOURCE:,}"
        )
    for entry in parsed.entries:
        line = f"{where}, line {entry.line_start}"
        check_characters(f"{line}: the name", entry.text.replace("\t", " "))
        if len(entry.text) > name_limit:
            raise LimitError(
                f"{line}: a name of {len(entry.text):,} characters; at most {name_limit:,} fit"
            )


def set_aside_news_report_list(kind: str, parsed: ParsedSource) -> str | None:
    """A news report is not a copy of the letter: a list it prints is not imported as one.

    Returns the warning to show (also left on the source as a diagnostic), or None.
    """
    if kind != SourceKind.NEWS_REPORT or not parsed.entries:
        return None
    count = len(parsed.entries)
    warning = (
        f"This news report prints a list of {count} names, which is not imported: a news report"
        " is not a copy of the letter. If the file is a copy, give it another kind."
    )
    parsed.entries = []
    parsed.list_style = "none"
    parsed.diagnostics = [d for d in parsed.diagnostics if d.code not in LIST_DIAGNOSTICS]
    parsed.diagnostics.append(Diagnostic("list-in-news-report", warning))
    return warning

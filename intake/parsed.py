"""What parsing one copy of the letter yields: entries, diagnostics, the parsed source."""

from __future__ import annotations

from dataclasses import dataclass, field


class ParseError(ValueError):
    """The text cannot be read as a copy of the letter: which line, and what was expected there."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


@dataclass(frozen=True)
class ParsedEntry:
    ordinal: int
    number: int | None
    text: str
    line_start: int
    line_end: int
    # Each physical line of the entry with its line number (what was joined to make `text`).
    parts: tuple[tuple[int, str], ...] = ()
    # A place the copy prints after the name ("Name (Country)"), set by `intake.annotations`.
    place: str = ""


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    # The entry the note is about, when it is about one (where a list's numbering restarts).
    ordinal: int | None = None

    def as_dict(self) -> dict:
        found = {"code": self.code, "message": self.message}
        if self.ordinal is not None:
            found["ordinal"] = self.ordinal
        return found


@dataclass
class ParsedSource:
    title: str = ""
    addressees: str = ""
    body: str = ""
    closing: str = ""
    list_style: str = "none"
    entries: list[ParsedEntry] = field(default_factory=list)
    claimed_total: int | None = None
    claimed_anonymous: int | None = None
    claimed_more_than: int | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def claimed_named(self) -> int | None:
        if self.claimed_total is None or self.claimed_anonymous is None:
            return None
        return self.claimed_total - self.claimed_anonymous

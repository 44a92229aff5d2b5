"""Page furniture: what a paginated copy prints on every page rather than as the letter.

Running headers and footers (the letter's title again, or any short line repeated on several
pages), page numbers ("Page 3 of 9", "- 3 -", "3/9", a bare number on its own line) and form feeds
(which `textlines.split_lines` already treats as line breaks). Each such line is left out: it
becomes a blank line with its number kept, so the lines around it keep theirs. A page number or
the title glued to the end of a line ("Nako cc Page 5 of 8") is cut off that line. What was left
out is returned with its line numbers for the source's diagnostics. Pure functions.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from intake.lists import marker_of
from intake.parsed import Diagnostic
from intake.textlines import Line

PAGE_WORD = r"(?:page|pg\.?|p\.|seite|página|pagina|стр\.?)"
OF_WORD = r"(?:of|/|sur|de|von|из|di)"
# A line that is only a page number: "3", "- 3 -", "[3]", "3/9", "Page 3 of 9", "p. 3".
# A number followed by "." or ")" is a list marker, not a page number.
PAGE_NUMBER_RE = re.compile(
    rf"^[-–—\[|•·]?\s*(?:{PAGE_WORD}\s*)?\d{{1,4}}(?:\s*{OF_WORD}\s*\d{{1,4}})?\s*[-–—\]|•·]?$",
    re.IGNORECASE,
)
# "Page 3 of 9" (the word "page" makes it safe to cut from the end of a longer line).
GLUED_PAGE_RE = re.compile(
    rf"\s+{PAGE_WORD}\s*\d{{1,4}}(?:\s*{OF_WORD}\s*\d{{1,4}})?\s*$", re.IGNORECASE
)
# A date printed beside a running title: "9 September 2020", "September 9, 2020".
DATE_RE = re.compile(
    r"^(?:\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4})"
    rf"(?:\s*[-–—|·•,]?\s*(?:{PAGE_WORD}\s*)?\d{{1,4}}(?:\s*{OF_WORD}\s*\d{{1,4}})?)?$"
)
LEADING_PAGE_RE = re.compile(
    rf"^{PAGE_WORD}\s*\d{{1,4}}(?:\s*{OF_WORD}\s*\d{{1,4}})?\s+[-–—|]?\s*", re.IGNORECASE
)
REPEATS = 3  # a short line printed this often is a running header or footer...
MAX_FURNITURE_WORDS = 14
# ...once a page, so never on two lines in a row: names that differ only by a number
# ("Group 1", "Group 2") stand one under the other in a list, and are not furniture.
MIN_PAGE_LINES = 2


@dataclass(frozen=True)
class Furniture:
    number: int  # the line of the file
    text: str  # what was left out


def title_pattern(title: str) -> re.Pattern[str] | None:
    words = re.findall(r"\w+", title)
    if len(words) < 3:
        return None
    return re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)


def shape(text: str) -> str:
    """A line with its numbers blurred, so "Page 3" and "Page 4" are the same running footer."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.casefold())).strip()


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER_RE.match(text.strip()))


def only_title(text: str, pattern: re.Pattern[str] | None) -> bool:
    """The title, perhaps with a page number or a separator around it, and nothing else."""
    if pattern is None or not (m := pattern.search(text)):
        return False
    rest = (text[: m.start()] + " " + text[m.end() :]).strip(" -–—|·•,")
    return (
        not rest
        or is_page_number(rest)
        or not re.search(r"[^\W\d_]", rest)
        or bool(DATE_RE.match(rest))
    )


def running_shapes(lines: list[Line]) -> set[str]:
    """The shapes of lines printed at least REPEATS times, never closer than MIN_PAGE_LINES
    non-blank lines to each other: what a running header or footer looks like."""
    places: dict[str, list[int]] = {}
    for index, line in enumerate(line for line in lines if not line.blank):
        places.setdefault(shape(line.text), []).append(index)
    return {
        text_shape
        for text_shape, at in places.items()
        if len(at) >= REPEATS and min(b - a for a, b in itertools.pairwise(at)) >= MIN_PAGE_LINES
    }


def drop_furniture(lines: list[Line], title: str) -> tuple[list[Line], list[Furniture]]:
    """The lines with page furniture blanked or cut off, and what was left out.

    The first line that is only the title stays: it is the letter's title, not a header."""
    pattern = title_pattern(title)
    repeated = running_shapes(lines)
    out: list[Line] = []
    left_out: list[Furniture] = []
    title_seen = False
    for line in lines:
        text = line.text
        if not text:
            out.append(line)
            continue
        if only_title(text, pattern) and not title_seen:
            title_seen = True
            out.append(line)
            continue
        furniture = (
            is_page_number(text)
            or only_title(text, pattern)
            or (
                shape(text) in repeated
                and len(text.split()) <= MAX_FURNITURE_WORDS
                and re.search(r"[^\W\d_]", text) is not None
                and not marker_of(text)
            )
        )
        if furniture:
            left_out.append(Furniture(line.number, text))
            out.append(Line(line.number, ""))
            continue
        kept, cut = cut_glued(line.raw, pattern if title_seen else None)
        if cut:
            left_out.append(Furniture(line.number, " ".join(cut)))
            out.append(Line(line.number, kept))
            continue
        out.append(line)
    return out, left_out


def cut_glued(raw: str, pattern: re.Pattern[str] | None) -> tuple[str, list[str]]:
    """The line without a page number or the title printed before or after its own text, and
    what was cut ("Name Page 5 of 8 <title>" carries both; "Page 5 of 8 Name" leads with one)."""
    text, cut = raw, []
    for _ in range(4):
        before = text
        body = text.rstrip()
        if pattern is not None and (m := pattern.search(body)) and not body[m.end() :].strip():
            head = body[: m.start()].rstrip(" -–—|")
            if re.search(r"\w", head):
                cut.insert(0, body[m.start() :].strip())
                text = head
        if (m := GLUED_PAGE_RE.search(text.rstrip())) and re.search(r"\w", text[: m.start()]):
            cut.insert(0, text[m.start() :].strip())
            text = text[: m.start()].rstrip(" -–—|")
        lead = text.lstrip()
        indent = text[: len(text) - len(lead)]
        if pattern is not None and (m := pattern.match(lead)) and re.search(r"\w", lead[m.end() :]):
            cut.append(lead[: m.end()].strip())
            text = indent + lead[m.end() :].lstrip(" -–—|")
        elif (m := LEADING_PAGE_RE.match(lead)) and re.search(r"\w", lead[m.end() :]):
            cut.append(lead[: m.end()].strip())
            text = indent + lead[m.end() :]
        if text == before:
            break
    return (text, cut) if cut else (raw, [])


def furniture_diagnostic(left_out: list[Furniture]) -> list[Diagnostic]:
    if not left_out:
        return []
    shown = "; ".join(f"line {f.number}: “{f.text}”" for f in left_out)
    count = len(left_out)
    return [
        Diagnostic(
            "page-furniture",
            f"{count} piece{'s' if count > 1 else ''} of page furniture left out ({shown}).",
        )
    ]

"""Pure parsing of one copy of the letter: title, addressees, body, closing, signatory list, claims.

Nothing here touches the database. The input is the decoded text of a source file; the output is a
`ParsedSource` whose entries keep their 1-based line numbers so every fact traces back to the file.
The list itself is read by `intake.lists`; lines are handled by `intake.textlines`.
"""

from __future__ import annotations

import re

from intake.lists import (
    find_list_start,
    find_plain_list_before,
    list_diagnostics,
    marker_of,
    numbering_diagnostics,
    read_marked_list,
    read_plain_list,
    rejoin_known_names,
    trim_trailer,
)
from intake.parsed import Diagnostic, ParsedEntry, ParsedSource, ParseError
from intake.textlines import (
    SENTENCE_END,
    Line,
    ends_open,
    join_wrapped,
    split_lines,
    strip_markdown,
)

__all__ = [
    "ParseError",
    "ParsedEntry",
    "ParsedSource",
    "Diagnostic",
    "parse_claims",
    "parse_source",
    "rejoin_known_names",
    "split_lines",
]

VALEDICTION_RE = re.compile(
    r"^\W*(?:(?:yours\s+)?(?:sincerely|faithfully|respectfully|truly)(?:\s+yours)?"
    r"|(?:with\s+|best\s+|kind\s+)?regards"
    r"|(?:list\s+of\s+)?(?:signed(?:\s+by)?|signatories|signatures|co-?signed|endorsed\s+by"
    r"|the\s+undersigned)(?:\s+[\w-]+){0,4})\W*$",
    re.IGNORECASE,
)
OPEN_LETTER_TO_RE = re.compile(r"^\W*(?:an\s+)?open\s+letter\s+to\b\W*", re.IGNORECASE)
TOTAL_RE = re.compile(
    r"(?:total\w*|in\s+all)\s+(?:of\s+)?(?P<n>\d[\d,]*)"
    r"|(?P<m>\d[\d,]*)\s+(?:signatories|signatures|organi[sz]ations)\s+in\s+total",
    re.IGNORECASE,
)
ANONYMOUS_RE = re.compile(r"(?P<n>\d[\d,]*)\s+[^.\d]{0,60}?\banonymous", re.IGNORECASE)
MORE_THAN_RE = re.compile(
    r"more\s+than\s+(?P<n>\d[\d,]*)\s+(?:[\w-]+\s+){0,3}?(?:groups|organi[sz]ations|signatories)",
    re.IGNORECASE,
)
# Lines that close a web page's or a list's surroundings rather than name a signatory.


def to_int(digits: str) -> int:
    return int(digits.replace(",", ""))


def parse_claims(text: str) -> tuple[int | None, int | None]:
    """The closing note's claims: total signatories and how many chose to stay anonymous."""
    total = anonymous = None
    if m := TOTAL_RE.search(text):
        total = to_int(m.group("n") or m.group("m"))
    if m := ANONYMOUS_RE.search(text):
        anonymous = to_int(m.group("n"))
    return total, anonymous


def is_note(text: str) -> bool:
    total, anonymous = parse_claims(text)
    return total is not None and anonymous is not None


def words_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for `phrase` that lets the words be wrapped, spaced or decorated differently."""
    words = re.findall(r"\w+", phrase)
    return re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)


def find_title(lines: list[Line], title: str) -> tuple[str, int] | None:
    """The title as printed and the index of the line after it; a line that is only the title wins."""
    if not title:
        return None
    pattern = words_pattern(title)
    first = None
    for i, line in enumerate(lines):
        if line.blank:
            continue
        # Allow the title to be wrapped over up to three lines (PDF extraction).
        window, j, taken = [], i, 0
        while j < len(lines) and taken < 3:
            if not lines[j].blank:
                window.append(lines[j].text)
                taken += 1
                joined = strip_markdown(" ".join(window))
                m = pattern.search(joined)
                if m:
                    whole = m.start() == 0 and not re.search(r"\w", joined[m.end() :])
                    found = (joined[m.start() : m.end()], j + 1)
                    if whole:
                        return found
                    if first is None:
                        first = found
                    break
            j += 1
    return first


def find_valediction(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        if VALEDICTION_RE.match(strip_markdown(lines[i].text)):
            return i
    return None


def find_note(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        if not lines[i].blank and is_note(lines[i].text):
            return i
    return None


def paragraphs_of(lines: list[Line]) -> list[str]:
    """Paragraphs with line wrapping undone: a line joins the one above unless that one ends a
    sentence and this one starts a new one."""
    paragraphs: list[list[str]] = []
    for line in lines:
        text = strip_markdown(line.text)
        if not text:
            continue
        if paragraphs:
            last = paragraphs[-1][-1].rstrip()
            sentence_over = last[-1:] in SENTENCE_END
            starts_new = text[:1].isupper() or text[:1] in "“\"‘'(["
            if not (sentence_over and starts_new):
                paragraphs[-1].append(text)
                continue
        paragraphs.append([text])
    return [join_wrapped(p) for p in paragraphs]


def parse_source(text: str, *, title: str, expect_list: bool = True) -> ParsedSource:
    """Parse one copy of the letter. Raises ParseError when a list is expected and not found."""
    lines = split_lines(text)
    parsed = ParsedSource()

    found = find_title(lines, title)
    cursor = 0
    if found:
        parsed.title, cursor = found
    else:
        parsed.diagnostics.append(Diagnostic("no-title", "The letter's title is not in this copy."))

    # Addressees: the "open letter to" line, continued while it cannot end there.
    body_start = cursor
    for i in range(cursor, min(len(lines), cursor + 8)):
        line_text = strip_markdown(lines[i].text)
        if OPEN_LETTER_TO_RE.match(line_text):
            parts = [OPEN_LETTER_TO_RE.sub("", line_text)]
            j = i + 1
            while j < len(lines) and (not parts[-1] or ends_open(parts[-1]) or lines[j].blank):
                if not lines[j].blank:
                    parts.append(strip_markdown(lines[j].text))
                j += 1
                if j - i > 6:
                    break
            parsed.addressees = join_wrapped(parts).rstrip(".")
            body_start = j
            break

    note_index = find_note(lines, body_start)
    valediction = find_valediction(lines, body_start)
    list_start = find_list_start(lines, body_start)
    if valediction is not None and list_start is not None and list_start < valediction:
        valediction = None
    if valediction is not None and note_index is not None and note_index < valediction:
        valediction = None

    body_end = valediction if valediction is not None else list_start
    if body_end is None:
        body_end = note_index if note_index is not None else len(lines)
    if found or parsed.addressees:
        parsed.body = "\n\n".join(paragraphs_of(lines[body_start:body_end]))
    if valediction is not None:
        parsed.closing = strip_markdown(lines[valediction].text)
    elif expect_list and parsed.body:
        parsed.diagnostics.append(
            Diagnostic(
                "no-closing-formula",
                "No closing formula (such as “Sincerely,”) between the letter and its list.",
            )
        )

    if note_index is not None:
        parsed.claimed_total, parsed.claimed_anonymous = parse_claims(lines[note_index].text)
    elif m := MORE_THAN_RE.search(text):
        parsed.claimed_more_than = to_int(m.group("n"))

    region_start = valediction + 1 if valediction is not None else list_start
    if region_start is None:
        # No closing formula and no list markers: the run of name-like lines that ends at the
        # closing note, or at the end of the text.
        end = note_index if note_index is not None else len(lines)
        region_start = find_plain_list_before(lines, body_start, end)
        if region_start is not None and not parsed.body:
            parsed.body = "\n\n".join(paragraphs_of(lines[body_start:region_start]))
    if region_start is None:
        if expect_list:
            raise ParseError("no signatory list found (no list items and no closing formula)")
        return parsed
    region_end = note_index if note_index is not None and note_index > region_start else len(lines)
    region = lines[region_start:region_end]

    marked_items = [line for line in region if not line.blank and marker_of(line.text)]
    if len(marked_items) >= 3:
        items, parsed.list_style = read_marked_list(region)
    else:
        if note_index is None:
            region = trim_trailer(region)
        items = [(group, None) for group in read_plain_list(region)]
        parsed.list_style = "plain"

    for ordinal, (group, number) in enumerate(items, start=1):
        marked = marker_of(group[0].raw)
        head = marked[2] if marked else group[0].raw.strip()
        parts = ((group[0].number, head),) + tuple((g.number, g.raw.strip()) for g in group[1:])
        parsed.entries.append(
            ParsedEntry(
                ordinal=ordinal,
                number=number,
                text=join_wrapped([text for _, text in parts]),
                line_start=group[0].number,
                line_end=group[-1].number,
                parts=parts,
            )
        )
    if expect_list and not parsed.entries:
        raise ParseError("no signatory list found")

    parsed.diagnostics.extend(numbering_diagnostics([e.number for e in parsed.entries]))
    parsed.diagnostics.extend(list_diagnostics(parsed))
    return parsed

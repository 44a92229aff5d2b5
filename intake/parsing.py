"""Pure parsing of one copy of the letter: title, addressees, body, closing, signatory list, claims.

Nothing here touches the database. The input is the decoded text of a source file; the output is a
`ParsedSource` whose entries keep their 1-based line numbers so every fact traces back to the file.
The list itself is read by `intake.lists`; lines are handled by `intake.textlines`.
"""

from __future__ import annotations

import re

from intake.furniture import drop_furniture, furniture_diagnostic
from intake.lists import (
    TRAILER_RE,
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
from intake.running_text import label_rest, looks_like_running_text, read_running_list
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


def parse_source(
    text: str, *, title: str, expect_list: bool = True, known: set[str] | None = None
) -> ParsedSource:
    """Parse one copy of the letter. Raises ParseError when a list is expected and not found.

    `known` are the names other copies print: where the list is running text, they decide which
    commas end a name (see `intake.running_text`)."""
    lines, left_out = drop_furniture(split_lines(text), title)
    parsed = ParsedSource()
    parsed.diagnostics.extend(furniture_diagnostic(left_out))

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
    labelled = find_running_label(lines, body_start, note_index)
    if labelled is not None and all(i is None or labelled < i for i in (valediction, list_start)):
        valediction, list_start = labelled, None
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
        closing = strip_markdown(lines[valediction].text)
        rest = label_rest(closing)
        parsed.closing = closing[: len(closing) - len(rest)].strip() if rest else closing
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
            raise no_list_error(lines, body_start, note_index)
        return parsed
    region_end = note_index if note_index is not None and note_index > region_start else len(lines)
    region = lines[region_start:region_end]
    if valediction is not None and label_rest(strip_markdown(lines[valediction].text)):
        # "Signed by: A, B, C": the names start on the label's own line.
        label_line = lines[valediction]
        region = [Line(label_line.number, label_rest(label_line.text) or ""), *region]
    region = without_label(region)

    marked_items = [line for line in region if not line.blank and marker_of(line.text)]
    labelled = (
        valediction is not None and label_rest(strip_markdown(lines[valediction].text)) is not None
    )
    if len(marked_items) < 3 and looks_like_running_text(region, labelled=labelled):
        region = trim_running_trailer(region)
        for piece in read_running_list(region, known):
            parsed.entries.append(
                ParsedEntry(
                    ordinal=len(parsed.entries) + 1, number=None, text=piece.text,
                    line_start=piece.line, line_end=piece.end_line,
                    parts=((piece.line, piece.text),),
                )
            )  # fmt: skip
        parsed.list_style = "running-text"
        return finish(parsed, expect_list, region)
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
    return finish(parsed, expect_list, region)


def finish(parsed: ParsedSource, expect_list: bool, region: list[Line]) -> ParsedSource:
    if expect_list and not parsed.entries:
        first = next((line for line in region if not line.blank), None)
        where = first.number if first else (region[0].number if region else 1)
        raise ParseError(
            "expected the signatory list after the closing formula, found no name", line=where
        )
    parsed.diagnostics.extend(numbering_diagnostics([e.number for e in parsed.entries]))
    parsed.diagnostics.extend(list_diagnostics(parsed))
    return parsed


def without_label(region: list[Line]) -> list[Line]:
    """The region with a list label ("Signatories:") taken off its first line, if it has one."""
    for i, line in enumerate(region):
        if line.blank:
            continue
        rest = label_rest(strip_markdown(line.text))
        if rest is None:
            return region
        return [*region[:i], Line(line.number, rest), *region[i + 1 :]]
    return region


def find_running_label(lines: list[Line], start: int, note_index: int | None) -> int | None:
    """The line of a list label ("Signed by:") that running text follows, on the same line or
    the next ones."""
    end = note_index if note_index is not None and note_index > start else len(lines)
    for i in range(start, end):
        rest = label_rest(strip_markdown(lines[i].text))
        if rest is None:
            continue
        first = [Line(lines[i].number, rest)] if rest else []
        if looks_like_running_text([*first, *lines[i + 1 : end]], labelled=True):
            return i
    return None


def trim_running_trailer(region: list[Line]) -> list[Line]:
    for i, line in enumerate(region):
        if TRAILER_RE.match(line.text):
            return region[:i]
    return region


def no_list_error(lines: list[Line], body_start: int, note_index: int | None) -> ParseError:
    """Where the list should have been, and what is there instead."""
    end = note_index if note_index is not None else len(lines)
    last = next((line for line in reversed(lines[body_start:end]) if not line.blank), None)
    if last is None:
        return ParseError(
            "expected the letter's text and its signatory list, found nothing after the title",
            line=lines[-1].number if lines else 1,
        )
    shown = last.text if len(last.text) <= 60 else last.text[:57] + "..."
    return ParseError(
        "expected the signatory list here (list items, one name per line, or names after a "
        f"label such as 'Signed by:'), found prose: “{shown}”",
        line=last.number,
    )

"""Pure parsing of one copy of the letter: title, addressees, body, closing, signatory list, claims.

Nothing here touches the database. The input is the decoded text of a source file; the output is a
`ParsedSource` whose entries keep their 1-based line numbers so every fact traces back to the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from letters.htmltext import html_lines, looks_like_html
from signatories.names import sort_key

BULLET_RE = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*•·▪◦‣]|\u2013|\u2014)\s+(?P<text>\S.*)$")
NUMBER_RE = re.compile(
    r"^(?P<indent>\s*)(?:\((?P<paren>\d{1,5})\)|(?P<number>\d{1,5})\s*(?:[.):]|\s[-–]))"
    r"\s+(?P<text>\S.*)$"
)
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
TRAILER_RE = re.compile(
    r"^\W*(?:share\s+this|please\s+click|click\s+here|download|read\s+more|\*{3,}|-{3,}|_{3,})",
    re.IGNORECASE,
)
SENTENCE_END = '.!?:"”’)»'
CONNECTOR_WORDS = {
    "of", "for", "and", "the", "de", "des", "du", "la", "le", "les", "et", "y", "und", "für",
    "in", "on", "to", "with", "a", "an", "del", "da", "do", "dos", "das", "van", "von", "&",
}  # fmt: skip
MARKDOWN_LINE_DECOR_RE = re.compile(r"^\s*#{1,6}\s+|\*\*|__")
MARKDOWN_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


class ParseError(ValueError):
    """The text cannot be read as a copy of the letter (for example: no signatory list)."""


@dataclass(frozen=True)
class ParsedEntry:
    ordinal: int
    number: int | None
    text: str
    line_start: int
    line_end: int
    # Each physical line of the entry with its line number (what was joined to make `text`).
    parts: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


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
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return [Line(i, raw) for i, raw in enumerate(text.split("\n"), start=1)]


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


def strip_markdown(text: str) -> str:
    return MARKDOWN_ESCAPE_RE.sub(r"\1", MARKDOWN_LINE_DECOR_RE.sub("", text)).strip()


def words_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for `phrase` that lets the words be wrapped, spaced or decorated differently."""
    words = re.findall(r"\w+", phrase)
    return re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)


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


# --- locating the parts of the letter -------------------------------------------------------------


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


def marker_of(text: str) -> tuple[str, int | None, str] | None:
    """('number', n, rest) or ('bullet', None, rest) for a list item line, else None.

    `rest` keeps the characters as printed (no-break spaces included), trimmed at the ends."""
    if m := NUMBER_RE.match(text):
        return "number", int(m.group("number") or m.group("paren")), m.group("text").strip()
    if m := BULLET_RE.match(text):
        return "bullet", None, m.group("text").strip()
    return None


def find_list_start(lines: list[Line], start: int) -> int | None:
    """First line of the longest run of list items (blank lines and wrapped lines allowed inside)."""
    best_start, best_count = None, 0
    run_start, count, gap = None, 0, 0
    for i in range(start, len(lines)):
        text = lines[i].text
        if not text:
            continue
        if marker_of(text):
            if run_start is None:
                run_start, count = i, 0
            count += 1
            gap = 0
        elif run_start is not None:
            gap += 1
            if gap > 2:
                run_start, count, gap = None, 0, 0
        if run_start is not None and count > best_count:
            best_start, best_count = run_start, count
    return best_start if best_count >= 3 else None


def is_prose(text: str) -> bool:
    """A sentence of the letter or the page around it, rather than a name."""
    return len(text.split()) > 20 or (len(text.split()) >= 12 and text[-1:] in ".!?")


def find_plain_list_before(lines: list[Line], start: int, end: int) -> int | None:
    """Without a closing formula or list markers: the run of name-like lines ending at `end`."""
    first = None
    for i in range(end - 1, start - 1, -1):
        if lines[i].blank:
            continue
        if is_prose(lines[i].text):
            break
        first = i
    if first is None:
        return None
    names = sum(1 for line in lines[first:end] if not line.blank)
    return first if names >= 3 else None


def find_note(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        if not lines[i].blank and is_note(lines[i].text):
            return i
    return None


# --- the list -------------------------------------------------------------------------------------


def read_marked_list(lines: list[Line]) -> tuple[list[tuple[list[Line], int | None]], str]:
    """Items of a bulleted or numbered list; unmarked lines continue the item above them.

    Between two items every unmarked line is a continuation (PDF wrapping may leave blank lines
    inside an item). After the last item, a line continues it only if it follows with no blank
    line, is indented, or reads as a tail; anything else there is the page around the list.
    """
    items: list[tuple[list[Line], int | None]] = []
    styles: set[str] = set()
    tail: list[Line] = []
    for line in lines:
        if line.blank:
            if tail or items:
                tail.append(line)
            continue
        marked = marker_of(line.raw)
        if marked:
            style, number, _ = marked
            styles.add(style)
            if items:
                items[-1][0].extend(t for t in tail if not t.blank)
            tail = []
            items.append(([line], number))
        elif items:
            tail.append(line)
    if items and tail:
        last = items[-1][0]
        for line in tail:
            if line.blank:
                break
            previous = join_wrapped([part.text for part in last])
            indented = len(line.raw) - len(line.raw.lstrip()) > 1
            if TRAILER_RE.match(line.text) or not (
                line.number == last[-1].number + 1
                or indented
                or ends_open(previous)
                or starts_as_continuation(line.text)
            ):
                break
            last.append(line)
    style = "numbered" if styles == {"number"} else "bulleted" if styles == {"bullet"} else "mixed"
    return items, style


def is_sorted_list(texts: list[str]) -> bool:
    """Whether a list is (mostly) in alphabetical order, which makes order a clue to wrapping."""
    initials = [key[0] for key in map(sort_key, texts) if key]
    if len(initials) < 10:
        return False
    in_order = sum(1 for a, b in zip(initials, initials[1:], strict=False) if a <= b)
    # A shuffled list keeps about half its neighbours in order; wrapped lines cost a few.
    return in_order / (len(initials) - 1) >= 0.75


def read_plain_list(lines: list[Line]) -> list[list[Line]]:
    """Items of an unnumbered list, one per line, with wrapped lines joined to their item.

    A line continues the item above when it is indented deeper than items are, when the line above
    cannot end a name (connector word, open bracket, trailing joiner), when it begins like a tail
    (closing bracket, joiner), or, in an alphabetical list, when it would break the order that the
    lines around it keep (its initial falls outside the initials of the lines around it).
    """
    content = [line for line in lines if not line.blank]
    if not content:
        return []
    indents = sorted(len(line.raw) - len(line.raw.lstrip()) for line in content)
    base_indent = indents[len(indents) // 2]
    sorted_list = is_sorted_list([line.text for line in content])

    items: list[list[Line]] = []
    for pos, line in enumerate(content):
        text = line.text
        if not items:
            items.append([line])
            continue
        previous = join_wrapped([part.text for part in items[-1]])
        indent = len(line.raw) - len(line.raw.lstrip())
        continues = indent > base_indent + 1 or ends_open(previous) or starts_as_continuation(text)
        if not continues and sorted_list:
            here, before = sort_key(text), sort_key(previous)
            # The next line that keeps the order (the next one may itself be a continuation).
            after = next(
                (
                    key
                    for key in (sort_key(n.text) for n in content[pos + 1 : pos + 3])
                    if key and before and key[0] >= before[0]
                ),
                "",
            )
            # Collations differ on spaces and hyphens, so only the initial letter is trusted.
            if here and before and after:
                continues = not before[0] <= here[0] <= after[0]
        if continues:
            items[-1].append(line)
        else:
            items.append([line])
    return items


def numbering_diagnostics(numbers: list[int | None]) -> list[Diagnostic]:
    notes: list[Diagnostic] = []
    expected = None
    for n in numbers:
        if n is None:
            continue
        if expected is not None and n != expected:
            if n == 1:
                notes.append(
                    Diagnostic(
                        "numbering-restart", f"Numbering restarts at 1 after {expected - 1}."
                    )
                )
            elif n > expected:
                missing = list(range(expected, n))
                label = ", ".join(str(m) for m in missing[:10])
                notes.append(
                    Diagnostic(
                        "numbering-gap",
                        f"Number{'s' if len(missing) > 1 else ''} {label} "
                        f"{'are' if len(missing) > 1 else 'is'} missing (after {expected - 1}).",
                    )
                )
            else:
                notes.append(Diagnostic("numbering-repeat", f"Number {n} follows {expected - 1}."))
        expected = n + 1
    return notes


def segment_known(parts, known: set[str], key):
    """Cut consecutive lines into the fewest groups that each make a known name, or None."""
    if not parts:
        return []
    best = None
    for cut in range(len(parts), 0, -1):
        head = parts[:cut]
        if key(join_wrapped([t for _, t in head])) in known:
            rest = segment_known(parts[cut:], known, key)
            if rest is not None and (best is None or 1 + len(rest) < len(best)):
                best = [head, *rest]
    return best


def rejoin_known_names(parsed: ParsedSource, known: set[str], key) -> int:
    """Correct a plain list's wrapping with the names other copies print.

    A multi-line entry that no other copy prints, but whose lines each are names they print, is
    split; two neighbouring entries that no other copy prints, but that together make a name they
    print, are joined. Layout clues decide first (read_plain_list); this settles what they could
    not. Returns how many entries were split or joined.
    """
    if parsed.list_style != "plain" or not known:
        return 0
    changes = 0
    pieces: list[tuple[tuple[int, str], ...]] = []
    for entry in parsed.entries:
        parts = entry.parts or ((entry.line_start, entry.text),)
        split = None
        if len(parts) > 1 and key(entry.text) not in known:
            split = segment_known(parts, known, key)
        if split and len(split) > 1:
            pieces.extend(split)
            changes += 1
        else:
            pieces.append(parts)
    merged: list[tuple[tuple[int, str], ...]] = []
    for parts in pieces:
        if merged:
            text = join_wrapped([t for _, t in parts])
            before = join_wrapped([t for _, t in merged[-1]])
            together = join_wrapped([before, text])
            if key(text) not in known and key(before) not in known and key(together) in known:
                merged[-1] = merged[-1] + parts
                changes += 1
                continue
        merged.append(parts)
    if not changes:
        return 0
    parsed.entries = [
        ParsedEntry(
            ordinal=i,
            number=None,
            text=join_wrapped([t for _, t in parts]),
            line_start=parts[0][0],
            line_end=parts[-1][0],
            parts=parts,
        )
        for i, parts in enumerate(merged, start=1)
    ]
    parsed.diagnostics = [
        d for d in parsed.diagnostics if d.code not in LIST_SUMMARY_CODES
    ] + list_diagnostics(parsed)
    parsed.diagnostics.append(
        Diagnostic(
            "rewrapped-by-other-copies",
            f"{changes} wrapped line{'s' if changes > 1 else ''} corrected (joined or split) "
            "where other copies print the whole names.",
        )
    )
    return changes


# --- body -----------------------------------------------------------------------------------------


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


# --- the whole source -----------------------------------------------------------------------------


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


LIST_SUMMARY_CODES = {"wrapped-entries", "count-mismatch", "count-match", "no-closing-note"}


def list_diagnostics(parsed: ParsedSource) -> list[Diagnostic]:
    """What the list as read says about itself: wrapped entries, and entries against the claim."""
    notes = []
    wrapped = sum(1 for e in parsed.entries if e.line_end > e.line_start)
    if wrapped:
        notes.append(
            Diagnostic("wrapped-entries", f"{wrapped} entries wrap onto more than one line.")
        )
    if parsed.claimed_named is not None:
        listed, named = len(parsed.entries), parsed.claimed_named
        if listed != named:
            notes.append(
                Diagnostic(
                    "count-mismatch",
                    f"Lists {listed} names against the {named} named in its closing note "
                    f"({parsed.claimed_total} in total, {parsed.claimed_anonymous} anonymous).",
                )
            )
        else:
            notes.append(
                Diagnostic("count-match", f"Lists all {named} names its closing note counts.")
            )
    elif parsed.entries:
        notes.append(
            Diagnostic("no-closing-note", "No closing note giving the number of signatories.")
        )
    return notes


def trim_trailer(region: list[Line]) -> list[Line]:
    """Without a closing note, a plain list ends before page furniture or prose."""
    for i, line in enumerate(region):
        text = line.text
        if TRAILER_RE.match(text) or is_prose(text):
            return region[:i]
    return region

"""Reading a copy's signatory list: list markers, wrapped names, numbering, and the summary of
what the list says about itself. Pure functions on lines of text."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz, process

from intake.parsed import Diagnostic, ParsedEntry, ParsedSource
from intake.textlines import (
    Line,
    ends_open,
    join_wrapped,
    starts_as_continuation,
)
from names.keys import sort_key
from names.places import place_splits

BULLET_RE = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*•·▪◦‣]|\u2013|\u2014)\s+(?P<text>\S.*)$")
NUMBER_RE = re.compile(
    r"^(?P<indent>\s*)(?:\((?P<paren>\d{1,5})\)|(?P<number>\d{1,5})\s*(?:[.):]|\s[-–]))"
    r"\s+(?P<text>\S.*)$"
)
# Lines that close a web page's or a list's surroundings rather than name a signatory.
TRAILER_RE = re.compile(
    r"^\W*(?:share\s+this|please\s+click|click\s+here|download|read\s+more|\*{3,}|-{3,}|_{3,})",
    re.IGNORECASE,
)
NEARLY_KNOWN_LENGTH, NEARLY_KNOWN_SCORE = 12, 92.0
LIST_SUMMARY_CODES = {"wrapped-entries", "count-mismatch", "count-match", "no-closing-note"}


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


def trim_trailer(region: list[Line]) -> list[Line]:
    """Without a closing note, a plain list ends before page furniture or prose."""
    for i, line in enumerate(region):
        text = line.text
        if TRAILER_RE.match(text) or is_prose(text):
            return region[:i]
    return region


def numbering_diagnostics(numbers: list[int | None]) -> list[Diagnostic]:
    """Gaps, repeats and restarts in the numbers of a list's entries (in order, ordinal 1 first).

    A restart at 1 begins a new part of the list (FORUM-ASIA prints two lists): its diagnostic
    names the entry that starts it, which is how a citation says "second list, no. 23"."""
    notes: list[Diagnostic] = []
    expected = None
    for ordinal, n in enumerate(numbers, start=1):
        if n is None:
            continue
        if expected is not None and n != expected:
            if n == 1:
                notes.append(
                    Diagnostic(
                        "numbering-restart",
                        f"Numbering restarts at 1 after {expected - 1}.",
                        ordinal=ordinal,
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


class NearlyKnown:
    """Names other copies print, and those a typo away: a key of NEARLY_KNOWN_LENGTH characters
    or more within NEARLY_KNOWN_SCORE of one of them. Used only to split a line that wrapping
    joined to its neighbour, where a typo must not hide the names it is made of."""

    def __init__(self, known) -> None:
        self.known = known
        self._choices: list[str] | None = None

    @property
    def choices(self) -> list[str]:
        """The long known names, sorted once, when a first name is not known as it is."""
        if self._choices is None:
            self._choices = sorted(k for k in self.known if len(k) >= NEARLY_KNOWN_LENGTH)
        return self._choices

    def __contains__(self, key: str) -> bool:
        if key in self.known:
            return True
        if len(key) < NEARLY_KNOWN_LENGTH or not self.choices:
            return False
        return (
            process.extractOne(
                key, self.choices, scorer=fuzz.ratio, score_cutoff=NEARLY_KNOWN_SCORE
            )
            is not None
        )


def segment_known(parts, known, key):
    """Cut consecutive lines into the fewest groups that each make a known name, or None."""
    if not parts:
        return []
    best = None
    for cut in range(len(parts), 0, -1):
        head = parts[:cut]
        text = join_wrapped([t for _, t in head])
        # A line may carry a place after the name ("Name - Brazil"): its name part counts too.
        if any(key(t) in known for t in (text, *(s.name for s in place_splits(text)))):
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
            split = segment_known(parts, NearlyKnown(known), key)
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


class PrintedElsewhere:
    """The keys of the names that copies other than one print, without building that set.

    `counts` holds, for every key, how many copies print it; `own` the keys of the one copy.
    """

    def __init__(self, counts: Counter, own: set):
        self.counts, self.own = counts, own

    def __contains__(self, key) -> bool:
        return self.counts[key] - (key in self.own) > 0

    def __iter__(self):
        return (key for key in self.counts if key in self)

    def __bool__(self) -> bool:
        return self.counts.total() > len(self.own)


def rejoin_across_copies(copies: list[ParsedSource], key) -> None:
    """`rejoin_known_names` for each copy, with the names the other copies print, in order.

    Each copy is corrected with what the copies before it became and what the ones after it
    printed. Counting each name's copies once keeps this linear in the number of copies, where
    gathering every other copy's names for each copy was quadratic.
    """
    own = [{key(entry.text) for entry in parsed.entries} for parsed in copies]
    counts = Counter(k for keys in own for k in keys)
    for parsed, keys in zip(copies, own, strict=True):
        if rejoin_known_names(parsed, PrintedElsewhere(counts, keys), key):
            counts.subtract(keys)
            keys = {key(entry.text) for entry in parsed.entries}
            counts.update(keys)

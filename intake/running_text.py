"""A signatory list printed as running text: "Signed by: A, B, C; D and E", after a label at the
start of the paragraph or on a line of its own, in one or several paragraphs. Pure functions.

The text is cut into pieces at every place a name could end: commas, semicolons, "and", line
breaks and blank lines, never inside brackets. Which of those places do end a name is chosen for
the whole list at once (dynamic programming): each cut has a prior (a comma or a semicolon
separates names, a bare line break is wrapping, a mid-list "and" is usually part of a name), and
the names other copies print are evidence that outweighs it, so "Asociación Civil Fuerza, Unión,
Justicia, Solidaridad y Paz (FUNPAZ)" stays whole and "Amnesty International and ARTICLE 19" does
not. Without other copies, the priors alone decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from intake.textlines import Line, clean_line
from names.folding import folded_key
from names.places import is_place

# A list's label: a short phrase that opens with a word of signing and ends with a colon
# ("Signed by:", "Signatories (in alphabetical order):", "Endorsed by the following groups:").
LABEL_RE = re.compile(
    r"^\W*(?P<label>(?:(?:the|a)\s+)?(?:(?:full\s+)?list\s+of\s+)?(?:"
    r"(?:co-?)?sign(?:ed|atories|atory|atures|ers|ing)|endorse(?:d|ments?|rs)|endorsing"
    r"|supported|undersigned|organi[sz]ations\s+signing)\b[^:：.!?]{0,60})[:：]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
SEPARATOR_RE = re.compile(r"\s*[,;，；]\s*|\s+(?:and|&)\s+", re.IGNORECASE)
ABBREVIATION_RE = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Ltd|Co|Corp|Assn|Assoc|St)\.)$")
MAX_PIECES = 10  # the most pieces one name may span (commas, "and", wrapped lines)
# What a cut is worth before any evidence, by the kind of place it is at.
PRIOR = {"comma": 0.6, "semicolon": 1.0, "and-last": 0.3, "and": -0.3, "line": -0.6,
         "blank": -0.1, "stop": 3.0}  # fmt: skip
EVIDENCE_BAR = 80.0  # similarity to a known name above which a cut-out name counts as known


@dataclass(frozen=True)
class Piece:
    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Cut:
    kind: str
    printed: str  # the separator as printed, used when the cut is not made


def label_rest(text: str) -> str | None:
    """The text after a list label ("Signed by: ..."), or None when the line has no label."""
    m = LABEL_RE.match(text)
    return m["rest"] if m else None


def counted_separators(text: str) -> int:
    """Commas and semicolons outside brackets, without the comma before a place."""
    depth, count = 0, 0
    for i, char in enumerate(text):
        if char in "([{【":
            depth += 1
        elif char in ")]}】":
            depth = max(0, depth - 1)
        elif char in ",;，；" and depth == 0:
            tail = text[i + 1 :]
            # Only the end of a line can be a place ("Name, City, Country").
            if len(tail) > 60 or tail.count(",") > 1 or not is_place(tail):
                count += 1
    return count


def looks_like_running_text(lines: list[Line], *, labelled: bool = False) -> bool:
    """Most lines hold several names: separators, not line ends, divide them. After a list's
    label ("Signed by:") one separator per line is enough, and a short list will do."""
    content = [line.text for line in lines if not line.blank]
    if not content:
        return False
    counts = [counted_separators(text) for text in content]
    with_separators = sum(1 for c in counts if c)
    if labelled:
        return sum(counts) >= max(2, len(content)) and with_separators >= 0.5 * len(content)
    return sum(counts) >= max(3, 1.5 * len(content)) and with_separators >= 0.5 * len(content)


def pieces_of(lines: list[Line]) -> tuple[list[Piece], list[Cut]]:
    """Cut the text at every place a name could end; cuts[i] lies between pieces i and i+1."""
    pieces: list[Piece] = []
    cuts: list[Cut] = []
    state = {"text": "", "start": 0, "depth": 0}
    pending: list[Cut] = []  # the cut after the last piece, until the next piece starts

    def add(text: str, number: int) -> None:
        if not state["text"].strip() and text.strip():
            state["start"] = number
        state["text"] += text

    def close(end_line: int, cut: Cut) -> None:
        text = state["text"].strip()
        if text:
            if pieces:
                cuts.append(pending.pop() if pending else Cut("line", " "))
            pieces.append(Piece(text, state["start"], end_line))
            pending[:] = [cut]
        elif pending and PRIOR[cut.kind] > PRIOR[pending[0].kind]:
            pending[:] = [Cut(cut.kind, pending[0].printed)]
        state["text"] = ""

    last, blank_before = 0, False
    for line in lines:
        text = clean_line(line.raw)
        if not text:
            blank_before = True
            continue
        if state["text"].strip() and state["depth"] > 0:
            # Inside brackets a line break is only wrapping.
            before = state["text"].rstrip()
            state["text"] = before + ("" if before.endswith("-") else " ")
        elif state["text"].strip():
            before = state["text"].rstrip()
            ended = before.endswith(".") and not ABBREVIATION_RE.search(before)
            kind = ("stop" if ended else "blank") if blank_before else "line"
            hyphen = before.endswith("-") and not before.endswith(" -")
            close(last, Cut(kind, "" if hyphen else " "))
        elif blank_before and pending:
            close(last, Cut("blank", " "))
        blank_before, last, position = False, line.number, 0
        for m in SEPARATOR_RE.finditer(text):
            state["depth"] = max(0, state["depth"] + count_depth(text[position : m.start()]))
            if state["depth"] > 0:
                add(text[position : m.end()], line.number)
            else:
                add(text[position : m.start()], line.number)
                sep = m.group(0)
                kind = "and" if sep.strip().casefold() in {"and", "&"} else "comma"
                if sep.strip() in {";", "；"}:
                    kind = "semicolon"
                # A comma that ends a line is printed with the space the line break stands for.
                close(line.number, Cut(kind, sep.rstrip() + " "))
            position = m.end()
        state["depth"] = max(0, state["depth"] + count_depth(text[position:]))
        add(text[position:], line.number)
    close(last, Cut("stop", ""))
    # Leading "and" after a comma ("B, and C") belongs to the cut, not to the name.
    for i in range(1, len(pieces)):
        if m := re.match(r"(?i)^(?:and|&)\s+", pieces[i].text):
            pieces[i] = Piece(pieces[i].text[m.end() :], pieces[i].line, pieces[i].end_line)
            cuts[i - 1] = Cut(cuts[i - 1].kind, cuts[i - 1].printed + m.group(0))
    # The last "and" before the end of a paragraph is the list's own conjunction.
    for i, cut in enumerate(cuts):
        if cut.kind == "and":
            rest = [c.kind for c in cuts[i + 1 :]]
            upto = rest.index("stop") if "stop" in rest else len(rest)
            if not {"comma", "semicolon", "and"} & set(rest[:upto]):
                cuts[i] = Cut("and-last", cut.printed)
    ends = {len(pieces) - 1} | {i for i, c in enumerate(cuts) if c.kind in {"stop", "blank"}}
    return [trim_stop(p) if i in ends else p for i, p in enumerate(pieces)], cuts


def count_depth(text: str) -> int:
    return sum(text.count(c) for c in "([{【") - sum(text.count(c) for c in ")]}】")


def trim_stop(piece: Piece) -> Piece:
    """A full stop ending a paragraph is not part of the last name (an abbreviation's is)."""
    text = piece.text.rstrip()
    if text.endswith(".") and not ABBREVIATION_RE.search(text):
        text = text[:-1].rstrip()
    return Piece(text, piece.line, piece.end_line)


def joined(pieces: list[Piece], cuts: list[Cut], i: int, j: int) -> str:
    """Pieces i..j-1 as printed: separators kept, wrapped lines joined (tightly after a hyphen)."""
    out = pieces[i].text
    for k in range(i, j - 1):
        out += cuts[k].printed + pieces[k + 1].text
    return out


def read_running_list(lines: list[Line], known: set[str] | None = None) -> list[Piece]:
    """The names of a list in running text, each as printed with its first and last line."""
    pieces, cuts = pieces_of(lines)
    if not pieces:
        return []
    keys = {k for k in (folded_key(n) for n in known or ()) if k}
    choices = sorted(keys)
    cache: dict[str, float] = {}

    def similarity(text: str) -> float:
        if not choices:
            return EVIDENCE_BAR
        key = folded_key(text)
        if key not in cache:
            if key in keys:
                cache[key] = 100.0
            else:
                best = process.extractOne(key, choices, scorer=fuzz.ratio) if key else None
                cache[key] = best[1] if best else 0.0
        return cache[key]

    def value(i: int, j: int) -> float:
        text = joined(pieces, cuts, i, j)
        weight = max(1, len(text.split())) / 3
        evidence = max(-1.5, min(1.0, (similarity(text) - EVIDENCE_BAR) / 20))
        return weight * evidence

    n = len(pieces)
    best = [float("-inf")] * (n + 1)
    back = [0] * (n + 1)
    best[0] = 0.0
    for j in range(1, n + 1):
        for i in range(max(0, j - MAX_PIECES), j):
            if best[i] == float("-inf"):
                continue
            if any(cuts[k].kind == "stop" for k in range(i, j - 1)):
                continue
            score = best[i] + value(i, j) + (PRIOR[cuts[i - 1].kind] if i else 0.0)
            if score > best[j]:
                best[j], back[j] = score, i
    bounds, j = [], n
    while j > 0:
        bounds.append((back[j], j))
        j = back[j]
    names = []
    for i, j in reversed(bounds):
        text = joined(pieces, cuts, i, j).strip()
        if text:
            names.append(Piece(text, pieces[i].line, pieces[j - 1].end_line))
    return names

"""Collation of the copies' bodies: align their words, find the variant readings, vote a reference.

Pure functions on plain strings; nothing here touches the database.

How it works. Each copy's body is split into words (white space of any kind separates words and is
never a reading; a blank line is a paragraph break). One copy is the base (the first given). Every
other copy is aligned word by word against the base with difflib; each place where a copy departs
from the base becomes an edit on a span of base words. Overlapping or touching edits from different
copies are merged into one place, and at each place every copy's reading is read off. The copies
that print the same reading are grouped; the reading most copies share is the reference reading
(ties go to the reading of the copy given first).

What is not a reading: line wrapping and spacing (the bodies arrive with wrapping undone, and words
are compared without their white space), paragraph breaks alone, and a hyphen that only joins a word
broken at the end of a PDF line (see `line_end_hyphen_words`).

What is a reading: any other difference of characters, including "50"/"fifty",
"world-wide"/"worldwide", "organizations"/"organisations" and straight versus curly quotes. The
readers are researchers, for whom the typography of a copy is evidence of how it was made (a copy
retyped or passed through a plain-text tool loses its curly quotes), so quote differences are kept,
but marked `typographic` so that pages can set them apart from differences of wording.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

PARAGRAPH = "\n\n"
QUOTE_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"'})
CONTEXT_WORDS = 5


@dataclass(frozen=True)
class Reading:
    """One way the copies print a place: its text and the copies that print it, in input order."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    """A place where the copies differ; `readings[0]` is the reference (majority) reading."""

    number: int
    readings: tuple[Reading, ...]
    kind: str  # "wording" or "typographic"
    before: str = ""
    after: str = ""

    @property
    def reference(self) -> Reading:
        return self.readings[0]

    def reading_of(self, source: str) -> Reading | None:
        return next((r for r in self.readings if source in r.sources), None)


@dataclass(frozen=True)
class Segment:
    """A stretch of the reference text: words shared by every copy, or one variant place."""

    text: str
    variant: Variant | None = None


@dataclass
class Collation:
    sources: tuple[str, ...]
    segments: list[Segment] = field(default_factory=list)

    @property
    def variants(self) -> list[Variant]:
        return [s.variant for s in self.segments if s.variant is not None]

    @property
    def text(self) -> str:
        """The reference text: at each place, the reading most copies share."""
        return join_words(self.words())

    def words(self) -> list[str]:
        out: list[str] = []
        for segment in self.segments:
            out.extend([PARAGRAPH] if segment.text == PARAGRAPH else tokenize(segment.text))
        return out

    def paragraphs(self) -> list[list[Segment]]:
        """The segments cut at paragraph breaks, for rendering paragraph by paragraph."""
        paragraphs: list[list[Segment]] = [[]]
        for segment in self.segments:
            if segment.variant is not None:
                paragraphs[-1].append(segment)
                continue
            for i, part in enumerate(segment.text.split(PARAGRAPH)):
                if i:
                    paragraphs.append([])
                if part.strip():
                    paragraphs[-1].append(Segment(part))
        return [p for p in paragraphs if p]

    def differences(self, source: str) -> list[tuple[Variant, Reading]]:
        """The places where `source` does not print the reference reading, with what it prints."""
        out = []
        for variant in self.variants:
            reading = variant.reading_of(source)
            if reading is not None and reading is not variant.reference:
                out.append((variant, reading))
        return out


def tokenize(text: str) -> list[str]:
    """Words, with each paragraph break (a blank line) as a token of its own."""
    tokens: list[str] = []
    for i, paragraph in enumerate(re.split(r"\n[ \t]*\n\s*", text.strip())):
        words = paragraph.split()
        if not words:
            continue
        if i and tokens:
            tokens.append(PARAGRAPH)
        tokens.extend(words)
    return tokens


def join_words(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        if token == PARAGRAPH:
            out = out.rstrip(" ") + PARAGRAPH
        elif out and not out.endswith(PARAGRAPH):
            out += " " + token
        else:
            out += token
    return out.strip()


def line_end_hyphen_words(raw: str) -> set[str]:
    """Words that a line-end hyphen joins in a raw text: 'govern-' + 'ment' gives 'govern-ment'.

    Blank lines between the two halves are allowed (PDF extraction). The words come back as the
    parser joins them, hyphen kept, with surrounding punctuation stripped."""
    found = set()
    pattern = re.compile(r"(\w+)-[ \t]*\n(?:[ \t]*\n)*[ \t]*(\w+)")
    for m in pattern.finditer(raw):
        found.add(f"{m.group(1)}-{m.group(2)}")
    return found


def soften_line_end_hyphens(tokens: list[str], hyphenated: set[str], vocabulary: set[str]) -> list:
    """Undo a line-end hyphen when the other copies print the word without it.

    'govern-ment' becomes 'government' when 'government' is a word of another copy; a real compound
    such as 'government-backed' is kept, since no copy prints 'governmentbacked'."""
    if not hyphenated:
        return tokens
    out = []
    for token in tokens:
        core = token.strip(".,;:!?\"'“”‘’()[]")
        if core in hyphenated:
            joined = core.replace("-", "", 1)
            if any(joined == w.strip(".,;:!?\"'“”‘’()[]") for w in vocabulary):
                token = token.replace(core, joined, 1)
        out.append(token)
    return out


def content_key(tokens: list[str]) -> str:
    """What a reading says, ignoring paragraph breaks and spacing."""
    return " ".join(t for t in tokens if t != PARAGRAPH)


def typographic_key(text: str) -> str:
    return text.translate(QUOTE_FOLD)


def edits_against(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    """(i1, i2, replacement) edits that turn base[i1:i2] into the other copy's words."""
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [
        (i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def merge_places(edit_lists: list[list[tuple[int, int, list[str]]]]) -> list[tuple[int, int]]:
    """Union of the base spans touched by any copy's edits; an insertion is an empty span.

    Spans that overlap or touch become one place, so that every copy's edits fall wholly inside
    exactly one place."""
    spans = sorted((i1, i2) for edits in edit_lists for i1, i2, _ in edits)
    places: list[list[int]] = []
    for i1, i2 in spans:
        if places and i1 <= places[-1][1]:
            places[-1][1] = max(places[-1][1], i2)
        else:
            places.append([i1, i2])
    return [(a, b) for a, b in places]


def reading_at(base: list[str], edits: list[tuple[int, int, list[str]]], a: int, b: int) -> list:
    """The words a copy prints where the base has base[a:b], given the copy's edits."""
    out: list[str] = []
    i = a
    for i1, i2, replacement in edits:
        if a <= i1 and i2 <= b:
            out.extend(base[i:i1])
            out.extend(replacement)
            i = i2
    out.extend(base[i:b])
    return out


def collate(witnesses: list[tuple[str, str]], *, hyphenated: dict | None = None) -> Collation:
    """Collate (source slug, body) pairs; the first is the base, ties go to the earlier copy.

    `hyphenated` maps a slug to the words its raw text joins at a line-end hyphen
    (`line_end_hyphen_words`), so those hyphens are not taken for readings."""
    witnesses = [(slug, body) for slug, body in witnesses if body and body.strip()]
    collation = Collation(sources=tuple(slug for slug, _ in witnesses))
    if not witnesses:
        return collation
    hyphenated = hyphenated or {}
    tokens = {slug: tokenize(body) for slug, body in witnesses}
    for slug in tokens:
        vocabulary = {w for other, words in tokens.items() if other != slug for w in words}
        tokens[slug] = soften_line_end_hyphens(
            tokens[slug], hyphenated.get(slug, set()), vocabulary
        )

    base_slug = witnesses[0][0]
    base = tokens[base_slug]
    edits = {slug: edits_against(base, tokens[slug]) for slug, _ in witnesses[1:]}
    edits[base_slug] = []
    order = [slug for slug, _ in witnesses]

    cursor = 0
    number = 0
    pending_common: list[str] = []

    def flush_common():
        if pending_common:
            collation.segments.append(Segment(join_words(pending_common)))
            pending_common.clear()

    for a, b in merge_places(list(edits.values())):
        pending_common.extend(base[cursor:a])
        cursor = b
        readings = {slug: reading_at(base, edits[slug], a, b) for slug in order}
        by_text: dict[str, list[str]] = {}
        words_of: dict[str, list[str]] = {}
        for slug in order:
            key = content_key(readings[slug])
            by_text.setdefault(key, []).append(slug)
            words_of.setdefault(key, readings[slug])
        counts = Counter({key: len(slugs) for key, slugs in by_text.items()})
        ranked = sorted(by_text, key=lambda k: (-counts[k], order.index(by_text[k][0])))
        reference_words = majority_layout(readings, order, ranked[0])
        if len(ranked) == 1:
            # Only paragraphing or spacing differs: not a reading.
            pending_common.extend(reference_words)
            continue
        flush_common()
        number += 1
        kind = "typographic" if len({typographic_key(k) for k in ranked}) == 1 else "wording"
        variant = Variant(
            number=number,
            readings=tuple(Reading(key, tuple(by_text[key])) for key in ranked),
            kind=kind,
        )  # its context is read off the reference text once every place is known
        # A paragraph break at the edge of a variant place stays with the text around it.
        lead = reference_words[:1] == [PARAGRAPH]
        trail = reference_words[-1:] == [PARAGRAPH] and len(reference_words) > 1
        inner = reference_words[int(lead) : len(reference_words) - int(trail)]
        if lead:
            collation.segments.append(Segment(PARAGRAPH))
        collation.segments.append(Segment(join_words(inner), variant))
        if trail:
            collation.segments.append(Segment(PARAGRAPH))
    pending_common.extend(base[cursor:])
    flush_common()
    collation.segments = quote_reference_context(collation.segments)
    return collation


def quote_reference_context(segments: list[Segment]) -> list[Segment]:
    """Give each variant the words of the reference text around it.

    The places are found against the base copy, but the context a reader sees must be the text
    shown as the reference (where the base prints "worldwide" and most copies "world-wide", the
    context says "world-wide"), so it is read off the reference words on either side."""
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for segment in segments:
        start = len(words)
        words.extend(w for w in tokenize(segment.text) if w != PARAGRAPH)
        spans.append((start, len(words)))
    out = []
    for segment, (start, end) in zip(segments, spans, strict=True):
        if segment.variant is not None:
            segment = Segment(
                segment.text,
                replace(
                    segment.variant,
                    before=" ".join(words[max(0, start - CONTEXT_WORDS) : start]),
                    after=" ".join(words[end : end + CONTEXT_WORDS]),
                ),
            )
        out.append(segment)
    return out


def majority_layout(readings: dict[str, list[str]], order: list[str], key: str) -> list[str]:
    """The words of the reference reading with the paragraphing most of its copies give it."""
    layouts = [tuple(readings[slug]) for slug in order if content_key(readings[slug]) == key]
    if not layouts:
        return []
    counts = Counter(layouts)
    return list(max(layouts, key=lambda layout: (counts[layout], -layouts.index(layout))))


def compare(a: tuple[str, str], b: tuple[str, str]) -> Collation:
    """Two copies side by side: a collation of just those two, `a` as the base."""
    return collate([a, b])

"""Where a query matched inside a name, found through the same folding as the search itself."""

from __future__ import annotations

import functools
import re
import unicodedata

from anyascii import anyascii

from names.folding import APOSTROPHE_CHARS
from search.keys import QueryForms

# A word as `search.keys.initialisms` counts them: letters and digits, apostrophes inside it.
WORD_RE = re.compile(rf"[^\W_]+(?:[{APOSTROPHE_CHARS}][^\W_]+)*")


@functools.lru_cache(maxsize=8192)
def folded_chars(text: str) -> tuple[str, tuple[int, ...]]:
    """The text's letters and digits folded to lower-case ASCII, and for each the index of the
    character of `text` it comes from ("Ač" -> ("ac", (0, 1))). Remembered: a page of results
    highlights the same names again and again, and this is a pure function of the text."""
    letters: list[str] = []
    owners: list[int] = []
    for index, char in enumerate(text):
        for folded in anyascii(unicodedata.normalize("NFKC", char)).casefold():
            if folded.isascii() and folded.isalnum():
                letters.append(folded)
                owners.append(index)
    return "".join(letters), tuple(owners)


def occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], haystack.find(needle)
    while needle and start != -1:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def initial_spans(text: str, letters: str) -> list[tuple[int, int]]:
    """The first letters of the words of `text` whose initials `letters` are: of consecutive words,
    else of consecutive capitalised words ("icj" marks I, C and J of "International Commission
    of Jurists")."""
    firsts = [(m.start(), m.group(0)[0]) for m in WORD_RE.finditer(text)]
    words = [(start, char, folded_chars(char)[0][:1]) for start, char in firsts]
    words = [word for word in words if word[2]]  # a first letter that folds to nothing
    capitalised = [word for word in words if not word[1].islower()]
    for chosen in (words, capitalised):
        spans = occurrences("".join(initial for _, _, initial in chosen), letters)
        if spans:
            return [
                (chosen[i][0], chosen[i][0] + 1) for start, end in spans for i in range(start, end)
            ]
    return []


@functools.lru_cache(maxsize=256)
def parsed(query: str) -> QueryForms:
    """`QueryForms.parse`, once per query for a page whose every row is highlighted."""
    return QueryForms.parse(query)


def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of `text` that match `query`, ignoring accents, case, script,
    punctuation and spaces: "accion" marks "Acción", "chrd" marks "CHRD", "台灣" marks "台灣".

    The whole query is looked for first; when it is not there, each word of two or more letters,
    or for a query that may be initials (see `QueryForms.initialism`), the words they stand for.
    """
    forms = parsed(query)
    if not forms:
        return []
    folded, owners = folded_chars(text)
    found = occurrences(folded, forms.compact)
    if not found and forms.initialism:
        return merge(initial_spans(text, forms.initialism))
    if not found and len(forms.words) > 1:
        for word in forms.words:
            if len(word) >= 2:
                found.extend(occurrences(folded, word))
    spans = []
    for start, end in found:
        first, last = owners[start], owners[end - 1] + 1
        while last < len(text) and unicodedata.combining(text[last]):
            last += 1  # keep an accent written as a separate mark with its letter
        spans.append((first, last))
    return merge(spans)

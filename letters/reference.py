"""The letter as the copies attest it: the collated body, the closing, the signature counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from letters.collation import Collation, collate, line_end_hyphen_words
from letters.models import SourceKind, SourceVersion


@lru_cache(maxsize=32)
def cached_collation(witnesses: tuple[tuple[str, str], ...], hyphenated: tuple) -> Collation:
    return collate(list(witnesses), hyphenated=dict(hyphenated))


def letter_collation(sources: list[SourceVersion]) -> Collation:
    """The collation of every source that prints the body, in letter.toml order."""
    witnesses = tuple((s.slug, s.body) for s in sources if s.body.strip())
    hyphenated = tuple(
        (s.slug, hyphenated_words(s))
        for s in sources
        if s.kind == SourceKind.PDF_TEXT and s.body.strip()
    )
    return cached_collation(witnesses, hyphenated)


def hyphenated_words(source: SourceVersion) -> frozenset[str]:
    """The words a line-end hyphen splits in a PDF copy's text (see `line_end_hyphen_words`)."""
    if "text" in source.get_deferred_fields():
        # Pages load sources without their (long) text: read it once per file, not per page.
        return stored_hyphenated_words(source.pk, source.sha256)
    return frozenset(line_end_hyphen_words(source.text))


@lru_cache(maxsize=64)
def stored_hyphenated_words(pk: int, sha256: str) -> frozenset[str]:
    """Remembered by the file's identity: its text is read from its bytes, which sha256 names."""
    text = SourceVersion.objects.values_list("text", flat=True).get(pk=pk, sha256=sha256)
    return frozenset(line_end_hyphen_words(text))


def majority(values: list[str]) -> str:
    """The value most sources give (ties to the first), '' when none gives one."""
    values = [v for v in values if v]
    if not values:
        return ""
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


@dataclass(frozen=True)
class SignatureCount:
    """What the copies claim about the number of signatories and what each one lists."""

    claimed_total: int | None
    claimed_anonymous: int | None
    claimed_named: int | None
    claims_agree: bool
    listed: list[tuple[SourceVersion, int, int | None]]  # source, entries, claimed - entries
    distinct: int
    in_every_list: int


def signature_count(
    sources: list[SourceVersion],
    *,
    distinct: int,
    in_every_list: int,
    entry_counts: Mapping[int, int] | None = None,
) -> SignatureCount:
    """Each source's entries are `entry_counts[source.pk]`, else its `entry_count` annotation."""
    with_lists = [s for s in sources if s.has_list]
    entries = {
        s.pk: s.entry_count if entry_counts is None else entry_counts.get(s.pk, 0)
        for s in with_lists
    }
    claims = {(s.claimed_total, s.claimed_anonymous) for s in with_lists if s.claimed_total}
    total, anonymous = next(iter(claims)) if len(claims) == 1 else (None, None)
    if len(claims) > 1:
        total, anonymous = Counter(
            (s.claimed_total, s.claimed_anonymous) for s in with_lists if s.claimed_total
        ).most_common(1)[0][0]
    return SignatureCount(
        claimed_total=total,
        claimed_anonymous=anonymous,
        claimed_named=(total - anonymous) if total is not None and anonymous is not None else None,
        claims_agree=len(claims) <= 1,
        listed=[
            (s, entries[s.pk], None if s.claimed_named is None else s.claimed_named - entries[s.pk])
            for s in with_lists
        ],
        distinct=distinct,
        in_every_list=in_every_list,
    )

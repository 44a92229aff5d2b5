"""What the lists' numbers do not say: which names a copy lists alone or leaves out, and which
signatory a gap in a copy's numbering leaves out.

Two copies can list the same number of names and not the same names: a copy that adds names no
other copy lists while leaving out one that every other copy lists reaches its count by a
substitution. And a skipped number in a numbered list is a name left out at that place: the
other copies say which, by what they list between the same neighbours.

The pure functions take plain ids; the loaders read the database in a fixed number of queries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q

from signatories.models import ListEntry, Signatory


@dataclass(frozen=True)
class Named:
    pk: int
    name: str
    slug: str

    def get_absolute_url(self) -> str:
        return Signatory(slug=self.slug).get_absolute_url()


@dataclass
class ListDifference:
    """How one copy's list differs from all the others together."""

    source_id: int
    only_here: list = field(default_factory=list)  # listed by this copy and no other
    left_out: list = field(default_factory=list)  # listed by every other copy, not this one

    @property
    def substitution(self) -> bool:
        return bool(self.only_here and self.left_out)


def list_differences(
    memberships: dict[int, set[int]], source_ids: list[int]
) -> dict[int, ListDifference]:
    """Per source id, the signatories only it lists and those only it lacks.

    `memberships` maps a signatory id to the ids of the sources listing it (signatories listed by
    every source may be left out: they change nothing here)."""
    differences = {sid: ListDifference(sid) for sid in source_ids}
    every = set(source_ids)
    if len(every) < 2:
        return differences
    for signatory_id, listed in sorted(memberships.items()):
        listed = listed & every
        if len(listed) == 1:
            differences[next(iter(listed))].only_here.append(signatory_id)
        elif len(listed) == len(every) - 1:
            differences[next(iter(every - listed))].left_out.append(signatory_id)
    return differences


def lists_per_signatory(list_sources):
    """Rows of `signatory_id` and `lists`: how many of `list_sources` list that signatory (only
    signatories some of them list). Grouping the entries once costs less than asking, for each
    signatory, whether some list lacks it (`listed_everywhere`), and says the same."""
    return (
        ListEntry.objects.filter(source_id__in=[s.pk for s in list_sources])
        .order_by()
        .values("signatory_id")
        .annotate(lists=Count("source_id", distinct=True))
    )


@dataclass
class ListMemberships:
    """Which lists name each signatory, from one read of the lists' entries."""

    listed: dict[int, set[int]]  # signatory id -> ids of the sources whose lists name it
    entries: Counter  # source id -> how many entries its list has


def list_memberships(list_sources) -> ListMemberships:
    """The memberships of every signatory the `list_sources` list, and each list's entries, in
    one query: what `count_in_every_list`, `differences_by_source` and a page's count of each
    list's entries all start from."""
    rows = ListEntry.objects.filter(source_id__in=[s.pk for s in list_sources]).order_by()
    listed: dict[int, set[int]] = {}
    entries: Counter = Counter()
    for signatory_id, source_id in rows.values_list("signatory_id", "source_id"):
        listed.setdefault(signatory_id, set()).add(source_id)
        entries[source_id] += 1
    return ListMemberships(listed, entries)


def count_in_every_list(letter, list_sources, memberships: ListMemberships | None = None) -> int:
    """`letter.signatories.in_every_list().count()`, where `list_sources` are the letter's
    sources with a list, in one cheaper query (none when `memberships` are given)."""
    if not list_sources:
        return letter.signatories.count()
    if memberships is not None:
        return sum(1 for ids in memberships.listed.values() if len(ids) == len(list_sources))
    return lists_per_signatory(list_sources).filter(lists=len(list_sources)).count()


def partial_memberships(
    letter, list_sources, memberships: ListMemberships | None = None
) -> tuple[dict[int, set[int]], dict[int, Named]]:
    """Memberships and names of the signatories missing from some list, in one query (one
    listed by no list at all changes no list's differences, and is left out); with the
    `memberships` already read, only their names are asked."""
    if memberships is not None:
        partial = {
            signatory_id: ids
            for signatory_id, ids in memberships.listed.items()
            if len(ids) < len(list_sources)
        }
        rows = Signatory.objects.filter(pk__in=list(partial)).order_by()
        names = {
            pk: Named(pk, name, slug) for pk, name, slug in rows.values_list("pk", "name", "slug")
        }
        return partial, names
    partial = lists_per_signatory(list_sources).filter(lists__lt=len(list_sources))
    rows = ListEntry.objects.filter(
        signatory__in=partial.values("signatory_id"), source_id__in=[s.pk for s in list_sources]
    ).order_by()
    rows = rows.values_list("signatory_id", "source_id", "signatory__name", "signatory__slug")
    found: dict[int, set[int]] = {}
    names: dict[int, Named] = {}
    for signatory_id, source_id, name, slug in rows:
        found.setdefault(signatory_id, set()).add(source_id)
        names[signatory_id] = Named(signatory_id, name, slug)
    return found, names


def differences_by_source(
    letter, list_sources, memberships: ListMemberships | None = None
) -> dict[int, ListDifference]:
    """`list_differences` with signatories in place of ids, sorted as the directory sorts."""
    listed, names = partial_memberships(letter, list_sources, memberships)
    differences = list_differences(listed, [s.pk for s in list_sources])
    for difference in differences.values():
        difference.only_here = [names[i] for i in difference.only_here]
        difference.left_out = [names[i] for i in difference.left_out]
    return differences


@dataclass(frozen=True)
class Gap:
    """Numbers skipped between two entries of one copy's numbered list."""

    before: tuple[int, int | None, int]  # (ordinal, number, signatory id) of the entry before
    after: tuple[int, int | None, int]  # the entry after
    numbers: tuple[int, ...]
    left_out: tuple = ()  # signatories the other copies list at that place and this copy lacks

    @property
    def first_number(self) -> int:
        return self.numbers[0]


def numbering_gaps(entries: list[tuple[int, int | None, int]]) -> list[Gap]:
    """Gaps in (ordinal, number, signatory id) entries: a number more than one past the last.

    A restart at 1 is not a gap (a copy printing two lists)."""
    gaps = []
    numbered = sorted(e for e in entries if e[1] is not None)
    for before, after in zip(numbered, numbered[1:], strict=False):
        if after[1] > before[1] + 1:
            gaps.append(Gap(before, after, tuple(range(before[1] + 1, after[1]))))
    return gaps


def left_out_at(
    gap: Gap, others: dict[int, list[tuple[int, int]]], listed_here: set[int]
) -> list[int]:
    """The signatories the other copies list between the gap's two neighbours and this copy does
    not list at all. `others` maps a source id to its (ordinal, signatory id) entries."""
    found: list[int] = []
    for entries in others.values():
        ordinals = {signatory: ordinal for ordinal, signatory in entries}
        lo, hi = ordinals.get(gap.before[2]), ordinals.get(gap.after[2])
        if lo is None or hi is None or hi <= lo:
            continue
        for ordinal, signatory in sorted(entries):
            if lo < ordinal < hi and signatory not in listed_here and signatory not in found:
                found.append(signatory)
    return found


def gaps_of_source(source, entries) -> list[Gap]:
    """The numbering gaps of `source`, given its entries, each with the signatories it leaves
    out; at most two queries, and none for a list without gaps."""
    gaps = numbering_gaps([(e.ordinal, e.number, e.signatory_id) for e in entries])
    if not gaps:
        return []
    neighbours = {g.before[2] for g in gaps} | {g.after[2] for g in gaps}
    around = ListEntry.objects.filter(
        source__letter_id=source.letter_id, signatory_id__in=neighbours
    ).exclude(source=source)
    places: dict[int, dict[int, int]] = {}
    for source_id, ordinal, signatory_id in around.values_list(
        "source_id", "ordinal", "signatory_id"
    ):
        places.setdefault(source_id, {})[signatory_id] = ordinal
    spans = Q()
    for source_id, ordinals in places.items():
        for gap in gaps:
            lo, hi = ordinals.get(gap.before[2]), ordinals.get(gap.after[2])
            if lo is not None and hi is not None and hi > lo + 1:
                spans |= Q(source_id=source_id, ordinal__gte=lo, ordinal__lte=hi)
    if not spans:
        return gaps
    others: dict[int, list[tuple[int, int]]] = {}
    names: dict[int, Named] = {}
    rows = ListEntry.objects.filter(spans).values_list(
        "source_id", "ordinal", "signatory_id", "signatory__name", "signatory__slug"
    )
    for source_id, ordinal, signatory_id, name, slug in rows:
        others.setdefault(source_id, []).append((ordinal, signatory_id))
        names[signatory_id] = Named(signatory_id, name, slug)
    here = {e.signatory_id for e in entries}
    return [
        Gap(g.before, g.after, g.numbers, tuple(names[i] for i in left_out_at(g, others, here)))
        for g in gaps
    ]


def gaps_by_source(letter, list_sources) -> dict[int, list[Gap]]:
    """Every list's numbering gaps, with the ids of the signatories each leaves out, from one
    query over the letter's entries (for pages that show every list at once)."""
    ids = [s.pk for s in list_sources]
    entries: dict[int, list[tuple[int, int | None, int]]] = {sid: [] for sid in ids}
    for source_id, ordinal, number, signatory_id in ListEntry.objects.filter(
        source_id__in=ids
    ).values_list("source_id", "ordinal", "number", "signatory_id"):
        entries[source_id].append((ordinal, number, signatory_id))
    found = {}
    for sid, own in entries.items():
        gaps = numbering_gaps(own)
        if not gaps:
            continue
        others = {o: [(e[0], e[2]) for e in rows] for o, rows in entries.items() if o != sid}
        here = {e[2] for e in own}
        found[sid] = [
            Gap(g.before, g.after, g.numbers, tuple(left_out_at(g, others, here))) for g in gaps
        ]
    return found

"""Pure reconciliation: attach each entry of one source's list to a signatory, or to a new one.

A source's entries are matched against clusters (the signatories known so far, each with the
readings other sources printed for it) through the key chain of `names.keys`, strict to lax,
then by fuzzy similarity (rapidfuzz). The order the lists share is evidence: a fuzzy candidate that
sits between the clusters matched by an entry's neighbours needs a lower score. One source never puts
two of its entries into one cluster.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from names.folding import folded_key
from names.keys import KEY_CHAIN

FUZZY_THRESHOLD = 88.0
FUZZY_WITH_ORDER_THRESHOLD = 75.0
ORDER_WINDOW = 3


@dataclass(frozen=True)
class Reading:
    source: str
    ordinal: int
    text: str


@dataclass
class Cluster:
    """A signatory as the matcher sees it: an id and the readings already attached to it."""

    id: Hashable
    readings: list[Reading] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [r.text for r in self.readings] + list(self.aliases)


@dataclass(frozen=True)
class Match:
    entry: Reading
    cluster: Hashable | None  # None: no existing signatory; the caller creates one
    method: str
    score: float


def match_source(entries: list[Reading], clusters: list[Cluster]) -> list[Match]:
    """Match one source's entries (in list order) to clusters; unmatched entries get cluster=None."""
    sources = {e.source for e in entries}
    if len(sources) > 1:
        raise ValueError("match_source takes the entries of one source")
    source = next(iter(sources), None)
    available = {c.id: c for c in clusters if all(r.source != source for r in c.readings)}
    result: dict[int, Match] = {}

    for method, key in KEY_CHAIN:
        index: dict[str, list[Hashable]] = defaultdict(list)
        for cluster in available.values():
            for k in {key(t) for t in cluster.texts()}:
                if k:
                    index[k].append(cluster.id)
        for entry in entries:
            if entry.ordinal in result:
                continue
            k = key(entry.text)
            candidates = [cid for cid in index.get(k, []) if cid in available]
            if not k or not candidates:
                continue
            chosen = candidates[0]
            if len(candidates) > 1:
                chosen = min(candidates, key=lambda cid: order_distance(entry, available[cid]))
            result[entry.ordinal] = Match(entry, chosen, method, 100.0)
            del available[chosen]

    fuzzy_pass(entries, available, result, clusters)

    return [
        result.get(e.ordinal) or Match(e, None, "new", 0.0)
        for e in sorted(entries, key=lambda e: e.ordinal)
    ]


def order_distance(entry: Reading, cluster: Cluster) -> int:
    if not cluster.readings:
        return 10**9
    return min(abs(r.ordinal - entry.ordinal) for r in cluster.readings)


def fuzzy_pass(
    entries: list[Reading],
    available: dict[Hashable, Cluster],
    result: dict[int, Match],
    clusters: list[Cluster],
) -> None:
    """Greedy one-to-one assignment of the best fuzzy pairs, order evidence lowering the bar."""
    if not available:
        return
    positions = cluster_positions(clusters)
    by_ordinal = {e.ordinal: e for e in entries}
    folded_clusters = {cid: {folded_key(t) for t in c.texts()} for cid, c in available.items()}
    pairs: list[tuple[float, int, Hashable, bool]] = []
    for entry in entries:
        if entry.ordinal in result:
            continue
        key = folded_key(entry.text)
        if not key:
            continue
        for cid, keys in folded_clusters.items():
            score = (
                max(max(fuzz.ratio(key, k), fuzz.token_sort_ratio(key, k)) for k in keys if k)
                if any(keys)
                else 0.0
            )
            if score < FUZZY_WITH_ORDER_THRESHOLD:
                continue
            supported = order_supports(entry, cid, result, positions)
            if score >= FUZZY_THRESHOLD or supported:
                pairs.append((score + (5 if supported else 0), entry.ordinal, cid, supported))
    pairs.sort(key=lambda p: (-p[0], p[1]))
    taken: set[Hashable] = set()
    for score, ordinal, cid, supported in pairs:
        if ordinal in result or cid in taken:
            continue
        taken.add(cid)
        real = score - (5 if supported else 0)
        method = "fuzzy+order" if supported and real < FUZZY_THRESHOLD else "fuzzy"
        result[ordinal] = Match(by_ordinal[ordinal], cid, method, round(real, 1))
    for cid in taken:
        available.pop(cid, None)


def cluster_positions(clusters: list[Cluster]) -> dict[Hashable, dict[str, int]]:
    return {c.id: {r.source: r.ordinal for r in c.readings} for c in clusters}


def order_supports(
    entry: Reading,
    cid: Hashable,
    result: dict[int, Match],
    positions: dict[Hashable, dict[str, int]],
) -> bool:
    """True when, in some other source, the candidate sits between the clusters that this entry's
    nearest matched neighbours belong to, within a few places."""
    before = next(
        (
            result[o]
            for o in range(entry.ordinal - 1, entry.ordinal - 1 - ORDER_WINDOW, -1)
            if o in result and result[o].cluster is not None
        ),
        None,
    )
    after = next(
        (
            result[o]
            for o in range(entry.ordinal + 1, entry.ordinal + 1 + ORDER_WINDOW)
            if o in result and result[o].cluster is not None
        ),
        None,
    )
    if before is None or after is None:
        return False
    here = positions.get(cid, {})
    for source, pos in here.items():
        lo = positions.get(before.cluster, {}).get(source)
        hi = positions.get(after.cluster, {}).get(source)
        if lo is not None and hi is not None and lo < pos < hi and hi - lo <= 2 * ORDER_WINDOW:
            return True
    return False

"""Pure reconciliation: attach each entry of one source's list to a signatory, or to a new one.

A source's entries are matched against clusters (the signatories known so far, each with the
readings other sources printed for it) through the key chain of `names.keys`, strict to lax,
then by fuzzy similarity (rapidfuzz). The order the lists share is evidence: a fuzzy candidate that
sits between the clusters matched by an entry's neighbours needs a lower score. One source never puts
two of its entries into one cluster.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from names.folding import folded_key
from names.keys import KEY_CHAIN, normalized_key

FUZZY_THRESHOLD = 88.0
FUZZY_WITH_ORDER_THRESHOLD = 75.0
ORDER_WINDOW = 3
# The uncertain round: an entry joins its best remaining candidate when it scores at least this,
# leads every rival (its second best, the candidate's other suitors) by the margin, and differs
# from it by no more than a typo would: one edit, and one more per TYPO_LENGTH characters.
UNCERTAIN_THRESHOLD = 60.0
UNCERTAIN_MARGIN = 10.0
TYPO_LENGTH = 8
MAX_TYPOS = 4
# ... or is printed with a short note after it (see `annotated_form`).
TAIL_RE = re.compile(r"^(?:\s*\([^()]+\)|\s*\[[^\[\]]+\]|\s*[-/,]\s*[^\W\d_][^()\[\]]*)$")
MAX_TAIL_WORDS = 5


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


def fuzzy_scores(
    entries: list[Reading], available: dict[Hashable, Cluster]
) -> dict[int, dict[Hashable, float]]:
    """Similarity of each entry to each available cluster: the best, over the cluster's texts, of
    the character ratio and the ratio of the words sorted (another word order), on folded keys."""
    keys = {e.ordinal: folded_key(e.text) for e in entries}
    keys = {ordinal: key for ordinal, key in keys.items() if key}
    owners, texts = [], []
    for cid, cluster in available.items():
        for key in {folded_key(t) for t in cluster.texts()}:
            if key:
                owners.append(cid)
                texts.append(key)
    if not keys or not texts:
        return {}
    # Scores under this cannot decide anything: below both rounds' bars, and too low to be a
    # rival within the margin of a pair above UNCERTAIN_THRESHOLD.
    cutoff = min(FUZZY_WITH_ORDER_THRESHOLD, UNCERTAIN_THRESHOLD) - UNCERTAIN_MARGIN
    scores: dict[int, dict[Hashable, float]] = {}
    for ordinal, key in keys.items():
        best: dict[Hashable, float] = {}
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
            for _, score, index in process.extract(
                key, texts, scorer=scorer, score_cutoff=cutoff, limit=None
            ):
                cid = owners[index]
                if score > best.get(cid, -1.0):
                    best[cid] = score
        scores[ordinal] = best
    return scores


def fuzzy_pass(
    entries: list[Reading],
    available: dict[Hashable, Cluster],
    result: dict[int, Match],
    clusters: list[Cluster],
) -> None:
    """One-to-one assignment of similar pairs, in two rounds.

    Confident: the best pairs above FUZZY_THRESHOLD, or above FUZZY_WITH_ORDER_THRESHOLD where
    the order of the lists supports them, greedily. Uncertain: among what is left, an entry and a
    cluster that are each other's best candidate, above UNCERTAIN_THRESHOLD, clearly ahead of
    the second best on both sides (UNCERTAIN_MARGIN), and a few typos apart (`typo_apart`): a
    short name mistyped scores low but is still that name, while a shortened or another name is
    more edits away. Order evidence may help; its absence only sends a pair to the second round,
    and what neither round pairs becomes a new signatory.
    """
    if not available:
        return
    positions = cluster_positions(clusters)
    by_ordinal = {e.ordinal: e for e in entries}
    pending = [e for e in entries if e.ordinal not in result]
    scores = fuzzy_scores(pending, available)
    pairs: list[tuple[float, int, Hashable, bool]] = []
    for ordinal, row in scores.items():
        for cid, score in row.items():
            if score < FUZZY_WITH_ORDER_THRESHOLD:
                continue
            supported = order_supports(by_ordinal[ordinal], cid, result, positions)
            if score >= FUZZY_THRESHOLD or supported:
                pairs.append((score + (5 if supported else 0), ordinal, cid, supported))
    pairs.sort(key=lambda p: (-p[0], p[1]))
    taken: set[Hashable] = set()
    for score, ordinal, cid, supported in pairs:
        if ordinal in result or cid in taken:
            continue
        taken.add(cid)
        real = score - (5 if supported else 0)
        method = "fuzzy+order" if supported and real < FUZZY_THRESHOLD else "fuzzy"
        result[ordinal] = Match(by_ordinal[ordinal], cid, method, round(real, 1))
    texts = {cid: available[cid].texts() for cid in available}
    uncertain_pass(scores, by_ordinal, taken, result, texts)
    for cid in taken:
        available.pop(cid, None)


def uncertain_pass(
    scores: dict[int, dict[Hashable, float]],
    by_ordinal: dict[int, Reading],
    taken: set[Hashable],
    result: dict[int, Match],
    texts: dict[Hashable, list[str]],
) -> None:
    """Mutual best pairs, a few typos apart, among what the confident round left."""
    while True:
        left = {
            o: {cid: s for cid, s in row.items() if cid not in taken}
            for o, row in scores.items()
            if o not in result
        }
        by_cluster: dict[Hashable, list[tuple[float, int]]] = defaultdict(list)
        for ordinal, row in left.items():
            for cid, score in row.items():
                by_cluster[cid].append((score, ordinal))
        accepted = []
        for ordinal, row in left.items():
            ranked = sorted(row.values(), reverse=True)
            if not ranked or ranked[0] < UNCERTAIN_THRESHOLD:
                continue
            cid = max(row, key=row.get)
            rivals = sorted((s for s, o in by_cluster[cid] if o != ordinal), reverse=True)
            second = max(ranked[1] if len(ranked) > 1 else 0.0, rivals[0] if rivals else 0.0)
            entry_text = by_ordinal[ordinal].text
            if ranked[0] - second >= UNCERTAIN_MARGIN and any(
                typo_apart(entry_text, text) or annotated_form(entry_text, text)
                for text in texts[cid]
            ):
                accepted.append((ranked[0], ordinal, cid))
        if not accepted:
            return
        for score, ordinal, cid in sorted(accepted, key=lambda a: (-a[0], a[1])):
            if cid in taken or ordinal in result:
                continue
            taken.add(cid)
            result[ordinal] = Match(by_ordinal[ordinal], cid, "fuzzy", round(score, 1))


def typo_apart(a: str, b: str) -> bool:
    """Whether two names differ by no more than typos: few edits (a swap of two letters counts
    once) for their length, in the words as printed or sorted."""
    x, y = folded_key(a), folded_key(b)
    if not x or not y:
        return False
    budget = min(MAX_TYPOS, 1 + min(len(x), len(y)) // TYPO_LENGTH)
    if OSA.distance(x, y, score_cutoff=budget) <= budget:
        return True
    xs, ys = " ".join(sorted(x.split())), " ".join(sorted(y.split()))
    return OSA.distance(xs, ys, score_cutoff=budget) <= budget


def annotated_form(entry: str, name: str) -> bool:
    """Whether the entry is the name with a short note printed after it, in brackets or after a
    dash or a comma ("Tibet Justice Center, Oakland"): a place the gazetteer does not know."""
    e, n = normalized_key(entry), normalized_key(name)
    if len(n) < 4 or not e.startswith(n) or e == n:
        return False
    tail = TAIL_RE.match(e[len(n) :])
    return tail is not None and len(tail.group(0).split()) <= MAX_TAIL_WORDS


def is_doubtful(method: str, score: float, *, first_list: bool) -> bool:
    """A match a curator should look at: a fuzzy one below the confident score, one that needed
    order evidence, or a new signatory that a copy other than the first list brought."""
    return (
        (method == "fuzzy" and score < FUZZY_THRESHOLD)
        or method == "fuzzy+order"
        or (method == "new" and not first_list)
    )


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

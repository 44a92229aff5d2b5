"""The review queue: doubtful matches after a load, grouped by signatory, with candidates.

Which matches are doubtful is `ListEntry.objects.awaiting_review` (a fuzzy match below the
threshold, a match that needed order evidence, a signatory first named by a copy other than the
first, an importer's method not recorded). Each group shows every copy's reading of the signatory
with its neighbours in that list, and for each doubtful entry the signatories it might belong to,
found by several methods: similar text, the same place in another list, initials, and the near
misses of an entry the importer made a new signatory of. A curator confirms, moves or splits
through `curation.services`; a decided entry is pinned and leaves the queue.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from letters.models import Letter, SourceVersion
from names.folding import folded_key
from search.keys import initialisms
from signatories.models import CONFIDENT_SCORE, ListEntry, MatchMethod, Signatory

MAX_CANDIDATES = 4
SIMILAR_TEXT_FLOOR = 60.0
ORDER_WINDOW = 2


@dataclass
class Candidate:
    signatory: Signatory
    how: list[str] = field(default_factory=list)
    score: float = 0.0


@dataclass
class Doubt:
    entry: ListEntry
    why: str
    candidates: list[Candidate]


@dataclass
class Reading:
    """One copy's entry for the signatory, between its neighbours in that list."""

    source: SourceVersion
    previous: ListEntry | None
    entry: ListEntry
    next: ListEntry | None


@dataclass
class ReviewGroup:
    signatory: Signatory
    doubts: list[Doubt]
    readings: list[Reading]


def why_doubtful(entry: ListEntry, threshold: float) -> str:
    if entry.match_method == MatchMethod.FUZZY:
        return f"similar text, {entry.match_score:.1f} (below {threshold:g})"
    if entry.match_method == MatchMethod.FUZZY_ORDER:
        return f"similar text, {entry.match_score:.1f}, accepted only because of its place"
    if entry.match_method == MatchMethod.NEW:
        return "a new signatory, first named by a copy other than the first list"
    return "the importer's method was not recorded (pinned before evidence was kept)"


class Index:
    """Every entry, name and initialism of a letter, read once for all the queue's candidates."""

    def __init__(self, letter: Letter):
        self.sources = list(SourceVersion.objects.with_lists().filter(letter=letter))
        entries = ListEntry.objects.filter(source__letter=letter).select_related("source")
        self.lists: dict[int, dict[int, ListEntry]] = defaultdict(dict)
        self.of_signatory: dict[int, list[ListEntry]] = defaultdict(list)
        for entry in entries.order_by("source__position", "ordinal"):
            self.lists[entry.source_id][entry.ordinal] = entry
            self.of_signatory[entry.signatory_id].append(entry)
        self.signatories = {s.pk: s for s in letter.signatories.prefetch_related("aliases")}
        self.names: list[tuple[str, int]] = []
        self.by_initials: dict[str, set[int]] = defaultdict(set)
        self.by_compact: dict[str, set[int]] = defaultdict(set)
        for pk, signatory in self.signatories.items():
            texts = {signatory.name, *(a.name for a in signatory.aliases.all())}
            texts |= {e.text for e in self.of_signatory[pk]}
            for text in texts:
                folded = folded_key(text)
                if folded:
                    self.names.append((folded, pk))
                    self.by_compact[folded.replace(" ", "")].add(pk)
                for letters in initialisms(text):
                    self.by_initials[letters].add(pk)

    def neighbours(self, entry: ListEntry) -> Reading:
        in_list = self.lists[entry.source_id]
        return Reading(
            entry.source,
            in_list.get(entry.ordinal - 1),
            entry,
            in_list.get(entry.ordinal + 1),
        )

    def candidates(self, entry: ListEntry) -> list[Candidate]:
        found: dict[int, Candidate] = {}

        def add(pk: int, how: str, score: float) -> None:
            if pk == entry.signatory_id or pk not in self.signatories:
                return
            candidate = found.setdefault(pk, Candidate(self.signatories[pk]))
            if how not in candidate.how:
                candidate.how.append(how)
            candidate.score = max(candidate.score, score)

        folded = folded_key(entry.text)
        near_miss = entry.match_method == MatchMethod.NEW
        best: dict[int, float] = {}
        for name, pk in self.names:
            score = max(
                fuzz.ratio(folded, name),
                fuzz.token_sort_ratio(folded, name),
                fuzz.token_set_ratio(folded, name) - 10,  # a shared part only: weaker evidence
            )
            best[pk] = max(best.get(pk, 0.0), score)
        ranked = sorted(
            ((score, pk) for pk, score in best.items() if score >= SIMILAR_TEXT_FLOOR),
            reverse=True,
        )
        for score, pk in ranked[:MAX_CANDIDATES]:
            how = f"near miss, {score:.1f}" if near_miss else f"similar text, {score:.1f}"
            add(pk, how, score)
        for pk in self.in_same_place(entry):
            add(pk, "same place in another list", 50.0)
        compact = folded.replace(" ", "")
        for pk in self.by_initials.get(compact, set()):
            add(pk, "its initials", 55.0)
        for letters in initialisms(entry.text):
            for pk in self.by_compact.get(letters, set()):
                add(pk, "its initials", 55.0)
        return sorted(found.values(), key=lambda c: -c.score)[: MAX_CANDIDATES + 2]

    def in_same_place(self, entry: ListEntry) -> set[int]:
        """Signatories that other lists print between this entry's neighbours' signatories."""
        own = self.lists[entry.source_id]
        before = next((own[o] for o in range(entry.ordinal - 1, 0, -1) if o in own), None)
        after = next((own[o] for o in range(entry.ordinal + 1, max(own) + 1) if o in own), None)
        if before is None or after is None:
            return set()
        found = set()
        for source in self.sources:
            if source.pk == entry.source_id:
                continue
            in_list = self.lists[source.pk]
            lo = [e.ordinal for e in in_list.values() if e.signatory_id == before.signatory_id]
            hi = [e.ordinal for e in in_list.values() if e.signatory_id == after.signatory_id]
            if lo and hi and 0 < hi[0] - lo[0] <= 2 * ORDER_WINDOW + 1:
                found |= {in_list[o].signatory_id for o in range(lo[0] + 1, hi[0]) if o in in_list}
        return found


def review_queue(letter: Letter, threshold: float = CONFIDENT_SCORE) -> list[ReviewGroup]:
    """The doubtful matches of a letter, grouped by signatory, in the order of the display name."""
    doubtful = list(
        ListEntry.objects.filter(source__letter=letter)
        .awaiting_review(threshold)
        .select_related("source", "signatory")
        .order_by("signatory__name", "signatory_id", "source__position", "ordinal")
    )
    if not doubtful:
        return []
    index = Index(letter)
    groups: dict[int, ReviewGroup] = {}
    for entry in doubtful:
        group = groups.get(entry.signatory_id)
        if group is None:
            group = groups[entry.signatory_id] = ReviewGroup(
                signatory=entry.signatory,
                doubts=[],
                readings=[index.neighbours(e) for e in index.of_signatory[entry.signatory_id]],
            )
        group.doubts.append(Doubt(entry, why_doubtful(entry, threshold), index.candidates(entry)))
    return list(groups.values())


def review_count(threshold: float = CONFIDENT_SCORE) -> int:
    return ListEntry.objects.awaiting_review(threshold).count()

"""Attaching new or changed entries to signatories: matching them copy by copy, honouring the
curators' overrides (the importer's own evidence is still recorded beside each pin), creating the
signatories that new readings stand for, and writing the entries."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from intake.manifest import LetterSpec
from intake.matching import Cluster, Match, Reading, match_source
from letters.models import Letter, SourceVersion
from names.keys import guess_kind, normalized_key
from names.places import name_part
from signatories.models import Alias, ListEntry, MatchMethod, MatchOverride, PinKind, Signatory
from signatories.rules import IMPORTED, display_reading, unique_slug


@dataclass
class PendingEntry:
    source: SourceVersion
    ordinal: int
    number: int | None
    text: str
    line_start: int
    line_end: int
    place: str = ""

    @property
    def name(self) -> str:
        """What matching reads: the entry without the place printed after it."""
        return name_part(self.text, self.place)


def attach_entries(
    letter: Letter,
    spec: LetterSpec,
    sources: dict[str, SourceVersion],
    pending: list[PendingEntry],
) -> set[int]:
    """Match pending entries source by source (in letter.toml order), create the signatories that
    new clusters stand for, and write the entries; return the ids of the signatories created."""
    if not pending:
        return set()
    clusters = load_clusters(letter)
    overrides = {(o.source_slug, o.ordinal): o for o in MatchOverride.objects.filter(letter=letter)}
    # A curator's override also speaks for the same reading in a source added later, so that a
    # list printing a merged signatory twice does not split it again (unambiguous readings only).
    pinned: dict[str, set[int]] = defaultdict(set)
    for o in overrides.values():
        pinned[normalized_key(o.text)].add(o.signatory_id)
    by_source: dict[str, list[PendingEntry]] = defaultdict(list)
    for item in pending:
        by_source[item.source.slug].append(item)

    # (source slug, ordinal) -> (cluster id, method, score, override id)
    decided: dict[tuple[str, int], tuple[Hashable, str, float, int | None]] = {}
    new_count = 0
    for source_spec in spec.sources:
        items = by_source.get(source_spec.slug, [])
        source = sources[source_spec.slug]
        # Matching reads each entry without the place printed after it; pins and the readings
        # curators decided about are keyed on the entry as printed.
        readings = [Reading(source.slug, item.ordinal, item.name) for item in items]
        texts = {item.ordinal: item.text for item in items}
        pins = {
            item.ordinal: overrides[source.slug, item.ordinal]
            for item in items
            if (source.slug, item.ordinal) in overrides
            and overrides[source.slug, item.ordinal].text == item.text
        }
        # A confirmed entry is its signatory's one entry in this list; one a curator placed
        # (a merge, a move) is beside it, so the signatory's own entry may still match it.
        taken = {o.signatory_id for o in pins.values() if o.kind == PinKind.CONFIRMED}
        matches = match_source(
            [r for r in readings if r.ordinal not in pins],
            [c for c in clusters.values() if c.id not in taken],
        )
        matches = again_where_printed_twice(matches, clusters)
        for match in matches:
            curated = pinned.get(normalized_key(texts[match.entry.ordinal]), set())
            if match.cluster is None and len(curated) == 1 and next(iter(curated)) in clusters:
                decided[source.slug, match.entry.ordinal] = (
                    next(iter(curated)), MatchMethod.CURATED_READING, 100.0, None,
                )  # fmt: skip
            elif match.cluster is None:
                new_count += 1
                cid: Hashable = ("new", new_count)
                clusters[cid] = Cluster(cid)
                decided[source.slug, match.entry.ordinal] = (cid, MatchMethod.NEW, 0.0, None)
            else:
                decided[source.slug, match.entry.ordinal] = (
                    match.cluster, match.method, match.score, None,
                )  # fmt: skip
        if pins:
            # The importer's own evidence for the entries curators pinned: how it would have
            # matched them, among the signatories this list's other entries left free.
            used = {m.cluster for m in matches if m.cluster is not None}
            own = match_source(
                [r for r in readings if r.ordinal in pins],
                [c for c in clusters.values() if c.id not in used],
            )
            for match in own:
                override = pins[match.entry.ordinal]
                decided[source.slug, match.entry.ordinal] = (
                    override.signatory_id, match.method, match.score, override.pk,
                )  # fmt: skip
        for item in items:
            cid = decided[source.slug, item.ordinal][0]
            clusters[cid].readings.append(Reading(source.slug, item.ordinal, item.name))

    positions = {slug: source.position for slug, source in sources.items()}
    created: dict[Hashable, int] = {}
    for cid, cluster in clusters.items():
        if isinstance(cid, tuple):
            name, _ = display_reading([(positions[r.source], r.text) for r in cluster.readings])
            signatory = Signatory(
                letter=letter, slug=unique_slug(name), imported_name=name,
                imported_kind=guess_kind(name),
            )  # fmt: skip
            signatory._change_reason = IMPORTED
            signatory.save()
            created[cid] = signatory.pk

    rows = []
    for item in pending:
        cid, method, score, override_id = decided[item.source.slug, item.ordinal]
        rows.append(
            ListEntry(
                source=item.source, ordinal=item.ordinal, number=item.number, text=item.text,
                line_start=item.line_start, line_end=item.line_end, place=item.place,
                signatory_id=created.get(cid, cid), match_method=method, match_score=score,
                override_id=override_id,
            )
        )  # fmt: skip
    ListEntry.objects.bulk_create(rows)
    return set(created.values())


def again_where_printed_twice(matches: list[Match], clusters: dict[Hashable, Cluster]):
    """Match the entries left unmatched again, against the signatories another list prints
    twice (two entries a curator merged): one list's entry may then join them a second time."""
    unmatched = [m.entry for m in matches if m.cluster is None]
    twice = [
        c
        for c in clusters.values()
        if max(Counter(r.source for r in c.readings).values(), default=0) >= 2
    ]
    if not unmatched or not twice:
        return matches
    found = {m.entry.ordinal: m for m in match_source(unmatched, twice) if m.cluster is not None}
    return [found.get(m.entry.ordinal, m) for m in matches]


def load_clusters(letter: Letter) -> dict[Hashable, Cluster]:
    clusters: dict[Hashable, Cluster] = {
        pk: Cluster(pk) for pk in letter.signatories.values_list("pk", flat=True)
    }
    entries = ListEntry.objects.filter(source__letter=letter).values_list(
        "signatory_id", "source__slug", "ordinal", "text", "place"
    )
    for signatory_id, source_slug, ordinal, text, place in entries:
        clusters[signatory_id].readings.append(
            Reading(source_slug, ordinal, name_part(text, place))
        )
    for signatory_id, name in Alias.objects.filter(signatory__letter=letter).values_list(
        "signatory_id", "name"
    ):
        clusters[signatory_id].aliases.append(name)
    return clusters

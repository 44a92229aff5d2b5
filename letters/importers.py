"""The one import path: read letter folders, reconcile their lists, upsert, report.

`load_letters` verifies and parses every folder before it writes anything, then writes inside one
transaction. Records are upserted on stable keys (letter slug; source slug; source + ordinal) and
saved only when something changed, so a second run changes nothing. Existing entries keep the
signatory they belong to, which is how curators' merges and splits survive; only new or changed
entries are matched, curators' match overrides first.

Display-name rule: a signatory is named by the reading of it that has the fewest extraction
artefacts (see `signatories.names.artefacts`), then the one printed by the most sources, then the
one of the source listed first in letter.toml. A curated name, when set, is shown instead.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from curation.models import SignatoryRedirect
from letters.import_lock import exclusive_import
from letters.manifest import MANIFEST_NAME, LetterSpec, LoadError, SourceSpec, read_letter_folder
from letters.models import Letter, SourceVersion
from search.documents import refresh_search_documents
from signatories.matching import Cluster, Reading, match_source
from signatories.models import Alias, ListEntry, MatchMethod, MatchOverride, Signatory
from signatories.names import artefacts, exact_key, guess_kind, normalized_key

__all__ = ["LoadError", "load_letters", "default_folders", "ImportReport"]

SOURCE_FIELDS = [
    "position", "file_name", "sha256", "size", "title", "publisher", "kind", "language",
    "published", "notes", "text", "printed_title", "addressees", "body", "closing", "list_style",
    "claimed_total", "claimed_anonymous", "claimed_more_than", "diagnostics",
]  # fmt: skip


@dataclass
class SourceReport:
    slug: str
    status: str  # created / updated / unchanged
    entries: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    methods: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    # Entries matched in this run by anything laxer than the exact text: (ordinal, text, method,
    # score, signatory name), for --verbosity 2.
    notable: list[tuple[int, str, str, float, str]] = field(default_factory=list)


@dataclass
class ImportReport:
    letter: str
    letter_status: str = "unchanged"
    sources: list[SourceReport] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    signatories_created: int = 0
    signatories_updated: int = 0
    signatories_removed: int = 0
    signatories_total: int = 0
    in_every_source: int = 0

    @property
    def changed(self) -> bool:
        return (
            self.letter_status != "unchanged"
            or bool(self.sources_removed)
            or any(s.status != "unchanged" or s.created or s.updated or s.removed
                   for s in self.sources)
            or bool(self.signatories_created or self.signatories_updated
                    or self.signatories_removed)
        )  # fmt: skip


def default_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob(f"*/{MANIFEST_NAME}"))


def load_letters(folders: Iterable[Path]) -> list[ImportReport]:
    """Verify and parse every folder, then import them all in one transaction."""
    folders = list(folders)
    if not folders:
        raise LoadError("no letter folders to load (no fixtures/*/letter.toml)")
    specs = [read_letter_folder(Path(folder)) for folder in folders]
    with exclusive_import():
        return [import_letter(spec) for spec in specs]


def import_letter(spec: LetterSpec) -> ImportReport:
    report = ImportReport(letter=spec.slug)
    letter, report.letter_status = upsert(
        Letter,
        {"slug": spec.slug},
        {"title": spec.title, "date": spec.date, "addressees": spec.addressees,
         "summary": spec.summary},
    )  # fmt: skip

    sources: dict[str, SourceVersion] = {}
    for source_spec in spec.sources:
        source, status = upsert(
            SourceVersion,
            {"letter": letter, "slug": source_spec.slug},
            source_values(source_spec),
        )
        sources[source.slug] = source
        report.sources.append(
            SourceReport(slug=source.slug, status=status, warnings=list(source_spec.warnings))
        )

    stale = letter.sources.exclude(slug__in=[s.slug for s in spec.sources])
    report.sources_removed = sorted(stale.values_list("slug", flat=True))
    stale.delete()

    pending = sync_entries(spec, sources, report)
    created_ids = attach_entries(letter, spec, sources, pending)
    refresh_signatories(letter, created_ids, report)

    created_pairs = {(item.source.pk, item.ordinal) for item in pending}
    for source_report in report.sources:
        source = sources[source_report.slug]
        rows = source.entries.values_list(
            "ordinal", "text", "match_method", "match_score", "signatory__name"
        )
        source_report.entries = len(rows)
        source_report.methods = Counter(row[2] for row in rows)
        source_report.notable = [
            row
            for row in rows
            if row[2] != MatchMethod.EXACT and (source.pk, row[0]) in created_pairs
        ]
    report.signatories_total = letter.signatories.count()
    report.in_every_source = Signatory.objects.filter(letter=letter).in_every_source(letter).count()
    if report.changed:
        Letter.objects.filter(pk=letter.pk).update(
            data_version=F("data_version") + 1, imported_at=timezone.now()
        )
    refresh_search_documents(signatory_ids=letter.signatories.values_list("pk", flat=True))
    return report


def source_values(spec: SourceSpec) -> dict:
    parsed = spec.parsed
    return {
        "position": spec.position,
        "file_name": spec.file_name,
        "sha256": spec.sha256,
        "size": spec.size,
        "title": spec.title,
        "publisher": spec.publisher,
        "kind": spec.kind,
        "language": spec.language,
        "published": spec.published,
        "notes": spec.notes,
        "text": spec.text,
        "printed_title": parsed.title,
        "addressees": parsed.addressees,
        "body": parsed.body,
        "closing": parsed.closing,
        "list_style": parsed.list_style,
        "claimed_total": parsed.claimed_total,
        "claimed_anonymous": parsed.claimed_anonymous,
        "claimed_more_than": parsed.claimed_more_than,
        "diagnostics": [d.as_dict() for d in parsed.diagnostics],
    }


def upsert(model, key: dict, values: dict):
    """Create, or update only the fields that differ; return (object, status)."""
    obj = model.objects.filter(**key).first()
    if obj is None:
        return model.objects.create(**key, **values), "created"
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    return obj, "updated"


@dataclass
class PendingEntry:
    source: SourceVersion
    ordinal: int
    number: int | None
    text: str
    line_start: int
    line_end: int


def sync_entries(
    spec: LetterSpec, sources: dict[str, SourceVersion], report: ImportReport
) -> list[PendingEntry]:
    """Keep entries whose text is unchanged; return the new or changed ones, still to be matched."""
    pending: list[PendingEntry] = []
    reports = {r.slug: r for r in report.sources}
    for source_spec in spec.sources:
        source = sources[source_spec.slug]
        source_report = reports[source.slug]
        existing = {e.ordinal: e for e in source.entries.all()}
        for parsed in source_spec.parsed.entries:
            entry = existing.pop(parsed.ordinal, None)
            if entry is not None and entry.text == parsed.text:
                moved = {
                    name: getattr(parsed, name)
                    for name in ("number", "line_start", "line_end")
                    if getattr(entry, name) != getattr(parsed, name)
                }
                if moved:
                    ListEntry.objects.filter(pk=entry.pk).update(**moved)
                    source_report.updated += 1
                continue
            if entry is not None:
                entry.delete()
                source_report.updated += 1
            else:
                source_report.created += 1
            pending.append(
                PendingEntry(source, parsed.ordinal, parsed.number, parsed.text,
                             parsed.line_start, parsed.line_end)
            )  # fmt: skip
        if existing:
            ListEntry.objects.filter(pk__in=[e.pk for e in existing.values()]).delete()
            source_report.removed += len(existing)
    return pending


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
    overrides = {
        (o.source_id, o.ordinal): o
        for o in MatchOverride.objects.filter(source__letter=letter).select_related("signatory")
    }
    # A curator's override also speaks for the same reading in a source added later, so that a
    # list printing a merged signatory twice does not split it again (unambiguous readings only).
    pinned: dict[str, set[int]] = defaultdict(set)
    for o in overrides.values():
        pinned[normalized_key(o.text)].add(o.signatory_id)
    by_source: dict[str, list[PendingEntry]] = defaultdict(list)
    for item in pending:
        by_source[item.source.slug].append(item)

    decided: dict[tuple[str, int], tuple[Hashable, str, float]] = {}
    new_count = 0
    for source_spec in spec.sources:
        items = by_source.get(source_spec.slug, [])
        source = sources[source_spec.slug]
        readings = []
        for item in items:
            override = overrides.get((source.pk, item.ordinal))
            if override is not None and override.text == item.text:
                decided[source.slug, item.ordinal] = (
                    override.signatory_id,
                    MatchMethod.OVERRIDE,
                    100.0,
                )
            else:
                readings.append(Reading(source.slug, item.ordinal, item.text))
        taken = {cid for (slug, _), (cid, _, _) in decided.items() if slug == source.slug}
        for match in match_source(readings, [c for c in clusters.values() if c.id not in taken]):
            curated = pinned.get(normalized_key(match.entry.text), set())
            if match.cluster is None and len(curated) == 1 and next(iter(curated)) in clusters:
                decided[source.slug, match.entry.ordinal] = (
                    next(iter(curated)),
                    MatchMethod.OVERRIDE,
                    100.0,
                )
            elif match.cluster is None:
                new_count += 1
                cid: Hashable = ("new", new_count)
                clusters[cid] = Cluster(cid)
                decided[source.slug, match.entry.ordinal] = (cid, MatchMethod.NEW, 0.0)
            else:
                decided[source.slug, match.entry.ordinal] = (
                    match.cluster,
                    match.method,
                    match.score,
                )
        for item in items:
            cid = decided[source.slug, item.ordinal][0]
            clusters[cid].readings.append(Reading(source.slug, item.ordinal, item.text))

    positions = {slug: source.position for slug, source in sources.items()}
    created: dict[Hashable, int] = {}
    for cid, cluster in clusters.items():
        if isinstance(cid, tuple):
            name, _ = display_reading([(positions[r.source], r.text) for r in cluster.readings])
            created[cid] = Signatory.objects.create(
                letter=letter, slug=unique_slug(name), imported_name=name,
                imported_kind=guess_kind(name),
            ).pk  # fmt: skip

    rows = []
    for item in pending:
        cid, method, score = decided[item.source.slug, item.ordinal]
        rows.append(
            ListEntry(
                source=item.source, ordinal=item.ordinal, number=item.number, text=item.text,
                line_start=item.line_start, line_end=item.line_end,
                signatory_id=created.get(cid, cid), match_method=method, match_score=score,
            )
        )  # fmt: skip
    ListEntry.objects.bulk_create(rows)
    return set(created.values())


def load_clusters(letter: Letter) -> dict[Hashable, Cluster]:
    clusters: dict[Hashable, Cluster] = {
        pk: Cluster(pk) for pk in letter.signatories.values_list("pk", flat=True)
    }
    entries = ListEntry.objects.filter(source__letter=letter).values_list(
        "signatory_id", "source__slug", "ordinal", "text"
    )
    for signatory_id, source_slug, ordinal, text in entries:
        clusters[signatory_id].readings.append(Reading(source_slug, ordinal, text))
    for signatory_id, name in Alias.objects.filter(signatory__letter=letter).values_list(
        "signatory_id", "name"
    ):
        clusters[signatory_id].aliases.append(name)
    return clusters


def unique_slug(name: str) -> str:
    """A slug no signatory has, nor had before a curator merged it away (its URL redirects)."""
    base = slugify(anyascii(name))[:100].strip("-") or "signatory"
    slug, n = base, 1
    while (
        Signatory.objects.filter(slug=slug).exists()
        or SignatoryRedirect.objects.filter(old_slug=slug).exists()
    ):
        n += 1
        slug = f"{base}-{n}"
    return slug


def display_reading(readings: list[tuple[int, str]]) -> tuple[str, list[str]]:
    """Apply the display-name rule to (source position, text) readings; return name, artefacts."""
    texts = [exact_key(text) for _, text in readings]
    attested = Counter(texts)
    first_position: dict[str, int] = {}
    for (position, _), text in zip(readings, texts, strict=True):
        first_position[text] = min(position, first_position.get(text, position))

    def rank(text: str):
        others = [t for t in texts if t != text]
        return (len(artefacts(text, others)), -attested[text], first_position[text])

    best = min(attested, key=rank)
    return best, artefacts(best, [t for t in texts if t != best])


def refresh_signatories(letter: Letter, created_ids: set[int], report: ImportReport) -> None:
    """Recompute imported names and kinds; drop signatories left with no entry and no curation."""
    readings: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for signatory_id, position, text in ListEntry.objects.filter(source__letter=letter).values_list(
        "signatory_id", "source__position", "text"
    ):
        readings[signatory_id].append((position, text))

    report.signatories_created = len(created_ids)
    for signatory in letter.signatories.all():
        entries = readings.get(signatory.pk)
        if not entries:
            if not is_curated(signatory):
                signatory.delete()
                report.signatories_removed += 1
            continue
        name, name_artefacts = display_reading(entries)
        values = {
            "imported_name": name,
            "imported_kind": guess_kind(name),
            "name_artefacts": name_artefacts,
        }
        changed = [k for k, v in values.items() if getattr(signatory, k) != v]
        if changed:
            for k in changed:
                setattr(signatory, k, values[k])
            signatory.save(update_fields=changed)
            if signatory.pk not in created_ids:
                report.signatories_updated += 1


def is_curated(signatory: Signatory) -> bool:
    return bool(
        signatory.curated_name
        or signatory.curated_kind
        or signatory.country
        or signatory.name_language
        or signatory.public_note
        or signatory.aliases.exists()
        or signatory.overrides.exists()
    )

"""The one import path: read letter folders, reconcile their lists, upsert, report.

`load_letters` verifies and parses every folder before it writes anything, then writes inside one
transaction. Records are upserted on stable keys (letter slug; source slug; source + ordinal) and
saved only when something changed, so a second run changes nothing. Existing entries keep the
signatory they belong to, which is how curators' merges and splits survive; only new or changed
entries are matched, curators' match overrides first. An entry an override places still gets the
importer's own evidence (method and score) beside the pin. Signatories are named and kept by the
rules of `signatories.rules`, which curation applies too. Curation about a source that leaves
letter.toml lies dormant until it returns (`intake.dormant`), and the report says so. Last,
`intake.signals.letter_loaded` lets curation apply what is shipped with the letter (its folder's
curation.toml) in the same transaction; the report lists what it applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from intake.attaching import PendingEntry, attach_entries
from intake.dormant import curation_of_sources, signatories_without_entries
from intake.import_lock import exclusive_import
from intake.manifest import MANIFEST_NAME, LetterSpec, LoadError, SourceSpec, read_letter_folder
from intake.preview import Preview, collect_preview
from intake.signals import letter_loaded
from intake.statistics import analyze_project_tables
from letters.models import Letter, SourceVersion
from search.documents import refresh_search_documents
from signatories.models import ListEntry, MatchMethod
from signatories.rules import refresh_signatories

__all__ = ["LoadError", "load_letters", "default_folders", "ImportReport"]

SOURCE_FIELDS = [
    "position", "file_name", "sha256", "size", "title", "publisher", "kind", "language",
    "published", "notes", "url", "retrieved", "archived_url", "text", "raw", "captured_url",
    "captured_at", "printed_title", "addressees", "body", "closing", "list_style",
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
    # Entries matched in this run by anything laxer than the exact text: (ordinal, text, method,
    # score, signatory name), for --verbosity 2.
    notable: list[tuple[int, str, str, float, str]] = field(default_factory=list)
    # For a source (re)added: curators' decisions about it that apply again ("2 match overrides").
    curation: list[str] = field(default_factory=list)
    # What the manifest noticed and set aside (a news report's list).
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    letter: str
    letter_status: str = "unchanged"
    sources: list[SourceReport] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    # Curation about the removed sources, kept dormant until they return: {slug: descriptions}.
    dormant: dict[str, list[str]] = field(default_factory=dict)
    # Signatories no list names now, kept because a curator decided about them.
    without_entries: list[str] = field(default_factory=list)
    # What curation shipped with the letter applied in this run (see intake.signals).
    shipped_curation: list[str] = field(default_factory=list)
    signatories_created: int = 0
    signatories_updated: int = 0
    signatories_removed: int = 0
    signatories_total: int = 0
    in_every_list: int = 0
    dry_run: bool = False
    preview: Preview = field(default_factory=Preview)

    @property
    def changed(self) -> bool:
        return (
            self.letter_status != "unchanged"
            or bool(self.sources_removed)
            or any(s.status != "unchanged" or s.created or s.updated or s.removed
                   for s in self.sources)
            or bool(self.signatories_created or self.signatories_updated
                    or self.signatories_removed)
            or bool(self.shipped_curation)
        )  # fmt: skip


def default_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob(f"*/{MANIFEST_NAME}"))


def load_letters(folders: Iterable[Path], *, dry_run: bool = False) -> list[ImportReport]:
    """Verify and parse every folder, then import them all in one transaction.

    A dry run does the whole import, reports it, and rolls the transaction back: the reports
    (with their previews) say what a real run would do, and nothing is written."""
    folders = list(folders)
    if not folders:
        raise LoadError("no letter folders to load (no fixtures/*/letter.toml)")
    specs = [read_letter_folder(Path(folder)) for folder in folders]
    with exclusive_import():
        reports = [import_letter(spec) for spec in specs]
        if dry_run:
            transaction.set_rollback(True)
    for report in reports:
        report.dry_run = dry_run
    if not dry_run and any(report.changed for report in reports):
        analyze_project_tables()
    return reports


def import_letter(spec: LetterSpec) -> ImportReport:
    report = ImportReport(letter=spec.slug)
    letter, report.letter_status = upsert(
        Letter,
        {"slug": spec.slug},
        {"title": spec.title, "date": spec.date, "addressees": spec.addressees,
         "summary": spec.summary, "manifest": spec.manifest},
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
    report.dormant = curation_of_sources(letter, report.sources_removed)
    stale.delete()
    added = [r.slug for r in report.sources if r.status == "created"]
    for slug, kept in curation_of_sources(letter, added).items():
        next(r for r in report.sources if r.slug == slug).curation = kept

    pending = sync_entries(spec, sources, report)
    created_ids = attach_entries(letter, spec, sources, pending)
    refreshed = refresh_signatories(letter)
    report.signatories_created = len(created_ids)
    report.signatories_updated = len(refreshed.updated - created_ids)
    report.signatories_removed = len(refreshed.removed)
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
    report.without_entries = signatories_without_entries(letter)
    report.preview = collect_preview(letter, created_pairs, created_ids)
    report.signatories_total = letter.signatories.count()
    report.in_every_list = letter.signatories.in_every_list().count()
    if report.changed:
        Letter.objects.filter(pk=letter.pk).update(
            data_version=F("data_version") + 1, imported_at=timezone.now()
        )
    refresh_search_documents(signatory_ids=letter.signatories.values_list("pk", flat=True))
    # Last, so that curation sees the letter as imported, search index included.
    for _, applied in letter_loaded.send(sender=Letter, letter=letter, folder=spec.folder):
        report.shipped_curation.extend(applied or [])
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
        "url": spec.url,
        "retrieved": spec.retrieved,
        "archived_url": spec.archived_url,
        "text": spec.text,
        "raw": spec.content,
        "captured_url": spec.captured_url,
        "captured_at": spec.captured_at,
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
                    for name in ("number", "line_start", "line_end", "place")
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
                             parsed.line_start, parsed.line_end, parsed.place)
            )  # fmt: skip
        if existing:
            ListEntry.objects.filter(pk__in=[e.pk for e in existing.values()]).delete()
            source_report.removed += len(existing)
    return pending

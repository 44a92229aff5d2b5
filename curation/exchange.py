"""Curation as a JSON document, to review, version and restore it.

The document holds, per letter, everything curators decided: curated signatory fields and
aliases, match overrides, old slugs of merged signatories, source notes and the corrections log.
Records are keyed on stable values (letter, source and signatory slugs; source + ordinal + text;
a correction's uuid), never on database ids. Importing makes the letter's curation match the
document (the corrections log is only ever added to); the letter must have been loaded first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Q
from django.utils.dateparse import parse_datetime

from curation.exchange_checks import problems
from curation.log import refresh_search_documents
from curation.models import Correction, SignatoryRedirect, SourceNote
from curation.services import pin_entry
from letters.importers import ImportReport, display_reading, refresh_signatories
from letters.models import Letter
from signatories.models import Alias, ListEntry, MatchOverride, Signatory
from signatories.names import guess_kind

FORMAT = "open-letter-archive/curation"
VERSION = 1
CURATED_FIELDS = ["curated_name", "curated_kind", "country", "name_language", "public_note"]
IMPORT_REASON = "Restored by import_curation"


class CurationFileError(Exception):
    """A curation document that cannot be imported, with what is wrong."""


def export_curation() -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "letters": [letter_curation(letter) for letter in Letter.objects.order_by("slug")],
    }


def letter_curation(letter: Letter) -> dict:
    overrides = MatchOverride.objects.filter(source__letter=letter).select_related(
        "source", "signatory"
    )
    redirects = SignatoryRedirect.objects.filter(signatory__letter=letter).select_related(
        "signatory"
    )
    curated = (
        letter.signatories.filter(
            ~Q(curated_name="")
            | ~Q(curated_kind="")
            | ~Q(country="")
            | ~Q(name_language="")
            | ~Q(public_note="")
            | Q(aliases__isnull=False)
            | Q(overrides__isnull=False)
            | Q(redirects__isnull=False)
        )
        .distinct()
        .prefetch_related("aliases")
        .order_by("slug")
    )
    corrections = (
        letter.corrections.select_related("source")
        .prefetch_related("signatories")
        .order_by("created_at", "key")
    )
    return {
        "slug": letter.slug,
        "signatories": [
            {
                "slug": s.slug,
                **{f: getattr(s, f) for f in CURATED_FIELDS},
                "aliases": sorted(
                    ({"name": a.name, "reason": a.reason} for a in s.aliases.all()),
                    key=lambda a: a["name"],
                ),
            }
            for s in curated
        ],
        "overrides": sorted(
            (
                {
                    "source": o.source.slug,
                    "ordinal": o.ordinal,
                    "text": o.text,
                    "signatory": o.signatory.slug,
                    "reason": o.reason,
                }
                for o in overrides
            ),
            key=lambda o: (o["source"], o["ordinal"]),
        ),
        "redirects": sorted(
            ({"old_slug": r.old_slug, "signatory": r.signatory.slug} for r in redirects),
            key=lambda r: r["old_slug"],
        ),
        "source_notes": [
            {"source": n.source.slug, "text": n.text}
            for n in SourceNote.objects.filter(source__letter=letter)
            .select_related("source")
            .order_by("source__slug")
        ],
        "corrections": [
            {
                "key": str(c.key),
                "created_at": c.created_at.isoformat(),
                "action": c.action,
                "summary": c.summary,
                "changes": c.changes,
                "reason": c.reason,
                "evidence_url": c.evidence_url,
                "curator_name": c.curator_name,
                "signatories": sorted(s.slug for s in c.signatories.all()),
                "source": c.source.slug if c.source else None,
            }
            for c in corrections
        ],
    }


@dataclass
class ExchangeReport:
    letters: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)


@transaction.atomic
def import_curation(document: dict) -> ExchangeReport:
    """Make each letter's curation match the document (see the module docstring)."""
    if document.get("format") != FORMAT or document.get("version") != VERSION:
        raise CurationFileError(f"not a {FORMAT} document of version {VERSION}")
    refused = problems(document)
    if refused:
        raise CurationFileError("; ".join(refused))
    report = ExchangeReport()
    for data in document.get("letters", []):
        letter = Letter.objects.filter(slug=data["slug"]).first()
        if letter is None:
            raise CurationFileError(f"letter {data['slug']!r} is not loaded: run load_letter first")
        import_letter_curation(letter, data, report)
        report.letters.append(letter.slug)
    return report


def import_letter_curation(letter: Letter, data: dict, report: ExchangeReport) -> None:
    sources = {s.slug: s for s in letter.sources.all()}
    create_missing_signatories(letter, data, sources, report)
    signatories = {s.slug: s for s in letter.signatories.all()}

    kept_overrides = set()
    for o in data["overrides"]:
        source, target = sources.get(o["source"]), signatories.get(o["signatory"])
        if source is None or target is None:
            report.warnings.append(
                f"override {o['source']} #{o['ordinal']}: no such source or signatory"
            )
            continue
        kept_overrides.add((source.pk, o["ordinal"]))
        entry = ListEntry.objects.filter(
            source=source, ordinal=o["ordinal"], text=o["text"]
        ).first()
        if entry is not None:
            pin_entry(entry, target, reason=o["reason"], user=None)
        else:
            MatchOverride.objects.update_or_create(
                source=source, ordinal=o["ordinal"],
                defaults={"text": o["text"], "signatory": target, "reason": o["reason"]},
            )  # fmt: skip
        report.counts["overrides"] += 1
    for override in MatchOverride.objects.filter(source__letter=letter):
        if (override.source_id, override.ordinal) not in kept_overrides:
            override.delete()
            report.counts["overrides removed"] += 1

    set_curated_fields(
        letter, data, {s.slug: s for s in letter.signatories.prefetch_related("aliases")}, report
    )

    # Signatories whose entries all moved (merged ones) go, as the importer drops them.
    refresh = ImportReport(letter=letter.slug)
    refresh_signatories(letter, set(), refresh)
    report.counts["signatories removed"] += refresh.signatories_removed
    signatories = {s.slug: s for s in letter.signatories.all()}

    wanted_redirects = {r["old_slug"]: r["signatory"] for r in data["redirects"]}
    SignatoryRedirect.objects.filter(signatory__letter=letter).exclude(
        old_slug__in=wanted_redirects
    ).delete()
    for old_slug, slug in wanted_redirects.items():
        if slug not in signatories or old_slug in signatories:
            report.warnings.append(f"redirect {old_slug} → {slug}: not restored")
            continue
        SignatoryRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"signatory": signatories[slug]}
        )
        report.counts["redirects"] += 1

    wanted_notes = {n["source"]: n["text"] for n in data["source_notes"]}
    SourceNote.objects.filter(source__letter=letter).exclude(source__slug__in=wanted_notes).delete()
    for slug, text in wanted_notes.items():
        if slug in sources:
            SourceNote.objects.update_or_create(source=sources[slug], defaults={"text": text})
            report.counts["source notes"] += 1

    for c in data["corrections"]:
        correction, created = Correction.objects.update_or_create(
            key=c["key"],
            defaults={
                "letter": letter, "created_at": parse_datetime(c["created_at"]),
                "action": c["action"], "summary": c["summary"], "changes": c["changes"],
                "reason": c["reason"], "evidence_url": c["evidence_url"],
                "curator_name": c["curator_name"], "source": sources.get(c["source"] or ""),
            },
        )  # fmt: skip
        correction.signatories.set([signatories[s] for s in c["signatories"] if s in signatories])
        report.counts["corrections created" if created else "corrections"] += 1

    Letter.objects.filter(pk=letter.pk).update(data_version=F("data_version") + 1)
    refresh_search_documents(signatory_ids=list(letter.signatories.values_list("pk", flat=True)))


def create_missing_signatories(letter, data, sources, report) -> None:
    """Signatories a curator created (by a split) are created again from their pinned entries."""
    existing = set(letter.signatories.values_list("slug", flat=True))
    for record in data["signatories"]:
        if record["slug"] in existing:
            continue
        readings = [
            (sources[o["source"]].position, o["text"])
            for o in data["overrides"]
            if o["signatory"] == record["slug"] and o["source"] in sources
        ]
        if not readings:
            report.warnings.append(f"signatory {record['slug']}: no entry to create it from")
            continue
        name, name_artefacts = display_reading(readings)
        Signatory.objects.create(
            letter=letter, slug=record["slug"], imported_name=name, imported_kind=guess_kind(name),
            name_artefacts=name_artefacts,
        )  # fmt: skip
        report.counts["signatories created"] += 1


def set_curated_fields(letter, data, signatories, report) -> None:
    records = {r["slug"]: r for r in data["signatories"]}
    blank = {f: "" for f in CURATED_FIELDS} | {"aliases": []}
    for slug, signatory in signatories.items():
        record = records.get(slug, blank)
        changed = [f for f in CURATED_FIELDS if getattr(signatory, f) != record[f]]
        if changed:
            for f in changed:
                setattr(signatory, f, record[f])
            signatory._change_reason = IMPORT_REASON
            signatory.save(update_fields=changed)
            report.counts["signatories updated"] += 1
        wanted = {a["name"]: a["reason"] for a in record["aliases"]}
        for alias in signatory.aliases.all():
            if alias.name not in wanted:
                alias.delete()
                report.counts["aliases removed"] += 1
            elif alias.reason != wanted[alias.name]:
                alias.reason = wanted[alias.name]
                alias.save(update_fields=["reason"])
        for name in wanted.keys() - {a.name for a in signatory.aliases.all()}:
            Alias.objects.create(signatory=signatory, name=name, reason=wanted[name])
            report.counts["aliases created"] += 1

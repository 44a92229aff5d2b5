"""Curation as a JSON document, to review, version and restore it.

The document holds, per letter, everything curators decided: curated signatory fields and
aliases (with their language), match overrides (placed or confirmed), old slugs of merged
signatories, source notes and the corrections log, with which correction undid which.
Records are keyed on stable values (letter, source and signatory slugs; source + ordinal + text;
a correction's uuid), never on database ids. Importing makes the letter's curation match the
document (the corrections log is only ever added to); the letter must have been loaded first.
Overrides and notes about a source that is not loaded are kept, dormant, until it is.

Version 2 added alias languages, override kinds and undo links; version 1 files still import
(aliases without a language, overrides as placed). The undo records of corrections stay in the
database they were made in: restored corrections are logged but cannot be undone there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils.dateparse import parse_datetime

from curation.exchange_checks import problems
from curation.models import Correction, SourceNote
from curation.services import pin_entry
from letters.models import Letter
from names.keys import guess_kind
from search.documents import refresh_search_documents
from signatories.models import (
    CURATED_FIELDS,
    Alias,
    ListEntry,
    MatchOverride,
    PinKind,
    Signatory,
    SignatoryRedirect,
)
from signatories.rules import display_reading, refresh_signatories

FORMAT = "open-letter-archive/curation"
VERSION = 2
READABLE_VERSIONS = (1, 2)
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
    overrides = MatchOverride.objects.filter(letter=letter).select_related("signatory")
    redirects = SignatoryRedirect.objects.filter(signatory__letter=letter).select_related(
        "signatory"
    )
    curated = letter.signatories.curated().prefetch_related("aliases").order_by("slug")
    corrections = (
        letter.corrections.select_related("source", "reverses")
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
                    (
                        {"name": a.name, "language": a.language, "reason": a.reason}
                        for a in s.aliases.all()
                    ),
                    key=lambda a: a["name"],
                ),
            }
            for s in curated
        ],
        "overrides": sorted(
            (
                {
                    "source": o.source_slug,
                    "ordinal": o.ordinal,
                    "text": o.text,
                    "signatory": o.signatory.slug,
                    "kind": o.kind,
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
            {"source": n.source_slug, "text": n.text}
            for n in SourceNote.objects.filter(letter=letter).order_by("source_slug")
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
                "reverses": str(c.reverses.key) if c.reverses else None,
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
    if document.get("format") != FORMAT or document.get("version") not in READABLE_VERSIONS:
        versions = " or ".join(str(v) for v in READABLE_VERSIONS)
        raise CurationFileError(f"not a {FORMAT} document of version {versions}")
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
        target = signatories.get(o["signatory"])
        if target is None:
            report.warnings.append(f"override {o['source']} #{o['ordinal']}: no such signatory")
            continue
        kind = o.get("kind", PinKind.PLACED)
        kept_overrides.add((o["source"], o["ordinal"]))
        entry = (
            ListEntry.objects.filter(
                source__letter=letter,
                source__slug=o["source"],
                ordinal=o["ordinal"],
                text=o["text"],
            )
            .select_related("source")
            .first()
        )
        if entry is not None:
            pin_entry(entry, target, kind=kind, reason=o["reason"], user=None)
        else:  # not loaded now (dormant) or its text changed: kept for when it applies
            MatchOverride.objects.update_or_create(
                letter=letter, source_slug=o["source"], ordinal=o["ordinal"],
                defaults={"text": o["text"], "signatory": target, "reason": o["reason"],
                          "kind": kind},
            )  # fmt: skip
        report.counts["overrides"] += 1
    for override in MatchOverride.objects.filter(letter=letter):
        if (override.source_slug, override.ordinal) not in kept_overrides:
            override.delete()
            report.counts["overrides removed"] += 1

    set_curated_fields(
        letter, data, {s.slug: s for s in letter.signatories.prefetch_related("aliases")}, report
    )

    wanted_redirects = {r["old_slug"]: r["signatory"] for r in data["redirects"]}
    SignatoryRedirect.objects.filter(signatory__letter=letter).exclude(
        old_slug__in=wanted_redirects
    ).delete()
    # Signatories whose entries all moved (merged ones) go, as the importer drops them.
    report.counts["signatories removed"] += len(refresh_signatories(letter).removed)
    signatories = {s.slug: s for s in letter.signatories.all()}

    for old_slug, slug in wanted_redirects.items():
        if slug not in signatories or old_slug in signatories:
            report.warnings.append(f"redirect {old_slug} → {slug}: not restored")
            continue
        SignatoryRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"signatory": signatories[slug]}
        )
        report.counts["redirects"] += 1

    wanted_notes = {n["source"]: n["text"] for n in data["source_notes"]}
    SourceNote.objects.filter(letter=letter).exclude(source_slug__in=wanted_notes).delete()
    for slug, text in wanted_notes.items():
        SourceNote.objects.update_or_create(
            letter=letter, source_slug=slug, defaults={"text": text}
        )
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
    for c in data["corrections"]:
        if c.get("reverses"):
            Correction.objects.filter(key=c["key"]).update(
                reverses=Correction.objects.filter(key=c["reverses"]).first()
            )

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
        wanted = {
            a["name"]: {"reason": a["reason"], "language": a.get("language", "")}
            for a in record["aliases"]
        }
        for alias in signatory.aliases.all():
            if alias.name not in wanted:
                alias.delete()
                report.counts["aliases removed"] += 1
            elif any(getattr(alias, k) != v for k, v in wanted[alias.name].items()):
                for k, v in wanted[alias.name].items():
                    setattr(alias, k, v)
                alias.save(update_fields=["reason", "language"])
        for name in wanted.keys() - {a.name for a in signatory.aliases.all()}:
            Alias.objects.create(signatory=signatory, name=name, **wanted[name])
            report.counts["aliases created"] += 1

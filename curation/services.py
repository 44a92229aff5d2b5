"""Curators' operations on signatories, entries and sources.

Each operation is one transaction, needs a reason (an evidence link is optional), writes only
curator-owned fields and records, never an importer-owned one, and is logged in the public
corrections log. Entries a curator moves are pinned with a `MatchOverride`, which `load_letter`
honours, so the decision survives re-import.
"""

from __future__ import annotations

import re

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from curation.characters import checked_name, checked_text
from curation.log import checked_reason, record
from curation.models import Correction, CorrectionAction, SignatoryRedirect, SourceNote
from letters.importers import ImportReport, display_reading, refresh_signatories, unique_slug
from letters.models import SourceVersion
from signatories.models import (
    Alias,
    ListEntry,
    MatchMethod,
    MatchOverride,
    Signatory,
    SignatoryKind,
)
from signatories.names import guess_kind

User = AbstractBaseUser | None
NAME_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
DETAIL_FIELDS = {"curated_kind": "kind", "country": "country", "name_language": "name language"}


def _save(obj: Model, *, reason: str, user: User, update_fields: list[str] | None = None) -> None:
    """Save with the reason and the curator on the history row."""
    obj._change_reason = reason
    if user is not None:
        obj._history_user = user
    obj.save(update_fields=update_fields)


def _delete(obj: Model, *, reason: str, user: User) -> None:
    obj._change_reason = reason
    if user is not None:
        obj._history_user = user
    obj.delete()


def _locked(signatory: Signatory) -> Signatory:
    """Lock the signatory's row for the transaction and bring the caller's instance up to date."""
    Signatory.objects.select_for_update().filter(pk=signatory.pk).first()
    signatory.refresh_from_db()
    return signatory


def _entry_label(entry: ListEntry) -> str:
    return f"“{entry.text}” ({entry.source.slug} #{entry.ordinal})"


@transaction.atomic
def signatory_rename(
    *, signatory: Signatory, name: str, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Show `name` instead of the printed name (the readings stay as printed); "" withdraws it."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    _locked(signatory)
    name = checked_name(name.strip(), field="name")
    if name == signatory.curated_name:
        raise ValidationError({"name": "That is already the curated name."})
    old = signatory.name
    signatory.curated_name = name
    _save(signatory, reason=reason, user=user, update_fields=["curated_name"])
    summary = (
        f"Renamed “{old}” to “{signatory.name}”"
        if name
        else f"Curated name “{old}” withdrawn; the printed name “{signatory.name}” is shown"
    )
    return record(
        letter=signatory.letter,
        action=CorrectionAction.RENAME,
        summary=summary,
        changes=[{"field": "name", "old": old, "new": signatory.name}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[signatory],
    )


@transaction.atomic
def signatory_set_details(
    *,
    signatory: Signatory,
    kind: str,
    country: str,
    name_language: str,
    reason: str,
    evidence_url: str = "",
    user: User,
) -> Correction:
    """Set the kind ("" = as guessed from the printed name), country and language of the name."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    _locked(signatory)
    kind, country, name_language = kind.strip(), country.strip(), name_language.strip()
    checked_name(country, field="country")
    if kind and kind not in SignatoryKind.values:
        raise ValidationError({"kind": f"Kind must be one of {', '.join(SignatoryKind.values)}."})
    if name_language and not NAME_LANGUAGE_RE.match(name_language):
        raise ValidationError({"name_language": "Use a language tag such as en, ja or zh-Hant."})
    wanted = {"curated_kind": kind, "country": country, "name_language": name_language}
    changed = [f for f, value in wanted.items() if getattr(signatory, f) != value]
    if not changed:
        raise ValidationError("Nothing to change.")
    old_kind = signatory.get_kind_display()
    old_values = {f: getattr(signatory, f) for f in changed}
    for f in changed:
        setattr(signatory, f, wanted[f])
    _save(signatory, reason=reason, user=user, update_fields=changed)
    changes = []
    for f in changed:
        if f == "curated_kind":
            changes.append({"field": "kind", "old": old_kind, "new": signatory.get_kind_display()})
        else:
            changes.append({"field": DETAIL_FIELDS[f], "old": old_values[f], "new": wanted[f]})
    described = ", ".join(f"{c['field']} {c['new'] or '(none)'}" for c in changes)
    return record(
        letter=signatory.letter,
        action=CorrectionAction.DETAILS,
        summary=f"“{signatory.name}”: {described}",
        changes=changes,
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[signatory],
    )


@transaction.atomic
def signatory_set_note(
    *, signatory: Signatory, note: str, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Set the public note shown on the signatory's page ("" removes it)."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    _locked(signatory)
    note = checked_text(note.strip(), field="note")
    if note == signatory.public_note:
        raise ValidationError({"note": "That is already the note."})
    old = signatory.public_note
    signatory.public_note = note
    _save(signatory, reason=reason, user=user, update_fields=["public_note"])
    return record(
        letter=signatory.letter,
        action=CorrectionAction.SIGNATORY_NOTE,
        summary=f"Note on “{signatory.name}” {'updated' if note else 'removed'}",
        changes=[{"field": "public note", "old": old, "new": note}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[signatory],
    )


@transaction.atomic
def alias_add(
    *, signatory: Signatory, name: str, reason: str, evidence_url: str = "", user: User
) -> Alias:
    """Record another name the signatory is known by (acronym, translation, transliteration)."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    _locked(signatory)
    name = checked_name(name.strip(), field="name")
    if not name:
        raise ValidationError({"name": "An alias needs a name."})
    if signatory.aliases.filter(name=name).exists():
        raise ValidationError({"name": f"“{name}” is already an alias of “{signatory.name}”."})
    alias = Alias(signatory=signatory, name=name, reason=reason)
    _save(alias, reason=reason, user=user)
    record(
        letter=signatory.letter,
        action=CorrectionAction.ALIAS_ADD,
        summary=f"“{signatory.name}” is also known as “{name}”",
        changes=[{"field": "alias", "old": "", "new": name}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[signatory],
    )
    return alias


@transaction.atomic
def alias_remove(*, alias: Alias, reason: str, evidence_url: str = "", user: User) -> Correction:
    reason, evidence_url = checked_reason(reason, evidence_url)
    signatory = _locked(alias.signatory)
    name = alias.name
    _delete(alias, reason=reason, user=user)
    return record(
        letter=signatory.letter,
        action=CorrectionAction.ALIAS_REMOVE,
        summary=f"“{name}” is no longer listed as an alias of “{signatory.name}”",
        changes=[{"field": "alias", "old": name, "new": ""}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[signatory],
    )


def pin_entry(entry: ListEntry, target: Signatory, *, reason: str, user: User) -> None:
    """Put the entry on `target` and record a MatchOverride so re-import keeps it there.

    Writes (and so adds history rows) only where something differs.
    """
    if entry.signatory_id != target.pk or entry.match_method != MatchMethod.OVERRIDE:
        entry.signatory = target
        entry.match_method = MatchMethod.OVERRIDE
        entry.match_score = 100.0
        _save(
            entry,
            reason=reason,
            user=user,
            update_fields=["signatory", "match_method", "match_score"],
        )
    override = MatchOverride.objects.filter(
        source_id=entry.source_id, ordinal=entry.ordinal
    ).first() or MatchOverride(source_id=entry.source_id, ordinal=entry.ordinal)
    wanted = {"text": entry.text, "signatory_id": target.pk, "reason": reason}
    if override.pk is None or any(getattr(override, k) != v for k, v in wanted.items()):
        for k, v in wanted.items():
            setattr(override, k, v)
        _save(override, reason=reason, user=user)


def _recompute_imported_names(letter) -> None:
    """Entries moved: let the importer's own rule recompute the imported names now, so that the
    next `load_letter` finds nothing to change (imported fields stay the importer's to write)."""
    refresh_signatories(letter, set(), ImportReport(letter=letter.slug))


def check_not_last_entry(entry: ListEntry) -> None:
    if not ListEntry.objects.filter(signatory_id=entry.signatory_id).exclude(pk=entry.pk).exists():
        raise ValidationError(
            f"{_entry_label(entry)} is the only entry of “{entry.signatory.name}”: "
            "merge the two signatories instead of moving it."
        )


@transaction.atomic
def entry_split(
    *, entry: ListEntry, name: str = "", reason: str, evidence_url: str = "", user: User
) -> Signatory:
    """Move an entry off its signatory to a new one, named as printed (or `name`, if given)."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    entry.refresh_from_db()
    origin = _locked(entry.signatory)
    check_not_last_entry(entry)
    printed, name_artefacts = display_reading([(entry.source.position, entry.text)])
    name = checked_name(name.strip(), field="name")
    created = Signatory(
        letter=origin.letter,
        slug=unique_slug(name or printed),
        imported_name=printed,
        imported_kind=guess_kind(printed),
        name_artefacts=name_artefacts,
        curated_name=name if name != printed else "",
    )
    _save(created, reason=reason, user=user)
    pin_entry(entry, created, reason=reason, user=user)
    _recompute_imported_names(origin.letter)
    record(
        letter=origin.letter,
        action=CorrectionAction.SPLIT,
        summary=f"{_entry_label(entry)} split off “{origin.name}” as “{created.name}”",
        changes=[{"field": "entry", "old": origin.name, "new": created.name}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[origin, created],
        source=entry.source,
    )
    return created


@transaction.atomic
def match_override(
    *,
    entry: ListEntry,
    signatory: Signatory,
    reason: str,
    evidence_url: str = "",
    user: User,
) -> MatchOverride:
    """Decide that the entry belongs to `signatory` (moving it there, or confirming its match)."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    entry.refresh_from_db()
    origin = _locked(entry.signatory)
    _locked(signatory)
    if signatory.letter_id != origin.letter_id:
        raise ValidationError("The entry and the signatory belong to different letters.")
    moving = signatory.pk != origin.pk
    existing = MatchOverride.objects.filter(source_id=entry.source_id, ordinal=entry.ordinal)
    if not moving and existing.filter(signatory=signatory, text=entry.text).exists():
        raise ValidationError(f"{_entry_label(entry)} is already pinned to “{signatory.name}”.")
    if moving:
        check_not_last_entry(entry)
    pin_entry(entry, signatory, reason=reason, user=user)
    if moving:
        _recompute_imported_names(origin.letter)
    summary = (
        f"{_entry_label(entry)} moved from “{origin.name}” to “{signatory.name}”"
        if moving
        else f"{_entry_label(entry)} confirmed as “{signatory.name}”"
    )
    record(
        letter=origin.letter,
        action=CorrectionAction.OVERRIDE,
        summary=summary,
        changes=[{"field": "entry", "old": origin.name, "new": signatory.name}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[origin, signatory] if moving else [signatory],
        source=entry.source,
    )
    return MatchOverride.objects.get(source_id=entry.source_id, ordinal=entry.ordinal)


@transaction.atomic
def match_override_remove(
    *, override: MatchOverride, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Withdraw an override: the entry stays where it is until its source's text there changes."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    signatory = _locked(override.signatory)
    label = f"“{override.text}” ({override.source.slug} #{override.ordinal})"
    source = override.source
    _delete(override, reason=reason, user=user)
    return record(
        letter=signatory.letter,
        action=CorrectionAction.OVERRIDE_REMOVE,
        summary=f"{label} no longer pinned to “{signatory.name}”",
        changes=[{"field": "match override", "old": signatory.name, "new": ""}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[signatory],
        source=source,
    )


@transaction.atomic
def signatory_merge(
    *,
    survivor: Signatory,
    merged: Signatory,
    reason: str,
    evidence_url: str = "",
    user: User,
) -> Correction:
    """Merge `merged` into `survivor`: its entries (pinned), aliases, notes and URLs move over.

    The survivor keeps the name readers saw; `merged`'s old URLs redirect to it permanently.
    """
    reason, evidence_url = checked_reason(reason, evidence_url)
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different signatories to merge.")
    for signatory in sorted([survivor, merged], key=lambda s: s.pk):
        _locked(signatory)
    if survivor.letter_id != merged.letter_id:
        raise ValidationError("Only signatories of the same letter can be merged.")
    changes = [{"field": "merged", "old": f"{merged.name} ({merged.slug})", "new": survivor.name}]
    merged_id, merged_name, merged_slug = merged.pk, merged.name, merged.slug

    entries = list(merged.entries.select_related("source"))
    # Pin the survivor's own entries too: if a source is re-matched, none of them may leave.
    for entry in [*entries, *survivor.entries.select_related("source")]:
        pin_entry(entry, survivor, reason=reason, user=user)
    for override in MatchOverride.objects.filter(signatory=merged):
        override.signatory = survivor
        _save(override, reason=reason, user=user)
    survivor_aliases = set(survivor.aliases.values_list("name", flat=True))
    for alias in merged.aliases.all():
        if alias.name in survivor_aliases:
            _delete(alias, reason=reason, user=user)
        else:
            alias.signatory = survivor
            _save(alias, reason=reason, user=user)

    copied = []
    if not survivor.curated_name:
        survivor.curated_name = survivor.name
        copied.append("curated_name")
    for f in ("curated_kind", "country", "name_language", "public_note"):
        if not getattr(survivor, f) and getattr(merged, f):
            setattr(survivor, f, getattr(merged, f))
            copied.append(f)
            changes.append({"field": f.replace("_", " "), "old": "", "new": getattr(merged, f)})
    if copied:
        _save(survivor, reason=reason, user=user, update_fields=copied)

    SignatoryRedirect.objects.filter(signatory=merged).update(signatory=survivor)
    SignatoryRedirect.objects.update_or_create(
        old_slug=merged_slug, defaults={"signatory": survivor}
    )
    for correction in merged.corrections.all():
        correction.signatories.add(survivor)
    _delete(merged, reason=reason, user=user)
    _recompute_imported_names(survivor.letter)

    changes.append({"field": "entries moved", "old": "", "new": str(len(entries))})
    return record(
        letter=survivor.letter,
        action=CorrectionAction.MERGE,
        summary=f"“{merged_name}” merged into “{survivor.name}” ({len(entries)} entries moved)",
        changes=changes,
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[survivor],
        touched_ids=[merged_id],
    )


@transaction.atomic
def source_set_note(
    *, source: SourceVersion, note: str, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Set the public note shown with a source ("" removes it); the imported notes stay as they are."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    note = checked_text(note.strip(), field="note")
    current = SourceNote.objects.select_for_update().filter(source=source).first()
    old = current.text if current else ""
    if note == old:
        raise ValidationError({"note": "That is already the note."})
    if note:
        current = current or SourceNote(source=source)
        current.text = note
        _save(current, reason=reason, user=user)
    else:
        _delete(current, reason=reason, user=user)
    return record(
        letter=source.letter,
        action=CorrectionAction.SOURCE_NOTE,
        summary=f"Note on the source “{source.title}” ({source.slug}) {'set' if note else 'removed'}",
        changes=[{"field": "source note", "old": old, "new": note}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        source=source,
    )

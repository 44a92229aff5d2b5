"""Curating where an entry belongs: pin it (a match override), move it, split it off, unpin it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.log import checked_reason, record
from curation.models import Correction, CorrectionAction
from curation.services.common import User, delete_with_reason, entry_label, locked, save_with_reason
from names.keys import guess_kind
from signatories.models import (
    ListEntry,
    MatchMethod,
    MatchOverride,
    Signatory,
)
from signatories.rules import display_reading, refresh_signatories, unique_slug


def pin_entry(entry: ListEntry, target: Signatory, *, reason: str, user: User) -> None:
    """Put the entry on `target` and record a MatchOverride so re-import keeps it there.

    Writes (and so adds history rows) only where something differs.
    """
    if entry.signatory_id != target.pk or entry.match_method != MatchMethod.OVERRIDE:
        entry.signatory = target
        entry.match_method = MatchMethod.OVERRIDE
        entry.match_score = 100.0
        save_with_reason(
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
        save_with_reason(override, reason=reason, user=user)


def check_not_last_entry(entry: ListEntry) -> None:
    if not ListEntry.objects.filter(signatory_id=entry.signatory_id).exclude(pk=entry.pk).exists():
        raise ValidationError(
            f"{entry_label(entry)} is the only entry of “{entry.signatory.name}”: "
            "merge the two signatories instead of moving it."
        )


@transaction.atomic
def entry_split(
    *, entry: ListEntry, name: str = "", reason: str, evidence_url: str = "", user: User
) -> Signatory:
    """Move an entry off its signatory to a new one, named as printed (or `name`, if given)."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    entry.refresh_from_db()
    origin = locked(entry.signatory)
    check_not_last_entry(entry)
    printed, name_artefacts = display_reading([(entry.source.position, entry.text)])
    name = name.strip()
    created = Signatory(
        letter=origin.letter,
        slug=unique_slug(name or printed),
        imported_name=printed,
        imported_kind=guess_kind(printed),
        name_artefacts=name_artefacts,
        curated_name=name if name != printed else "",
    )
    save_with_reason(created, reason=reason, user=user)
    pin_entry(entry, created, reason=reason, user=user)
    refresh_signatories(origin.letter)
    record(
        letter=origin.letter,
        action=CorrectionAction.SPLIT,
        summary=f"{entry_label(entry)} split off “{origin.name}” as “{created.name}”",
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
    origin = locked(entry.signatory)
    locked(signatory)
    if signatory.letter_id != origin.letter_id:
        raise ValidationError("The entry and the signatory belong to different letters.")
    moving = signatory.pk != origin.pk
    existing = MatchOverride.objects.filter(source_id=entry.source_id, ordinal=entry.ordinal)
    if not moving and existing.filter(signatory=signatory, text=entry.text).exists():
        raise ValidationError(f"{entry_label(entry)} is already pinned to “{signatory.name}”.")
    if moving:
        check_not_last_entry(entry)
    pin_entry(entry, signatory, reason=reason, user=user)
    if moving:
        refresh_signatories(origin.letter)
    summary = (
        f"{entry_label(entry)} moved from “{origin.name}” to “{signatory.name}”"
        if moving
        else f"{entry_label(entry)} confirmed as “{signatory.name}”"
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
    signatory = locked(override.signatory)
    label = f"“{override.text}” ({override.source.slug} #{override.ordinal})"
    source = override.source
    delete_with_reason(override, reason=reason, user=user)
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

"""Curating where an entry belongs: pin it (a match override), move it, split it off, unpin it.

A pin goes beside the importer's evidence, never over it: the entry's `match_method` and
`match_score` stay as the importer found them, and its `override` records the curator's decision
(confirmed where the importer put it, or placed elsewhere).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.characters import checked_name
from curation.log import checked_reason, record
from curation.models import Correction, CorrectionAction
from curation.services.common import User, delete_with_reason, entry_label, locked, save_with_reason
from curation.services.snapshots import Scope, begin, undo_record
from names.keys import guess_kind
from signatories.models import ListEntry, MatchOverride, PinKind, Signatory
from signatories.rules import display_reading, refresh_signatories, unique_slug


def entry_key(entry: ListEntry) -> tuple[int, str, int]:
    return (entry.source.letter_id, entry.source.slug, entry.ordinal)


def evidence(entry: ListEntry) -> str:
    """The importer's evidence for an entry, as the log and the review queue say it."""
    text = entry.get_match_method_display().lower()
    if entry.match_method in ("fuzzy", "fuzzy+order"):
        text += f", {entry.match_score:.1f}"
    return text


def pin_entry(
    entry: ListEntry, target: Signatory, *, kind: str, reason: str, user: User
) -> MatchOverride:
    """Put the entry on `target` with a MatchOverride, so re-import keeps it there.

    The importer's method and score are left as they are. Writes (and so adds history rows) only
    where something differs.
    """
    letter_id, source_slug, ordinal = entry_key(entry)
    override = MatchOverride.for_entry(entry).first() or MatchOverride(
        letter_id=letter_id, source_slug=source_slug, ordinal=ordinal
    )
    wanted = {"text": entry.text, "signatory_id": target.pk, "reason": reason, "kind": kind}
    if override.pk is None or any(getattr(override, k) != v for k, v in wanted.items()):
        for k, v in wanted.items():
            setattr(override, k, v)
        save_with_reason(override, reason=reason, user=user)
    if entry.signatory_id != target.pk or entry.override_id != override.pk:
        entry.signatory, entry.override = target, override
        save_with_reason(entry, reason=reason, user=user, update_fields=["signatory", "override"])
    return override


def check_not_last_entry(entry: ListEntry) -> None:
    if not ListEntry.objects.filter(signatory_id=entry.signatory_id).exclude(pk=entry.pk).exists():
        raise ValidationError(
            f"{entry_label(entry)} is the only entry of “{entry.signatory.name}”: merge the two "
            "signatories instead of moving it, or undo the correction that put it there."
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
    scope = Scope(signatories={origin.pk}, entries={entry.pk}, override_keys={entry_key(entry)})
    before = begin(scope)
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
    save_with_reason(created, reason=reason, user=user)
    scope.signatories.add(created.pk)
    pin_entry(entry, created, kind=PinKind.PLACED, reason=reason, user=user)
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
        undo=undo_record(scope, before),
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
    """Decide that the entry belongs to `signatory`: move it there, or, when it is there already,
    confirm the importer's match."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    entry.refresh_from_db()
    origin = locked(entry.signatory)
    locked(signatory)
    if signatory.letter_id != origin.letter_id:
        raise ValidationError("The entry and the signatory belong to different letters.")
    moving = signatory.pk != origin.pk
    if (
        not moving
        and MatchOverride.for_entry(entry).filter(signatory=signatory, text=entry.text).exists()
    ):
        raise ValidationError(f"{entry_label(entry)} is already pinned to “{signatory.name}”.")
    if moving:
        check_not_last_entry(entry)
    scope = Scope(
        signatories={origin.pk, signatory.pk},
        entries={entry.pk},
        override_keys={entry_key(entry)},
    )
    before = begin(scope)
    kind = PinKind.PLACED if moving else PinKind.CONFIRMED
    override = pin_entry(entry, signatory, kind=kind, reason=reason, user=user)
    if moving:
        refresh_signatories(origin.letter)
        summary = f"{entry_label(entry)} moved from “{origin.name}” to “{signatory.name}”"
        changes = [{"field": "entry", "old": origin.name, "new": signatory.name}]
    else:
        summary = f"{entry_label(entry)} confirmed as “{signatory.name}”"
        changes = [
            {
                "field": f"match of “{entry.text}”",
                "old": f"automatic ({evidence(entry)})",
                "new": f"{evidence(entry)}, confirmed by a curator",
            }
        ]
    record(
        letter=origin.letter,
        action=CorrectionAction.OVERRIDE if moving else CorrectionAction.CONFIRM,
        summary=summary,
        changes=changes,
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[origin, signatory] if moving else [signatory],
        source=entry.source,
        undo=undo_record(scope, before),
    )
    return override


@transaction.atomic
def match_override_remove(
    *, override: MatchOverride, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Withdraw an override: the entry stays where it is until its source's text there changes."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    signatory = locked(override.signatory)
    key = (override.letter_id, override.source_slug, override.ordinal)
    scope = Scope(
        signatories={signatory.pk},
        entries=set(override.pinned_entries.values_list("pk", flat=True)),
        override_keys={key},
    )
    before = begin(scope)
    label = f"“{override.text}” ({override.source_slug} #{override.ordinal})"
    source = signatory.letter.sources.filter(slug=override.source_slug).first()
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
        undo=undo_record(scope, before),
    )

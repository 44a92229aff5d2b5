"""Merging two signatories into one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.log import checked_reason, record
from curation.models import Correction, CorrectionAction
from curation.services.common import User, delete_with_reason, locked, save_with_reason
from curation.services.entries import pin_entry
from signatories.models import (
    MatchOverride,
    Signatory,
    SignatoryRedirect,
)
from signatories.rules import refresh_signatories


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
        locked(signatory)
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
        save_with_reason(override, reason=reason, user=user)
    survivor_aliases = set(survivor.aliases.values_list("name", flat=True))
    for alias in merged.aliases.all():
        if alias.name in survivor_aliases:
            delete_with_reason(alias, reason=reason, user=user)
        else:
            alias.signatory = survivor
            save_with_reason(alias, reason=reason, user=user)

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
        save_with_reason(survivor, reason=reason, user=user, update_fields=copied)

    SignatoryRedirect.objects.filter(signatory=merged).update(signatory=survivor)
    SignatoryRedirect.objects.update_or_create(
        old_slug=merged_slug, defaults={"signatory": survivor}
    )
    for correction in merged.corrections.all():
        correction.signatories.add(survivor)
    delete_with_reason(merged, reason=reason, user=user)
    refresh_signatories(survivor.letter)

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

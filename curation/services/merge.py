"""Merging two signatories into one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.characters import checked_name
from curation.log import checked_reason, record
from curation.models import Correction, CorrectionAction
from curation.services.common import User, delete_with_reason, locked, save_with_reason
from curation.services.entries import entry_key, pin_entry
from curation.services.snapshots import Scope, begin, undo_record
from signatories.models import MatchOverride, PinKind, Signatory, SignatoryRedirect
from signatories.rules import refresh_signatories

# Curated facts the survivor takes from the merged signatory when it has none of its own.
TAKEN_OVER = ("curated_kind", "country", "name_language", "public_note")


def merge_scope(survivor: Signatory, merged: Signatory) -> Scope:
    pair = {survivor.pk, merged.pk}
    return Scope(
        signatories=set(pair),
        entries_of=set(pair),
        aliases_of=set(pair),
        redirects_of=set(pair),
        overrides_of=set(pair),
        override_keys={entry_key(e) for e in merged.entries.select_related("source")},
        links_of=set(pair),
    )


@transaction.atomic
def signatory_merge(
    *,
    survivor: Signatory,
    merged: Signatory,
    name: str = "",
    reason: str,
    evidence_url: str = "",
    user: User,
) -> Correction:
    """Merge `merged` into `survivor`: its entries (pinned), aliases, notes and URLs move over.

    Only the merged signatory's entries move, so only they are pinned; the survivor's own keep
    the importer's evidence and no pin. The survivor is shown as `name`, which the curator chose
    on the merge screen (blank: the name readers saw before the merge); the merge never changes
    it by itself. `merged`'s old URLs redirect to the survivor permanently (until an undo).
    """
    reason, evidence_url = checked_reason(reason, evidence_url)
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different signatories to merge.")
    for signatory in sorted([survivor, merged], key=lambda s: s.pk):
        locked(signatory)
    if survivor.letter_id != merged.letter_id:
        raise ValidationError("Only signatories of the same letter can be merged.")
    scope = merge_scope(survivor, merged)
    before = begin(scope)
    shown_before, printed_before = survivor.name, survivor.imported_name
    chosen = checked_name((name or "").strip(), field="name") or shown_before
    changes = [{"field": "merged", "old": f"{merged.name} ({merged.slug})", "new": survivor.name}]
    merged_id, merged_name, merged_slug = merged.pk, merged.name, merged.slug

    entries = list(merged.entries.select_related("source"))
    for entry in entries:
        pin_entry(entry, survivor, kind=PinKind.PLACED, reason=reason, user=user)
    for override in MatchOverride.objects.filter(signatory=merged):  # dormant ones too
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
    for f in TAKEN_OVER:
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

    survivor.refresh_from_db()
    if survivor.imported_name != printed_before:
        changes.append(
            {"field": "printed name", "old": printed_before, "new": survivor.imported_name}
        )
    if survivor.name != chosen:
        survivor.curated_name = "" if chosen == survivor.imported_name else chosen
        save_with_reason(survivor, reason=reason, user=user, update_fields=["curated_name"])
    if chosen != shown_before:
        changes.append({"field": "display name", "old": shown_before, "new": chosen})
    changes.append({"field": "entries moved", "old": "", "new": str(len(entries))})
    return record(
        letter=survivor.letter,
        action=CorrectionAction.MERGE,
        summary=(
            f"“{merged_name}” merged into “{shown_before}” ({len(entries)} entries moved); "
            f"display name “{chosen}”, chosen by the curator"
        ),
        changes=changes,
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[survivor],
        touched_ids=[merged_id],
        undo=undo_record(scope, before),
    )

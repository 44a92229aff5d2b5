"""Undoing a correction: a new correction, with its own reason, that points at the one it reverses
and puts back exactly the rows that one changed (see `curation.services.snapshots`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.log import checked_reason, record
from curation.models import Correction, CorrectionAction
from curation.services.common import User
from curation.services.snapshots import Scope, begin, restore, undo_record
from signatories.models import Signatory


def undo_refusal(correction: Correction) -> str:
    """Why this correction cannot be undone at all ("" when it can be tried)."""
    if Correction.objects.filter(reverses=correction).exists():
        return "This correction has already been undone."
    if not correction.undo_data:
        return (
            "This correction cannot be undone here: it was made before undo records were kept, "
            "or restored from a curation file (its undo record stays in the database it was made "
            "in)."
        )
    return ""


@transaction.atomic
def correction_undo(
    *, correction: Correction, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Undo `correction`: afterwards the rows it changed are as they were before it (entries,
    methods, scores, pins, slugs, names, redirects, aliases, notes). Refused, changing nothing,
    when one of those rows changed since; an undo can itself be undone."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    correction = Correction.objects.select_for_update().get(pk=correction.pk)
    refusal = undo_refusal(correction)
    if refusal:
        raise ValidationError(refusal)
    data = correction.undo_data
    scope = Scope.from_json(data["scope"])
    before = begin(scope)
    touched = restore(data, reason=reason, user=user)
    return record(
        letter=correction.letter,
        action=CorrectionAction.UNDO,
        summary=f"Undone: {correction.summary}",
        changes=[
            {"field": change["field"], "old": change["new"], "new": change["old"]}
            for change in correction.changes
        ],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=Signatory.objects.filter(pk__in=touched),
        source=correction.source,
        touched_ids=touched,
        undo=undo_record(scope, before),
        reverses=correction,
    )

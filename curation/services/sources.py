"""Curating a source: its public note (the imported notes stay as they are).

Notes are keyed on the letter and the source's slug, so a note outlives its source's removal
from letter.toml and is shown again when the source returns.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.characters import checked_text
from curation.log import checked_reason, record
from curation.models import Correction, CorrectionAction, SourceNote
from curation.services.common import User, delete_with_reason, save_with_reason
from curation.services.snapshots import Scope, begin, undo_record
from letters.models import SourceVersion


@transaction.atomic
def source_set_note(
    *, source: SourceVersion, note: str, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Set the public note shown with a source ("" removes it); the imported notes stay as they are."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    note = checked_text(note.strip(), field="note")
    current = SourceNote.objects.select_for_update().of(source).first()
    old = current.text if current else ""
    if note == old:
        raise ValidationError({"note": "That is already the note."})
    scope = Scope(source_notes={(source.letter_id, source.slug)})
    before = begin(scope)
    if note:
        current = current or SourceNote(letter_id=source.letter_id, source_slug=source.slug)
        current.text = note
        save_with_reason(current, reason=reason, user=user)
    else:
        delete_with_reason(current, reason=reason, user=user)
    return record(
        letter=source.letter,
        action=CorrectionAction.SOURCE_NOTE,
        summary=f"Note on the source “{source.title}” ({source.slug}) {'set' if note else 'removed'}",
        changes=[{"field": "source note", "old": old, "new": note}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        source=source,
        undo=undo_record(scope, before),
    )

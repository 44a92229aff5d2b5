"""Writing a correction: check the reason, log it, tell caches and search that the data changed;
and reading back which correction added an alias."""

import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import F

from curation.characters import checked_text
from curation.models import Correction, CorrectionAction
from letters.models import Letter, SourceVersion
from search.documents import refresh_search_documents
from signatories.models import Signatory


def checked_reason(reason: str, evidence_url: str) -> tuple[str, str]:
    """The reason and evidence link, stripped; refuse a blank reason or a link that is not http(s)."""
    reason, evidence_url = (reason or "").strip(), (evidence_url or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why: every correction needs a reason."})
    checked_text(reason, field="reason")
    if evidence_url:
        URLValidator(schemes=["http", "https"])(evidence_url)
    return reason, evidence_url


def curator_display_name(user) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or user.get_username())[:150]


def record(
    *,
    letter: Letter,
    action: str,
    summary: str,
    changes: list[dict],
    reason: str,
    evidence_url: str,
    user,
    signatories: Iterable[Signatory] = (),
    source: SourceVersion | None = None,
    touched_ids: Iterable[int] = (),
    undo: dict | None = None,
    reverses: Correction | None = None,
    key: uuid.UUID | None = None,
) -> Correction:
    """Log one correction, bump the letter's data version and refresh search for what it touched.

    Call inside the operation's transaction, after its writes. `undo` is what
    `curation.services.snapshots.undo_record` captured, which lets the correction be undone.
    `key` gives the log record a stable key instead of a random one: curation shipped with a
    letter (curation.shipped) knows by it which of its decisions were applied already.
    """
    signatories = list(signatories)
    correction = Correction.objects.create(
        letter=letter,
        action=action,
        summary=summary[:1000],
        changes=changes,
        reason=reason,
        evidence_url=evidence_url,
        source=source,
        curator=user,
        curator_name=curator_display_name(user),
        undo_data=undo or {},
        reverses=reverses,
        **({"key": key} if key is not None else {}),
    )
    correction.signatories.set(signatories)
    Letter.objects.filter(pk=letter.pk).update(data_version=F("data_version") + 1)
    touched = sorted({s.pk for s in signatories} | set(touched_ids))
    if touched:
        refresh_search_documents(signatory_ids=touched)
    return correction


def alias_change(name: str, language: str) -> str:
    """How the log names an alias in a change: the name, and its language in brackets."""
    return f"{name} ({language})" if language else name


def alias_additions(signatory: Signatory) -> dict[str, Correction]:
    """{alias as `alias_change` names it: the latest logged correction that added it}."""
    added = signatory.corrections.filter(action=CorrectionAction.ALIAS_ADD)
    found: dict[str, Correction] = {}
    for correction in added.order_by("created_at", "pk"):
        for change in correction.changes:
            if change.get("field") == "alias" and change.get("new"):
                found[change["new"]] = correction
    return found

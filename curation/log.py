"""Writing a correction: check the reason, log it, tell caches and search that the data changed."""

import importlib
import importlib.util
import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import F

from curation.characters import checked_text
from curation.models import Correction
from letters.models import Letter, SourceVersion
from signatories.models import Signatory

logger = logging.getLogger(__name__)

SEARCH_MODULE = "search.documents"


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
) -> Correction:
    """Log one correction, bump the letter's data version and refresh search for what it touched.

    Call inside the operation's transaction, after its writes.
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
    )
    correction.signatories.set(signatories)
    Letter.objects.filter(pk=letter.pk).update(data_version=F("data_version") + 1)
    refresh_search_documents(signatory_ids=sorted({s.pk for s in signatories} | set(touched_ids)))
    return correction


def refresh_search_documents(*, signatory_ids: list[int]) -> bool:
    """Ask `search.documents` (written by the search app, when it exists) to re-index signatories.

    Returns whether it was called. Ids of signatories deleted by the operation (a merge) are
    included so the index can drop them.
    """
    if not signatory_ids or importlib.util.find_spec("search") is None:
        return False
    if importlib.util.find_spec(SEARCH_MODULE) is None:
        return False
    documents = importlib.import_module(SEARCH_MODULE)
    refresh = getattr(documents, "refresh_search_documents", None)
    if refresh is None:
        logger.warning("%s has no refresh_search_documents(); search not refreshed", SEARCH_MODULE)
        return False
    refresh(signatory_ids=signatory_ids)
    return True

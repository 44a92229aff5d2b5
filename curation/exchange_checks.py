"""What a curation document must satisfy before `import_curation` writes any of it.

The same rules as the admin and the curation services: names and notes without invisible or
control characters, evidence links that are http(s) only, known correction actions, and text that
fits its column, so that a bad file is refused with a message on SQLite and PostgreSQL alike
rather than stored by one and refused by the other with a raw database error.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.dateparse import parse_datetime

from curation.characters import checked_name, checked_text
from curation.models import Correction, CorrectionAction
from signatories.models import Alias, Signatory

EVIDENCE_URL = URLValidator(schemes=["http", "https"])
NAME_FIELDS = {"curated_name": Signatory, "country": Signatory}


def max_length(model, field: str) -> int | None:
    return model._meta.get_field(field).max_length


def problems(document: dict) -> list[str]:
    """Everything wrong with the document's letters, as "where: what" lines (empty when fine)."""
    found: list[str] = []
    for data in document.get("letters", []):
        slug = data.get("slug", "?")
        for record in data.get("signatories", []):
            where = f"letter {slug}, signatory {record.get('slug')}"
            for field, model in NAME_FIELDS.items():
                check(found, where, field, record.get(field, ""), name=True, model=model)
            check(found, where, "public_note", record.get("public_note", ""))
            for alias in record.get("aliases", []):
                check(found, where, "alias", alias.get("name", ""), name=True, model=Alias)
                check(found, where, "alias reason", alias.get("reason", ""))
        for override in data.get("overrides", []):
            check(found, f"letter {slug}, override", "reason", override.get("reason", ""))
        for note in data.get("source_notes", []):
            check(
                found, f"letter {slug}, note on {note.get('source')}", "text", note.get("text", "")
            )
        for correction in data.get("corrections", []):
            found += correction_problems(
                f"letter {slug}, correction {correction.get('key')}", correction
            )
    return found


def correction_problems(where: str, correction: dict) -> list[str]:
    found: list[str] = []
    if correction.get("action") not in CorrectionAction.values:
        found.append(
            f"{where}: unknown action {correction.get('action')!r}; expected one of "
            + ", ".join(CorrectionAction.values)
        )
    url = correction.get("evidence_url") or ""
    if url:
        try:
            EVIDENCE_URL(url)
        except ValidationError:
            found.append(f"{where}: evidence_url {url!r} is not an http(s) link")
    if not str(correction.get("reason") or "").strip():
        found.append(f"{where}: a correction needs a reason")
    if parse_datetime(str(correction.get("created_at") or "")) is None:
        found.append(f"{where}: created_at {correction.get('created_at')!r} is not a date and time")
    for field in ("summary", "reason", "curator_name", "evidence_url"):
        check(found, where, field, correction.get(field) or "", model=Correction)
    return found


def check(found: list[str], where: str, field: str, value, *, name=False, model=None) -> None:
    if not isinstance(value, str):
        found.append(f"{where}: {field} must be text")
        return
    column = field.split()[-1] if field != "alias" else "name"
    limit = max_length(model, column) if model is not None else None
    if limit is not None and len(value) > limit:
        found.append(f"{where}: {field} is {len(value)} characters long; at most {limit} fit")
    try:
        (checked_name if name else checked_text)(value, field=field)
    except ValidationError as error:
        found.extend(f"{where}: {field}: {message}" for message in error.messages)

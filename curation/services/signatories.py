"""Curating one signatory: its display name, details, public note and aliases."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.log import checked_reason, record
from curation.models import Correction, CorrectionAction
from curation.services.common import User, delete_with_reason, locked, save_with_reason
from signatories.models import (
    Alias,
    Signatory,
    SignatoryKind,
)

NAME_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# The details of a signatory set together, and how the corrections log names each.
DETAIL_FIELDS = {"curated_kind": "kind", "country": "country", "name_language": "name language"}


@transaction.atomic
def signatory_rename(
    *, signatory: Signatory, name: str, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Show `name` instead of the printed name (the readings stay as printed); "" withdraws it."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    locked(signatory)
    name = name.strip()
    if name == signatory.curated_name:
        raise ValidationError({"name": "That is already the curated name."})
    old = signatory.name
    signatory.curated_name = name
    save_with_reason(signatory, reason=reason, user=user, update_fields=["curated_name"])
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
    locked(signatory)
    kind, country, name_language = kind.strip(), country.strip(), name_language.strip()
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
    save_with_reason(signatory, reason=reason, user=user, update_fields=changed)
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
    locked(signatory)
    note = note.strip()
    if note == signatory.public_note:
        raise ValidationError({"note": "That is already the note."})
    old = signatory.public_note
    signatory.public_note = note
    save_with_reason(signatory, reason=reason, user=user, update_fields=["public_note"])
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
    locked(signatory)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "An alias needs a name."})
    if signatory.aliases.filter(name=name).exists():
        raise ValidationError({"name": f"“{name}” is already an alias of “{signatory.name}”."})
    alias = Alias(signatory=signatory, name=name, reason=reason)
    save_with_reason(alias, reason=reason, user=user)
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
    signatory = locked(alias.signatory)
    name = alias.name
    delete_with_reason(alias, reason=reason, user=user)
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

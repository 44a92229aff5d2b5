"""Curating one signatory: its display name, details, public note, aliases and address."""

from __future__ import annotations

import re
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.characters import checked_name, checked_text
from curation.log import alias_change, checked_reason, record
from curation.models import Correction, CorrectionAction
from curation.services.common import User, delete_with_reason, locked, save_with_reason
from curation.services.snapshots import Scope, begin, latest_correction_id, undo_record
from letters.models import SourceVersion
from search.keys import name_keys
from search.models import SearchName
from signatories.countries import country_name, is_country_code
from signatories.models import Alias, Signatory, SignatoryKind, SignatoryRedirect

NAME_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The details of a signatory set together, and how the corrections log names each.
DETAIL_FIELDS = {"curated_kind": "kind", "country": "country", "name_language": "name language"}


@transaction.atomic
def signatory_rename(
    *, signatory: Signatory, name: str, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Show `name` instead of the printed name (the readings stay as printed); "" withdraws it."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    locked(signatory)
    name = checked_name(name.strip(), field="name")
    if name == signatory.curated_name:
        raise ValidationError({"name": "That is already the curated name."})
    scope = Scope(signatories={signatory.pk})
    before = begin(scope)
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
        undo=undo_record(scope, before),
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
    if country and not is_country_code(country):
        raise ValidationError({"country": "Choose a country from the list (an ISO 3166 code)."})
    wanted = {"curated_kind": kind, "country": country, "name_language": name_language}
    changed = [f for f, value in wanted.items() if getattr(signatory, f) != value]
    if not changed:
        raise ValidationError("Nothing to change.")
    scope = Scope(signatories={signatory.pk})
    before = begin(scope)
    old_kind = signatory.get_kind_display()
    old_values = {f: getattr(signatory, f) for f in changed}
    for f in changed:
        setattr(signatory, f, wanted[f])
    save_with_reason(signatory, reason=reason, user=user, update_fields=changed)
    changes = []
    for f in changed:
        if f == "curated_kind":
            changes.append({"field": "kind", "old": old_kind, "new": signatory.get_kind_display()})
        elif f == "country":
            old, new = country_name(old_values[f]), country_name(wanted[f])
            changes.append({"field": "country", "old": old, "new": new})
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
        undo=undo_record(scope, before),
    )


@transaction.atomic
def signatory_set_note(
    *, signatory: Signatory, note: str, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Set the public note shown on the signatory's page ("" removes it)."""
    reason, evidence_url = checked_reason(reason, evidence_url)
    locked(signatory)
    note = checked_text(note.strip(), field="note")
    if note == signatory.public_note:
        raise ValidationError({"note": "That is already the note."})
    scope = Scope(signatories={signatory.pk})
    before = begin(scope)
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
        undo=undo_record(scope, before),
    )


def signatories_named(letter_id: int, name: str, *, besides: Signatory) -> list[Signatory]:
    """Other signatories of the letter already known by `name`, folded as search folds it: as a
    display name, a printed reading, an alias or a bracketed part of one (the search index)."""
    keys = name_keys(name)[:2]  # the whole name, words joined and split
    found = SearchName.objects.filter(key__in=keys).values("document_id")
    return list(Signatory.objects.filter(letter_id=letter_id, pk__in=found).exclude(pk=besides.pk))


@transaction.atomic
def alias_add(
    *,
    signatory: Signatory,
    name: str,
    language: str = "",
    reason: str,
    evidence_url: str = "",
    user: User,
    allow_shared: bool = False,
    source: SourceVersion | None = None,
    key: uuid.UUID | None = None,
) -> Alias:
    """Record another name the signatory is known by (acronym, translation, transliteration).

    A name another signatory is already known by is refused unless `allow_shared` (the admin
    asks the curator first): two signatories sharing it is usually a sign they are one. `source`
    is a copy of the letter that prints the alias (the log links it); `key` the log record's
    stable key (see `curation.log.record`).
    """
    reason, evidence_url = checked_reason(reason, evidence_url)
    locked(signatory)
    name, language = checked_name(name.strip(), field="name"), language.strip()
    if not name:
        raise ValidationError({"name": "An alias needs a name."})
    if language and not NAME_LANGUAGE_RE.match(language):
        raise ValidationError({"language": "Use a language tag such as en, ja or zh-Hant."})
    if signatory.aliases.filter(name=name).exists():
        raise ValidationError({"name": f"“{name}” is already an alias of “{signatory.name}”."})
    others = signatories_named(signatory.letter_id, name, besides=signatory)
    if others and not allow_shared:
        named = ", ".join(f"“{o.name}” ({o.slug})" for o in others)
        raise ValidationError(
            f"“{name}” is already a name of {named}. If both are one signatory, merge them; "
            "to add the alias all the same, confirm that it is shared.",
            code="shared-alias",
        )
    alias = Alias(signatory=signatory, name=name, language=language, reason=reason)
    save_with_reason(alias, reason=reason, user=user)
    scope = Scope(aliases={alias.pk})
    before = {"last_correction": latest_correction_id(), "rows": {}}
    in_language = f" ({language})" if language else ""
    record(
        letter=signatory.letter,
        action=CorrectionAction.ALIAS_ADD,
        summary=f"“{signatory.name}” is also known as “{name}”{in_language}",
        changes=[{"field": "alias", "old": "", "new": alias_change(name, language)}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[signatory],
        source=source,
        undo=undo_record(scope, before),
        key=key,
    )
    return alias


@transaction.atomic
def alias_remove(*, alias: Alias, reason: str, evidence_url: str = "", user: User) -> Correction:
    reason, evidence_url = checked_reason(reason, evidence_url)
    signatory = locked(alias.signatory)
    scope = Scope(aliases={alias.pk})
    before = begin(scope)
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
        undo=undo_record(scope, before),
    )


@transaction.atomic
def signatory_change_slug(
    *, signatory: Signatory, slug: str, reason: str, evidence_url: str = "", user: User
) -> Correction:
    """Give the signatory a new address; the old one redirects to it permanently (until an undo).

    An old address of this same signatory may be taken back; one another signatory has or had
    is refused.
    """
    reason, evidence_url = checked_reason(reason, evidence_url)
    locked(signatory)
    slug = slug.strip()
    max_length = Signatory._meta.get_field("slug").max_length
    if not SLUG_RE.match(slug) or len(slug) > max_length:
        raise ValidationError(
            {"slug": f"Use lower-case letters, digits and hyphens (at most {max_length})."}
        )
    if slug == signatory.slug:
        raise ValidationError({"slug": "That is already the signatory's address."})
    if Signatory.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": f"“{slug}” is the address of another signatory."})
    held = SignatoryRedirect.objects.filter(old_slug=slug).first()
    if held is not None and held.signatory_id != signatory.pk:
        raise ValidationError(
            {"slug": f"“{slug}” is an old address that redirects to “{held.signatory.name}”."}
        )
    scope = Scope(signatories={signatory.pk}, redirects_of={signatory.pk})
    before = begin(scope)
    old = signatory.slug
    if held is not None:
        delete_with_reason(held, reason=reason, user=user)
    signatory.slug = slug
    save_with_reason(signatory, reason=reason, user=user, update_fields=["slug"])
    SignatoryRedirect.objects.create(old_slug=old, signatory=signatory)
    return record(
        letter=signatory.letter,
        action=CorrectionAction.SLUG,
        summary=f"“{signatory.name}” moved from /signatories/{old}/ to /signatories/{slug}/",
        changes=[{"field": "address", "old": old, "new": slug}],
        reason=reason,
        evidence_url=evidence_url,
        user=user,
        signatories=[signatory],
        undo=undo_record(scope, before),
    )

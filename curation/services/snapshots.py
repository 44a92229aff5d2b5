"""The rows a correction touched, as they were before and after it, so that it can be undone.

A curation service names its `Scope` (which signatories, entries, overrides, aliases, old slugs,
source notes and log links it may change), `capture`s it before writing and hands the scope and
that capture to `undo_record`, which captures it again after the writes. `restore` later checks
that the rows are still as the correction left them and writes them back as they were before:
same primary keys, same values, timestamps included. One mechanism for every kind of correction,
so an undo is exact by construction (tests/curation/test_undo.py compares the tables).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, fields

from django.core.exceptions import ValidationError
from django.db.models import BinaryField, Max, Q

from curation.models import Correction, SourceNote
from curation.services.common import User, delete_with_reason, save_with_reason
from signatories.models import Alias, ListEntry, MatchOverride, Signatory, SignatoryRedirect

Link = Correction.signatories.through
MODELS = {
    "signatory": Signatory,
    "override": MatchOverride,
    "alias": Alias,
    "redirect": SignatoryRedirect,
    "source_note": SourceNote,
    "entry": ListEntry,
    "link": Link,
}
# Written in this order; rows that must go are deleted before (signatories after) the writes.
WRITE_ORDER = ["signatory", "override", "alias", "redirect", "source_note", "entry", "link"]


@dataclass
class Scope:
    """What a correction may change. Sets of primary keys, or of the keys named."""

    signatories: set[int] = field(default_factory=set)
    entries: set[int] = field(default_factory=set)
    entries_of: set[int] = field(default_factory=set)  # every entry of these signatories
    aliases: set[int] = field(default_factory=set)
    aliases_of: set[int] = field(default_factory=set)
    redirects_of: set[int] = field(default_factory=set)
    overrides_of: set[int] = field(default_factory=set)
    override_keys: set[tuple[int, str, int]] = field(default_factory=set)  # letter, source, ordinal
    source_notes: set[tuple[int, str]] = field(default_factory=set)  # letter, source slug
    links_of: set[int] = field(default_factory=set)  # log links of these signatories

    def as_json(self) -> dict:
        return {f.name: sorted(list(v) if isinstance(v, tuple) else v for v in getattr(self, f.name))
                for f in fields(self)}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict) -> Scope:
        return cls(**{k: {tuple(v) if isinstance(v, list) else v for v in vs}
                      for k, vs in data.items()})  # fmt: skip

    def querysets(self, last_correction: int) -> dict[str, object]:
        def any_of(*conditions: Q) -> Q:
            found = Q(pk__in=[])
            for condition in conditions:
                found |= condition
            return found

        override_keys = any_of(
            *(Q(letter_id=let, source_slug=s, ordinal=o) for let, s, o in self.override_keys)
        )
        notes = any_of(*(Q(letter_id=let, source_slug=s) for let, s in self.source_notes))
        return {
            "signatory": Signatory.objects.filter(pk__in=self.signatories),
            "override": MatchOverride.objects.filter(
                Q(signatory_id__in=self.overrides_of) | override_keys
            ),
            "alias": Alias.objects.filter(
                Q(pk__in=self.aliases) | Q(signatory_id__in=self.aliases_of)
            ),
            "redirect": SignatoryRedirect.objects.filter(signatory_id__in=self.redirects_of),
            "source_note": SourceNote.objects.filter(notes),
            "entry": ListEntry.objects.filter(
                Q(pk__in=self.entries) | Q(signatory_id__in=self.entries_of)
            ),
            # Only the links of corrections made before this one: later ones are not its doing.
            "link": Link.objects.filter(
                signatory_id__in=self.links_of, correction_id__lte=last_correction
            ),
        }


def row_key(name: str, obj) -> str:
    if name == "link":
        return f"{obj.correction_id}:{obj.signatory_id}"
    return str(obj.pk)


def row_values(obj) -> dict:
    values = {}
    for f in obj._meta.concrete_fields:
        if isinstance(f, BinaryField):
            continue  # derived on save (a signatory's sort key, from its name); not JSON
        value = getattr(obj, f.attname)
        if isinstance(value, datetime.date | datetime.datetime):
            value = value.isoformat()
        values[f.attname] = value
    if isinstance(obj, Link):
        values.pop("id")
    return values


def capture(scope: Scope, last_correction: int | None = None) -> dict[str, dict[str, dict]]:
    """{model name: {row key: values}} of every row in the scope now."""
    if last_correction is None:
        last_correction = latest_correction_id()
    return {
        name: {row_key(name, obj): row_values(obj) for obj in queryset}
        for name, queryset in scope.querysets(last_correction).items()
    }


def latest_correction_id() -> int:
    return Correction.objects.aggregate(last=Max("pk"))["last"] or 0


def begin(scope: Scope) -> dict:
    """Capture the scope before a correction's writes (hand the result to `undo_record`)."""
    last = latest_correction_id()
    return {"last_correction": last, "rows": capture(scope, last)}


def undo_record(scope: Scope, before: dict) -> dict:
    """What `restore` needs: the scope, and its rows before and after the correction's writes."""
    last = before["last_correction"]
    return {
        "scope": scope.as_json(),
        "last_correction": last,
        "before": before["rows"],
        "after": capture(scope, last),
    }


def touched_signatories(data: dict) -> set[int]:
    found = set()
    for state in ("before", "after"):
        rows = data[state]
        found |= {int(pk) for pk in rows.get("signatory", {})}
        for name in ("entry", "override", "alias", "redirect", "link"):
            found |= {r["signatory_id"] for r in rows.get(name, {}).values()}
    return found


def differences(data: dict) -> list[str]:
    """The rows of the scope that are no longer as the correction left them."""
    scope = Scope.from_json(data["scope"])
    now = capture(scope, data["last_correction"])
    changed = []
    for name in WRITE_ORDER:
        after, current = data["after"].get(name, {}), now.get(name, {})
        for key in sorted(after.keys() | current.keys()):
            if after.get(key) != current.get(key):
                changed.append(describe(name, after.get(key) or current.get(key)))
    return changed


def describe(name: str, values: dict) -> str:
    if name == "signatory":
        return f"the signatory “{values['name']}”"
    if name == "entry":
        return f"the entry “{values['text']}”"
    if name == "override":
        return f"the match override of {values['source_slug']} #{values['ordinal']}"
    if name == "alias":
        return f"the alias “{values['name']}”"
    if name == "redirect":
        return f"the old address “{values['old_slug']}”"
    if name == "source_note":
        return f"the note on the source {values['source_slug']}"
    return "the corrections log's links"


def restore(data: dict, *, reason: str, user: User) -> set[int]:
    """Put every row of the scope back as it was before the correction; return the ids of the
    signatories touched. Refuses, changing nothing, when a row changed since."""
    changed = differences(data)
    if changed:
        unique = list(dict.fromkeys(changed))
        shown = "; ".join(unique[:3])
        more = f" and {len(unique) - 3} more" if len(unique) > 3 else ""
        raise ValidationError(
            f"This correction cannot be undone: {shown}{more} changed after it, by a later "
            "correction or an import. Undo the later corrections first."
        )
    before, after = data["before"], data["after"]
    why = {"reason": reason, "user": user}
    for name in WRITE_ORDER:  # rows the correction created go first, signatories last
        if name != "signatory":
            for key in after.get(name, {}).keys() - before.get(name, {}).keys():
                remove(name, after[name][key], **why)
    for name in WRITE_ORDER:
        for key, values in before.get(name, {}).items():
            if after.get(name, {}).get(key) != values:
                write(name, values, creating=key not in after.get(name, {}), **why)
    for key in after.get("signatory", {}).keys() - before.get("signatory", {}).keys():
        remove("signatory", after["signatory"][key], **why)
    return touched_signatories(data)


def python_values(model, values: dict) -> dict:
    converted = {}
    for f in model._meta.concrete_fields:
        if f.attname in values:
            value = values[f.attname]
            converted[f.attname] = f.to_python(value) if isinstance(value, str) else value
    return converted


def write(name: str, values: dict, *, creating: bool, reason: str, user: User) -> None:
    model = MODELS[name]
    values = python_values(model, values)
    if name == "link":
        Link.objects.get_or_create(**values)
        return
    obj = model(**values)
    save_with_reason(obj, reason=reason, user=user, force_insert=creating)
    # save() sets auto_now and auto_now_add stamps: put the recorded ones back.
    model.objects.filter(pk=obj.pk).update(**{k: v for k, v in values.items() if k != "id"})


def remove(name: str, values: dict, *, reason: str, user: User) -> None:
    model = MODELS[name]
    if name == "link":
        Link.objects.filter(
            correction_id=values["correction_id"], signatory_id=values["signatory_id"]
        ).delete()
        return
    obj = model.objects.filter(pk=values["id"]).first()
    if obj is not None:
        delete_with_reason(obj, reason=reason, user=user)

"""What every curation service does alike: save with the reason and the curator on the history
row, lock the signatory it changes, name an entry in the log."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Model

from signatories.models import ListEntry, Signatory

User = AbstractBaseUser | None


def save_with_reason(
    obj: Model,
    *,
    reason: str,
    user: User,
    update_fields: list[str] | None = None,
    force_insert: bool = False,
) -> None:
    """Save with the reason and the curator on the history row."""
    obj._change_reason = reason[:100]  # the history column's width; the log keeps it whole
    if user is not None:
        obj._history_user = user
    obj.save(update_fields=update_fields, force_insert=force_insert)


def delete_with_reason(obj: Model, *, reason: str, user: User) -> None:
    obj._change_reason = reason[:100]  # the history column's width; the log keeps it whole
    if user is not None:
        obj._history_user = user
    obj.delete()


def locked(signatory: Signatory) -> Signatory:
    """Lock the signatory's row for the transaction and bring the caller's instance up to date."""
    Signatory.objects.select_for_update().filter(pk=signatory.pk).first()
    signatory.refresh_from_db()
    return signatory


def entry_label(entry: ListEntry) -> str:
    return f"“{entry.text}” ({entry.source.slug} #{entry.ordinal})"

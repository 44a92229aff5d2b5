"""Curators' operations on signatories, entries and sources: the only way curation writes.

Each operation is one transaction, needs a reason (an evidence link is optional), writes only
curator-owned fields and records, never an importer-owned one, and is logged in the public
corrections log. Entries a curator moves or confirms are pinned with a `MatchOverride`, which
`load_letter` honours, so the decision survives re-import; the importer's evidence stays beside
the pin. Every correction records what it changed, and `correction_undo` puts that back.
"""

from curation.services.common import User
from curation.services.entries import (
    check_not_last_entry,
    entry_split,
    evidence,
    match_override,
    match_override_remove,
    pin_entry,
)
from curation.services.merge import signatory_merge
from curation.services.signatories import (
    DETAIL_FIELDS,
    NAME_LANGUAGE_RE,
    alias_add,
    alias_remove,
    signatories_named,
    signatory_change_slug,
    signatory_rename,
    signatory_set_details,
    signatory_set_note,
)
from curation.services.sources import source_set_note
from curation.services.undo import correction_undo, undo_refusal

__all__ = [
    "DETAIL_FIELDS", "NAME_LANGUAGE_RE", "User", "alias_add", "alias_remove",
    "check_not_last_entry", "correction_undo", "entry_split", "evidence", "match_override",
    "match_override_remove", "pin_entry", "signatories_named", "signatory_change_slug",
    "signatory_merge", "signatory_rename", "signatory_set_details", "signatory_set_note",
    "source_set_note", "undo_refusal",
]  # fmt: skip

"""Signals the importer sends, so that a higher layer (curation) can answer without the importer
importing it."""

from django.dispatch import Signal

# Sent inside the import's transaction with `letter` and `slugs` (sources that left letter.toml
# or came back). A receiver returns {slug: ["a source note", ...]}: what it keeps about those
# sources, which the importer reports as kept dormant, or back in force.
source_curation = Signal()

# Sent inside the import's transaction once the letter's entries and signatories are written,
# with `letter` and `folder` (the letter's folder, where curation shipped with the letter lives).
# A receiver returns what it applied, as lines for the import's report ([] when nothing), and
# raises LoadError to refuse the whole import, which then writes nothing.
letter_loaded = Signal()

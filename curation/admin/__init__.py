"""The curation admin: imported records read-only, every change through `curation.services`.

`signatories` (curated fields, address, aliases; the merge screen in `merge_view`), `entries`
(pins, moves, splits, aliases; the review queue in `review_view`), `records` (the corrections log
with its diff and undo, old slugs, source notes), `sources` (a source's page with its note);
`filters`, `forms`, `actions`, `search`, `diff` and `history` are what they share.
"""

from curation.admin import entries, records, signatories, sources  # noqa: F401 (registers them)

"""The curation admin: imported records read-only, every change through `curation.services`.

`signatories` (rename, details, aliases, merge), `entries` (match overrides, splits, aliases),
`records` (the corrections log, old slugs, source notes); `filters`, `forms`, `actions` and
`history` are what they share.
"""

from curation.admin import entries, records, signatories  # noqa: F401 (registers the admins)

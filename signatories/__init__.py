"""Who signed, and which line of which copy says so: `Signatory`, `ListEntry` (one line of one
copy's list, as printed), and the curators' `MatchOverride`, `Alias` and `SignatoryRedirect`;
`rules` holds what the importer and curators both apply (the display-name rule, free slugs,
dropping signatories left with no entry), `Signatory.objects.curated()` and `.in_every_list()`."""

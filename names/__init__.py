"""The text core: pure functions on how names are written, shared by matching and search.

No Django here. `folding` turns any printed name into plain ASCII words (accents, scripts, case,
look-alike letters, encoding noise); `keys` builds the matching keys from strict to lax and judges
extraction artefacts; `scripts` tells the script, direction and (when certain) language of a name;
`distance` holds the edit distances and transliteration skeletons that typo correction uses.
"""

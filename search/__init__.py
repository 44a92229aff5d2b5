"""Search: one folded document per signatory (`documents`, `keys`), the vocabulary typos are
corrected against (`vocabulary`), and the ranked query (`plans` finds the matches, `sampling`
picks those a page ranks, `queries` ranks them and answers a `SearchResult`)."""

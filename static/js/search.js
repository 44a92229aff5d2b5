// Progressive enhancement of the directory search; written by the search engineer.

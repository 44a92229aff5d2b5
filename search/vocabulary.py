"""What the vocabulary says about a query's words: likely corrections, and how common each is."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from search.keys import (
    MAX_CORRECTIONS,
    correction_cutoff,
    corrections,
    filed_near,
    lookup_keys,
)
from search.models import SearchTerm

# A word this many documents have is spelled as the user meant, and too common to tell names
# apart: guessing at its variants would only cost index lookups ("committee" -> "comitede").
COMMON = 1000
# A word some document has was likely typed as meant: look only for its closest related forms
# ("amnesty" -> "amnestie"), itself included; each one costs an index lookup.
KNOWN_WORD_CORRECTIONS = 3


@dataclass
class WordInfo:
    corrections: dict[str, list[str]] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)  # term -> documents that have it

    def frequency(self, term: str) -> int:
        """Documents with the term; 0 for a word no document has (a typo, a partial word)."""
        return self.documents.get(term, 0)


def look_up(words, using: str = "default") -> WordInfo:
    """Corrections for the query words, and the document counts of them and their corrections.

    Two indexed queries: the words themselves first, then the terms filed near the words worth
    correcting (not the common ones; for a word some document has, by its beginning only).
    """
    words = list(dict.fromkeys(words))
    terms = SearchTerm.objects.using(using)
    info = WordInfo(documents=dict(terms.filter(term__in=words).values_list("term", "documents")))
    wanted = {
        w: w not in info.documents  # unknown words (typos) are also looked up by their ending
        for w in words
        if correction_cutoff(w) is not None and info.frequency(w) < COMMON
    }
    if not wanted:
        return info
    keys = set().union(*(lookup_keys(w, tails=False) for w in wanted))
    tails = set().union(*(lookup_keys(w) for w, unknown in wanted.items() if unknown))
    rows = terms.filter(
        Q(head_key__in=keys) | Q(skeleton_key__in=keys) | Q(tail_key__in=tails)
    ).values_list("term", "head_key", "tail_key", "skeleton_key", "documents")
    filed = []
    for term, head, tail, skeleton_head, documents in rows:
        filed.append((term, (head, tail, skeleton_head)))
        info.documents[term] = documents
    info.corrections = {
        word: corrections(
            word,
            filed_near(word, filed, tails=unknown),
            limit=MAX_CORRECTIONS if unknown else KNOWN_WORD_CORRECTIONS,
        )
        for word, unknown in wanted.items()
    }
    return info

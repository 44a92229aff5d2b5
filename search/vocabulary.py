"""Typo corrections from the SearchTerm table: the terms filed near each word, then scored."""

from __future__ import annotations

from django.db.models import Q

from search.keys import correction_cutoff, corrections, filed_near, lookup_keys
from search.models import SearchTerm


def corrections_for(words, using: str = "default") -> dict[str, list[str]]:
    """{word: likely corrections} for the query words, with one indexed query for all of them."""
    wanted = [w for w in dict.fromkeys(words) if correction_cutoff(w) is not None]
    if not wanted:
        return {}
    keys = set().union(*(lookup_keys(w) for w in wanted))
    filed = [
        (term, term_keys)
        for term, *term_keys in SearchTerm.objects.using(using)
        .filter(Q(head_key__in=keys) | Q(tail_key__in=keys) | Q(skeleton_key__in=keys))
        .values_list("term", "head_key", "tail_key", "skeleton_key")
    ]
    return {word: corrections(word, filed_near(word, filed)) for word in wanted}

"""The vocabulary typos are corrected against, loaded once per process and reloaded when it grows."""

from __future__ import annotations

import threading

from django.db.models import Count, Max

from search.keys import Vocabulary
from search.models import SearchTerm

_lock = threading.Lock()
_cache: dict[str, tuple[tuple, Vocabulary]] = {}


def vocabulary(using: str = "default") -> Vocabulary:
    """The current vocabulary; one cheap aggregate query tells whether the terms changed since."""
    version = tuple(
        SearchTerm.objects.using(using)
        .aggregate(last_id=Max("pk"), count=Count("pk"), last_term=Max("term"))
        .values()
    )
    cached = _cache.get(using)
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        terms = SearchTerm.objects.using(using).values_list("term", flat=True).iterator()
        loaded = Vocabulary(terms)
        _cache[using] = (version, loaded)
    return loaded

"""Searching signatories: the one ranked search behind the directory's `q` and the API's `q`."""

from django.db.models import QuerySet

from search.queries import ranked_search


def search_signatories(queryset: QuerySet, q: str) -> QuerySet:
    """Signatories of `queryset` found by `q`, best first (see `search.queries` for the tiers).

    Compares folded text (accents, case, scripts, apostrophes, lost spaces) across the display
    name, every source reading and every alias; a blank query returns the queryset unchanged. The
    result keeps the caller's filters and prefetches and can be filtered, counted and paginated.
    """
    q = (q or "").strip()
    if not q:
        return queryset
    return ranked_search(queryset, q)

"""Searching signatories: the one ranked search behind the directory's `q` and the API's `q`."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from search.queries import SearchResult, ranked_search


def search_signatories(
    queryset: QuerySet, q: str, *, complete: bool = False, fields: tuple[str, ...] = ()
) -> SearchResult:
    """Signatories of `queryset` found by `q`, best first (see `search.queries` for the tiers).

    Compares folded text (accents, case, scripts, apostrophes, lost spaces) across the display
    name, every source reading and every alias; a blank query leaves the queryset unchanged. The
    result's queryset keeps the caller's filters and prefetches and can be counted and paginated;
    filter the queryset before searching it, since a search may rank only some of its matches.

    Pages rank at most `settings.SEARCH_RANKED_LIMIT` matches (see `cut_short`), reading the
    `fields` a page shows of each with them (the result's `rows`); `complete` ranks them all,
    for downloads, at the cost of reading every match.
    """
    q = (q or "").strip()
    if not q:
        return SearchResult(signatories=queryset)
    if complete:
        return ranked_search(queryset, q)
    return ranked_search(queryset, q, settings.SEARCH_RANKED_LIMIT, fields)


def cut_short(count: int) -> bool:
    """Whether a (not `complete`) search that gave `count` results ranked only some matches."""
    return count > settings.SEARCH_RANKED_LIMIT


class SearchPaginator(Paginator):
    """Pages of a search's signatories, counted from the rows the search ranked rather than by
    asking the database again (counted as usual when it ranked them all), and read from its
    `rows` when it has them."""

    def __init__(self, result: SearchResult, per_page, **kwargs):
        shown = result.signatories if result.rows is None else result.rows
        super().__init__(shown, per_page, **kwargs)
        self.result = result

    @cached_property
    def count(self) -> int:
        return super().count if self.result.ranked is None else self.result.ranked

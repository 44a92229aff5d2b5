"""Searching signatories: the one ranked search behind the directory's `q` and the API's `q`."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from search.queries import ranked_count, ranked_search, search_facts


def search_signatories(queryset: QuerySet, q: str, *, complete: bool = False) -> QuerySet:
    """Signatories of `queryset` found by `q`, best first (see `search.queries` for the tiers).

    Compares folded text (accents, case, scripts, apostrophes, lost spaces) across the display
    name, every source reading and every alias; a blank query returns the queryset unchanged. The
    result keeps the caller's filters and prefetches and can be counted and paginated; filter
    the queryset before searching it, since a search may rank only some of its matches.

    Pages rank at most `settings.SEARCH_RANKED_LIMIT` matches (see `cut_short`); `complete`
    ranks them all, for downloads, at the cost of reading every match.
    """
    q = (q or "").strip()
    if not q:
        return queryset
    return ranked_search(queryset, q, None if complete else settings.SEARCH_RANKED_LIMIT)


def words_left_out(results) -> tuple[tuple[str, ...], str]:
    """The (folded) words a search left out because no signatory has them all, and the query it
    searched for instead; ((), "") when it left none out or `results` is not a search."""
    facts = search_facts(results) if isinstance(results, QuerySet) else None
    if facts is None or not facts.left_out:
        return (), ""
    return facts.left_out, facts.searched


def cut_short(count: int) -> bool:
    """Whether a (not `complete`) search that gave `count` results ranked only some matches."""
    return count > settings.SEARCH_RANKED_LIMIT


class SearchPaginator(Paginator):
    """A paginator that takes a search's count from the rows it ranked rather than asking the
    database again; other querysets are counted as usual."""

    @cached_property
    def count(self) -> int:
        known = ranked_count(self.object_list) if isinstance(self.object_list, QuerySet) else None
        return super().count if known is None else known

"""Read-only JSON API for signatories: the contract clients and tests rely on."""

from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from signatories.models import ListEntry, Signatory
from signatories.search import SearchPaginator, cut_short, search_signatories, words_left_out

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_QUERY_LENGTH = 200


def bad_request(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400)


def positive_int(value: str | None, default: int) -> int | None:
    if value in (None, ""):
        return default
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        return None
    number = int(value)
    return number if number >= 1 else None


def signatories_with_entries():
    """Signatories with their entries in `listed_entries`, in list order: a plain list, which
    costs less than a related manager's queryset made for each signatory of the page."""
    # Without the copies' full texts: one per entry, they made every page cost megabytes.
    entries = (
        ListEntry.objects.select_related("source")
        .defer("source__text", "source__body")
        .order_by("source__position", "ordinal")
    )
    return Signatory.objects.prefetch_related(
        Prefetch("entries", queryset=entries, to_attr="listed_entries")
    )


def entry_data(entry: ListEntry) -> dict:
    return {
        "source": entry.source.slug,
        "ordinal": entry.ordinal,
        "number": entry.number,
        "text": entry.text,
        "line_start": entry.line_start,
        "line_end": entry.line_end,
        "match_method": entry.match_method,
        "match_score": entry.match_score,
    }


def signatory_data(request, signatory: Signatory) -> dict:
    return {
        "slug": signatory.slug,
        "name": signatory.name,
        "kind": signatory.kind,
        "url": request.build_absolute_uri(signatory.get_absolute_url()),
        "entries": [entry_data(e) for e in signatory.listed_entries],
    }


@require_safe
def signatory_list(request):
    q = request.GET.get("q", "").strip()
    if "\x00" in q or len(q) > MAX_QUERY_LENGTH:
        return bad_request(f"q must be text of at most {MAX_QUERY_LENGTH} characters")
    page_number = positive_int(request.GET.get("page"), 1)
    page_size = positive_int(request.GET.get("page_size"), DEFAULT_PAGE_SIZE)
    if page_number is None:
        return bad_request("page must be a positive whole number")
    if page_size is None:
        return bad_request("page_size must be a positive whole number")
    page_size = min(page_size, MAX_PAGE_SIZE)

    queryset = search_signatories(signatories_with_entries().order_by("name", "pk"), q)
    paginator = SearchPaginator(queryset, page_size)
    if page_number > max(paginator.num_pages, 1):
        raise Http404("No such page.")
    page = paginator.page(page_number)

    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return JsonResponse(
        {
            "count": paginator.count,
            "count_exact": not (q and cut_short(paginator.count)),
            # No signatory has every word of q: these results are for q without these words.
            "words_left_out": list(words_left_out(queryset)[0]),
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": [signatory_data(request, s) for s in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


signatory_list.query_parameters = frozenset({"q", "page", "page_size"})


@require_safe
def signatory_detail(request, slug: str):
    signatory = get_object_or_404(signatories_with_entries(), slug=slug)
    return JsonResponse(
        signatory_data(request, signatory), json_dumps_params={"ensure_ascii": False}
    )

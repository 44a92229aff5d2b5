"""Read-only JSON API for signatories: the contract clients and tests rely on."""

from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from public.search import SearchPaginator, cut_short, search_signatories
from signatories.models import Alias, ListEntry, Signatory
from web.api_json import api_error, api_json, api_list

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_QUERY_LENGTH = 200


def bad_request(message: str) -> JsonResponse:
    return api_error(400, message)


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
    entries = (
        ListEntry.objects.select_related("source", "override")
        .defer("source__text", "source__body", "source__raw")
        .order_by("source__position", "ordinal")
    )
    return Signatory.objects.prefetch_related(
        Prefetch("entries", queryset=entries, to_attr="listed_entries"),
        Prefetch("aliases", queryset=Alias.objects.order_by("name")),
    )


def pin_data(entry: ListEntry) -> dict | None:
    """A curator's decision about the entry, beside the importer's evidence; None if none."""
    if entry.override is None:
        return None
    return {
        "decision": entry.override.kind,
        "label": entry.override.get_kind_display(),
        "pinned_at": entry.override.created_at.isoformat(),
    }


def curated_data(signatory: Signatory) -> dict:
    """What curators published about a signatory: aliases with their language, country,
    language of the name and public note."""
    return {
        "aliases": [
            {"name": a.name, "language": a.language or None} for a in signatory.aliases.all()
        ],
        "country": signatory.country or None,
        "country_name": signatory.country_name or None,
        "language": signatory.name_language or None,
        "note": signatory.public_note or None,
    }


def entry_data(request, entry: ListEntry) -> dict:
    source_url = entry.source.get_absolute_url()
    return {
        "type": "entry",
        "source": entry.source.slug,
        "source_api_url": request.build_absolute_uri(
            reverse("api:source", args=[entry.source.slug])
        ),
        # The entry's first line on its source's page, where the whole text is numbered.
        "line_url": request.build_absolute_uri(f"{source_url}#L{entry.line_start}"),
        "ordinal": entry.ordinal,
        "number": entry.number,
        "text": entry.text,
        "place": entry.place,
        "line_start": entry.line_start,
        "line_end": entry.line_end,
        "match_method": entry.match_method,
        "match_score": entry.similarity,
        "curator_pin": pin_data(entry),
    }


def signatory_data(request, signatory: Signatory) -> dict:
    return {
        "type": "signatory",
        "api_url": request.build_absolute_uri(reverse("api:signatory", args=[signatory.slug])),
        "url": request.build_absolute_uri(signatory.get_absolute_url()),
        "slug": signatory.slug,
        "name": signatory.name,
        "kind": signatory.kind,
        **curated_data(signatory),
        "entries": [entry_data(request, e) for e in signatory.listed_entries],
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

    result = search_signatories(signatories_with_entries().order_by("sort_key", "pk"), q)
    paginator = SearchPaginator(result, page_size)
    if page_number > max(paginator.num_pages, 1):
        raise Http404("No such page.")
    page = paginator.page(page_number)

    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return api_json(
        api_list(
            [
                {
                    **signatory_data(request, s),
                    "match": result.match(s) if q else None,
                    "words_missing": list(result.missing(s)),
                }
                for s in page.object_list
            ],
            count=paginator.count,
            next_url=link(page.next_page_number()) if page.has_next() else None,
            previous_url=link(page.previous_page_number()) if page.has_previous() else None,
            count_exact=not (q and cut_short(paginator.count)),
            # No signatory has every word of q: these results are for q without these words.
            words_left_out=list(result.left_out),
        )
    )


signatory_list.query_parameters = frozenset({"q", "page", "page_size"})


@require_safe
def signatory_detail(request, slug: str):
    signatory = get_object_or_404(signatories_with_entries(), slug=slug)
    return api_json(signatory_data(request, signatory))

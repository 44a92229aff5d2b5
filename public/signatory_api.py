"""Read-only JSON API for signatories: the contract clients and tests rely on."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from public.links import SlugLink
from public.page_details import PageDetails, page_details
from public.search import SearchPaginator, cut_short, search_signatories
from signatories.models import ListEntry, MatchMethod, PinKind, Signatory
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


# The fields the API shows of a signatory (its entries and aliases: `page_details`).
API_FIELDS = ("slug", "name", "kind", "country", "name_language", "public_note")


def api_signatories():
    """Signatories with the fields the API shows."""
    return Signatory.objects.only(*API_FIELDS)


def pin_data(entry: ListEntry) -> dict | None:
    """A curator's decision about the entry, beside the importer's evidence; None if none."""
    if entry.override is None:
        return None
    return pin_row_data(entry.override.kind, entry.override.created_at)


def pin_row_data(kind: str, created_at) -> dict:
    return {
        "decision": kind,
        "label": str(PIN_LABELS.get(kind, kind)),
        "pinned_at": created_at.isoformat(),
    }


PIN_LABELS = dict(PinKind.choices)


def curated_data(signatory: Signatory, aliases: list[dict] | None = None) -> dict:
    """What curators published about a signatory: aliases with their language, country,
    language of the name and public note. `aliases` as `page_details` reads them, else the
    signatory's (prefetched) aliases."""
    if aliases is None:
        aliases = [
            {"name": a.name, "language": a.language or None} for a in signatory.aliases.all()
        ]
    return {
        "aliases": aliases,
        "country": signatory.country or None,
        "country_name": signatory.country_name or None,
        "language": signatory.name_language or None,
        "note": signatory.public_note or None,
    }


class Serializer:
    """The JSON of signatories and their entries, with every link's address resolved once."""

    def __init__(self, request):
        self.signatory_api_url = SlugLink(request, "api:signatory")
        self.signatory_url = SlugLink(request, "signatories:detail")
        self.source_api_url = SlugLink(request, "api:source")
        self.source_url = SlugLink(request, "letters:source-detail")

    def entry(self, row: dict) -> dict:
        slug, method = row["source__slug"], row["match_method"]
        return {
            "type": "entry",
            "source": slug,
            "source_api_url": self.source_api_url(slug),
            # The entry's first line on its source's page, where the whole text is numbered.
            "line_url": f"{self.source_url(slug)}#L{row['line_start']}",
            "ordinal": row["ordinal"],
            "number": row["number"],
            "text": row["text"],
            "place": row["place"],
            "line_start": row["line_start"],
            "line_end": row["line_end"],
            "match_method": method,
            "match_score": None if method == MatchMethod.NEW else row["match_score"],
            "curator_pin": None
            if row["override_id"] is None
            else pin_row_data(row["override__kind"], row["override__created_at"]),
        }

    def signatory(self, signatory: Signatory, details: PageDetails) -> dict:
        return {
            "type": "signatory",
            "api_url": self.signatory_api_url(signatory.slug),
            "url": self.signatory_url(signatory.slug),
            "slug": signatory.slug,
            "name": signatory.name,
            "kind": signatory.kind,
            **curated_data(signatory, details.aliases[signatory.pk]),
            "entries": [self.entry(row) for row in details.entries[signatory.pk]],
        }

    def signatories(self, signatories: list[Signatory]) -> list[dict]:
        details = page_details([s.pk for s in signatories])
        return [self.signatory(s, details) for s in signatories]


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

    result = search_signatories(api_signatories().order_by("sort_key", "pk"), q, fields=API_FIELDS)
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
                    **data,
                    "match": result.match(s) if q else None,
                    "words_missing": list(result.missing(s)),
                }
                for s, data in zip(
                    page.object_list,
                    Serializer(request).signatories(list(page.object_list)),
                    strict=True,
                )
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
    signatory = get_object_or_404(api_signatories(), slug=slug)
    return api_json(Serializer(request).signatories([signatory])[0])

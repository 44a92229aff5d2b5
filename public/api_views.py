"""The API's own pages: its index, linking every endpoint, and its OpenAPI description."""

from django.urls import reverse
from django.views.decorators.http import require_safe

from public.openapi import openapi_description
from web.api_json import api_json


def endpoint_urls(request) -> dict[str, str]:
    """Every endpoint's address; those of one object as a template with `{slug}`."""
    absolute = request.build_absolute_uri
    return {
        "letter_url": absolute(reverse("api:letter")),
        "sources_url": absolute(reverse("api:sources")),
        "source_url": absolute(reverse("api:sources")) + "/{slug}",
        "signatories_url": absolute(reverse("api:signatories")),
        "signatory_url": absolute(reverse("api:signatories")) + "/{slug}",
        "corrections_url": absolute(reverse("api:corrections")),
        "openapi_url": absolute(reverse("api:openapi")),
    }


@require_safe
def index(request):
    absolute = request.build_absolute_uri
    return api_json(
        {
            "type": "index",
            "api_url": absolute(reverse("api:index")),
            "url": absolute(reverse("letters:letter")),
            **endpoint_urls(request),
            # The whole archive as a BagIt bag: every copy byte for byte and the data.
            "bag_url": absolute(reverse("letters:archive-bag")),
            "downloads": {
                "signatories_csv": absolute(reverse("signatories:csv")),
                "signatories_one_row_each_csv": absolute(reverse("signatories:csv-one-row-each")),
                "signatories_json": absolute(reverse("signatories:json")),
                "corrections_atom": absolute(reverse("curation:feed")),
            },
        }
    )


@require_safe
def openapi(request):
    return api_json(openapi_description(request.build_absolute_uri("/").rstrip("/")))

"""Permanent redirects from the old URLs of merged signatories to the survivor's.

The public views stay unaware of merges: when one of them answers 404 for a signatory page or its
JSON twin, the slug is looked up among the old slugs curators' merges left behind.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse

from signatories.models import SignatoryRedirect

REDIRECTED_VIEWS = {"signatories:detail", "api:signatory"}


class MergedSignatoryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return response
        if match.view_name not in REDIRECTED_VIEWS or "slug" not in match.kwargs:
            return response
        redirect = (
            SignatoryRedirect.objects.select_related("signatory")
            .filter(old_slug=match.kwargs["slug"])
            .first()
        )
        if redirect is None:
            return response
        url = reverse(match.view_name, kwargs={"slug": redirect.signatory.slug})
        if request.META.get("QUERY_STRING"):
            url = f"{url}?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(url)

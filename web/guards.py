"""Refuse, generically and before any view runs, what a read-only archive never needs to accept."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from web.errors import error_response
from web.public import is_public_path

SAFE_METHODS = frozenset({"GET", "HEAD"})


def method_not_allowed(request):
    response = error_response(
        request,
        status=405,
        template="400.html",
        title="Method not allowed",
        message="This archive is read-only: its pages can only be read (GET or HEAD).",
    )
    response["Allow"] = "GET, HEAD"
    return response


def too_long(request):
    return error_response(
        request,
        status=414,
        template="400.html",
        title="Address too long",
        message="The address or its query is longer than this archive accepts.",
    )


def contains_nul(request):
    return error_response(
        request,
        status=400,
        template="400.html",
        title="Bad request",
        message="The address contains a NUL character.",
    )


def has_nul(request) -> bool:
    # Query strings are decoded with replacement, so only NUL survives to reach the database,
    # where PostgreSQL refuses it in text.
    if "\x00" in request.path_info:
        return True
    return any(
        "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
    )


class RequestGuardMiddleware:
    """Public paths accept GET and HEAD only; every path refuses oversized or NUL-bearing input."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = self.refusal(request)
        if refusal is None:
            return self.get_response(request)
        add_never_cache_headers(refusal)
        return refusal

    @staticmethod
    def refusal(request):
        if request.method not in SAFE_METHODS and is_public_path(request.path_info):
            return method_not_allowed(request)
        if (
            len(request.META.get("QUERY_STRING", "")) > settings.MAX_QUERY_STRING_LENGTH
            or len(request.path_info) > settings.MAX_PATH_LENGTH
        ):
            return too_long(request)
        if has_nul(request):
            return contains_nul(request)
        return None

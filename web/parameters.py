"""Public views see only the query parameters they declare; caches key on those alone.

A public view declares the parameters it reads in a `query_parameters` attribute (a frozenset,
on the view function or the class-based view). Before any view runs, `request.GET` keeps only
those (`?utm_source=x` or `?junk=123` reach no view, no template, no link), and
`canonical_query` is what is left, sorted: the same page for the same parameters, whatever else
the address carried. The in-process response cache keys on it, and nginx's cache key names the
same parameters (deploy/nginx-archive.conf; tests/test_nginx_cache_key.py keeps the two in step),
so a flood of junk parameters is one cache entry, not one per request.

A view that reads a parameter it did not declare always finds it absent, and a warning says so.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import Resolver404, resolve

from web.guards import SAFE_METHODS
from web.public import is_public_path

logger = logging.getLogger(__name__)


def declared_parameters(view) -> frozenset[str]:
    """The query parameters a view function (or its class-based view) declares it reads."""
    declared = getattr(view, "query_parameters", None)
    if declared is None:
        declared = getattr(getattr(view, "view_class", None), "query_parameters", None)
    return frozenset(declared or ())


def canonical_query(query: QueryDict) -> str:
    """The parameters, sorted by name (each one's values in the order given), URL-encoded."""
    return urlencode(sorted((name, value) for name in query for value in query.getlist(name)))


class DeclaredQueryDict(QueryDict):
    """The declared parameters of a request; asking for another one logs a warning."""

    # None for copies (links built from the parameters), which nobody needs to watch.
    declared: frozenset[str] | None = None
    view_name = ""

    def note(self, key) -> None:
        if self.declared is not None and key not in self.declared:
            logger.warning(
                "%s reads the query parameter %r, which it does not declare in query_parameters",
                self.view_name,
                key,
            )

    def __getitem__(self, key):
        self.note(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.note(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.note(key)
        return super().getlist(key, default)


def keep_declared(request, declared: frozenset[str], view_name: str) -> None:
    kept = DeclaredQueryDict(mutable=True, encoding=request.encoding)
    kept.declared, kept.view_name = declared, view_name
    for name, values in request.GET.lists():
        if name in declared:
            kept.setlist(name, values)
    kept._mutable = False
    request.GET = kept
    request.canonical_query = canonical_query(kept)


class DeclaredParametersMiddleware:
    """Public GET and HEAD requests reach their view with its declared parameters only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS and is_public_path(request.path_info):
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            declared = declared_parameters(match.func) if match else frozenset()
            keep_declared(request, declared, match.view_name if match else "")
        return self.get_response(request)

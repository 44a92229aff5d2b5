"""HTTP caching of the read-only public pages, validated by the archive's data version.

Every import or curation bumps `Letter.data_version`, so one cheap query tells whether a
client's copy is current (ETag, Last-Modified, 304) and keys a small in-process cache of rendered
responses. Anything that sets a cookie, varies on it or uses a CSP nonce is never shared.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Model
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
)
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

from curation.models import Correction
from letters.models import Letter
from search.columns import Columns
from web.errors import DATABASE_ERRORS, outage_response
from web.guards import SAFE_METHODS
from web.public import is_public_path

MAX_CACHED_BODY_BYTES = 512 * 1024


@dataclass(frozen=True)
class DataVersion:
    etag: str
    last_modified: datetime | None


def current_data_version() -> DataVersion:
    """The version of what readers see, from one query over the letters and the corrections.

    Plain SQL: on a cache hit this query is most of the work, and the ORM would double its cost.
    """
    with connection.cursor() as cursor:
        cursor.execute(version_sql(connection))
        letters, version, *changed_at = cursor.fetchone()
    stamps = [stamp for stamp in map(as_datetime, changed_at) if stamp is not None]
    last_modified = max(stamps, default=None)
    token = "|".join(
        [settings.RELEASE, str(letters), str(version), last_modified.isoformat() if stamps else ""]
    )
    digest = hashlib.sha256(token.encode()).hexdigest()[:24]
    return DataVersion(etag=f'W/"{digest}"', last_modified=last_modified)


def as_datetime(value) -> datetime | None:
    if isinstance(value, str):  # SQLite returns the aggregate of a timestamp as text
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


def change_timestamps() -> list[tuple[type[Model], str]]:
    """Columns whose latest value says when readers' data last changed: imports and curation.

    Both also bump Letter.data_version; the timestamps serve Last-Modified and If-Modified-Since.
    """
    return [(Letter, "imported_at"), (Correction, "created_at")]


def version_sql(connection) -> str:
    c = Columns(connection)
    latest = [
        f"(SELECT MAX({c(model, field)}) FROM {c.table(model)})"
        for model, field in change_timestamps()
    ]
    version = c(Letter, "data_version")
    return (
        f"SELECT COUNT(*), COALESCE(SUM({version}), 0), {', '.join(latest)} FROM {c.table(Letter)}"
    )


def not_cached(view):
    """Mark a public view whose answers must never be cached or answered with a 304."""
    view.public_cache = False
    return view


def wants_public_cache(request) -> bool:
    if request.method not in SAFE_METHODS or not is_public_path(request.path_info):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "public_cache", True)


def shareable(request, response) -> bool:
    """Whether the response is the same for every reader and so may be stored by any cache."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response
        and not has_vary_header(response, "Cookie")
        and not getattr(request, "_csp_nonce", None)
    )


def mark_public(response, version: DataVersion) -> None:
    response["ETag"] = version.etag
    if version.last_modified is not None:
        response["Last-Modified"] = http_date(version.last_modified.timestamp())
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_CACHE_MAX_AGE,
        stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
        stale_if_error=settings.PUBLIC_CACHE_STALE_IF_ERROR,
    )


def response_cache_key(request, version: DataVersion) -> str:
    # Absolute: the JSON API writes absolute links, which depend on the host and scheme. Only the
    # parameters the view reads (web.parameters): junk parameters share the page's entry.
    query = getattr(request, "canonical_query", None)
    if query is None:
        query = request.META.get("QUERY_STRING", "")
    address = f"{request.build_absolute_uri(request.path)}?{query}"
    return "page:" + hashlib.sha256(f"{version.etag}|{address}".encode()).hexdigest()


def freeze(response) -> tuple:
    return (response.status_code, response.content, list(response.items()))


def thaw(frozen: tuple) -> HttpResponse:
    status, content, headers = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PublicCacheMiddleware:
    """Cache-Control, ETag and Last-Modified on public pages; 304s; never cache the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PUBLIC_CACHE_ENABLED or not wants_public_cache(request):
            response = self.get_response(request)
            if "Cache-Control" not in response and (
                request.method not in SAFE_METHODS or not is_public_path(request.path_info)
            ):
                add_never_cache_headers(response)
            return response

        try:
            version = current_data_version()
        except DATABASE_ERRORS:
            return outage_response(request)

        not_modified = get_conditional_response(
            request, etag=version.etag, last_modified=self.last_modified_timestamp(version)
        )
        if not_modified is not None:
            if not_modified.status_code == 304:
                mark_public(not_modified, version)
            return not_modified

        store = caches[settings.PUBLIC_CACHE_ALIAS]
        key = response_cache_key(request, version)
        frozen = store.get(key) if settings.PUBLIC_RESPONSE_CACHE_ENABLED else None
        if frozen is not None:
            response = thaw(frozen)
        else:
            response = self.get_response(request)
            if not shareable(request, response):
                if response.cookies or has_vary_header(response, "Cookie"):
                    patch_cache_control(response, private=True, no_cache=True)
                return response
            if (
                settings.PUBLIC_RESPONSE_CACHE_ENABLED
                and len(response.content) <= MAX_CACHED_BODY_BYTES
            ):
                store.set(key, freeze(response), timeout=settings.PUBLIC_CACHE_MAX_AGE)
        mark_public(response, version)
        return response

    @staticmethod
    def last_modified_timestamp(version: DataVersion) -> int | None:
        # Whole seconds, as HTTP dates carry them; else If-Modified-Since never matches.
        return int(version.last_modified.timestamp()) if version.last_modified else None

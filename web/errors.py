"""Error pages and the handlers that serve them; the 500 and 503 pages never touch the database."""

import logging
import sys

from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from web.api_json import api_error
from web.public import is_api_path

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def error_response(
    request, *, status: int, template: str, title: str, message: str, with_request: bool = True
) -> HttpResponse:
    """An error page (or a JSON error under /api/) that names the problem and reveals nothing else.

    `with_request=False` renders without context processors, for the pages that must not depend on
    anything that might be failing (the database, the session, a context processor).
    """
    if request is not None and is_api_path(request.path_info):
        return api_error(status, message)
    context = {"status": status, "title": title, "message": message}
    if with_request:
        try:
            return HttpResponse(render_to_string(template, context, request=request), status=status)
        except Exception:
            # An error page must not fail in turn (a bad Host header, a broken context processor).
            logger.exception("Could not render %s with the request; rendering without it", template)
    try:
        body = render_to_string(template, context)
    except Exception:
        # The last resort must answer even if a template or the static manifest is broken.
        logger.exception("Could not render %s", template)
        body = f"{status} {title}\n\n{message}\n"
        return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")
    return HttpResponse(body, status=status)


def outage_response(request) -> HttpResponse:
    """503 while the database cannot be reached: rendered without it, never cached, retry soon."""
    response = error_response(
        request,
        status=503,
        template="503.html",
        title="Temporarily unavailable",
        message="The archive cannot reach its database just now. Please try again in a minute.",
        with_request=False,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def bad_request(request, exception=None):
    return error_response(
        request,
        status=400,
        template="400.html",
        title="Bad request",
        message="The address or its parameters could not be understood.",
        # The page would ask the request for its host again, and fail again.
        with_request=not isinstance(exception, DisallowedHost),
    )


def permission_denied(request, exception=None):
    return error_response(
        request,
        status=403,
        template="400.html",
        title="Forbidden",
        message="You are not allowed to see this page.",
    )


def page_not_found(request, exception=None):
    return error_response(
        request,
        status=404,
        template="404.html",
        title="Page not found",
        message="There is no page at this address.",
    )


def server_error(request):
    # Django calls this inside its `except` block, so the failing exception is still current.
    if isinstance(sys.exception(), DATABASE_ERRORS):
        return outage_response(request)
    response = error_response(
        request,
        status=500,
        template="500.html",
        title="Server error",
        message="Something went wrong on our side. It has been logged.",
        with_request=False,
    )
    add_never_cache_headers(response)
    return response

"""The middleware of the read-only JSON API under /api/: JSON errors whatever the debug setting,
a tolerated trailing slash, charset=utf-8, and CORS for any origin (see web.api_json)."""

import logging

from django.http import Http404

from web.api_json import JSON_TYPE, api_error
from web.errors import DATABASE_ERRORS
from web.public import is_api_path

logger = logging.getLogger(__name__)

API_ROOT = "/api/"


def is_json(response) -> bool:
    return response.get("Content-Type", "").split(";")[0].strip() == "application/json"


class ApiMiddleware:
    """For /api/ paths only: strip one trailing slash before the URL is resolved, answer errors
    as JSON (Django's debug pages are HTML), say charset=utf-8 and allow any origin to read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_path(request.path_info):
            return self.get_response(request)
        if request.path_info != API_ROOT and request.path_info.endswith("/"):
            request.path_info = request.path_info.rstrip("/")
            request.path = request.path.rstrip("/")
        response = self.get_response(request)
        if response.status_code >= 400 and not is_json(response):
            replaced = api_error(response.status_code)
            for header in ("Allow", "Retry-After", "Cache-Control"):
                if header in response:
                    replaced[header] = response[header]
            response = replaced
        if is_json(response):
            response["Content-Type"] = JSON_TYPE
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def process_exception(self, request, exception):
        if not is_api_path(request.path_info) or isinstance(exception, DATABASE_ERRORS):
            return None  # the outage middleware answers 503 for the database
        if isinstance(exception, Http404):
            return api_error(404, str(exception) if exception.args else "")
        logger.error("API error at %s", request.path, exc_info=exception)
        return api_error(500)

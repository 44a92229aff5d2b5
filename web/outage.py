"""Answer 503 with a styled page, instead of 500, while the database is unreachable."""

import logging

from web.errors import DATABASE_ERRORS, outage_response

logger = logging.getLogger(__name__)


class DatabaseOutageMiddleware:
    """Turns a database connection error raised by a view or its template into a 503.

    Errors raised by other middleware reach `web.errors.server_error`, which does the same.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable: %s", exception)
            return outage_response(request)
        return None

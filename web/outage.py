"""Answer 503 with a styled page, instead of 500, while the database is unreachable or hung."""

import logging

from django.conf import settings

from web.database_deadline import database_deadline
from web.errors import DATABASE_ERRORS, outage_response

logger = logging.getLogger(__name__)


class DatabaseOutageMiddleware:
    """Turns a database connection error raised by a view or its template into a 503, and gives
    the request DATABASE_REQUEST_TIMEOUT seconds of waiting on the database in all.

    Errors raised by other middleware reach `web.errors.server_error`, which does the same.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A database that does not answer is an outage too: give up on it in time.
        with database_deadline(settings.DATABASE_REQUEST_TIMEOUT):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable: %s", exception)
            return outage_response(request)
        return None

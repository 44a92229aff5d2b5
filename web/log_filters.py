"""Log filters: a client's mistake is one line in the log, a server error keeps its traceback.

Django logs a bad Host header (django.security.DisallowedHost) and a 403 with the exception's
traceback: anyone can fill the log with them, and they bury the tracebacks that matter.
"""

import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Drops the traceback from records of 4xx answers; 5xx and other records keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True

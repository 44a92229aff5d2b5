"""A deadline for waiting on PostgreSQL, so that a database that stops answering costs a request
seconds, not the whole pause.

statement_timeout is enforced by the server: a server that is paused, cut off or stalled never
sends that error, and a psycopg connection would wait for its answer forever. So every wait of a
connection (a query, a fetch, a commit) is bounded here by the deadline of the web request it
serves: when the deadline passes, the connection is closed and an OperationalError raised, which
web.outage answers with a styled 503. Outside a request (management commands) nothing changes.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

import psycopg

_deadline: ContextVar[float | None] = ContextVar("database_deadline", default=None)


class DeadlineExceeded(psycopg.OperationalError):
    """The database did not answer before the request's deadline; the connection was closed."""


@contextmanager
def database_deadline(seconds: float | None):
    """Within the block, no wait on the database goes past `seconds` from now (None or 0: no
    limit). Nested deadlines keep the earlier one."""
    if not seconds:
        yield
        return
    deadline = time.monotonic() + seconds
    current = _deadline.get()
    token = _deadline.set(deadline if current is None else min(current, deadline))
    try:
        yield
    finally:
        _deadline.reset(token)


class DeadlineConnection(psycopg.Connection):
    """A psycopg connection whose waits end at the current deadline."""

    def wait(self, gen, *args, timeout=None, **kwargs):
        deadline = _deadline.get()
        if deadline is None:
            return super().wait(gen, *args, timeout=timeout, **kwargs)
        remaining = max(deadline - time.monotonic(), 0.0)
        try:
            return super().wait(
                gen, *args, timeout=remaining if timeout is None else min(timeout, remaining),
                **kwargs,
            )  # fmt: skip
        except psycopg.OperationalError:
            if time.monotonic() < deadline:
                raise
            # The connection is half-way through an exchange it will never finish.
            self.close()
            raise DeadlineExceeded("the database did not answer in time") from None

"""A budget for waiting on PostgreSQL, so that a database that stops answering costs a request
seconds, not the whole pause.

statement_timeout is enforced by the server: a server that is paused, cut off or stalled never
sends that error, and a psycopg connection would wait for its answer forever. So the waits of a
connection (a query, a fetch, a commit) for a web request share that request's budget of waiting
time: when it runs out, the connection is closed and an OperationalError raised, which web.outage
answers with a styled 503. Time spent computing (rendering, hashing a password) is not counted.
Outside a request (management commands) nothing changes.

Once a wait has run out, the database counts as hung for the process: until one answers again,
a single request at a time tries it, and the others give up at once instead of each spending its
own budget while the requests behind them queue for a thread.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import psycopg


@dataclass
class Budget:
    seconds: float


_budget: ContextVar[Budget | None] = ContextVar("database_budget", default=None)


class DeadlineExceeded(psycopg.OperationalError):
    """The database did not answer within the request's budget; the connection was closed."""


class HungDatabase:
    """Whether, in this process, the database last failed to answer in time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.hung = False
        self.probing = False

    def admit(self) -> bool:
        """Whether a wait may go ahead: always, unless the database is hung and another request
        is already finding out whether it answers again."""
        with self.lock:
            if not self.hung:
                return True
            if self.probing:
                return False
            self.probing = True
            return True

    def settle(self, outcome: str) -> None:
        """After a wait: "answered", "timed out", or "abandoned" (interrupted, says nothing)."""
        with self.lock:
            if outcome != "abandoned":
                self.hung = outcome == "timed out"
            self.probing = False


hung_database = HungDatabase()


@contextmanager
def database_deadline(seconds: float | None):
    """Within the block, waits on the database take at most `seconds` in all (None or 0: no
    limit). A nested budget is no larger than what is left of the outer one, and spends it."""
    if not seconds:
        yield
        return
    outer = _budget.get()
    budget = Budget(seconds if outer is None else min(seconds, outer.seconds))
    start = budget.seconds
    token = _budget.set(budget)
    try:
        yield
    finally:
        _budget.reset(token)
        if outer is not None:
            outer.seconds = max(outer.seconds - (start - budget.seconds), 0.0)


def current_budget() -> Budget | None:
    """The waiting time left to the current request, or None outside one."""
    return _budget.get()


@contextmanager
def spending(budget: Budget):
    """Charge the time spent in the block to `budget`."""
    start = time.monotonic()
    try:
        yield
    finally:
        budget.seconds = max(budget.seconds - (time.monotonic() - start), 0.0)


class DeadlineConnection(psycopg.Connection):
    """A psycopg connection whose waits spend the current request's budget."""

    def wait(self, gen, *args, timeout=None, **kwargs):
        budget = _budget.get()
        if budget is None:
            return super().wait(gen, *args, timeout=timeout, **kwargs)
        if not hung_database.admit():
            self.close()
            raise DeadlineExceeded("the database is not answering; another request is checking")
        limit = budget.seconds if timeout is None else min(timeout, budget.seconds)
        started = time.monotonic()
        outcome = "abandoned"
        try:
            with spending(budget):
                result = super().wait(gen, *args, timeout=limit, **kwargs)
            outcome = "answered"
            return result
        except psycopg.OperationalError:
            if time.monotonic() - started < limit:
                outcome = "answered"  # an error from a database that answers
                raise
            outcome = "timed out"
            # The connection is half-way through an exchange it will never finish.
            self.close()
            raise DeadlineExceeded("the database did not answer in time") from None
        finally:
            hung_database.settle(outcome)

"""DATABASES ENGINE "web.postgresql": Django's PostgreSQL backend, psycopg connections that keep
the waiting budget of web.database_deadline (config/database.py selects it for postgres:// URLs)."""

import math

import psycopg
from django.db.backends.postgresql import base

from web.database_deadline import (
    DeadlineConnection,
    DeadlineExceeded,
    current_budget,
    hung_database,
    spending,
)

# libpq's shortest connect_timeout.
MIN_CONNECT_SECONDS = 2


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        budget = current_budget()
        if budget is None:
            connection = super().get_new_connection(conn_params)
        else:
            with spending(budget):
                connection = self.connect_within(conn_params, budget.seconds)
        # psycopg made a plain Connection: the subclass adds behaviour only, no state.
        connection.__class__ = DeadlineConnection
        return connection

    def connect_within(self, conn_params, remaining: float):
        """Connect, giving up when the request's budget runs out (as far as libpq allows)."""
        if not hung_database.admit():
            raise DeadlineExceeded("the database is not answering; another request is checking")
        limit = max(MIN_CONNECT_SECONDS, math.ceil(remaining))
        configured = conn_params.get("connect_timeout")
        params = {**conn_params, "connect_timeout": min(int(configured or limit), limit)}
        outcome = "abandoned"
        try:
            connection = super().get_new_connection(params)
            outcome = "answered"
            return connection
        except psycopg.errors.ConnectionTimeout:
            outcome = "timed out"
            raise
        except psycopg.OperationalError:
            outcome = "answered"  # refused or closed: down, not hung
            raise
        finally:
            hung_database.settle(outcome)

"""DATABASES ENGINE "web.postgresql": Django's PostgreSQL backend, psycopg connections that keep
the deadline of web.database_deadline (config/database.py selects it for postgres:// URLs)."""

from django.db.backends.postgresql import base

from web.database_deadline import DeadlineConnection


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        # psycopg made a plain Connection: the subclass adds behaviour only, no state.
        connection.__class__ = DeadlineConnection
        return connection

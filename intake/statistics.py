"""Fresh planner statistics after an import, on PostgreSQL.

An import can fill or rewrite the archive's tables in one go. Until autovacuum next analyzes them
(up to a minute or more later), PostgreSQL plans with the old row counts: right after a first
load it takes the tables for empty, and the search's first queries then ran ten times slower
(a nested loop over every signatory). ANALYZE of the project's tables takes milliseconds here.

Outside a transaction (the import has committed) they are VACUUMed too, which marks their pages
visible to all: PostgreSQL can then answer from an index alone (the vocabulary's keys, a page's
list marks) without reading the table, where autovacuum would not get to a small table that is
only ever inserted into (fewer than its thousand-row threshold) at all.
"""

from django.apps import apps
from django.conf import settings
from django.db import connection


def analyze_project_tables() -> list[str]:
    """ANALYZE the tables of the project's apps (PostgreSQL only), and VACUUM them when not
    inside a transaction (where PostgreSQL allows no VACUUM); the tables analyzed."""
    if connection.vendor != "postgresql":
        return []
    tables = sorted(
        {
            model._meta.db_table
            for label in settings.PROJECT_APPS
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )
    if tables:
        with connection.cursor() as cursor:
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            names = ", ".join(connection.ops.quote_name(t) for t in tables)
            cursor.execute(f"{command} {names}")
    return tables

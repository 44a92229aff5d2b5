"""After an import, PostgreSQL plans with the tables' real sizes, not those of empty tables."""

import pytest
from django.db import connection

from intake.importer import load_letters
from intake.statistics import analyze_project_tables


def planner_row_estimate(table: str) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_an_import_leaves_the_planner_knowing_how_many_signatories_there_are(seed_folder):
    reports = load_letters([seed_folder])
    if connection.vendor != "postgresql":
        assert analyze_project_tables() == []  # SQLite plans without statistics
        return
    signatories = reports[0].signatories_total
    assert signatories > 250
    assert planner_row_estimate("signatories_signatory") == signatories
    assert planner_row_estimate("search_searchdocument") == signatories


@pytest.mark.django_db
def test_analyze_covers_every_table_of_the_archive():
    tables = analyze_project_tables()
    if connection.vendor != "postgresql":
        assert tables == []
        return
    assert {"letters_sourceversion", "signatories_listentry", "search_searchdocument"} <= set(
        tables
    )
    assert "auth_user" not in tables


def visible_pages(table: str) -> tuple[int, int]:
    """(pages, pages marked visible to all) of a table, as its last VACUUM or ANALYZE saw them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpages, relallvisible FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()


@pytest.mark.django_db(transaction=True)
def test_a_committed_import_leaves_the_tables_readable_from_their_indexes_alone(seed_folder):
    """VACUUMed after the import commits, so that an index-only scan (the vocabulary's keys, a
    page's list marks) need not read the table: autovacuum never would for a small table that is
    only inserted into."""
    load_letters([seed_folder])
    if connection.vendor != "postgresql":
        assert analyze_project_tables() == []
        return
    for table in ("search_searchterm", "signatories_listentry"):
        pages, visible = visible_pages(table)
        assert pages > 0
        assert visible == pages, table


@pytest.mark.django_db
def test_inside_a_transaction_the_tables_are_only_analyzed(seed_folder):
    """PostgreSQL refuses VACUUM inside a transaction: an import inside one still analyzes."""
    load_letters([seed_folder])
    if connection.vendor != "postgresql":
        assert analyze_project_tables() == []
        return
    assert connection.in_atomic_block
    assert analyze_project_tables()  # no error: ANALYZE alone
    pages, visible = visible_pages("search_searchterm")
    assert visible < pages  # not VACUUMed: rows written in this transaction are not visible

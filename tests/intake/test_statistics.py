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

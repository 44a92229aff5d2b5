"""Data migrations of the search app give documents already in the database what new ones get.

These run the migrations themselves, backwards and forwards, on both backends, so they need a
test database outside a transaction, emptied afterwards.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.documents import refresh_search_documents
from search.models import SearchDocument, SearchInitialism
from tests.conftest import restore_seed_snapshot


def migrate_search_to(name: str) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("search", name)])


def leaf() -> str:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes("search")[0][1]


@pytest.mark.django_db(transaction=True)
def test_the_initials_migration_files_the_documents_already_there(seed_snapshot):
    restore_seed_snapshot(seed_snapshot)
    expected = dict(SearchDocument.objects.values_list("pk", "initials"))
    rows = set(SearchInitialism.objects.values_list("document_id", "letters"))
    assert sum(1 for initials in expected.values() if initials) > 100
    try:
        migrate_search_to("0007_document_names")
        migrate_search_to("0008_document_initials")
    finally:
        migrate_search_to(leaf())
    assert dict(SearchDocument.objects.values_list("pk", "initials")) == expected
    assert set(SearchInitialism.objects.values_list("document_id", "letters")) == rows
    assert refresh_search_documents() == 0

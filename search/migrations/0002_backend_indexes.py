"""Backend-specific search indexes, which Django's model indexes cannot express.

PostgreSQL: the pg_trgm and unaccent extensions and trigram GIN indexes on both document columns,
so that LIKE '%...%' on them is an index scan. SQLite: an FTS5 table with the trigram tokenizer
(SQLite >= 3.34) kept in step with search_searchdocument by triggers.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE INDEX IF NOT EXISTS search_doc_trgm ON search_searchdocument USING gin (doc gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_compact_trgm ON search_searchdocument USING gin (compact gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_compact_trgm",
    "DROP INDEX IF EXISTS search_doc_trgm",
]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(doc, compact, tokenize='trigram')",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, doc, compact) VALUES (new.signatory_id, new.doc, new.compact);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        DELETE FROM search_fts WHERE rowid = old.signatory_id;
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        DELETE FROM search_fts WHERE rowid = old.signatory_id;
        INSERT INTO search_fts(rowid, doc, compact) VALUES (new.signatory_id, new.doc, new.compact);
    END""",
    "INSERT INTO search_fts(rowid, doc, compact) SELECT signatory_id, doc, compact FROM search_searchdocument",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]

"""The SQLite FTS5 trigram table that narrows searches, and the triggers that keep it in step.

SQLite rebuilds a table for most schema changes and drops its triggers with it, so a migration
that alters search_searchdocument must call `install_triggers` again (see 0003_document_native,
0006_document_name, 0008_document_initials).
"""

TRIGGERS = {
    "search_fts_insert": """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument
    BEGIN
        INSERT INTO search_fts(rowid, doc, compact) VALUES (new.signatory_id, new.doc, new.compact);
    END""",
    "search_fts_delete": """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument
    BEGIN
        DELETE FROM search_fts WHERE rowid = old.signatory_id;
    END""",
    "search_fts_update": """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument
    BEGIN
        DELETE FROM search_fts WHERE rowid = old.signatory_id;
        INSERT INTO search_fts(rowid, doc, compact) VALUES (new.signatory_id, new.doc, new.compact);
    END""",
}
RESYNC = [
    "DELETE FROM search_fts",
    "INSERT INTO search_fts(rowid, doc, compact) "
    "SELECT signatory_id, doc, compact FROM search_searchdocument",
]


def install_triggers(cursor) -> None:
    """(Re)create the triggers and refill the FTS table from the documents."""
    for name, statement in TRIGGERS.items():
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(statement)
    resync(cursor)


def resync(cursor) -> None:
    for statement in RESYNC:
        cursor.execute(statement)

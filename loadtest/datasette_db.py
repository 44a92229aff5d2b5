"""Build the reference SQLite database for Datasette: the same signatories, with full-text search.

The rows come from the archive's own JSON API, so Datasette serves exactly what the app serves.
"""

import json
import sqlite3
import urllib.request
from pathlib import Path


def fetch_signatories(base_url: str, *, first_only: bool = False) -> list[dict]:
    """Every signatory from the API, in its order (or only the first)."""
    url = f"{base_url}/api/signatories?page_size={1 if first_only else 500}"
    rows = []
    while url:
        request = urllib.request.Request(url, headers={"Host": "127.0.0.1"})
        with urllib.request.urlopen(request, timeout=30) as response:
            page = json.load(response)
        rows.extend(page["results"])
        url = None if first_only else page["next"]
    return rows


def build(path: Path, signatories: list[dict]) -> int:
    """Write `signatories` and an FTS5 index over names and printed readings; return the count."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    with db:
        db.execute(
            "CREATE TABLE signatories (id INTEGER PRIMARY KEY, slug TEXT UNIQUE, name TEXT,"
            " kind TEXT, sources INTEGER, readings TEXT)"
        )
        db.executemany(
            "INSERT INTO signatories (slug, name, kind, sources, readings) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    s["slug"],
                    s["name"],
                    s["kind"],
                    len({e["source"] for e in s["entries"]}),
                    " | ".join(e["text"] for e in s["entries"]),
                )
                for s in signatories
            ],
        )
        # The form Datasette recognises as the search index of "signatories" (as sqlite-utils does).
        db.execute(
            'CREATE VIRTUAL TABLE signatories_fts USING FTS5 (name, readings, content="signatories")'
        )
        db.execute(
            "INSERT INTO signatories_fts (rowid, name, readings)"
            " SELECT id, name, readings FROM signatories"
        )
    db.execute("VACUUM")
    db.close()
    return len(signatories)

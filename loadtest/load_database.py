"""The load test's database: which one, created when missing, analyzed once loaded."""

import os
import shutil
import subprocess
from pathlib import Path

HOST = "127.0.0.1"


def database_url(workdir: Path) -> str:
    if url := os.environ.get("LOADTEST_DATABASE_URL"):
        return url
    ready = subprocess.run(["pg_isready", "-q", "-h", HOST, "-p", "5432"], check=False)
    if shutil.which("pg_isready") and ready.returncode == 0:
        return "postgres://postgres@127.0.0.1:5432/archive_loadtest"
    return f"sqlite:///{workdir}/archive.sqlite3"


def ensure_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def analyze(url: str) -> None:
    """Leave the tables as a committed import does (`intake.statistics`): analyzed, so that the
    planner does not take them for empty (a search then joined 283 rows to 283 in a nested
    loop), and vacuumed, so that index-only scans need not read them. Done here too because
    `load_letter` skips it when the database already holds the letter unchanged."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")

"""A quick look at a few names, without SQLAlchemy: shell completion answers within a keystroke.

Importing SQLAlchemy alone takes longer than a completion may (~150 ms), so this module reads
the database with the standard library's sqlite3 (psycopg on PostgreSQL), read-only: a
completion never creates a database file, never upgrades a schema, never writes. Anything
unexpected (no file yet, an older schema, no server) reads as nothing to offer.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from typing import Any


def home() -> Path:
    """studylog's folder: ``STUDYLOG_HOME``, else the user data dir."""
    configured = os.environ.get("STUDYLOG_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_path

    return user_data_path("studylog", appauthor=False)


def default_path() -> Path:
    return home() / "studylog.db"


def target(db: str | None) -> str:
    """``--db`` beats ``STUDYLOG_DB`` beats the default file (as the commands choose)."""
    return db or os.environ.get("STUDYLOG_DB") or str(default_path())


@contextmanager
def _cursor(db: str | None) -> Iterator[tuple[Any, str]]:
    """A read-only cursor and its parameter mark (``?`` or ``%s``)."""
    where = target(db)
    scheme, _, rest = where.partition("://")
    if not rest:  # a plain path
        scheme, rest = "sqlite", "/" + where
    if scheme.startswith("sqlite"):
        import sqlite3

        path = Path(rest[1:] if rest.startswith("/") else rest).expanduser()
        if not path.is_file():
            raise LookupError("no database yet")
        uri = path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=0.5)) as connection:
            yield connection.cursor(), "?"
    elif scheme.startswith("postgresql"):
        import psycopg

        with psycopg.connect(f"postgresql://{rest}", connect_timeout=2) as connection:
            connection.read_only = True
            yield connection.cursor(), "%s"
    else:
        raise LookupError("unknown database")


def _rows(db: str | None, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    try:
        with _cursor(db) as (cursor, mark):
            cursor.execute(sql.replace("?", mark), tuple(params))
            return list(cursor.fetchall())
    except Exception:  # a completion offers nothing rather than fail
        return []


def _org_clause(org: str | None) -> tuple[str, list[Any]]:
    if org is None:
        return "", []
    return " AND org_id IN (SELECT id FROM orgs WHERE name = ?)", [org]


def group_names(db: str | None) -> list[str]:
    return [row[0] for row in _rows(db, "SELECT name FROM orgs ORDER BY name")]


def member_names(
    db: str | None, org: str | None, *, deleted: bool = False
) -> list[tuple[str, str]]:
    """Members' names with their posts (职务): current and former, or the deleted ones."""
    clause, params = _org_clause(org)
    archived = "IS NOT NULL" if deleted else "IS NULL"
    sql = (
        "SELECT name, COALESCE(title, '') FROM members"
        f" WHERE archived_at {archived}{clause} ORDER BY retired IS NOT NULL, id"
    )
    return [(row[0], row[1]) for row in _rows(db, sql, params)]


def sessions(db: str | None, org: str | None) -> list[tuple[int, date | str, str]]:
    """Sessions not deleted, newest first: id, date, title."""
    clause, params = _org_clause(org)
    sql = (
        "SELECT id, date, title FROM sessions"
        f" WHERE archived_at IS NULL{clause} ORDER BY date DESC, id DESC"
    )
    return [(int(row[0]), row[1], row[2]) for row in _rows(db, sql, params)]

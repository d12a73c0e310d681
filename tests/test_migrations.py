"""The schema: models and migrations agree, databases upgrade on first use."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import CheckConstraint, create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from studylog.store.db import SCHEMA_HEAD, _alembic_config, open_engine, resolve_url
from studylog.store.tables import metadata
from tests.conftest import Database

ROOT = Path(__file__).resolve().parent.parent


def test_schema_head_constant_matches_alembic() -> None:
    script = ScriptDirectory.from_config(_alembic_config())
    assert script.get_heads() == [SCHEMA_HEAD]


def test_a_fresh_database_is_upgraded_to_head(database: Database) -> None:
    open_engine(resolve_url(database.url), create=True).dispose()
    with database.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM studylog_version")).scalar()
        tables = set(inspect(connection).get_table_names())
    assert version == SCHEMA_HEAD
    assert {"orgs", "members", "sessions", "attendance", "makeups", "speeches"} <= tables


def test_models_and_migrations_agree(database: Database) -> None:
    engine = open_engine(resolve_url(database.url), create=True)
    try:
        with engine.connect() as connection:
            command.check(_alembic_config(connection))  # raises on any drift
    finally:
        engine.dispose()


def test_the_choice_checks_are_those_the_tables_declare(ok, database: Database) -> None:
    """The migrations make the schema, and Alembic's own comparison leaves CHECK constraints
    out: the checks of a new database are the ones studylog.store.tables declares (PostgreSQL
    hands their text back rewritten, so there only their names are compared), and a value
    outside the choices is refused."""
    ok("init", "--org", "某局党组理论学习中心组")
    declared = {
        (table.name, constraint.name): str(constraint.sqltext)
        for table in metadata.tables.values()
        for column in table.columns
        for constraint in column.constraints
        if isinstance(constraint, CheckConstraint)
    }
    with database.connect() as connection:
        inspector = inspect(connection)
        found = {
            (table, check["name"]): check["sqltext"]
            for table in inspector.get_table_names()
            for check in inspector.get_check_constraints(table)
        }
    assert len(declared) == 15  # 7 choices; films, documents, hours, headcount at least 0;
    # outputs (kind, level), self-study hours, meeting
    assert found.keys() == declared.keys()
    if database.backend == "sqlite":
        assert found == declared
    with pytest.raises(IntegrityError, match="ck_members_role"), database.connect() as connection:
        connection.execute(
            text(
                "INSERT INTO members (org_id, name, role, created_at) "
                "VALUES (1, '张三', 'chief', CURRENT_TIMESTAMP)"
            )
        )


def test_the_first_command_creates_the_schema(ok, database: Database) -> None:
    assert not database.exists()
    ok("init", "--org", "某局党组理论学习中心组")
    with database.connect() as connection:
        assert connection.execute(text("SELECT name FROM orgs")).all() == [
            ("某局党组理论学习中心组",)
        ]


CORE_TABLES = ("orgs", "members", "sessions", "session_tags", "attendance", "makeups", "speeches")


def _rows(path: Path, table: str, columns: list[str]) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2"
        ).fetchall()


@pytest.mark.sqlite_only(reason="fills a SQLite file at revision 0001 by ATTACH")
def test_a_database_made_at_the_core_revision_upgrades_keeping_every_row(
    tmp_path: Path, db_path: Path, ok
) -> None:
    """A 0001 database full of records (made by the 0001 migration, filled with rows as the
    core release wrote them) opens in this release with every row intact and the same stats."""
    from tests.seed import record_seed_year

    record_seed_year(ok)  # the records, at head, as the source of rows
    source = tmp_path / "source.db"
    db_path.rename(source)

    old = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
    engine.dispose()
    with sqlite3.connect(old) as connection:
        connection.execute("ATTACH DATABASE ? AS source", (str(source),))
        for table in CORE_TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA main.table_info({table})")]
            listed = ", ".join(columns)
            connection.execute(
                f"INSERT INTO main.{table} ({listed}) SELECT {listed} FROM source.{table}"
            )
        (version,) = connection.execute("SELECT version_num FROM studylog_version").fetchone()
    assert version == "0001"
    core_columns = {
        table: [row[1] for row in sqlite3.connect(old).execute(f"PRAGMA table_info({table})")]
        for table in CORE_TABLES
    }
    before = {table: _rows(old, table, core_columns[table]) for table in CORE_TABLES}
    assert len(before["attendance"]) == 72

    stats_before = ok("--db", str(source), "stats", "--year", "2023", "--format", "json")
    stats_after = ok("--db", str(old), "stats", "--year", "2023", "--format", "json")
    # The figures are the same; the log's head is not (the upgrade seals the old records).
    assert _without_head(stats_after) == _without_head(stats_before)

    with sqlite3.connect(old) as connection:
        (version,) = connection.execute("SELECT version_num FROM studylog_version").fetchone()
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert version == SCHEMA_HEAD
    after = {table: _rows(old, table, core_columns[table]) for table in CORE_TABLES}
    assert after == before


def _without_head(stats_json: str) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(stats_json)
    figures.pop("log_head")
    return figures

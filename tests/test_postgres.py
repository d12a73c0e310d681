"""studylog on PostgreSQL: the seed year gives the same figures as on SQLite.

Runs when a PostgreSQL server answers at ``STUDYLOG_TEST_PG`` (default: the CI machine's
``postgresql+psycopg://postgres@127.0.0.1:5432/test``); each test gets a database of its own.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.seed import EXPECTED_FIGURES, record_seed_year

ADMIN_URL = os.environ.get("STUDYLOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _admin_engine():  # type: ignore[no-untyped-def]
    sqlalchemy = pytest.importorskip("sqlalchemy")
    pytest.importorskip("psycopg")
    engine = sqlalchemy.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect():
            pass
    except sqlalchemy.exc.OperationalError:
        engine.dispose()
        pytest.skip(f"no PostgreSQL server at {ADMIN_URL}")
    return engine


@pytest.fixture
def pg_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin = _admin_engine()
    name = f"studylog_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    monkeypatch.setenv("STUDYLOG_DB", url)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _row_counts(url: str) -> dict[str, int]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("orgs", "members", "sessions", "attendance", "makeups", "speeches")
            }
    finally:
        engine.dispose()


def test_seed_year_on_postgresql(pg_url: str, ok: Callable[..., str]) -> None:
    record_seed_year(ok)
    figures = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    assert figures.pop("log_head")  # tests/test_anchor.py
    assert figures == EXPECTED_FIGURES
    zh = ok("stats", "--year", "2023", "--lang", "zh").splitlines()[0]
    assert zh == "2023年：集中学习12次，集中学习研讨12次，专题学习4次，专题学习研讨4次"
    quarters = json.loads(ok("stats", "--year", "2023", "--by", "quarter", "--format", "json"))
    assert [row["sessions"] for row in quarters["rows"]] == [3, 3, 3, 3]
    members = json.loads(ok("stats", "--year", "2023", "--by", "member", "--format", "json"))
    assert {row["member"]: row["expected"] for row in members["rows"]}["孙八"] == 6


def test_errors_leave_postgresql_unchanged(pg_url: str, ok: Callable[..., str], run: Run) -> None:
    record_seed_year(ok)
    before = _row_counts(pg_url)
    result = run("attend", "2023-05-15", "--leave", "张山:出差")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no member named '张山'") and "张三" in result.stderr
    result = run("makeup", "add", "2023-05-15", "张三", "--date", "2023-05-20")
    assert result.exit_code == 1 and "was present" in result.stderr
    assert _row_counts(pg_url) == before


def test_import_into_postgresql_gives_the_same_year(
    pg_url: str, ok: Callable[..., str], tmp_path: Path
) -> None:
    """Export the seed year from SQLite, import it into PostgreSQL: the same figures."""
    sqlite = tmp_path / "seed.db"
    record_seed_year(lambda *args: ok("--db", str(sqlite), *args))
    ok(
        "--db",
        str(sqlite),
        "export",
        "--year",
        "2023",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "csv"),
    )
    ok("import", str(tmp_path / "csv"))
    here = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    there = json.loads(ok("--db", str(sqlite), "stats", "--year", "2023", "--format", "json"))
    assert here.pop("log_head") != there.pop("log_head")  # the same records, two logs
    assert here == there == EXPECTED_FIGURES

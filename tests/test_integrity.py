"""The records match the log: ``log --verify`` names every record changed, added or removed
behind studylog's back; ``--expect`` anchors the head; a database from before digests is sealed."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, create_engine, select, text
from sqlalchemy.exc import DataError, IntegrityError

from studylog.store.db import _alembic_config, open_engine, resolve_url, transaction
from studylog.store.digests import recorded_tables
from studylog.store.integrity import check
from studylog.store.tables import audit_log, orgs
from tests.conftest import Backend, Database

Ok = Any
Run = Any
DEMO_ORG = "示例局党组理论学习中心组"


@pytest.fixture
def demo(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("demo-and-more", _build))
    return database


def _build(ok: Ok) -> None:
    from studylog.records.demo import load_demo_year

    engine = open_engine(resolve_url(os.environ["STUDYLOG_DB"]), create=True)
    with transaction(engine) as session:
        load_demo_year(session=session)
    engine.dispose()
    ok("plan", "add", "--year", "2023", "--month", "12", "--title", "年终学习", "--speaker", "赵丽")
    ok("session", "add", "--date", "2023-12-28", "--title", "年终专题", "--tag", "年终")
    ok(
        "rectify", "add", "--problem", "学用结合不够", "--measure", "建立清单",
        "--dept", "办公室", "--lead", "机关党委", "--due", "2024-03-31", "--session", "2023-12-28",
    )  # fmt: skip
    newest = max(entry["id"] for entry in json.loads(ok("rectify", "list", "--format", "json")))
    ok("rectify", "progress", str(newest), "--note", "已建立", "--on", "2023-12-29")


def forge(database: Database, *statements: str) -> None:
    with database.connect() as connection:
        for statement in statements:
            connection.execute(text(statement))


def test_a_clean_database_verifies(demo: Database, ok: Ok) -> None:
    out = ok("log", "--verify")
    assert "Audit log intact" in out
    assert "Records match the log" in out


def test_the_forgeries_of_the_issue_are_each_named(demo: Database, run: Run) -> None:
    with demo.connect() as connection:
        line = connection.execute(
            text(
                "SELECT a.id, m.name, s.date FROM attendance a JOIN members m ON m.id = a.member_id"
                " JOIN sessions s ON s.id = a.session_id WHERE a.status = 'present'"
                " AND a.id NOT IN (SELECT attendance_id FROM makeups) ORDER BY a.id LIMIT 1"
            )
        ).one()
        missed = connection.execute(
            text(
                "SELECT m.name, s.title FROM attendance a JOIN members m ON m.id = a.member_id"
                " JOIN sessions s ON s.id = a.session_id WHERE a.status IN ('absent', 'leave')"
            )
        ).all()
    assert missed
    forge(
        demo,
        "UPDATE sessions SET title = 'forged' WHERE date = '2023-01-12'",
        "UPDATE attendance SET status = 'present' WHERE status IN ('absent', 'leave')",
        f"DELETE FROM attendance WHERE id = {line.id}",
        "INSERT INTO speeches (session_id, member_id, kind, title, created_at)"
        " SELECT s.id, m.id, 'written', '伪造的发言', '2023-03-01 00:00:00'"
        " FROM sessions s, members m WHERE s.date = '2023-03-14' AND m.name = '王志强'",
        "UPDATE sessions SET date = '2023-02-17' WHERE date = '2023-02-16'",
    )
    result = run("log", "--verify")
    assert result.exit_code == 3
    out = result.stdout
    assert "session: 2023-01-12 forged: title: logged 学习贯彻党的二十大精神, stored forged" in out
    for name, title in missed:
        assert f"{name}: status: logged " in out, name
        assert title in out or "forged" in out
    assert f"roll line: {line.date}" in out and f"{line.name}: missing from the records" in out
    assert "王志强 · written: in the records, but no entry wrote it" in out
    assert "date: logged 2023-02-16, stored 2023-02-17" in out
    assert result.stderr.startswith("Error: the records of")
    assert result.stderr.count("\n") == 1


def test_tail_truncation_is_caught_and_expect_catches_the_head_moving_back(
    demo: Database, ok: Ok, run: Run
) -> None:
    ok("member", "add", "新成员")
    head = json.loads(ok("log", "--format", "json"))
    assert len(head) >= 6
    verified = ok("log", "--verify")
    latest = verified.split("latest hash ")[1].split()[0]
    ok("log", "--verify", "--expect", latest)
    ok("log", "--verify", "--expect", latest[:12])
    with demo.connect() as connection:
        last = connection.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
        previous = connection.execute(
            text(f"SELECT hash FROM audit_log WHERE seq = {last - 1}")
        ).scalar_one()
    forge(
        demo,
        f"DELETE FROM audit_log WHERE seq = {last}",
        f"UPDATE orgs SET log_head = '{previous}'",
    )
    result = run("log", "--verify")
    assert result.exit_code == 3
    assert "member: 新成员: in the records, but no entry wrote it" in result.stdout
    anchored = run("log", "--verify", "--expect", latest)
    assert anchored.exit_code == 3
    assert f"does not hold {latest}" in anchored.stderr
    refused = run("undo", "--yes")
    assert refused.exit_code == 1
    assert "differ from the audit log" in refused.stderr
    bad = run("log", "--verify", "--expect", "abc")
    assert bad.exit_code == 2 and "at least 12 hexadecimal digits" in bad.stderr


def test_an_unrelated_head_is_not_expected(demo: Database, run: Run) -> None:
    result = run("log", "--verify", "--expect", "ab" * 32)
    assert result.exit_code == 3
    assert "does not hold" in result.stderr


def test_an_import_is_vouched_for_by_its_digests(
    demo: Database, ok: Ok, run: Run, tmp_path: Path, new_database: Any, monkeypatch: Any
) -> None:
    ok("export", "--year", "2023", "--out", str(tmp_path / "year.json"))
    other = new_database("other")
    monkeypatch.setenv("STUDYLOG_DB", other.url)
    ok("init", "--org", DEMO_ORG)
    ok("import", str(tmp_path / "year.json"))
    ok("session", "edit", "2023-05-18", "--title", "改过的标题")
    assert "Records match the log" in ok("log", "--verify")
    forge(
        other, "UPDATE attendance SET reason = '伪造' WHERE id = (SELECT max(id) FROM attendance)"
    )
    result = run("log", "--verify")
    assert result.exit_code == 3
    assert "roll line: a row entry #2 added was changed since" in result.stdout
    forge(other, "DELETE FROM speeches WHERE id = (SELECT min(id) FROM speeches)")
    result = run("log", "--verify")
    assert "of the" in result.stdout and "entry #2 added are in the records" in result.stdout


def test_undo_of_an_import_keeps_the_records_matching(
    demo: Database, ok: Ok, tmp_path: Path, new_database: Any, monkeypatch: Any
) -> None:
    ok("export", "--year", "2023", "--out", str(tmp_path / "year.json"))
    other = new_database("other")
    monkeypatch.setenv("STUDYLOG_DB", other.url)
    ok("init", "--org", DEMO_ORG)
    ok("import", str(tmp_path / "year.json"))
    ok("undo", "--yes")
    assert "Records match the log" in ok("log", "--verify")
    ok("member", "add", "新成员")
    assert "Records match the log" in ok("log", "--verify")


CORE = ("orgs", "members", "sessions", "session_tags", "attendance", "makeups", "speeches")


@pytest.mark.sqlite_only("the 0004 database is built as a SQLite file")
def test_a_database_from_before_digests_is_sealed_on_upgrade(
    tmp_path: Path, demo: Database, ok: Ok, run: Run
) -> None:
    """A 0004 database opens sealed: log shows the seal, verify passes, then a forgery shows
    (by table: the seal holds digests, not values)."""
    old = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0004")
    engine.dispose()
    with sqlite3.connect(old) as connection:
        connection.execute("ATTACH DATABASE ? AS source", (str(demo.path),))
        for table in [t.name for t in recorded_tables()]:
            columns = [row[1] for row in connection.execute(f"PRAGMA main.table_info({table})")]
            if not columns:  # a table a later revision adds (the demo's materials): not in 0004
                continue
            listed = ", ".join(f'"{column}"' for column in columns if column != "log_head")
            connection.execute(
                f"INSERT INTO main.{table} ({listed}) SELECT {listed} FROM source.{table}"
            )
    out = ok("--db", str(old), "log")
    assert "sealed the records as they stood" in out
    assert "Records match the log" in ok("--db", str(old), "log", "--verify")
    ok("--db", str(old), "member", "edit", "赵丽", "--title", "副局长（常务）")
    assert "Records match the log" in ok("--db", str(old), "log", "--verify")
    with sqlite3.connect(old) as connection:
        connection.execute("UPDATE attendance SET status = 'present' WHERE status = 'leave'")
    result = run("--db", str(old), "log", "--verify")
    assert result.exit_code == 3
    assert "roll line: a row entry #1 added was changed since" in result.stdout
    assert run("--db", str(old), "undo", "--yes").exit_code == 1


# -- every single-field update, inserted row and deleted row is found ------------------------


def _rows(connection: Any) -> dict[str, list[dict[str, Any]]]:
    return {
        table.name: [dict(row) for row in connection.execute(select(table)).mappings()]
        for table in recorded_tables()
    }


#: Columns no forgery is drawn for: the chain's own head, and the org (the demo has one).
NOT_EDITED = ("log_head", "org_id")


@st.composite
def edits(draw: Any, rows: dict[str, list[dict[str, Any]]]) -> tuple[str, str, Any]:
    """A forgery: (what, table, detail) with the SQL to carry it out."""
    tables = {t.name: t for t in recorded_tables()}
    name = draw(st.sampled_from(sorted(t for t in rows if rows[t])))
    table = tables[name]
    row = draw(st.sampled_from(rows[name]))
    updatable = [c for c in table.columns if not c.primary_key and c.name not in NOT_EDITED]
    kind = draw(
        st.sampled_from(["update", "insert", "delete"] if updatable else ["insert", "delete"])
    )
    where = " AND ".join(f'"{c.name}" = :k_{c.name}' for c in table.primary_key.columns)
    keys = {f"k_{c.name}": row[c.name] for c in table.primary_key.columns}
    if kind == "delete":
        return kind, name, (f"DELETE FROM {name} WHERE {where}", keys, None)
    if kind == "update":
        column = draw(st.sampled_from(updatable))
        value = draw(_other_value(column, row[column.name], rows))
        statement = f'UPDATE {name} SET "{column.name}" = :value WHERE {where}'
        return kind, name, (statement, {**keys, "value": value}, column.name)
    new = dict(row)
    for column in table.columns:
        if column.name == "log_head":
            new[column.name] = None
        elif column.primary_key and isinstance(column.type, Integer) and not column.foreign_keys:
            new[column.name] = max(r[column.name] for r in rows[name]) + 1
        elif column.foreign_keys and column.name != "org_id":
            (key,) = column.foreign_keys
            new[column.name] = draw(st.sampled_from([r["id"] for r in rows[key.column.table.name]]))
        elif isinstance(column.type, Enum) or not hasattr(column.type, "length"):
            continue
        elif isinstance(new[column.name], str):
            new[column.name] = new[column.name] + draw(st.sampled_from(["·", "甲", "2"]))
    listed = ", ".join(f'"{c}"' for c in new)
    values = ", ".join(f":{c}" for c in new)
    return kind, name, (f"INSERT INTO {name} ({listed}) VALUES ({values})", new, None)


def _other_value(column: Any, value: Any, rows: dict[str, list[dict[str, Any]]]) -> Any:
    kind = column.type
    choices: Any
    if column.foreign_keys:
        (key,) = column.foreign_keys
        choices = st.sampled_from([r["id"] for r in rows[key.column.table.name]])
    elif isinstance(kind, Enum):
        choices = st.sampled_from(list(kind.enums))
    elif isinstance(kind, Boolean):
        choices = st.booleans()
    elif isinstance(kind, DateTime):
        choices = st.integers(1, 10**6).map(
            lambda n: (value or datetime(2023, 1, 1)) + timedelta(microseconds=n)
        )
    elif isinstance(kind, Date):
        choices = st.integers(-400, 400).map(lambda n: (value or date(2023, 1, 1)) + timedelta(n))
    elif isinstance(kind, Integer):
        choices = st.integers(-3, 12)
    else:
        choices = st.text(alphabet="ab 中文·", min_size=1, max_size=6)
    if column.nullable:
        choices = st.none() | choices
    return choices.filter(lambda new: new != value)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_every_single_edit_is_found(demo: Database, data: Any) -> None:
    engine = create_engine(resolve_url(demo.url))
    try:
        with engine.connect() as connection:
            rows = _rows(connection)
            kind, table, (statement, params, field) = data.draw(edits(rows))
            try:
                try:  # (the driver opens the transaction the rollback below undoes)
                    connection.execute(text(statement), params)
                except (IntegrityError, DataError):
                    return  # refused by the schema itself (a key, a length): nothing to find
                # Every group, and one whose row was removed (its log still names it).
                ids = (
                    connection.execute(select(orgs.c.id).union(select(audit_log.c.org_id)))
                    .scalars()
                    .all()
                )
                verdicts = [check(connection, org_id) for org_id in ids]
            finally:
                connection.rollback()
    finally:
        engine.dispose()
    found = [d for verdict in verdicts for d in verdict.differences]
    assert not all(verdict.ok for verdict in verdicts), (kind, table, statement, params)
    assert any(d.table == table for d in found), (kind, table, found)
    if kind == "update":
        assert any(d.field == field for d in found), (table, field, found)

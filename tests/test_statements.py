"""No query per row: the statements a command sends do not grow with the data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from tests.conftest import Backend, Database
from tests.seed import ROLLS, record_seed_year

Ok = Callable[..., str]


def _small(ok: Ok) -> None:
    record_seed_year(ok)


def _large(ok: Ok) -> None:
    """The seed year, then as many members again and a second session a month."""
    record_seed_year(ok)
    for number in range(8):
        ok("member", "add", f"新成员{number}", "--joined", "2023-01-01")
    for month in range(1, 13):
        day = f"2023-{month:02d}-25"
        ok("session", "add", "--date", day, "--title", "加学", "--discussion")
        ok("attend", day, "--leave", "新成员1:出差", "--absent", "新成员2")
        ok("makeup", "add", day, "新成员1", "--date", f"2023-{month:02d}-27")
        ok("speech", "add", day, "新成员3", "--kind", "key")
    for month in range(1, 13):
        ok("attend", f"2023-{month:02d}-15", *ROLLS.get(month, []))  # now with the new members


@contextmanager
def counting() -> Iterator[list[str]]:
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", record)


COMMANDS = {
    "stats": ("stats", "--year", "2023", "--format", "json"),
    "stats by member": ("stats", "--year", "2023", "--by", "member", "--format", "json"),
    "stats by month": ("stats", "--year", "2023", "--by", "month", "--format", "json"),
    "attend": ("attend", "2023-03-15", "--late", "王五", "--format", "json"),
    "export": (
        "export",
        "--year",
        "2023",
        "--format",
        "json",
        "--out",
        "{tmp}/year.json",
        "--force",
    ),
    "session list": ("session", "list", "--year", "2023", "--format", "json"),
    "report": ("report", "--year", "2023", "--as-of", "2024-01-10"),
    "assess": ("assess", "--year", "2023", "--as-of", "2024-01-10", "--format", "json"),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_statement_count_does_not_grow_with_the_data(
    name: str, ok: Ok, database: Database, tmp_path: Path, backend: Backend
) -> None:
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in COMMANDS[name]]
    counts = []
    for size, build in (("small", _small), ("large", _large)):
        database.load(backend.built_once(f"statements-{size}", build))
        with counting() as statements:
            ok(*args)
        counts.append(len(statements))
    assert counts[0] == counts[1], (name, counts)
    # A bound, so a loop of queries shows even on small data: the report also runs the
    # year-end check (its failed rules are the report's 问题和不足) and states the whole
    # year (study forms, outputs, other meetings, the calendar kept), hence its own bound;
    # export writes the plan, ledger, outputs, self-study and other meetings' tables too.
    assert counts[0] < (90 if name == "report" else 50), (name, counts)


@pytest.mark.sqlite_only(reason="reads SQLite's query plan (EXPLAIN QUERY PLAN)")
def test_a_years_figures_are_found_through_the_indexes(seeded: Database) -> None:
    """Cost follows the year's rows, not the database's size: SQLite searches the sessions of
    one org and period by index, then each roll line by (session, member)."""
    from datetime import date

    from sqlalchemy import create_engine, select

    from studylog.figures.tallies import _expected_lines, _in_period, _roll_figures
    from studylog.store.tables import orgs

    engine = create_engine(f"sqlite:///{seeded.path}")
    try:
        with engine.connect() as connection:
            org = connection.execute(select(orgs.c.id, orgs.c.name)).one()
            query = _in_period(
                _expected_lines(select(*_roll_figures())), org, date(2023, 1, 1), date(2023, 12, 31)
            )
            sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
            plan = " | ".join(
                row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
            )
    finally:
        engine.dispose()
    assert "SEARCH sessions USING INDEX ix_sessions_org_id_date (org_id=? AND date>?" in plan
    assert "SEARCH attendance USING INDEX" in plan and "SCAN attendance" not in plan

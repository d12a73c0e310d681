"""Properties where examples are not enough (hypothesis), on generated years.

- export → import is the identity: a generated year (texts starting with ``'`` ``=`` ``+``
  ``-`` ``@``, a tab, full-width forms, characters only GB18030 and UTF-8 encode) exported to
  xlsx, CSV (UTF-8 or GB18030) or JSON and imported into an empty database holds exactly the
  same records;
- a year's figures are the sum of its months, of its quarters and of its members;
- ``undo`` of a generated sequence of commands gives back the database it started from
  (``.dump``-equal on SQLite, every table's rows equal on PostgreSQL; the audit log, the
  chain's head and the id sequences aside);
- any single-field edit of a stored audit entry is caught by ``log --verify``.

Example counts are modest (``STUDYLOG_TEST_EXAMPLES`` raises them) and every generated date
lies in 2024, long before any day the suite runs on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text, update
from sqlalchemy.exc import IntegrityError
from typer.testing import CliRunner

from studylog.cli import app
from tests.conftest import Backend, Database, Run, recording

EXAMPLES = int(os.environ.get("STUDYLOG_TEST_EXAMPLES", "0") or 0)
SETTINGS = settings(
    max_examples=EXAMPLES or 12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
YEARS = settings(SETTINGS, max_examples=EXAMPLES or 8)  # a generated year takes a second
ORG = "性质局党组理论学习中心组"
YEAR = 2024

# Texts a spreadsheet would take for a formula, or that a GBK-only file could not hold.
PREFIXES = ["", "", "'", "''", "=", "+", "-", "@", "\t", "＝", "＋", "－", "＠", "'="]
BODY = st.text(alphabet="学习版甲乙丙𠀀𪚥䶵€ＡＢ１２（）。 -'=+@", min_size=0, max_size=6)
FIRST = st.sampled_from("学习讲话精神𠀀䶵Ａ１（")
TRICKY = st.builds(lambda prefix, first, body: prefix + first + body, st.sampled_from(PREFIXES),
                   FIRST, BODY)  # fmt: skip
MAYBE = st.one_of(st.none(), TRICKY)
# A name starting with "-" would read as an option where it stands alone (member add NAME).
NAME_PREFIXES = ["", "", "'", "''", "=", "+", "@", "＝", "－", "＠"]
BASE_NAMES = ["张三", "李四", "王五", "赵六", "𠀀钱七", "䶵孙八", "Ａ周九"]
ROLES = ["leader", "deputy", "member", "secretary", "observer"]


@dataclass
class Person:
    name: str
    role: str
    joined: dt.date | None
    retired: dt.date | None

    def in_group(self, day: dt.date) -> bool:
        return (self.joined is None or self.joined <= day) and (
            self.retired is None or self.retired >= day
        )

    def expected(self, day: dt.date) -> bool:
        return self.role != "observer" and self.in_group(day)


@dataclass
class Year:
    commands: list[tuple[str, ...]] = field(default_factory=list)


def day_of(number: int) -> dt.date:
    return dt.date(YEAR, 1, 1) + dt.timedelta(days=number)


@st.composite
def years(draw: st.DrawFn) -> Year:
    """A year recorded command by command: members who join and leave, sessions of every
    kind, rolls with every status, make-ups and speeches, with tricky texts everywhere."""
    year = Year([("init", "--org", ORG)])
    bases = draw(st.lists(st.sampled_from(BASE_NAMES), min_size=2, max_size=4, unique=True))
    people = []
    for base in bases:
        name = draw(st.sampled_from(NAME_PREFIXES)) + base
        role = draw(st.sampled_from(ROLES))
        joined = draw(st.one_of(st.none(), st.integers(0, 200).map(day_of)))
        retired = None
        if draw(st.booleans()):
            retired = (joined or day_of(0)) + dt.timedelta(days=draw(st.integers(0, 200)))
        person = Person(name, role, joined, retired)
        people.append(person)
        command = ["member", "add", name, "--role", role]
        if joined:
            command += ["--joined", joined.isoformat()]
        title = draw(MAYBE)
        if title is not None:
            command += ["--title", title]
        year.commands.append(tuple(command))
        if retired:
            year.commands.append(("member", "retire", name, "--on", retired.isoformat()))
    days = sorted(draw(st.lists(st.integers(0, 360), min_size=1, max_size=4, unique=True)))
    for number in days:
        day = day_of(number)
        ref = day.isoformat()
        command = ["session", "add", "--date", ref, "--title", draw(TRICKY)]
        command += ["--kind", draw(st.sampled_from(["study", "topic"]))]
        command += ["--format", draw(st.sampled_from(["in-person", "online", "field"]))]
        if draw(st.booleans()):
            command.append("--discussion")
        location = draw(MAYBE)
        if location is not None:
            command += ["--location", location]
        if draw(st.booleans()):
            command += ["--first-agenda", draw(TRICKY)]
            if draw(st.booleans()):
                source = day - dt.timedelta(days=draw(st.integers(0, 30)))
                command += ["--source-date", source.isoformat()]
        year.commands.append(tuple(command))
        roll = ["attend", ref]
        missed = []
        for person in people:
            if not person.expected(day):
                continue
            status = draw(st.sampled_from(["present", "present", "late", "leave", "absent"]))
            if status == "late":
                roll += ["--late", person.name]
            elif status == "absent":
                roll += ["--absent", person.name]
                missed.append(person)
            elif status == "leave":
                reason = draw(MAYBE)
                roll += ["--leave", person.name + (f":{reason}" if reason else "")]
                missed.append(person)
        year.commands.append(tuple(roll))
        for person in missed:
            if draw(st.booleans()):
                on = day + dt.timedelta(days=draw(st.integers(0, 40)))
                command = ["makeup", "add", ref, person.name, "--date", on.isoformat()]
                command += ["--method", draw(st.sampled_from(["self-study", "notes", "online"]))]
                note = draw(MAYBE)
                if note is not None:
                    command += ["--note", note]
                year.commands.append(tuple(command))
        for person in people:
            if not person.in_group(day):
                continue
            for kind in draw(st.lists(st.sampled_from(["key", "written", "exchange"]),
                                      max_size=2, unique=True)):  # fmt: skip
                command = ["speech", "add", ref, person.name, "--kind", kind]
                title = draw(MAYBE)
                if title is not None:
                    command += ["--title", title]
                year.commands.append(tuple(command))
    return year


def recorder(url: str) -> Callable[..., str]:
    runner = CliRunner()

    def ok(*args: str) -> str:
        result = runner.invoke(app, ["--db", url, *args])
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    return ok


CONTENT = {
    "members": "SELECT m.name, m.title, m.role, m.joined, m.retired FROM members m",
    "sessions": "SELECT s.date, s.title, s.kind, s.discussion, s.format, h.name, s.location, "
    "s.first_agenda, s.source_date FROM sessions s LEFT JOIN members h ON h.id = s.host_id",
    "attendance": "SELECT s.date, s.title, m.name, a.status, a.reason FROM attendance a "
    "JOIN sessions s ON s.id = a.session_id JOIN members m ON m.id = a.member_id",
    "makeups": "SELECT s.date, s.title, m.name, k.date, k.method, k.note FROM makeups k "
    "JOIN attendance a ON a.id = k.attendance_id JOIN sessions s ON s.id = a.session_id "
    "JOIN members m ON m.id = a.member_id",
    "speeches": "SELECT s.date, s.title, m.name, p.kind, p.title FROM speeches p "
    "JOIN sessions s ON s.id = p.session_id JOIN members m ON m.id = p.member_id",
}


def content(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """The records of a database, by what they say rather than by their ids."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table: sorted(
                    (tuple(str(value) for value in row) for row in connection.execute(text(q))),
                )
                for table, q in CONTENT.items()
            }
    finally:
        engine.dispose()


def sqlalchemy_url(database: Database) -> str:
    return database.url if database.backend != "sqlite" else f"sqlite:///{database.path}"


# -- export → import -------------------------------------------------------------------------

FORMATS = [("xlsx", None), ("csv", "utf-8-sig"), ("csv", "gb18030"), ("csv", "utf-8"),
           ("json", None)]  # fmt: skip


@YEARS
@given(year=years(), how=st.sampled_from(FORMATS))
def test_export_then_import_is_the_identity(
    year: Year,
    how: tuple[str, str | None],
    new_database: Callable[[str], Database],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    source, target = new_database("source"), new_database("target")
    source.reset()
    target.reset()
    ok = recorder(source.url)
    for command in year.commands:
        ok(*command)
    fmt, encoding = how
    folder = tmp_path_factory.mktemp("export")
    out = folder / ("year" if fmt == "csv" else f"year.{fmt}")
    options = ["--encoding", encoding] if encoding else []
    ok("export", "--year", str(YEAR), "--out", str(out), "--format", fmt, *options)
    recorder(target.url)("import", str(out))
    assert content(sqlalchemy_url(target)) == content(sqlalchemy_url(source))
    before = json.loads(ok("stats", "--year", str(YEAR), "--format", "json"))
    after = json.loads(recorder(target.url)("stats", "--year", str(YEAR), "--format", "json"))
    assert after.pop("log_head") != before.pop("log_head")  # the same records, two logs
    assert after == before


# -- the year is the sum of its parts --------------------------------------------------------

ADDED = ["sessions", "discussions", "topic_sessions", "topic_discussions", "first_agenda_items",
         "expected", "present", "late", "leave", "absent", "makeups", "makeups_outstanding",
         "unrecorded"]  # fmt: skip
BY_MEMBER = ["expected", "present", "late", "leave", "absent", "makeups", "makeups_outstanding"]


def summed(rows: list[dict[str, Any]], keys: list[str]) -> dict[str, Any]:
    totals = {key: sum(row[key] for row in rows) for key in keys}
    totals["speeches"] = {
        kind: sum(row["speeches"][kind] for row in rows) for kind in ("key", "written", "exchange")
    }
    return totals


@YEARS
@given(year=years())
def test_a_years_figures_are_the_sum_of_its_months_quarters_and_members(
    year: Year, new_database: Callable[[str], Database]
) -> None:
    database = new_database("parts")
    database.reset()
    ok = recorder(database.url)
    for command in year.commands:
        ok(*command)

    def stats(*by: str) -> dict[str, Any]:
        return json.loads(ok("stats", "--year", str(YEAR), "--format", "json", *by))

    whole = stats()
    for by, keys in (("month", ADDED), ("quarter", ADDED), ("member", BY_MEMBER)):
        rows = stats("--by", by)["rows"]
        assert summed(rows, keys) == {key: whole[key] for key in [*keys, "speeches"]}, by
    assert whole["topic_discussions"] <= min(whole["topic_sessions"], whole["discussions"])
    assert (
        whole["expected"]
        == whole["present"] + whole["late"] + whole["leave"] + whole["absent"] + whole["unrecorded"]
    )


# -- undo gives back the database ------------------------------------------------------------

BASE: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    ("member", "add", "李四"),
    ("member", "add", "王五", "--joined", "2024-03-01"),
    ("session", "add", "--date", "2024-02-10", "--title", "二月学习", "--discussion"),
    ("session", "add", "--date", "2024-04-10", "--title", "四月学习", "--kind", "topic"),
    ("attend", "2024-02-10", "--leave", "李四:出差"),
    ("attend", "2024-04-10", "--absent", "王五"),
    ("makeup", "add", "2024-04-10", "王五", "--date", "2024-04-20"),
    ("speech", "add", "2024-02-10", "张三", "--kind", "key"),
    ("plan", "add", "--year", "2024", "--month", "5", "--title", "五月计划"),
]

NAMES = st.sampled_from(["张三", "李四", "王五", "赵六"])
REFS = st.sampled_from(["2024-02-10", "2024-04-10", "1", "2", "3"])
DAYS = st.integers(30, 200).map(lambda n: day_of(n).isoformat())
COMMANDS = st.one_of(
    st.tuples(st.just("member"), st.just("add"), st.sampled_from(["赵六", "'钱七", "=孙八"])),
    st.tuples(st.just("member"), st.just("edit"), NAMES, st.just("--title"), TRICKY),
    st.tuples(st.just("member"), st.just("edit"), NAMES, st.just("--joined"), DAYS),
    st.tuples(st.just("member"), st.just("retire"), NAMES, st.just("--on"), DAYS),
    st.tuples(st.just("member"), st.just("delete"), NAMES, st.just("--yes")),
    st.tuples(
        st.just("session"), st.just("add"), st.just("--date"), DAYS, st.just("--title"), TRICKY
    ),
    st.tuples(st.just("session"), st.just("edit"), REFS, st.just("--title"), TRICKY),
    st.tuples(st.just("session"), st.just("edit"), REFS, st.just("--date"), DAYS),
    st.tuples(st.just("session"), st.just("delete"), REFS, st.just("--yes")),
    st.tuples(st.just("attend"), REFS, st.sampled_from(["--late", "--absent", "--leave"]), NAMES),
    st.tuples(st.just("makeup"), st.just("add"), REFS, NAMES, st.just("--date"), DAYS),
    st.tuples(st.just("makeup"), st.just("delete"), REFS, NAMES),
    st.tuples(
        st.just("speech"),
        st.just("add"),
        REFS,
        NAMES,
        st.just("--kind"),
        st.sampled_from(["key", "written", "exchange"]),
    ),
    st.tuples(st.just("speech"), st.just("delete"), REFS, NAMES, st.just("--kind"), st.just("key")),
    st.tuples(st.just("plan"), st.just("delete"), st.just("1"), st.just("--yes")),
    st.tuples(
        st.just("rectify"),
        st.just("add"),
        st.just("--problem"),
        TRICKY,
        st.just("--measure"),
        TRICKY,
        st.just("--dept"),
        st.just("办公室"),
        st.just("--lead"),
        st.just("机关党委"),
        st.just("--due"),
        st.just("2024-12-31"),
        st.just("--session"),
        REFS,
    ),
)


def dump_sqlite(path: str) -> list[str]:
    """SQLite's .dump of a copy, without the audit log, the chain's head or the sequences."""
    copy = sqlite3.connect(":memory:")
    with sqlite3.connect(path) as source:
        source.backup(copy)
    copy.execute("DELETE FROM audit_log")
    copy.execute("UPDATE orgs SET log_head = NULL")
    lines = [line for line in copy.iterdump() if "sqlite_sequence" not in line]
    copy.close()
    return lines


def rows_of_every_table(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (PostgreSQL), the audit log and the chain's head aside."""
    from sqlalchemy import MetaData, select

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            metadata = MetaData()
            metadata.reflect(connection)
            found = {}
            for name, table in sorted(metadata.tables.items()):
                if name == "audit_log":
                    continue
                columns = [c for c in table.columns if c.name != "log_head"]
                query = select(*columns).order_by(*columns)
                found[name] = [tuple(row) for row in connection.execute(query)]
            return found
    finally:
        engine.dispose()


def state(database: Database) -> Any:
    if database.backend == "sqlite":
        return dump_sqlite(str(database.path))
    return rows_of_every_table(database.url)


@pytest.fixture(scope="module")
def base_template(backend: Backend) -> Any:
    return backend.built_once("undo-base", recording(BASE))


@SETTINGS
@given(commands=st.lists(COMMANDS, min_size=1, max_size=5))
def test_undo_of_any_command_sequence_gives_the_database_back(
    commands: list[tuple[str, ...]], database: Database, base_template: Any, run: Run
) -> None:
    database.load(base_template)
    before = state(database)

    def entries() -> int:
        with database.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM audit_log")).scalar_one())

    logged = entries()
    for command in commands:
        result = run(*command)
        assert result.exit_code in (0, 1), (command, result.output)
    # A command that changed nothing (an amend naming a line as it already is) logs nothing
    # and has nothing to undo: undo as many changes as were logged.
    done = entries() - logged
    for _ in range(done):
        result = run("undo", "--yes")
        assert result.exit_code == 0, (commands, result.output)
    assert state(database) == before, commands
    verified = run("log", "--verify")
    assert verified.exit_code == 0 and "Audit log intact" in verified.stdout


# -- tampering with the log ------------------------------------------------------------------

EDITABLE = ["seq", "at", "user", "command", "changes", "undoes", "prev_hash", "hash"]


def _edited(column: str, old: Any, draw: st.DrawFn) -> Any:
    if column == "seq":
        return draw(st.integers(-5, 100).filter(lambda n: n != old))
    if column == "undoes":
        return draw(st.one_of(st.none(), st.integers(1, 100)).filter(lambda n: n != old))
    if column == "at":
        return old + dt.timedelta(seconds=draw(st.sampled_from([-86400, -1, 1, 3600])))
    if column in ("prev_hash", "hash"):
        flipped = draw(st.integers(0, len(old) - 1))
        char = "0" if old[flipped] != "0" else "1"
        return old[:flipped] + char + old[flipped + 1 :]
    extra = draw(st.text(min_size=1, max_size=3))
    return draw(st.sampled_from([old + extra, extra + old, old[:-1], old.replace(":", ";", 1)]))


@SETTINGS
@given(data=st.data())
def test_any_single_field_edit_of_an_audit_entry_is_caught(
    data: st.DataObject, database: Database, base_template: Any, run: Run
) -> None:
    from sqlalchemy import select

    from studylog.store.tables import audit_log

    database.load(base_template)
    with database.connect() as connection:
        entries = {row.seq: row._asdict() for row in connection.execute(select(audit_log))}
    seq = data.draw(st.sampled_from(sorted(entries)))
    column = data.draw(st.sampled_from(EDITABLE))
    old = entries[seq][column]
    new = _edited(column, old, data.draw)
    assume(new != old)
    try:
        with database.connect() as connection:
            connection.execute(
                update(audit_log).where(audit_log.c.seq == seq).values({column: new})
            )
    except IntegrityError:
        assume(False)  # the edit the database itself refuses (a seq taken twice)
    result = run("log", "--verify")
    assert result.exit_code == 3, (seq, column, old, new, result.output)
    assert "Audit log intact" not in result.output


def test_any_single_field_edit_of_a_stored_row_is_caught(seeded: Database, run: Run) -> None:
    """An absence turned into a presence behind studylog's back; the generated single-field
    edits of every recorded table are in tests/test_integrity.py."""
    with seeded.connect() as connection:
        connection.execute(text("UPDATE attendance SET status = 'present' WHERE status = 'absent'"))
    assert run("log", "--verify").exit_code == 3

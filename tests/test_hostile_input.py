"""Bad input, generated: random and hostile values never produce a traceback, and an error
always leaves the database as it was (on SQLite, byte for byte)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studylog.errors import StudylogError
from studylog.text.messages import describe
from studylog.text.parse import parse_date, split_leaves
from tests.conftest import Backend, Database, Run
from tests.seed import record_seed_year

HOSTILE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            " ",
            "\u3000",
            "'; DROP TABLE members; --",
            'Robert"); DELETE FROM sessions;',
            "张三\n李四",
            "\x00",
            "\x1b[31m红\x1b[0m",
            "张三，李四：出差",
            "：",
            ",,,",
            "=1+1",
            "x" * 5000,
            "２０２３－０２－３０",
            "2023年2月30日",
            "0000-00-00",
            "9999-12-31",
            "#0",
            "#-1",
            "-1",
            "99999999999999999999",
            "NaN",
            "null",
            "张三:",
            ":出差",
            # A GBK byte as Python hands it over from a UTF-8 locale (surrogateescape).
            b"\xd5\xc5\xc8\xfd".decode("utf-8", "surrogateescape"),
        ]
    ),
)
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("seed", record_seed_year))
    return database


def outcome(run: Run, database: Database, *args: str) -> None:
    """The command either succeeds, or says one clean line and changes nothing."""
    before = database.snapshot()
    result = run(*args)
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        return
    assert result.exit_code in (1, 2), result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "unexpected failure" not in lines[0]
    assert database.snapshot() == before


@SETTINGS
@given(name=HOSTILE, title=HOSTILE)
def test_member_add_with_any_name_or_post(year: Database, run: Run, name: str, title: str) -> None:
    outcome(run, year, "member", "add", name, "--title", title)


@SETTINGS
@given(day=HOSTILE, title=HOSTILE, kind=HOSTILE)
def test_session_add_with_any_values(
    year: Database, run: Run, day: str, title: str, kind: str
) -> None:
    outcome(run, year, "session", "add", "--date", day, "--title", title, "--kind", kind)


@SETTINGS
@given(ref=HOSTILE, leave=HOSTILE, late=HOSTILE)
def test_attend_with_any_roll(year: Database, run: Run, ref: str, leave: str, late: str) -> None:
    outcome(run, year, "attend", ref, "--leave", leave, "--late", late)


@SETTINGS
@given(ref=HOSTILE, name=HOSTILE, day=HOSTILE, note=HOSTILE)
def test_makeup_with_any_values(
    year: Database, run: Run, ref: str, name: str, day: str, note: str
) -> None:
    outcome(run, year, "makeup", "add", ref, name, "--date", day, "--note", note)


@SETTINGS
@given(cells=st.lists(st.lists(HOSTILE, min_size=4, max_size=4), min_size=1, max_size=5))
def test_import_rows_with_any_cells(
    year: Database, run: Run, tmp_path_factory: pytest.TempPathFactory, cells: list[list[str]]
) -> None:
    import csv

    path = tmp_path_factory.mktemp("rows") / "roll.csv"
    with path.open("w", encoding="utf-8", errors="surrogateescape", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["日期", "姓名", "出勤情况", "请假事由"])
        writer.writerows(cells)
    outcome(run, year, "import", str(path))


@given(text=st.text(max_size=30))
def test_dates_parse_or_refuse_cleanly(text: str) -> None:
    try:
        parse_date(text)
    except StudylogError as error:
        assert describe(error)


@given(values=st.lists(st.text(max_size=20), max_size=4))
def test_leave_lists_parse_or_refuse_cleanly(values: list[str]) -> None:
    try:
        for name, reason in split_leaves(values):
            assert name and "\n" not in name and (reason is None or reason.strip())
    except StudylogError as error:
        assert describe(error)

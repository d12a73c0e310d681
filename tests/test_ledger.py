"""The rectification ledger (``studylog rectify``, 整改台账) through the CLI.

An entry's life: added (found at a session or on a date) → follow-up progress → closed
(销号). It is open until closed, and overdue while open past its deadline, as of today or
``--as-of`` (always given here, so nothing depends on today's date).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试局党组理论学习中心组"
MARCH = "2023-03-14"  # the session whose discussion found the problem
SEPTEMBER = "2023-09-12"

GROUP: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    ("session", "add", "--date", MARCH, "--title", "学习研讨", "--discussion"),
    ("session", "add", "--date", SEPTEMBER, "--title", "专题研讨", "--discussion"),
]


def entry(problem: str, due: str, *extra: str) -> tuple[str, ...]:
    return (
        "rectify", "add", "--problem", problem, "--measure", "建立学习转化清单",
        "--dept", "办公室", "--lead", "机关党委", "--due", due, *extra,
    )  # fmt: skip


FIRST = entry("学用结合不够紧密", "2023-06-30", "--category", "理论学习", "--session", MARCH)


@pytest.fixture
def group(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("ledger-group", recording(GROUP)))
    return database


@pytest.fixture
def entered(backend: Backend, database: Database) -> Database:
    """The group with ledger entry #1 (found at the March session, due 2023-06-30)."""
    group = backend.built_once("ledger-group", recording(GROUP))
    database.load(backend.built_once("ledger-entered", recording([FIRST]), start=group))
    return database


@pytest.fixture
def fails(run: Run, database: Database) -> Callable[..., str]:
    """Run studylog, insist it failed cleanly with one error line and an unchanged database."""

    def invoke(*args: str, code: int = 1, prefix: str = "Error: ") -> str:
        before = database.snapshot()
        result = run(*args)
        assert isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code == code, (args, result.output)
        assert result.stdout == ""
        assert database.snapshot() == before, f"{args} changed the database"
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(prefix), result.stderr
        assert "unexpected failure" not in lines[0] and "意外错误" not in lines[0]
        return lines[0]

    return invoke


def rows(output: str) -> list[list[str]]:
    """The first table's body rows, as non-empty cells (columns are 2+ spaces apart)."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if "─" in line) + 1
    body = []
    for line in lines[start:]:
        if not line.strip():
            break
        body.append(re.split(r"\s{2,}", line.strip()))
    return body


def listed(ok: Ok, as_of: str, *args: str) -> list[dict[str, Any]]:
    return json.loads(ok("rectify", "list", "--as-of", as_of, "--format", "json", *args))


def states(ok: Ok, as_of: str, *args: str) -> dict[int, str]:
    return {line["id"]: line["state"] for line in listed(ok, as_of, *args)}


# -- an entry's life -----------------------------------------------------------------------


def test_the_ledgers_life(group: Database, ok: Ok) -> None:
    assert ok(*FIRST) == "Added ledger entry #1, due 2023-06-30\n"
    assert rows(ok("rectify", "list", "--as-of", "2023-04-01")) == [
        [
            "1", "theory study", "学用结合不够紧密", "建立学习转化清单", "办公室", "机关党委",
            MARCH, "2023-06-30", "open",
        ]
    ]  # fmt: skip
    assert ok("rectify", "progress", "1", "--note", "已制定学习转化清单", "--on", "2023-04-10") == (
        "Logged progress on #1 (2023-04-10)\n"
    )
    ok("rectify", "progress", "1", "--note", "清单落实过半", "--on", "2023-06-01")

    # The table's follow-up column (跟踪反馈) takes a line a note: the JSON is read instead.
    assert states(ok, "2023-07-01", "--overdue") == {1: "overdue"}

    assert ok("rectify", "done", "1", "--on", "2023-07-15", "--note", "清单已全部落实") == (
        "Closed ledger entry #1 on 2023-07-15\n"
    )
    assert ok("rectify", "list", "--overdue", "--as-of", "2023-08-01") == "Nothing recorded.\n"
    (closed,) = listed(ok, "2023-08-01", "--done")
    assert (closed["id"], closed["state"], closed["done_on"]) == (1, "done", "2023-07-15")
    assert closed["progress"] == "2023-04-10 已制定学习转化清单\n2023-06-01 清单落实过半"

    assert json.loads(ok("rectify", "show", "1", "--as-of", "2023-08-01", "--format", "json")) == {
        "id": 1,
        "category": "theory-study",  # 理论学习, stored as the vocabulary's value
        "problem": "学用结合不够紧密",
        "measure": "建立学习转化清单",
        "dept": "办公室",
        "lead": "机关党委",
        "found": MARCH,
        "due": "2023-06-30",
        "state": "done",
        "done_on": "2023-07-15",
        "session_id": 1,
        "session_date": MARCH,
        "done_note": "清单已全部落实",
        "progress": [
            {"on": "2023-04-10", "note": "已制定学习转化清单"},
            {"on": "2023-06-01", "note": "清单落实过半"},
        ],
    }


def test_show_prints_the_entry_and_its_follow_up(entered: Database, ok: Ok) -> None:
    ok("rectify", "progress", "1", "--note", "清单落实过半", "--on", "2023-06-01")
    output = ok("rectify", "show", "1", "--as-of", "2023-07-01")
    fields = dict(row for row in rows(output) if len(row) == 2)
    assert fields["Problem"] == "学用结合不够紧密"
    assert fields["Due"] == "2023-06-30"
    assert fields["State"] == "overdue"
    assert fields["Session"] == "1"
    assert "Follow-up" in [line.strip() for line in output.splitlines()]
    assert "2023-06-01   清单落实过半" in output


def test_overdue_starts_the_day_after_the_deadline(entered: Database, ok: Ok) -> None:
    assert states(ok, "2023-06-30") == {1: "open"}
    assert states(ok, "2023-07-01") == {1: "overdue"}
    assert listed(ok, "2023-06-30", "--overdue") == []
    assert [line["id"] for line in listed(ok, "2023-07-01", "--overdue")] == [1]


def test_list_filters_by_state_and_year(entered: Database, ok: Ok) -> None:
    """#1 found in March, due in June: overdue; #2 closed in time; #3 found in 2024, open."""
    ok(*entry("会前学习准备不足", "2023-12-31", "--session", SEPTEMBER))
    ok("rectify", "done", "2", "--on", "2023-12-20")
    ok(*entry("研讨不够深入", "2024-03-31", "--found", "2024-01-05"))
    as_of = "2024-01-10"
    assert states(ok, as_of) == {1: "overdue", 2: "done", 3: "open"}
    assert states(ok, as_of, "--open") == {1: "overdue", 3: "open"}  # open includes overdue
    assert states(ok, as_of, "--overdue") == {1: "overdue"}
    assert states(ok, as_of, "--done") == {2: "done"}
    assert states(ok, as_of, "--year", "2023") == {1: "overdue", 2: "done"}
    assert states(ok, as_of, "--year", "2024", "--open") == {3: "open"}
    assert ok("rectify", "list", "--year", "2022", "--as-of", as_of) == "Nothing recorded.\n"


def test_a_deleted_session_leaves_the_entry(entered: Database, ok: Ok) -> None:
    ok("session", "delete", MARCH, "--yes")
    shown = json.loads(ok("rectify", "show", "1", "--as-of", "2023-04-01", "--format", "json"))
    assert (shown["session_id"], shown["session_date"], shown["found"]) == (None, None, MARCH)


def test_ledger_in_chinese(entered: Database, ok: Ok) -> None:
    ok(*entry("会前学习准备不足", "2023-12-31", "--session", SEPTEMBER))
    assert ok("--lang", "zh", "rectify", "done", "2", "--on", "2023-12-20") == (
        "整改事项 #2 已于 2023-12-20 销号\n"
    )
    ok(*entry("研讨不够深入", "2024-03-31", "--found", "2024-01-05"))
    table = ok("rectify", "list", "--as-of", "2024-01-10", "--lang", "zh")
    header = next(line for line in table.splitlines() if "整改时限" in line)
    assert re.split(r"\s{2,}", header.strip()) == [
        "编号", "类别", "问题", "整改措施", "责任部门", "牵头单位", "发现日期", "整改时限", "状态",
        "销号日期", "跟踪反馈",
    ]  # fmt: skip
    by_id = {row[0]: row for row in rows(table)}
    assert by_id["1"][-1] == "已逾期"
    assert by_id["2"][-2:] == ["已销号", "2023-12-20"]
    assert by_id["3"][-1] == "整改中"


# -- mistakes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            entry("问题", "2023-03-01", "--session", MARCH),
            "Error: the due date 2023-03-01 is before the problem was found (2023-03-14)",
        ),
        (entry("问题", "2023-06-31"), "Error: 2023-06-31 is not a valid date"),
        (
            entry("问题", "2023-06-30", "--session", "2023-05-05"),
            "Error: no session was held on 2023-05-05",
        ),
        (
            ("rectify", "progress", "1", "--note", "x", "--on", "2023-03-01"),
            "Error: 2023-03-01 is before the problem was found (2023-03-14)",
        ),
        (
            ("rectify", "progress", "9", "--note", "x", "--on", "2023-04-01"),
            "Error: no ledger entry #9",
        ),
        (("rectify", "done", "9", "--on", "2023-04-01"), "Error: no ledger entry #9"),
        (("rectify", "show", "9"), "Error: no ledger entry #9"),
        (("rectify", "list", "--open", "--done"), "Error: choose one of --open, --overdue, --done"),
        (("rectify", "list", "--format", "xml"), "Error: 'xml' is not a valid --format"),
    ],
    ids=lambda value: " ".join(value[:2]) if isinstance(value, tuple) else None,
)
def test_ledger_errors(
    entered: Database, fails: Callable[..., str], args: tuple, message: str
) -> None:
    # A value that cannot be read (a date, a choice) is a usage mistake: exit status 2.
    code = 2 if "is not a valid" in message else 1
    assert fails(*args, code=code).startswith(message)


def test_a_closed_entry_takes_no_more_progress(
    entered: Database, ok: Ok, fails: Callable[..., str]
) -> None:
    ok("rectify", "done", "1", "--on", "2023-07-15")
    closed = "Error: ledger entry #1 was already closed on 2023-07-15"
    assert fails("rectify", "done", "1", "--on", "2023-07-20") == closed
    assert fails("rectify", "progress", "1", "--note", "x", "--on", "2023-07-20") == closed
    line = fails("--lang", "zh", "rectify", "done", "1", "--on", "2023-07-20", prefix="错误：")
    assert line == "错误：整改台账 #1 已于 2023-07-15 销号"


@time_machine.travel(dt.datetime(2024, 1, 15, 23, 59, 59).astimezone(), tick=False)
def test_without_session_or_found_the_problem_is_found_today(
    group: Database, fails: Callable[..., str]
) -> None:
    line = fails(*entry("问题", "2023-06-30"))  # today is fixed: no midnight in between
    assert line == (
        "Error: the due date 2023-06-30 is before today (2024-01-15), the day the problem "
        "counts as found; give --found DATE or --session REF for a problem found earlier"
    )


def test_done_needs_a_date(entered: Database, fails: Callable[..., str]) -> None:
    assert fails("rectify", "done", "1", code=2).startswith("Error: Missing option '--on'")


def test_as_of_a_past_date_an_entry_closed_later_was_still_overdue(
    entered: Database, ok: Ok
) -> None:
    ok("rectify", "done", "1", "--on", "2023-08-15")
    assert states(ok, "2023-07-31") == {1: "overdue"}
    assert [line["id"] for line in listed(ok, "2023-07-31", "--overdue")] == [1]


@pytest.mark.parametrize("command", ["done", "progress"])
def test_a_future_date_is_refused(
    entered: Database, fails: Callable[..., str], command: str
) -> None:
    extra = ("--note", "x") if command == "progress" else ()
    assert "future" in fails("rectify", command, "1", "--on", "2099-01-01", *extra)

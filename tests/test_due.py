"""``studylog due``: exactly what is overdue and what is coming, as of a given day.

Planted, judged as of 2024-04-20 with ``--days 30``:

- plan item 1 (planned 2024-01-09) held that day: not listed;
- plan item 2 (planned 2024-02-18) never held: overdue;
- plan item 3 (planned 2024-03-12) held late, on 2024-03-15: not listed;
- plan item 4 (planned 2024-04-09) held on 2024-04-25, after the day: overdue (not held by
  its day, and not yet at all as of 2024-04-20);
- plan item 5 (planned 2024-05-14): coming; plan items 6–12: beyond the 30 days;
- a session outside the plan on 2024-05-06: coming;
- 李四 on leave 2024-01-09, made up 2024-01-20: not listed;
- 王五 absent 2024-03-15, not made up: overdue (more than 30 days after);
- 李四 on leave 2024-04-10 (a session outside the plan), not made up: coming (until 05-10);
- ledger #1 due 2024-03-31, open: overdue; #2 due 2024-03-31, closed 2024-03-30: not listed;
  #3 due 2024-05-15: coming; #4 due 2024-12-31: beyond the 30 days.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]

LEDGER = ("--measure", "整改", "--dept", "办公室", "--lead", "机关党委", "--found", "2024-01-09")
PLANTED: list[tuple[str, ...]] = [
    ("init", "--org", "测试组"),
    ("member", "add", "张三", "--role", "leader", "--joined", "2020-01-01"),
    ("member", "add", "李四", "--joined", "2020-01-01"),
    ("member", "add", "王五", "--joined", "2020-01-01"),
    *(
        ("plan", "add", "--year", "2024", "--month", str(month), "--title", f"主题{month}")
        for month in range(1, 13)
    ),
    ("plan", "schedule", "--year", "2024", "--rule", "second-tuesday"),
    ("session", "add", "--date", "2024-01-09", "--title", "一月", "--plan", "1"),
    ("attend", "2024-01-09", "--leave", "李四:出差"),
    ("makeup", "add", "2024-01-09", "李四", "--date", "2024-01-20"),
    ("session", "add", "--date", "2024-03-15", "--title", "三月", "--plan", "3"),
    ("attend", "2024-03-15", "--absent", "王五"),
    ("session", "add", "--date", "2024-04-10", "--title", "四月计划外"),
    ("attend", "2024-04-10", "--leave", "李四:开会"),
    ("session", "add", "--date", "2024-04-25", "--title", "四月", "--plan", "4"),
    ("session", "add", "--date", "2024-05-06", "--title", "五月计划外"),
    ("rectify", "add", "--problem", "逾期问题", *LEDGER, "--due", "2024-03-31"),
    ("rectify", "add", "--problem", "已销号问题", *LEDGER, "--due", "2024-03-31"),
    ("rectify", "done", "2", "--on", "2024-03-30"),
    ("rectify", "add", "--problem", "将到期问题", *LEDGER, "--due", "2024-05-15"),
    ("rectify", "add", "--problem", "年底问题", *LEDGER, "--due", "2024-12-31"),
]


@pytest.fixture
def planted(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("due-planted", recording(PLANTED)))
    return database


def due(run: Run, *args: str) -> tuple[int, dict[str, list[dict[str, object]]]]:
    result = run("due", "--as-of", "2024-04-20", "--days", "30", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def keyed(items: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(item["kind"], item["id"], item["due"], item["days"]) for item in items]


def test_due_lists_exactly_the_planted_overdue_items(planted: Database, run: Run) -> None:
    status, listed = due(run)
    assert status == 0  # whatever it lists
    assert keyed(listed["overdue"]) == [
        ("plan", 2, "2024-02-18", 62),  # 02-13 in the Spring Festival: moved to 02-18
        ("ledger", 1, "2024-03-31", 20),
        ("plan", 4, "2024-04-09", 11),
        ("makeup", 2, "2024-04-14", 6),  # session #2 (03-15) + 30 days
    ]
    makeup = listed["overdue"][3]
    assert makeup["detail"] == "王五" and makeup["title"] == "三月"


def test_due_lists_what_is_coming(planted: Database, run: Run) -> None:
    _, listed = due(run)
    assert keyed(listed["coming"]) == [
        ("session", 5, "2024-05-06", 16),
        ("makeup", 3, "2024-05-10", 20),  # 李四's leave on 04-10
        ("plan", 5, "2024-05-14", 24),
        ("ledger", 3, "2024-05-15", 25),
    ]


def test_fail_if_overdue_exits_3_only_when_something_is_overdue(
    planted: Database, run: Run
) -> None:
    status, _ = due(run, "--fail-if-overdue")
    assert status == 3
    early = run("due", "--as-of", "2024-01-05", "--days", "3", "--fail-if-overdue")
    assert early.exit_code == 0, early.output  # nothing overdue before the first planned day
    assert "0 overdue" in early.stdout


def test_due_as_a_table_and_csv(planted: Database, ok: Ok) -> None:
    table = ok("--lang", "zh", "due", "--as-of", "2024-04-20", "--days", "30")
    assert "截至 2024-04-20：逾期4项，未来30天内到期4项" in table
    assert "已逾期" in table and "未来30天内" in table
    csv = ok("due", "--as-of", "2024-04-20", "--days", "30", "--format", "csv")
    lines = csv.strip().splitlines()
    assert lines[0] == "State,What,#,Due,Title,Detail,Days"
    assert len(lines) == 1 + 8


def test_a_bad_days_value_is_one_error(planted: Database, run: Run) -> None:
    result = run("due", "--days", "-1")
    # a number of days out of its range is a value that cannot be read: exit 2
    assert result.exit_code == 2 and result.stderr.startswith("Error: --days -1")

"""The study plan (``studylog plan``) set against what was held, and first agenda latency.

A small 2023: four plan items (January, March, June, November) and five sessions. January's
item is held on time, March's a month late (in April), June's never; November's is still
ahead in mid-year. Two sessions are outside the plan. Four sessions relay a first agenda
item (第一议题), three with a source date: 7, 19 and 10 days before the session.
Every ``plan show`` passes ``--as-of`` so nothing depends on today's date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试局党组理论学习中心组"

PLAN_YEAR: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    ("member", "add", "李四"),
    ("member", "add", "王五"),
    (
        "plan", "add", "--year", "2023", "--month", "1", "--title", "学习党的二十大报告",
        "--discussion", "--speaker", "张三，李四",
    ),
    (
        "plan", "add", "--year", "2023", "--month", "3", "--title", "全面从严治党",
        "--kind", "专题学习", "--speaker", "王五",
    ),
    ("plan", "add", "--year", "2023", "--month", "6", "--title", "学习党章"),
    ("plan", "add", "--year", "2023", "--month", "11", "--title", "学习全会精神"),
    (
        "session", "add", "--date", "2023-01-12", "--title", "学习二十大报告", "--discussion",
        "--plan", "1", "--first-agenda", "重要讲话甲", "--source-date", "2023-01-05",
    ),
    (
        "session", "add", "--date", "2023-04-20", "--title", "全面从严治党专题", "--kind", "topic",
        "--plan", "#2", "--first-agenda", "重要讲话乙", "--source-date", "2023-04-01",
    ),
    (
        "session", "add", "--date", "2023-05-10", "--title", "计划外学习",
        "--first-agenda", "重要文件丙", "--source-date", "2023-04-30",
    ),
    (
        "session", "add", "--date", "2023-07-05", "--title", "七月学习",
        "--first-agenda", "重要讲话丁",
    ),
    ("session", "add", "--date", "2023-09-01", "--title", "九月学习"),
]  # fmt: skip


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("plan-plan", recording(PLAN_YEAR)))
    return database


def tables(output: str) -> list[list[list[str]]]:
    """Every table printed, header first, as rows of non-empty cells (2+ spaces apart)."""
    found: list[list[list[str]]] = []
    rows: list[list[str]] | None = None
    previous = ""
    for line in output.splitlines():
        if "─" in line:
            rows = [re.split(r"\s{2,}", previous.strip())]
            found.append(rows)
        elif rows is not None and line.strip():
            rows.append(re.split(r"\s{2,}", line.strip()))
        else:
            rows = None
        previous = line
    return found


def show(ok: Ok, as_of: str, *args: str) -> dict[str, Any]:
    return json.loads(
        ok("plan", "show", "--year", "2023", "--as-of", as_of, "--format", "json", *args)
    )


def statuses(report: dict[str, Any]) -> dict[int, str]:
    return {item["id"]: item["status"] for item in report["items"]}


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
        assert "unexpected failure" not in lines[0]
        return lines[0]

    return invoke


# -- plan against actual -------------------------------------------------------------------


def test_plan_against_actual_in_mid_year(year: Database, ok: Ok) -> None:
    output = ok("plan", "show", "--year", "2023", "--as-of", "2023-07-15")
    assert output.splitlines()[0] == (
        "2023 plan as of 2023-07-15: 4 planned, 2 held, 1 pending, 1 overdue; execution rate 50.0%"
    )
    items, unplanned = tables(output)
    assert items[0] == [
        "#", "Month", "Title", "Kind", "Discussion", "Speakers", "Status", "Held by", "Date",
    ]  # fmt: skip
    assert items[1:] == [
        [
            "1", "1", "学习党的二十大报告", "study session", "yes", "张三, 李四", "held", "1",
            "2023-01-12",
        ],
        ["2", "3", "全面从严治党", "topic session", "no", "王五", "held late", "2", "2023-04-20"],
        ["3", "6", "学习党章", "study session", "no", "overdue"],
        ["4", "11", "学习全会精神", "study session", "no", "not yet held"],
    ]  # fmt: skip
    assert "Held outside the plan" in output  # by the as-of date: not the September one
    assert unplanned == [
        ["#", "Date", "Title"],
        ["3", "2023-05-10", "计划外学习"],
        ["4", "2023-07-05", "七月学习"],
    ]


def test_plan_against_actual_as_json(year: Database, ok: Ok) -> None:
    report = show(ok, "2023-07-15")
    assert {key: value for key, value in report.items() if key not in ("items", "unplanned")} == {
        "year": 2023,
        "as_of": "2023-07-15",
        "planned": 4,
        "held": 2,
        "held_late": 1,
        "pending": 1,
        "overdue": 1,
        "execution_rate": 0.5,
    }
    assert report["items"][0] == {
        "id": 1,
        "month": 1,
        "title": "学习党的二十大报告",
        "kind": "study",
        "discussion": True,
        "speakers": ["张三", "李四"],
        "status": "held",
        "session_id": 1,
        "session_date": "2023-01-12",
    }
    assert [(i["status"], i["session_id"], i["session_date"]) for i in report["items"][1:]] == [
        ("held_late", 2, "2023-04-20"),
        ("overdue", None, None),
        ("pending", None, None),
    ]
    assert report["unplanned"] == [
        {"session_id": 3, "date": "2023-05-10", "title": "计划外学习"},
        {"session_id": 4, "date": "2023-07-05", "title": "七月学习"},
    ]


def test_an_item_is_overdue_only_once_its_month_has_ended(year: Database, ok: Ok) -> None:
    assert statuses(show(ok, "2023-06-29"))[3] == "pending"
    assert statuses(show(ok, "2023-06-30"))[3] == "overdue"  # by the end of the month's last day
    year_end = show(ok, "2024-01-10")
    assert statuses(year_end) == {1: "held", 2: "held_late", 3: "overdue", 4: "overdue"}
    assert (year_end["held"], year_end["pending"], year_end["overdue"]) == (2, 0, 2)
    assert year_end["execution_rate"] == 0.5


def test_as_of_a_past_date_an_item_held_later_was_not_yet_held(year: Database, ok: Ok) -> None:
    report = show(ok, "2023-04-10")  # March's item is held only on 2023-04-20
    assert statuses(report)[2] == "overdue"
    assert report["held"] == 1


def test_plan_against_actual_in_chinese(year: Database, ok: Ok) -> None:
    output = ok("plan", "show", "--year", "2023", "--as-of", "2023-07-15", "--lang", "zh")
    assert output.splitlines()[0] == (
        "2023年学习计划（截至 2023-07-15）：计划 4 项，已完成 2 项，未到期 1 项，"
        "逾期未完成 1 项；计划执行率 50.0%"
    )
    items, unplanned = tables(output)
    assert items[0][-3:] == ["完成情况", "完成学习", "日期"]
    assert items[1] == [
        "1", "1", "学习党的二十大报告", "集中学习", "是", "张三、李四", "已完成", "1", "2023-01-12",
    ]  # fmt: skip
    assert [row[-1] for row in items[3:]] == ["逾期未完成", "未到期"]
    assert "计划外学习" in [line.strip() for line in output.splitlines()]  # the table's title
    assert unplanned[0] == ["编号", "日期", "题目"]
    assert unplanned[1] == ["3", "2023-05-10", "计划外学习"]


def test_a_year_without_a_plan(year: Database, ok: Ok) -> None:
    report = show(ok, "2024-01-10", "--year", "2022")
    assert (report["year"], report["planned"], report["execution_rate"]) == (2022, 0, None)
    output = ok("plan", "show", "--year", "2022", "--as-of", "2024-01-10")
    assert output.splitlines()[0].endswith(
        "0 planned, 0 held, 0 pending, 0 overdue; execution rate —"
    )


# -- the plan itself: list, edit, delete, link ---------------------------------------------


def test_plan_list(year: Database, ok: Ok) -> None:
    rows = tables(ok("plan", "list", "--year", "2023"))[0]
    assert rows[0] == ["#", "Month", "Title", "Kind", "Discussion", "Speakers", "Planned day"]
    assert rows[2] == ["2", "3", "全面从严治党", "topic session", "no", "王五"]
    listed = json.loads(ok("plan", "list", "--year", "2023", "--format", "json"))
    assert [(item["id"], item["month"], item["kind"]) for item in listed] == [
        (1, 1, "study"),
        (2, 3, "topic"),
        (3, 6, "study"),
        (4, 11, "study"),
    ]
    assert listed[0]["speakers"] == ["张三", "李四"] and listed[0]["discussion"] is True
    assert ok("plan", "list", "--year", "2024") == "Nothing recorded.\n"


def test_plan_edit_changes_only_what_is_given(year: Database, ok: Ok) -> None:
    assert ok("plan", "edit", "4", "--month", "12", "--speaker", "王五", "--speaker", "李四") == (
        "Updated plan item #4: 2023-12 学习全会精神\n"
    )
    ok("plan", "edit", "1", "--no-discussion", "--speaker", "")
    listed = {
        item["id"]: item for item in json.loads(ok("plan", "list", "-y", "2023", "-f", "json"))
    }
    assert (listed[4]["month"], listed[4]["title"], listed[4]["speakers"]) == (
        12,
        "学习全会精神",
        ["王五", "李四"],
    )
    assert (listed[1]["discussion"], listed[1]["speakers"]) == (False, [])
    assert listed[1]["title"] == "学习党的二十大报告"


def test_unlinking_and_relinking_a_session(year: Database, ok: Ok) -> None:
    ok("session", "edit", "1", "--plan", "")
    report = show(ok, "2023-07-15")
    assert statuses(report)[1] == "overdue"
    assert report["unplanned"][0] == {
        "session_id": 1,
        "date": "2023-01-12",
        "title": "学习二十大报告",
    }
    ok("session", "edit", "2023-05-10", "--plan", "4")  # November's item, held early
    report = show(ok, "2023-07-15")
    assert report["items"][3] | {"speakers": None} == {
        "id": 4,
        "month": 11,
        "title": "学习全会精神",
        "kind": "study",
        "discussion": False,
        "speakers": None,
        "status": "held",
        "session_id": 3,
        "session_date": "2023-05-10",
    }
    assert 3 not in [line["session_id"] for line in report["unplanned"]]
    assert json.loads(ok("session", "show", "3", "--format", "json"))["plan"] == 4


def test_deleting_a_held_item_keeps_its_session(year: Database, ok: Ok) -> None:
    assert ok("plan", "delete", "2", "--yes") == "Deleted plan item #2: 2023-03 全面从严治党\n"
    report = show(ok, "2023-07-15")
    assert [item["id"] for item in report["items"]] == [1, 3, 4]
    assert (report["planned"], report["held"]) == (3, 1)
    assert {"session_id": 2, "date": "2023-04-20", "title": "全面从严治党专题"} in report[
        "unplanned"
    ]
    assert json.loads(ok("session", "show", "2", "--format", "json"))["plan"] is None


def test_declining_a_delete_keeps_the_item(year: Database, ok: Ok) -> None:
    before = year.snapshot()
    output = ok("plan", "delete", "3", input="n\n")
    assert "Delete plan item #3 (2023-06 学习党章)?" in output
    assert output.rstrip().endswith("Nothing was deleted.")
    assert year.snapshot() == before


def test_plan_add_in_chinese(year: Database, ok: Ok) -> None:
    assert ok("--lang", "zh", "plan", "add", "-y", "2023", "-m", "9", "-t", "学习条例") == (
        "已添加计划项 #5：2023年9月 学习条例\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("plan", "add", "--year", "2023", "--month", "13", "--title", "x"),
            "Error: 13 is not a month (1 to 12)",
        ),
        (
            ("plan", "add", "--year", "2023", "--month", "5", "--title", "x", "--speaker", "赵六"),
            "Error: no member named '赵六'",
        ),
        (("plan", "edit", "9", "--month", "5"), "Error: no plan item #9"),
        (("plan", "delete", "9", "--yes"), "Error: no plan item #9"),
        (
            ("session", "add", "--date", "2023-06-20", "--title", "x", "--plan", "9"),
            "Error: no plan item #9",
        ),
        (
            ("session", "add", "--date", "2023-06-20", "--title", "x", "--plan", "1"),
            "Error: plan item #1 is already carried out by session #1 (2023-01-12)",
        ),
        (
            ("session", "edit", "3", "--plan", "2"),
            "Error: plan item #2 is already carried out by session #2 (2023-04-20)",
        ),
        (
            ("session", "add", "--date", "2023-06-20", "--title", "x", "--plan", "六月"),
            "Error: '六月' is not a plan item id",
        ),
        (
            ("plan", "show", "--year", "2023", "--format", "xml"),
            "Error: 'xml' is not a valid --format",
        ),
    ],
    ids=lambda value: " ".join(value[:3]) if isinstance(value, tuple) else None,
)
def test_plan_errors(year: Database, fails: Callable[..., str], args: tuple, message: str) -> None:
    # A value that cannot be read (a month, a plan item id, a choice) is a usage mistake: exit
    # status 2; an unknown member or item, an item already carried out, a refusal: 1.
    unreadable = ("is not a valid", "is not a month", "is not a plan item id")
    code = 2 if any(words in message for words in unreadable) else 1
    assert fails(*args, code=code).startswith(message)


def test_plan_error_in_chinese(year: Database, fails: Callable[..., str]) -> None:
    line = fails(
        "--lang", "zh", "plan", "add", "--year", "2023", "--month", "0", "--title", "x",
        code=2, prefix="错误：",
    )  # fmt: skip
    assert line == "错误：0 不是有效月份（1 至 12）"


# -- first agenda latency ------------------------------------------------------------------


def test_session_list_first_agenda_shows_the_latency(year: Database, ok: Ok) -> None:
    rows = tables(ok("session", "list", "--year", "2023", "--first-agenda"))[0]
    assert rows == [
        ["#", "Date", "First agenda item", "Source date", "Days after source", "Title"],
        ["1", "2023-01-12", "重要讲话甲", "2023-01-05", "7", "学习二十大报告"],
        ["2", "2023-04-20", "重要讲话乙", "2023-04-01", "19", "全面从严治党专题"],
        ["3", "2023-05-10", "重要文件丙", "2023-04-30", "10", "计划外学习"],
        ["4", "2023-07-05", "重要讲话丁", "七月学习"],  # no source date: no latency
    ]
    listed = json.loads(ok("session", "list", "-y", "2023", "--first-agenda", "-f", "json"))
    assert [(line["id"], line["latency_days"]) for line in listed] == [
        (1, 7),
        (2, 19),
        (3, 10),
        (4, None),
    ]


def test_stats_report_latency_count_median_and_longest(year: Database, ok: Ok) -> None:
    figures = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    assert figures["first_agenda_items"] == 4
    assert figures["first_agenda_median_days"] == 10  # 7, 10, 19
    assert figures["first_agenda_longest_days"] == 19
    rows = dict(row for row in tables(ok("stats", "--year", "2023"))[0] if len(row) == 2)
    assert rows["First agenda items"] == "4"
    assert rows["First agenda relay, median days"] == "10"
    assert rows["First agenda relay, longest days"] == "19"


def test_latency_median_of_an_even_count(year: Database, ok: Ok) -> None:
    ok(
        "session", "add", "--date", "2023-08-01", "--title", "八月学习",
        "--first-agenda", "重要讲话戊", "--source-date", "2023年7月31日",
    )  # fmt: skip
    figures = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    assert figures["first_agenda_items"] == 5
    assert figures["first_agenda_median_days"] == 8.5  # 1, 7, 10, 19
    assert figures["first_agenda_longest_days"] == 19


def test_latency_in_chinese(year: Database, ok: Ok) -> None:
    output = ok("stats", "--year", "2023", "--lang", "zh")
    rows = dict(row for row in tables(output)[0] if len(row) == 2)
    assert rows["第一议题学习时效（中位天数）"] == "10"
    assert rows["第一议题学习时效（最长天数）"] == "19"
    listed = tables(ok("session", "list", "-y", "2023", "--first-agenda", "--lang", "zh"))[0]
    assert listed[0] == ["编号", "日期", "第一议题", "原文日期", "学习时效（天）", "题目"]


def test_no_latency_without_source_dates(year: Database, ok: Ok) -> None:
    figures = json.loads(ok("stats", "--year", "2022", "--format", "json"))
    assert figures["first_agenda_items"] == 0
    assert figures["first_agenda_median_days"] is None
    assert figures["first_agenda_longest_days"] is None

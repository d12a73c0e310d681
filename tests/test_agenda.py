"""First agenda items (第一议题) at other meetings (``studylog agenda``): 党组会, 党委会 and
常委会 are not study sessions. ``stats`` counts them per meeting kind with their relay
latency (median and longest days from the source to the meeting), apart from the sessions'
own first agenda items; the report says so. Figures are counted by hand from ITEMS."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试局党组理论学习中心组"
AS_OF = ("--as-of", "2024-01-10")

GROUP: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    # A study session with its own first agenda item, relayed 3 days after the source.
    ("session", "add", "--date", "2023-02-10", "--title", "集中学习",
     "--first-agenda", "中央文件", "--source-date", "2023-02-07"),
]  # fmt: skip

ITEMS: list[tuple[str, ...]] = [
    ("agenda", "add", "--meeting", "党组会", "--date", "2023-01-16", "--title", "纪委全会精神",
     "--source-date", "2023-01-09"),  # 7 days
    ("agenda", "add", "--meeting", "party-group", "--date", "2023-03-20", "--title", "两会精神",
     "--source-date", "2023-03-13"),  # 7 days
    ("agenda", "add", "--meeting", "党组会议", "--date", "2023-07-10", "--title", "重要讲话",
     "--source-date", "2023-06-30"),  # 10 days
    ("agenda", "add", "--meeting", "党组会", "--date", "2023-09-20", "--title", "重要指示",
     "--source-date", "2023-09-08"),  # 12 days
    ("agenda", "add", "--meeting", "党组会", "--date", "2023-08-01", "--title", "重要文章"),
    ("agenda", "add", "--meeting", "党委会", "--date", "2023-05-05", "--title", "重要论述",
     "--source-date", "2023-04-20"),  # 15 days
    ("agenda", "add", "--meeting", "常委会", "--date", "2022-12-20", "--title", "上一年"),
]  # fmt: skip

# By hand, 2023: 党组会 5 items, 4 with a source date: 7, 7, 10, 12 → median (7 + 10) / 2 = 8.5,
# longest 12; 党委会 1 item: 15 and 15; 常委会 none in 2023 (its one is in 2022).
BY_MEETING = {"party-group": 5, "party-committee": 1, "standing-committee": 0}
LATENCY = {
    "party-group": {"items": 4, "median_days": 8.5, "longest_days": 12},
    "party-committee": {"items": 1, "median_days": 15, "longest_days": 15},
}


@pytest.fixture
def group(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("agenda-group", recording(GROUP)))
    return database


@pytest.fixture
def entered(backend: Backend, database: Database) -> Database:
    start = backend.built_once("agenda-group", recording(GROUP))
    database.load(backend.built_once("agenda-entered", recording(ITEMS), start=start))
    return database


def _stats(ok: Ok, year: str = "2023") -> dict:
    return json.loads(ok("stats", "--year", year, "--format", "json"))


def test_stats_count_items_by_meeting_with_their_latency(entered: Database, ok: Ok) -> None:
    figures = _stats(ok)
    assert figures["first_agenda_by_meeting"] == BY_MEETING
    assert figures["first_agenda_by_meeting_latency"] == LATENCY
    # Apart from the sessions' own: still one session, one first agenda item, 3 days.
    assert figures["sessions"] == 1 and figures["first_agenda_items"] == 1
    assert figures["first_agenda_median_days"] == 3
    assert _stats(ok, "2022")["first_agenda_by_meeting"]["standing-committee"] == 1


def test_stats_in_chinese_show_days_as_days(entered: Database, ok: Ok) -> None:
    for fmt in ("table", "csv", "markdown"):
        shown = ok("--lang", "zh", "stats", "--year", "2023", "--format", fmt)
        separator = {"markdown": "|", "csv": ","}.get(fmt, "  ")
        cells = [cell.strip() for line in shown.splitlines() for cell in line.split(separator)]
        cells = [cell for cell in cells if cell]
        assert "党组会“第一议题”（次）" in cells and "党委会“第一议题”（次）" in cells
        found = cells.index("党组会“第一议题”学习时效（中位天数）")
        assert cells[found + 1] == "8.5", fmt  # never 850.0%
        assert cells[cells.index("党组会“第一议题”学习时效（最长天数）") + 1] == "12"
        assert "常委会“第一议题”（次）" not in cells  # none this year


def test_the_report_counts_them_apart_from_the_sessions(entered: Database, ok: Ok) -> None:
    report = ok("--lang", "zh", "report", "--year", "2023", *AS_OF, "--format", "markdown")
    assert (
        "党组会“第一议题”学习5次，从原文发布到学习，半数在8.5天以内，最长12天；"
        "党委会“第一议题”学习1次，从原文发布到学习，半数在15天以内，最长15天。"
    ) in report
    assert "全年学习“第一议题”1个" in report  # the sessions' own, as before
    assert "常委会" not in report


def test_list_delete_restore_and_undo(entered: Database, ok: Ok) -> None:
    rows = json.loads(ok("agenda", "list", "--year", "2023", "--meeting", "党组会", "--format",
                         "json"))  # fmt: skip
    assert [(row["date"], row["source_date"]) for row in rows] == [
        ("2023-01-16", "2023-01-09"),
        ("2023-03-20", "2023-03-13"),
        ("2023-07-10", "2023-06-30"),
        ("2023-08-01", None),
        ("2023-09-20", "2023-09-08"),
    ]
    assert rows[0] | {"id": 0} == {
        "id": 0, "meeting": "party-group", "date": "2023-01-16", "title": "纪委全会精神",
        "source_date": "2023-01-09",
    }  # fmt: skip
    ok("agenda", "delete", "4")  # 2023-09-20, 12 days
    figures = _stats(ok)
    assert figures["first_agenda_by_meeting"]["party-group"] == 4
    assert figures["first_agenda_by_meeting_latency"]["party-group"] == {
        "items": 3, "median_days": 7, "longest_days": 10,
    }  # fmt: skip
    ok("undo", "--yes")
    assert _stats(ok)["first_agenda_by_meeting"] == BY_MEETING
    ok("agenda", "delete", "4")
    ok("agenda", "restore", "4")
    assert _stats(ok)["first_agenda_by_meeting_latency"] == LATENCY
    ok("agenda", "add", "--meeting", "常委会", "--date", "2023-10-10", "--title", "新精神")
    assert _stats(ok)["first_agenda_by_meeting"]["standing-committee"] == 1
    ok("undo", "--yes")
    assert _stats(ok)["first_agenda_by_meeting"] == BY_MEETING
    assert "Records match the log" in ok("log", "--verify")


@pytest.mark.parametrize(
    ("meeting", "day", "title", "extra", "says", "code"),
    [
        # a value that cannot be read (exit 2), then requests the records refuse (exit 1)
        ("支委会", "2023-05-01", "x", (), "'支委会' is not a valid --meeting", 2),
        ("党组会", "2023-13-01", "x", (), "2023-13-01", 2),
        ("党组会", "2023-05-01", "x", ("--source-date", "2023-05-02"),
         "the source date 2023-05-02 is after the meeting (2023-05-01)", 1),
        ("党组会", "2999-05-01", "x", (), "2999-05-01 is in the future", 1),
        ("党组会", "2023-05-01", "", (), "--title", 1),
        ("党组会", "2023-03-20", "两会精神", (), "already recorded (#2)", 1),
    ],
)  # fmt: skip
def test_bad_input_is_one_error_and_changes_nothing(
    entered: Database,
    run: Run,
    meeting: str,
    day: str,
    title: str,
    extra: tuple,
    says: str,
    code: int,
) -> None:
    before = entered.snapshot()
    result = run("agenda", "add", "--meeting", meeting, "--date", day, "--title", title, *extra)
    assert result.exit_code == code and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and says in lines[0], lines
    assert entered.snapshot() == before


def test_unknown_ids_change_nothing(entered: Database, run: Run) -> None:
    before = entered.snapshot()
    for args, says in (
        (("agenda", "delete", "99"), "no first agenda item #99"),
        (("agenda", "restore", "1"), "no deleted first agenda item #1"),
    ):
        result = run(*args)
        assert result.exit_code == 1 and result.stderr.startswith(f"Error: {says}")
        assert len(result.stderr.splitlines()) == 1
    assert entered.snapshot() == before


def test_export_and_import_carry_every_item(
    entered: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database]
) -> None:
    for suffix in ("json", "xlsx"):
        path = tmp_path / f"2023.{suffix}"
        ok("export", "--year", "2023", "--out", str(path))
        other = new_database(f"agenda-{suffix}")
        assert "6 first agenda items at other meetings" in ok(
            "--db", other.url, "import", str(path)
        )
        figures = json.loads(ok("--db", other.url, "stats", "--year", "2023", "--format", "json"))
        assert figures["first_agenda_by_meeting"] == BY_MEETING
        assert figures["first_agenda_by_meeting_latency"] == LATENCY
        assert figures["first_agenda_items"] == 1

"""The seed year end to end through the CLI: records in, the year's figures out."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from tests.conftest import Database, Run
from tests.seed import EXPECTED_FIGURES, NO_ACTIVITY


def stats_json(ok: Callable[..., str], *args: str) -> dict:
    figures = json.loads(ok("stats", "--year", "2023", "--format", "json", *args))
    figures.pop("log_head")  # tests/test_anchor.py
    return figures


def test_summary_line_in_english(seeded: Database, ok: Callable[..., str]) -> None:
    output = ok("stats", "--year", "2023")
    assert output.splitlines()[0] == (
        "2023: 12 sessions, 12 discussions, 4 topic sessions, 4 topic discussions"
    )


def test_summary_line_in_chinese(seeded: Database, ok: Callable[..., str]) -> None:
    output = ok("stats", "--year", "2023", "--lang", "zh")
    assert output.splitlines()[0] == (
        "2023年：集中学习12次，集中学习研讨12次，专题学习4次，专题学习研讨4次"
    )
    assert "出勤率" in output and "93.1%" in output  # 67 / 72
    assert "参学率（含补学）" in output and "98.6%" in output  # 71 / 72


def test_chinese_from_the_locale(
    seeded: Database, ok: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert ok("stats", "--year", "2023").startswith("2023年：集中学习12次")
    monkeypatch.setenv("STUDYLOG_LANG", "en")
    assert ok("stats", "--year", "2023").startswith("2023: 12 sessions")


def test_json_figures_equal_the_hand_count(seeded: Database, ok: Callable[..., str]) -> None:
    figures = stats_json(ok)
    assert figures == EXPECTED_FIGURES
    assert figures["attendance_rate"] == pytest.approx(67 / 72, abs=1e-12)
    assert figures["participation_rate"] == pytest.approx(71 / 72, abs=1e-12)
    assert "rows" not in figures


def test_attendance_notice_per_member(seeded: Database, ok: Callable[..., str]) -> None:
    rows = {row["member"]: row for row in stats_json(ok, "--by", "member")["rows"]}
    assert list(rows) == ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九"]  # no observer
    assert rows["王五"] | {"speeches": None} == {
        "member": "王五",
        "title": "党组成员、副局长",
        "expected": 12,
        "present": 10,
        "late": 1,
        "leave": 1,
        "absent": 0,
        "makeups": 1,
        "makeups_outstanding": 0,
        "attendance_rate": 11 / 12,
        "participation_rate": 1.0,
        "speeches": None,
        "forms": {},
        "films": 0,
        "documents": 0,
        "study_hours": 0,
        "hosted": 0,
        **NO_ACTIVITY,
    }
    assert rows["王五"]["speeches"] == {"key": 1, "written": 0, "exchange": 0}
    assert rows["周九"]["makeups_outstanding"] == 1
    assert rows["周九"]["participation_rate"] == pytest.approx(11 / 12)
    assert rows["张三"]["speeches"] == {"key": 2, "written": 0, "exchange": 0}
    assert sum(row["expected"] for row in rows.values()) == 72


def test_mid_year_joiner_and_leaver_are_expected_only_while_in_the_group(
    seeded: Database, ok: Callable[..., str]
) -> None:
    rows = {row["member"]: row for row in stats_json(ok, "--by", "member")["rows"]}
    assert rows["钱七"]["expected"] == 6  # January to June
    assert rows["孙八"]["expected"] == 6  # July to December
    june = json.loads(ok("session", "show", "2023-06-15", "--format", "json"))
    july = json.loads(ok("session", "show", "2023-07-15", "--format", "json"))
    assert "钱七" in [line["member"] for line in june["roll"]]
    assert "孙八" not in [line["member"] for line in june["roll"]]
    assert "孙八" in [line["member"] for line in july["roll"]]
    assert "钱七" not in [line["member"] for line in july["roll"]]
    assert "吴十" not in [line["member"] for line in july["roll"]]


def test_quarters_add_up_to_the_year(seeded: Database, ok: Callable[..., str]) -> None:
    report = stats_json(ok, "--by", "quarter")
    assert [row["period"] for row in report["rows"]] == [f"2023-Q{q}" for q in range(1, 5)]
    for key in ("sessions", "topic_sessions", "expected", "present", "leave", "makeups"):
        assert sum(row[key] for row in report["rows"]) == report[key]
    first = report["rows"][0]
    assert (first["sessions"], first["topic_sessions"], first["expected"]) == (3, 1, 18)
    assert first["speeches"] == {"key": 1, "written": 1, "exchange": 0}


def test_months_include_empty_ones(seeded: Database, ok: Callable[..., str], run: Run) -> None:
    ok("session", "delete", "2023-02-15", "--yes")
    rows = stats_json(ok, "--by", "month")["rows"]
    assert len(rows) == 12
    assert rows[1] | {"speeches": None} == rows[1] | {
        "period": "2023-02",
        "sessions": 0,
        "expected": 0,
        "attendance_rate": None,
        "speeches": None,
    }


def test_csv_and_markdown(seeded: Database, ok: Callable[..., str]) -> None:
    table = list(csv.reader(io.StringIO(ok("stats", "--year", "2023", "--by", "member",
                                           "--format", "csv"))))  # fmt: skip
    assert table[0][:3] == ["Name", "Post", "Expected"]
    assert table[-1][0] == "Total" and table[-1][2] == "72"
    markdown = ok("stats", "--year", "2023", "--format", "markdown", "--lang", "zh")
    assert markdown.startswith("2023年：集中学习12次")
    assert "| 出勤率" in markdown and "93.1%" in markdown


def test_outstanding_makeups(seeded: Database, ok: Callable[..., str]) -> None:
    rows = json.loads(ok("makeup", "list", "--year", "2023", "--outstanding", "--format", "json"))
    assert [(row["member"], row["date"], row["status"], row["reason"]) for row in rows] == [
        ("周九", "2023-10-15", "leave", "病假")
    ]
    made_up = json.loads(ok("makeup", "list", "--year", "2023", "--format", "json"))
    assert [(row["member"], row["made_up"]) for row in made_up] == [
        ("李四", "2023-01-20"),
        ("王五", "2023-04-18"),
        ("赵六", "2023-04-19"),
        ("孙八", "2023-08-30"),
    ]


def test_full_width_leave_list_shares_its_reason(seeded: Database, ok: Callable[..., str]) -> None:
    roll = json.loads(ok("session", "show", "2023-04-15", "--format", "json"))["roll"]
    on_leave = {line["member"]: line["reason"] for line in roll if line["status"] == "leave"}
    assert on_leave == {"王五": "外出开会", "赵六": "外出开会"}


def test_attend_replace_starts_the_roll_over(seeded: Database, ok: Callable[..., str]) -> None:
    output = ok("attend", "2023-05-15", "--absent", "赵六", "--late", "李四")
    assert "4 of 6 attended" not in output and "5 of 6 attended" in output
    figures = stats_json(ok)
    assert (figures["absent"], figures["late"], figures["present"]) == (2, 2, 64)
    ok("attend", "2023-05-15", "--replace")  # amending would keep the lines; start over
    assert stats_json(ok) == EXPECTED_FIGURES


def test_speeches_listed_per_member(seeded: Database, ok: Callable[..., str]) -> None:
    rows = json.loads(ok("speech", "list", "--member", "张三", "--format", "json"))
    assert [(row["date"], row["kind"]) for row in rows] == [
        ("2023-03-15", "key"),
        ("2023-12-15", "key"),
    ]


def test_session_list_filters(seeded: Database, ok: Callable[..., str]) -> None:
    topics = json.loads(ok("session", "list", "--year", "2023", "--kind", "专题学习",
                           "--format", "json"))  # fmt: skip
    assert [row["date"] for row in topics] == [f"2023-{m:02d}-15" for m in (3, 6, 9, 12)]
    spring = json.loads(ok("session", "list", "--from", "2023-03-01", "--to", "2023/5/31",
                           "--format", "json"))  # fmt: skip
    assert [row["id"] for row in spring] == [3, 4, 5]
    assert spring[0]["kind"] == "topic" and spring[0]["discussion"] is True


def test_deleting_a_session_takes_its_records_and_says_so(
    seeded: Database, run: Run, ok: Callable[..., str]
) -> None:
    declined = run("session", "delete", "2023-04-15", input="n\n")
    assert declined.exit_code == 0
    assert "6 lines" in declined.stdout and "2 make-ups" in declined.stdout
    assert "Nothing was deleted." in declined.stdout
    assert stats_json(ok)["sessions"] == 12
    ok("session", "delete", "2023-04-15", input="y\n")
    figures = stats_json(ok)
    assert (figures["sessions"], figures["expected"], figures["makeups"]) == (11, 66, 2)


def test_moving_a_session_across_a_membership_change_asks_for_a_new_roll(
    seeded: Database, run: Run, ok: Callable[..., str]
) -> None:
    moved = run("session", "edit", "2023-11-15", "--date", "2023-06-20")
    assert moved.exit_code == 0
    assert "roll of #11 no longer matches" in moved.stderr
    assert stats_json(ok)["unrecorded"] == 1  # 钱七 is expected again on 2023-06-20
    roll = ok("attend", "11")
    assert "钱七" in roll and "孙八" not in roll
    figures = stats_json(ok)
    assert (figures["unrecorded"], figures["expected"]) == (0, 72)

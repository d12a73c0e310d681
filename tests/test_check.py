"""The year-end check (``studylog check``) through the CLI.

Every rule is shown passing and failing on a small year built for it, with the offending
item named: a member below the attendance rate, a quarter without a discussion, a member
without a key or written speech, a leave not made up (or made up late), an overdue ledger
entry, a plan item never held. Exit status 0 when every rule passes, 1 when any fails.
Every run passes ``--as-of`` so nothing depends on today's date.
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
YEAR_END = "2024-01-10"
DAYS = ["2023-02-15", "2023-05-15", "2023-08-15", "2023-11-15"]

# A year that passes every rule: three members (and an observer) at four quarterly
# sessions, each with a discussion and each carrying out its plan item; full rolls; a key
# or written speech from every member; one rectification closed before its deadline.
CLEAN_YEAR: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    ("member", "add", "李四"),
    ("member", "add", "王五"),
    ("member", "add", "吴十", "--role", "observer"),
    ("plan", "add", "--year", "2023", "--month", "2", "--title", "学习党章"),
    ("plan", "add", "--year", "2023", "--month", "5", "--title", "学习条例"),
    ("plan", "add", "--year", "2023", "--month", "8", "--title", "专题研讨", "--kind", "topic"),
    ("plan", "add", "--year", "2023", "--month", "11", "--title", "学习全会精神"),
    *(
        ("session", "add", "--date", day, "--title", f"学习{n}", "--discussion", "--plan", str(n))
        for n, day in enumerate(DAYS, start=1)
    ),
    *(("attend", day) for day in DAYS),
    ("speech", "add", DAYS[0], "张三", "--kind", "key"),
    ("speech", "add", DAYS[1], "李四", "--kind", "written"),
    ("speech", "add", DAYS[2], "王五", "--kind", "重点发言"),
    (
        "rectify", "add", "--problem", "学用结合不够紧密", "--measure", "建立学习转化清单",
        "--dept", "办公室", "--lead", "机关党委", "--due", "2023-06-30", "--session", DAYS[1],
    ),
    ("rectify", "done", "1", "--on", "2023-06-20"),
]  # fmt: skip

RULES = [
    "attendance",
    "quarterly_discussion",
    "member_speeches",
    "makeups_on_time",
    "rectification",
    "plan",
]
TITLES = {
    "attendance": "Attendance rate at least 90%",
    "quarterly_discussion": "At least 1 discussion every quarter",
    "member_speeches": "Every member gives at least 1 key or written speech a year",
    "makeups_on_time": "Every leave or absence made up within 30 days",
    "rectification": "No overdue rectification",
    "plan": "Every plan item held",
}


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    """The clean year, entered once through the CLI; each test gets its own copy."""
    database.load(backend.built_once("check-clean", recording(CLEAN_YEAR)))
    return database


def check(run: Run, as_of: str, *args: str) -> tuple[int, dict[str, tuple[str, list[str]]], str]:
    """Run the check as a table: (exit status, {rule title: (result, detail lines)}, output)."""
    result = run("check", "--year", "2023", "--as-of", as_of, *args)
    assert result.exit_code in (0, 3), result.output
    assert result.stderr == "", result.stderr
    return result.exit_code, rule_table(result.stdout), result.stdout


def rule_table(output: str) -> dict[str, tuple[str, list[str]]]:
    """The check's table, read back: each rule's result and its detail lines."""
    lines = output.splitlines()
    body = lines[next(i for i, line in enumerate(lines) if "─" in line) + 1 :]
    rows: dict[str, tuple[str, list[str]]] = {}
    last = None
    for line in body:
        if not line.strip() or line.startswith(("Audit log head", "审计日志最新哈希")):
            continue  # the footer naming the log's head (tests/test_anchor.py)
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) >= 2:
            last = cells[0]
            rows[last] = (cells[1], cells[2:])
        else:
            assert last is not None, line
            rows[last][1].append(cells[0])
    return rows


def check_json(run: Run, as_of: str, *args: str) -> tuple[int, dict[str, Any]]:
    result = run("check", "--year", "2023", "--as-of", as_of, "--format", "json", *args)
    assert result.exit_code in (0, 3), result.output
    assert result.stderr == ""
    return result.exit_code, json.loads(result.stdout)


def results(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {rule["rule"]: rule for rule in report["rules"]}


def only_failure(table: dict[str, tuple[str, list[str]]], rule: str) -> list[str]:
    """Assert that ``rule`` alone failed (the group's attendance may pass with members short
    of it, which its verdict says); return its detail lines."""
    verdicts = {name: table[title][0] for name, title in TITLES.items()}
    assert verdicts[rule] == "FAIL", verdicts
    others = [verdict for name, verdict in verdicts.items() if name != rule]
    assert all(verdict.split(" (group)")[0] == "pass" for verdict in others), verdicts
    return table[TITLES[rule]][1]


# -- the clean year ------------------------------------------------------------------------


def test_clean_year_passes_every_rule(year: Database, run: Run) -> None:
    code, table, output = check(run, YEAR_END)
    assert code == 0
    assert output.splitlines()[0] == f"2023 check for {ORG} as of {YEAR_END}: 6 passed, 0 failed"
    assert list(table) == [TITLES[rule] for rule in RULES]
    assert {result for result, _ in table.values()} == {"pass"}
    assert table[TITLES["attendance"]][1] == ["group rate 100.0% (the rule judges the group)"]
    assert table[TITLES["plan"]][1] == ["execution rate: 100.0%"]
    assert table[TITLES["quarterly_discussion"]][1] == []


def test_clean_year_as_json(year: Database, run: Run) -> None:
    code, report = check_json(run, YEAR_END)
    assert code == 0
    assert (report["year"], report["org"], report["as_of"], report["passed"]) == (
        2023,
        ORG,
        YEAR_END,
        True,
    )
    rules = results(report)
    assert list(rules) == RULES
    for rule in rules.values():
        assert (rule["enabled"], rule["passed"], rule["offenders"]) == (True, True, [])
    assert rules["attendance"]["value"] == 1.0
    assert rules["attendance"]["threshold"] == 0.9
    assert rules["quarterly_discussion"]["value"] == 4
    assert rules["makeups_on_time"]["threshold"] == 30
    assert rules["plan"]["value"] == 1.0


# -- attendance ----------------------------------------------------------------------------


def test_attendance_below_threshold_fails_naming_the_members(
    year: Database, run: Run, ok: Ok
) -> None:
    ok("attend", DAYS[1], "--leave", "李四:出差", "--absent", "王五")
    ok("makeup", "add", DAYS[1], "李四", "--date", "2023-05-20")
    ok("makeup", "add", DAYS[1], "王五", "--date", "2023-05-25")
    code, table, output = check(run, YEAR_END)
    assert code == 3
    assert output.splitlines()[0].endswith(": 5 passed, 1 failed")
    assert only_failure(table, "attendance") == [
        "group rate 83.3% (the rule judges the group)",  # 10 of 12
        "members below the rate individually:",
        "李四 75.0%",
        "王五 75.0%",
    ]
    code, report = check_json(run, YEAR_END)
    assert code == 3 and report["passed"] is False
    attendance = results(report)["attendance"]
    assert attendance["passed"] is False
    assert attendance["value"] == pytest.approx(10 / 12)
    assert attendance["offenders"] == [
        {"member": "李四", "attendance_rate": 0.75},
        {"member": "王五", "attendance_rate": 0.75},
    ]


def test_observer_who_spoke_is_not_an_attendance_offender(year: Database, run: Run, ok: Ok) -> None:
    ok("speech", "add", DAYS[1], "吴十", "--kind", "exchange")
    _, report = check_json(run, YEAR_END)
    offenders = results(report)["attendance"]["offenders"]
    assert "吴十" not in [item["member"] for item in offenders]


# -- a discussion every quarter ------------------------------------------------------------


def test_quarter_without_discussion_fails_once_the_quarter_is_over(
    year: Database, run: Run, ok: Ok
) -> None:
    ok("session", "edit", DAYS[1], "--no-discussion")
    code, table, _ = check(run, "2023-06-29")  # the second quarter is not over: not judged yet
    assert code == 0
    assert table[TITLES["quarterly_discussion"]] == ("pass", [])
    code, table, _ = check(run, "2023-06-30")  # judged by the end of its last day
    assert code == 3
    assert only_failure(table, "quarterly_discussion") == ["2023-Q2: 0 discussions"]
    code, table, output = check(run, YEAR_END, "--lang", "zh")
    assert code == 3
    assert output.splitlines()[0] == f"{ORG} 2023年度检查（截至 {YEAR_END}）：5 项通过，1 项未通过"
    assert table["每季度至少开展1次研讨"] == ("未通过", ["2023-Q2：研讨0次"])
    assert table["出勤率不低于90%"] == ("通过", ["全组出勤率100.0%（本项按全组判定）"])
    assert table["学习计划全部完成"] == ("通过", ["计划执行率：100.0%"])


# -- a key or written speech from every member -------------------------------------------


def test_member_without_key_or_written_speech_fails_after_the_year_ends(
    year: Database, run: Run, ok: Ok
) -> None:
    ok("member", "add", "赵六", "--joined", "2023-11-01")
    ok("attend", DAYS[3])  # the roll again, now with 赵六
    ok("speech", "add", DAYS[3], "赵六", "--kind", "exchange")  # 交流发言 does not count
    code, table, _ = check(run, "2023-12-30")  # a member has the whole year
    assert code == 0
    assert table[TITLES["member_speeches"]] == ("pass", [])
    code, table, _ = check(run, "2023-12-31")
    assert code == 3
    assert only_failure(table, "member_speeches") == ["赵六: 0"]
    ok("speech", "add", DAYS[3], "赵六", "--kind", "书面发言")  # a written speech counts
    code, table, _ = check(run, YEAR_END)
    assert code == 0
    assert table[TITLES["member_speeches"]] == ("pass", [])


# -- make-ups within 30 days --------------------------------------------------------------


def test_leave_not_made_up_fails_once_thirty_days_have_passed(
    year: Database, run: Run, ok: Ok
) -> None:
    ok("attend", DAYS[3], "--leave", "王五:病假")
    code, table, _ = check(run, "2023-12-15")  # 30 days after: still in time
    assert code == 0
    assert table[TITLES["makeups_on_time"]] == ("pass", [])
    code, table, _ = check(run, "2023-12-16")
    assert code == 3
    assert only_failure(table, "makeups_on_time") == ["王五, 2023-11-15 (on leave): not made up"]
    # one leave in twelve leaves the group at 91.7%: the attendance rule passes, and still
    # names the member below the threshold
    assert table[TITLES["attendance"]] == (
        "pass (group); 1 member below individually",
        [
            "group rate 91.7% (the rule judges the group)",
            "members below the rate individually:",
            "王五 75.0%",
        ],
    )
    code, table, _ = check(run, "2023-12-16", "--lang", "zh")
    assert code == 3
    assert table["请假、缺席人员均在30天内补学"] == ("未通过", ["王五，2023-11-15（请假）：未补学"])
    _, report = check_json(run, YEAR_END)
    assert results(report)["makeups_on_time"]["offenders"] == [
        {
            "member": "王五",
            "session_id": 4,
            "date": "2023-11-15",
            "status": "leave",
            "made_up": None,
            "days": None,
        }
    ]


def test_make_up_after_more_than_thirty_days_fails_as_late(
    year: Database, run: Run, ok: Ok
) -> None:
    ok("attend", DAYS[0], "--absent", "李四")
    ok("makeup", "add", DAYS[0], "李四", "--date", "2023-03-17")  # 30 days later: in time
    code, table, _ = check(run, YEAR_END)
    assert code == 0
    assert table[TITLES["makeups_on_time"]] == ("pass", [])
    ok("makeup", "delete", DAYS[0], "李四")
    ok("makeup", "add", DAYS[0], "李四", "--date", "2023-03-27")  # 40 days later: late
    code, table, _ = check(run, YEAR_END)
    assert code == 3
    assert only_failure(table, "makeups_on_time") == [
        "李四, 2023-02-15 (absent): made up on 2023-03-27, 40 days later"
    ]


# -- no overdue rectification -------------------------------------------------------------


def test_overdue_rectification_fails_naming_the_entry(year: Database, run: Run, ok: Ok) -> None:
    ok(
        "rectify", "add", "--problem", "会前学习准备不足", "--measure", "提前印发学习材料",
        "--dept", "办公室", "--lead", "办公室", "--due", "2023-10-31", "--found", "2023-09-01",
    )  # fmt: skip
    code, table, _ = check(run, "2023-10-31")  # due today: not overdue yet
    assert code == 0
    assert table[TITLES["rectification"]] == ("pass", [])
    code, table, _ = check(run, "2023-11-01")
    assert code == 3
    assert only_failure(table, "rectification") == ["#2 会前学习准备不足 (办公室, due 2023-10-31)"]
    ok("rectify", "done", "2", "--on", "2023-12-01")
    code, report = check_json(run, YEAR_END)
    assert code == 0
    assert results(report)["rectification"] | {"rule": None} == {
        "rule": None, "enabled": True, "passed": True, "value": None, "threshold": None,
        "offenders": [],
    }  # fmt: skip


def test_entry_closed_after_the_as_of_date_was_overdue_then(
    year: Database, run: Run, ok: Ok
) -> None:
    ok(
        "rectify", "add", "--problem", "会前学习准备不足", "--measure", "提前印发学习材料",
        "--dept", "办公室", "--lead", "办公室", "--due", "2023-10-31", "--found", "2023-09-01",
    )  # fmt: skip
    ok("rectify", "done", "2", "--on", "2024-02-01")  # closed late, after the year-end check
    code, table, _ = check(run, YEAR_END)
    assert code == 3
    assert only_failure(table, "rectification") == ["#2 会前学习准备不足 (办公室, due 2023-10-31)"]


def test_problem_found_next_year_does_not_fail_this_years_check(
    year: Database, run: Run, ok: Ok
) -> None:
    ok(
        "rectify", "add", "--problem", "新问题", "--measure", "新措施", "--dept", "办公室",
        "--lead", "办公室", "--due", "2024-01-05", "--found", "2024-01-02",
    )  # fmt: skip
    code, table, _ = check(run, YEAR_END)
    assert code == 0
    assert table[TITLES["rectification"]] == ("pass", [])


# -- every plan item held -----------------------------------------------------------------


def test_plan_item_never_held_fails_once_its_month_is_over(
    year: Database, run: Run, ok: Ok
) -> None:
    ok("plan", "add", "--year", "2023", "--month", "6", "--title", "学习调查研究")
    code, table, _ = check(run, "2023-06-29")  # June not over: pending
    assert code == 0
    assert table[TITLES["plan"]][0] == "pass"
    assert len(table[TITLES["plan"]][1]) == 1  # the execution rate, and no offender
    code, table, _ = check(run, YEAR_END)
    assert code == 3
    assert only_failure(table, "plan") == ["execution rate: 80.0%", "#5 month 6: 学习调查研究"]


# -- exit codes and formats ----------------------------------------------------------------


def test_several_failures_are_all_reported_and_exit_three(year: Database, run: Run, ok: Ok) -> None:
    ok("session", "edit", DAYS[2], "--no-discussion")
    ok("plan", "add", "--year", "2023", "--month", "9", "--title", "学习党史")
    code, table, output = check(run, YEAR_END)
    assert code == 3
    assert output.splitlines()[0].endswith(": 4 passed, 2 failed")
    assert table[TITLES["quarterly_discussion"]] == ("FAIL", ["2023-Q3: 0 discussions"])
    assert table[TITLES["plan"]][0] == "FAIL"
    assert "#5 month 9: 学习党史" in table[TITLES["plan"]][1]
    code, report = check_json(run, YEAR_END)  # json.loads of the whole stdout
    assert code == 3
    assert report["passed"] is False
    assert [rule["rule"] for rule in report["rules"] if not rule["passed"]] == [
        "quarterly_discussion",
        "plan",
    ]
    assert results(report)["plan"]["offenders"] == [{"id": 5, "month": 9, "title": "学习党史"}]


def test_bad_format_is_an_error(year: Database, run: Run) -> None:
    before = year.snapshot()
    result = run("check", "--year", "2023", "--as-of", YEAR_END, "--format", "csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "Error: 'csv' is not a valid --format; choose table | json\n"
    assert year.snapshot() == before


def test_bad_as_of_date_is_an_error(year: Database, run: Run) -> None:
    before = year.snapshot()
    result = run("check", "--year", "2023", "--as-of", "2024-02-30")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: 2024-02-30 is not a valid date")
    assert len(result.stderr.splitlines()) == 1
    assert year.snapshot() == before


def test_without_a_year_the_check_is_of_this_year(year: Database, run: Run) -> None:
    import datetime as dt

    result = run("check", "--format", "json")
    assert json.loads(result.stdout)["year"] == dt.date.today().year

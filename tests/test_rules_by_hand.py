"""Every figure and every check rule on a small year counted by hand.

The year is built so that each rule differs from its neighbours: a topic session without a
discussion (topic_discussions ≠ topic_sessions), a study session with one, a member who joins
and retires inside one quarter (expected on both boundary days, not the day before joining or
the day after leaving), an observer who speaks, a make-up on the session day, one exactly 30
days after it and one 34 days after, a leave never made up. Every expected value below was
counted by hand from the commands in ``YEAR``, never computed by studylog.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import Backend, Database, Run, recording

Ok = Callable[..., str]

ORG = "手算局党组理论学习中心组"

# Sessions, in date order (S6 sits one day before 丙 joins, S5 one day after 丙 leaves).
S1, S2, S6, S3, S4, S5 = (
    "2024-01-10",
    "2024-02-10",
    "2024-04-09",
    "2024-04-10",
    "2024-05-20",
    "2024-05-21",
)

YEAR: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "甲", "--role", "leader"),
    ("member", "add", "乙"),
    ("member", "add", "丙", "--joined", "2024-04-10"),
    ("member", "retire", "丙", "--on", "2024-05-20"),
    ("member", "add", "丁", "--role", "observer"),
    ("session", "add", "--date", S1, "--title", "集中学习一", "--discussion",
     "--first-agenda", "重要讲话一", "--source-date", "2024-01-05"),
    ("session", "add", "--date", S2, "--title", "专题学习一", "--kind", "topic"),
    ("session", "add", "--date", S6, "--title", "集中学习二", "--discussion"),
    ("session", "add", "--date", S3, "--title", "专题学习二", "--kind", "专题学习",
     "--discussion", "--first-agenda", "重要讲话二", "--source-date", "2024-03-31"),
    ("session", "add", "--date", S4, "--title", "集中学习三", "--first-agenda", "重要文件"),
    ("session", "add", "--date", S5, "--title", "集中学习四"),
    ("attend", S1, "--leave", "乙:出差"),
    ("attend", S2, "--late", "甲", "--absent", "乙"),
    ("attend", S6),
    ("attend", S3, "--leave", "丙：病假"),
    ("attend", S4, "--absent", "甲"),
    ("attend", S5),
    ("makeup", "add", S1, "乙", "--date", S1),  # on the session day
    ("makeup", "add", S2, "乙", "--date", "2024-03-15"),  # 34 days: late
    ("makeup", "add", S4, "甲", "--date", "2024-06-19"),  # exactly 30 days: on time
    ("speech", "add", S1, "甲", "--kind", "key"),
    ("speech", "add", S3, "乙", "--kind", "written"),
    ("speech", "add", S3, "丙", "--kind", "exchange"),
    ("speech", "add", S5, "丁", "--kind", "written"),  # an observer may speak
]  # fmt: skip

# Counted by hand. expected: 甲 and 乙 at all six sessions, 丙 at S3 (the day they joined)
# and S4 (the day they left): 6 + 6 + 2 = 14. present: S1 甲; S6 甲乙; S3 甲乙; S4 乙丙;
# S5 甲乙 = 9. late: S2 甲. leave: S1 乙, S3 丙. absent: S2 乙, S4 甲.
YEAR_FIGURES: dict[str, Any] = {
    "year": 2024,
    "org": ORG,
    "sessions": 6,
    "discussions": 3,  # S1, S6, S3
    "topic_sessions": 2,  # S2, S3
    "topic_discussions": 1,  # S3 only: S2 had no discussion
    "first_agenda_items": 3,  # S1, S3, S4 (S4 without a source date)
    "expected": 14,
    "present": 9,
    "late": 1,
    "leave": 2,
    "absent": 2,
    "attendance_rate": 10 / 14,
    "makeups": 3,
    "makeups_outstanding": 1,  # 丙 at S3
    "participation_rate": 13 / 14,
    "speeches": {"key": 1, "written": 1, "exchange": 1},  # 丁's written speech: below
    "unrecorded": 0,
    "first_agenda_median_days": 7.5,  # 5 days (S1) and 10 days (S3)
    "first_agenda_longest_days": 10,
    # A whole year beyond the roll: nothing recorded but 丁, an observer, speaking at S5;
    # an observer's speech is counted apart from the members' (issue 18).
    "forms": {},
    "films": 0,
    "documents": 0,
    "study_hours": 0,
    "extended_sessions": 0,
    "extended_attendance": 0,
    "observer_attendance": 0,
    "observer_speeches": 1,
    "visits": 0,
    "leader_hosted": 0,  # no session names a host
    "outputs": dict.fromkeys(
        (
            "party-lecture",
            "briefing-tour",
            "article",
            "reflection",
            "research-report",
            "discussion-paper",
        ),
        0,
    ),
    "outputs_city_level_or_above": 0,
    "first_agenda_by_meeting": dict.fromkeys(
        ("party-group", "party-committee", "standing-committee"), 0
    ),
    "first_agenda_by_meeting_latency": {},
    "self_study_hours": 0,
}


def zero_row(key: str, **figures: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "sessions": 0,
        "discussions": 0,
        "topic_sessions": 0,
        "topic_discussions": 0,
        "first_agenda_items": 0,
        "expected": 0,
        "present": 0,
        "late": 0,
        "leave": 0,
        "absent": 0,
        "makeups": 0,
        "speeches": {"key": 0, "written": 0, "exchange": 0},
        "unrecorded": 0,
        "forms": {},
        "films": 0,
        "documents": 0,
        "study_hours": 0,
        "extended_sessions": 0,
        "extended_attendance": 0,
        "observer_attendance": 0,
        "observer_speeches": 0,
        "visits": 0,
        "leader_hosted": 0,
    }
    row.update(figures)
    return {"period": key, **row}


MONTHS = {
    "2024-01": zero_row(
        "2024-01", sessions=1, discussions=1, first_agenda_items=1, expected=2, present=1,
        leave=1, makeups=1, speeches={"key": 1, "written": 0, "exchange": 0},
    ),
    "2024-02": zero_row(
        "2024-02", sessions=1, topic_sessions=1, expected=2, late=1, absent=1, makeups=1
    ),
    "2024-04": zero_row(
        "2024-04", sessions=2, discussions=2, topic_sessions=1, topic_discussions=1,
        first_agenda_items=1, expected=5, present=4, leave=1,
        speeches={"key": 0, "written": 1, "exchange": 1},
    ),
    "2024-05": zero_row(
        "2024-05", sessions=2, first_agenda_items=1, expected=5, present=4, absent=1, makeups=1,
        observer_speeches=1,  # 丁 at S5, apart from the members' speeches
    ),
}  # fmt: skip

QUARTERS = {
    "2024-Q1": zero_row(
        "2024-Q1", sessions=2, discussions=1, topic_sessions=1, first_agenda_items=1,
        expected=4, present=1, late=1, leave=1, absent=1, makeups=2,
        speeches={"key": 1, "written": 0, "exchange": 0},
    ),
    "2024-Q2": zero_row(
        "2024-Q2", sessions=4, discussions=2, topic_sessions=1, topic_discussions=1,
        first_agenda_items=2, expected=10, present=8, leave=1, absent=1, makeups=1,
        speeches={"key": 0, "written": 1, "exchange": 1}, observer_speeches=1,
    ),
    "2024-Q3": zero_row("2024-Q3"),
    "2024-Q4": zero_row("2024-Q4"),
}  # fmt: skip

# Per member: (expected, present, late, leave, absent, makeups, key, written, exchange).
MEMBERS = {
    "甲": (6, 4, 1, 0, 1, 1, 1, 0, 0),  # late at S2, absent at S4 (made up)
    "乙": (6, 4, 0, 1, 1, 2, 0, 1, 0),  # leave at S1, absent at S2 (both made up)
    "丙": (2, 1, 0, 1, 0, 0, 0, 0, 1),  # joined S3 (on leave), left S4 (present)
}  # 丁, an observer, has no row: their speech is counted apart (observer_speeches)


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("hand-counted-2024", recording(YEAR)))
    return database


def stats(ok: Ok, *args: str) -> dict[str, Any]:
    found = json.loads(ok("stats", "--year", "2024", "--format", "json", *args))
    found.pop("log_head")  # tests/test_anchor.py
    return dict(found)


def check(run: Run, as_of: str, *settings: str) -> tuple[int, dict[str, dict[str, Any]]]:
    result = run(*settings, "check", "--year", "2024", "--as-of", as_of, "--format", "json")
    assert result.exit_code in (0, 3), result.output
    report = json.loads(result.stdout)
    assert report["passed"] is (result.exit_code == 0)
    return result.exit_code, {rule["rule"]: rule for rule in report["rules"]}


# -- the figures -----------------------------------------------------------------------------


def test_the_years_figures_equal_the_hand_count(year: Database, ok: Ok) -> None:
    assert stats(ok) == YEAR_FIGURES


def test_the_summary_line_separates_topic_sessions_from_topic_discussions(
    year: Database, ok: Ok
) -> None:
    assert (
        ok("stats", "--year", "2024")
        .splitlines()[0]
        .endswith("2024: 6 sessions, 3 discussions, 2 topic sessions, 1 topic discussion")
    )
    zh = ok("--lang", "zh", "stats", "--year", "2024").splitlines()[0]
    assert zh.endswith("2024年：集中学习6次，集中学习研讨3次，专题学习2次，专题学习研讨1次")


def _without_rates(row: dict[str, Any]) -> dict[str, Any]:
    drop = {"attendance_rate", "participation_rate", "makeups_outstanding", "title"}
    return {key: value for key, value in row.items() if key not in drop}


def test_each_month_by_hand(year: Database, ok: Ok) -> None:
    rows = {row["period"]: _without_rates(row) for row in stats(ok, "--by", "month")["rows"]}
    assert list(rows) == [f"2024-{month:02d}" for month in range(1, 13)]
    expected = {key: MONTHS.get(key, zero_row(key)) for key in rows}
    assert rows == expected


def test_each_quarter_by_hand(year: Database, ok: Ok) -> None:
    rows = {row["period"]: row for row in stats(ok, "--by", "quarter")["rows"]}
    assert {key: _without_rates(row) for key, row in rows.items()} == QUARTERS
    assert rows["2024-Q1"]["attendance_rate"] == 2 / 4
    assert rows["2024-Q1"]["participation_rate"] == 4 / 4
    assert rows["2024-Q1"]["makeups_outstanding"] == 0
    assert rows["2024-Q2"]["attendance_rate"] == 8 / 10
    assert rows["2024-Q2"]["makeups_outstanding"] == 1
    assert rows["2024-Q3"]["attendance_rate"] is None  # nothing expected: no rate


def test_each_member_by_hand(year: Database, ok: Ok) -> None:
    rows = {row["member"]: row for row in stats(ok, "--by", "member")["rows"]}
    assert list(rows) == list(MEMBERS)
    for name, counts in MEMBERS.items():
        expected, present, late, leave, absent, makeups, key, written, exchange = counts
        row = rows[name]
        got = tuple(row[k] for k in ("expected", "present", "late", "leave", "absent"))
        assert got == (expected, present, late, leave, absent), name
        assert row["makeups"] == makeups, name
        assert row["makeups_outstanding"] == leave + absent - makeups, name
        assert row["speeches"] == {"key": key, "written": written, "exchange": exchange}, name
    assert rows["甲"]["attendance_rate"] == 5 / 6 and rows["甲"]["participation_rate"] == 1
    assert rows["乙"]["attendance_rate"] == 4 / 6 and rows["乙"]["participation_rate"] == 1
    assert rows["丙"]["attendance_rate"] == 1 / 2 and rows["丙"]["participation_rate"] == 1 / 2


def test_a_period_of_one_day_counts_the_boundary_days(year: Database, ok: Ok) -> None:
    """丙 is expected on the day they joined and on the day they left, not a day outside."""
    one_day = {
        day: json.loads(ok("stats", "--from", day, "--to", day, "--format", "json"))["expected"]
        for day in (S6, S3, S4, S5)
    }
    assert one_day == {S6: 2, S3: 3, S4: 3, S5: 2}


def test_unrecorded_counts_expected_members_without_a_roll_line(year: Database, ok: Ok) -> None:
    ok("session", "add", "--date", "2024-07-01", "--title", "未点名")
    figures = stats(ok)
    assert figures["unrecorded"] == 2 and figures["expected"] == 16
    assert figures["attendance_rate"] == 10 / 16  # an unrecorded line is not attended


# -- the year-end check, rule by rule ---------------------------------------------------------


def test_attendance_below_the_threshold_names_each_member_below_it(
    year: Database, run: Run
) -> None:
    _, rules = check(run, "2025-01-10")
    rule = rules["attendance"]
    assert (rule["passed"], rule["value"], rule["threshold"]) == (False, 10 / 14, 0.9)
    assert rule["offenders"] == [
        {"member": "甲", "attendance_rate": 5 / 6},
        {"member": "乙", "attendance_rate": 4 / 6},
        {"member": "丙", "attendance_rate": 1 / 2},
    ]


def test_quarterly_discussion_judges_a_quarter_from_its_last_day(year: Database, run: Run) -> None:
    assert check(run, "2024-09-29")[1]["quarterly_discussion"]["passed"] is True
    rule = check(run, "2024-09-30")[1]["quarterly_discussion"]
    assert (rule["passed"], rule["value"]) == (False, 3)
    assert rule["offenders"] == [{"quarter": "2024-Q3", "discussions": 0}]
    rule = check(run, "2025-01-10")[1]["quarterly_discussion"]
    assert [o["quarter"] for o in rule["offenders"]] == ["2024-Q3", "2024-Q4"]


def test_quarterly_discussion_threshold_of_two(year: Database, run: Run, tmp_path: Any) -> None:
    config = tmp_path / "two.toml"
    config.write_text("[check]\ndiscussions_per_quarter = 2\n", encoding="utf-8")
    rule = check(run, "2024-07-01", "--config", str(config))[1]["quarterly_discussion"]
    assert rule["offenders"] == [{"quarter": "2024-Q1", "discussions": 1}]  # Q2 has exactly 2


def test_member_speeches_counts_key_and_written_not_exchange(year: Database, run: Run) -> None:
    assert check(run, "2024-12-30")[1]["member_speeches"]["passed"] is True  # year not over
    rule = check(run, "2024-12-31")[1]["member_speeches"]
    # 丙 gave only an exchange speech; 丁 spoke but is an observer, expected nowhere.
    assert (rule["passed"], rule["offenders"]) == (False, [{"member": "丙", "speeches": 0}])


def test_makeups_on_time_by_hand(year: Database, run: Run) -> None:
    rule = check(run, "2025-01-10")[1]["makeups_on_time"]
    assert rule["passed"] is False and rule["threshold"] == 30
    assert [(o["member"], o["date"], o["made_up"], o["days"]) for o in rule["offenders"]] == [
        ("乙", S2, "2024-03-15", 34),  # 34 days: late
        ("丙", S3, None, None),  # never made up, window closed
    ]  # 乙's same-day make-up (0 days) and 甲's at exactly 30 days are on time


def test_a_leave_fails_the_day_after_its_window_closes(year: Database, run: Run) -> None:
    def waiting(as_of: str) -> list[str]:
        offenders = check(run, as_of)[1]["makeups_on_time"]["offenders"]
        return [o["member"] for o in offenders if o["made_up"] is None]

    assert waiting("2024-05-10") == []  # 丙's leave of 04-10: 30 days, still open
    assert waiting("2024-05-11") == ["丙"]


def test_a_makeup_dated_after_as_of_did_not_exist_yet(year: Database, run: Run) -> None:
    """As of 2024-03-01 乙's absence of 02-10 is 20 days old and not made up yet: not late."""
    rule = check(run, "2024-03-01")[1]["makeups_on_time"]
    assert rule["offenders"] == []
    rule = check(run, "2024-03-12")[1]["makeups_on_time"]  # 31 days, make-up still to come
    assert [(o["member"], o["made_up"]) for o in rule["offenders"]] == [("乙", None)]


def test_attendance_as_of_leaves_out_later_sessions(year: Database, run: Run) -> None:
    """As of 2024-01-31 only S1 was held: 甲 present, 乙 on leave: 1 of 2."""
    rule = check(run, "2024-01-31")[1]["attendance"]
    assert rule["value"] == 1 / 2
    assert rule["offenders"] == [{"member": "乙", "attendance_rate": 0.0}]


def test_rectification_overdue_from_the_day_after_its_due_date(
    year: Database, run: Run, ok: Ok
) -> None:
    ok("rectify", "add", "--problem", "问题", "--measure", "措施", "--dept", "办公室",
       "--lead", "机关党委", "--due", "2024-06-30", "--session", S4)  # fmt: skip
    assert check(run, "2024-06-30")[1]["rectification"]["passed"] is True
    rule = check(run, "2024-07-01")[1]["rectification"]
    assert rule["passed"] is False and [o["id"] for o in rule["offenders"]] == [1]
    ok("rectify", "done", "1", "--on", "2024-07-02")
    assert check(run, "2024-07-01")[1]["rectification"]["passed"] is False  # closed later
    assert check(run, "2024-07-02")[1]["rectification"]["passed"] is True


def test_plan_item_overdue_once_its_month_is_over(year: Database, run: Run, ok: Ok) -> None:
    ok("plan", "add", "--year", "2024", "--month", "3", "--title", "三月计划")
    ok("plan", "add", "--year", "2024", "--month", "4", "--title", "四月计划")
    ok("session", "edit", S3, "--plan", "2")
    assert check(run, "2024-03-30")[1]["plan"]["passed"] is True  # March not over yet
    rule = check(run, "2024-03-31")[1]["plan"]  # over at the end of its last day
    assert rule["passed"] is False
    assert [(o["id"], o["month"]) for o in rule["offenders"]] == [(1, 3)]
    assert (rule["value"], rule["threshold"]) == (0, 2)  # item 2's session (04-10) to come
    rule = check(run, "2024-04-30")[1]["plan"]
    assert [o["id"] for o in rule["offenders"]] == [1]
    assert (rule["value"], rule["threshold"]) == (1 / 2, 2)


# -- the attendance threshold, exactly at 0.9 ------------------------------------------------

TEN_DAYS = [f"2025-{month:02d}-05" for month in range(1, 11)]
TEN_SESSIONS: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "一"),
    *(("session", "add", "--date", day, "--title", f"第{n}次", "--discussion")
      for n, day in enumerate(TEN_DAYS, start=1)),
    *(("attend", day) for day in TEN_DAYS[1:]),
    ("attend", TEN_DAYS[0], "--absent", "一"),
]  # fmt: skip


@pytest.fixture
def ten(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("hand-counted-ten", recording(TEN_SESSIONS)))
    return database


def _attendance_2025(run: Run) -> dict[str, Any]:
    result = run("check", "--year", "2025", "--as-of", "2025-10-31", "--format", "json")
    return next(r for r in json.loads(result.stdout)["rules"] if r["rule"] == "attendance")


def test_an_attendance_rate_exactly_at_the_threshold_passes(ten: Database, run: Run) -> None:
    rule = _attendance_2025(run)  # 9 of 10 = 0.9, the threshold itself
    assert (rule["passed"], rule["value"], rule["offenders"]) == (True, 0.9, [])


def test_one_attendance_below_the_threshold_fails(ten: Database, run: Run, ok: Ok) -> None:
    ok("attend", TEN_DAYS[1], "--absent", "一")  # 8 of 10
    rule = _attendance_2025(run)
    assert (rule["passed"], rule["value"]) == (False, 0.8)
    assert rule["offenders"] == [{"member": "一", "attendance_rate": 0.8}]


def test_a_threshold_from_the_settings_is_inclusive_too(
    ten: Database, run: Run, tmp_path: Any
) -> None:
    config = tmp_path / "rate.toml"
    config.write_text("[check]\nattendance_rate = 0.95\n", encoding="utf-8")
    result = run("--config", str(config), "check", "--year", "2025", "--as-of", "2025-10-31")
    assert result.exit_code == 3
    config.write_text("[check]\nattendance_rate = 0.9\n", encoding="utf-8")
    result = run("--config", str(config), "check", "--year", "2025", "--as-of", "2025-10-31",
                 "--format", "json")  # fmt: skip
    rules = {r["rule"]: r for r in json.loads(result.stdout)["rules"]}
    assert rules["attendance"]["passed"] is True

"""One grammar of periods for every query and document command, on the seed year (tests/seed.py).

Counted by hand from the seed: a session on the 15th of every month of 2023, topic sessions in
March, June, September and December; six expected at each (钱七 until June, 孙八 from July);
李四 on leave in January, 王五 late in March, 王五 and 赵六 on leave in April, 孙八 absent in
August, 周九 on leave in October; every miss made up but 周九's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import Database, Run

Ok = Callable[..., str]


def figures(ok: Ok, *period: str) -> dict[str, Any]:
    data = json.loads(ok("stats", *period, "--format", "json"))
    keys = ["sessions", "topic_sessions", "expected", "present", "late", "leave", "absent"]
    return {key: data[key] for key in [*keys, "makeups", "makeups_outstanding"]}


def counts(sessions: int, topics: int, present: int, late: int = 0, leave: int = 0,
           absent: int = 0, makeups: int = 0, outstanding: int = 0) -> dict[str, int]:  # fmt: skip
    return {
        "sessions": sessions,
        "topic_sessions": topics,
        "expected": 6 * sessions,
        "present": present,
        "late": late,
        "leave": leave,
        "absent": absent,
        "makeups": makeups,
        "makeups_outstanding": outstanding,
    }


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (("--month", "2023-03"), counts(1, 1, present=5, late=1)),
        (("--month", "2023年3月"), counts(1, 1, present=5, late=1)),
        (("--month", "2023-04"), counts(1, 0, present=4, leave=2, makeups=2)),
        (("--quarter", "2023Q1"), counts(3, 1, present=16, late=1, leave=1, makeups=1)),
        (("--quarter", "2023年第二季度"), counts(3, 1, present=16, leave=2, makeups=2)),
        (("--quarter", "2023Q4"), counts(3, 1, present=17, leave=1, outstanding=1)),
        (("--half", "2023H1"), counts(6, 2, present=32, late=1, leave=3, makeups=3)),
        (
            ("--half", "2023年下半年"),
            counts(6, 2, present=34, leave=1, absent=1, makeups=1, outstanding=1),
        ),
        (
            ("--from", "2023-03", "--to", "2023Q2"),
            counts(4, 2, present=21, late=1, leave=2, makeups=2),
        ),
        (
            ("--year", "2023"),
            counts(12, 4, present=66, late=1, leave=4, absent=1, makeups=4, outstanding=1),
        ),
    ],
)
def test_stats_of_each_period(
    seeded: Database, ok: Ok, period: tuple[str, ...], expected: dict[str, int]
) -> None:
    assert figures(ok, *period) == expected


def test_a_month_summary_names_its_dates(seeded: Database, ok: Ok) -> None:
    first = ok("stats", "--month", "2023-03").splitlines()[0]
    assert first.startswith("2023-03-01 to 2023-03-31: 1 session")


def test_stats_and_check_default_to_this_year(seeded: Database, ok: Ok, run: Run) -> None:
    year = dt.date.today().year
    data = json.loads(ok("stats", "--format", "json"))
    assert data["year"] == year
    assert data["sessions"] == (12 if year == 2023 else 0)
    checked = json.loads(run("check", "--format", "json").stdout)
    assert checked["year"] == year


def test_lists_take_every_period(seeded: Database, ok: Ok) -> None:
    def listed(*args: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = json.loads(ok(*args, "--format", "json"))
        return result

    quarter = listed("session", "list", "--quarter", "2023Q1")
    assert [row["date"] for row in quarter] == ["2023-01-15", "2023-02-15", "2023-03-15"]
    half = listed("speech", "list", "--half", "2023年上半年")
    assert [(row["member"], row["date"]) for row in half] == [
        ("张三", "2023-03-15"),
        ("李四", "2023-03-15"),
        ("王五", "2023-06-15"),
    ]
    april = listed("makeup", "list", "--month", "2023年4月")
    assert sorted(row["member"] for row in april) == ["王五", "赵六"]
    outstanding = listed("makeup", "list", "--quarter", "2023年第四季度", "--outstanding")
    assert [row["member"] for row in outstanding] == ["周九"]


def test_documents_take_the_periods(seeded: Database, ok: Ok) -> None:
    report = ok("report", "--quarter", "2023Q1", "--format", "markdown")
    assert "Q1 2023" in report.splitlines()[0]


def test_one_period_at_a_time(seeded: Database, run: Run) -> None:
    result = run("session", "list", "--month", "2023-01", "--from", "2023-01-01")
    assert result.exit_code != 0
    assert result.stderr.startswith("Error: give one period, not --month --from/--to")

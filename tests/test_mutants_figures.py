"""Figures over a range that does not start on a quarter's first month or ends in the next
year: the periods a report lists, counted by hand (survivors of bench/mutation.py).

The year is tests/test_rules_by_hand.py's: sessions on 2024-01-10, 02-10, 04-09, 04-10,
05-20 and 05-21.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import Backend, Database, recording
from tests.test_rules_by_hand import YEAR

Ok = Callable[..., str]


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("hand-counted-2024", recording(YEAR)))
    return database


def periods(ok: Ok, start: str, end: str, by: str) -> dict[str, dict[str, Any]]:
    args = ("stats", "--from", start, "--to", end, "--by", by, "--format", "json")
    return {row["period"]: row for row in json.loads(ok(*args))["rows"]}


def test_a_range_inside_one_month_lists_its_quarter(year: Database, ok: Ok) -> None:
    rows = periods(ok, "2024-05-01", "2024-05-31", "quarter")
    assert list(rows) == ["2024-Q2"]
    assert rows["2024-Q2"]["sessions"] == 2  # 05-20 and 05-21


def test_a_range_from_a_quarters_last_month_lists_both_quarters(year: Database, ok: Ok) -> None:
    """March is Q1 (not Q2); April, the first month of Q2, opens a quarter of its own."""
    rows = periods(ok, "2024-03-15", "2024-04-10", "quarter")
    assert list(rows) == ["2024-Q1", "2024-Q2"]
    assert (rows["2024-Q1"]["sessions"], rows["2024-Q2"]["sessions"]) == (0, 2)


def test_months_and_quarters_across_the_new_year(year: Database, ok: Ok) -> None:
    months = periods(ok, "2023-11-20", "2024-02-29", "month")
    assert list(months) == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [row["sessions"] for row in months.values()] == [0, 0, 1, 1]
    quarters = periods(ok, "2023-11-20", "2024-04-30", "quarter")
    assert list(quarters) == ["2023-Q4", "2024-Q1", "2024-Q2"]
    assert [row["sessions"] for row in quarters.values()] == [0, 2, 2]


def test_a_year_without_sessions_counts_zeros(year: Database, ok: Ok) -> None:
    """No session in 2030: every count is 0 (not empty), the rates have nothing to divide."""
    figures = json.loads(ok("stats", "--year", "2030", "--format", "json"))
    counts = ("sessions", "discussions", "topic_sessions", "topic_discussions", "expected")
    assert [figures[name] for name in counts] == [0, 0, 0, 0, 0]
    assert [figures[name] for name in ("present", "late", "leave", "absent")] == [0, 0, 0, 0]
    assert (figures["makeups"], figures["makeups_outstanding"], figures["unrecorded"]) == (0, 0, 0)
    assert figures["speeches"] == {"key": 0, "written": 0, "exchange": 0}
    assert figures["attendance_rate"] is None and figures["participation_rate"] is None

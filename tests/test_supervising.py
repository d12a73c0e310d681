"""The supervising view: every group in one database, and periods longer than a year."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.conftest import Backend, Database
from tests.seed import ORG, record_seed_year

Ok = Callable[..., str]
OTHER = "另一局党组理论学习中心组"
SUMMED = ["sessions", "discussions", "topic_sessions", "topic_discussions", "first_agenda_items",
          "expected", "present", "late", "leave", "absent", "makeups", "makeups_outstanding",
          "unrecorded"]  # fmt: skip


def _two_orgs(ok: Ok) -> None:
    record_seed_year(ok)
    ok("init", "--org", OTHER)
    for name in ("甲", "乙", "丙"):
        ok("--org", OTHER, "member", "add", name)
    for day, leave in (("2023-02-01", ["--leave", "乙:出差"]), ("2024-05-01", [])):
        ok("--org", OTHER, "session", "add", "--date", day, "--title", "学习", "--discussion")
        ok("--org", OTHER, "attend", day, *leave)
    ok("--org", OTHER, "speech", "add", "2023-02-01", "甲", "--kind", "key")


@pytest.fixture
def two_orgs(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("two_orgs", _two_orgs))
    return database


def stats(ok: Ok, *args: str) -> dict:
    return json.loads(ok("stats", "--format", "json", *args))


def test_all_orgs_totals_equal_the_sum_of_each_groups_stats(two_orgs: Database, ok: Ok) -> None:
    report = stats(ok, "--year", "2023", "--all-orgs")
    assert report["org"] is None
    rows = {row["org"]: row for row in report["rows"]}
    assert list(rows) == sorted([ORG, OTHER])  # one row per group, in name order
    for org in (ORG, OTHER):
        alone = stats(ok, "--org", org, "--year", "2023")
        for key in [*SUMMED, "attendance_rate", "participation_rate", "speeches"]:
            assert rows[org][key] == alone[key], (org, key)
    for key in SUMMED:
        assert report[key] == sum(row[key] for row in rows.values()), key
    for kind in ("key", "written", "exchange"):
        assert report["speeches"][kind] == sum(row["speeches"][kind] for row in rows.values())
    assert rows[OTHER]["expected"] == 3 and rows[OTHER]["leave"] == 1
    assert report["attendance_rate"] == (67 + 2) / (72 + 3)


def test_all_orgs_table_puts_the_totals_last(two_orgs: Database, ok: Ok) -> None:
    output = ok("--lang", "zh", "stats", "--year", "2023", "--all-orgs", "--format", "csv")
    lines = output.splitlines()
    assert lines[0].startswith("中心组,集中学习,")
    assert [line.split(",")[0] for line in lines[1:]] == [*sorted([ORG, OTHER]), "合计"]
    assert lines[-1].split(",")[1] == "13"  # 12 + 1 sessions


def test_a_range_of_years(two_orgs: Database, ok: Ok) -> None:
    year = stats(ok, "--org", OTHER, "--year", "2023")
    same = stats(ok, "--org", OTHER, "--from", "2023-01-01", "--to", "2023-12-31")
    assert {k: v for k, v in same.items() if k not in ("year", "from", "to")} == {
        k: v for k, v in year.items() if k != "year"
    }
    assert same["year"] is None and (same["from"], same["to"]) == ("2023-01-01", "2023-12-31")
    both = stats(ok, "--org", OTHER, "--from", "2023-01-01", "--to", "2024-12-31")
    assert (both["sessions"], both["expected"]) == (2, 6)
    quarters = stats(ok, "--org", OTHER, "--from", "2023-01-01", "--to", "2024-12-31", "--by",
                     "quarter")["rows"]  # fmt: skip
    assert [row["period"] for row in quarters] == [
        f"{y}-Q{q}" for y in (2023, 2024) for q in (1, 2, 3, 4)
    ]
    assert [row["sessions"] for row in quarters] == [1, 0, 0, 0, 0, 1, 0, 0]
    summary = ok("--org", OTHER, "stats", "--from", "2023-01-01", "--to", "2024-12-31")
    assert summary.splitlines()[0] == (
        "2023-01-01 to 2024-12-31: 2 sessions, 2 discussions, 0 topic sessions, 0 topic discussions"
    )
    all_years = stats(ok, "--from", "2023-01-01", "--to", "2024-12-31", "--all-orgs")
    assert all_years["sessions"] == 14


def test_all_orgs_refuses_by(two_orgs: Database, run) -> None:  # type: ignore[no-untyped-def]
    result = run("stats", "--year", "2023", "--all-orgs", "--by", "member")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: --all-orgs gives one row per group; it does not combine with --by\n"
    )

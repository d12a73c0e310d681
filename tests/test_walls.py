"""Groups are walls: a command run for one group never reads or changes another's records."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import Backend, Database, Run
from tests.seed import ORG, record_seed_year

Ok = Callable[..., str]
OTHER = "另一局党组理论学习中心组"


def _two_groups(ok: Ok) -> None:
    record_seed_year(ok)  # sessions #1–#12, members 张三…吴十
    ok("init", "--org", OTHER)
    mine = ("--org", OTHER)
    ok(*mine, "member", "add", "甲")
    ok(*mine, "member", "add", "乙")
    ok(*mine, "session", "add", "--date", "2023-03-15", "--title", "另一组的学习")  # #13
    ok(*mine, "attend", "2023-03-15", "--leave", "乙:出差")
    ok(*mine, "plan", "add", "--year", "2023", "--month", "3", "--title", "另一组计划")
    ok(*mine, "rectify", "add", "--problem", "另一组问题", "--measure", "整改", "--dept", "办公室",
       "--lead", "办公室", "--due", "2023-12-31", "--session", "13")  # fmt: skip


@pytest.fixture
def two_groups(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("walls", _two_groups))
    return database


def dump(database: Database, org_name: str) -> list[tuple]:
    """Every row that belongs to the group, read behind studylog's back."""
    with database.connect() as connection:
        found = connection.execute(
            text("SELECT id FROM orgs WHERE name = :name"), {"name": org_name}
        )
        org = {"org": found.scalar_one()}
        queries = [
            "SELECT * FROM members WHERE org_id = :org ORDER BY id",
            "SELECT * FROM sessions WHERE org_id = :org ORDER BY id",
            "SELECT a.* FROM attendance a JOIN sessions s ON s.id = a.session_id "
            "WHERE s.org_id = :org ORDER BY a.id",
            "SELECT m.* FROM makeups m JOIN attendance a ON a.id = m.attendance_id "
            "JOIN sessions s ON s.id = a.session_id WHERE s.org_id = :org ORDER BY m.id",
            "SELECT * FROM plan_items WHERE org_id = :org ORDER BY id",
            "SELECT * FROM rectifications WHERE org_id = :org ORDER BY id",
        ]  # fmt: skip
        return [tuple(row) for sql in queries for row in connection.execute(text(sql), org)]


def test_reading_one_group_shows_nothing_of_the_other(
    two_groups: Database, ok: Ok, tmp_path: Path
) -> None:
    mine = ("--org", ORG)
    members = json.loads(ok(*mine, "member", "list", "--all", "--format", "json"))
    assert {"甲", "乙"}.isdisjoint(member["name"] for member in members)
    sessions = json.loads(ok(*mine, "session", "list", "--format", "json"))
    assert 13 not in [row["id"] for row in sessions]
    stats = json.loads(ok(*mine, "stats", "--year", "2023", "--format", "json"))
    assert (stats["sessions"], stats["expected"]) == (12, 72)
    made_up = json.loads(ok(*mine, "makeup", "list", "--outstanding", "--format", "json"))
    assert "乙" not in [row["member"] for row in made_up]
    plan = json.loads(ok(*mine, "plan", "show", "--year", "2023", "--format", "json"))
    assert plan["planned"] == 0
    assert "另一组问题" not in ok(*mine, "rectify", "list", "--format", "json")
    exported = tmp_path / "mine.json"
    ok(*mine, "export", "--year", "2023", "--out", str(exported))
    assert "另一组" not in exported.read_text(encoding="utf-8") and "乙" not in exported.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("session", "show", "13"),
        ("session", "edit", "13", "--title", "改"),
        ("session", "delete", "13", "--yes"),
        ("attend", "13"),
        ("attend", "2023-03-15", "--late", "乙"),
        ("makeup", "add", "13", "乙", "--date", "2023-03-20"),
        ("speech", "add", "13", "甲", "--kind", "key"),
        ("member", "retire", "甲", "--on", "2023-06-30"),
        ("plan", "delete", "1", "--yes"),
        ("rectify", "done", "1", "--on", "2023-06-30"),
        ("session", "add", "--date", "2023-05-01", "--title", "x", "--host", "甲"),
    ],
)
def test_one_group_cannot_touch_the_others_records(
    two_groups: Database, run: Run, args: tuple[str, ...]
) -> None:
    before = dump(two_groups, OTHER)
    result = run("--org", ORG, *args)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ")
    assert dump(two_groups, OTHER) == before

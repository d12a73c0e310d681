"""Who belongs to the group on a day, at its edges: the day a member joins and the day they
retire count, the day before and the day after do not; an observer belongs but is expected at
no roll. Through the CLI and through import (survivors of bench/mutation.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Backend, Database, recording
from tests.test_refusals import Fails, fails, write_csv

__all__ = ["fails"]  # the fixture, used by name

Ok = Callable[..., str]

GROUP: list[tuple[str, ...]] = [
    ("init", "--org", "边界局党组理论学习中心组"),
    ("member", "add", "甲", "--role", "leader"),
    ("member", "add", "乙", "--joined", "2024-03-01"),
    ("member", "retire", "乙", "--on", "2024-05-20"),
    ("member", "add", "丁", "--role", "observer"),
    ("session", "add", "--date", "2024-02-29", "--title", "乙加入前一天"),
    ("session", "add", "--date", "2024-03-01", "--title", "乙加入当天"),
    ("session", "add", "--date", "2024-05-20", "--title", "乙离开当天"),
    ("session", "add", "--date", "2024-05-21", "--title", "乙离开次日"),
]


@pytest.fixture
def edges(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("group-edges", recording(GROUP)))
    return database


def test_a_speech_is_taken_from_the_joining_day_to_the_retiring_day(
    edges: Database, ok: Ok, fails: Fails
) -> None:
    ok("speech", "add", "2024-03-01", "乙", "--kind", "written")
    ok("speech", "add", "2024-05-20", "乙", "--kind", "written")
    for day in ("2024-02-29", "2024-05-21"):
        line = fails("speech", "add", day, "乙", "--kind", "written")
        assert line == f"Error: 乙 was not in the group on {day}"


def test_an_imported_session_refuses_a_host_who_has_retired(
    edges: Database, ok: Ok, fails: Fails, tmp_path: Path
) -> None:
    folder = tmp_path / "hosted"
    write_csv(folder, "sessions", ["date", "title", "host"], ["2024-06-03", "六月学习", "乙"])
    line = fails("import", str(folder))
    assert line.endswith("row 2, column C (host): the host 乙 was not in the group on 2024-06-03")
    write_csv(folder, "sessions", ["date", "title", "host"], ["2024-05-20", "五月学习", "乙"])
    ok("import", str(folder))


def test_an_imported_roll_refuses_an_observer_and_a_retired_member(
    edges: Database, ok: Ok, fails: Fails, tmp_path: Path
) -> None:
    folder = tmp_path / "roll"
    header = ["学习日期", "姓名", "出勤情况"]
    write_csv(folder, "attendance", header, ["2024-03-01", "丁", "出席"])
    line = fails("import", str(folder))
    assert "row 2" in line and "丁" in line
    write_csv(folder, "attendance", header, ["2024-05-21", "乙", "出席"])
    line = fails("import", str(folder))
    assert "row 2" in line and "乙" in line
    write_csv(
        folder, "attendance", header, ["2024-05-20", "甲", "出席"], ["2024-05-20", "乙", "出席"]
    )
    ok("import", str(folder))


def test_a_makeup_is_refused_for_who_was_not_expected_or_before_the_roll(
    edges: Database, fails: Fails
) -> None:
    line = fails("makeup", "add", "2024-05-21", "乙", "--date", "2024-05-25")
    assert line == "Error: 乙 is not expected on 2024-05-21: left the group on 2024-05-20"
    line = fails("makeup", "add", "2024-05-20", "丁", "--date", "2024-05-25")
    assert line == "Error: 丁 is not expected on 2024-05-20: an observer (列席) is not on the roll"
    line = fails("makeup", "add", "2024-05-20", "甲", "--date", "2024-05-25")
    assert (
        line
        == "Error: no roll for #3 (2024-05-20) lists 甲 yet; record it first: studylog attend #3"
    )


def test_a_makeups_note_of_two_lines_and_reflection_are_kept(
    edges: Database, ok: Ok, fails: Fails
) -> None:
    ok("attend", "2024-05-20", "--absent", "甲")
    line = fails("makeup", "add", "2024-05-20", "甲", "--date", "2024-05-25", "--note", "记" * 2001)
    assert "--note" in line and "2000" in line
    note = "第一行\n" + "记" * (2000 - 4)  # 2,000 characters, the longest taken
    ok("makeup", "add", "2024-05-20", "甲", "--date", "2024-05-25", "--note", note,
       "--reflection", "学习体会")  # fmt: skip
    (listed,) = json.loads(ok("makeup", "list", "--year", "2024", "--format", "json"))
    assert (listed["member"], listed["made_up"]) == ("甲", "2024-05-25")
    assert (listed["note"], listed["reflection"]) == (note, "学习体会")


def test_an_imported_makeup_reads_a_guarded_name_and_keeps_its_note(
    edges: Database, ok: Ok, fails: Fails, tmp_path: Path
) -> None:
    """@王 is written '@王 in a CSV file (the formula guard): the import reads the name back."""
    ok("member", "add", "@王", "--joined", "2024-01-01")
    ok("attend", "2024-05-20", "--absent", "@王")
    folder = tmp_path / "makeups"
    header = ["学习日期", "姓名", "补学日期", "note"]
    write_csv(folder, "makeups", header, ["2024-05-21", "乙", "2024-05-25", ""])
    line = fails("import", str(folder))
    assert "row 2" in line
    assert line.endswith("乙 is not expected on 2024-05-21: left the group on 2024-05-20")
    write_csv(folder, "makeups", header, ["2024-05-20", "'@王", "2024-05-25", "补学笔记"])
    ok("import", str(folder))
    (listed,) = json.loads(ok("makeup", "list", "--year", "2024", "--format", "json"))
    assert (listed["member"], listed["made_up"], listed["note"]) == (
        "@王",
        "2024-05-25",
        "补学笔记",
    )


def test_an_imported_session_without_a_date_is_refused(
    edges: Database, fails: Fails, tmp_path: Path
) -> None:
    folder = tmp_path / "sessions"
    write_csv(folder, "sessions", ["date", "title"], ["", "无日期"])
    line = fails("import", str(folder))
    assert line.endswith("sessions.csv, row 2, column A (date): date must not be empty")

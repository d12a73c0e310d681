"""Deleting is archiving: a deleted session or member is kept, with when and why, left out of
every list, figure and document, and brought back whole by ``restore``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from tests.conftest import Database, Run
from tests.seed import EXPECTED_FIGURES

Ok = Callable[..., str]


def figures(ok: Ok, by: str | None = None) -> dict[str, Any]:
    extra = ["--by", by] if by else []
    found = json.loads(ok("stats", "--year", "2023", "--format", "json", *extra))
    found.pop("log_head")  # each write moves it (tests/test_anchor.py)
    return dict(found)


def stored(database: Database, query: str) -> list[tuple[Any, ...]]:
    """Rows as they are in the database, deleted ones included (read past studylog)."""
    with database.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def test_a_deleted_session_is_kept_with_its_reason_and_time(seeded: Database, ok: Ok) -> None:
    roll_before = stored(seeded, "SELECT count(*) FROM attendance")
    ok("session", "delete", "2023-08-15", "--reason", "重复录入", "--yes")
    ((title, reason, when),) = stored(
        seeded,
        "SELECT title, archive_reason, archived_at FROM sessions WHERE archived_at IS NOT NULL",
    )
    assert reason == "重复录入" and when is not None and title
    assert stored(seeded, "SELECT count(*) FROM attendance") == roll_before  # the roll is kept too


def test_a_deleted_session_is_left_out_of_lists_figures_and_documents(
    seeded: Database, ok: Ok, tmp_path: Path
) -> None:
    ok("session", "delete", "2023-08-15", "--yes")
    after = figures(ok)
    assert after["sessions"] == EXPECTED_FIGURES["sessions"] - 1
    assert after["expected"] == EXPECTED_FIGURES["expected"] - 6
    assert "2023-08-15" not in ok("session", "list", "--year", "2023")
    assert "2023-08-15" not in ok("makeup", "list", "--year", "2023")  # 孙八's make-up
    # Signed as of a day that is not 15 August (a report is dated today without --as-of).
    report = ok("report", "--year", "2023", "--lang", "zh", "--as-of", "2024-01-10")
    assert "2024年1月10日" in report and "8月15日" not in report
    ok("export", "--year", "2023", "--out", str(tmp_path / "year.json"))
    exported = json.loads((tmp_path / "year.json").read_text(encoding="utf-8-sig"))
    assert "2023-08-15" not in json.dumps(exported)


def test_delete_says_what_it_takes_with_it_and_asks_first(seeded: Database, ok: Ok) -> None:
    out = ok("session", "delete", "2023-03-15", input="n\n")
    assert "with its roll (6 lines), 0 make-ups and 2 speeches?" in out
    assert "Nothing was deleted." in out
    assert figures(ok) == EXPECTED_FIGURES
    ok("session", "delete", "2023-03-15", input="y\n")
    assert figures(ok)["sessions"] == EXPECTED_FIGURES["sessions"] - 1


def test_restore_brings_a_deleted_session_back_whole(seeded: Database, ok: Ok) -> None:
    by_member = figures(ok, "member")
    ok("session", "delete", "2023-04-15", "--reason", "误删测试", "--yes")
    listed = json.loads(ok("restore", "list", "--format", "json"))
    assert [(row["record"], row["reason"]) for row in listed] == [
        (f"session #{_stored_id(seeded, '2023-04-15')}", "误删测试")
    ]
    ok("restore", "session", "2023-04-15")
    assert figures(ok, "member") == by_member
    assert "Nothing of" in ok("restore", "list")


def _stored_id(database: Database, day: str) -> int:
    return int(stored(database, f"SELECT id FROM sessions WHERE date = '{day}'")[0][0])


def test_restore_of_a_session_not_deleted_is_an_error(seeded: Database, run: Run) -> None:
    result = run("restore", "session", "2023-04-15")
    assert result.exit_code == 1
    assert result.stderr == "Error: no deleted session 2023-04-15\n"


def test_a_member_entered_by_mistake_is_deleted_and_restored_with_their_roll(
    seeded: Database, ok: Ok, run: Run
) -> None:
    by_member = figures(ok, "member")
    ok("member", "add", "张三三")  # a slip: counts back to the twelve sessions
    ok("attend", "2023-12-15", "--leave", "周九：病假")  # the roll taken again lists 张三三
    with_slip = figures(ok, "member")
    assert with_slip["expected"] == by_member["expected"] + 12
    out = ok("member", "delete", "张三三", input="y\n")
    assert "Delete member 张三三 with their 1 roll line?" in out
    assert "Deleted 张三三 with 1 roll line" in out
    assert "张三三" not in ok("member", "list", "--all")
    assert figures(ok, "member")["expected"] == by_member["expected"]
    assert stored(seeded, "SELECT count(*) FROM members WHERE name = '张三三'") == [(1,)]
    # The name is not free: the deleted member is one restore away.
    again = run("member", "add", "张三三")
    assert again.exit_code == 1
    assert "restore member 张三三" in again.stderr
    assert ok("restore", "member", "张三三") == "Restored 张三三 with 1 roll line\n"
    assert figures(ok, "member") == with_slip


def test_a_member_with_a_history_is_retired_not_deleted(seeded: Database, run: Run) -> None:
    result = run("member", "delete", "张三", "--yes")
    assert result.exit_code == 1
    assert "gave 2 speeches" in result.stderr and "member retire" in result.stderr


def test_undo_takes_back_a_delete(seeded: Database, ok: Ok) -> None:
    ok("session", "delete", "2023-08-15", "--yes")
    ok("undo", "--yes")
    assert figures(ok) == EXPECTED_FIGURES


def test_a_deleted_members_name_in_an_import_points_to_restore(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    ok("member", "add", "张三三")
    ok("member", "delete", "张三三", "--yes")
    roster = tmp_path / "花名册.csv"
    roster.write_text("姓名,职务\n张三三,副局长\n", encoding="utf-8")
    before = seeded.snapshot()
    result = run("import", str(roster))
    assert result.exit_code == 1
    assert "restore member 张三三" in result.stderr
    assert seeded.snapshot() == before


def test_a_deleted_session_follows_the_dates_of_members_who_leave_meanwhile(
    seeded: Database, ok: Ok
) -> None:
    ok("session", "delete", "2023-12-15", "--yes")
    ok("member", "retire", "赵六", "--on", "2023-12-01", "--yes")
    ok("restore", "session", "2023-12-15")
    roll = json.loads(ok("session", "show", "2023-12-15", "--format", "json"))["roll"]
    assert "赵六" not in {line["member"] for line in roll}


def test_a_host_of_a_deleted_session_is_not_deleted_with_it(
    seeded: Database, ok: Ok, run: Run
) -> None:
    ok("member", "add", "丁一", "--joined", "2023-12-01")
    ok("session", "add", "--date", "2023-12-28", "--title", "加开", "--host", "丁一")
    ok("session", "delete", "2023-12-28", "--yes")
    result = run("member", "delete", "丁一", "--yes")
    assert result.exit_code == 1
    assert "hosted 1 session" in result.stderr

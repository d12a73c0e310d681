"""The audit trail: every write is logged with who, when, the command and the rows before and
after; the log is hash-chained so that tampering shows; ``undo`` reverts the latest change."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from studylog import invocation
from studylog.store import audit
from tests.conftest import Backend, Database, Run, recording
from tests.seed import EXPECTED_FIGURES, ORG

Ok = Callable[..., str]

SMALL_GROUP = [
    ("init", "--org", "甲局党组理论学习中心组"),
    ("member", "add", "张三", "--role", "组长"),
    ("member", "add", "李四"),
    ("session", "add", "--date", "2023-03-01", "--title", "理论学习", "--discussion"),
    ("attend", "2023-03-01", "--leave", "李四：出差"),
]


@pytest.fixture
def group(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("audit", recording(SMALL_GROUP)))
    return database


def behind_studylogs_back(database: Database, statement: str) -> None:
    """Change the test's database with SQL, bypassing studylog entirely."""
    with database.connect() as connection:
        connection.execute(text(statement))
        connection.commit()


def entries(ok: Ok, *args: str) -> list[dict[str, Any]]:
    return json.loads(ok("log", "--format", "json", *args))


def figures(ok: Ok) -> dict[str, Any]:
    """The figures by member, without the log's head (each write moves it)."""
    found = json.loads(ok("stats", "--year", "2023", "--by", "member", "--format", "json"))
    found.pop("log_head")
    return dict(found)


def test_every_write_is_logged_with_time_user_command_and_rows_before_and_after(
    group: Database, ok: Ok
) -> None:
    ok("member", "edit", "李四", "--title", "党组副书记")
    log = entries(ok)
    assert [entry["seq"] for entry in log] == [1, 2, 3, 4, 5, 6]
    assert log[0]["command"] == "studylog init --org 甲局党组理论学习中心组"
    last = log[-1]
    assert last["command"] == "studylog member edit 李四 --title 党组副书记"
    assert last["user"] == getpass.getuser()
    assert last["at"].endswith("+00:00")
    (change,) = last["changes"]
    assert change["table"] == "members"
    assert change["before"]["title"] is None and change["after"]["title"] == "党组副书记"
    assert change["before"]["name"] == change["after"]["name"] == "李四"
    roll = log[4]["changes"]
    assert {(c["after"]["status"], c["after"]["reason"]) for c in roll} == {
        ("present", None),
        ("leave", "出差"),
    }


def test_the_entry_lands_with_the_write_or_not_at_all(group: Database, ok: Ok, run: Run) -> None:
    before = entries(ok)
    failed = run("attend", "2023-03-01", "--leave", "王五：出差")  # no such member
    assert failed.exit_code == 1
    assert entries(ok) == before
    ok("attend", "2023-03-01", "--replace", "--yes")  # started over, all present: one entry
    ok("attend", "2023-03-01")  # nothing changes: no entry
    assert len(entries(ok)) == len(before) + 1


def test_the_log_shows_a_sessions_history_in_the_table(group: Database, ok: Ok) -> None:
    ok("session", "add", "--date", "2023-04-01", "--title", "另一次学习")
    ok("makeup", "add", "2023-03-01", "李四", "--date", "2023-03-05")
    history = entries(ok, "--session", "2023-03-01")
    assert [entry["command"].split()[1] for entry in history] == ["session", "attend", "makeup"]
    table = ok("log", "--session", "2023-03-01")
    assert "added make-up 李四 (2023-03-01 " in table  # named, not numbered (test_log_language)
    assert "另一次学习" not in table
    zh = ok("log", "--session", "2023-03-01", "--lang", "zh")
    assert "新增补学 李四（2023-03-01 " in zh
    assert entries(ok, "--year", "1999") == []


def test_log_verify_passes_on_an_untouched_log(group: Database, ok: Ok) -> None:
    out = ok("log", "--verify")
    assert out.startswith("Audit log intact: 5 entries; latest hash ")
    assert "Audit logs verify" in ok("db", "check")


@pytest.mark.parametrize(
    ("tampering", "seq", "why"),
    [
        ("UPDATE audit_log SET command = 'studylog member add 王五' WHERE seq = 3", 3, "changed"),
        (
            "UPDATE audit_log SET changes = replace(changes, '出差', '病假') WHERE seq = 5",
            5,
            "changed",
        ),
        ("DELETE FROM audit_log WHERE seq = 2", 2, "missing"),
        ("DELETE FROM audit_log WHERE seq = 5", 5, "removed"),
    ],
    ids=["edited command", "edited change", "removed entry", "removed last entry"],
)
def test_log_verify_detects_an_edit_or_removal_behind_studylogs_back(
    group: Database, ok: Ok, run: Run, tampering: str, seq: int, why: str
) -> None:
    behind_studylogs_back(group, tampering)
    result = run("log", "--verify")
    assert result.exit_code == 3
    assert result.stderr.startswith(
        f"Error: the audit log of 甲局党组理论学习中心组 does not hold at entry #{seq}"
    )
    assert why in result.stderr
    assert run("db", "check").exit_code == 3


def test_log_verify_detects_a_forged_entry_appended_behind_studylogs_back(
    group: Database, ok: Ok, run: Run
) -> None:
    behind_studylogs_back(
        group,
        'INSERT INTO audit_log (org_id, seq, at, "user", command, changes, prev_hash, hash)'
        " SELECT org_id, 6, at, \"user\", 'studylog forged', changes, hash, hash"
        " FROM audit_log WHERE seq = 5",
    )
    result = run("log", "--verify")
    assert result.exit_code == 3
    assert "entry #6" in result.stderr


def test_undo_reverts_the_latest_change_and_is_logged_itself(group: Database, ok: Ok) -> None:
    start = figures(ok)
    ok("attend", "2023-03-01", "--absent", "张三")
    ok("member", "edit", "张三", "--name", "张叁")
    out = ok("undo", "--yes")
    assert out.startswith(
        "Undid entry #7: studylog member edit 张三 --name 张叁 (logged as entry #8)"
    )
    assert "张三" in ok("member", "list")
    ok("undo", "--yes")  # the roll, next
    assert figures(ok) == start
    log = entries(ok)
    assert [entry["undoes"] for entry in log[-2:]] == [7, 6]
    assert ok("log", "--verify").startswith("Audit log intact: 9 entries")


def test_undo_brings_back_what_a_delete_removed(group: Database, ok: Ok) -> None:
    ok("makeup", "add", "2023-03-01", "李四", "--date", "2023-03-05", "--note", "读原文")
    before = ok("makeup", "list", "--year", "2023", "--format", "json")
    ok("makeup", "delete", "2023-03-01", "李四")
    assert json.loads(ok("makeup", "list", "--year", "2023", "--format", "json")) == []
    ok("undo", "--yes")
    assert ok("makeup", "list", "--year", "2023", "--format", "json") == before


def test_undo_walks_back_to_the_first_record_but_not_the_group_itself(
    group: Database, ok: Ok, run: Run
) -> None:
    for _ in range(4):  # the roll, the session, 李四, 张三
        ok("undo", "--yes")
    assert json.loads(ok("member", "list", "--format", "json")) == []
    result = run("undo", "--yes")
    assert result.exit_code == 1
    assert result.stderr == "Error: entry #1 created the study group; it cannot be undone\n"


def test_undo_asks_first_and_a_no_changes_nothing(group: Database, ok: Ok) -> None:
    before = entries(ok)
    out = ok("undo", input="n\n")
    assert "Undo entry #5" in out and "studylog attend 2023-03-01" in out
    assert "Nothing was undone." in out
    assert entries(ok) == before


def test_undo_is_refused_when_the_log_does_not_verify(group: Database, ok: Ok, run: Run) -> None:
    before = figures(ok)
    behind_studylogs_back(group, """UPDATE audit_log SET "user" = 'someone' WHERE seq = 2""")
    result = run("undo", "--yes")
    assert result.exit_code == 1
    assert "does not hold at entry #2" in result.stderr
    assert figures(ok) == before


def test_undo_is_refused_when_the_records_were_changed_behind_studylogs_back(
    group: Database, ok: Ok, run: Run
) -> None:
    ok("member", "edit", "李四", "--title", "副局长")
    behind_studylogs_back(group, "UPDATE members SET title = '局长' WHERE name = '李四'")
    result = run("undo", "--yes")
    assert result.exit_code == 1
    assert "differ from the audit log (studylog log --verify); nothing was undone" in (
        result.stderr
    )
    assert json.loads(ok("member", "list", "--format", "json"))[1]["title"] == "局长"


def test_undo_of_an_import_takes_all_of_it_out(
    seeded: Database,
    ok: Ok,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_database: Callable[[str], Database],
) -> None:
    ok("export", "--year", "2023", "--out", str(tmp_path / "year.json"))
    other = new_database("other")
    other.ensure()
    monkeypatch.setenv("STUDYLOG_DB", other.address)
    ok("init", "--org", ORG)
    ok("import", str(tmp_path / "year.json"))
    imported_figures = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    assert imported_figures.pop("log_head")
    assert imported_figures == EXPECTED_FIGURES
    (imported,) = [entry for entry in entries(ok) if entry["command"].startswith("studylog import")]
    assert imported["imported"]["attendance"] == EXPECTED_FIGURES["expected"]  # every roll line
    assert imported["imported"]["sessions"] == 12
    ok("undo", "--yes")
    empty = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    assert empty["sessions"] == 0 and empty["expected"] == 0
    assert json.loads(ok("member", "list", "--all", "--format", "json")) == []
    assert "took out an import" in ok("log")
    assert ok("log", "--verify").startswith("Audit log intact: 3 entries")


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://clerk:s3cret@db.example/records",
        "postgresql+psycopg://clerk@db.example/records?password=s3cret",
    ],
)
def test_a_password_in_a_database_url_is_never_logged(url: str) -> None:
    invocation.record(["--db", url, "undo"])
    try:
        command = audit.command_line()
    finally:
        invocation.words = None
    assert "s3cret" not in command
    assert "clerk" in command and "db.example" in command


def test_groups_are_walls_for_log_and_undo(group: Database, ok: Ok, run: Run) -> None:
    other = "乙局党组理论学习中心组"
    ok("init", "--org", other)
    ok("member", "add", "王五", "--org", other)
    ok("session", "add", "--date", "2023-03-01", "--title", "乙局学习", "--org", other)
    ours = entries(ok, "--org", "甲局党组理论学习中心组")
    theirs = entries(ok, "--org", other)
    assert [entry["seq"] for entry in theirs] == [1, 2, 3]
    assert not any("乙局" in json.dumps(entry, ensure_ascii=False) for entry in ours)
    ok("undo", "--yes", "--org", "甲局党组理论学习中心组")  # our roll goes …
    assert entries(ok, "--org", other) == theirs  # … theirs stays, and so do their records
    assert "乙局学习" in ok("session", "list", "--org", other)
    assert ok("log", "--verify", "--org", other).startswith("Audit log intact: 3 entries")


def test_undo_puts_back_what_went_with_a_change(group: Database, ok: Ok) -> None:
    """A plan item's deletion took its speakers and its session's link; a session's edit
    replaced its tags: undo brings each back as it was."""
    ok("plan", "add", "--year", "2023", "--month", "3", "--title", "计划", "--speaker", "张三")
    ok("session", "edit", "2023-03-01", "--plan", "1", "--tag", "甲", "--tag", "乙")
    before = ok("session", "show", "2023-03-01", "--format", "json")
    plan = ok("plan", "list", "--year", "2023", "--format", "json")
    ok("session", "edit", "2023-03-01", "--tag", "丙")
    ok("plan", "delete", "1", "--yes")
    assert json.loads(ok("session", "show", "2023-03-01", "--format", "json"))["plan"] is None
    ok("undo", "--yes")
    ok("undo", "--yes")
    assert ok("session", "show", "2023-03-01", "--format", "json") == before
    assert ok("plan", "list", "--year", "2023", "--format", "json") == plan


def test_an_import_into_sessions_already_recorded_is_logged_and_undone_whole(
    group: Database, ok: Ok, tmp_path: Path
) -> None:
    """A sign-in sheet for a session recorded before: its roll lines are the import's, and
    undo takes them out, not the session."""
    ok("session", "add", "--date", "2023-04-01", "--title", "补录签到")
    sheet = tmp_path / "签到表.csv"
    sheet.write_text(
        "姓名,出勤情况,学习日期\n张三,出席,2023-04-01\n李四,请假,2023-04-01\n", "utf-8"
    )
    before = figures(ok)
    ok("import", str(sheet))
    imported = entries(ok)[-1]
    assert imported["imported"] == {
        "members": 0,
        "sessions": 0,
        "session_tags": 0,
        "attendance": 2,
        "makeups": 0,
        "speeches": 0,
        "member_outputs": 0,
        "self_study": 0,
        "agenda_items": 0,
    }
    ok("undo", "--yes")
    assert figures(ok) == before
    assert "补录签到" in ok("session", "list")


def test_a_command_line_that_is_not_utf8_is_logged_with_escapes() -> None:
    undecodable = b"/tmp/\xb0\xec.db".decode("utf-8", "surrogateescape")  # a GBK file name
    invocation.record(["--db", undecodable, "member", "add", "新人"])
    try:
        command = audit.command_line()
    finally:
        invocation.words = None
    assert command == "studylog --db '/tmp/\\xb0\\xec.db' member add 新人"
    command.encode("utf-8")  # the hash is taken over UTF-8


def test_an_older_entry_is_undone_when_nothing_since_touched_its_records(
    group: Database, ok: Ok, run: Run
) -> None:
    """A speech deleted by mistake, found a few changes later, comes back by its entry."""
    ok("speech", "add", "2023-03-01", "张三", "--kind", "key", "--title", "学习体会")
    speeches = ok("speech", "list", "--year", "2023", "--format", "json")
    ok("speech", "delete", "2023-03-01", "张三", "--kind", "key")  # entry #7
    ok("member", "edit", "李四", "--title", "副局长")  # #8
    ok("session", "add", "--date", "2023-05-01", "--title", "五月学习")  # #9
    assert ok("undo", "7", "--yes").startswith("Undid entry #7: studylog speech delete")
    assert ok("speech", "list", "--year", "2023", "--format", "json") == speeches
    assert "五月学习" in ok("session", "list")  # the changes after it stay
    again = run("undo", "7", "--yes")
    assert again.stderr == "Error: entry #7 was undone already, by entry #10\n"
    of_undo = run("undo", "10", "--yes")
    assert of_undo.stderr == "Error: entry #10 is an undo of #7; it is not undone in turn\n"
    assert run("undo", "99", "--yes").stderr == "Error: the audit log has no entry #99\n"


def test_an_older_entry_whose_records_changed_since_is_not_undone(
    group: Database, ok: Ok, run: Run
) -> None:
    ok("member", "edit", "李四", "--title", "副局长")  # entry #6
    ok("member", "edit", "李四", "--title", "局长")  # #7 changes the same row
    before = entries(ok)
    result = run("undo", "6", "--yes")
    assert result.exit_code == 1
    assert "entry #6 changed were changed since" in result.stderr
    assert entries(ok) == before


def test_an_older_entry_is_not_undone_when_later_records_refer_to_what_it_added(
    group: Database, ok: Ok, run: Run
) -> None:
    """The plan item of entry #6 is carried out by a session since: undoing #6 alone would
    unlink the session behind the log's back."""
    ok("plan", "add", "--year", "2023", "--month", "3", "--title", "计划")  # entry #6
    ok("session", "edit", "2023-03-01", "--plan", "1")  # #7
    result = run("undo", "6", "--yes")
    assert result.exit_code == 1
    assert "entry #6 changed were changed since" in result.stderr
    assert json.loads(ok("session", "show", "2023-03-01", "--format", "json"))["plan"] == 1

"""Correcting a mistake never costs a record (issue 17): amend a roll, edit what was entered,
guard history, plan a session before it is held, read a marked sign-in sheet back.

Every test runs through the CLI, so the PostgreSQL suite covers it too."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试局党组理论学习中心组"
MEMBERS = ["张三", "李四", "王五", "赵六", "黄伟", "钱七", "孙八", "周九", "吴十"]


@pytest.fixture
def group(ok: Ok) -> Ok:
    """A nine-member group (张三 the 组长) with one session on 2026-03-10."""
    ok("init", "--org", ORG)
    ok("member", "add", "张三", "--role", "组长")
    for name in MEMBERS[1:]:
        ok("member", "add", name)
    ok("session", "add", "--date", "2026-03-10", "--title", "学习一")
    return ok


def roll(ok: Ok, ref: str) -> dict[str, dict[str, object]]:
    lines = json.loads(ok("session", "show", ref, "--format", "json"))["roll"]
    return {line["member"]: line for line in lines}


def stats(ok: Ok, *args: str) -> dict[str, object]:
    figures: dict[str, object] = json.loads(ok("stats", "--format", "json", *args))
    figures.pop("log_head")  # each write moves it; the figures are what is compared
    return figures


# -- 1. amend, don't replace --


def test_attend_again_changes_only_the_members_it_names(group: Ok) -> None:
    group("attend", "1", "--leave", "黄伟：赴省厅参加审计业务培训", "--absent", "孙八")
    group("makeup", "add", "1", "孙八", "--date", "2026-03-12")
    group("attend", "1", "--late", "王五")
    lines = roll(group, "1")
    assert lines["黄伟"]["status"] == "leave"
    assert lines["黄伟"]["reason"] == "赴省厅参加审计业务培训"
    assert lines["孙八"]["status"] == "absent" and lines["孙八"]["made_up"] == "2026-03-12"
    assert lines["王五"]["status"] == "late"
    # a leave named again without its reason keeps the reason
    group("attend", "1", "--leave", "黄伟:")
    assert roll(group, "1")["黄伟"]["reason"] == "赴省厅参加审计业务培训"


def test_a_change_that_costs_a_record_needs_yes(group: Ok, run: Run) -> None:
    group("attend", "1", "--leave", "黄伟：出差", "--absent", "孙八")
    group("makeup", "add", "1", "孙八", "--date", "2026-03-12")
    group("speech", "add", "1", "王五", "--kind", "key")
    for args in (["--present", "黄伟"], ["--present", "孙八"], ["--absent", "王五"]):
        result = run("attend", "1", *args)
        assert result.exit_code == 1, args
        assert "--yes" in result.stderr
    assert roll(group, "1")["孙八"]["made_up"] == "2026-03-12"  # nothing changed
    group("attend", "1", "--present", "孙八", "--yes")
    assert roll(group, "1")["孙八"]["status"] == "present"
    assert roll(group, "1")["孙八"]["made_up"] is None


def test_replace_starts_over_and_lists_what_it_drops(group: Ok) -> None:
    group("attend", "1", "--late", "王五", "--absent", "孙八")
    out = group("--lang", "en", "attend", "1", "--replace", "--absent", "周九")
    assert "--replace dropped" in out and "王五" in out and "孙八" in out
    lines = roll(group, "1")
    assert lines["王五"]["status"] == lines["孙八"]["status"] == "present"
    assert lines["周九"]["status"] == "absent"


def test_leave_approver_defaults_to_the_leader(group: Ok) -> None:
    group("attend", "1", "--leave", "黄伟：出差")
    out = group("attend", "1", "--format", "json")
    lines = {line["member"]: line for line in json.loads(out)}
    assert lines["黄伟"]["approver"] == "张三"


# -- 2. history is guarded --


def test_a_joining_date_that_orphans_records_is_refused(group: Ok, run: Run) -> None:
    group("attend", "1")
    group("speech", "add", "1", "黄伟", "--kind", "key")
    before = stats(group, "--year", "2026")
    result = run("member", "edit", "黄伟", "--joined", "2026-09-01")
    assert result.exit_code == 1 and "2026-03-10" in result.stderr
    assert stats(group, "--year", "2026") == before
    result = run("member", "retire", "黄伟", "--on", "2026-01-31")
    assert result.exit_code == 1
    group("member", "edit", "黄伟", "--joined", "2026-09-01", "--yes")
    assert "黄伟" not in roll(group, "1")
    assert "key" not in json.dumps(json.loads(group("speech", "list", "--format", "json")))


def test_db_check_finds_a_line_outside_tenure(group: Ok, run: Run, database: object) -> None:
    group("attend", "1")
    assert run("db", "check").exit_code == 0
    # a line outside tenure made behind studylog's back shows
    from sqlalchemy import create_engine, text

    from studylog.store.db import resolve_url

    engine = create_engine(resolve_url(database.address))  # type: ignore[attr-defined]
    with engine.begin() as connection:
        connection.execute(text("UPDATE members SET joined = '2026-06-01' WHERE name = '黄伟'"))
    engine.dispose()
    result = run("--lang", "en", "db", "check")
    assert result.exit_code == 3
    assert "time in the group" in result.stdout


def test_the_same_session_added_twice_is_refused(group: Ok, run: Run) -> None:
    result = run("session", "add", "--date", "2026-03-10", "--title", "学习一")
    assert result.exit_code == 1 and "--again" in result.stderr
    group("session", "add", "--date", "2026-03-10", "--title", "学习一", "--again")


def test_another_groups_file_is_not_merged_unasked(
    group: Ok, run: Run, tmp_path: Path, new_database: Callable[[str], object]
) -> None:
    out = tmp_path / "other.json"
    other = new_database("other")
    env = {"STUDYLOG_DB": other.address}  # type: ignore[attr-defined]
    import os

    saved = os.environ["STUDYLOG_DB"]
    os.environ.update(env)
    try:
        other.ensure()  # type: ignore[attr-defined]
        group("init", "--org", "别的中心组")
        group("member", "add", "甲")
        group("session", "add", "--date", "2026-02-01", "--title", "别处学习")
        group("export", "--year", "2026", "--out", str(out), "--format", "json")
    finally:
        os.environ["STUDYLOG_DB"] = saved
    result = run("import", str(out))
    assert result.exit_code == 1 and "--org" in result.stderr
    group("import", str(out), "--org", ORG)


# -- 3. upcoming sessions --


def test_an_upcoming_session_counts_nowhere_and_takes_no_roll(group: Ok, run: Run) -> None:
    group("attend", "1", "--absent", "孙八")
    later = (date.today() + timedelta(days=10)).isoformat()
    before = stats(group, "--from", "2026-01-01", "--to", later)
    group("session", "add", "--date", later, "--title", "下次学习", "--discussion")
    assert stats(group, "--from", "2026-01-01", "--to", later) == before
    result = run("attend", later)
    assert result.exit_code == 1 and "sheet" in result.stderr
    listing = group("--lang", "en", "session", "list")
    assert "Upcoming" in listing
    group("sheet", later, "--out", str(Path.cwd() / "unused.xlsx")) if False else None


def test_as_of_leaves_out_later_sessions_in_report_and_check(group: Ok, run: Run) -> None:
    group("attend", "1", "--absent", "孙八")
    group("session", "add", "--date", "2026-11-20", "--title", "学习二")
    text = group("report", "--year", "2026", "--as-of", "2026-10-31")
    assert "学习二" not in text
    checked = run("check", "--year", "2026", "--as-of", "2026-10-31", "--format", "json")
    early = json.loads(checked.stdout)
    rule = next(rule for rule in early["rules"] if rule["rule"] == "attendance")
    assert rule["value"] == pytest.approx(8 / 9)  # 学习二 (after --as-of) not counted


def test_report_and_archive_of_a_period_name_it(group: Ok, tmp_path: Path) -> None:
    group("attend", "1")
    text = group("--lang", "zh", "report", "--from", "2026-01-01", "--to", "2026-06-30")
    assert text.startswith("测试局党组2026年上半年理论学习中心组学习情况汇报\n")
    text = group("--lang", "zh", "report", "--from", "2026-01-01", "--to", "2026-09-30")
    assert "2026年1—9月" in text
    out = group("--lang", "zh", "archive", "--from", "2026-01-01", "--to", "2026-09-30",
                "--out", str(tmp_path / "a.zip"))  # fmt: skip
    assert "2026年1—9月学习档案" in out


# -- 4. edit what was entered --


def test_makeup_speech_and_ledger_edits(group: Ok, tmp_path: Path) -> None:
    group("attend", "1", "--leave", "黄伟：出差")
    group("makeup", "add", "1", "黄伟", "--date", "2026-03-12")
    notes = tmp_path / "体会.txt"
    notes.write_text("深刻领会", encoding="gb18030")
    group("makeup", "edit", "1", "黄伟", "--date", "2026-03-15", "--method", "笔记",
          "--reflection-file", str(notes))  # fmt: skip
    made = json.loads(group("makeup", "list", "--format", "json"))[0]
    assert (made["made_up"], made["method"], made["reflection"]) == (
        "2026-03-15",
        "notes",
        "深刻领会",
    )
    group("speech", "add", "1", "张三", "--kind", "key")
    speech = json.loads(group("speech", "list", "--format", "json"))[0]
    group("speech", "edit", str(speech["id"]), "--kind", "书面发言", "--title", "新题目")
    speech = json.loads(group("speech", "list", "--format", "json"))[0]
    assert (speech["kind"], speech["title"]) == ("written", "新题目")
    group("rectify", "add", "--problem", "问题", "--measure", "措施", "--dept", "办公室",
          "--lead", "机关党委", "--due", "2026-06-30", "--session", "1")  # fmt: skip
    group("rectify", "edit", "1", "--due", "2026-07-31", "--dept", "综合科")
    entry = json.loads(group("rectify", "list", "--format", "json"))[0]
    assert (entry["due"], entry["dept"]) == ("2026-07-31", "综合科")
    group("rectify", "delete", "1")
    assert json.loads(group("rectify", "list", "--format", "json")) == []
    group("rectify", "restore", "1")
    assert len(json.loads(group("rectify", "list", "--format", "json"))) == 1
    group("undo", "--yes")  # the restore, undone like any change
    assert json.loads(group("rectify", "list", "--format", "json")) == []


def test_the_reflection_rule_is_off_until_enabled(group: Ok, run: Run, tmp_path: Path) -> None:
    group("attend", "1", "--leave", "黄伟：出差")
    group("makeup", "add", "1", "黄伟", "--date", "2026-03-12")
    report = json.loads(run("check", "--year", "2026", "--format", "json").stdout)
    assert "makeup_reflection" not in {rule["rule"] for rule in report["rules"]}
    config = tmp_path / "c.toml"
    config.write_text('[check]\nenabled = ["makeup_reflection"]\n', encoding="utf-8")
    checked = run("--config", str(config), "check", "--year", "2026", "--format", "json")
    report = json.loads(checked.stdout)
    rule = next(rule for rule in report["rules"] if rule["rule"] == "makeup_reflection")
    assert rule["enabled"] and not rule["passed"]


# -- 5. the paper comes back in --


def _marked(sheet: Path, marks: dict[str, tuple[str | None, str]]) -> Path:
    from openpyxl import load_workbook

    workbook = load_workbook(sheet)
    worksheet = workbook.active
    assert worksheet is not None
    for row in worksheet.iter_rows(min_row=1):
        name = row[1].value
        if name in marks:
            row[3].value, row[5].value = marks[name]
    marked = sheet.with_name("marked.xlsx")
    workbook.save(marked)
    return marked


def test_a_marked_sheet_reads_back_as_the_roll(group: Ok, run: Run, tmp_path: Path) -> None:
    group("member", "edit", "吴十", "--role", "列席")
    sheet = tmp_path / "s.xlsx"
    group("sheet", "1", "--out", str(sheet))
    marks: dict[str, tuple[str | None, str]] = {name: ("出席", "") for name in MEMBERS[:8]}
    marks["黄伟"] = ("请假", "请假：出差")
    marks["孙八"] = ("√", "")
    marks["吴十"] = (None, "")
    marked = _marked(sheet, marks)
    out = group("attend", "1", "--from-sheet", str(marked), "--dry-run")
    assert "未保存" in out or "nothing stored" in out
    assert roll(group, "1") == {}
    group("attend", "1", "--from-sheet", str(marked))
    lines = roll(group, "1")
    assert lines["黄伟"]["status"] == "leave" and lines["黄伟"]["reason"] == "出差"
    assert "吴十" not in lines and len(lines) == 8
    marks["周九"] = (None, "")
    result = run("attend", "1", "--from-sheet", str(_marked(sheet, marks)))
    assert result.exit_code == 1
    assert re.search(r"(row|第) ?\d+", result.stderr) and "周九" in result.stderr


# -- 7. errors that teach --


def test_errors_teach_the_right_form(group: Ok, run: Run) -> None:
    for typed in ("黄伟（病假）", "黄伟 病假"):
        result = run("attend", "1", "--leave", typed)
        assert result.exit_code == 1 and "黄伟：病假" in result.stderr, typed
    result = run("session", "edit", "1", "--discussion", "否")
    assert result.exit_code == 0 and "--no-discussion" in result.stderr
    session = json.loads(group("session", "show", "1", "--format", "json"))
    assert session["discussion"] is False
    group("plan", "add", "--year", "2026年", "--month", "7月", "--title", "计划")
    result = run("plan", "add", "--year", "2026", "--month", "8", "--title", "二",
                 "--speaker", "郑十一")  # fmt: skip
    assert "member add 郑十一 --joined" in result.stderr
    group("stats", "--year", "2026年")


def test_a_declined_undo_says_nothing_was_undone(group: Ok, run: Run) -> None:
    result = run("--lang", "zh", "undo", input="n\n")
    assert "未撤销任何操作" in result.stdout


# What a Chinese message may spell in Latin letters: options, placeholders, commands, a
# settings key (``[materials] max_size_mb``), a hyphenated value typed as is (``second-tuesday``).
COMMAND_WORDS = re.compile(
    r"--?[a-z][a-z-]*|\{[^}]*\}|studylog(?: [a-z]+)*|\[[a-z_.]+\](?: [a-z_]+)?|[a-z]+(?:-[a-z]+)+"
)
SUBCOMMANDS = {"add", "list", "edit", "delete", "show", "retire", "progress", "done", "restore",
               "path", "backup", "check", "session", "member", "grant", "note", "attach",
               "attachments", "detach", "extract", "brief", "schedule"}  # fmt: skip
FORMATS = {"zh", "en", "json", "csv", "xlsx", "docx", "txt", "md", "zip", "toml", "utf", "gb",
           "sqlite", "postgresql", "url", "id", "ok", "wal", "sql", "bom", "sha", "xls", "word",
           "markdown", "pg", "dump", "pdf"}  # fmt: skip
#: Names, not English words: a program, its web site, JSON's literals, keys, the commands
#: that show a computer's network address.
#: Option values typed as they are (``--by category``, ``--by month``).
VALUES = {"category", "month", "quarter"}
PRODUCTS = {"libreoffice", "org", "true", "false", "wi", "fi", "ctrl", "ip", "addr", "ipconfig"}


def test_no_english_words_in_chinese_messages() -> None:
    from studylog.cli import COMMANDS
    from studylog.text.catalog import MESSAGES

    allowed = {*COMMANDS, *SUBCOMMANDS, *FORMATS, *PRODUCTS, *VALUES}
    strays = {}
    for key, (_, zh) in MESSAGES.items():
        words = re.findall(r"[A-Za-z]{2,}", COMMAND_WORDS.sub("", zh))
        stray = [word for word in words if word.lower() not in allowed and not word.isupper()]
        if stray:
            strays[key] = (zh, stray)
    assert not strays


# -- a newcomer's half year, typed in Chinese and corrected with edit and amend alone --


def records_count(ok: Ok) -> dict[str, int]:
    """How many of each record the group holds."""
    sessions = json.loads(ok("session", "list", "--format", "json"))
    lines = sum(len(roll(ok, str(item["id"]))) for item in sessions)
    return {
        "sessions": len(sessions),
        "roll": lines,
        "makeups": len(json.loads(ok("makeup", "list", "--format", "json"))),
        "speeches": len(json.loads(ok("speech", "list", "--format", "json"))),
        "members": len(json.loads(ok("member", "list", "--all", "--format", "json"))),
    }


def changed(before: dict[str, object], after: dict[str, object]) -> set[str]:
    return {key for key in before if before[key] != after[key]}


def test_a_newcomers_half_year_is_corrected_without_losing_a_record(ok: Ok, run: Run) -> None:
    ok("--lang", "zh", "init", "--org", ORG)
    ok("member", "add", "张三", "--role", "组长", "--title", "党组书记、局长")
    for name in ["李四", "王五", "赵六", "黄玮", "钱七", "孙八", "周九"]:  # 黄玮: a typo of 黄伟
        ok("member", "add", name)
    ok("member", "add", "吴十", "--role", "列席")
    days = ["2026-01-14", "2026-02-11", "2026-03-13", "2026-04-15", "2026-05-13", "2026-06-10"]
    for number, day in enumerate(days, start=1):
        kind = "专题学习" if number % 3 == 0 else "集中学习"
        ok("session", "add", "--date", day, "--title", f"第{number}次学习", "--kind", kind,
           "--discussion", "是", "--host", "张三")  # fmt: skip
    # the repeated command: refused, nothing added
    assert run("session", "add", "--date", days[1], "--title", "第2次学习").exit_code == 1
    ok("attend", "1", "--leave", "黄玮：赴省厅参加审计业务培训")
    ok("attend", "2", "--late", "王五", "--absent", "孙八")
    ok("attend", "3", "--leave", "李四，钱七：外出开会")
    ok("attend", "4")
    ok("attend", "5", "--leave", "周九：病假")
    ok("attend", "6", "--late", "赵六")
    ok("makeup", "add", "1", "黄玮", "--date", "2026-01-20", "--method", "自学")
    ok("makeup", "add", "3", "李四", "--date", "2026-03-20")
    ok("speech", "add", "1", "张三", "--kind", "重点发言", "--title", "深入学习")
    ok("speech", "add", "4", "黄玮", "--kind", "重点发言")
    ok("speech", "add", "5", "李四", "--kind", "交流发言", "--title", "体会")

    def state() -> tuple[dict[str, object], dict[str, int]]:
        figures = stats(ok, "--year", "2026")
        return figures, records_count(ok)

    base, counts = state()
    assert counts == {"sessions": 6, "roll": 48, "makeups": 2, "speeches": 3, "members": 9}

    # 1. the name typed wrong: every record follows the member
    ok("member", "edit", "黄玮", "--name", "黄伟")
    figures, now = state()
    assert (figures, now) == (base, counts)
    assert roll(ok, "1")["黄伟"]["reason"] == "赴省厅参加审计业务培训"

    # 2. 王五 was not late at session 2 after all: one line changes, one figure moves
    ok("attend", "2", "--present", "王五")
    figures, now = state()
    assert changed(base, figures) == {"present", "late"} and now == counts
    assert roll(ok, "2")["孙八"]["status"] == "absent"
    base = figures

    # 3. a leave re-typed without its reason keeps the reason, and the make-up
    ok("attend", "1", "--leave", "黄伟:")
    assert roll(ok, "1")["黄伟"]["made_up"] == "2026-01-20"
    assert state() == (base, counts)

    # 4. session 3 was held on the 12th, not the 13th: no figure changes
    ok("session", "edit", "3", "--date", "2026-03-12")
    assert state() == (base, counts)

    # 5. a wrong joining date that would orphan records is refused: nothing lost
    assert run("member", "edit", "黄伟", "--joined", "2026-05-01").exit_code == 1
    assert state() == (base, counts)

    # 6. the speech at session 5 was a written one; the make-up's date and method were wrong
    speech = next(line for line in json.loads(ok("speech", "list", "--format", "json"))
                  if line["member"] == "李四")  # fmt: skip
    ok("speech", "edit", str(speech["id"]), "--kind", "书面发言")
    figures, now = state()
    assert changed(base, figures) == {"speeches"} and now == counts
    base = figures
    ok("makeup", "edit", "3", "李四", "--date", "2026-03-22", "--method", "笔记")
    assert state() == (base, counts)

    # 7. a 研讨 typed for session 6 that was not held: --discussion 否
    result = run("session", "edit", "6", "--discussion", "否")
    assert result.exit_code == 0
    figures, now = state()
    assert changed(base, figures) == {"discussions", "topic_discussions"} and now == counts

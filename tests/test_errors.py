"""Expected failures, through the CLI (design.md, "Errors").

Each one prints exactly one line ``Error: …`` (``错误：…`` in zh) on stderr and nothing on
stdout, exits 1 (2 for a usage mistake), shows no traceback, and leaves every file as it was:
the database, a foreign file given as ``--db``, and no database created where there was none.
On PostgreSQL, "as it was" is every row of every table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import Backend, Database, recording

ORG = "测试局党组理论学习中心组"
DAY = "2023-03-01"

Run = Callable[..., Result]
Ok = Callable[..., str]
Fails = Callable[..., str]


def files_in(folder: Path) -> dict[Path, bytes]:
    """Every file under ``folder`` with its bytes: the database and anything beside it."""
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def fails(run: Run, tmp_path: Path, database: Database) -> Fails:
    """Run studylog, insist that it failed cleanly and changed no file; return its error line."""

    def invoke(*args: str, code: int = 1, prefix: str = "Error: ") -> str:
        db_before = database.snapshot()
        files_before = files_in(tmp_path)
        result = run(*args)
        db_after = database.snapshot()
        assert db_after == db_before, f"{args} changed the database"
        assert files_in(tmp_path) == files_before, f"{args} changed or created a file"
        assert result.exit_code == code, (args, result.output)
        assert isinstance(result.exception, SystemExit), result.exception
        assert "Traceback" not in result.output
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        line = lines[0]
        assert line.startswith(prefix), line
        assert "unexpected failure" not in line and "意外错误" not in line, line
        return line

    return invoke


GROUP = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    ("member", "add", "李四"),
    ("session", "add", "--date", DAY, "--title", "学习", "--discussion"),
    ("attend", DAY, "--leave", "李四:出差"),
]
OUTSIDERS = [
    ("member", "add", "王五", "--joined", "2023-06-01"),
    ("member", "add", "赵六", "--role", "observer"),
    ("member", "add", "钱七"),
    ("member", "retire", "钱七", "--on", "2023-02-01"),
]


@pytest.fixture
def group(backend: Backend, database: Database) -> None:
    """张三 (leader) and 李四; session #1 on 2023-03-01, where 李四 was on leave."""
    database.load(backend.built_once("errors-group", recording(GROUP)))


# -- 0. text that is not text -----------------------------------------------------------

# 张三 typed in a GBK terminal, read by Python in a UTF-8 locale: half UTF-16 pairs.
GBK_BYTES = b"\xd5\xc5\xc8\xfd".decode("utf-8", "surrogateescape")


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("member", "add", GBK_BYTES), "the name"),
        (("session", "add", "--date", "2023-04-01", "--title", GBK_BYTES), "--title"),
        (("attend", DAY, "--leave", f"李四:{GBK_BYTES}"), "the reason"),
        (("--org", GBK_BYTES, "stats", "--year", "2023"), "--org"),
        (("--org", GBK_BYTES, "member", "add", "王五"), "--org"),
    ],
    ids=lambda value: " ".join(value[:2]) if isinstance(value, tuple) else value,
)
def test_text_that_is_not_utf8_is_refused(
    group: None, fails: Fails, args: tuple, what: str
) -> None:
    line = fails(*args)
    assert line == (
        f"Error: {what} is not valid text: it holds bytes that are not UTF-8 (is the terminal or"
        " the file in another encoding?)"
    )


def test_an_imported_cell_that_is_not_text_names_its_place(
    group: None, fails: Fails, tmp_path: Path
) -> None:
    path = tmp_path / "members.json"
    path.write_text('{"members": [{"name": "\\ud800张"}]}', encoding="utf-8")
    line = fails("import", str(path))
    assert line.startswith(f"Error: {path}, members item 1, key name: the name is not valid text")


# -- 1. impossible dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("session", "add", "--date", "2023-02-30", "--title", "x"),
        ("attend", "2023-02-30"),
        ("session", "show", "2023-02-30"),
        ("makeup", "add", DAY, "李四", "--date", "2023-02-30"),
        ("member", "add", "王五", "--joined", "2023-02-30"),
        ("member", "retire", "李四", "--on", "2023-02-30"),
        ("session", "list", "--from", "2023-02-30"),
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_impossible_date_is_refused_by_every_command(
    group: None, fails: Fails, args: tuple
) -> None:
    line = fails(*args, code=2)  # a value that cannot be read: a usage mistake
    assert "2023-02-30 is not a valid date" in line
    assert "2023-02 has 28 days" in line


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("2023年2月30日", "2023-02 has 28 days"),
        ("20230230", "2023-02 has 28 days"),
        ("2024-02-30", "2024-02 has 29 days"),
        ("2023-04-31", "2023-04 has 30 days"),
        ("2023-03-00", "2023-03 has 31 days"),
        ("2023-13-01", "there is no month 13"),
    ],
)
def test_impossible_date_spellings_say_what_is_wrong(
    group: None, fails: Fails, typed: str, why: str
) -> None:
    line = fails("session", "add", "--date", typed, "--title", "x", code=2)
    assert f"{typed} is not a valid date" in line
    assert why in line


@pytest.mark.parametrize(
    "args",
    [("session", "add", "--date", "0000-01-01", "--title", "x"), ("attend", "0000-01-01")],
    ids=["session add", "attend"],
)
def test_year_zero_is_an_invalid_date_not_a_crash(group: None, fails: Fails, args: tuple) -> None:
    assert "0000-01-01" in fails(*args, code=2)


@pytest.mark.parametrize("typed", ["twenty", "2023.5", "0x7E7", "1" * 5000])
def test_a_number_option_that_is_no_plain_number_is_a_usage_error(
    group: None, fails: Fails, typed: str
) -> None:
    """Typer converts the number and answers anything else with its usage message, never a
    crash."""
    line = fails("stats", "--year", typed, code=2)
    assert "Invalid value for '--year'" in line


# -- 2. unknown members -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("attend", DAY, "--leave", "张山"),
        ("attend", DAY, "--leave", "张山，李四：外出开会"),
        ("attend", DAY, "--absent", "张山"),
        ("attend", DAY, "--late", "李四,张山"),
        ("makeup", "add", DAY, "张山", "--date", "2023-03-05"),
        ("speech", "add", DAY, "张山", "--kind", "key"),
        ("member", "retire", "张山", "--on", "2023-06-30"),
        ("member", "edit", "张山", "--title", "局长"),
        ("session", "add", "--date", "2023-04-01", "--title", "x", "--host", "张山"),
    ],
    ids=lambda args: " ".join(args[:3]),
)
def test_unknown_member_is_refused_with_close_names(group: None, fails: Fails, args: tuple) -> None:
    line = fails(*args)
    assert f"no member named '张山' in {ORG}" in line
    assert "did you mean 张三?" in line


def test_unknown_member_with_no_close_name_suggests_nothing(group: None, fails: Fails) -> None:
    line = fails("attend", DAY, "--absent", "王五")
    assert line == f"Error: no member named '王五' in {ORG}"


# -- 3. unknown and ambiguous session refs ------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("99", "no session 99"),
        ("#99", "no session #99"),
        ("2023-03-02", "no session was held on 2023-03-02"),
        ("2023年3月2日", "no session was held on 2023-03-02"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [("attend",), ("session", "show"), ("makeup", "add"), ("speech", "add")],
    ids=" ".join,
)
def test_unknown_session_ref_is_refused(
    group: None, fails: Fails, command: tuple, ref: str, message: str
) -> None:
    rest = {
        "makeup": ("李四", "--date", "2023-03-05"),
        "speech": ("张三", "--kind", "key"),
    }.get(command[0], ())
    assert fails(*command, ref, *rest).endswith(message)


@pytest.mark.parametrize(
    "args",
    [
        ("attend", DAY),
        ("session", "show", DAY),
        ("session", "delete", DAY, "--yes"),
        ("makeup", "add", DAY, "李四", "--date", "2023-03-05"),
        ("speech", "add", DAY, "张三", "--kind", "key"),
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_date_of_two_sessions_is_ambiguous_and_lists_both_ids(
    group: None, ok: Ok, fails: Fails, args: tuple
) -> None:
    ok("session", "add", "--date", DAY, "--title", "专题学习", "--kind", "topic")
    line = fails(*args)
    assert f"several sessions were held on {DAY} (#1, #2)" in line
    assert "give the id instead" in line


# -- 4. make-up for someone who was there -------------------------------------------------


@pytest.mark.parametrize(("roll", "status"), [((), "present"), (("--late", "张三"), "late")])
def test_makeup_for_someone_who_attended_is_refused(
    group: None, ok: Ok, fails: Fails, roll: tuple, status: str
) -> None:
    ok("attend", DAY, "--leave", "李四:出差", *roll)
    line = fails("makeup", "add", DAY, "张三", "--date", "2023-03-05")
    assert f"张三 was {status} at the session of {DAY}" in line
    assert "only for a leave or absence" in line


# -- 5. members not expected that day -----------------------------------------------------


@pytest.fixture
def outsiders(backend: Backend, database: Database) -> None:
    """The group, plus 王五 who joins after 2023-03-01, 赵六 an observer, 钱七 who left before."""
    database.load(backend.built_once("errors-outsiders", recording([*GROUP, *OUTSIDERS])))


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("王五", "joined the group on 2023-06-01"),
        ("赵六", "an observer (列席) is not on the roll"),
        ("钱七", "left the group on 2023-02-01"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        ("attend", DAY, "--absent"),
        ("attend", DAY, "--leave"),
        ("attend", DAY, "--present"),
        ("makeup", "add", DAY),
    ],
    ids=lambda command: " ".join(command[::2]),
)
def test_member_not_expected_that_day_is_refused(
    outsiders: None, fails: Fails, command: tuple, name: str, why: str
) -> None:
    rest = ("--date", "2023-03-05") if command[0] == "makeup" else ()
    line = fails(*command, name, *rest)
    assert line == f"Error: {name} is not expected on {DAY}: {why}"


def test_makeup_for_member_retired_before_the_session_is_refused(
    group: None, ok: Ok, fails: Fails
) -> None:
    ok("member", "retire", "李四", "--on", "2023-02-28", "--yes")  # takes 李四 off #1's roll
    line = fails("makeup", "add", DAY, "李四", "--date", "2023-03-05")
    assert line == f"Error: 李四 is not expected on {DAY}: left the group on 2023-02-28"


@pytest.mark.parametrize("change", [("--role", "observer"), ("--joined", "2023-06-01")])
def test_makeup_for_member_no_longer_expected_after_edit_is_refused(
    group: None, ok: Ok, fails: Fails, change: tuple
) -> None:
    ok("member", "edit", "李四", *change, *(["--yes"] if change[0] == "--joined" else []))
    line = fails("makeup", "add", DAY, "李四", "--date", "2023-03-05")
    assert f"李四 is not expected on {DAY}" in line


# -- 6. duplicate member names ------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("member", "add", "张三"),
        ("member", "add", " 张三 "),
        ("member", "edit", "李四", "--name", "张三"),
    ],
    ids=["add", "add with blanks", "rename"],
)
def test_duplicate_member_name_in_one_org_is_refused(
    group: None, fails: Fails, args: tuple
) -> None:
    assert fails(*args) == f"Error: {ORG} already has a member named '张三'"


def test_same_name_is_fine_in_another_org_but_not_twice_there(ok: Ok, fails: Fails) -> None:
    ok("init", "--org", ORG)
    ok("init", "--org", "另一中心组")
    ok("--org", ORG, "member", "add", "张三")
    ok("--org", "另一中心组", "member", "add", "张三")
    line = fails("--org", "另一中心组", "member", "add", "张三")
    assert line == "Error: 另一中心组 already has a member named '张三'"


# -- 7. a --db file that is not a studylog database ---------------------------------------


def text_file(path: Path) -> None:
    path.write_text("姓名,职务\n张三,局长\n", encoding="utf-8")


def binary_file(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 16)


def sqlite_file_with_header_only(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 4)


@pytest.mark.sqlite_only(reason="a foreign file given as --db")
@pytest.mark.parametrize("make", [text_file, binary_file, sqlite_file_with_header_only])
@pytest.mark.parametrize(
    "args", [("member", "list"), ("init",), ("attend", DAY)], ids=lambda args: args[0]
)
def test_file_that_is_not_sqlite_is_refused_and_untouched(
    fails: Fails, tmp_path: Path, make: Callable[[Path], None], args: tuple
) -> None:
    foreign = tmp_path / "records.db"
    make(foreign)
    line = fails("--db", str(foreign), *args)
    assert "records.db is not a studylog database (not a SQLite file)" in line


@pytest.mark.sqlite_only(reason="a SQLite file of another program given as --db")
@pytest.mark.parametrize(
    "args", [("member", "list"), ("init",), ("attend", DAY)], ids=lambda args: args[0]
)
def test_sqlite_file_of_another_program_is_refused_and_untouched(
    fails: Fails, tmp_path: Path, args: tuple
) -> None:
    foreign = tmp_path / "other.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('张三', '123')")
    connection.close()
    line = fails("--db", str(foreign), *args)
    assert "other.sqlite is not a studylog database (it holds other tables)" in line


# -- the rest: usage mistakes, no database yet, --lang, zh, whole transactions ------------


def test_stats_without_a_whole_period_says_what_it_needs(group: None, fails: Fails) -> None:
    assert fails("stats", "--from", "2023-01-01") == "Error: a period needs both --from and --to"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("member", "retire", "张三"), "Missing option '--on'"),
        (("attend", DAY, "--bogus"), "No such option: --bogus"),
        (("session", "add", "--date"), "Option '--date' requires an argument"),
    ],
)
def test_usage_mistake_is_one_line_with_exit_code_2(
    group: None, fails: Fails, args: tuple, message: str
) -> None:
    assert message in fails(*args, code=2)


@pytest.mark.parametrize(
    "args",
    [
        ("member", "list"),
        ("member", "add", "张三"),
        ("session", "add", "--date", DAY, "--title", "学习"),
        ("attend", DAY),
        ("stats", "--year", "2023"),
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_command_before_init_creates_no_database(
    fails: Fails, database: Database, args: tuple
) -> None:
    line = fails(*args)
    assert f"no studylog database at {database.shown}" in line
    assert "studylog init" in line
    assert not database.exists()


@pytest.mark.sqlite_only(reason="a SQLite file in a missing folder given as --db")
def test_missing_database_in_missing_folder_creates_neither(fails: Fails, tmp_path: Path) -> None:
    target = tmp_path / "archive" / "2023.db"
    assert "no studylog database at" in fails("--db", str(target), "member", "list")
    assert not target.parent.exists()


@pytest.mark.parametrize("where", ["before", "after"])
def test_unknown_language_is_refused(group: None, fails: Fails, where: str) -> None:
    args = ("--lang", "xx", "member", "list")
    line = fails(*(args if where == "before" else args[2:] + args[:2]), code=2)
    assert line == "Error: 'xx' is not a valid --lang; choose zh | en"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("session", "add", "--date", "2023-02-30", "--title", "x"), ["2023年2月只有 28 天"]),
        (("attend", DAY, "--leave", "张山"), ["没有名为“张山”的成员", "您要找的是不是：张三"]),
        (("attend", "2023-03-02"), ["2023-03-02 没有学习记录"]),
        (("makeup", "add", DAY, "张三", "--date", "2023-03-05"), ["张三", "“出席”"]),
        (("member", "add", "张三"), [f"{ORG} 已有名为“张三”的成员"]),
    ],
    ids=["date", "member", "session", "makeup", "duplicate"],
)
def test_errors_in_chinese(group: None, fails: Fails, args: tuple, words: list[str]) -> None:
    code = 2 if args[-1] == "x" else 1  # an impossible date cannot be read: exit status 2
    line = fails("--lang", "zh", *args, prefix="错误：", code=code)
    for word in words:
        assert word in line


def test_chinese_locale_gives_chinese_errors(
    group: None, fails: Fails, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert fails("attend", "2023-03-02", prefix="错误：") == "错误：2023-03-02 没有学习记录"


def test_refused_roll_writes_none_of_its_lines(group: None, ok: Ok, fails: Fails) -> None:
    """张三's line is changed before 李四's make-up stops the roll: neither change lands."""
    ok("makeup", "add", DAY, "李四", "--date", "2023-03-05")
    line = fails("attend", DAY, "--replace", "--absent", "张三")
    assert line == (
        "Error: this would change the roll of session #1: 李四 on leave → present (drops the "
        "leave reason '出差', deletes the make-up of 2023-03-05); add --yes to do it"
    )


def test_naming_a_made_up_member_present_says_which_status(
    group: None, ok: Ok, fails: Fails
) -> None:
    ok("makeup", "add", DAY, "李四", "--date", "2023-03-05")
    line = fails("attend", DAY, "--late", "李四")
    assert "李四 on leave → late" in line and "deletes the make-up of 2023-03-05" in line
    assert line.endswith("add --yes to do it")


def test_roll_with_a_made_up_member_no_longer_expected_names_no_none(ok: Ok, fails: Fails) -> None:
    ok("init", "--org", ORG)
    ok("member", "add", "王五", "--joined", DAY)
    ok("session", "add", "--date", DAY, "--title", "学习")
    ok("attend", DAY, "--leave", "王五")
    ok("makeup", "add", DAY, "王五", "--date", "2023-03-05")
    ok("session", "edit", "1", "--date", "2023-02-28")  # 王五 had not joined yet
    line = fails("attend", "1", "--replace")  # the roll started over drops 王五's line
    assert "王五" in line and "--yes" in line
    assert "None" not in line

"""Every refusal of a domain rule, through the CLI and (where it applies) through ``import``.

Each refusal prints one ``Error: …`` line, exits 1 and leaves the database exactly as it was.
The import cases write a small CSV folder or JSON file in ``tmp_path``; the first bad row
stops the import, so nothing of the file is written either.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import inspect
import json
import pkgutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import time_machine
from sqlalchemy import select, update

from tests.conftest import Backend, Database, Run, recording

Ok = Callable[..., str]
Fails = Callable[..., str]

ORG = "拒绝局党组理论学习中心组"
DAY = "2024-03-12"

GROUP: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    ("member", "add", "李四"),
    ("member", "add", "王五", "--joined", "2024-01-01"),
    ("session", "add", "--date", DAY, "--title", "集中学习", "--discussion"),
    ("attend", DAY, "--leave", "李四：出差", "--absent", "王五"),
    ("speech", "add", DAY, "张三", "--kind", "key"),
]

# A day the tests stand on, so "in the future" never depends on when they run.
TODAY = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def group(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("refusals", recording(GROUP)))
    return database


@pytest.fixture
def fails(run: Run, database: Database) -> Fails:
    """Run studylog, insist it failed with one error line and left the database as it was."""

    def invoke(*args: str, code: int = 1) -> str:
        before = database.snapshot()
        result = run(*args)
        assert result.exit_code == code, (args, result.output)
        assert isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.stdout == ""
        assert database.snapshot() == before, f"{args} changed the database"
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        assert "unexpected failure" not in lines[0]
        return lines[0]

    return invoke


def write_csv(folder: Path, name: str, header: Sequence[str], *rows: Sequence[Any]) -> None:
    folder.mkdir(exist_ok=True)
    with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


# -- the roll --------------------------------------------------------------------------------


def test_a_name_twice_on_one_roll_is_refused(group: Database, fails: Fails) -> None:
    assert fails("attend", DAY, "--late", "张三", "--absent", "张三") == (
        "Error: 张三 is named twice on the roll"
    )
    assert fails("attend", DAY, "--leave", "张三", "--leave", "张三:病假").endswith(
        "twice on the roll"
    )
    assert fails("attend", DAY, "--present", "张三,张三").endswith("twice on the roll")


def test_a_name_twice_on_one_roll_is_refused_through_import(
    group: Database, fails: Fails, ok: Ok, tmp_path: Path
) -> None:
    folder = tmp_path / "roll"
    write_csv(folder, "sessions", ["id", "date", "title"], [1, "2024-04-02", "四月学习"])
    write_csv(
        folder,
        "attendance",
        ["学习编号", "姓名", "出勤情况"],
        [1, "张三", "出席"],
        [1, "李四", "出席"],
        [1, "张三", "缺席"],
    )
    line = fails("import", str(folder))
    assert "row 4" in line and "张三 is already on the roll of 2024-04-02" in line


# -- make-ups --------------------------------------------------------------------------------


def test_a_makeup_before_its_session_is_refused(group: Database, fails: Fails, ok: Ok) -> None:
    assert fails("makeup", "add", DAY, "李四", "--date", "2024-03-11") == (
        "Error: the make-up date 2024-03-11 is before the session (2024-03-12)"
    )
    ok("makeup", "add", DAY, "李四", "--date", DAY)  # the session day itself is fine


@time_machine.travel(TODAY, tick=False)
def test_a_makeup_in_the_future_is_refused(group: Database, fails: Fails, ok: Ok) -> None:
    assert fails("makeup", "add", DAY, "李四", "--date", "2024-06-02") == (
        "Error: the make-up date 2024-06-02 is in the future"
    )
    ok("makeup", "add", DAY, "李四", "--date", "2024-06-01")  # today is fine


def test_a_makeup_recorded_twice_is_refused(group: Database, fails: Fails, ok: Ok) -> None:
    ok("makeup", "add", DAY, "李四", "--date", "2024-03-20")
    assert fails("makeup", "add", DAY, "李四", "--date", "2024-03-21") == (
        "Error: 李四 already made up the session of 2024-03-12"
    )


def test_a_makeup_for_someone_present_is_refused(group: Database, fails: Fails) -> None:
    line = fails("makeup", "add", DAY, "张三", "--date", "2024-03-20")
    assert "a make-up is only for a leave or absence" in line


def makeups_file(tmp_path: Path, *rows: Sequence[Any]) -> Path:
    folder = tmp_path / "makeups"
    write_csv(folder, "makeups", ["学习编号", "学习日期", "姓名", "补学日期"], *rows)
    return folder


def test_a_makeup_before_its_session_is_refused_through_import(
    group: Database, fails: Fails, ok: Ok, tmp_path: Path
) -> None:
    line = fails("import", str(makeups_file(tmp_path, ["", DAY, "李四", "2024-03-11"])))
    assert "row 2" in line
    assert line.endswith("the make-up date 2024-03-11 is before the session (2024-03-12)")
    ok("import", str(makeups_file(tmp_path, ["", DAY, "李四", DAY])))


@time_machine.travel(TODAY, tick=False)
def test_a_makeup_in_the_future_is_refused_through_import(
    group: Database, fails: Fails, ok: Ok, tmp_path: Path
) -> None:
    line = fails("import", str(makeups_file(tmp_path, ["", DAY, "李四", "2024-06-02"])))
    assert line.endswith("the make-up date 2024-06-02 is in the future")
    ok("import", str(makeups_file(tmp_path, ["", DAY, "李四", "2024-06-01"])))


def test_a_makeup_twice_is_refused_through_import(
    group: Database, fails: Fails, ok: Ok, tmp_path: Path
) -> None:
    twice = makeups_file(tmp_path, ["", DAY, "王五", "2024-03-20"], ["", DAY, "王五", "2024-03-21"])
    line = fails("import", str(twice))
    assert "row 3" in line and line.endswith("王五 already made up the session of 2024-03-12")
    ok("makeup", "add", DAY, "李四", "--date", "2024-03-20")
    line = fails("import", str(makeups_file(tmp_path, ["", DAY, "李四", "2024-03-22"])))
    assert line.endswith("李四 already made up the session of 2024-03-12")


# -- joining and leaving ---------------------------------------------------------------------


def test_joined_after_retired_is_refused(group: Database, fails: Fails, ok: Ok) -> None:
    ok("member", "retire", "王五", "--on", "2024-06-30")
    assert fails("member", "edit", "王五", "--joined", "2024-07-01") == (
        "Error: 王五 left the group on 2024-06-30; the joining date must be before that"
    )
    # the same day is fine (--yes: the roll line of March falls outside the new time)
    ok("member", "edit", "王五", "--joined", "2024-06-30", "--yes")


def test_retired_twice_is_refused(group: Database, fails: Fails, ok: Ok) -> None:
    ok("member", "retire", "王五", "--on", "2024-06-30")
    assert fails("member", "retire", "王五", "--on", "2024-07-30") == (
        "Error: 王五 already left the group on 2024-06-30"
    )


def test_retired_before_joined_is_refused(group: Database, fails: Fails, ok: Ok) -> None:
    assert fails("member", "retire", "王五", "--on", "2023-12-31") == (
        "Error: 王五 joined on 2024-01-01; they cannot leave before that"
    )
    # the joining day is fine (--yes: the roll line of March falls outside the new time)
    ok("member", "retire", "王五", "--on", "2024-01-01", "--yes")


def test_retired_before_joined_is_refused_through_import(
    group: Database, fails: Fails, ok: Ok, tmp_path: Path
) -> None:
    folder = tmp_path / "roster"
    write_csv(
        folder,
        "members",
        ["姓名", "加入日期", "离开日期"],
        ["赵六", "2024-01-01", "2024-06-30"],
        ["钱七", "2024-05-01", "2024-04-30"],
    )
    line = fails("import", str(folder))
    assert "row 3" in line and line.endswith(
        "钱七 joined on 2024-05-01; they cannot leave before that"
    )
    same_day = tmp_path / "same-day"
    write_csv(
        same_day, "members", ["姓名", "加入日期", "离开日期"], ["钱七", "2024-05-01", "2024-05-01"]
    )
    ok("import", str(same_day))


# -- speeches --------------------------------------------------------------------------------


def test_a_duplicate_speech_is_refused(group: Database, fails: Fails, ok: Ok) -> None:
    assert fails("speech", "add", DAY, "张三", "--kind", "重点发言") == (
        "Error: 张三 already has a key speech at the session of 2024-03-12"
    )
    ok("speech", "add", DAY, "张三", "--kind", "written")  # another kind is another speech


def test_a_duplicate_speech_is_refused_through_import(
    group: Database, fails: Fails, tmp_path: Path
) -> None:
    folder = tmp_path / "speeches"
    write_csv(folder, "speeches", ["学习日期", "姓名", "发言类型"], [DAY, "张三", "key"])
    assert fails("import", str(folder)).endswith(
        "张三 already has a key speech at the session of 2024-03-12"
    )
    twice = tmp_path / "twice"
    write_csv(twice, "speeches", ["学习日期", "姓名", "发言类型"], [DAY, "李四", "written"],
              [DAY, "李四", "书面发言"])  # fmt: skip
    line = fails("import", str(twice))
    assert "row 3" in line and "李四 already has a written speech" in line


def test_deleting_a_speech_that_does_not_exist_is_refused(
    group: Database, fails: Fails, ok: Ok
) -> None:
    assert fails("speech", "delete", DAY, "李四", "--kind", "key") == (
        "Error: 李四 has no key speech at the session of 2024-03-12"
    )
    assert fails("speech", "delete", DAY, "张三", "--kind", "written").endswith(
        "张三 has no written speech at the session of 2024-03-12"
    )
    ok("speech", "delete", DAY, "张三", "--kind", "key")
    assert "has no key speech" in fails("speech", "delete", DAY, "张三", "--kind", "key")


# -- the import's own checks -----------------------------------------------------------------


def test_the_same_session_id_twice_in_one_file_is_refused(
    group: Database, fails: Fails, tmp_path: Path
) -> None:
    folder = tmp_path / "sessions"
    write_csv(folder, "sessions", ["id", "date", "title"], [7, "2024-04-02", "四月学习"],
              [7, "2024-05-02", "五月学习"])  # fmt: skip
    line = fails("import", str(folder))
    assert "row 3" in line and line.endswith("session #7 is given twice")


def test_the_same_session_id_twice_in_a_json_file_is_refused(
    group: Database, fails: Fails, tmp_path: Path
) -> None:
    path = tmp_path / "year.json"
    sessions = [
        {"id": 3, "date": "2024-04-02", "title": "四月学习"},
        {"id": 3, "date": "2024-05-02", "title": "五月学习"},
    ]
    path.write_text(json.dumps({"sessions": sessions}, ensure_ascii=False), encoding="utf-8")
    assert fails("import", str(path)).endswith("session #3 is given twice")


# -- the formula guard, the survivor with a leading quote ------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_a_title_starting_with_a_quote_comes_back_whole(
    group: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database], fmt: str
) -> None:
    titles = ["'23版学习", "''两个引号", "=SUM(A1)", "'=不是公式", "-负号开头", "@提及"]
    for number, title in enumerate(titles, start=1):
        ok("session", "add", "--date", f"2024-07-{number:02d}", "--title", title)
    out = tmp_path / f"year.{fmt}" if fmt != "csv" else tmp_path / "year-csv"
    ok("export", "--year", "2024", "--out", str(out), "--format", fmt)
    other = new_database("other")
    ok("--db", other.url, "import", str(out))
    listed = json.loads(ok("--db", other.url, "session", "list", "--format", "json"))
    assert sorted(row["title"] for row in listed) == sorted([*titles, "集中学习"])


# -- the audit chain: prev_hash is part of what is hashed ------------------------------------


def _chain_digest() -> Callable[..., str]:
    """The function the audit chain hashes an entry with (wherever the module keeps it)."""
    import studylog.store as store

    modules: list[Any] = [
        importlib.import_module(f"{store.__name__}.{info.name}")
        for info in pkgutil.iter_modules(store.__path__)
        if info.name in ("audit", "chain")
    ]
    for module in modules:
        if callable(getattr(module, "_digest", None)):
            return module._digest  # type: ignore[no-any-return]
    raise AssertionError("the audit chain's digest function moved: update this test")


def test_an_entry_edited_rehashed_and_relinked_is_caught(group: Database, run: Run, ok: Ok) -> None:
    """Entry 2 is edited and re-hashed exactly as studylog hashes, and entry 3 is pointed at
    its new hash: only because entry 3's own hash covers prev_hash does the chain break."""
    from studylog.store.tables import audit_log

    assert run("log", "--verify").exit_code == 0
    digest = _chain_digest()
    wanted = set(inspect.signature(digest).parameters)
    with group.connect() as connection:
        rows = {row.seq: row._asdict() for row in connection.execute(select(audit_log))}
        assert len(rows) >= 3
        forged = {key: value for key, value in rows[2].items() if key in wanted}
        forged["command"] = "studylog member add 伪造"
        new_hash = digest(**forged)
        connection.execute(
            update(audit_log)
            .where(audit_log.c.seq == 2)
            .values(command=forged["command"], hash=new_hash)
        )
        connection.execute(update(audit_log).where(audit_log.c.seq == 3).values(prev_hash=new_hash))
    result = run("log", "--verify")
    assert result.exit_code == 3, result.output
    assert "Audit log intact" not in result.output


@pytest.mark.parametrize(
    ("tamper", "why"),
    [
        ("UPDATE audit_log SET prev_hash = '{zeros}' WHERE seq = 3", "does not follow from"),
        ("DELETE FROM audit_log WHERE seq = 2", "an entry is missing"),
    ],
)
def test_a_broken_link_or_a_missing_entry_names_the_entry(
    group: Database, run: Run, tamper: str, why: str
) -> None:
    from sqlalchemy import text

    with group.connect() as connection:
        connection.execute(text(tamper.format(zeros="0" * 64)))
    result = run("log", "--verify")
    assert result.exit_code == 3, result.output
    assert result.stderr.strip() == (
        f"Error: the audit log of {ORG} does not hold at entry #{3 if 'follow' in why else 2}: "
        + ("it does not follow from the entry before it" if "follow" in why else why)
    )

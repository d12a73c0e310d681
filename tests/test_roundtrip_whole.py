"""A whole year out and back in: export to xlsx, CSV and JSON, import into a fresh database,
and the year reads the same — the figures, the plan with its schedule and execution, the
ledger with its categories, follow-up notes and closing, the people beyond the roll, the
outputs, self-study and other meetings' first agenda items.

Two years are taken out and back: the demo year (``studylog demo``'s records) and a small
year recorded by hand here, which has what the demo lacks (planned speakers, a multi-line
follow-up note, a closing note, a group's own ledger category, an output linked to its
session, two visitors from one body, names of the extended group). A bad row of each new table
is refused with one ``Error:`` line naming it, the database unchanged; an undone import takes
its plan, ledger and beyond-the-roll rows out with the rest.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import Backend, Database, Run, Template

Ok = Callable[..., str]
AS_OF = "2024-01-10"
DEMO_ORG = "示例局党组理论学习中心组"
HAND_ORG = "手工记录中心组"
FORMATS = ("xlsx", "csv", "json")
#: Tables the import adds to beyond the roll call, and the plan and ledger's own.
NEW_TABLES = (
    "session_extended",
    "session_observers",
    "session_visitors",
    "plan_items",
    "plan_speakers",
    "rectifications",
    "rectify_progress",
)
SETTINGS = '[ledger]\ncategories = [{ value = "ideology", zh = "意识形态工作", en = "ideology" }]\n'


# -- the years --------------------------------------------------------------------------------


def _demo_year(ok: Ok) -> None:
    """The demo year, written into the test's database (on PostgreSQL too)."""
    from studylog.records.demo import load_demo_year
    from studylog.store.db import open_engine, resolve_url, transaction

    engine = open_engine(resolve_url(None), create=True)
    try:
        with transaction(engine) as session:
            load_demo_year(session=session)
    finally:
        engine.dispose()


def _settings(ok: Ok) -> None:
    """The group's own ledger category, in the settings file every test here shares."""
    path = Path(ok("config", "path").strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SETTINGS, encoding="utf-8")


def _hand_year(ok: Ok) -> None:
    """A small year with every new record, entered command by command."""
    _settings(ok)
    ok("init", "--org", HAND_ORG)
    ok("member", "add", "甲", "--role", "leader")
    ok("member", "add", "乙")
    ok("member", "add", "丙", "--role", "observer")
    ok("member", "add", "丁", "--joined", "2023-04-01")
    ok("plan", "add", "-y", "2023", "-m", "3", "-t", "学习一", "--discussion", "--speaker", "乙,甲")
    ok("plan", "add", "-y", "2023", "-m", "5", "-t", "学习二", "--kind", "topic")
    ok("plan", "add", "-y", "2023", "-m", "11", "-t", "学习三")
    ok("plan", "schedule", "--year", "2023", "--rule", "second-tuesday", "--time", "09:30",
       "--place", "三楼会议室", "--host", "甲", "--item", "1", "--item", "2")  # fmt: skip
    ok("session", "add", "--date", "2023-03-14", "--title", "学习一", "--plan", "1",
       "--host", "甲", "--discussion", "--form", "专家辅导", "--form", "film", "--films", "2",
       "--documents", "3", "--hours", "2.5")  # fmt: skip
    ok("attend", "2023-03-14", "--extended", "局中层党员干部:12:张三、李四",
       "--extended", "离退休干部:3", "--observed", "丙", "--visitor", "市委巡听组:王五,赵六",
       "--yes")  # fmt: skip
    ok("session", "add", "--date", "2023-05-16", "--title", "学习二", "--kind", "topic",
       "--plan", "2", "--form", "research", "--hours", "3")  # fmt: skip
    ok("attend", "2023-05-16", "--leave", "丁:出差", "--visitor", "省委巡回指导组:钱七", "--yes")
    ok("session", "add", "--date", "2023-06-20", "--title", "未列入计划的学习")
    ok("rectify", "add", "--problem", "学习不够系统", "--measure", "制定自学计划",
       "--dept", "办公室", "--lead", "机关党委", "--due", "2023-12-31",
       "--category", "理论学习", "--session", "2023-03-14")  # fmt: skip
    ok("rectify", "progress", "1", "--note", "已制定方案\n并报党组审定", "--on", "2023-04-01")
    ok("rectify", "progress", "1", "--note", "已落实", "--on", "2023-05-02")
    ok("rectify", "done", "1", "--on", "2023-06-01", "--note", "已整改到位")
    ok("rectify", "add", "--problem", "意识形态工作责任制落实不够",
       "--measure", "每半年专题研究一次", "--dept", "办公室", "--lead", "宣传科",
       "--due", "2024-06-30", "--category", "意识形态工作", "--found", "2023-06-20")  # fmt: skip
    ok("output", "add", "乙", "--kind", "article", "--date", "2023-04-01", "--title", "学思践悟",
       "--venue", "某市日报", "--level", "市", "--session", "2023-03-14")  # fmt: skip
    ok("selfstudy", "add", "乙", "--date", "2023-04-02", "--hours", "1.5", "--title", "读原著")
    ok("agenda", "add", "--meeting", "党组会", "--date", "2023-03-20", "--title", "两会精神",
       "--source-date", "2023-03-13")  # fmt: skip


YEARS: dict[str, tuple[Callable[[Ok], None], str, tuple[str, ...]]] = {
    # name → (how it is recorded, its group, the sessions to show: beyond the roll and not)
    "demo": (_demo_year, DEMO_ORG, ("2023-03-14", "2023-04-20", "2023-09-14", "2023-12-14")),
    "hand": (_hand_year, HAND_ORG, ("2023-03-14", "2023-05-16", "2023-06-20")),
}


def _differences(before: Any, after: Any, path: str = "") -> list[str]:
    """Where two states differ, as paths (``sessions[1].approver``), with both values."""
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            found
            for key in sorted(set(before) | set(after), key=str)
            for found in _differences(before.get(key), after.get(key), f"{path}.{key}")
        ]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [
            found
            for index, (one, other) in enumerate(zip(before, after, strict=True))
            for found in _differences(one, other, f"{path}[{index}]")
        ]
    return [] if before == after else [f"{path}: {before!r} → {after!r}"]


def _without_ids(rows: Any) -> Any:
    """List rows without their own ids: an import numbers its rows in the file's order."""
    return [{key: value for key, value in row.items() if key != "id"} for row in rows]


def _as_json(ok: Ok, *args: str) -> Any:
    return json.loads(ok(*args, "--format", "json"))


def year_state(ok: Ok, sessions: tuple[str, ...], *, files: bool = True) -> dict[str, Any]:
    """The year as a secretary reads it: the figures, and the records listed and shown.
    ``files``: with the sessions' minutes, outlines and materials (JSON carries them)."""
    stats = _as_json(ok, "stats", "--year", "2023")
    stats.pop("log_head", None)  # two databases holding the same records have different logs
    by_member = _as_json(ok, "stats", "--year", "2023", "--by", "member")
    by_member.pop("log_head", None)
    shown = []
    for day in sessions:
        record = _as_json(ok, "session", "show", day)
        if not files:
            for key in ("minutes", "outline", "materials"):
                record.pop(key, None)
        shown.append(record)
    ledger = _as_json(ok, "rectify", "list", "--year", "2023", "--as-of", AS_OF)
    return {
        "stats": stats,
        "by_member": by_member,
        "plan": _as_json(ok, "plan", "list", "--year", "2023"),
        "plan_show": _as_json(ok, "plan", "show", "--year", "2023", "--as-of", AS_OF),
        "ledger": ledger,
        "ledger_by_category": _as_json(
            ok, "rectify", "list", "--year", "2023", "--as-of", AS_OF, "--by", "category"
        ),
        "entries": [
            _as_json(ok, "rectify", "show", str(row["id"]), "--as-of", AS_OF) for row in ledger
        ],
        "sessions": shown,
        "outputs": _without_ids(_as_json(ok, "output", "list", "--year", "2023")),
        "self_study": _without_ids(_as_json(ok, "selfstudy", "list", "--year", "2023")),
        "agenda": _without_ids(_as_json(ok, "agenda", "list", "--year", "2023")),
    }


# -- fixtures ---------------------------------------------------------------------------------


def _template(backend: Backend, name: str) -> Template:
    return backend.built_once(f"roundtrip-{name}", YEARS[name][0])


@pytest.fixture
def switch_to(
    new_database: Callable[[str], Database], monkeypatch: pytest.MonkeyPatch
) -> Callable[[], Database]:
    """Point later commands at a fresh database (not there yet: the import makes it)."""

    def switch() -> Database:
        other = new_database("target")
        monkeypatch.setenv("STUDYLOG_DB", other.url)
        other.reset()
        return other

    return switch


def _export(ok: Ok, fmt: str, folder: Path, *args: str) -> Path:
    out = folder / ("csv" if fmt == "csv" else f"year.{fmt}")
    ok(*args, "export", "--year", "2023", "--format", fmt, "--out", str(out))
    return out


# -- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("year", sorted(YEARS))
def test_the_whole_year_reads_the_same_after_export_and_import(
    backend: Backend,
    database: Database,
    ok: Ok,
    tmp_path: Path,
    switch_to: Callable[[], Database],
    year: str,
    fmt: str,
) -> None:
    _record, org, sessions = YEARS[year]
    database.load(_template(backend, year))
    _settings(ok)
    files = fmt == "json"  # minutes, outlines and materials travel in JSON only
    before = year_state(ok, sessions, files=files)
    lang = ("--lang", "zh") if fmt != "csv" else ()  # labels in either language read back
    out = _export(ok, fmt, tmp_path, *lang)
    switch_to()
    imported = ok("import", str(out))
    assert f"Created study group {org}" in imported
    after = year_state(ok, sessions, files=files)
    assert _differences(before, after) == []
    assert "Records match the log" in ok("log", "--verify")


def test_the_demo_years_new_records_are_all_there(
    backend: Backend, database: Database, ok: Ok, tmp_path: Path, switch_to: Callable[[], Database]
) -> None:
    """Hand-counted: what the demo year holds beyond the roll call, after a CSV round trip."""
    database.load(_template(backend, "demo"))
    out = _export(ok, "csv", tmp_path)
    switch_to()
    output = ok("import", str(out))
    assert "12 plan items, 4 ledger entries" in output
    assert "1 extended group, 1 observer present, 1 visitor" in output
    stats = _as_json(ok, "stats", "--year", "2023")
    assert (stats["films"], stats["documents"], stats["study_hours"]) == (3, 70, 36.5)
    assert stats["forms"]["guided-reading"] == 3 and stats["forms"]["film"] == 2
    assert (stats["extended_sessions"], stats["extended_attendance"]) == (1, 15)
    assert (stats["observer_attendance"], stats["visits"]) == (1, 1)
    assert (stats["on_plan_date"], stats["plan_scheduled_held"]) == (7, 12)
    assert stats["ledger_by_category"] == {
        "theory-study": 1, "applying-study": 1, "rules-in-practice": 1, "conduct": 1,
    }  # fmt: skip
    september = _as_json(ok, "session", "show", "2023-09-14")
    assert september["extended"] == [{"label": "局中层党员干部", "count": 15, "names": None}]
    assert _as_json(ok, "session", "show", "2023-04-20")["visitors"] == [
        {"body": "市委主题教育第三巡回指导组", "name": "王磊"}
    ]
    plan = _as_json(ok, "plan", "list", "--year", "2023")
    assert [row["planned_on"] for row in plan][:3] == ["2023-01-19", "2023-02-16", "2023-03-16"]
    report = ok("--lang", "zh", "report", "--year", "2023", "--as-of", AS_OF)
    assert "扩大学习1次，参加15人次，上级巡听旁听1次，列席1人次" in report


def test_the_hand_years_details_survive(
    backend: Backend, database: Database, ok: Ok, tmp_path: Path, switch_to: Callable[[], Database]
) -> None:
    """What the hand year holds, read back from an English workbook."""
    database.load(_template(backend, "hand"))
    _settings(ok)
    out = _export(ok, "xlsx", tmp_path)
    switch_to()
    ok("import", str(out))
    entry = _as_json(ok, "rectify", "show", "1", "--as-of", AS_OF)
    assert entry["category"] == "theory-study" and entry["done_on"] == "2023-06-01"
    assert entry["done_note"] == "已整改到位"
    assert [(line["on"], line["note"]) for line in entry["progress"]] == [
        ("2023-04-01", "已制定方案\n并报党组审定"),
        ("2023-05-02", "已落实"),
    ]
    assert _as_json(ok, "rectify", "show", "2", "--as-of", AS_OF)["category"] == "ideology"
    plan = _as_json(ok, "plan", "show", "--year", "2023", "--as-of", AS_OF)
    assert [(line["title"], line["status"], line["session_date"]) for line in plan["items"]] == [
        ("学习一", "held", "2023-03-14"),
        ("学习二", "held", "2023-05-16"),
        ("学习三", "overdue", None),
    ]
    assert plan["items"][0]["speakers"] == ["乙", "甲"]
    exported = json.loads(_read(_export(ok, "json", tmp_path)))
    assert [(row["planned_on"], row["planned_time"], row["place"], row["host"])
            for row in exported["plan"]] == [
        ("2023-03-14", "09:30", "三楼会议室", "甲"),
        ("2023-05-09", "09:30", "三楼会议室", "甲"),
        (None, None, None, None),
    ]  # fmt: skip
    march = _as_json(ok, "session", "show", "2023-03-14")
    assert march["extended"] == [
        {"label": "局中层党员干部", "count": 12, "names": "张三、李四"},
        {"label": "离退休干部", "count": 3, "names": None},
    ]
    assert march["observers"] == ["丙"]
    assert march["visitors"] == [{"body": "市委巡听组", "name": "王五"},
                                 {"body": "市委巡听组", "name": "赵六"}]  # fmt: skip
    output = _as_json(ok, "output", "list", "--year", "2023")[0]
    assert output["session_id"] == march["id"]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# -- older files ------------------------------------------------------------------------------


def _rewrite_csv(path: Path, edit: Callable[[list[list[str]]], list[list[str]]]) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(edit(rows))
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def _drop_column(header: str) -> Callable[[list[list[str]]], list[list[str]]]:
    def edit(rows: list[list[str]]) -> list[list[str]]:
        index = rows[0].index(header)
        return [row[:index] + row[index + 1 :] for row in rows]

    return edit


def test_a_file_written_before_these_tables_and_columns_still_imports(
    backend: Backend, database: Database, ok: Ok, tmp_path: Path, switch_to: Callable[[], Database]
) -> None:
    """No beyond-the-roll files, a plan without its year column (the about table's year is
    taken), a ledger without the closing note: the year comes in, without what is missing."""
    database.load(_template(backend, "hand"))
    _settings(ok)
    folder = _export(ok, "csv", tmp_path)
    for table in ("session_extended", "session_observers", "session_visitors"):
        (folder / f"{table}.csv").unlink()
    _rewrite_csv(folder / "plan.csv", _drop_column("Year"))
    _rewrite_csv(folder / "ledger.csv", _drop_column("Closing note"))
    switch_to()
    output = ok("import", str(folder))
    assert "3 plan items, 2 ledger entries" in output and "extended" not in output
    assert [row["month"] for row in _as_json(ok, "plan", "list", "--year", "2023")] == [3, 5, 11]
    assert _as_json(ok, "rectify", "show", "1", "--as-of", AS_OF)["done_note"] is None
    assert _as_json(ok, "session", "show", "2023-03-14")["extended"] == []

    document = json.loads(_read(_export(ok, "json", tmp_path)))
    for table in ("plan", "ledger", "session_extended", "session_observers", "session_visitors"):
        del document[table]  # a JSON export of an earlier version
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    switch_to()
    output = ok("import", str(old))
    assert "plan item" not in output and "3 sessions" in output


# -- bad rows ---------------------------------------------------------------------------------


def refused(run: Run, database: Database, *args: str) -> str:
    """A command that must fail with one Error line, the database exactly as it was."""
    before = database.snapshot()
    result = run(*args)
    assert database.snapshot() == before, f"{args} changed the database"
    assert result.exit_code == 1, (args, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _edit_cell(path: Path, row: int, header: str, value: str) -> None:
    def edit(rows: list[list[str]]) -> list[list[str]]:
        rows[row - 1][rows[0].index(header)] = value
        return rows

    _rewrite_csv(path, edit)


BAD_CELLS = [
    ("ledger.csv", 2, "Category", "没有的类别", "row 2, column B (Category)", "not a ledger"),
    ("ledger.csv", 2, "Due", "2023-01-01", "row 2, column H (Due)", "before the problem was"),
    ("ledger.csv", 2, "Follow-up", "已落实", "(Follow-up)", "starts on a new line with its"),
    ("ledger.csv", 2, "Closed", "2099-01-01", "(Closed)", "is in the future"),
    ("plan.csv", 2, "Month", "13", "row 2, column B (Month)", "13 is not a month"),
    ("plan.csv", 2, "Time", "25:00", "(Time)", "is not a time of day"),
    ("plan.csv", 3, "Held by", "", "row 3, column H (Held by)", "another plan item of the"),
    ("plan.csv", 2, "Speakers", "无名氏", "(Speakers)", "无名氏"),
    ("session_extended.csv", 2, "People", "0", "(People)", "at least 1"),
    ("session_extended.csv", 3, "Names", "甲、乙、丙、丁", "(Names)", "more than its count"),
    ("session_observers.csv", 2, "Observers present", "甲", "(Observers present)", "expected"),
    ("session_visitors.csv", 3, "Visitors", "王五", "(Visitors)", "repeats an earlier one"),
]


@pytest.mark.parametrize(("file", "row", "header", "value", "where", "problem"), BAD_CELLS)
def test_a_bad_row_of_a_new_table_is_refused_and_nothing_is_written(
    backend: Backend,
    database: Database,
    ok: Ok,
    run: Run,
    tmp_path: Path,
    new_database: Callable[[str], Database],
    monkeypatch: pytest.MonkeyPatch,
    file: str,
    row: int,
    header: str,
    value: str,
    where: str,
    problem: str,
) -> None:
    database.load(_template(backend, "hand"))
    _settings(ok)
    folder = _export(ok, "csv", tmp_path)
    _edit_cell(folder / file, row, header, value)
    if header == "Held by":  # named by its date instead: the session another item names
        _edit_cell(folder / file, row, "Session date", "2023-03-14")
    target = new_database("target")
    monkeypatch.setenv("STUDYLOG_DB", target.url)
    ok("init", "--org", HAND_ORG)
    line = refused(run, target, "import", str(folder))
    assert line.startswith("Error: ") and file in line and where in line, line
    assert problem in line, line


def test_new_records_for_sessions_already_recorded_are_refused(
    backend: Backend, database: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    """Beyond-the-roll rows and a plan item's link name sessions the same file adds; a plan
    item or ledger entry already there was imported before."""
    database.load(_template(backend, "hand"))
    _settings(ok)
    folder = _export(ok, "csv", tmp_path)
    for table, message in (
        ("session_visitors", "session #1 is already in the database: import adds the people"),
        ("plan", "a plan item of 3/2023 with this title is already in the plan (#1)"),
        ("ledger", "with this problem is already recorded (#1)"),
    ):
        line = refused(run, database, "import", str(folder / f"{table}.csv"))
        assert message in line, line
    _edit_cell(folder / "plan.csv", 2, "Title", "新的计划项")
    line = refused(run, database, "import", str(folder / "plan.csv"))
    assert "a plan item of the file is linked only to a session the same file adds" in line


def test_the_plan_needs_a_year(
    backend: Backend, database: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    database.load(_template(backend, "hand"))
    plan = tmp_path / "计划.csv"
    plan.write_text("月份,学习内容,发言人\n9,新的学习,乙\n", encoding="utf-8")
    line = refused(run, database, "import", str(plan))
    assert "row 2" in line and "the plan's year is not given" in line
    plan.write_text("年度,月份,学习内容,发言人\n2024,9,新的学习,乙\n", encoding="utf-8")
    assert "1 plan item" in ok("import", str(plan))
    assert _as_json(ok, "plan", "list", "--year", "2024")[0]["speakers"] == ["乙"]


# -- undo -------------------------------------------------------------------------------------


def _counts(database: Database) -> dict[str, int]:
    with database.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in NEW_TABLES
        }


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_undoing_an_import_takes_out_its_plan_ledger_and_people_beyond_the_roll(
    backend: Backend,
    database: Database,
    ok: Ok,
    tmp_path: Path,
    switch_to: Callable[[], Database],
    fmt: str,
) -> None:
    database.load(_template(backend, "hand"))
    _settings(ok)
    out = _export(ok, fmt, tmp_path)
    target = switch_to()
    ok("init", "--org", HAND_ORG)
    empty = year_state(ok, ())
    ok("import", str(out))
    assert _counts(target) == {
        "session_extended": 2,
        "session_observers": 1,
        "session_visitors": 3,
        "plan_items": 3,
        "plan_speakers": 2,
        "rectifications": 2,
        "rectify_progress": 2,
    }
    entry = json.loads(ok("log", "--format", "json"))[-1]
    for table, count in (("plan_items", 3), ("rectify_progress", 2), ("session_visitors", 3)):
        assert entry["imported"][table] == count
    ok("undo", "--yes")
    assert _counts(target) == dict.fromkeys(NEW_TABLES, 0)
    assert year_state(ok, ()) == empty
    assert "Records match the log" in ok("log", "--verify")

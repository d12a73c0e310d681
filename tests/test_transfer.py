"""``studylog export`` and ``studylog import``: the seed year out to xlsx, CSV and JSON and back.

Every file is read back the way a secretary's other tools would (openpyxl, the csv module),
and every import is judged by what the database then says (``stats``, the exported rows).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import Backend, Database, Run, Template
from tests.seed import EXPECTED_FIGURES, ORG, record_seed_year

Ok = Callable[..., str]
TABLE_ROWS = {"members": 8, "sessions": 12, "attendance": 72, "makeups": 4, "speeches": 6}


@dataclass(frozen=True)
class Seed:
    template: Template
    state: tuple[dict, dict, dict]  # what the database says: see year_state()
    xlsx: Path  # its export to a workbook, in English


#: The seed year's state, by the folder of its template: kept here, not in the fixture,
#: because the fixture is made again when this module's tests are run between other modules'
#: (mutmut orders tests by duration) while the template is built once per run.
_STATES: dict[Path, tuple[dict, dict, dict]] = {}


@pytest.fixture(scope="module")
def seed(backend: Backend) -> Seed:
    """The seed year with its state and its English workbook, made once per run."""

    def build(ok: Ok) -> None:
        record_seed_year(ok)
        folder = Path(ok("config", "path")).parent  # STUDYLOG_HOME while building
        _STATES[folder] = year_state(ok, folder)
        ok("export", "--year", "2023", "--out", str(folder / "2023.xlsx"))

    template = backend.built_once("transfer", build)
    return Seed(template, _STATES[template.folder], template.folder / "2023.xlsx")


@pytest.fixture
def seeded(seed: Seed, database: Database) -> Database:
    database.load(seed.template)
    return database


@pytest.fixture
def workbook_path(seed: Seed, tmp_path: Path) -> Path:
    """A copy of the seed year's workbook, to edit."""
    return Path(shutil.copy(seed.xlsx, tmp_path / "2023.xlsx"))


def _schema_only(ok: Ok) -> None:
    """A database with the schema and nothing else: no study group yet."""
    from studylog.store.db import open_engine, resolve_url

    open_engine(resolve_url(None), create=True).dispose()


@pytest.fixture
def other_db(
    backend: Backend, new_database: Callable[[str], Database], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Database]:
    """Switch later commands to an empty database and return it.

    ``fresh=True``: no database at all yet (the import creates it); else a copy of an empty one.
    """
    other: list[Database] = []

    def switch(*, fresh: bool = False) -> Database:
        if other:
            other[0].reset()
        else:
            other.append(new_database("other"))
        database = other[0]
        if not fresh:
            database.load(backend.built_once("transfer-empty", _schema_only))
        monkeypatch.setenv("STUDYLOG_DB", database.url)
        return database

    return switch


def figures(ok: Ok, *args: str) -> dict:
    """The year's stats JSON without ``log_head``: two databases holding the same records
    have different logs."""
    found = json.loads(ok("stats", "--year", "2023", "--format", "json", *args))
    found.pop("log_head", None)
    return found


def year_state(ok: Ok, folder: Path) -> tuple[dict, dict, dict]:
    """The year as the database tells it: stats, stats by member, and every row of it (as
    JSON export writes them: members, sessions, roll, make-ups, speeches)."""
    out = folder / "rows.json"
    ok("export", "--year", "2023", "--out", str(out))
    rows = json.loads(out.read_text(encoding="utf-8"))
    return figures(ok), figures(ok, "--by", "member"), rows


def refused(run: Run, database: Database | None, *args: str, code: int = 1) -> str:
    """Run a command that must fail cleanly and leave the database as it was (on SQLite,
    byte for byte); ``None``: no database to watch."""
    before = database.snapshot() if database else None
    result = run(*args)
    after = database.snapshot() if database else None
    assert after == before, f"{args} changed the database"
    assert result.exit_code == code, (args, result.output)
    assert result.stdout == "" and "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- export -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sheets", "headers", "leave"),
    [
        (
            "en",
            [
                "Members",
                "Sessions",
                "Attendance",
                "Make-ups",
                "Speeches",
                "Outputs",
                "Self-study",
                "Other meetings' first agenda",
                "Extended attendance",
                "Observers present",
                "Visitors",
                "Study plan",
                "Rectification ledger",
                "Attendance notice",
            ],
            ["Session #", "Session date", "Name", "Attendance", "Reason", "Approved by"],
            "on leave",
        ),
        (
            "zh",
            [
                *("成员", "学习记录", "签到", "补学", "发言"),
                *("学习成果", "个人自学", "其他会议第一议题", "扩大学习", "列席人员"),
                *("巡听旁听", "学习计划", "整改台账", "出勤公示"),
            ],
            ["学习编号", "学习日期", "姓名", "出勤情况", "请假事由", "批准人"],
            "请假",
        ),
    ],
)
def test_xlsx_has_a_sheet_per_table_with_headers_and_rows(
    seeded: Database,
    ok: Ok,
    tmp_path: Path,
    lang: str,
    sheets: list[str],
    headers: list[str],
    leave: str,
) -> None:
    out = tmp_path / "2023.xlsx"
    ok("--lang", lang, "export", "--year", "2023", "--format", "xlsx", "--out", str(out))
    workbook = load_workbook(out)
    assert workbook.sheetnames[:14] == sheets
    members, sessions, attendance, makeups, speeches, *_, notice = (workbook[s] for s in sheets)
    for sheet, count in zip(
        (members, sessions, attendance, makeups, speeches), TABLE_ROWS.values(), strict=True
    ):
        assert sheet.max_row == count + 1, sheet.title  # the header row and the rows
    assert [cell.value for cell in attendance[1]] == headers
    second = [cell.value for cell in attendance[3]]
    assert second[0] == 1 and second[1].date().isoformat() == "2023-01-15"  # a real date cell
    assert second[2:5] == ["李四", leave, "出差"]
    notice_rows = list(notice.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in notice_rows][:2] == ["张三", "李四"]
    assert notice_rows[-1][2] == 72  # the total row: expected attendances
    assert notice_rows[-1][9] == pytest.approx(67 / 72)  # attendance rate, a number
    assert notice.cell(row=2, column=10).number_format == "0.0%"


def test_csv_writes_a_file_per_table_in_a_folder(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    output = ok("export", "--year", "2023", "--out", str(folder))
    assert "72 roll lines" in output
    names = sorted(path.name for path in folder.iterdir())
    tables = [*TABLE_ROWS, "member_outputs", "self_study", "agenda_items"]
    tables += ["session_extended", "session_observers", "session_visitors"]
    tables += ["plan", "ledger", "summary", "about"]
    assert names == sorted(f"{table}.csv" for table in tables)
    raw = (folder / "sessions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # utf-8-sig by default: Excel reads Chinese right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["#", "Date", "Title", "Kind"] and len(rows) == 13


def test_export_options_are_checked(run: Run, tmp_path: Path, database: Database) -> None:
    xlsx = str(tmp_path / "2023.xlsx")
    line = refused(run, database, "export", "--year", "2023", "--out", xlsx, "--encoding", "gbk")
    assert line == "Error: --encoding applies to --format csv only"
    line = refused(run, database, "export", "--year", "2023", "--out", str(tmp_path / "a.csv"))
    assert "CSV export writes a folder with a file for each table" in line
    line = refused(run, database, "export", "-y", "2023", "-o", xlsx, "--format", "xls", code=2)
    assert "'xls' is not a valid --format; choose xlsx | csv | json" in line
    assert not database.exists()


# -- round trips ------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["xlsx", "json", "xlsx-zh"])
def test_export_then_import_into_an_empty_database_gives_the_same_year(
    seed: Seed,
    seeded: Database,
    ok: Ok,
    tmp_path: Path,
    other_db: Callable[..., Database],
    form: str,
) -> None:
    fmt, _, lang = form.partition("-")
    out = tmp_path / ("export" if fmt == "csv" else f"export.{fmt}")
    ok("--lang", lang or "en", "export", "--year", "2023", "--format", fmt, "--out", str(out))
    other_db()
    output = ok("import", str(out))
    assert f"Created study group {ORG}" in output  # named as the file names it
    assert year_state(ok, tmp_path) == seed.state
    assert seed.state[0] == EXPECTED_FIGURES


@pytest.mark.parametrize(
    ("encoding", "lang", "bom"),
    [("utf-8-sig", "zh", True), ("gb18030", "zh", False), ("utf-8", "en", False)],
)
def test_csv_round_trips_in_each_encoding(
    seed: Seed,
    seeded: Database,
    ok: Ok,
    tmp_path: Path,
    other_db: Callable[..., Database],
    encoding: str,
    lang: str,
    bom: bool,
) -> None:
    folder = tmp_path / encoding
    ok("--lang", lang, "export", "--year", "2023", "--out", str(folder), "--encoding", encoding)
    raw = (folder / "attendance.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom
    assert ("请假" if lang == "zh" else "出差").encode(encoding.replace("-sig", "")) in raw
    other_db()
    ok("import", str(folder))
    assert year_state(ok, tmp_path) == seed.state


def test_a_single_csv_file_with_a_bom_or_without(
    seeded: Database, ok: Ok, tmp_path: Path, other_db: Callable[..., Database]
) -> None:
    folder = tmp_path / "csv"
    ok("export", "--year", "2023", "--out", str(folder), "--encoding", "utf-8")
    roster = (folder / "members.csv").read_bytes()
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbf" + roster)
    (tmp_path / "plain.csv").write_bytes(roster)
    other_db()
    assert "8 members" in ok("import", str(tmp_path / "bom.csv"))
    output = ok("import", str(tmp_path / "plain.csv"))
    assert "0 members" in output and "8 members already there" in output


# -- formula-looking text ---------------------------------------------------------------

RISKY = ["=1+1", "@SUM(A1)", "-开头", "+86 号"]


def test_formula_looking_cells_are_written_and_read_back_as_text(
    ok: Ok, tmp_path: Path, other_db: Callable[..., Database]
) -> None:
    ok("init", "--org", ORG)
    ok("member", "add", "张三", "--title", '=HYPERLINK("x")')
    for day, title in enumerate(RISKY, start=1):
        ok("session", "add", "--date", f"2023-03-0{day}", "--title", title)
    xlsx, folder = tmp_path / "risky.xlsx", tmp_path / "risky"
    ok("export", "--year", "2023", "--out", str(xlsx))
    ok("export", "--year", "2023", "--out", str(folder))

    sheet = load_workbook(xlsx)["Sessions"]
    cells = [sheet.cell(row=row, column=3) for row in range(2, 6)]
    assert [cell.value for cell in cells] == RISKY
    assert {cell.data_type for cell in cells} == {"s"}  # strings, not formulas
    assert all(cell.quotePrefix for cell in cells)  # Excel keeps them text when edited
    rows = list(csv.reader(io.StringIO((folder / "sessions.csv").read_text("utf-8-sig"))))
    assert [row[2] for row in rows[1:]] == ["'" + title for title in RISKY]

    for source in (xlsx, folder):
        other_db()
        ok("import", str(source))
        listed = json.loads(ok("session", "list", "--year", "2023", "--format", "json"))
        assert [row["title"] for row in listed] == RISKY
        members = json.loads(ok("member", "list", "--format", "json"))
        assert members[0]["title"] == '=HYPERLINK("x")'


# -- all or nothing ---------------------------------------------------------------------


def _edit_csv(path: Path, row: int, column: int, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    rows[row - 1][column] = value
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def test_a_bad_row_writes_nothing_and_names_file_row_and_column(
    seeded: Database,
    ok: Ok,
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_database: Callable[[str], Database],
) -> None:
    folder = tmp_path / "csv"
    ok("export", "--year", "2023", "--out", str(folder))
    ok("--lang", "zh", "export", "--year", "2023", "--out", str(tmp_path / "zh"))
    _edit_csv(folder / "attendance.csv", 7, 1, "2023-02-30")
    target = new_database("target")
    monkeypatch.setenv("STUDYLOG_DB", target.url)
    ok("init", "--org", "别的中心组")

    line = refused(run, target, "import", str(folder), "--org", "别的中心组")
    assert line.startswith("Error: ")
    assert "attendance.csv, row 7, column B (Session date): " in line
    assert "2023-02-30 is not a valid date: 2023-02 has 28 days" in line
    assert "0 members" not in line

    _edit_csv(tmp_path / "zh" / "attendance.csv", 5, 3, "maybe")
    line = refused(
        run, target, "--lang", "zh", "import", str(tmp_path / "zh"), "--org", "别的中心组"
    )
    assert line.startswith("错误：") and "attendance.csv，第 5 行，D 列（出勤情况）：" in line
    assert "“maybe”不是有效的 出勤情况" in line
    assert json.loads(ok("member", "list", "--format", "json")) == []


def test_a_bad_row_in_a_workbook_names_its_sheet(
    workbook_path: Path, run: Run, other_db: Callable[..., Database]
) -> None:
    workbook = load_workbook(workbook_path)
    workbook["Speeches"]["C4"] = "张山"
    workbook.save(workbook_path)
    target = other_db(fresh=True)
    line = refused(run, target, "import", str(workbook_path))
    assert line.startswith(f"Error: {workbook_path}, sheet Speeches, row 4, column C (Name): ")
    assert line.endswith("no member named '张山' in 测试局党组理论学习中心组; did you mean 张三?")
    assert not target.exists()  # the database this import would have created is gone again


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "where", "message"),
    [
        ("Make-ups", "C2", "张三", "row 2, column C", "张三 was present at the session of"),
        ("Attendance", "C3", "张三", "row 3, column C", "张三 is already on the roll of"),
        ("Attendance", "C3", "吴十", "row 3, column C", "吴十 is not expected on 2023-01-15"),
        ("Attendance", "A3", "2", "row 3, column B", "#2 was held on 2023-02-15, not 2023-01-15"),
        ("Sessions", "B2", "2023-01-05", "row 2, column J", "source date 2023-01-10 is after"),
        ("Sessions", "E3", "maybe", "row 3, column E", "'maybe' is not a valid Discussion"),
    ],
)
def test_domain_rules_hold_on_import(
    workbook_path: Path,
    run: Run,
    other_db: Callable[..., Database],
    sheet: str,
    cell: str,
    value: str,
    where: str,
    message: str,
) -> None:
    workbook = load_workbook(workbook_path)
    workbook[sheet][cell] = value
    workbook.save(workbook_path)
    line = refused(run, other_db(), "import", str(workbook_path))
    assert f"sheet {sheet}, {where} " in line and message in line


def test_importing_the_same_file_twice_is_refused(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "2023.json"
    ok("export", "--year", "2023", "--out", str(out))
    line = refused(run, seeded, "import", str(out))
    assert "sessions item 1, key title" in line
    assert "the session '集中学习第1次' of 2023-01-15 is already recorded (#1)" in line


def test_an_imports_rows_are_numbered_after_every_row_already_there(
    seeded: Database, ok: Ok, tmp_path: Path
) -> None:
    """An import gives its members and sessions their ids before inserting them: the ids
    follow every row there is (another group's, a deleted one's), and a record added
    afterwards follows the import's."""
    out = tmp_path / "2023.json"
    ok("export", "--year", "2023", "--out", str(out))
    other, third = "乙局党组理论学习中心组", "丙局党组理论学习中心组"
    ok("init", "--org", other)
    ok("member", "add", "王五", "--org", other)
    ok("session", "add", "--date", "2023-03-01", "--title", "乙局学习", "--org", other)
    ok("session", "delete", "2023-03-01", "--reason", "录错了", "--yes", "--org", other)
    ok("init", "--org", third)
    ok("--org", third, "import", str(out))
    assert figures(ok, "--org", third) == EXPECTED_FIGURES | {"org": third}
    ok("session", "add", "--date", "2023-12-30", "--title", "补充学习", "--org", third)
    listed = json.loads(ok("session", "list", "--format", "json", "--org", third))
    assert [row["id"] for row in listed] == list(range(14, 27))  # after the seed's 12 and #13


def test_dry_run_checks_everything_and_writes_nothing(
    workbook_path: Path, ok: Ok, other_db: Callable[..., Database]
) -> None:
    out = workbook_path
    target = other_db(fresh=True)
    output = ok("import", str(out), "--dry-run")
    assert output.startswith("Dry run: ") and "72 roll lines" in output
    assert "nothing was written" in output
    assert not target.exists()
    ok("init", "--org", ORG)
    before = target.snapshot()
    ok("import", str(out), "--dry-run")
    assert target.snapshot() == before
    assert figures(ok)["sessions"] == 0


# -- plain rosters and sign-in sheets ---------------------------------------------------


def test_a_roster_with_chinese_headers_and_a_title_row(ok: Ok, tmp_path: Path) -> None:
    roster = tmp_path / "花名册.csv"
    roster.write_bytes(
        "党组理论学习中心组成员名单\n"
        "序号,姓名,职务,角色,加入日期\n"
        "1,张　三,党组书记、局长,组长,\n"
        "2,李四,党组副书记,副组长,\n"
        "3,王五,党组成员,,2023年7月1日\n"
        "4,吴十,机关党委专职副书记,列席,\n".encode("gb18030")
    )
    output = ok("--org", "市统计局党组理论学习中心组", "import", str(roster))
    assert "4 members" in output
    members = json.loads(ok("member", "list", "--format", "json"))
    assert [(m["name"], m["role"], m["joined"]) for m in members] == [
        ("张三", "leader", None),
        ("李四", "deputy", None),
        ("王五", "member", "2023-07-01"),
        ("吴十", "observer", None),
    ]
    assert "市统计局党组理论学习中心组" in ok("init")


def test_a_sign_in_sheet_fills_the_roll_of_a_recorded_session(
    ok: Ok, run: Run, tmp_path: Path, database: Database
) -> None:
    ok("init", "--org", ORG)
    for name in ("张三", "李四", "王五", "赵六"):
        ok("member", "add", name)
    ok("session", "add", "--date", "2023-03-15", "--title", "专题学习", "--kind", "topic")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "3月15日"
    sheet.append(["中心组学习签到表"])
    sheet.append(["序号", "姓名", "职务", "日期", "出勤情况", "备注", "签名"])
    sheet.append([1, "张三", "局长", "2023年3月15日", "√", None, None])
    sheet.append([2, "李四", "副局长", "2023年3月15日", "请假", "外出开会", None])
    sheet.append([3, "王五", "副局长", "2023-03-15", "迟到", None, None])
    sheet.append([4, "赵六", "副局长", "2023/3/15", "出席", None, None])
    path = tmp_path / "签到表.xlsx"
    workbook.save(path)
    assert "4 roll lines" in ok("import", str(path))
    roll = json.loads(ok("session", "show", "2023-03-15", "--format", "json"))["roll"]
    assert [(line["member"], line["status"], line["reason"]) for line in roll] == [
        ("张三", "present", None),
        ("李四", "leave", "外出开会"),
        ("王五", "late", None),
        ("赵六", "present", None),
    ]
    stats = figures(ok)
    assert (stats["expected"], stats["present"], stats["unrecorded"]) == (4, 2, 0)

    makeups = tmp_path / "补学.csv"  # for the roll just stored: found in the database
    makeups.write_text(
        "姓名,学习日期,补学日期,补学方式\n李四,2023-03-15,2023-03-20,自学\n", "utf-8"
    )
    assert "1 make-up" in ok("import", str(makeups))
    line = refused(run, database, "import", str(makeups))
    assert "补学.csv, row 2, column A (姓名): 李四 already made up the session" in line
    signed_again = refused(run, database, "import", str(path))
    assert "sheet 3月15日, row 3, column B (姓名): 张三 is already on the roll" in signed_again


def test_a_file_import_does_not_know_is_refused(ok: Ok, run: Run, tmp_path: Path) -> None:
    ok("init", "--org", ORG)
    strange = tmp_path / "notes.csv"
    strange.write_text("a,b\n1,2\n", encoding="utf-8")
    assert "has no sheet whose headers import knows" in refused(run, None, "import", str(strange))
    assert "does not exist" in refused(run, None, "import", str(tmp_path / "none.xlsx"))


def test_a_missing_column_or_unreadable_text_is_refused(
    ok: Ok, run: Run, tmp_path: Path, database: Database
) -> None:
    ok("init", "--org", ORG)
    no_date = tmp_path / "签到.csv"
    no_date.write_text("序号,姓名,出勤情况\n1,张三,出席\n", encoding="utf-8")
    line = refused(run, database, "import", str(no_date))
    assert line == f"Error: {no_date}: no Session date column (headers found: 序号, 姓名, 出勤情况)"
    garbled = tmp_path / "roster.csv"
    garbled.write_bytes("姓名,职务\n张三,局长\n".encode() + b"\xff\xfe\n")
    line = refused(run, database, "import", str(garbled))
    assert line.endswith(
        "roster.csv, line 3: not UTF-8, GB18030 text (save it as UTF-8 or GB18030)"
    )


def test_exported_dates_fit_their_columns(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    out = tmp_path / "e.xlsx"
    ok("--lang", "zh", "export", "--year", "2023", "--out", str(out))
    book = load_workbook(out)
    for sheet in book.worksheets:
        headers = [cell.value for cell in sheet[1]]
        for index, header in enumerate(headers, start=1):
            if header and "日期" in str(header):
                letter = sheet.cell(row=1, column=index).column_letter
                assert sheet.column_dimensions[letter].width >= 11, (sheet.title, header)


def test_a_sign_in_sheet_without_a_date_says_so(seeded: Database, run: Run, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["示例局学习签到表"])
    sheet.append(["序号", "姓名", "职务", "签到", "备注"])
    sheet.append([1, "张三", "局长", "√", ""])
    path = tmp_path / "签到表.xlsx"
    book.save(path)
    line = refused(run, seeded, "--lang", "zh", "import", str(path))
    assert "缺少“学习日期”列" in line


def test_gbk_is_taken_for_gb18030(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    ok("export", "--year", "2023", "--format", "csv", "--encoding", "GBK", "--out", str(out))
    text = (out / "members.csv").read_bytes().decode("gb18030")
    assert "张三" in text

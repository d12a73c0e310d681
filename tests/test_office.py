"""What the office keeps in Excel (issue 17, Deliver 6): the export carries the plan with its
execution and the ledger with its follow-up notes; every list command writes to a file with
``--out`` (CSV in UTF-8 with a BOM by default, GB18030 on request; printed CSV stays plain
UTF-8); the attendance notice is a document of its own."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from tests.conftest import Run

Ok = Callable[..., str]
ORG = "某局党组理论学习中心组"
BOM = "\ufeff".encode()


@pytest.fixture
def office(ok: Ok) -> None:
    """A small year: two members, a plan of three items (one held, one overdue, one not yet
    due), a ledger entry with two follow-up notes, a leave made up, a speech."""
    ok("init", "--org", ORG)
    ok("member", "add", "张建国", "--title", "党组书记、局长", "--role", "leader",
       "--joined", "2023-01-01")  # fmt: skip
    ok("member", "add", "欧阳明远", "--title", "政策法规处处长", "--joined", "2023-01-01")
    ok("plan", "add", "--year", "2023", "--month", "3", "--title", "学习党的二十大精神",
       "--speaker", "张建国")  # fmt: skip
    ok("plan", "add", "--year", "2023", "--month", "4", "--title", "全面从严治党")
    ok("plan", "add", "--year", "2099", "--month", "12", "--title", "远期计划")
    ok("session", "add", "--date", "2023-03-14", "--title", "学习党的二十大精神", "--plan", "1")
    ok("attend", "2023-03-14", "--leave", "欧阳明远：出差")
    ok("makeup", "add", "2023-03-14", "欧阳明远", "--date", "2023-03-20")
    ok("speech", "add", "2023-03-14", "张建国", "--kind", "key")
    ok("rectify", "add", "--problem", "学用结合不够紧密", "--measure", "建立学习转化清单",
       "--dept", "办公室", "--lead", "机关党委", "--due", "2023-06-30",
       "--session", "2023-03-14")  # fmt: skip
    ok("rectify", "progress", "1", "--note", "已制定清单", "--on", "2023-04-10")
    ok("rectify", "progress", "1", "--note", "第二季度已通报", "--on", "2023-06-20")


# -- the export: the plan and the ledger --------------------------------------------------


def test_the_export_carries_the_plan_with_its_execution_and_the_ledger_with_follow_ups(
    office: None, ok: Ok, tmp_path: Path
) -> None:
    xlsx, folder, document = tmp_path / "e.xlsx", tmp_path / "e", tmp_path / "e.json"
    ok("--lang", "zh", "export", "--year", "2023", "--out", str(xlsx))
    ok("--lang", "zh", "export", "--year", "2023", "--out", str(folder))
    ok("export", "--year", "2023", "--out", str(document))

    workbook = load_workbook(xlsx)
    plan = [list(row) for row in workbook["学习计划"].iter_rows(values_only=True)]
    assert plan[0][:3] == ["编号", "月份", "学习内容"] or "完成情况" in plan[0]
    by_title = {row[2]: row for row in plan[1:]}
    assert "已完成" in by_title["学习党的二十大精神"] and 1 in by_title["学习党的二十大精神"]
    assert "逾期未完成" in by_title["全面从严治党"]
    ledger = [list(row) for row in workbook["整改台账"].iter_rows(values_only=True)]
    assert "跟踪反馈" in ledger[0]
    notes = ledger[1][ledger[0].index("跟踪反馈")]
    assert notes == "2023-04-10 已制定清单\n2023-06-20 第二季度已通报"
    assert "已逾期" in ledger[1]  # open past its deadline, as of today

    assert {"plan.csv", "ledger.csv"} <= {path.name for path in folder.iterdir()}
    assert (folder / "ledger.csv").read_bytes().startswith(BOM)
    rows = list(csv.reader(io.StringIO((folder / "plan.csv").read_text("utf-8-sig"))))
    assert "逾期未完成" in rows[2]

    data = json.loads(document.read_text("utf-8"))
    assert [item["status"] for item in data["plan"]] == ["held", "overdue"]
    assert data["plan"][0]["session"] == 1 and data["plan"][0]["speakers"] == ["张建国"]
    assert data["ledger"][0]["progress"].endswith("第二季度已通报")
    assert data["ledger"][0]["state"] == "overdue"


def test_import_reads_past_the_plan_and_the_ledger(office: None, ok: Ok, tmp_path: Path) -> None:
    xlsx, folder = tmp_path / "e.xlsx", tmp_path / "e"
    ok("--lang", "zh", "export", "--year", "2023", "--out", str(xlsx))
    ok("export", "--year", "2023", "--out", str(folder))
    for number, source in enumerate((xlsx, folder)):
        target = tmp_path / f"copy{number}.db"
        said = ok("--db", str(target), "import", str(source))
        assert "1 session" in said and "2 members" in said, said


# -- list commands write files ------------------------------------------------------------

LISTS = [
    ("member", "list"),
    ("session", "list", "--year", "2023"),
    ("makeup", "list", "--year", "2023"),
    ("speech", "list", "--year", "2023"),
    ("plan", "list", "--year", "2023"),
    ("rectify", "list"),
    ("restore", "list"),
]


@pytest.mark.parametrize("command", LISTS, ids=[" ".join(c[:2]) for c in LISTS])
def test_every_list_command_writes_csv_files_excel_reads(
    office: None, ok: Ok, run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    printed = run("--lang", "zh", *command, "--format", "csv")
    assert printed.exit_code == 0 and not printed.stdout_bytes.startswith(BOM)
    out = tmp_path / "list.csv"
    written = run("--lang", "zh", *command, "--format", "csv", "--out", str(out))
    assert written.exit_code == 0 and written.stdout == "" and str(out) in written.stderr
    assert out.read_bytes() == BOM + printed.stdout_bytes
    again = run("--lang", "zh", *command, "--format", "csv", "--out", str(out))
    assert again.exit_code != 0 and "--force" in again.stderr
    ok("--lang", "zh", *command, "--format", "csv", "--out", str(out), "--force",
       "--encoding", "gb18030")  # fmt: skip
    assert out.read_bytes() == printed.stdout.encode("gb18030")
    chinese = run("--lang", "zh", *command, "--format", "csv", "--encoding", "gbk")
    assert chinese.stdout_bytes == printed.stdout.encode("gb18030")
    listed = tmp_path / "list.json"
    ok(*command, "--format", "json", "--out", str(listed))
    assert isinstance(json.loads(listed.read_text("utf-8")), list)


def test_rectify_list_shows_the_follow_up_notes(office: None, ok: Ok) -> None:
    rows = list(csv.reader(io.StringIO(ok("--lang", "zh", "rectify", "list", "--format", "csv"))))
    assert rows[0][-1] == "跟踪反馈"
    assert rows[1][-1] == "2023-04-10 已制定清单\n2023-06-20 第二季度已通报"


# -- the attendance notice ----------------------------------------------------------------


def test_the_attendance_notice_is_a_document_of_its_own(
    office: None, ok: Ok, run: Run, tmp_path: Path
) -> None:
    docx, xlsx = tmp_path / "公示.docx", tmp_path / "公示.xlsx"
    base = ("--lang", "zh", "stats", "--year", "2023", "--by", "member")
    ok(*base, "--format", "docx", "--out", str(docx))
    ok(*base, "--format", "xlsx", "--out", str(xlsx))

    document = open_docx(str(docx))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert any("2023年度出勤情况公示表" in text for text in texts)
    (table,) = document.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0][1] == "姓名" and [row[1] for row in cells[1:]] == ["张建国", "欧阳明远", "合计"]
    assert cells[-1][3] == "2"  # 应参学 2 人次

    sheet = load_workbook(xlsx).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert "出勤情况公示表" in str(values[0][0])
    assert values[-1][1] == "合计" and values[-1][3] == "2"
    assert sheet.page_setup.orientation == "landscape"

    refused = run("stats", "--year", "2023", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx"))
    assert refused.exit_code != 0 and "--by member" in refused.stderr
    again = run(*base, "--format", "docx", "--out", str(docx))
    assert again.exit_code != 0 and "--force" in again.stderr


def test_stats_writes_its_csv_with_a_bom(office: None, ok: Ok, tmp_path: Path) -> None:
    out = tmp_path / "stats.csv"
    printed = ok("stats", "--year", "2023", "--by", "member", "--format", "csv")
    ok("stats", "--year", "2023", "--by", "member", "--format", "csv", "--out", str(out))
    assert out.read_bytes() == BOM + printed.encode()


def test_the_notice_docx_is_one_landscape_page_with_its_title(
    seeded: object, ok, tmp_path: Path
) -> None:
    """A document that opens with a wide table starts on a landscape page: the title above
    the notice, never alone on a portrait page; the title breaks after the group's name."""
    from docx import Document as open_docx
    from docx.enum.section import WD_ORIENT

    out = tmp_path / "公示.docx"
    ok("--lang", "zh", "stats", "--year", "2023", "--by", "member", "--format", "docx",
       "--out", str(out))  # fmt: skip
    document = open_docx(str(out))
    assert len(document.sections) == 1
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert "出勤情况公示表" in document.paragraphs[0].text

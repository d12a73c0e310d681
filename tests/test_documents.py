"""The annual report, sign-in sheets and the archive: what the office prints and files."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from tests.conftest import Backend, Database, Run
from tests.seed import ORG, record_seed_year

Ok = Callable[..., str]
AS_OF = ("--as-of", "2024-01-10")


def _seed_with_plan_and_ledger(ok: Ok) -> None:
    record_seed_year(ok)
    ok("plan", "add", "--year", "2023", "--month", "3", "--title", "全面从严治党")
    ok("session", "edit", "2023-03-15", "--plan", "1")
    ok("rectify", "add", "--problem", "学用结合不够紧密", "--measure", "建立清单",
       "--dept", "办公室", "--lead", "机关党委", "--due", "2023-06-30",
       "--session", "2023-03-15")  # fmt: skip


@pytest.fixture
def seeded(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("documents", _seed_with_plan_and_ledger))
    return database


def east_asian_font(run) -> str | None:  # type: ignore[no-untyped-def]
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


# -- the annual report ---------------------------------------------------------------------


def test_chinese_report_says_the_years_figures_in_the_offices_words(
    seeded: Database, ok: Ok
) -> None:
    text = ok("--lang", "zh", "report", "--year", "2023", *AS_OF)
    # The title names the reporting body (the 党组), then the report; three parts follow.
    assert text.startswith("测试局党组2023年度理论学习中心组学习情况汇报\n")
    assert "现将2023年度学习情况汇报如下：" in text
    parts = ["一、工作完成情况", "二、存在的问题和不足", "三、下步工作打算"]
    assert [text.index(part) for part in parts] == sorted(text.index(part) for part in parts)
    assert re.search(
        "全年组织党组中心组集中学习12次，开展集中学习研讨12次.*组织专题学习4次，专题学习研讨4次",
        text,
    )
    assert (
        "应参学72人次，实际参学67人次（其中迟到1人次），请假4人次，缺席1人次，出勤率93.1%" in text
    )
    assert "事后补学4人次，尚有1人次未补学，参学率（含补学）98.6%" in text
    assert "重点发言3人次、书面发言2人次、交流发言1人次" in text
    assert "全年学习“第一议题”2个" in text and "半数在8.5天以内，最长12天" in text
    assert "年初制定年度学习计划1项，已完成1项，计划执行率100.0%" in text
    assert "逾期未完成0项" not in text and "延期完成0项" not in text  # zeros are left out
    assert "登记问题1个，已整改销号0个，正在整改1个（其中逾期1个）" in text
    # 存在的问题: the ledger's problem and the check's failed rules, as 一是…二是…
    assert "一是学用结合不够紧密。二是有3名班子成员" in text
    assert "有1项整改任务逾期未完成" in text
    # 下步打算: the ledger's open measure with its department, lead and due date
    assert "（一）建立清单。由办公室负责、机关党委牵头，2023年6月30日前完成。" in text
    assert text.index(f"{ORG}\n") < text.index("2024年1月10日") < text.index("附件1")  # 落款
    assert "附件1：学习情况一览表" in text and "附件2：中心组成员出勤情况公示表" in text


def test_english_report_and_markdown(seeded: Database, ok: Ok) -> None:
    text = ok("report", "--year", "2023", *AS_OF)
    assert (
        "The group held 12 study sessions with 12 discussions, including 4 topic "
        "sessions with 4 topic discussions." in text
    )
    markdown = ok("report", "--year", "2023", "--format", "markdown", *AS_OF)
    assert markdown.startswith("# 测试局党组: theoretical study of the central group, 2023")
    assert "## 1. What was done" in markdown and "### (1) Rules kept" in markdown
    assert "| Name " in markdown and "| 孙八 " in markdown


def test_report_docx_follows_the_office_layout(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    out = tmp_path / "报告.docx"
    said = ok("--lang", "zh", "report", "--year", "2023", "--format", "docx", "--out", str(out))
    assert str(out) in said
    document = open_docx(str(out))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    # GB/T 9704-2012: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm block)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm) for margin in margins] == [37, 35, 28, 26]
    title = document.paragraphs[0]
    # Too long for one line of 2号 characters: broken after the reporting body, never mid-word
    assert title.text == "测试局党组\n2023年度理论学习中心组学习情况汇报"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    run = title.runs[0]
    assert east_asian_font(run) == "方正小标宋简体" and run.font.size == Pt(22)
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    layout = normal.paragraph_format
    # 22 lines in the 225 mm block: a 28.95 pt pitch
    assert layout.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert layout.line_spacing == Pt(28.95)
    assert layout.first_line_indent == Pt(32)  # two characters of 16 pt
    body = [p for p in document.paragraphs if "全年组织党组中心组集中学习12次" in p.text]
    assert (
        body
        and body[0].style.name == "Normal"
        and body[0].paragraph_format.first_line_indent is None
    )
    sessions, notice = document.tables
    assert [cell.text for cell in sessions.rows[0].cells][:3] == ["序号", "日期", "题目"]
    assert len(sessions.rows) == 1 + 12
    header = notice.rows[0]._tr
    assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    assert [row.cells[1].text for row in notice.rows[1:]] == [
        "张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "合计",
    ]  # fmt: skip
    total = [cell.text for cell in notice.rows[-1].cells]
    assert total[3:5] == ["72", "66"] and total[-3:-1] == ["93.1%", "98.6%"]


def test_report_errors_touch_nothing(seeded: Database, run: Run, tmp_path: Path) -> None:
    before = seeded.snapshot()
    result = run("report", "--year", "2023", "--format", "docx")
    assert result.exit_code == 1 and result.stderr == "Error: --out is required\n"
    result = run("report", "--year", "2023", "--format", "xml")
    assert result.exit_code == 2 and "not a valid --format" in result.stderr
    missing = tmp_path / "nowhere" / "r.docx"
    result = run("report", "--year", "2023", "--format", "docx", "--out", str(missing))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert seeded.snapshot() == before and not missing.parent.exists()


# -- sign-in sheets ------------------------------------------------------------------------


def test_sign_in_sheet_lists_exactly_the_expected_members(
    seeded: Database, ok: Ok, tmp_path: Path
) -> None:
    june, july = tmp_path / "june.docx", tmp_path / "july.xlsx"
    said = ok("--lang", "zh", "sheet", "2023-06-15", "--out", str(june))
    assert "共 6 人" in said
    document = open_docx(str(june))
    assert document.paragraphs[0].text == f"{ORG}学习签到表"
    assert document.paragraphs[1].text == "日期：2023年6月15日"
    (table,) = document.tables
    assert [cell.text for cell in table.rows[0].cells] == [
        "序号",
        "姓名",
        "职务",
        "本人签名",
        "备注",
    ]
    assert [row.cells[1].text for row in table.rows[1:]] == [
        "张三",
        "李四",
        "王五",
        "赵六",
        "钱七",
        "周九",
    ]

    ok("sheet", "2023-07-15", "--out", str(july))
    sheet = load_workbook(july).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    header = rows.index(["No.", "Name", "Post", "Attendance", "Signature", "Remarks"])
    names = [row[1] for row in rows[header + 1 :]]
    # 钱七 left; 吴十 observes: listed apart, below the members
    assert names == ["张三", "李四", "王五", "赵六", "孙八", "周九", None, "吴十"]
    assert rows[0][0] == f"{ORG}: sign-in sheet"


def test_sign_in_sheet_needs_a_known_format(seeded: Database, run: Run, tmp_path: Path) -> None:
    result = run("sheet", "1", "--out", str(tmp_path / "s.odt"))
    assert result.exit_code == 2  # a file name that cannot be read as a sheet: a usage mistake
    assert result.stderr.startswith("Error: ") and ".docx | .xlsx" in result.stderr
    assert not (tmp_path / "s.odt").exists()


# -- the archive ---------------------------------------------------------------------------


def test_archive_zip_holds_every_part_in_order(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    out = tmp_path / "档案.zip"
    said = ok("--lang", "zh", "archive", "--year", "2023", "--out", str(out), *AS_OF)
    assert "17 个文件" in said
    names = zipfile.ZipFile(out).namelist()
    assert all(name.startswith("2023年学习档案/") for name in names)
    files = [name.split("/", 1)[1] for name in names]
    assert files[0] == "00-目录.docx" and files[1] == "01-学习计划.docx"
    assert files[2:14] == [
        f"{n + 1:02d}-学习记录{n:02d}-2023-{n:02d}-15.docx" for n in range(1, 13)
    ]
    assert files[14:] == ["14-补学情况.docx", "15-整改台账.docx", "16-年度学习情况报告.docx"]

    extracted = tmp_path / "x"
    zipfile.ZipFile(out).extractall(extracted)
    folder = extracted / "2023年学习档案"
    contents = open_docx(str(folder / "00-目录.docx")).tables[0]
    assert [row.cells[2].text for row in contents.rows[1:]] == files[1:]
    assert contents.rows[2].cells[1].text == "2023年1月15日学习记录：集中学习第1次"
    april = open_docx(str(folder / "05-学习记录04-2023-04-15.docx"))
    assert "应到6人，实到4人，请假2人，缺席0人。" in [p.text for p in april.paragraphs]
    roll = april.tables[0]
    assert {row.cells[0].text: row.cells[4].text for row in roll.rows[1:]}["王五"] == "2023-04-18"
    makeups = open_docx(str(folder / "14-补学情况.docx")).tables[0]
    assert [
        makeups.rows[-1].cells[0].text,
        makeups.rows[-1].cells[2].text,
        makeups.rows[-1].cells[5].text,
    ] == ["2023-10-15", "周九", "未补学"]
    ledger = open_docx(str(folder / "15-整改台账.docx")).tables[0]
    assert ledger.rows[1].cells[1].text == "学用结合不够紧密"
    assert ledger.rows[1].cells[5].text == "2023-03-15"  # found at that session's discussion
    report = open_docx(str(folder / "16-年度学习情况报告.docx"))
    assert report.paragraphs[0].text == "测试局党组\n2023年度理论学习中心组学习情况汇报"


def test_archive_into_a_folder(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    out = tmp_path / "archive"
    ok("archive", "--year", "2023", "--out", str(out), *AS_OF)
    files = sorted(path.name for path in out.iterdir())
    assert (
        len(files) == 17 and files[0] == "00-contents.docx" and files[-1] == "16-annual-report.docx"
    )
    for path in out.iterdir():
        open_docx(str(path))  # every part opens


def test_archive_without_plan_or_ledger_still_says_so(ok: Ok, tmp_path: Path) -> None:
    ok("init", "--org", ORG)
    ok("member", "add", "张三")
    ok("session", "add", "--date", "2023-05-01", "--title", "学习")
    ok("attend", "2023-05-01")
    out = tmp_path / "a"
    ok("--lang", "zh", "archive", "--year", "2023", "--out", str(out))
    files = sorted(path.name for path in out.iterdir())
    assert files == ["00-目录.docx", "01-学习计划.docx", "02-学习记录01-2023-05-01.docx",
                     "03-补学情况.docx", "04-年度学习情况报告.docx"]  # fmt: skip
    plan = open_docx(str(out / "01-学习计划.docx"))
    assert "本年度未登记学习计划。" in [p.text for p in plan.paragraphs]


def test_word_tables_have_bold_centred_headers_and_rows_that_do_not_split(
    seeded: Database, ok: Ok, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.docx"
    ok("--lang", "zh", "sheet", "2023-06-15", "--out", str(out))
    (table,) = open_docx(str(out)).tables
    header = table.rows[0]
    assert all(cell.paragraphs[0].runs[0].bold for cell in header.cells)
    assert all(cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER for cell in header.cells)
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    widths = {cell.text: table.columns[index].width.cm for index, cell in enumerate(header.cells)}
    assert widths["本人签名"] > 3.5  # room to sign by hand
    assert widths["序号"] <= widths["姓名"] < widths["本人签名"]


def test_report_format_follows_the_file_name(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    ok("report", "--year", "2023", "--out", str(tmp_path / "r.docx"))
    open_docx(str(tmp_path / "r.docx"))  # a Word file, not text in a .docx
    ok("report", "--year", "2023", "--out", str(tmp_path / "r.md"))
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")
    clash = run("report", "--year", "2023", "--format", "text", "--out", str(tmp_path / "x.docx"))
    assert clash.exit_code == 1 and "does not match the file name" in clash.stderr
    folder = run("report", "--year", "2023", "--out", str(tmp_path))
    assert folder.exit_code == 1
    assert folder.stderr == f"Error: {tmp_path} is a folder; give a file name\n"
    assert "unexpected" not in folder.stderr


def test_archive_will_not_mix_into_a_folder_that_holds_files(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "a"
    ok("archive", "--year", "2023", "--out", str(out), *AS_OF)
    again = run("--lang", "zh", "archive", "--year", "2023", "--out", str(out), *AS_OF)
    assert again.exit_code == 1
    assert again.stderr == f"错误：{out} 已存在；如需替换请加 --force\n"
    assert len(list(out.iterdir())) == 17
    (out / "stray.txt").write_text("not part of the archive")
    ok("archive", "--year", "2023", "--out", str(out), "--force", *AS_OF)
    assert len(list(out.iterdir())) == 17  # replaced whole: nothing of the old folder mixed in
    assert not list(tmp_path.glob(".a.*"))  # no temporary left beside it


def test_a_year_without_sessions_states_no_zero(ok: Ok) -> None:
    """A clause whose figure is zero is left out: an empty year says so in words, never 「0次」."""
    ok("init", "--org", ORG)
    ok("member", "add", "张三")
    text = ok("--lang", "zh", "report", "--year", "2022", "--as-of", "2023-01-10")
    assert "全年尚未登记集中学习" in text
    assert not re.search(r"(?<![\d.])0(次|人次|个|项)", text)
    english = ok("report", "--year", "2022", "--as-of", "2023-01-10")
    assert "No study session is recorded for 2022 yet." in english

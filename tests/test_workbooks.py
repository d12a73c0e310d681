"""Every workbook studylog writes: a text that would start a formula stays text (Excel's quote
prefix), and every sheet is laid out to print (landscape, fitted to the page width, header
rows repeated, a filter on the header, columns as wide as their Chinese text)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from studylog.text.spreadsheet import column_widths, display_width, guard

Ok = Callable[..., str]
ORG = "某局党组理论学习中心组"
RISKY_NAME = "=1+1"
RISKY_TITLE = '=HYPERLINK("http://x","点我")'


@pytest.fixture
def risky(ok: Ok) -> None:
    """A group whose member and session title look like formulas."""
    ok("init", "--org", ORG)
    ok("member", "add", RISKY_NAME, "--title", "@SUM(A1)", "--joined", "2023-01-01")
    ok("member", "add", "欧阳明远", "--title", "政策法规处处长", "--joined", "2023-01-01")
    ok("session", "add", "--date", "2023-03-14", "--title", RISKY_TITLE, "--host", "欧阳明远")
    ok("attend", "2023-03-14", "--leave", "=1+1:-出差")


def _cells(path: Path) -> Iterator[Any]:
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            yield from row


def _workbooks(ok: Ok, folder: Path) -> dict[str, Path]:
    sheet, export, notice = folder / "sheet.xlsx", folder / "export.xlsx", folder / "notice.xlsx"
    ok("--lang", "zh", "sheet", "2023-03-14", "--out", str(sheet))
    ok("export", "--year", "2023", "--out", str(export))
    ok("stats", "--year", "2023", "--by", "member", "--format", "xlsx", "--out", str(notice))
    return {"sheet": sheet, "export": export, "notice": notice}


def test_formula_looking_text_stays_text_in_every_workbook(
    risky: None, ok: Ok, tmp_path: Path
) -> None:
    for kind, path in _workbooks(ok, tmp_path).items():
        cells = list(_cells(path))
        assert not [cell for cell in cells if cell.data_type == "f"], kind
        risky = [cell for cell in cells if isinstance(cell.value, str) and "=" in cell.value[:1]]
        assert RISKY_NAME in {cell.value for cell in risky}, kind
        if kind != "notice":  # the sheet shows it after its label: 「学习主题：=HYPERLINK…」
            titled = [cell for cell in cells if RISKY_TITLE in str(cell.value)]
            assert titled and all(cell.data_type == "s" for cell in titled), kind
        if kind == "export":
            assert RISKY_TITLE in {cell.value for cell in risky}
        for cell in risky:
            assert cell.data_type == "s" and cell.quotePrefix, (kind, cell.coordinate)


def test_every_sheet_is_laid_out_to_print(risky: None, ok: Ok, tmp_path: Path) -> None:
    for kind, path in _workbooks(ok, tmp_path).items():
        for sheet in load_workbook(path).worksheets:
            where = f"{kind}: {sheet.title}"
            assert sheet.page_setup.orientation == "landscape", where
            assert sheet.page_setup.fitToWidth == 1, where
            assert sheet.page_setup.fitToHeight == 0, where
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, where
            assert sheet.print_title_rows, where  # the header repeated on every page
            assert sheet.auto_filter.ref, where
            header_row = int(sheet.print_title_rows.split(":")[-1].lstrip("$"))
            assert sheet.auto_filter.ref.startswith(f"A{header_row}:"), where
            widths = [sheet.column_dimensions[letter].width for letter in "AB"]
            assert all(width and width >= 6 for width in widths), where


def test_the_guard_and_the_widths() -> None:
    from openpyxl import Workbook

    sheet = Workbook().active
    assert sheet is not None
    for value in ("=1+1", "+86", "-x", "@A1", "\tx", "\rx"):
        cell = guard(sheet.cell(row=1, column=1, value=value))
        assert (cell.value, cell.data_type, cell.quotePrefix) == (value, "s", True)
    plain = guard(sheet.cell(row=2, column=1, value="张三"))
    assert plain.data_type == "s" and not plain.quotePrefix
    assert display_width("欧阳明远") == 8 and display_width("ab") == 2
    assert column_widths([["姓名", "x"], ["欧阳明远", "y" * 100]]) == [10.0, 40.0]

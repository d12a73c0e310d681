"""The documents studylog writes as Excel workbooks: the sign-in sheet and a titled table (the
attendance notice), laid out to print (:mod:`studylog.text.spreadsheet`), every cell guarded."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from studylog.documents.archive import SignIn
from studylog.documents.notice import notice_document, notice_table, notice_title
from studylog.figures.tallies import YearReport
from studylog.text.messages import current_language, t
from studylog.text.spreadsheet import column_widths, fit_for_print, guard_sheet
from studylog.text.vocab import Status
from studylog.text.vocab import label as label_of

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
#: Points of paper a landscape A4 page leaves for the sign-in sheet's lines, below its header.
SIGNING_HEIGHT = 400


def _titled(worksheet: Any, title: str, width: int, lines: Sequence[str] = ()) -> int:
    """A merged title row and the ``lines`` under it; the number of the last row written."""
    from openpyxl.styles import Alignment, Font

    worksheet.append([title])
    worksheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    worksheet["A1"].font = Font(name=TITLE_FONT, size=18)
    worksheet["A1"].alignment = Alignment(horizontal="center")
    worksheet.row_dimensions[1].height = 30
    for text in lines:
        worksheet.append([text])
        line = worksheet.max_row
        worksheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=width)
    return int(worksheet.max_row)


def _ruled(worksheet: Any, first: int, bold_rows: set[int], height: float | None) -> None:
    """Borders, centring and the body font on every row from ``first`` (the header) down."""
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    for number, row in enumerate(
        worksheet.iter_rows(min_row=first, max_row=worksheet.max_row), start=first
    ):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.font = Font(name=BODY_FONT, size=12, bold=number in bold_rows)
        if height is not None and number != first:
            worksheet.row_dimensions[number].height = height


def write_sign_in_xlsx(sheet: SignIn, path: Path) -> None:
    """The sign-in sheet as an Excel workbook ready to print on one landscape A4 page, with a
    出勤情况 column (a drop-down) and 备注 to mark by hand; ``attend --from-sheet`` reads it
    back. Observers (列席) are listed apart below the members."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = t("sheet_tab")
    headers = [t("col_no"), t("col_name"), t("col_job_title"), t("col_status"),
               t("col_signature"), t("col_remark")]  # fmt: skip
    lines = [f"{label}：{value}" for label, value in sheet.header()]
    first = _titled(worksheet, t("sheet_title", org=sheet.org), len(headers), lines) + 1
    worksheet.append(headers)
    for number, (name, post) in enumerate(sheet.members, start=1):
        worksheet.append([number, name, post, "", "", ""])
    last_member = worksheet.max_row
    if sheet.observers:
        worksheet.append([t("sheet_observers_heading")])
        line = worksheet.max_row
        worksheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=len(headers))
        for number, (name, post) in enumerate(sheet.observers, start=1):
            worksheet.append([number, name, post, "", "", ""])
    statuses = ",".join(label_of(status) if current_language() == "zh" else status.value
                        for status in Status)  # fmt: skip
    choice = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=True)
    worksheet.add_data_validation(choice)
    choice.add(f"D{first + 1}:D{max(worksheet.max_row, first + 1)}")
    # Room to sign, as much as one page leaves: 15 members fit at 26 points a line.
    signing = max(worksheet.max_row - first, 1)
    _ruled(
        worksheet, first, {first, last_member + 1}, max(20.0, min(32.0, SIGNING_HEIGHT / signing))
    )
    worksheet.row_dimensions[first].height = 22
    names = [(name, post) for name, post in (*sheet.members, *sheet.observers)]
    widths = column_widths([headers[:3], *[("", name, post) for name, post in names]], widest=30)
    widths = [*widths[:3], 12.0, 24.0, 20.0]  # 出勤情况, then room to sign and to note
    fit_for_print(
        worksheet, header_rows=(first, first), columns=len(headers), widths=widths,
        last_row=worksheet.max_row,
    )  # fmt: skip
    worksheet.page_margins.top = worksheet.page_margins.bottom = 0.5
    guard_sheet(worksheet)
    workbook.save(str(path))


def write_table_xlsx(
    path: Path,
    *,
    title: str,
    sheet_name: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    total_row: bool = False,
) -> None:
    """A titled table (the attendance notice) as a workbook laid out to print, its last row
    in bold when it is the total."""
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet_name
    first = _titled(worksheet, title, len(headers)) + 1
    worksheet.append(list(headers))
    for row in rows:
        worksheet.append(list(row))
    bold = {first, worksheet.max_row} if total_row and rows else {first}
    _ruled(worksheet, first, bold, None)
    fit_for_print(
        worksheet, header_rows=(first, first), columns=len(headers),
        widths=column_widths([headers, *rows]),
        last_row=worksheet.max_row - (1 if total_row and rows else 0),
    )  # fmt: skip
    guard_sheet(worksheet)
    workbook.save(str(path))


def write_notice(report: YearReport, path: Path, *, org: str, fmt: str) -> None:
    """Write the notice to ``path`` (a temporary the caller renames): docx or xlsx."""
    if fmt == "docx":
        from studylog.documents.word import write_docx

        write_docx(notice_document(report, org=org), path)
        return
    headers, rows = notice_table(report)
    write_table_xlsx(
        path, title=notice_title(report, org), sheet_name=t("sheet_summary"), headers=headers,
        rows=rows, total_row=True,
    )  # fmt: skip

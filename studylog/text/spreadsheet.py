"""Every workbook studylog writes: its cells kept as text, its sheets laid out to print.

A text that a spreadsheet would take for a formula (it starts with ``=`` ``+`` ``-`` ``@``,
or a tab or a carriage return, as Excel reads them) is stored as a string cell with Excel's
quote prefix, so ``=1+1`` shows as ``=1+1`` and stays text when the cell is edited. Every
sheet prints landscape on A4, fitted to the page width, its header rows repeated on each
page, with a filter on the header and columns as wide as their Chinese text needs.

Here, at the bottom of the layers, so that the documents (the sign-in sheet, the notice) and
the export use the same guard; openpyxl is imported by the callers, never at module level.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from studylog.text.cells import FORMULA_STARTS

#: Column widths in characters: a column is never narrower, nor wider (it wraps).
NARROWEST, WIDEST = 6, 40
A4 = "9"  # openpyxl's Worksheet.PAPERSIZE_A4 (write-only sheets do not carry it)


def starts_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def guard(cell: Any) -> Any:
    """The cell, kept as text if its value would start a formula: a string cell with Excel's
    quote prefix (the one function every workbook cell studylog writes goes through)."""
    if starts_formula(cell.value):
        text = cell.value
        cell.value = text  # openpyxl marks it a formula again on every assignment
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def guard_sheet(worksheet: Any) -> None:
    """Guard every cell of a (not write-only) worksheet."""
    for row in worksheet.iter_rows():
        for cell in row:
            guard(cell)


def display_width(text: str) -> int:
    """Columns ``text`` takes on screen and paper: a Chinese character takes two."""
    from wcwidth import wcswidth

    widest = 0
    for line in text.splitlines() or [""]:
        width = wcswidth(line)
        widest = max(widest, width if width >= 0 else 2 * len(line))
    return widest


def column_widths(rows: Iterable[Iterable[Any]], *, widest: int = WIDEST) -> list[float]:
    """Each column's width (in Excel's characters) for the texts of ``rows``, header included:
    the widest text and a margin, between NARROWEST and ``widest``."""
    widths: list[int] = []
    for row in rows:
        for index, value in enumerate(row):
            if index >= len(widths):
                widths.append(0)
            widths[index] = max(widths[index], display_width(_text(value)))
    return [float(min(max(width + 2, NARROWEST), widest)) for width in widths]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return "0000-00-00"  # a date cell shows yyyy-mm-dd
    if isinstance(value, float):
        return "100.0%"
    return str(value)


def fit_for_print(
    worksheet: Any,
    *,
    header_rows: tuple[int, int],
    columns: int,
    widths: Iterable[float] | None = None,
    last_row: int | None = None,
) -> None:
    """Lay ``worksheet`` out to print: landscape A4, fitted to the page width (as many pages
    down as it needs), rows ``header_rows`` (first, last) repeated on every page, a filter on
    the last header row down to ``last_row``, and the column ``widths``.

    On a write-only sheet call it before the first row is added (the widths and the page
    properties are written first) and set the filter's range with :func:`filter_down` after.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    first, last = header_rows
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = A4
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    worksheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    worksheet.print_options.horizontalCentered = True
    worksheet.print_title_rows = f"{first}:{last}"
    for index, width in enumerate(widths or (), start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    if last_row is not None:
        filter_down(worksheet, header_row=last, columns=columns, last_row=last_row)


def filter_down(worksheet: Any, *, header_row: int, columns: int, last_row: int) -> None:
    """A filter on the header row's ``columns``, over the rows below it to ``last_row``."""
    from openpyxl.utils import get_column_letter

    end = get_column_letter(max(columns, 1))
    worksheet.auto_filter.ref = f"A{header_row}:{end}{max(last_row, header_row)}"

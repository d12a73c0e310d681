"""A file to import as import sees it: a :class:`Source` of :class:`Sheet` objects, each one
table found by its header row, its rows read lazily, and the places messages name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from studylog.errors import StudylogError
from studylog.text.messages import Phrase, t
from studylog.transfer.columns import HEADER_SEARCH, MARKERS, TABLES, Column, header_key

Style = Literal["xlsx", "csv", "json"]
Rows = Iterator[tuple[int, list[Any]]]


def _start_of_file() -> int:
    return 0


@dataclass
class Sheet:
    """One table in the file to import: where it is, its columns, and its rows, read lazily.

    Every row a reader yields is a list one cell longer than the headers, the extra cell
    empty: a column the sheet lacks is read from there (see :meth:`at`).
    """

    table: str
    file: str  # the file as messages show it
    name: str | None  # the sheet's name in a workbook
    style: Style
    headers: list[str]
    columns: dict[str, int]  # column key -> index in a row
    reader: Callable[[Sheet], Rows]
    total: int | None = None  # for the progress bar: rows, or bytes for CSV
    position: Callable[[], int] = _start_of_file  # how far the reader has got, in those units

    def rows(self) -> Rows:
        """(row number as a spreadsheet shows it, cells), blank rows left out."""
        return self.reader(self)

    def at(self) -> dict[str, int]:
        """Where each of the table's columns is in a row; a missing one reads the empty end."""
        return self._at

    @cached_property
    def _at(self) -> dict[str, int]:
        missing = len(self.headers)
        return {column.key: self.columns.get(column.key, missing) for column in TABLES[self.table]}

    @property
    def label(self) -> str:
        return self.name or Path(self.file).name

    def where(self, row: int | None = None, key: str | None = None) -> Phrase:
        """The place of the sheet, a row or a cell in the file, for a message."""
        params: dict[str, Any] = {"file": self.file, "sheet": self.name, "table": self.table}
        place = "json" if self.style == "json" else "sheet" if self.name is not None else "file"
        if row is None:
            return Phrase(f"where_{place}", params)
        params["row"] = row
        if key is None:
            return Phrase(f"where_{place}_row", params)
        params["column"] = key if self.style == "json" else self._column_name(key)
        return Phrase(f"where_{place}_cell", params)

    def _column_name(self, key: str) -> Phrase:
        index = self.columns.get(key)
        if index is None:
            return Phrase("where_column_missing", {"header": self.header(key)})
        return Phrase(
            "where_column", {"letter": _column_letter(index), "header": self.headers[index]}
        )

    def fail(self, row: int, key: str, error: StudylogError) -> StudylogError:
        """``error`` as found at a cell of this sheet."""
        return StudylogError(
            "import_bad_row", where=self.where(row, key), problem=Phrase(error.key, error.params)
        )

    def header(self, key: str) -> str:
        """The column's header as the sheet writes it, or its label when the sheet lacks it."""
        return self._header_of[key]

    @cached_property
    def _header_of(self) -> dict[str, str]:
        # Looked up for every checked cell of a large import: worked out once.
        return {
            column.key: self.headers[self.columns[column.key]]
            if column.key in self.columns
            else t(column.label)
            for column in TABLES[self.table]
        }


def _column(table: str, key: str) -> Column:
    return next(column for column in TABLES[table] if column.key == key)


def _column_letter(index: int) -> str:
    letters, number = "", index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def padded(cells: Sequence[Any], width: int) -> list[Any]:
    row = list(cells)
    if len(row) < width:
        row.extend([None] * (width - len(row)))
    return row


@dataclass
class Source:
    """A file to import: its tables and the study group it names (if it does)."""

    path: str
    sheets: list[Sheet] = field(default_factory=list)
    org: str | None = None
    year: int | None = None  # the year the file names (its about table), if it does
    extras: dict[str, list[Any]] = field(default_factory=dict)  # a JSON's notes, materials


def _table_of(headers: Sequence[Any]) -> tuple[str, dict[str, int]] | None:
    """The table a header row belongs to, and where each of its columns is."""
    keys = [header_key(str(cell)) if cell is not None else "" for cell in headers]
    present = set(keys)
    for table, marks in MARKERS:
        if all(_column(table, mark).headers() & present for mark in marks):
            found: dict[str, int] = {}
            for column in TABLES[table]:
                names = column.headers()
                index = next((index for index, key in enumerate(keys) if key in names), None)
                if index is not None:
                    found[column.key] = index
            return table, found
    return None


def find_header(rows: Iterable[Sequence[Any]]) -> tuple[int, list[str], str, dict[str, int]]:
    """The header row (after up to a few title rows): its number, cells, table and columns."""
    for number, cells in enumerate(rows, start=1):
        if number > HEADER_SEARCH:
            break
        detected = _table_of(cells)
        if detected is not None:
            headers = ["" if cell is None else str(cell).strip() for cell in cells]
            return number, headers, *detected
    raise LookupError

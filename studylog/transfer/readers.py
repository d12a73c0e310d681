"""Open a file to import: a workbook, a CSV file or a folder of them, or a JSON export.

Each reader finds the tables by their header rows (:func:`.sheets.find_header`) and hands
back sheets whose rows are read only when the import walks them: CSV through the csv module,
a workbook in openpyxl's read-only mode, JSON read whole (the json module cannot stream).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from studylog.errors import StudylogError
from studylog.text.messages import MESSAGES, Phrase
from studylog.transfer.columns import (
    ABOUT_ORG,
    ABOUT_YEAR,
    HEADER_SEARCH,
    IMPORTED,
    REQUIRED,
    SESSION_ROWS,
    TABLES,
    header_key,
)
from studylog.transfer.encoding import detect_encoding
from studylog.transfer.sheets import Rows, Sheet, Source, find_header, padded


@contextmanager
def read_source(path: Path) -> Iterator[Source]:
    """Open a workbook, a CSV file, a folder of CSV files or a JSON export to import."""
    shown_path = str(path)
    if not path.exists():
        raise StudylogError("import_no_file", path=shown_path)
    if not (path.is_dir() or path.is_file()):  # a FIFO would hang the read, a device never end
        raise StudylogError("import_not_a_file", path=shown_path)
    suffix = path.suffix.lower()
    if path.is_dir():
        source = Source(shown_path)
        for child in sorted(path.iterdir()):
            if child.suffix.lower() in (".csv", ".txt") and child.is_file():
                _add_csv(source, child, known_only=True)
        yield _checked(source)
    elif suffix in (".xlsx", ".xlsm"):
        with _opened_workbook(path) as source:
            yield _checked(source)
    elif suffix == ".json":
        yield _checked(_read_json(path))
    elif suffix in (".csv", ".txt"):
        source = Source(shown_path)
        _add_csv(source, path, known_only=False)
        yield _checked(source)
    else:
        raise StudylogError("import_unknown_file", path=shown_path)


def _checked(source: Source) -> Source:
    """Refuse a file with nothing to import, or a sheet without a column it cannot do without."""
    if not any(sheet.table in IMPORTED for sheet in source.sheets):
        raise StudylogError("import_nothing", path=source.path)
    for sheet in source.sheets:
        for key in REQUIRED.get(sheet.table, ()):
            if key not in sheet.columns:
                raise _missing(sheet, key)
        if sheet.table in SESSION_ROWS and not ({"session", "date"} & set(sheet.columns)):
            raise _missing(sheet, "date")
    return source


def _missing(sheet: Sheet, key: str) -> StudylogError:
    return StudylogError(
        "import_missing_column",
        where=sheet.where(),
        column=sheet.header(key),
        found=[header for header in sheet.headers if header],
    )


@contextmanager
def _csv_records(path: Path, encoding: str) -> Iterator[tuple[IO[bytes], Iterator[list[Any]]]]:
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
        yield raw, csv.reader(text)


def _add_csv(source: Source, path: Path, *, known_only: bool) -> None:
    shown_path = str(path)
    encoding = detect_encoding(path)
    try:
        with _csv_records(path, encoding) as (_, records):
            header_row, headers, table, columns = find_header(records)
            if table == "about":
                source.org, source.year = _about(records, columns)
    except LookupError:
        if known_only:  # a folder may hold other CSV files
            return
        raise StudylogError("import_nothing", path=shown_path) from None
    except csv.Error as error:
        raise StudylogError("import_bad_csv", path=shown_path, detail=str(error)) from None
    if table not in IMPORTED:  # the notice, about: export only
        return
    width = len(headers) + 1

    def read(sheet: Sheet) -> Rows:
        number = 0
        with _csv_records(path, encoding) as (raw, records):
            sheet.position = raw.tell  # bytes read: the bar moves with the file
            try:
                for number, cells in enumerate(records, start=1):
                    if number > header_row and any(cells):
                        if len(cells) < width:
                            cells.extend([None] * (width - len(cells)))
                        yield number, cells
            except csv.Error as error:
                problem = Phrase("import_csv_error", {"detail": str(error)})
                raise StudylogError(
                    "import_bad_row", where=sheet.where(number + 1), problem=problem
                ) from None
        sheet.position = lambda: size  # read to the end; the file is closed

    size = path.stat().st_size
    source.sheets.append(
        Sheet(
            table=table,
            file=shown_path,
            name=None,
            style="csv",
            headers=headers,
            columns=columns,
            reader=read,
            total=size,
        )
    )


def _about(rows: Iterable[Sequence[Any]], columns: dict[str, int]) -> tuple[str | None, int | None]:
    """The study group's name and the year in the about table's rows (those after its
    header): the year is the plan's when its rows do not give theirs."""
    figure, value = columns["figure"], columns["value"]
    names, years = _keys(ABOUT_ORG), _keys(ABOUT_YEAR)
    org, year = None, None
    for number, cells in enumerate(rows):
        if number >= HEADER_SEARCH:
            break
        row = padded(cells, max(figure, value) + 1)
        key = header_key(str(row[figure] or ""))
        if row[value] in (None, ""):
            continue
        if key in names and org is None:
            org = str(row[value]).strip()
        elif key in years and year is None:
            year = _year(row[value])
    return org, year


def _year(value: Any) -> int | None:
    text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()
    return int(text) if text.isdigit() and 1900 < int(text) < 2200 else None


def _keys(spellings: Sequence[str]) -> set[str]:
    keys = set()
    for spelling in spellings:
        keys |= {header_key(text) for text in MESSAGES.get(spelling, (spelling,))}
    return keys


@contextmanager
def _opened_workbook(path: Path) -> Iterator[Source]:
    from openpyxl import load_workbook

    try:
        # read_only streams the rows; data_only gives a formula's last value, not its text.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise StudylogError("import_bad_xlsx", path=str(path), detail=_first_line(error)) from None
    try:
        source = Source(str(path))
        for worksheet in workbook.worksheets:
            _add_worksheet(source, worksheet)
        yield source
    finally:
        workbook.close()


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _add_worksheet(source: Source, worksheet: Any) -> None:
    try:
        header_row, headers, table, columns = find_header(
            worksheet.iter_rows(max_row=HEADER_SEARCH, values_only=True)
        )
    except LookupError:  # a sheet of notes, a chart's data: not ours to read
        return
    if table == "about":
        rows = worksheet.iter_rows(min_row=header_row + 1, values_only=True)
        source.org, source.year = _about(rows, columns)
    if table not in IMPORTED:  # the notice, about: export only
        return
    width = len(headers) + 1

    def read(sheet: Sheet) -> Rows:
        done = [header_row]
        sheet.position = lambda: done[0]
        rows = worksheet.iter_rows(min_row=header_row + 1, values_only=True)
        for number, cells in enumerate(rows, start=header_row + 1):
            done[0] = number
            if any(cell is not None and cell != "" for cell in cells):
                yield number, padded(cells, width)

    source.sheets.append(
        Sheet(
            table=table,
            file=source.path,
            name=worksheet.title,
            style="xlsx",
            headers=headers,
            columns=columns,
            reader=read,
            total=worksheet.max_row,
        )
    )


def _read_json(path: Path) -> Source:
    """A JSON export, read whole (the json module cannot stream): large files go as CSV."""
    try:
        with path.open(encoding="utf-8-sig") as stream:
            document = json.load(stream)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StudylogError("import_bad_json", path=str(path), detail=str(error)) from None
    except RecursionError:  # e.g. a hundred thousand [ in a row
        detail = Phrase("import_json_nested", {})
        raise StudylogError("import_bad_json", path=str(path), detail=detail) from None
    if not isinstance(document, dict):
        raise StudylogError("import_bad_json", path=str(path), detail="not an object")
    org = document.get("org")
    source = Source(str(path), org=org.strip() if isinstance(org, str) and org.strip() else None)
    year = document.get("year")
    source.year = (
        _year(year) if isinstance(year, int | str) and not isinstance(year, bool) else None
    )
    for table in ("notes", "materials"):  # a session's own records: session_files_json
        if isinstance(document.get(table), list):
            source.extras[table] = document[table]
    for table in IMPORTED:
        items = document.get(table)
        if items is None:
            continue
        if not isinstance(items, list):
            raise StudylogError("import_bad_json", path=str(path), detail=f"{table}: not a list")
        keys = [column.key for column in TABLES[table]]
        source.sheets.append(
            Sheet(
                table=table,
                file=str(path),
                name=None,
                style="json",
                headers=keys,
                columns={key: index for index, key in enumerate(keys)},
                reader=_json_reader(items, keys),
                total=len(items),
            )
        )
    return source


def _json_reader(items: list[Any], keys: list[str]) -> Callable[[Sheet], Rows]:
    def read(sheet: Sheet) -> Rows:
        done = [0]
        sheet.position = lambda: done[0]
        for number, item in enumerate(items, start=1):
            done[0] = number
            if not isinstance(item, dict):
                problem = Phrase("import_not_object", {})
                raise StudylogError("import_bad_row", where=sheet.where(number), problem=problem)
            values = [item.get(key) for key in keys]
            for key, value in zip(keys, values, strict=True):
                expected = JSON_TYPES.get(key, (str,))
                if value is not None and not isinstance(value, expected):
                    problem = Phrase(
                        "import_json_type",
                        {
                            "column": key,
                            "found": Phrase(_json_kind(value), {}),
                            "expected": Phrase(JSON_KINDS[expected[0]], {}),
                        },
                    )
                    raise StudylogError(
                        "import_bad_row", where=sheet.where(number), problem=problem
                    )
            yield number, [*values, None]

    return read


#: What an export writes under each JSON key that is not text.
JSON_TYPES: dict[str, tuple[type, ...]] = {
    "id": (int, str),
    "session": (int, str),
    "discussion": (bool, str),
    "tags": (list, str),
    "forms": (list, str),
    "films": (int, str),
    "documents": (int, str),
    "hours": (int, float, str),
    "headcount": (int, str),
    "month": (int, str),
    "year": (int, str),
    "speakers": (list, str),
}


JSON_KINDS = {str: "json_text", int: "json_number", bool: "json_flag", list: "json_list"}


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "json_flag"
    if isinstance(value, int | float):
        return "json_number"
    if isinstance(value, str):
        return "json_text"
    if isinstance(value, list):
        return "json_list"
    return "json_other"

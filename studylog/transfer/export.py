"""Export a year's records to a workbook, CSV files or JSON (the tables of :mod:`.columns`).

xlsx: one sheet per table, dates as date cells, enums as labels in the output language. CSV:
one file per table in a folder (``members.csv`` …), in ``utf-8-sig`` (so Excel and WPS show
Chinese right), ``gb18030`` or ``utf-8``. JSON: one document with the tables' keys, CLI values
and ISO dates. A text cell that a spreadsheet would take for a formula (it starts with ``=``
``+`` ``-`` ``@``, a tab or a carriage return) is written as text: in CSV with a ``'`` in front
(a cell already starting with ``'`` gets one too, so import can take exactly one off); in xlsx
as a string cell marked "quote prefix". Every file is written beside its place and moved over
it once whole.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

from sqlalchemy import CompoundSelect, and_, or_, select, union
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.figures.tallies import Tallies, year_bounds, yearly_tallies
from studylog.outputs import written_file, written_folder
from studylog.store.models import Attendance, Makeup, Member, Org, SessionTag, Speech, StudySession
from studylog.text.cells import guarded as _guarded
from studylog.text.messages import t
from studylog.text.spreadsheet import (
    column_widths,
    filter_down,
    fit_for_print,
    guard,
    starts_formula,
)
from studylog.text.values import Plain, raw, shown
from studylog.transfer.activities import activity_tables
from studylog.transfer.beyond_rows import beyond_tables
from studylog.transfer.columns import (
    BATCH,
    EXPORTED,
    IMPORTED,
    SHEET_LABELS,
    TABLES,
    ExportFormat,
)
from studylog.transfer.plan_rows import ledger_rows as _ledger_rows
from studylog.transfer.plan_rows import plan_rows as _plan_rows
from studylog.transfer.session_files_json import TABLES as SESSION_FILES
from studylog.transfer.session_files_json import material_rows, note_rows
from studylog.transfer.studycells import session_forms, study_cells


@dataclass(frozen=True)
class Exported:
    """What an export wrote: the files, and the rows of each table."""

    paths: list[Path]
    counts: dict[str, int]


def year_tables(*, session: Session, org: Org, year: int) -> dict[str, Iterable[dict[str, Any]]]:
    """The year's tables as rows of raw values (enums, dates, bools), read when iterated."""
    start, end = year_bounds(year)
    return {
        "members": _member_rows(session, org, start, end),
        "sessions": _session_rows(session, org, start, end),
        "attendance": _attendance_rows(session, org, start, end),
        "makeups": _makeup_rows(session, org, start, end),
        "speeches": _speech_rows(session, org, start, end),
        **activity_tables(session=session, org=org, start=start, end=end),
        **beyond_tables(session=session, org=org, start=start, end=end),
        "plan": _plan_rows(session, org, year),
        "ledger": _ledger_rows(session, org, year),
        "summary": _summary_rows(session, org, year),
        "notes": note_rows(session, org, start, end),  # JSON only: see session_files_json
        "materials": material_rows(session, org, start, end),
        "about": [{"figure": "org", "value": org.name}, {"figure": "year", "value": year}],
    }


def _held_in(org: Org, start: date, end: date) -> Any:
    return and_(StudySession.org_id == org.id, StudySession.date.between(start, end))


def _member_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    # In the group at some time of the year, or named by its records (a speaker outside their
    # dates, a stale roll line): what the year's figures and rows need, in id order.
    sessions = select(StudySession.id).where(_held_in(org, start, end))
    named: CompoundSelect[Any] = union(
        select(Attendance.member_id).where(Attendance.session_id.in_(sessions)),
        select(Speech.member_id).where(Speech.session_id.in_(sessions)),
        select(StudySession.host_id).where(_held_in(org, start, end)),
    )
    overlaps = and_(
        or_(Member.joined.is_(None), Member.joined <= end),
        or_(Member.retired.is_(None), Member.retired >= start),
    )
    query = (
        select(Member.name, Member.title, Member.role, Member.joined, Member.retired)
        .where(Member.org_id == org.id, or_(overlaps, Member.id.in_(named)))
        .order_by(Member.id)
    )
    for row in session.execute(query):
        yield row._asdict()


def _session_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    tags: dict[int, list[str]] = {}
    for session_id, tag in session.execute(
        select(SessionTag.session_id, SessionTag.tag)
        .join(StudySession, StudySession.id == SessionTag.session_id)
        .where(_held_in(org, start, end))
        .order_by(SessionTag.session_id, SessionTag.tag)
    ):
        tags.setdefault(session_id, []).append(tag)
    query = (
        select(
            StudySession.id,
            StudySession.date,
            StudySession.title,
            StudySession.kind,
            StudySession.discussion,
            StudySession.format,
            Member.name.label("host"),
            StudySession.location,
            StudySession.first_agenda,
            StudySession.source_date,
            StudySession.films,
            StudySession.documents,
            StudySession.hours_hundredths,
        )
        .outerjoin(Member, Member.id == StudySession.host_id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id)
    )
    forms = session_forms(session, _held_in(org, start, end))
    for row in session.execute(query):
        yield study_cells(row._asdict(), forms.get(row.id, [])) | {"tags": tags.get(row.id, [])}


def _streamed(session: Session, query: Any) -> Iterator[dict[str, Any]]:
    for row in session.execute(query.execution_options(yield_per=BATCH)):
        yield row._asdict()


def _attendance_rows(
    session: Session, org: Org, start: date, end: date
) -> Iterator[dict[str, Any]]:
    return _streamed(
        session,
        select(
            StudySession.id.label("session"),
            StudySession.date,
            Member.name.label("member"),
            Attendance.status,
            Attendance.reason,
            Attendance.approver,
        )
        .join(Attendance, Attendance.session_id == StudySession.id)
        .join(Member, Member.id == Attendance.member_id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id, Member.id),
    )


def _makeup_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    return _streamed(
        session,
        select(
            StudySession.id.label("session"),
            StudySession.date,
            Member.name.label("member"),
            Makeup.date.label("made_up"),
            Makeup.method,
            Makeup.note,
        )
        .join(Attendance, Attendance.session_id == StudySession.id)
        .join(Makeup, Makeup.attendance_id == Attendance.id)
        .join(Member, Member.id == Attendance.member_id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id, Member.id),
    )


def _speech_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    return _streamed(
        session,
        select(
            StudySession.id.label("session"),
            StudySession.date,
            Member.name.label("member"),
            Speech.kind,
            Speech.title,
        )
        .join(Speech, Speech.session_id == StudySession.id)
        .join(Member, Member.id == Speech.member_id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id, Speech.id),
    )


def _summary_rows(session: Session, org: Org, year: int) -> Iterator[dict[str, Any]]:
    """The attendance notice, one row per member, as ``stats --by member`` counts it."""
    report = yearly_tallies(session=session, org=org, year=year, by="member")
    for row in report.rows:
        yield {"member": row.key, "title": row.title, **_notice_figures(row.tallies)}


def _notice_figures(tallies: Tallies) -> dict[str, Any]:
    figures = tallies.figures()
    keys = [column.key for column in TABLES["summary"][2:]]
    speeches = figures.pop("speeches")
    figures |= {f"speeches_{kind}": count for kind, count in speeches.items()}
    return {key: figures[key] for key in keys}


def export_year(
    *,
    session: Session,
    org: Org,
    year: int,
    fmt: ExportFormat,
    out: Path,
    encoding: str = "utf-8-sig",
    force: bool = False,
) -> Exported:
    """Write the year's tables to ``out``: an .xlsx or .json file, or a folder of CSV files,
    whole or not at all (:mod:`studylog.outputs`); an existing ``out`` only with ``force``."""
    tables = year_tables(session=session, org=org, year=year)
    if fmt == "xlsx":
        return _write_xlsx(out, tables, session=session, org=org, year=year, force=force)
    if fmt == "json":
        return _write_json(out, tables, org=org, year=year, force=force)
    return _write_csv(
        out, tables, session=session, org=org, year=year, encoding=encoding, force=force
    )


@contextmanager
def _replacing(path: Path, mode: str = "wb", *, force: bool, **options: Any) -> Iterator[IO[Any]]:
    """A file written to a temporary beside ``path`` and renamed over it once whole."""
    with written_file(path, force=force) as temporary, open(temporary, mode, **options) as stream:
        yield stream


def _sheet_rows(
    table: str, rows: Iterable[dict[str, Any]], *, session: Session, org: Org, year: int
) -> Iterable[dict[str, Any]]:
    """A table's rows as a spreadsheet shows them: the notice with its total row (an SQL
    aggregate like the rest), the about table's keys as labels."""
    if table == "summary":
        report = yearly_tallies(session=session, org=org, year=year)
        total = {"member": t("total"), "title": None, **_notice_figures(report.tallies)}
        return [*rows, total]
    if table == "plan":
        return ({**row, "status": t(f"plan_{row['status']}")} for row in rows)
    if table == "ledger":
        return (
            {**row, "state": t(f"state_{row['state']}"), "category": _category(row["category"])}
            for row in rows
        )
    if table == "about":
        return [{"figure": t(f"fig_{row['figure']}"), "value": row["value"]} for row in rows]
    return rows


def _category(value: str | None) -> str:
    """A ledger category in the output language (JSON keeps the stored value)."""
    from studylog.text.categories import category_label
    from studylog.text.messages import current_language

    return category_label(value, current_language())


def _written_cell(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _guarded(shown(value))


def _write_csv(
    folder: Path,
    tables: dict[str, Iterable[dict[str, Any]]],
    *,
    session: Session,
    org: Org,
    year: int,
    encoding: str,
    force: bool,
) -> Exported:
    if folder.exists() and not folder.is_dir():
        raise StudylogError("export_csv_folder", path=str(folder))
    paths, counts = [], {}
    with written_folder(folder, force=force) as scratch:
        for table in EXPORTED:
            columns = TABLES[table]
            rows = _sheet_rows(table, tables[table], session=session, org=org, year=year)
            count = 0
            with open(scratch / f"{table}.csv", "w", encoding=encoding, newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow([t(column.label) for column in columns])
                for row in rows:
                    writer.writerow([_written_cell(row.get(column.key)) for column in columns])
                    count += 1
            paths.append(folder / f"{table}.csv")
            counts[table] = count
    return Exported(paths=paths, counts=counts)


def _write_json(
    path: Path, tables: dict[str, Iterable[dict[str, Any]]], *, org: Org, year: int, force: bool
) -> Exported:
    counts = {}
    with _replacing(path, "w", force=force, encoding="utf-8", newline="\n") as stream:
        stream.write("{\n")
        stream.write(f'  "org": {json.dumps(org.name, ensure_ascii=False)},\n')
        stream.write(f'  "year": {year}')
        # One row a line, written as read: a large year never sits in memory whole.
        for table in (*IMPORTED, "summary", *SESSION_FILES):
            stream.write(f',\n  "{table}": [')
            count = 0
            for row in tables[table]:
                stream.write(",\n    " if count else "\n    ")
                stream.write(json.dumps(raw(row), ensure_ascii=False))
                count += 1
            stream.write("\n  ]" if count else "]")
            counts[table] = count
        stream.write("\n}\n")
    return Exported(paths=[path], counts=counts)


#: Rows of a table read ahead to size its columns (the rest stream by, as before).
SAMPLE = 200
#: A date column is wide enough for a date, even when the rows read ahead have none: Excel
#: shows ######## in a column too narrow for it.
DATE_KEYS = {"date", "joined", "retired", "made_up", "source_date", "session_date", "found",
             "due", "done_on", "planned_on"}  # fmt: skip
DATE_WIDTH = 12.0


def _write_xlsx(
    path: Path,
    tables: dict[str, Iterable[dict[str, Any]]],
    *,
    session: Session,
    org: Org,
    year: int,
    force: bool,
) -> Exported:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    # Write-only: rows go straight to the file, so a large year does not fill memory.
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    counts = {}
    for table in EXPORTED:
        columns = TABLES[table]
        sheet = workbook.create_sheet(t(SHEET_LABELS[table]))
        sheet.freeze_panes = "A2"
        labels = [t(column.label) for column in columns]
        rows = iter(_sheet_rows(table, tables[table], session=session, org=org, year=year))
        ahead = list(islice(rows, SAMPLE))
        shown_ahead = [[_width_text(row.get(column.key)) for column in columns] for row in ahead]
        widths = [
            max(width, DATE_WIDTH) if column.key in DATE_KEYS else width
            for column, width in zip(columns, column_widths([labels, *shown_ahead]), strict=True)
        ]
        fit_for_print(sheet, header_rows=(1, 1), columns=len(columns), widths=widths)
        header = []
        for label in labels:
            cell = guard(WriteOnlyCell(sheet, value=label))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        count = 0
        for row in chain(ahead, rows):
            sheet.append(
                [_xlsx_cell(sheet, row.get(column.key), WriteOnlyCell) for column in columns]
            )
            count += 1
        filter_down(sheet, header_row=1, columns=len(columns), last_row=count + 1)
        counts[table] = count
    with _replacing(path, force=force) as stream:
        workbook.save(stream)
    return Exported(paths=[path], counts=counts)


def _width_text(value: Any) -> Any:
    """What a cell shows, for its column's width: dates and rates as they are formatted."""
    if value is None or isinstance(value, date | float | int):
        return value
    return shown(value)


def _xlsx_cell(sheet: Any, value: Any, make: Callable[..., Any]) -> Any:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, date):
        cell = make(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, Plain):  # hours, days: a number
        return float(value)
    if isinstance(value, float):  # a rate
        cell = make(sheet, value=value)
        cell.number_format = "0.0%"
        return cell
    if isinstance(value, Decimal):  # hours: a number, as exact as typed
        return float(value)
    text = shown(value)
    if not starts_formula(text):
        return text or None
    # openpyxl would store "=1+1" as a formula: a string cell with Excel's quote prefix.
    return guard(make(sheet, value=text))

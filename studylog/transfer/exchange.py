"""Export a year's records to a workbook, CSV files or JSON, and import them back.

The tables, with the keys JSON uses (xlsx and CSV headers are their zh or en labels):

- ``members``: name, title, role, joined, retired — the members in the group at any time of
  the year, and any member the year's records name;
- ``sessions``: id, date, title, kind, discussion, format, host, location, first_agenda,
  source_date, tags — the sessions held in the year;
- ``attendance``: session, date, member, status, reason — every stored roll line;
- ``makeups``: session, date, member, made_up, method, note;
- ``speeches``: session, date, member, kind, title;
- ``summary``: the attendance notice (出勤公示) from :func:`~studylog.tallies.yearly_tallies`
  (export only; import skips it);
- ``about``: the study group and the year (so an import into a new database names the group).

``session`` is the session's ``id`` in the sessions table; ``date`` in the roll, make-up and
speech tables is the session's date (``made_up`` is the make-up's date).

Formats. xlsx: one sheet per table, dates as date cells, enums as labels in the output language.
CSV: one file per table in a folder (``members.csv`` …), in ``utf-8-sig`` (so Excel and WPS show
Chinese right), ``gb18030`` or ``utf-8``. JSON: one document with the keys above, CLI values and
ISO dates. A text cell that a spreadsheet would take for a formula (it starts with ``=`` ``+``
``-`` ``@``, a tab or a carriage return) is written as text: in CSV with a ``'`` in front (a cell
already starting with ``'`` gets one too, so import can take exactly one off); in xlsx as a string
cell marked "quote prefix".

Import reads what export writes (a workbook, a CSV file or a folder of them in any of those
encodings, a JSON export) and plain rosters and sign-in sheets with Chinese or English headers
(:data:`TABLES` lists the headers each column accepts). A sheet's table is recognised by its
headers, which may come after a few title rows; other sheets and columns are ignored. It only
adds records:

- a member is matched by name: one already in the group is kept as it is;
- a session already recorded (same date and title) is an error: the file was imported before;
- a roll line, make-up or speech names its session by ``session`` — the id in the file's
  sessions table when the import has one, else a session id in the database — or by its date
  when exactly one session (in the file or the database) was held that day;
- the domain rules hold: a member on a roll is expected that day, a speaker or host was in the
  group, a make-up is for a leave or an absence, after the session and not in the future, and
  nothing is given twice.

Import streams each sheet (csv reader iteration, openpyxl's read-only mode), checks each row in
memory against the members and sessions read with a few set-based queries, and inserts in
batches (Core executemany), all in one transaction: the caller's, which a bad row — reported
with its file, sheet, row and column — rolls back, so nothing is written.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Literal, Protocol, TypeVar

from sqlalchemy import CompoundSelect, Table, and_, insert, or_, select, text, union
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.figures.tallies import Tallies, year_bounds, yearly_tallies
from studylog.records.orgs import create_org, only_org, resolve_org
from studylog.store import audit
from studylog.store.models import (
    Attendance,
    Makeup,
    Member,
    Org,
    SessionTag,
    Speech,
    StudySession,
)
from studylog.store.tables import utcnow
from studylog.text.messages import MESSAGES, Phrase, t
from studylog.text.names import close_names
from studylog.text.parse import clean_name, clean_text, optional_text, parse_date, split_tags
from studylog.text.values import raw, shown
from studylog.text.vocab import LABELS, Format, Kind, Method, Role, SpeechKind, Status, choices

ExportFormat = Literal["xlsx", "csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("xlsx", "csv", "json")
CSV_ENCODINGS = ("utf-8-sig", "gb18030", "utf-8")
#: Tables in the order they are written and imported (a table refers only to earlier ones).
IMPORTED = ("members", "sessions", "attendance", "makeups", "speeches")
EXPORTED = (*IMPORTED, "summary", "about")
BATCH = 5000  # rows per executemany (or COPY)
PREFETCH = 200  # existing sessions whose rolls are read together
HEADER_SEARCH = 10  # the header row is looked for among this many first rows
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# -- the tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column: its key (JSON, CLI), its header label and the other headers import takes."""

    key: str
    label: str  # the i18n key of its header
    aliases: tuple[str, ...] = ()

    def headers(self) -> set[str]:
        """Every header that names this column: key, both languages' labels, aliases."""
        en, zh = MESSAGES[self.label]
        spellings = {self.key, self.key.replace("_", " "), en, zh, *self.aliases}
        return {_header_key(spelling) for spelling in spellings}


SESSION_REF = Column("session", "col_session_ref", ("session id", "session #", "学习序号"))
SESSION_DATE = Column("date", "col_session_date", ("日期", "date", "学习时间", "时间"))
MEMBER = Column("member", "col_name", ("名字", "成员姓名"))

TABLES: dict[str, tuple[Column, ...]] = {
    "members": (
        Column("name", "col_name", ("名字", "成员姓名")),
        Column("title", "col_job_title", ("职位", "job title")),
        Column("role", "col_role", ("身份",)),
        Column("joined", "col_joined", ("加入时间",)),
        Column("retired", "col_retired", ("left", "离开时间", "退出日期")),
    ),
    "sessions": (
        Column("id", "col_id", ("编号", "学习编号")),
        Column("date", "col_date", ("学习日期", "学习时间", "时间")),
        Column("title", "col_title", ("学习内容", "学习主题", "主题")),
        Column("kind", "col_kind", ("学习类型",)),
        Column("discussion", "col_discussion", ("是否研讨",)),
        Column("format", "col_format", ("学习形式",)),
        Column("host", "col_host", ("主持",)),
        Column("location", "col_location", ("学习地点",)),
        Column("first_agenda", "col_first_agenda", ()),
        Column("source_date", "col_source_date", ()),
        Column("tags", "col_tags", ()),
    ),
    "attendance": (
        SESSION_REF,
        SESSION_DATE,
        MEMBER,
        # A sign-in sheet's 签到 column, marked √ or 请假, is the roll too.
        Column(
            "status", "col_status", ("出勤", "出席情况", "签到", "签到情况", "参加情况", "状态")
        ),
        Column("reason", "col_reason", ("事由", "原因", "请假原因", "备注")),
    ),
    "makeups": (
        SESSION_REF,
        SESSION_DATE,
        MEMBER,
        Column("made_up", "col_made_up", ("补学时间",)),
        Column("method", "col_method", ()),
        Column("note", "col_note", ("补学内容",)),
    ),
    "speeches": (
        SESSION_REF,
        SESSION_DATE,
        MEMBER,
        Column("kind", "col_speech_kind", ("speech kind", "类型", "发言形式")),
        Column("title", "col_speech_title", ("题目",)),
    ),
    "summary": (
        Column("member", "col_name"),
        Column("title", "col_job_title"),
        *(
            Column(key, f"fig_{key}")
            for key in (
                "expected",
                "present",
                "late",
                "leave",
                "absent",
                "makeups",
                "makeups_outstanding",
                "attendance_rate",
                "participation_rate",
                "speeches_key",
                "speeches_written",
                "speeches_exchange",
            )
        ),
    ),
    "about": (Column("figure", "col_figure", ("key",)), Column("value", "col_value")),
}
SHEET_LABELS = {table: f"sheet_{table}" for table in EXPORTED}
#: A sheet is the first of these tables whose marking columns it has all of.
MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("summary", ("expected",)),
    ("about", ("figure", "value")),
    ("makeups", ("member", "made_up")),
    ("speeches", ("member", "kind")),
    ("attendance", ("member", "status")),
    ("members", ("name",)),
    ("sessions", ("date", "title")),
)
REQUIRED = {
    "members": ("name",),
    "sessions": ("date", "title"),
    "attendance": ("member", "status"),
    "makeups": ("member", "made_up"),
    "speeches": ("member", "kind"),
}
#: What the about table's first column calls the study group.
ABOUT_ORG = ("org", "fig_org", "学习组")
# Sign-in sheets mark attendance in more ways than the vocabulary's labels.
SIGN_IN_SPELLINGS: dict[StrEnum, tuple[str, ...]] = {
    Status.PRESENT: ("√", "✓", "✔", "到", "已到", "已签到", "签到", "出勤"),
    Status.ABSENT: ("×", "✗", "未到", "缺勤", "未参加"),
}
TRUE_WORDS = {"是", "有", "yes", "y", "true", "1", "√", "✓", "✔"}
FALSE_WORDS = {"否", "无", "no", "n", "false", "0", "×", ""}


def _header_key(text: str) -> str:
    """A header as compared: full-width folded, blanks dropped, case ignored."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


# -- export -------------------------------------------------------------------------------


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
        "summary": _summary_rows(session, org, year),
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
        )
        .outerjoin(Member, Member.id == StudySession.host_id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id)
    )
    for row in session.execute(query):
        yield row._asdict() | {"tags": tags.get(row.id, [])}


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
) -> Exported:
    """Write the year's tables to ``out``: an .xlsx or .json file, or a folder of CSV files."""
    tables = year_tables(session=session, org=org, year=year)
    if fmt == "xlsx":
        return _write_xlsx(out, tables, session=session, org=org, year=year)
    if fmt == "json":
        return _write_json(out, tables, org=org, year=year)
    return _write_csv(out, tables, session=session, org=org, year=year, encoding=encoding)


@contextmanager
def _replacing(path: Path, mode: str = "wb", **options: Any) -> Iterator[IO[Any]]:
    """A file written beside ``path`` and moved over it once whole: no half-written export."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(temporary, mode, **options) as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _sheet_rows(
    table: str, rows: Iterable[dict[str, Any]], *, session: Session, org: Org, year: int
) -> Iterable[dict[str, Any]]:
    """A table's rows as a spreadsheet shows them: the notice with its total row (an SQL
    aggregate like the rest), the about table's keys as labels."""
    if table == "summary":
        report = yearly_tallies(session=session, org=org, year=year)
        total = {"member": t("total"), "title": None, **_notice_figures(report.tallies)}
        return [*rows, total]
    if table == "about":
        return [{"figure": t(f"fig_{row['figure']}"), "value": row["value"]} for row in rows]
    return rows


def _guarded(text: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


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
) -> Exported:
    if folder.exists() and not folder.is_dir():
        raise StudylogError("export_csv_folder", path=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    paths, counts = [], {}
    for table in EXPORTED:
        columns = TABLES[table]
        rows = _sheet_rows(table, tables[table], session=session, org=org, year=year)
        path = folder / f"{table}.csv"
        count = 0
        with _replacing(path, "w", encoding=encoding, newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow([t(column.label) for column in columns])
            for row in rows:
                writer.writerow([_written_cell(row.get(column.key)) for column in columns])
                count += 1
        paths.append(path)
        counts[table] = count
    return Exported(paths=paths, counts=counts)


def _write_json(
    path: Path, tables: dict[str, Iterable[dict[str, Any]]], *, org: Org, year: int
) -> Exported:
    counts = {}
    with _replacing(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write("{\n")
        stream.write(f'  "org": {json.dumps(org.name, ensure_ascii=False)},\n')
        stream.write(f'  "year": {year}')
        # One row a line, written as read: a large year never sits in memory whole.
        for table in (*IMPORTED, "summary"):
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


# Column widths in characters for the longer texts; the rest fit their header.
_WIDTHS = {"title": 30, "first_agenda": 24, "note": 24, "reason": 16, "location": 14, "tags": 16}
# Dates need 10 characters and a margin, or Excel shows ########.
_WIDTHS |= {key: 12 for key in ("date", "joined", "retired", "made_up", "source_date")}


def _write_xlsx(
    path: Path,
    tables: dict[str, Iterable[dict[str, Any]]],
    *,
    session: Session,
    org: Org,
    year: int,
) -> Exported:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    # Write-only: rows go straight to the file, so a large year does not fill memory.
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    counts = {}
    for table in EXPORTED:
        columns = TABLES[table]
        sheet = workbook.create_sheet(t(SHEET_LABELS[table]))
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            width = max(_WIDTHS.get(column.key, 0), _display_width(t(column.label)) + 4, 8)
            sheet.column_dimensions[get_column_letter(index)].width = width
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=t(column.label))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        count = 0
        for row in _sheet_rows(table, tables[table], session=session, org=org, year=year):
            sheet.append(
                [_xlsx_cell(sheet, row.get(column.key), WriteOnlyCell) for column in columns]
            )
            count += 1
        counts[table] = count
    with _replacing(path) as stream:
        workbook.save(stream)
    return Exported(paths=[path], counts=counts)


def _xlsx_cell(sheet: Any, value: Any, make: Callable[..., Any]) -> Any:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, date):
        cell = make(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, float):  # a rate
        cell = make(sheet, value=value)
        cell.number_format = "0.0%"
        return cell
    text = shown(value)
    if not text.startswith(FORMULA_STARTS):
        return text or None
    # openpyxl would store "=1+1" as a formula: a string cell, and Excel's quote prefix so
    # that editing the cell keeps it text.
    cell = make(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


# -- reading files -------------------------------------------------------------------------


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


def _padded(cells: Sequence[Any], width: int) -> list[Any]:
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


def _table_of(headers: Sequence[Any]) -> tuple[str, dict[str, int]] | None:
    """The table a header row belongs to, and where each of its columns is."""
    keys = [_header_key(str(cell)) if cell is not None else "" for cell in headers]
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


def _find_header(rows: Iterable[Sequence[Any]]) -> tuple[int, list[str], str, dict[str, int]]:
    """The header row (after up to a few title rows): its number, cells, table and columns."""
    for number, cells in enumerate(rows, start=1):
        if number > HEADER_SEARCH:
            break
        detected = _table_of(cells)
        if detected is not None:
            headers = ["" if cell is None else str(cell).strip() for cell in cells]
            return number, headers, *detected
    raise LookupError


@contextmanager
def read_source(path: Path) -> Iterator[Source]:
    """Open a workbook, a CSV file, a folder of CSV files or a JSON export to import."""
    shown_path = str(path)
    if not path.exists():
        raise StudylogError("import_no_file", path=shown_path)
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
        if sheet.table in ("attendance", "makeups", "speeches") and not (
            {"session", "date"} & set(sheet.columns)
        ):
            raise _missing(sheet, "date")
    return source


def _missing(sheet: Sheet, key: str) -> StudylogError:
    return StudylogError(
        "import_missing_column",
        where=sheet.where(),
        column=sheet.header(key),
        found=[header for header in sheet.headers if header],
    )


# CSV. The encoding is settled over the whole file first, so reading it cannot fail half-way.


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` when the file starts with a BOM; else ``utf-8`` when all of it decodes
    as UTF-8, else ``gb18030`` (which reads GBK and GB2312 too). The standard library's
    strict decoders settle it; no guessing detector is needed for these three.
    """
    with path.open("rb") as stream:
        bom = stream.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
    tried = ("utf-8-sig",) if bom else ("utf-8", "gb18030")
    bad = 0
    for encoding in tried:
        found = _first_bad_byte(path, encoding)
        if found is None:
            return encoding
        bad = max(bad, found)  # the encoding that reads furthest is the one meant
    with path.open("rb") as stream:
        line = stream.read(bad).count(b"\n") + 1
    names = "UTF-8" if bom else "UTF-8, GB18030"
    raise StudylogError("import_bad_encoding", path=str(path), line=line, encoding=names)


def _first_bad_byte(path: Path, encoding: str) -> int | None:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with path.open("rb") as stream:
        try:
            while chunk := stream.read(1 << 20):
                decoder.decode(chunk)
                offset += len(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            return offset + max(error.start, 0)
    return None


@contextmanager
def _csv_records(path: Path, encoding: str) -> Iterator[tuple[IO[bytes], Iterator[list[Any]]]]:
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
        yield raw, csv.reader(text)


def _add_csv(source: Source, path: Path, *, known_only: bool) -> None:
    shown_path = str(path)
    encoding = detect_encoding(path)
    try:
        with _csv_records(path, encoding) as (_, records):
            header_row, headers, table, columns = _find_header(records)
            if table == "about":
                source.org = _about_org(records, columns)
    except LookupError:
        if known_only:  # a folder may hold other CSV files
            return
        raise StudylogError("import_nothing", path=shown_path) from None
    except csv.Error as error:
        raise StudylogError("import_bad_csv", path=shown_path, detail=str(error)) from None
    if table in ("about", "summary"):
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


def _about_org(rows: Iterable[Sequence[Any]], columns: dict[str, int]) -> str | None:
    """The study group's name in the about table's rows (those after its header)."""
    figure, value = columns["figure"], columns["value"]
    names = _org_keys()
    for number, cells in enumerate(rows):
        if number >= HEADER_SEARCH:
            break
        row = _padded(cells, max(figure, value) + 1)
        if _header_key(str(row[figure] or "")) in names and row[value] not in (None, ""):
            return str(row[value]).strip()
    return None


def _org_keys() -> set[str]:
    keys = set()
    for spelling in ABOUT_ORG:
        keys |= {_header_key(text) for text in MESSAGES.get(spelling, (spelling,))}
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
        header_row, headers, table, columns = _find_header(
            worksheet.iter_rows(max_row=HEADER_SEARCH, values_only=True)
        )
    except LookupError:  # a sheet of notes, a chart's data: not ours to read
        return
    if table == "about":
        rows = worksheet.iter_rows(min_row=header_row + 1, values_only=True)
        source.org = _about_org(rows, columns)
    if table in ("about", "summary"):
        return
    width = len(headers) + 1

    def read(sheet: Sheet) -> Rows:
        done = [header_row]
        sheet.position = lambda: done[0]
        rows = worksheet.iter_rows(min_row=header_row + 1, values_only=True)
        for number, cells in enumerate(rows, start=header_row + 1):
            done[0] = number
            if any(cell is not None and cell != "" for cell in cells):
                yield number, _padded(cells, width)

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
    if not isinstance(document, dict):
        raise StudylogError("import_bad_json", path=str(path), detail="not an object")
    org = document.get("org")
    source = Source(str(path), org=org.strip() if isinstance(org, str) and org.strip() else None)
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
            yield number, [*(item.get(key) for key in keys), None]

    return read


# -- cells ----------------------------------------------------------------------------------


def _text(value: Any, guarded: bool) -> str | None:
    """A cell as text; None when empty. Numbers read back as the digits a person typed."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):  # tags in JSON
        return "、".join(str(item) for item in value)
    text = str(value)
    if guarded and text.startswith("'"):  # export's formula guard
        text = text[1:]
    return text if text.strip() else None


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value, guarded=True)
    return None if text is None else parse_date(text)


def _flag(value: Any, what: str) -> bool:
    if isinstance(value, bool):
        return value
    word = _header_key(_text(value, guarded=True) or "")
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    yes_no = f"{t('yes')} | {t('no')}"
    raise StudylogError("bad_choice", what=what, value=str(value), choices=yes_no)


def _ref(value: Any) -> int | None:
    """A session id: 12, 12.0 or "#12"."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    text = _text(value, guarded=True)
    if text is None:
        return None
    digits = unicodedata.normalize("NFKC", text).strip().lstrip("#")
    if not digits.isdigit():
        raise StudylogError("import_bad_ref", value=text)
    return int(digits)


E = TypeVar("E", bound=StrEnum)
_SPELLINGS: dict[type[StrEnum], dict[str, StrEnum]] = {}


def _choice(enum: type[E], value: Any, what: str, default: E | None = None) -> E:
    """An enum from its CLI value, its English or Chinese label, or another known spelling."""
    spellings = _SPELLINGS.get(enum)
    if spellings is None:
        spellings = {}
        for member in enum:
            en, zh, aliases = LABELS[member]
            extra = SIGN_IN_SPELLINGS.get(member, ())
            for spelling in (member.value, member.name, en, zh, *aliases, *extra):
                spellings[_header_key(spelling)] = member
        _SPELLINGS[enum] = spellings
    text = _text(value, guarded=True)
    if text is None:
        if default is not None:
            return default
        raise StudylogError("empty_text", what=what)
    found = spellings.get(_header_key(text))
    if found is None:
        raise StudylogError("bad_choice", what=what, value=text, choices=choices(enum))
    return found  # type: ignore[return-value]


# -- import ---------------------------------------------------------------------------------


class Meter(Protocol):
    """Where import reports its progress: a bar on a terminal, or nothing."""

    def start(self, label: str, total: int | None) -> None: ...

    def update(self, done: int) -> None: ...


class _Silent:
    def start(self, label: str, total: int | None) -> None:
        pass

    def update(self, done: int) -> None:
        pass


@dataclass(frozen=True)
class Imported:
    """What an import added (or would add, in a dry run)."""

    org: str
    org_created: bool
    source_org: str | None  # the group the file names, if it does
    counts: dict[str, int]
    members_known: int  # member rows matched to members already in the group


@dataclass(slots=True)
class _Person:
    id: int
    name: str
    observer: bool
    joined: date | None
    retired: date | None
    byte: int  # this member's bit in a session's roll bitmap
    mask: int

    def in_group(self, day: date) -> bool:
        return (self.joined is None or self.joined <= day) and (
            self.retired is None or self.retired >= day
        )

    def expected(self, day: date) -> bool:
        return not self.observer and self.in_group(day)

    def why_not_expected(self, day: date) -> Phrase:
        """Why the member is not expected on ``day``, as ``attend`` says it."""
        if self.observer:
            return Phrase("why_observer")
        if self.retired is not None and self.retired < day:
            return Phrase("why_retired", {"on": self.retired})
        return Phrase("why_joined", {"on": self.joined})


@dataclass(slots=True)
class _Held:
    id: int
    date: date
    new: bool  # added by this import, so nothing of it is in the database yet
    loaded: bool = False  # an existing session's roll and speeches have been read
    place: int = 0  # an existing session's place in date order


Pair = tuple[int, int]  # (session id, member id)


def import_records(
    *,
    session: Session,
    source: Source,
    org_name: str | None,
    fallback_org: str,
    meter: Meter | None = None,
) -> Imported:
    """Add the file's records to the org inside the caller's transaction.

    The caller commits, or rolls back for a dry run; after an error it must roll back. The
    org is ``org_name`` (or the database's only one); a database without any org gets one,
    named ``org_name``, else as the file names it, else ``fallback_org``.
    """
    org, created = _target_org(session, org_name, source.org or fallback_org, source.org)
    mark = audit.mark_import(session, org)
    importer = _Importer(session, org, meter or _Silent(), mark.last_ids)
    for table in IMPORTED:
        for sheet in source.sheets:
            if sheet.table == table:
                getattr(importer, f"add_{table}")(sheet)
    audit.note_import(session, org, mark)
    return Imported(
        org=org.name,
        org_created=created,
        source_org=source.org,
        counts=importer.counts,
        members_known=importer.members_known,
    )


def _target_org(
    session: Session, name: str | None, from_file: str, named_in_file: str | None = None
) -> tuple[Org, bool]:
    if session.scalar(select(Org.id).limit(1)) is None:
        return create_org(session=session, name=name or from_file)
    if name is not None:
        return resolve_org(session=session, name=name), False
    org = only_org(session=session)
    assert org is not None  # the database has one
    if named_in_file is not None and named_in_file != org.name:
        # another group's records merged into this one unasked: say so, and how to mean it
        raise StudylogError("import_other_group", source=named_in_file, org=org.name)
    return org, False


def _stored(value: Any) -> Any:
    """A value as a column stores it: an enum member as its value."""
    return value.value if isinstance(value, StrEnum) else value


def _chunks(values: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


class _Importer:
    """The import's state: who and what is known, and what the file adds, checked in memory.

    Members and sessions are read with one query each up front; an existing session's roll,
    make-ups and speeches with one query each, the first time a row names it. Inserts are
    Core executemany batches on the tables: the ORM's bulk path would add per-row work an
    import does not need (it is the slower half of a large import). New members and
    sessions get their ids before they are inserted (:meth:`_new_ids`), so no insert has
    to return them.
    """

    def __init__(self, session: Session, org: Org, meter: Meter, last_ids: dict[str, int]) -> None:
        self.session, self.org, self.meter = session, org, meter
        self.last_ids = dict(last_ids)  # the largest id of each table so far
        self.created = utcnow()  # when the members and sessions it adds were recorded
        self.counts = dict.fromkeys(IMPORTED, 0)
        self.members_known = 0
        self.people: dict[str, _Person] = {}  # by name
        self.spelled: dict[Any, _Person] = {}  # by a name cell as the file spells it
        for row in session.execute(
            select(Member.id, Member.name, Member.role, Member.joined, Member.retired)
            .where(Member.org_id == org.id)
            .order_by(Member.id)
        ):
            self._know(row.id, row.name, row.role, row.joined, row.retired)
        self.deleted = set(  # deleted members keep their names: restore, not re-add
            session.scalars(
                select(Member.name)
                .where(Member.org_id == org.id, Member.archived_at.is_not(None))
                .execution_options(include_archived=True)
            )
        )
        self.stored: dict[int, _Held] = {}  # the database's sessions, by id
        self.in_order: list[_Held] = []  # the same, in date order
        self.titled: dict[tuple[date, str], int] = {}  # the database's sessions, by date and title
        self.by_date: dict[date, list[_Held]] = {}  # the database's and the file's
        for session_id, day, title in session.execute(
            select(StudySession.id, StudySession.date, StudySession.title)
            .where(StudySession.org_id == org.id)
            .order_by(StudySession.date, StudySession.id)
        ):
            held = _Held(session_id, day, new=False, place=len(self.in_order))
            self.stored[session_id] = held
            self.in_order.append(held)
            self.titled.setdefault((day, title), session_id)
            self.by_date.setdefault(day, []).append(held)
        self.in_file: dict[int, _Held] | None = None  # by the file's ids, once it has sessions
        self.held_of: dict[tuple[Any, Any], _Held] = {}  # by the cells that name a session
        # Roll lines: a bitmap of members per session (a million lines stay small), the status
        # of the lines that are not "present", ids of existing lines, and those made up.
        self.rolls: dict[int, bytearray] = {}
        self.marked: dict[Pair, Status] = {}
        self.line_ids: dict[Pair, int] = {}
        self.made_up: set[Pair] = set()
        self.spoken: set[tuple[int, int, SpeechKind]] = set()

    def _know(
        self, id: int, name: str, role: Role, joined: date | None, retired: date | None
    ) -> None:
        byte, bit = divmod(len(self.people), 8)
        observer = role == Role.OBSERVER
        self.people[name] = _Person(id, name, observer, joined, retired, byte, 1 << bit)

    def _insert(self, model: type[Any], rows: list[Any], sheet: Sheet) -> None:
        """Insert ``rows`` (dictionaries; plain tuples for roll lines) and empty the list."""
        if rows:
            if model is Attendance:
                self._insert_lines(rows)
            else:
                self.session.execute(insert(_table(model)), rows)
            self.counts[model.__table__.name] += len(rows)
            rows.clear()
        self.meter.update(sheet.position())

    def _insert_lines(self, lines: list[tuple[int, int, str, str | None]]) -> None:
        """Roll lines, the bulk of a large import, handed to the driver as plain tuples
        (session id, member id, status value, reason): SQLAlchemy's per-row parameter
        processing would cost as much as the inserts themselves. The values are already
        checked and of the stored types. On PostgreSQL they go in by COPY; on SQLite by
        executemany."""
        columns = ("session_id", "member_id", "status", "reason")
        if self._copied("attendance", columns, lines):
            return
        connection = self.session.connection()
        quote = connection.dialect.identifier_preparer.quote
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        connection.exec_driver_sql(
            f"INSERT INTO {quote('attendance')} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})",
            lines,
        )

    def _insert_new(self, model: type[Any], rows: list[dict[str, Any]]) -> Sequence[int]:
        """Insert ``rows`` with ids of their own (set in each row); those ids, in order.
        Every row names the same columns, with values of their Python types."""
        table = _table(model)
        ids = self._new_ids(table, len(rows))
        for row, new_id in zip(rows, ids, strict=True):
            row["id"] = new_id
        if not rows:
            return ids
        columns = list(rows[0])
        stored = ([_stored(value) for value in row.values()] for row in rows)
        if not self._copied(table.name, columns, stored):
            self.session.execute(insert(table), rows)
        return ids

    def _copied(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bool:
        """COPY ``rows`` into ``table`` when the database is PostgreSQL through psycopg, and
        say whether it did. psycopg runs an executemany as one statement per row; COPY is
        several times faster. The values are checked and of their Python types already."""
        connection = self.session.connection()
        if connection.dialect.driver != "psycopg":
            return False
        driver, dbapi = connection.connection.driver_connection, connection.dialect.dbapi
        assert driver is not None and dbapi is not None
        quote = connection.dialect.identifier_preparer.quote
        statement = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
        try:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        except dbapi.Error as error:  # as SQLAlchemy reports any other statement's error
            raise DBAPIError.instance(statement, None, error, dbapi.Error) from error
        return True

    def _new_ids(self, table: Table, count: int) -> Sequence[int]:
        """Ids for ``count`` new rows of ``table``, ascending, taken before the insert.

        An INSERT … RETURNING of many rows is slow on both databases: SQLAlchemy runs it a
        row at a time on SQLite to keep the ids in order, and psycopg converts each
        many-row statement afresh. On PostgreSQL the ids are drawn from the table's
        sequence; on SQLite they follow the table's largest id, as SQLite itself numbers a
        new row, which is safe because the import holds the write lock from its first
        statement to its commit.
        """
        if count == 0:
            return []
        dialect = self.session.get_bind().dialect.name
        if dialect == "postgresql":
            draw = text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            )
            return sorted(self.session.scalars(draw, {"table": table.name, "n": count}))
        assert dialect == "sqlite", dialect  # only its write lock makes the numbering safe
        first = self.last_ids[table.name] + 1
        self.last_ids[table.name] += count
        return range(first, first + count)

    # -- members (checked in full, then inserted together) and sessions (in batches) -----

    def add_members(self, sheet: Sheet) -> None:
        self.meter.start(sheet.label, sheet.total)
        at, guarded = sheet.at(), sheet.style == "csv"
        first: dict[str, int] = {}
        rows: list[dict[str, Any]] = []
        for number, cells in sheet.rows():
            key = "name"
            try:
                name = clean_name(_text(cells[at["name"]], guarded) or "")
                if name in first:
                    raise StudylogError("import_twice", name=name, row=first[name])
                first[name] = number
                if name in self.people:  # already in the group: kept as it is
                    self.members_known += 1
                    continue
                if name in self.deleted:
                    raise StudylogError("deleted_member_named", name=name)
                key = "title"
                title = optional_text(
                    _text(cells[at[key]], guarded), what=sheet.header(key), limit=200
                )
                key = "role"
                role = _choice(Role, cells[at[key]], sheet.header(key), Role.MEMBER)
                key = "joined"
                joined = _day(cells[at[key]])
                key = "retired"
                retired = _day(cells[at[key]])
                if joined is not None and retired is not None and retired < joined:
                    raise StudylogError("retired_before_joined", name=name, joined=joined)
            except StudylogError as error:
                raise sheet.fail(number, key, error) from None
            rows.append(
                {
                    "org_id": self.org.id,
                    "name": name,
                    "title": title,
                    "role": role,
                    "joined": joined,
                    "retired": retired,
                    "created_at": self.created,
                }
            )
        for row, new_id in zip(rows, self._insert_new(Member, rows), strict=True):
            self._know(new_id, row["name"], row["role"], row["joined"], row["retired"])
        self.counts["members"] += len(rows)
        self.meter.update(sheet.position())

    def add_sessions(self, sheet: Sheet) -> None:
        self.meter.start(sheet.label, sheet.total)
        if self.in_file is None:
            self.in_file = {}
        at, guarded = sheet.at(), sheet.style == "csv"
        rows: list[dict[str, Any]] = []
        refs: list[int | None] = []
        seen: set[int] = set()  # refs so far: a set, as a file may hold tens of thousands
        tags: list[list[str]] = []
        for number, cells in sheet.rows():
            key = "id"
            try:
                ref = _ref(cells[at[key]])
                if ref is not None and (ref in self.in_file or ref in seen):
                    raise StudylogError("import_session_twice", ref=ref)
                key = "date"
                day = _day(cells[at[key]])
                if day is None:
                    raise StudylogError("empty_text", what=sheet.header(key))
                key = "title"
                title = clean_text(_text(cells[at[key]], guarded) or "", what=sheet.header(key))
                stored = self.titled.get((day, title))
                if stored is not None:
                    raise StudylogError("import_session_exists", day=day, title=title, id=stored)
                key = "kind"
                kind = _choice(Kind, cells[at[key]], sheet.header(key), Kind.STUDY)
                key = "discussion"
                discussion = _flag(cells[at[key]], sheet.header(key))
                key = "format"
                held_as = _choice(Format, cells[at[key]], sheet.header(key), Format.IN_PERSON)
                key = "host"
                host_id = None
                if _text(cells[at[key]], guarded) is not None:
                    host = self._person(cells[at[key]], guarded)
                    if not host.in_group(day):
                        raise StudylogError("host_not_in_group", name=host.name, day=day)
                    host_id = host.id
                key = "location"
                location = optional_text(
                    _text(cells[at[key]], guarded), what=sheet.header(key), limit=200
                )
                key = "first_agenda"
                agenda = optional_text(_text(cells[at[key]], guarded), what=sheet.header(key))
                key = "source_date"
                source_date = _day(cells[at[key]])
                if source_date is not None and agenda is None:
                    raise StudylogError("source_without_agenda")
                if source_date is not None and source_date > day:
                    raise StudylogError("source_after_session", source=source_date, day=day)
                key = "tags"
                tags.append(split_tags([_text(cells[at[key]], guarded) or ""]))
            except StudylogError as error:
                raise sheet.fail(number, key, error) from None
            refs.append(ref)
            if ref is not None:
                seen.add(ref)
            rows.append(
                {
                    "org_id": self.org.id,
                    "date": day,
                    "title": title,
                    "kind": kind,
                    "discussion": discussion,
                    "format": held_as,
                    "host_id": host_id,
                    "location": location,
                    "first_agenda": agenda,
                    "source_date": source_date,
                    "plan_id": None,
                    "created_at": self.created,
                }
            )
            if len(rows) >= BATCH:
                self._insert_sessions(rows, refs, tags, sheet)
        self._insert_sessions(rows, refs, tags, sheet)

    def _insert_sessions(
        self,
        rows: list[dict[str, Any]],
        refs: list[int | None],
        tags: list[list[str]],
        sheet: Sheet,
    ) -> None:
        """Insert a batch of the file's sessions and their tags, note them, empty the lists."""
        assert self.in_file is not None
        tag_rows = []
        new_ids = self._insert_new(StudySession, rows)
        for row, ref, session_tags, new_id in zip(rows, refs, tags, new_ids, strict=True):
            held = _Held(new_id, row["date"], new=True)
            if ref is not None:
                self.in_file[ref] = held
            self.by_date.setdefault(held.date, []).append(held)
            tag_rows += [{"session_id": new_id, "tag": tag} for tag in session_tags]
        if tag_rows:
            self.session.execute(insert(_table(SessionTag)), tag_rows)
        self.counts["sessions"] += len(rows)
        for batch in (rows, refs, tags):
            batch.clear()
        self.meter.update(sheet.position())

    # -- the roll, make-ups and speeches: streamed, inserted in batches -------------------

    def add_attendance(self, sheet: Sheet) -> None:
        """The roll lines: the hot loop of a large import, so the common row costs a few
        dictionary look-ups; a first sight of a cell's value takes the careful way."""
        self.meter.start(sheet.label, sheet.total)
        at, guarded = sheet.at(), sheet.style == "csv"
        pick = itemgetter(at["session"], at["date"], at["member"], at["status"], at["reason"])
        held_of, person_of, rolls, marked = self.held_of, self.spelled, self.rolls, self.marked
        status_of: dict[Any, Status] = {}
        present = Status.PRESENT
        stored = {status: status.value for status in Status}  # a dict beats Enum.value here
        batch: list[tuple[int, int, str, str | None]] = []
        for number, cells in sheet.rows():
            ref, day, name, status_cell, reason_cell = pick(cells)
            try:
                held, person, status = held_of[ref, day], person_of[name], status_of[status_cell]
            except (KeyError, TypeError):  # a first sight, or a cell that cannot be a key
                held, person, status = self._line(sheet, number, cells, status_of)
            if not person.expected(held.date):
                why = person.why_not_expected(held.date)
                problem = StudylogError("not_expected", name=person.name, day=held.date, why=why)
                raise sheet.fail(number, "member", problem)
            reason = None
            if reason_cell is not None and reason_cell != "":
                try:
                    reason = optional_text(_text(reason_cell, guarded), what=sheet.header("reason"))
                except StudylogError as error:
                    raise sheet.fail(number, "reason", error) from None
            roll = rolls.get(held.id) or self._roll(held)
            if roll[person.byte] & person.mask:
                twice = StudylogError("import_on_roll", name=person.name, day=held.date)
                raise sheet.fail(number, "member", twice)
            roll[person.byte] |= person.mask
            if status is not present:
                marked[held.id, person.id] = status
            batch.append((held.id, person.id, stored[status], reason))
            if len(batch) >= BATCH:
                self._insert(Attendance, batch, sheet)
        self._insert(Attendance, batch, sheet)

    def _line(
        self, sheet: Sheet, number: int, cells: list[Any], status_of: dict[Any, Status]
    ) -> tuple[_Held, _Person, Status]:
        at = sheet.at()
        key = "date"
        try:
            held = self._held(cells[at["session"]], cells[at["date"]])
            key = "member"
            person = self._person(cells[at[key]], sheet.style == "csv")
            key = "status"
            cell = cells[at[key]]
            with suppress(TypeError):  # a cell that cannot be a key is read each time
                if cell in status_of:
                    return held, person, status_of[cell]
            status = _choice(Status, cell, sheet.header(key))
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        with suppress(TypeError):
            status_of[cell] = status
        return held, person, status

    def add_makeups(self, sheet: Sheet) -> None:
        self.meter.start(sheet.label, sheet.total)
        at, guarded = sheet.at(), sheet.style == "csv"
        today = date.today()
        pending: list[tuple[Pair, dict[str, Any]]] = []
        for number, cells in sheet.rows():
            key = "date"
            try:
                held = self._held(cells[at["session"]], cells[at["date"]])
                key = "member"
                person = self._person(cells[at[key]], guarded)
                day = held.date
                if not person.expected(day):
                    why = person.why_not_expected(day)
                    raise StudylogError("not_expected", name=person.name, day=day, why=why)
                status = self._status(held, person)
                if status is None:
                    raise StudylogError("no_roll", name=person.name, ref=f"#{held.id}", day=day)
                if status in (Status.PRESENT, Status.LATE):
                    raise StudylogError(
                        "makeup_not_missed", name=person.name, day=day, status=status
                    )
                if (held.id, person.id) in self.made_up:
                    raise StudylogError("makeup_exists", name=person.name, day=day)
                key = "made_up"
                made_up = _day(cells[at[key]])
                if made_up is None:
                    raise StudylogError("empty_text", what=sheet.header(key))
                if made_up < day:
                    raise StudylogError("makeup_before_session", on=made_up, day=day)
                if made_up > today:
                    raise StudylogError("makeup_in_future", on=made_up)
                key = "method"
                method = _choice(Method, cells[at[key]], sheet.header(key), Method.SELF_STUDY)
                key = "note"
                note = optional_text(
                    _text(cells[at[key]], guarded),
                    what=sheet.header(key),
                    limit=2000,
                    multiline=True,
                )
            except StudylogError as error:
                raise sheet.fail(number, key, error) from None
            pair = (held.id, person.id)
            self.made_up.add(pair)
            pending.append((pair, {"date": made_up, "method": method, "note": note}))
        # The lines these make-ups are for: known for an existing session's, the rest read
        # back (the roll was inserted without returning ids) a few hundred sessions a query.
        wanted = sorted({pair[0] for pair, _ in pending if pair not in self.line_ids})
        for chunk in _chunks(wanted):
            for line_id, session_id, member_id in self.session.execute(
                select(Attendance.id, Attendance.session_id, Attendance.member_id).where(
                    Attendance.session_id.in_(chunk),
                    Attendance.status.in_([Status.LEAVE, Status.ABSENT]),
                )
            ):
                self.line_ids[session_id, member_id] = line_id
        batch = [row | {"attendance_id": self.line_ids[pair]} for pair, row in pending]
        for chunk in _chunks(batch, BATCH):
            self._insert(Makeup, list(chunk), sheet)
        self.meter.update(sheet.position())

    def add_speeches(self, sheet: Sheet) -> None:
        self.meter.start(sheet.label, sheet.total)
        at, guarded = sheet.at(), sheet.style == "csv"
        batch: list[dict[str, Any]] = []
        for number, cells in sheet.rows():
            key = "date"
            try:
                held = self._held(cells[at["session"]], cells[at["date"]])
                key = "member"
                person = self._person(cells[at[key]], guarded)
                if not person.in_group(held.date):
                    raise StudylogError("not_in_group", name=person.name, day=held.date)
                key = "kind"
                kind = _choice(SpeechKind, cells[at[key]], sheet.header(key))
                if not held.new and not held.loaded:
                    self._load(held)
                if (held.id, person.id, kind) in self.spoken:
                    raise StudylogError(
                        "duplicate_speech", name=person.name, day=held.date, kind=kind
                    )
                key = "title"
                title = optional_text(_text(cells[at[key]], guarded), what=sheet.header(key))
            except StudylogError as error:
                raise sheet.fail(number, key, error) from None
            self.spoken.add((held.id, person.id, kind))
            batch.append(
                {
                    "session_id": held.id,
                    "member_id": person.id,
                    "kind": kind,
                    "title": title,
                }
            )
            if len(batch) >= BATCH:
                self._insert(Speech, batch, sheet)
        self._insert(Speech, batch, sheet)

    # -- finding members, sessions and roll lines -----------------------------------------

    def _person(self, value: Any, guarded: bool) -> _Person:
        """The member a cell names; an unknown name suggests close ones."""
        with suppress(TypeError):
            known = self.spelled.get(value)
            if known is not None:
                return known
        name = clean_name(_text(value, guarded) or "")
        person = self.people.get(name)
        if person is None:
            suggestions = close_names(name, list(self.people))
            raise StudylogError(
                "unknown_member", name=name, org=self.org.name, suggestions=suggestions
            )
        if isinstance(value, str) and not (guarded and value.startswith("'")):
            self.spelled[value] = person  # as the file spells it, for the next row
        return person

    def _held(self, ref_cell: Any, date_cell: Any) -> _Held:
        """The session a row names: by the file's id (or the database's), or by its date."""
        with suppress(TypeError):
            known = self.held_of.get((ref_cell, date_cell))
            if known is not None:
                return known
        held = self._find_held(_ref(ref_cell), _day(date_cell))
        with suppress(TypeError):
            self.held_of[ref_cell, date_cell] = held
        return held

    def _find_held(self, ref: int | None, day: date | None) -> _Held:
        if ref is not None:
            if self.in_file is not None:  # the import has sessions: its ids are the file's
                held = self.in_file.get(ref)
                if held is None:
                    raise StudylogError("import_unknown_session", ref=ref)
            else:
                stored = self.stored.get(ref)
                if stored is None:
                    raise StudylogError("unknown_session_id", ref=f"#{ref}")
                held = stored
            if day is not None and day != held.date:
                raise StudylogError("import_date_mismatch", ref=ref, day=held.date, given=day)
            return held
        if day is None:
            raise StudylogError("import_no_session")
        held_then = self.by_date.get(day, [])
        if not held_then:
            raise StudylogError("no_session_on", day=day)
        if len(held_then) > 1:
            raise StudylogError("ambiguous_session", day=day, ids=[f"#{s.id}" for s in held_then])
        return held_then[0]

    def _roll(self, held: _Held) -> bytearray:
        roll = self.rolls.get(held.id)
        if roll is None:
            # Members are all known by now: their sheets are read before any roll.
            roll = self.rolls[held.id] = bytearray(len(self.people) // 8 + 1)
            if not held.new and not held.loaded:
                self._load(held)
        return roll

    def _load(self, held: _Held) -> None:
        """An existing session's roll, make-ups and speeches, read with those of the next
        sessions in date order (a file is mostly in that order): two queries for up to
        :data:`PREFETCH` sessions, not two for each.
        """
        following = self.in_order[held.place : held.place + PREFETCH]
        chunk = [held, *(other for other in following if not other.loaded and other is not held)]
        for other in chunk:
            other.loaded = True
            self.rolls.setdefault(other.id, bytearray(len(self.people) // 8 + 1))
        ids = [other.id for other in chunk]
        by_id = {person.id: person for person in self.people.values()}
        for line_id, session_id, member_id, status, makeup_id in self.session.execute(
            select(
                Attendance.id,
                Attendance.session_id,
                Attendance.member_id,
                Attendance.status,
                Makeup.id,
            )
            .outerjoin(Makeup, Makeup.attendance_id == Attendance.id)
            .where(Attendance.session_id.in_(ids))
        ):
            person = by_id[member_id]
            self.rolls[session_id][person.byte] |= person.mask
            if status == Status.PRESENT:
                continue
            pair = (session_id, member_id)
            self.marked[pair] = status
            self.line_ids[pair] = line_id
            if makeup_id is not None:
                self.made_up.add(pair)
        for session_id, member_id, kind in self.session.execute(
            select(Speech.session_id, Speech.member_id, Speech.kind).where(
                Speech.session_id.in_(ids)
            )
        ):
            self.spoken.add((session_id, member_id, kind))

    def _status(self, held: _Held, person: _Person) -> Status | None:
        """The member's status on the session's roll; None when the roll does not list them."""
        if not self._roll(held)[person.byte] & person.mask:
            return None
        return self.marked.get((held.id, person.id), Status.PRESENT)

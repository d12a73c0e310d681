"""A sign-in sheet marked by hand, read back as the roll (``attend REF --from-sheet FILE``).

The sheet is the .xlsx ``studylog sheet`` writes: a header row with 姓名 and 出勤情况 (or their
English labels), one row per expected member, then the observers (列席) apart. Each member's
出勤情况 is a status (出席 / 迟到 / 请假 / 缺席, their English values, √ for present, × for
absent); 备注 gives a leave's reason (「请假：出差」 or just 「出差」). A blank status on a
member's row is an error naming the row; on an observer's row it means they did not come.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.attendance import _why, expected_members
from studylog.records.sessions import resolve_session
from studylog.store.models import Member, Org
from studylog.text.messages import MESSAGES, Phrase
from studylog.text.parse import clean_name, parse_enum
from studylog.text.vocab import Status

_TICKS = {"√": Status.PRESENT, "✓": Status.PRESENT, "到": Status.PRESENT, "×": Status.ABSENT}
_LEAVE_PREFIXES = ("请假：", "请假:", "请假", "leave:", "leave")


def _labels(key: str) -> set[str]:
    return {text.strip().lower() for text in MESSAGES[key]}


@dataclass
class MarkedSheet:
    """The roll a sheet gives, as ``attend``'s lists, and the observers who came."""

    names: dict[str, Any] = field(
        default_factory=lambda: {"present": [], "late": [], "leave": [], "absent": []}
    )
    observers: list[str] = field(default_factory=list)


def read_marked_sheet(*, session: Session, org: Org, ref: str, path: Path) -> MarkedSheet:
    from openpyxl import load_workbook

    record = resolve_session(session=session, org=org, ref=ref)
    expected = {
        member.name for member in expected_members(session=session, org=org, on=record.date)
    }
    members = {member.name: member for member in session.scalars(
        select(Member).where(Member.org_id == org.id))}  # fmt: skip
    workbook = load_workbook(path, read_only=True, data_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    columns = _header(rows, path)
    if columns is None:
        name_label, status_label = MESSAGES["col_name"][1], MESSAGES["col_status"][1]
        raise StudylogError("sheet_no_header", path=str(path), name=name_label, status=status_label)
    start, name_at, status_at, remark_at = columns
    marked = MarkedSheet()
    observers = _labels("sheet_observers_heading")
    in_observers = False
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        cells = [str(cell).strip() if cell is not None else "" for cell in row]
        if cells and cells[0].lower() in observers:
            in_observers = True
            continue
        name = cells[name_at] if name_at < len(cells) else ""
        if not name:
            continue
        name = clean_name(name)
        status_text = cells[status_at] if status_at < len(cells) else ""
        remark = cells[remark_at] if remark_at is not None and remark_at < len(cells) else ""

        def bad(detail: Phrase, row: int = number, who: str = name) -> StudylogError:
            return StudylogError("sheet_row", path=str(path), row=row, name=who, detail=detail)

        if in_observers:
            if status_text and _status(status_text) in (Status.PRESENT, Status.LATE):
                marked.observers.append(name)
            continue
        member = members.get(name)
        if member is None:
            raise bad(Phrase("sheet_unknown"))
        if name not in expected:
            raise bad(Phrase("sheet_not_expected", {"why": _why(member)}))
        if not status_text:
            raise bad(Phrase("sheet_blank_status"))
        try:
            status = _status(status_text)
        except StudylogError as error:
            raise bad(Phrase(error.key, dict(error.params))) from None
        if status == Status.LEAVE:
            marked.names["leave"].append((name, _reason(remark)))
        else:
            marked.names[status.value].append(name)
    return marked


def _header(rows: list[tuple[Any, ...]], path: Path) -> tuple[int, int, int, int | None] | None:
    names, statuses, remarks = _labels("col_name"), _labels("col_status"), _labels("col_remark")
    for index, row in enumerate(rows[:20]):
        cells = [str(cell).strip().lower() if cell is not None else "" for cell in row]
        name_at = next((i for i, cell in enumerate(cells) if cell in names), None)
        status_at = next((i for i, cell in enumerate(cells) if cell in statuses), None)
        if name_at is not None and status_at is not None:
            remark_at = next((i for i, cell in enumerate(cells) if cell in remarks), None)
            return index, name_at, status_at, remark_at
    return None


def _status(text: str) -> Status:
    return _TICKS.get(text) or parse_enum(Status, text, what="出勤情况")


def _reason(remark: str) -> str | None:
    for prefix in _LEAVE_PREFIXES:
        if remark.lower().startswith(prefix):
            remark = remark[len(prefix) :]
            break
    return remark.strip() or None

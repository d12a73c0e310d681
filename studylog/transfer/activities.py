"""Members' outputs, self-study and other meetings' first agenda items in export and import.

Export writes the year's rows (deleted ones and deleted members' left out); import checks each
row as the commands do (a member in the group that day, a kind, level or meeting from the
vocabulary, nothing dated after today, nothing given twice) and adds them in batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.store.models import AgendaItem, Member, MemberOutput, Org, SelfStudy, StudySession
from studylog.text.activity_words import Level, Meeting, OutputKind
from studylog.text.hours import hours_value, parse_hours
from studylog.text.parse import clean_text, optional_text
from studylog.transfer.cells import cell_choice, cell_day, cell_ref, cell_text
from studylog.transfer.columns import BATCH
from studylog.transfer.known import Known
from studylog.transfer.loading import Loader
from studylog.transfer.sheets import Sheet

# -- export -----------------------------------------------------------------------------------


def activity_tables(
    *, session: Session, org: Org, start: date, end: date
) -> dict[str, Iterator[dict[str, Any]]]:
    """The year's outputs, self-study and agenda items as export rows (raw values)."""
    return {
        "member_outputs": _output_rows(session, org, start, end),
        "self_study": _self_study_rows(session, org, start, end),
        "agenda_items": _agenda_rows(session, org, start, end),
    }


def _output_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    # The session is named only when it is among the file's sessions (held in the year).
    linked = and_(StudySession.id == MemberOutput.session_id, StudySession.date.between(start, end))
    query = (
        select(
            MemberOutput.date,
            Member.name.label("member"),
            MemberOutput.kind,
            MemberOutput.title,
            MemberOutput.venue,
            MemberOutput.level,
            StudySession.id.label("session"),
        )
        .join(Member, Member.id == MemberOutput.member_id)
        .outerjoin(StudySession, linked)
        .where(MemberOutput.org_id == org.id, MemberOutput.date.between(start, end))
        .order_by(MemberOutput.date, MemberOutput.id)
    )
    for row in session.execute(query):
        yield row._asdict()


def _self_study_rows(
    session: Session, org: Org, start: date, end: date
) -> Iterator[dict[str, Any]]:
    query = (
        select(SelfStudy.date, Member.name, SelfStudy.hours_hundredths, SelfStudy.title)
        .join(Member, Member.id == SelfStudy.member_id)
        .where(SelfStudy.org_id == org.id, SelfStudy.date.between(start, end))
        .order_by(SelfStudy.date, SelfStudy.id)
    )
    for day, name, hundredths, title in session.execute(query):
        yield {"date": day, "member": name, "hours": hours_value(hundredths), "title": title}


def _agenda_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    query = (
        select(AgendaItem.meeting, AgendaItem.date, AgendaItem.title, AgendaItem.source_date)
        .where(AgendaItem.org_id == org.id, AgendaItem.date.between(start, end))
        .order_by(AgendaItem.date, AgendaItem.id)
    )
    for row in session.execute(query):
        yield row._asdict()


# -- import -----------------------------------------------------------------------------------


class _Row:
    """One row of a sheet as it is read: each cell asked for by its column, the column noted,
    so that a refusal names the column it came from."""

    def __init__(self, sheet: Sheet, cells: list[Any], known: Known) -> None:
        self.sheet, self.cells, self.known = sheet, cells, known
        self.at, self.guarded = sheet.at(), sheet.style == "csv"
        self.column = ""

    def raw(self, column: str) -> Any:
        self.column = column
        return self.cells[self.at[column]]

    def text(self, column: str) -> str | None:
        return cell_text(self.raw(column), self.guarded)

    @property
    def what(self) -> str:
        return self.sheet.header(self.column)

    def day(self, column: str = "date") -> date:
        day = cell_day(self.raw(column))
        if day is None:
            raise StudylogError("empty_text", what=self.what)
        if day > date.today():
            raise StudylogError("date_in_future", on=day)
        return day

    def title(self) -> str:
        return clean_text(self.text("title") or "", what=self.what)

    def member_on(self, day: date) -> Any:
        person = self.known.person(self.raw("member"), self.guarded)
        if not person.in_group(day):
            raise StudylogError("not_in_group", name=person.name, day=day)
        return person


#: What one row becomes: its key among the org's rows (a second one is refused), the error
#: that refusal raises, and the row's values.
Read = tuple[tuple[Any, ...], StudylogError, dict[str, Any]]


def _load(
    known: Known,
    loader: Loader,
    sheet: Sheet,
    model: Any,
    keys: tuple[Any, ...],
    read: Callable[[_Row], Read],
) -> None:
    """Every row of ``sheet`` read and checked by ``read``, a row already recorded (or given
    twice) refused, the rows added in batches; a refusal names the row and the column."""
    loader.meter.start(sheet.label, sheet.total)
    query = select(*keys).where(model.org_id == known.org.id)
    seen = {tuple(row) for row in loader.session.execute(query)}
    batch: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        row = _Row(sheet, cells, known)
        try:
            key, duplicate, values = read(row)
            if key in seen:
                raise duplicate
        except StudylogError as error:
            raise sheet.fail(number, row.column, error) from None
        seen.add(key)
        batch.append({"org_id": known.org.id, **values, "created_at": loader.created})
        if len(batch) >= BATCH:
            loader.insert(model, batch, sheet)
    loader.insert(model, batch, sheet)


def _output(row: _Row) -> Read:
    day = row.day()
    person = row.member_on(day)
    kind = cell_choice(OutputKind, row.raw("kind"), row.what)
    title = row.title()
    venue = optional_text(row.text("venue"), what=row.what, limit=200)
    level = None
    if row.text("level") is not None:
        level = cell_choice(Level, row.raw("level"), row.what)
    ref = cell_ref(row.raw("session"))
    session_id = None if ref is None else row.known.find_held(ref, None).id
    duplicate = StudylogError("duplicate_output", id="—", name=person.name, day=day)
    values = {"member_id": person.id, "kind": kind, "date": day, "title": title}
    values |= {"venue": venue, "level": level, "session_id": session_id}
    return (person.id, kind, day, title), duplicate, values


def _self_study(row: _Row) -> Read:
    day = row.day()
    person = row.member_on(day)
    hours = row.text("hours")
    if hours is None:
        raise StudylogError("empty_text", what=row.what)
    hundredths = parse_hours(hours, what=row.what)
    title = row.title()
    duplicate = StudylogError("duplicate_self_study", id="—", name=person.name, day=day)
    values = {"member_id": person.id, "date": day, "hours_hundredths": hundredths, "title": title}
    return (person.id, day, title), duplicate, values


def _agenda_item(row: _Row) -> Read:
    meeting = cell_choice(Meeting, row.raw("meeting"), row.sheet.header("meeting"))
    day = row.day()
    title = row.title()
    source = cell_day(row.raw("source_date"))
    if source is not None and source > day:
        raise StudylogError("source_after_meeting", source=source, day=day)
    duplicate = StudylogError("duplicate_agenda_item", id="—", day=day)
    values = {"meeting": meeting, "date": day, "title": title, "source_date": source}
    return (meeting, day, title), duplicate, values


def add_outputs(known: Known, loader: Loader, sheet: Sheet) -> None:
    keys = (MemberOutput.member_id, MemberOutput.kind, MemberOutput.date, MemberOutput.title)
    _load(known, loader, sheet, MemberOutput, keys, _output)


def add_self_study(known: Known, loader: Loader, sheet: Sheet) -> None:
    keys = (SelfStudy.member_id, SelfStudy.date, SelfStudy.title)
    _load(known, loader, sheet, SelfStudy, keys, _self_study)


def add_agenda_items(known: Known, loader: Loader, sheet: Sheet) -> None:
    keys = (AgendaItem.meeting, AgendaItem.date, AgendaItem.title)
    _load(known, loader, sheet, AgendaItem, keys, _agenda_item)

"""Members' outputs, self-study and other meetings' first agenda items in export and import.

Export writes the year's rows (deleted ones and deleted members' left out); import checks each
row as the commands do (a member in the group that day, a kind, level or meeting from the
vocabulary, nothing dated after today, nothing given twice) and adds them in batches.
"""

from __future__ import annotations

from collections.abc import Iterator
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


def _required_day(value: Any, what: str) -> date:
    day = cell_day(value)
    if day is None:
        raise StudylogError("empty_text", what=what)
    if day > date.today():
        raise StudylogError("date_in_future", on=day)
    return day


def add_outputs(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    seen: set[tuple[Any, ...]] = {
        tuple(row)
        for row in loader.session.execute(
            select(
                MemberOutput.member_id, MemberOutput.kind, MemberOutput.date, MemberOutput.title
            ).where(MemberOutput.org_id == known.org.id)
        )
    }
    batch: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        key = "date"
        try:
            day = _required_day(cells[at[key]], sheet.header(key))
            key = "member"
            person = known.person(cells[at[key]], guarded)
            if not person.in_group(day):
                raise StudylogError("not_in_group", name=person.name, day=day)
            key = "kind"
            kind = cell_choice(OutputKind, cells[at[key]], sheet.header(key))
            key = "title"
            title = clean_text(cell_text(cells[at[key]], guarded) or "", what=sheet.header(key))
            key = "venue"
            venue = optional_text(
                cell_text(cells[at[key]], guarded), what=sheet.header(key), limit=200
            )
            key = "level"
            level = None
            if cell_text(cells[at[key]], guarded) is not None:
                level = cell_choice(Level, cells[at[key]], sheet.header(key))
            key = "session"
            ref = cell_ref(cells[at[key]])
            session_id = None if ref is None else known.find_held(ref, None).id
            if (person.id, kind, day, title) in seen:
                raise StudylogError("duplicate_output", id="—", name=person.name, day=day)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        seen.add((person.id, kind, day, title))
        batch.append(
            {
                "org_id": known.org.id,
                "member_id": person.id,
                "kind": kind,
                "date": day,
                "title": title,
                "venue": venue,
                "level": level,
                "session_id": session_id,
                "created_at": loader.created,
            }
        )
        if len(batch) >= BATCH:
            loader.insert(MemberOutput, batch, sheet)
    loader.insert(MemberOutput, batch, sheet)


def add_self_study(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    seen: set[tuple[Any, ...]] = {
        tuple(row)
        for row in loader.session.execute(
            select(SelfStudy.member_id, SelfStudy.date, SelfStudy.title).where(
                SelfStudy.org_id == known.org.id
            )
        )
    }
    batch: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        key = "date"
        try:
            day = _required_day(cells[at[key]], sheet.header(key))
            key = "member"
            person = known.person(cells[at[key]], guarded)
            if not person.in_group(day):
                raise StudylogError("not_in_group", name=person.name, day=day)
            key = "hours"
            hours = cell_text(cells[at[key]], guarded)
            if hours is None:
                raise StudylogError("empty_text", what=sheet.header(key))
            hundredths = parse_hours(hours, what=sheet.header(key))
            key = "title"
            title = clean_text(cell_text(cells[at[key]], guarded) or "", what=sheet.header(key))
            if (person.id, day, title) in seen:
                raise StudylogError("duplicate_self_study", id="—", name=person.name, day=day)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        seen.add((person.id, day, title))
        batch.append(
            {
                "org_id": known.org.id,
                "member_id": person.id,
                "date": day,
                "hours_hundredths": hundredths,
                "title": title,
                "created_at": loader.created,
            }
        )
        if len(batch) >= BATCH:
            loader.insert(SelfStudy, batch, sheet)
    loader.insert(SelfStudy, batch, sheet)


def add_agenda_items(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    seen: set[tuple[Any, ...]] = {
        tuple(row)
        for row in loader.session.execute(
            select(AgendaItem.meeting, AgendaItem.date, AgendaItem.title).where(
                AgendaItem.org_id == known.org.id
            )
        )
    }
    batch: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        key = "meeting"
        try:
            meeting = cell_choice(Meeting, cells[at[key]], sheet.header(key))
            key = "date"
            day = _required_day(cells[at[key]], sheet.header(key))
            key = "title"
            title = clean_text(cell_text(cells[at[key]], guarded) or "", what=sheet.header(key))
            key = "source_date"
            source = cell_day(cells[at[key]])
            if source is not None and source > day:
                raise StudylogError("source_after_meeting", source=source, day=day)
            if (meeting, day, title) in seen:
                raise StudylogError("duplicate_agenda_item", id="—", day=day)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        seen.add((meeting, day, title))
        batch.append(
            {
                "org_id": known.org.id,
                "meeting": meeting,
                "date": day,
                "title": title,
                "source_date": source,
                "created_at": loader.created,
            }
        )
        if len(batch) >= BATCH:
            loader.insert(AgendaItem, batch, sheet)
    loader.insert(AgendaItem, batch, sheet)

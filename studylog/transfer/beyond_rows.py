"""The people at a session beyond its roll in export and import: 扩大学习 groups
(``session_extended``), observers (列席) who attended (``session_observers``) and visitors of a
superior body (``session_visitors``).

Export writes those of the year's sessions. Import adds them, checked as ``attend --extended
--observed --visitor`` checks them (a head count of at least 1 and no more names than it, an
observer a member of the group that day whom the roll does not expect, nothing given twice),
to the sessions the same file adds: a session already in the database keeps its own (``attend``
changes them), so that undoing the import takes out exactly what it added.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.expected import role_expected
from studylog.store.models import (
    Member,
    Org,
    SessionExtended,
    SessionObserver,
    SessionVisitor,
    StudySession,
)
from studylog.text.parse import clean_name, clean_text, optional_text, split_names
from studylog.transfer.cells import cell_text
from studylog.transfer.columns import BATCH
from studylog.transfer.known import Held, Known
from studylog.transfer.loading import Loader
from studylog.transfer.sheets import Sheet

# -- export -----------------------------------------------------------------------------------


def beyond_tables(
    *, session: Session, org: Org, start: date, end: date
) -> dict[str, Iterator[dict[str, Any]]]:
    """The year's sessions' people beyond the roll, as export rows."""
    return {
        "session_extended": _extended_rows(session, org, start, end),
        "session_observers": _observer_rows(session, org, start, end),
        "session_visitors": _visitor_rows(session, org, start, end),
    }


def _held_in(org: Org, start: date, end: date) -> Any:
    return (StudySession.org_id == org.id) & StudySession.date.between(start, end)


def _extended_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    query = (
        select(
            StudySession.id.label("session"),
            StudySession.date,
            SessionExtended.label.label("group"),
            SessionExtended.headcount,
            SessionExtended.names,
        )
        .join(SessionExtended, SessionExtended.session_id == StudySession.id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id, SessionExtended.label)
    )
    for row in session.execute(query):
        yield row._asdict()


def _observer_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    query = (
        select(StudySession.id.label("session"), StudySession.date, Member.name.label("observer"))
        .join(SessionObserver, SessionObserver.session_id == StudySession.id)
        .join(Member, Member.id == SessionObserver.member_id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id, Member.id)
    )
    for row in session.execute(query):
        yield row._asdict()


def _visitor_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    query = (
        select(
            StudySession.id.label("session"),
            StudySession.date,
            SessionVisitor.body,
            SessionVisitor.name.label("visitor"),
        )
        .join(SessionVisitor, SessionVisitor.session_id == StudySession.id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id, SessionVisitor.body, SessionVisitor.name)
    )
    for row in session.execute(query):
        yield row._asdict()


# -- import -----------------------------------------------------------------------------------


def _new_session(known: Known, sheet: Sheet, cells: list[Any]) -> Held:
    """The session a row names, which must be one the same file adds."""
    at = sheet.at()
    held = known.held(cells[at["session"]], cells[at["date"]])
    if not held.new:
        raise StudylogError("import_beyond_old_session", id=held.id)
    return held


def _session_key(sheet: Sheet) -> str:
    """The column a row names its session by, for a message about it."""
    return "session" if "session" in sheet.columns else "date"


def _headcount(value: Any, what: str) -> int:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and float(value).is_integer() and 1 <= value <= 1_000_000:
        return int(value)
    text = cell_text(value, guarded=True)
    if text is None:
        raise StudylogError("empty_text", what=what)
    cleaned = unicodedata.normalize("NFKC", text).strip().rstrip("人名")
    if not cleaned.isdigit() or len(cleaned) > 6 or int(cleaned) < 1:
        raise StudylogError("bad_headcount", what=what, value=text)
    return int(cleaned)


def add_extended(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    seen: set[tuple[int, str]] = set()
    batch: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        key = _session_key(sheet)
        try:
            held = _new_session(known, sheet, cells)
            key = "group"
            label = clean_text(
                cell_text(cells[at[key]], guarded) or "", what=sheet.header(key), limit=200
            )
            key = "headcount"
            count = _headcount(cells[at[key]], sheet.header(key))
            key = "names"
            listed = split_names([cell_text(cells[at[key]], guarded) or ""])
            if len(listed) > count:
                raise StudylogError(
                    "extended_names_over", value=label, count=count, names=len(listed)
                )
            names = optional_text("、".join(listed), what=sheet.header(key), limit=2000)
            key = "group"
            if (held.id, label) in seen:
                raise StudylogError("extended_twice", label=label)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        seen.add((held.id, label))
        batch.append({"session_id": held.id, "label": label, "headcount": count, "names": names})
        if len(batch) >= BATCH:
            loader.insert(SessionExtended, batch, sheet)
    loader.insert(SessionExtended, batch, sheet)


def add_observers(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    seen: set[tuple[int, int]] = set()
    batch: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        key = _session_key(sheet)
        try:
            held = _new_session(known, sheet, cells)
            key = "observer"
            person = known.person(cells[at[key]], guarded)
            if role_expected(person.role):
                raise StudylogError("observed_on_roll", name=person.name)
            if not person.in_group(held.date):
                raise StudylogError("not_in_group", name=person.name, day=held.date)
            if (held.id, person.id) in seen:
                raise StudylogError("import_beyond_twice", id=held.id)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        seen.add((held.id, person.id))
        batch.append({"session_id": held.id, "member_id": person.id})
        if len(batch) >= BATCH:
            loader.insert(SessionObserver, batch, sheet)
    loader.insert(SessionObserver, batch, sheet)


def add_visitors(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    seen: set[tuple[int, str, str]] = set()
    batch: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        key = _session_key(sheet)
        try:
            held = _new_session(known, sheet, cells)
            key = "body"
            body = clean_text(
                cell_text(cells[at[key]], guarded) or "", what=sheet.header(key), limit=200
            )
            key = "visitor"
            text = cell_text(cells[at[key]], guarded)
            if text is None:
                raise StudylogError("empty_text", what=sheet.header(key))
            name = clean_name(text)
            if (held.id, body, name) in seen:
                raise StudylogError("import_beyond_twice", id=held.id)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        seen.add((held.id, body, name))
        batch.append({"session_id": held.id, "body": body, "name": name})
        if len(batch) >= BATCH:
            loader.insert(SessionVisitor, batch, sheet)
    loader.insert(SessionVisitor, batch, sheet)

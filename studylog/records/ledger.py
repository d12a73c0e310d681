"""The rectification ledger (整改台账): problems found, measures, who owns them, by when.

An entry is *open* until it is closed (销号) with ``done``; an open entry past its due date
(整改时限) is *overdue*, as of today or a given date. Follow-up feedback (跟踪反馈) is a dated
log of progress notes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.sessions import resolve_session
from studylog.store.models import Org, Rectification, RectifyProgress, StudySession
from studylog.store.tables import utcnow
from studylog.text.parse import clean_text, optional_text

State = Literal["open", "overdue", "done"]
OPEN: State = "open"
OVERDUE: State = "overdue"
DONE: State = "done"


def closed_by(as_of: dt.date) -> ColumnElement[bool]:
    """Closed on or before ``as_of`` (a later closing did not exist yet then)."""
    return and_(Rectification.done_on.is_not(None), Rectification.done_on <= as_of)


def state_of(as_of: dt.date) -> ColumnElement[str]:
    """done / overdue / open, in SQL, as things stood on ``as_of``."""
    return case(
        (closed_by(as_of), DONE),
        (Rectification.due < as_of, OVERDUE),
        else_=OPEN,
    )


def overdue_condition(as_of: dt.date) -> ColumnElement[bool]:
    return and_(~closed_by(as_of), Rectification.due < as_of)


def add_rectification(
    *,
    session: Session,
    org: Org,
    problem: str,
    measure: str,
    dept: str,
    lead: str,
    due: dt.date,
    category: str | None = None,
    session_ref: str | None = None,
    found: dt.date | None = None,
) -> Rectification:
    """Enter a problem into the ledger. It was found at ``session_ref``'s session, on
    ``found``, or today."""
    record = resolve_session(session=session, org=org, ref=session_ref) if session_ref else None
    found_on = found or (record.date if record is not None else dt.date.today())
    if due < found_on:
        key = "due_before_found" if found or record is not None else "due_before_today"
        raise StudylogError(key, due=due, found=found_on)
    entry = Rectification(
        org_id=org.id,
        problem=clean_text(problem, what="--problem", limit=2000, multiline=True),
        measure=clean_text(measure, what="--measure", limit=2000, multiline=True),
        dept=clean_text(dept, what="--dept", limit=200),
        lead=clean_text(lead, what="--lead", limit=200),
        category=optional_text(category, what="--category", limit=100),
        found=found_on,
        due=due,
        session_id=record.id if record is not None else None,
    )
    session.add(entry)
    session.flush()
    return entry


def edit_rectification(
    *,
    session: Session,
    org: Org,
    entry_id: int,
    problem: str | None = None,
    measure: str | None = None,
    dept: str | None = None,
    lead: str | None = None,
    due: dt.date | None = None,
    category: str | None = None,
    session_ref: str | None = None,
    found: dt.date | None = None,
) -> Rectification:
    """Change what ``rectify add`` entered: only the fields given (``""`` clears the category
    and the session); the same rules as adding it."""
    entry = find_rectification(session=session, org=org, entry_id=entry_id)
    for name, value, limit, multiline in (
        ("problem", problem, 2000, True),
        ("measure", measure, 2000, True),
        ("dept", dept, 200, False),
        ("lead", lead, 200, False),
    ):
        if value is not None:
            text = clean_text(value, what=f"--{name}", limit=limit, multiline=multiline)
            setattr(entry, name, text)
    if category is not None:
        entry.category = optional_text(category, what="--category", limit=100)
    if session_ref is not None:
        record = resolve_session(session=session, org=org, ref=session_ref) if session_ref else None
        entry.session_id = record.id if record is not None else None
        if record is not None and found is None:
            entry.found = record.date
    if found is not None:
        entry.found = found
    if due is not None:
        entry.due = due
    if entry.due < entry.found:
        raise StudylogError("due_before_found", due=entry.due, found=entry.found)
    session.flush()
    return entry


def delete_rectification(
    *, session: Session, org: Org, entry_id: int, reason: str | None = None
) -> Rectification:
    """Delete a ledger entry entered by mistake: kept with its follow-up, marked deleted
    (when, why), left out of the ledger until :func:`restore_rectification`."""
    entry = find_rectification(session=session, org=org, entry_id=entry_id)
    entry.archived_at = utcnow()
    entry.archive_reason = optional_text(reason, what="--reason", limit=500)
    session.flush()
    return entry


def restore_rectification(*, session: Session, org: Org, entry_id: int) -> Rectification:
    entry = session.scalar(
        select(Rectification)
        .where(
            Rectification.id == entry_id,
            Rectification.org_id == org.id,
            Rectification.archived_at.is_not(None),
        )
        .execution_options(include_archived=True)
    )
    if entry is None:
        raise StudylogError("no_deleted_rectification", id=entry_id)
    entry.archived_at = entry.archive_reason = None
    session.flush()
    return entry


def find_rectification(*, session: Session, org: Org, entry_id: int) -> Rectification:
    entry = session.scalar(
        select(Rectification).where(Rectification.id == entry_id, Rectification.org_id == org.id)
    )
    if entry is None:
        raise StudylogError("unknown_rectification", id=entry_id)
    return entry


def add_progress(
    *, session: Session, org: Org, entry_id: int, note: str, on: dt.date | None = None
) -> RectifyProgress:
    entry = find_rectification(session=session, org=org, entry_id=entry_id)
    day = on or dt.date.today()
    if entry.done_on is not None:
        raise StudylogError("rectification_closed", id=entry.id, on=entry.done_on)
    _check_day(day, entry)
    line = RectifyProgress(
        rectification_id=entry.id,
        on=day,
        note=clean_text(note, what="--note", limit=2000, multiline=True),
    )
    session.add(line)
    session.flush()
    return line


def _check_day(day: dt.date, entry: Rectification) -> None:
    if day < entry.found:
        raise StudylogError("progress_before_found", on=day, found=entry.found)
    if day > dt.date.today():
        raise StudylogError("date_in_future", on=day)


def close_rectification(
    *, session: Session, org: Org, entry_id: int, on: dt.date, note: str | None = None
) -> Rectification:
    """Close (销号) an entry on ``on``."""
    entry = find_rectification(session=session, org=org, entry_id=entry_id)
    if entry.done_on is not None:
        raise StudylogError("rectification_closed", id=entry.id, on=entry.done_on)
    _check_day(on, entry)
    entry.done_on = on
    entry.done_note = optional_text(note, what="--note", limit=2000, multiline=True)
    session.flush()
    return entry


@dataclass(frozen=True)
class LedgerLine:
    id: int
    category: str | None
    problem: str
    measure: str
    dept: str
    lead: str
    found: dt.date
    due: dt.date
    state: str
    done_on: dt.date | None
    session_id: int | None
    session_date: dt.date | None


def ledger(
    *,
    session: Session,
    org: Org,
    as_of: dt.date,
    year: int | None = None,
    state: State | None = None,
    found_by: dt.date | None = None,
    entry_id: int | None = None,
) -> list[LedgerLine]:
    """Ledger entries, oldest first: those found in ``year`` (or by ``found_by``), and only
    those in ``state`` as of ``as_of`` when given."""
    current = state_of(as_of)
    query = (
        select(
            Rectification.id,
            Rectification.category,
            Rectification.problem,
            Rectification.measure,
            Rectification.dept,
            Rectification.lead,
            Rectification.found,
            Rectification.due,
            current,
            Rectification.done_on,
            StudySession.id,
            StudySession.date,
        )
        .outerjoin(StudySession, StudySession.id == Rectification.session_id)
        .where(Rectification.org_id == org.id, Rectification.archived_at.is_(None))
        .order_by(Rectification.found, Rectification.id)
    )
    if year is not None:
        query = query.where(
            Rectification.found >= dt.date(year, 1, 1), Rectification.found <= dt.date(year, 12, 31)
        )
    if found_by is not None:
        query = query.where(Rectification.found <= found_by)
    if entry_id is not None:
        query = query.where(Rectification.id == entry_id)
    if state == OPEN:  # open includes overdue: everything not yet closed
        query = query.where(~closed_by(as_of))
    elif state == OVERDUE:
        query = query.where(overdue_condition(as_of))
    elif state == DONE:
        query = query.where(closed_by(as_of))
    return [LedgerLine(*tuple(row)) for row in session.execute(query)]


def follow_ups(*, session: Session, entry_ids: Sequence[int]) -> dict[int, str]:
    """Each ledger entry's follow-up log (跟踪反馈) as lines of text, in one query."""
    log: dict[int, list[str]] = defaultdict(list)
    if entry_ids:
        for entry_id, day, note in session.execute(
            select(RectifyProgress.rectification_id, RectifyProgress.on, RectifyProgress.note)
            .where(RectifyProgress.rectification_id.in_(entry_ids))
            .order_by(RectifyProgress.on, RectifyProgress.id)
        ):
            log[entry_id].append(f"{day.isoformat()} {note}")
    return {entry_id: "\n".join(lines) for entry_id, lines in log.items()}


def progress_log(*, session: Session, entry: Rectification) -> list[RectifyProgress]:
    return list(
        session.scalars(
            select(RectifyProgress)
            .where(RectifyProgress.rectification_id == entry.id)
            .order_by(RectifyProgress.on, RectifyProgress.id)
        )
    )


@dataclass(frozen=True)
class LedgerCounts:
    found: int = 0
    done: int = 0
    open: int = 0  # not closed, still within the deadline
    overdue: int = 0


def ledger_counts(*, session: Session, org: Org, year: int, as_of: dt.date) -> LedgerCounts:
    """How many problems the year's discussions found, and where they stand, in one query."""
    current = state_of(as_of)
    rows = session.execute(
        select(current, func.count(Rectification.id))
        .where(
            Rectification.org_id == org.id,
            Rectification.archived_at.is_(None),
            Rectification.found >= dt.date(year, 1, 1),
            Rectification.found <= dt.date(year, 12, 31),
        )
        .group_by(current)
    )
    counts = {state: count for state, count in rows}
    return LedgerCounts(
        found=sum(counts.values()),
        done=counts.get(DONE, 0),
        open=counts.get(OPEN, 0),
        overdue=counts.get(OVERDUE, 0),
    )

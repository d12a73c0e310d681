"""What is due: the coming days' planned sessions and deadlines, and what is overdue.

As of a day (today, or ``--as-of``), with a horizon of ``days``:

- a plan item with a planned day (``plan schedule``) is *overdue* once that day has passed
  without a session carrying it out (``session add --plan ID``) held by then; *coming* when
  its day falls within the horizon;
- a session recorded for a day within the horizon, outside the plan, is *coming*;
- a leave or absence not made up is *overdue* more than ``days`` days after its session,
  *coming* before then;
- a ledger entry not closed is *overdue* past its due date (整改时限), *coming* when that date
  falls within the horizon.

Each kind is one query; nothing dated after the day (a session, a make-up, a closing) had
happened yet then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from studylog.records.expected import expected_on
from studylog.records.ledger import closed_by
from studylog.store.models import (
    Attendance,
    Makeup,
    Member,
    Org,
    PlanItem,
    Rectification,
    StudySession,
)
from studylog.text.vocab import MISSED

COMING, OVERDUE = "coming", "overdue"


@dataclass(frozen=True)
class DueItem:
    state: str  # coming | overdue
    kind: str  # plan | session | makeup | ledger
    id: int  # the plan item's, session's, roll line's session, or ledger entry's id
    due: dt.date  # the day it is (was) due
    title: str
    detail: str  # time and place, the member, the department
    days: int  # days overdue (state overdue) or days left (coming)


def _state(due: dt.date, as_of: dt.date) -> str:
    return OVERDUE if due < as_of else COMING


def due_items(*, session: Session, org: Org, as_of: dt.date, days: int) -> list[DueItem]:
    """Everything overdue as of ``as_of``, then everything due in the ``days`` after it."""
    horizon = as_of + dt.timedelta(days=days)
    found = [
        *_plan(session, org, as_of, horizon),
        *_sessions(session, org, as_of, horizon),
        *_makeups(session, org, as_of, days),
        *_ledger(session, org, as_of, horizon),
    ]
    return sorted(found, key=lambda item: (item.state != OVERDUE, item.due, item.kind, item.id))


def _plan(session: Session, org: Org, as_of: dt.date, horizon: dt.date) -> list[DueItem]:
    held = aliased(StudySession)
    rows = session.execute(
        select(PlanItem.id, PlanItem.planned_on, PlanItem.title, PlanItem.planned_time)
        .add_columns(PlanItem.place)
        .outerjoin(held, and_(held.plan_id == PlanItem.id, held.date <= as_of))
        .where(
            PlanItem.org_id == org.id,
            PlanItem.planned_on.is_not(None),
            PlanItem.planned_on <= horizon,
            held.id.is_(None),
        )
        .order_by(PlanItem.planned_on, PlanItem.id)
    )
    return [
        DueItem(
            _state(day, as_of),
            "plan",
            item_id,
            day,
            title,
            " ".join(part for part in (time, place) if part),
            abs((as_of - day).days),
        )
        for item_id, day, title, time, place in rows
    ]


def _sessions(session: Session, org: Org, as_of: dt.date, horizon: dt.date) -> list[DueItem]:
    """Sessions recorded for the coming days outside the plan (a planned one is listed as its
    plan item)."""
    rows = session.execute(
        select(StudySession.id, StudySession.date, StudySession.title, StudySession.location)
        .where(
            StudySession.org_id == org.id,
            StudySession.date > as_of,
            StudySession.date <= horizon,
            StudySession.plan_id.is_(None),
        )
        .order_by(StudySession.date, StudySession.id)
    )
    return [
        DueItem(COMING, "session", record_id, day, title, place or "", (day - as_of).days)
        for record_id, day, title, place in rows
    ]


def _makeups(session: Session, org: Org, as_of: dt.date, days: int) -> list[DueItem]:
    """Leaves and absences with no make-up by ``as_of``; due ``days`` days after the session."""
    made_up = and_(Makeup.attendance_id == Attendance.id, Makeup.date <= as_of)
    rows = session.execute(
        select(StudySession.id, StudySession.date, StudySession.title, Member.name)
        .select_from(StudySession)
        .join(Attendance, Attendance.session_id == StudySession.id)
        .join(Member, and_(Member.id == Attendance.member_id, expected_on(StudySession.date)))
        .outerjoin(Makeup, made_up)
        .where(
            StudySession.org_id == org.id,
            StudySession.date <= as_of,
            Attendance.status.in_(MISSED),
            Makeup.id.is_(None),
        )
        .order_by(StudySession.date, Member.id)
    )
    items = []
    for record_id, day, title, name in rows:
        due = day + dt.timedelta(days=days)
        items.append(
            DueItem(
                _state(due, as_of), "makeup", record_id, due, title, name, abs((as_of - due).days)
            )
        )
    return items


def _ledger(session: Session, org: Org, as_of: dt.date, horizon: dt.date) -> list[DueItem]:
    rows = session.execute(
        select(Rectification.id, Rectification.due, Rectification.problem, Rectification.dept)
        .where(
            Rectification.org_id == org.id,
            Rectification.found <= as_of,
            ~closed_by(as_of),
            Rectification.due <= horizon,
        )
        .order_by(Rectification.due, Rectification.id)
    )
    return [
        DueItem(_state(due, as_of), "ledger", entry_id, due, problem, dept, abs((as_of - due).days))
        for entry_id, due, problem, dept in rows
    ]

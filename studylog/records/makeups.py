"""Make-up study (事后补学) for those who missed a session: recording, correcting, listing.

A make-up may carry the member's written 体会 (reflection): what they took from the study.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.attendance import _why
from studylog.records.expected import expected_on
from studylog.records.members import find_member
from studylog.records.sessions import resolve_session
from studylog.store.models import Attendance, Makeup, Member, Org, StudySession
from studylog.text.parse import optional_text
from studylog.text.vocab import Method, Status


def add_makeup(
    *,
    session: Session,
    org: Org,
    ref: str,
    name: str,
    on: date,
    method: Method = Method.SELF_STUDY,
    note: str | None = None,
    reflection: str | None = None,
) -> tuple[StudySession, Makeup]:
    """Record that ``name`` made up a session they missed (on leave or absent), with their
    written 体会 when given."""
    record = resolve_session(session=session, org=org, ref=ref)
    member = find_member(session=session, org=org, name=name)
    expected = session.scalar(select(expected_on(record.date)).where(Member.id == member.id))
    if not expected:
        raise StudylogError("not_expected", name=member.name, day=record.date, why=_why(member))
    line = session.scalar(
        select(Attendance).where(
            Attendance.session_id == record.id, Attendance.member_id == member.id
        )
    )
    if line is None:
        raise StudylogError("no_roll", name=member.name, ref=f"#{record.id}", day=record.date)
    if line.status in (Status.PRESENT, Status.LATE):
        raise StudylogError(
            "makeup_not_missed", name=member.name, day=record.date, status=line.status
        )
    if on < record.date:
        raise StudylogError("makeup_before_session", on=on, day=record.date)
    if on > date.today():
        raise StudylogError("makeup_in_future", on=on)
    if session.scalar(select(Makeup.date).where(Makeup.attendance_id == line.id)) is not None:
        raise StudylogError("makeup_exists", name=member.name, day=record.date)
    makeup = Makeup(
        attendance_id=line.id,
        date=on,
        method=method,
        note=optional_text(note, what="--note", limit=2000, multiline=True),
        reflection=_reflection(reflection),
    )
    session.add(makeup)
    session.flush()
    return record, makeup


def _reflection(text: str | None) -> str | None:
    return optional_text(text, what="--reflection", limit=20000, multiline=True)


def edit_makeup(
    *,
    session: Session,
    org: Org,
    ref: str,
    name: str,
    on: date | None = None,
    method: Method | None = None,
    note: str | None = None,
    reflection: str | None = None,
) -> tuple[StudySession, Makeup]:
    """Change what was recorded of a make-up: only the fields given (``""`` clears a note or
    a reflection); the same rules as adding it."""
    record = resolve_session(session=session, org=org, ref=ref)
    makeup = _makeup_of(session, org, record, name)
    if on is not None:
        if on < record.date:
            raise StudylogError("makeup_before_session", on=on, day=record.date)
        if on > date.today():
            raise StudylogError("makeup_in_future", on=on)
        makeup.date = on
    if method is not None:
        makeup.method = method
    if note is not None:
        makeup.note = optional_text(note, what="--note", limit=2000, multiline=True)
    if reflection is not None:
        makeup.reflection = _reflection(reflection)
    session.flush()
    return record, makeup


def _makeup_of(session: Session, org: Org, record: StudySession, name: str) -> Makeup:
    member = find_member(session=session, org=org, name=name)
    makeup = session.scalar(
        select(Makeup)
        .join(Attendance, Attendance.id == Makeup.attendance_id)
        .where(Attendance.session_id == record.id, Attendance.member_id == member.id)
    )
    if makeup is None:
        raise StudylogError("no_makeup", name=member.name, day=record.date)
    return makeup


def delete_makeup(*, session: Session, org: Org, ref: str, name: str) -> StudySession:
    record = resolve_session(session=session, org=org, ref=ref)
    session.delete(_makeup_of(session, org, record, name))
    session.flush()
    return record


@dataclass(frozen=True)
class MissedLine:
    """A leave or absence, with its make-up when there is one."""

    session_id: int
    date: dt.date
    title: str
    member: str
    status: Status
    reason: str | None
    made_up: dt.date | None
    method: Method | None
    note: str | None
    reflection: str | None = None
    approver: str | None = None


def missed(
    *,
    session: Session,
    org: Org,
    start: date | None = None,
    end: date | None = None,
    outstanding: bool = False,
    made_up_only: bool = False,
) -> list[MissedLine]:
    """Leaves and absences in a period: all, only those not yet made up, or only made up."""
    query = (
        select(
            StudySession.id,
            StudySession.date,
            StudySession.title,
            Member.name,
            Attendance.status,
            Attendance.reason,
            Makeup.date,
            Makeup.method,
            Makeup.note,
            Makeup.reflection,
            Attendance.approver,
        )
        .join(Attendance, Attendance.session_id == StudySession.id)
        .join(Member, and_(Member.id == Attendance.member_id, expected_on(StudySession.date)))
        .outerjoin(Makeup, Makeup.attendance_id == Attendance.id)
        .where(
            StudySession.org_id == org.id,
            Attendance.status.in_([Status.LEAVE, Status.ABSENT]),
        )
        .order_by(StudySession.date, StudySession.id, Member.id)
    )
    if start is not None:
        query = query.where(StudySession.date >= start)
    if end is not None:
        query = query.where(StudySession.date <= end)
    if outstanding:
        query = query.where(Makeup.id.is_(None))
    if made_up_only:
        query = query.where(Makeup.id.is_not(None))
    return [MissedLine(*row) for row in session.execute(query)]

"""The roll of a session, and make-up study (事后补学) for those who missed it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.expected import expected_on
from studylog.records.members import find_member, find_members
from studylog.records.sessions import resolve_session
from studylog.store.models import Attendance, Makeup, Member, Org, StudySession
from studylog.text.messages import Phrase
from studylog.text.parse import optional_text
from studylog.text.vocab import Method, Role, Status


@dataclass(frozen=True)
class RollLine:
    member: str
    title: str | None
    status: Status
    reason: str | None
    made_up: date | None


def expected_members(*, session: Session, org: Org, on: date) -> list[Member]:
    return list(
        session.scalars(
            select(Member).where(Member.org_id == org.id, expected_on(on)).order_by(Member.id)
        )
    )


def mark_roll(
    *,
    session: Session,
    org: Org,
    ref: str,
    present: Sequence[str] = (),
    late: Sequence[str] = (),
    leave: Sequence[tuple[str, str | None]] = (),
    absent: Sequence[str] = (),
) -> tuple[StudySession, list[RollLine]]:
    """Record the whole roll: everyone expected who is not named was present.

    Running it again replaces the roll. A line that already has a make-up cannot turn into
    present or late (the make-up would be orphaned): delete the make-up first.
    """
    record = resolve_session(session=session, org=org, ref=ref)
    named: dict[str, tuple[Status, str | None]] = {}
    for status, names in ((Status.PRESENT, present), (Status.LATE, late), (Status.ABSENT, absent)):
        for name in names:
            _name_once(named, name, status, None)
    for name, reason in leave:
        _name_once(named, name, Status.LEAVE, reason)

    members = find_members(session=session, org=org, names=list(named))
    expected = expected_members(session=session, org=org, on=record.date)
    expected_ids = {member.id for member in expected}
    for name, member in members.items():
        if member.id not in expected_ids:
            raise StudylogError("not_expected", name=name, day=record.date, why=_why(member))

    existing = {
        line.member_id: line
        for line in session.scalars(select(Attendance).where(Attendance.session_id == record.id))
    }
    made_up = _makeups_by_line(session, [line.id for line in existing.values()])
    for member in expected:
        status, reason = named.get(member.name, (Status.PRESENT, None))
        line = existing.pop(member.id, None)
        if line is None:
            session.add(
                Attendance(session_id=record.id, member_id=member.id, status=status, reason=reason)
            )
            continue
        if line.id in made_up and status in (Status.PRESENT, Status.LATE):
            key = "roll_has_makeup" if member.name in named else "roll_unnamed_has_makeup"
            raise StudylogError(key, name=member.name, day=made_up[line.id], status=status)
        line.status, line.reason = status, reason
    for line in existing.values():  # no longer expected that day (dates edited since)
        if line.id in made_up:
            raise StudylogError(
                "roll_makeup_not_expected", name=line.member.name, day=made_up[line.id]
            )
        session.delete(line)
    session.flush()
    return record, roll_of(session=session, record=record)


def _name_once(
    named: dict[str, tuple[Status, str | None]], name: str, status: Status, reason: str | None
) -> None:
    if name in named:
        raise StudylogError("named_twice", name=name)
    named[name] = (status, reason)


def _why(member: Member) -> Phrase:
    if member.role == Role.OBSERVER:
        return Phrase("why_observer")
    if member.retired is not None:
        return Phrase("why_retired", {"on": member.retired})
    return Phrase("why_joined", {"on": member.joined})


def _makeups_by_line(session: Session, line_ids: list[int]) -> dict[int, date]:
    if not line_ids:
        return {}
    rows = session.execute(
        select(Makeup.attendance_id, Makeup.date).where(Makeup.attendance_id.in_(line_ids))
    )
    return {line_id: day for line_id, day in rows}


def roll_of(*, session: Session, record: StudySession) -> list[RollLine]:
    """The stored roll of one session, in member order."""
    rows = session.execute(
        select(Member.name, Member.title, Attendance.status, Attendance.reason, Makeup.date)
        .join(Attendance, Attendance.member_id == Member.id)
        .outerjoin(Makeup, Makeup.attendance_id == Attendance.id)
        .where(Attendance.session_id == record.id)
        .order_by(Member.id)
    )
    return [RollLine(*row) for row in rows]


def add_makeup(
    *,
    session: Session,
    org: Org,
    ref: str,
    name: str,
    on: date,
    method: Method = Method.SELF_STUDY,
    note: str | None = None,
) -> tuple[StudySession, Makeup]:
    """Record that ``name`` made up a session they missed (on leave or absent)."""
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
    )
    session.add(makeup)
    session.flush()
    return record, makeup


def delete_makeup(*, session: Session, org: Org, ref: str, name: str) -> StudySession:
    record = resolve_session(session=session, org=org, ref=ref)
    member = find_member(session=session, org=org, name=name)
    makeup = session.scalar(
        select(Makeup)
        .join(Attendance, Attendance.id == Makeup.attendance_id)
        .where(Attendance.session_id == record.id, Attendance.member_id == member.id)
    )
    if makeup is None:
        raise StudylogError("no_makeup", name=member.name, day=record.date)
    session.delete(makeup)
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

"""Sign-in (扫码签到): members put their own line on a session's roll, one at a time.

Unlike ``attend``, a sign-in presumes nothing: each member who signs gets a line (present, or
late after the time the secretary set) and nobody else does. When the sign-in closes, the
expected members who did not sign are listed; the secretary marks them on leave or absent
(:func:`close_sign_in`) or leaves them unrecorded for a later ``attend``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.expected import expected_on
from studylog.records.members import find_member, in_group
from studylog.records.sessions import resolve_session
from studylog.store.models import Attendance, Member, Org, StudySession
from studylog.text.messages import Phrase
from studylog.text.parse import optional_text
from studylog.text.vocab import Role, Status


@dataclass(frozen=True)
class Signer:
    """An expected member as the sign-in page lists them."""

    name: str
    title: str | None


@dataclass(frozen=True)
class Signed:
    """One member's line, as a sign-in stored it."""

    name: str
    title: str | None
    status: Status


def open_session(*, session: Session, org: Org, ref: str, today: date) -> StudySession:
    """The session ``ref``, which a sign-in may open: held today or before, with someone
    expected who is not on its roll yet."""
    record = resolve_session(session=session, org=org, ref=ref)
    if record.date > today:
        raise StudylogError("signin_upcoming", day=record.date, today=today)
    if not unsigned(session=session, org=org, session_id=record.id):
        raise StudylogError("signin_roll_full", day=record.date, ref=f"#{record.id}")
    return record


def unsigned(*, session: Session, org: Org, session_id: int) -> list[Signer]:
    """The members expected at the session who have no line on its roll yet, in roll order."""
    record = _session(session, org, session_id)
    on_roll = select(Attendance.id).where(
        Attendance.session_id == record.id, Attendance.member_id == Member.id
    )
    rows = session.execute(
        select(Member.name, Member.title)
        .where(Member.org_id == org.id, expected_on(record.date), ~on_roll.exists())
        .order_by(Member.id)
    )
    return [Signer(name, title) for name, title in rows]


def find_signer(*, session: Session, org: Org, session_id: int, name: str) -> Signer:
    """The member ``name`` if they may sign into the session: a member of the group (an
    unknown name suggests close ones), expected that day (not an observer), not yet on its
    roll."""
    record = _session(session, org, session_id)
    member = find_member(session=session, org=org, name=name)
    _check_signable(session, record, member)
    return Signer(member.name, member.title)


def sign_in(
    *, session: Session, org: Org, session_id: int, name: str, at: datetime, late_after: time | None
) -> Signed:
    """Store ``name``'s line on the session's roll: late when ``at`` is after ``late_after``
    (on the session's day or later), else present. Nobody else's line changes."""
    record = _session(session, org, session_id)
    member = find_member(session=session, org=org, name=name)
    _check_signable(session, record, member)
    late = late_after is not None and (at.date(), at.time()) > (record.date, late_after)
    status = Status.LATE if late else Status.PRESENT
    session.add(Attendance(session_id=record.id, member_id=member.id, status=status))
    session.flush()
    return Signed(member.name, member.title, status)


def close_sign_in(
    *,
    session: Session,
    org: Org,
    session_id: int,
    leave: Sequence[tuple[str, str | None]] = (),
    absent: Sequence[str] = (),
) -> list[Signed]:
    """Mark members who did not sign on leave (with a reason) or absent; the others who did
    not sign stay unrecorded. Each name must be expected and not yet on the roll."""
    record = _session(session, org, session_id)
    marked: list[Signed] = []
    seen: set[str] = set()
    lines = [(name, Status.LEAVE, reason) for name, reason in leave]
    lines += [(name, Status.ABSENT, None) for name in absent]
    for name, status, reason in lines:
        member = find_member(session=session, org=org, name=name)
        if member.name in seen:
            raise StudylogError("named_twice", name=member.name)
        seen.add(member.name)
        _check_signable(session, record, member)
        reason = optional_text(reason, what="--leave", limit=500)
        session.add(
            Attendance(session_id=record.id, member_id=member.id, status=status, reason=reason)
        )
        marked.append(Signed(member.name, member.title, status))
    session.flush()
    return marked


def _session(session: Session, org: Org, session_id: int) -> StudySession:
    return resolve_session(session=session, org=org, ref=f"#{session_id}")


def _check_signable(session: Session, record: StudySession, member: Member) -> None:
    expected = session.scalar(select(expected_on(record.date)).where(Member.id == member.id))
    if not expected:
        if member.role == Role.OBSERVER and in_group(member, record.date):
            raise StudylogError("signin_observer", name=member.name)
        why = (
            Phrase("why_retired", {"on": member.retired})
            if member.retired is not None and member.retired < record.date
            else Phrase("why_joined", {"on": member.joined})
        )
        raise StudylogError("not_expected", name=member.name, day=record.date, why=why)
    status = session.scalar(
        select(Attendance.status).where(
            Attendance.session_id == record.id, Attendance.member_id == member.id
        )
    )
    if status is not None:
        raise StudylogError("signin_twice", name=member.name, status=status)

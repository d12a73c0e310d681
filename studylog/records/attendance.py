"""The roll of a session, and make-up study (事后补学) for those who missed it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.expected import expected_on, role_expected
from studylog.records.members import find_members
from studylog.records.sessions import resolve_session
from studylog.store.models import Attendance, Makeup, Member, Org, Speech, StudySession
from studylog.text.messages import Phrase
from studylog.text.vocab import MISSED, Role, SpeechKind, Status


@dataclass(frozen=True)
class RollLine:
    member: str
    title: str | None
    status: Status
    reason: str | None
    made_up: date | None
    approver: str | None = None


def expected_members(*, session: Session, org: Org, on: date) -> list[Member]:
    return list(
        session.scalars(
            select(Member).where(Member.org_id == org.id, expected_on(on)).order_by(Member.id)
        )
    )


@dataclass(frozen=True)
class RollChange:
    """One line a roll command changes or drops, and what of the records it would cost."""

    member: str
    before: Status | None  # None: the line is new
    after: Status | None  # None: the line is dropped (--replace, or no longer expected)
    reason: str | None  # the leave reason the line had
    made_up: date | None  # the make-up the change would unlink
    spoke: tuple[SpeechKind, ...] = ()  # speeches at the session the change contradicts

    @property
    def risks(self) -> list[str]:
        """Why the change needs --yes: it drops a reason, unlinks a make-up, contradicts a
        speech."""
        risks = []
        if self.reason and self.after != Status.LEAVE:
            risks.append("risk_reason")
        if self.made_up is not None and self.after not in MISSED:
            risks.append("risk_makeup")
        if self.spoke and self.after in MISSED:
            risks.append("risk_speech")
        return risks

    def phrase(self) -> Phrase:
        if not self.risks:
            return Phrase(
                "roll_change_plain",
                {
                    "name": self.member,
                    "before": self.before,
                    "after": self.after or Phrase("line_dropped"),
                },
            )
        return Phrase(
            "roll_change",
            {
                "name": self.member,
                "before": self.before or Phrase("no_line"),
                "after": self.after or Phrase("line_dropped"),
                "risks": [Phrase(key, self._risk_params()) for key in self.risks],
            },
        )

    def _risk_params(self) -> dict[str, object]:
        return {"reason": self.reason, "day": self.made_up, "kinds": list(self.spoke)}


@dataclass(frozen=True)
class RollResult:
    record: StudySession
    roll: list[RollLine]
    changes: list[RollChange]  # every line that changed, dropped or was added
    replaced: bool = False

    @property
    def dropped(self) -> list[RollChange]:
        """What --replace dropped: lines that were not present and are no longer recorded."""
        if not self.replaced:
            return []
        return [c for c in self.changes if c.before not in (None, Status.PRESENT)
                and c.after != c.before and c.after in (None, Status.PRESENT)]  # fmt: skip


def mark_roll(
    *,
    session: Session,
    org: Org,
    ref: str,
    present: Sequence[str] = (),
    late: Sequence[str] = (),
    leave: Sequence[tuple[str, str | None]] = (),
    absent: Sequence[str] = (),
    replace: bool = False,
    confirmed: bool = True,
    approver: str | None = None,
) -> tuple[StudySession, list[RollLine]]:
    """Record or amend the roll (see :func:`record_roll`); the session and its roll."""
    result = record_roll(
        session=session, org=org, ref=ref, present=present, late=late, leave=leave,
        absent=absent, replace=replace, confirmed=confirmed, approver=approver,
    )  # fmt: skip
    return result.record, result.roll


def record_roll(
    *,
    session: Session,
    org: Org,
    ref: str,
    present: Sequence[str] = (),
    late: Sequence[str] = (),
    leave: Sequence[tuple[str, str | None]] = (),
    absent: Sequence[str] = (),
    replace: bool = False,
    confirmed: bool = False,
    approver: str | None = None,
    today: date | None = None,
) -> RollResult:
    """Record a session's roll, or amend the one it has.

    A first roll: everyone expected who is not named was present. A roll already there is
    amended: only the members named change, every other line keeps its status, reason,
    approver and make-up; a leave named again without a reason keeps the one it had.
    ``replace`` starts over: the unnamed are present again. A change that drops a leave
    reason, unlinks a make-up (the make-up is deleted) or marks someone who spoke at the
    session as away is refused unless ``confirmed``. No roll for an upcoming session.
    """
    record = resolve_session(session=session, org=org, ref=ref)
    if record.date > (today or date.today()):
        raise StudylogError("roll_upcoming", id=record.id, day=record.date)
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
    amend = bool(existing) and not replace
    made_up = _makeups_by_line(session, [line.id for line in existing.values()])
    spoke = _speakers(session, record.id)
    if any(status == Status.LEAVE for status, _ in named.values()) and approver is None:
        approver = leader_name(session=session, org=org, on=record.date)
    plan: list[tuple[Member, Attendance | None, Status, str | None]] = []
    changes: list[RollChange] = []
    for member in expected:
        line = existing.pop(member.id, None)
        if member.name in named:
            status, reason = named[member.name]
        elif amend and line is not None:
            continue  # amending: an unnamed line stays as it is
        else:
            status, reason = Status.PRESENT, None
        if line is not None and status == line.status == Status.LEAVE and reason is None:
            reason = line.reason  # a reason left out is not a reason taken back
        if line is not None and (line.status, line.reason) == (status, reason):
            continue
        changes.append(
            RollChange(
                member=member.name,
                before=line.status if line is not None else None,
                after=status,
                reason=line.reason if line is not None and line.status == Status.LEAVE else None,
                made_up=made_up.get(line.id) if line is not None else None,
                spoke=spoke.get(member.id, ()),
            )
        )
        plan.append((member, line, status, reason))
    leftover = list(existing.values())  # no longer expected that day (dates edited since)
    for line in leftover:
        changes.append(
            RollChange(
                member=line.member.name, before=line.status, after=None,
                reason=line.reason if line.status == Status.LEAVE else None,
                made_up=made_up.get(line.id),
            )
        )  # fmt: skip
    risky = [change.phrase() for change in changes if change.risks]
    if risky and not confirmed:
        raise StudylogError("roll_needs_yes", id=record.id, changes=risky)
    for member, line, status, reason in plan:
        kept_approver = line.approver if line is not None and line.status == status else None
        who = (kept_approver or approver) if status == Status.LEAVE else None
        if line is None:
            session.add(
                Attendance(
                    session_id=record.id, member_id=member.id, status=status, reason=reason,
                    approver=who,
                )
            )  # fmt: skip
            continue
        if status not in MISSED and line.id in made_up:
            _unlink_makeup(session, line.id)
        line.status, line.reason, line.approver = status, reason, who
    for line in leftover:
        _unlink_makeup(session, line.id)
        session.delete(line)
    session.flush()
    return RollResult(record, roll_of(session=session, record=record), changes, replace)


def leader_name(*, session: Session, org: Org, on: date) -> str | None:
    """The group's 组长 on ``on``: who approves a leave unless the settings say otherwise."""
    return session.scalar(
        select(Member.name)
        .where(Member.org_id == org.id, Member.role == Role.LEADER)
        .where((Member.joined.is_(None)) | (Member.joined <= on))
        .where((Member.retired.is_(None)) | (Member.retired >= on))
        .order_by(Member.id)
        .limit(1)
    )


def _speakers(session: Session, record_id: int) -> dict[int, tuple[SpeechKind, ...]]:
    """Who spoke in person at the session (a written speech may come from someone away)."""
    spoke: dict[int, tuple[SpeechKind, ...]] = {}
    for member_id, kind in session.execute(
        select(Speech.member_id, Speech.kind).where(
            Speech.session_id == record_id, Speech.kind != SpeechKind.WRITTEN
        )
    ):
        spoke[member_id] = (*spoke.get(member_id, ()), kind)
    return spoke


def _unlink_makeup(session: Session, line_id: int) -> None:
    makeup = session.scalar(select(Makeup).where(Makeup.attendance_id == line_id))
    if makeup is not None:  # through the unit of work, so the audit log keeps it
        session.delete(makeup)


def _name_once(
    named: dict[str, tuple[Status, str | None]], name: str, status: Status, reason: str | None
) -> None:
    if name in named:
        raise StudylogError("named_twice", name=name)
    named[name] = (status, reason)


def _why(member: Member) -> Phrase:
    if member.role == Role.OBSERVER:
        return Phrase("why_observer")
    if not role_expected(member.role):
        return Phrase("why_secretary_not_expected")
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
        select(
            Member.name,
            Member.title,
            Attendance.status,
            Attendance.reason,
            Makeup.date,
            Attendance.approver,
        )
        .join(Attendance, Attendance.member_id == Member.id)
        .outerjoin(Makeup, Makeup.attendance_id == Attendance.id)
        .where(Attendance.session_id == record.id)
        .order_by(Member.id)
    )
    return [RollLine(*row) for row in rows]

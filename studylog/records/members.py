"""Members of a group: who they are, and on which dates they are expected to attend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, false, func, or_, select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.store.models import (
    Attendance,
    Makeup,
    Member,
    Org,
    PlanSpeaker,
    Speech,
    StudySession,
)
from studylog.store.tables import utcnow
from studylog.text.messages import Phrase
from studylog.text.names import close_names
from studylog.text.parse import clean_name, optional_text
from studylog.text.vocab import Role


def in_group(member: Member, day: date) -> bool:
    """The member belonged to the group on ``day`` (observers included)."""
    return (member.joined is None or member.joined <= day) and (
        member.retired is None or member.retired >= day
    )


def recorded_sessions(*, session: Session, org: Org) -> int:
    """How many sessions the org has recorded so far."""
    return (
        session.scalar(select(func.count(StudySession.id)).where(StudySession.org_id == org.id))
        or 0
    )


def add_member(
    *,
    session: Session,
    org: Org,
    name: str,
    title: str | None = None,
    role: Role = Role.MEMBER,
    joined: date | None = None,
) -> Member:
    name = clean_name(name)
    _name_free(session, org, name)
    member = Member(
        org_id=org.id,
        name=name,
        title=optional_text(title, what="--title", limit=200),
        role=role,
        joined=joined,
    )
    session.add(member)
    session.flush()
    return member


def find_member(*, session: Session, org: Org, name: str) -> Member:
    """The member called ``name``; an unknown name suggests close ones."""
    wanted = clean_name(name)
    member = _by_name(session, org, wanted)
    if member is None:
        known = list(session.scalars(select(Member.name).where(Member.org_id == org.id)))
        _reason_typed_in(wanted, known, org)
        raise StudylogError(
            "unknown_member", name=wanted, org=org.name, suggestions=close_names(wanted, known)
        )
    return member


_BRACKETS = " （）()【】[]:：,，"


def _reason_typed_in(wanted: str, known: list[str], org: Org) -> None:
    """黄伟（病假） or 黄伟 病假 (which reads as 黄伟病假): a name with a reason after it, which
    --leave takes as 黄伟：病假."""
    for name in sorted(known, key=len, reverse=True):
        tail = wanted[len(name) :] if wanted.startswith(name) else ""
        rest = tail.strip(_BRACKETS)
        # 张三三 beside 张三 is a typo or another person; a reason is bracketed or 2+ characters
        if rest and (len(rest) >= 2 or rest != tail):
            raise StudylogError("name_with_reason", name=wanted, member=name, reason=rest)


def find_members(*, session: Session, org: Org, names: list[str]) -> dict[str, Member]:
    """Several members by name in one query; the first unknown name is an error."""
    wanted = [clean_name(name) for name in names]
    found = {
        member.name: member
        for member in session.scalars(
            select(Member).where(Member.org_id == org.id, Member.name.in_(wanted))
        )
    }
    for name in wanted:
        if name not in found:
            find_member(session=session, org=org, name=name)  # raises, with suggestions
    return found


def _by_name(session: Session, org: Org, name: str, *, deleted: bool = False) -> Member | None:
    query = select(Member).where(Member.org_id == org.id, Member.name == name)
    if deleted:
        query = query.where(Member.archived_at.is_not(None)).execution_options(
            include_archived=True
        )
    return session.scalar(query)


def _name_free(session: Session, org: Org, name: str) -> None:
    """No member, present or deleted, is called ``name`` (a deleted one can be restored)."""
    if _by_name(session, org, name) is not None:
        raise StudylogError("duplicate_member", name=name, org=org.name)
    if _by_name(session, org, name, deleted=True) is not None:
        raise StudylogError("deleted_member_named", name=name)


def list_members(*, session: Session, org: Org, include_retired: bool = False) -> list[Member]:
    query = select(Member).where(Member.org_id == org.id)
    if not include_retired:
        query = query.where(Member.retired.is_(None))
    return list(session.scalars(query.order_by(_role_order(), Member.id)))


def _role_order() -> ColumnElement[int]:
    return case({role.value: rank for rank, role in enumerate(Role)}, value=Member.role)


def edit_member(
    *,
    session: Session,
    org: Org,
    name: str,
    new_name: str | None = None,
    title: str | None = None,
    role: Role | None = None,
    joined: date | None = None,
    retired: date | None = None,
    confirmed: bool = False,
) -> Member:
    """Change a member. New dates that would leave roll lines, speeches, hosted sessions or
    make-ups outside the member's time in the group are refused with those records listed;
    ``confirmed``, they are taken off (each change in the audit log)."""
    member = find_member(session=session, org=org, name=name)
    if new_name is not None:
        new_name = clean_name(new_name)
        if new_name != member.name:
            _name_free(session, org, new_name)
        member.name = new_name
    if title is not None:
        member.title = optional_text(title, what="--title", limit=200)
    if role is not None:
        member.role = role
    if joined is not None or retired is not None:
        first = joined if joined is not None else member.joined
        last = retired if retired is not None else member.retired
        if first is not None and last is not None and first > last:
            if joined is not None:
                raise StudylogError("joined_after_retired", name=member.name, retired=last)
            raise StudylogError("retired_before_joined", name=member.name, joined=first)
        guard_tenure(
            session=session, member=member, joined=first, retired=last, confirmed=confirmed
        )
        member.joined, member.retired = first, last
    session.flush()
    return member


@dataclass(frozen=True)
class Orphans:
    """The records that new dates would put outside a member's time in the group."""

    lines: list[tuple[Attendance, date]]  # each with its session's date
    speeches: list[tuple[Speech, date]]
    hosted: list[StudySession]

    def phrases(self) -> list[Phrase]:
        found = [Phrase("orphan_line", {"day": d, "status": x.status}) for x, d in self.lines]
        found += [Phrase("orphan_speech", {"day": d, "kind": x.kind}) for x, d in self.speeches]
        found += [Phrase("orphan_host", {"day": record.date}) for record in self.hosted]
        return found

    def __bool__(self) -> bool:
        return bool(self.lines or self.speeches or self.hosted)


def tenure_orphans(
    *, session: Session, member: Member, joined: date | None, retired: date | None
) -> Orphans:
    """What lies outside ``joined``–``retired`` (deleted sessions too: restored, they must
    agree with the dates)."""
    outside: ColumnElement[bool] = false()
    if joined is not None:
        outside = or_(outside, StudySession.date < joined)
    if retired is not None:
        outside = or_(outside, StudySession.date > retired)
    all_ = {"include_archived": True}
    line_days = list(
        session.execute(
            select(Attendance, StudySession.date)
            .join(StudySession, StudySession.id == Attendance.session_id)
            .where(Attendance.member_id == member.id, outside)
            .order_by(StudySession.date),
            execution_options=all_,
        )
    )
    speech_days = list(
        session.execute(
            select(Speech, StudySession.date)
            .join(StudySession, StudySession.id == Speech.session_id)
            .where(Speech.member_id == member.id, outside)
            .order_by(StudySession.date),
            execution_options=all_,
        )
    )
    hosted = list(
        session.scalars(
            select(StudySession).where(StudySession.host_id == member.id, outside),
            execution_options=all_,
        )
    )
    return Orphans(
        lines=[(line, day) for line, day in line_days],
        speeches=[(speech, day) for speech, day in speech_days],
        hosted=hosted,
    )


def guard_tenure(
    *,
    session: Session,
    member: Member,
    joined: date | None,
    retired: date | None,
    confirmed: bool,
) -> Orphans:
    """Refuse dates that orphan records, or (``confirmed``) take those records off."""
    orphans = tenure_orphans(session=session, member=member, joined=joined, retired=retired)
    if not orphans:
        return orphans
    if not confirmed:
        raise StudylogError("tenure_orphans", name=member.name, records=orphans.phrases())
    for line, _ in orphans.lines:  # through the unit of work, so the audit log keeps each
        made_up = session.scalar(select(Makeup).where(Makeup.attendance_id == line.id))
        if made_up is not None:
            session.delete(made_up)
        session.delete(line)
    for speech, _ in orphans.speeches:
        session.delete(speech)
    for record in orphans.hosted:
        record.host_id = None
    return orphans


@dataclass(frozen=True)
class Retirement:
    member: Member
    rolls_left: int  # later rolls the member was taken off


def retire_member(
    *, session: Session, org: Org, name: str, on: date, confirmed: bool = False
) -> Retirement:
    """Mark a member as having left the group on ``on``; their history stays.

    Later records naming them (roll lines, speeches, hosting) are refused with the records
    listed; ``confirmed``, they are taken off.
    """
    member = find_member(session=session, org=org, name=name)
    if member.retired is not None:
        raise StudylogError("already_retired", name=member.name, on=member.retired)
    if member.joined is not None and on < member.joined:
        raise StudylogError("retired_before_joined", name=member.name, joined=member.joined)
    orphans = guard_tenure(
        session=session, member=member, joined=member.joined, retired=on, confirmed=confirmed
    )
    member.retired = on
    session.flush()
    return Retirement(member=member, rolls_left=len(orphans.lines))


def roll_lines(*, session: Session, member: Member) -> int:
    """How many roll lines name the member."""
    count = select(func.count(Attendance.id)).where(Attendance.member_id == member.id)
    return session.scalar(count) or 0


@dataclass(frozen=True)
class Deletion:
    member: Member
    lines: int  # roll lines kept aside with the member


def delete_member(*, session: Session, org: Org, name: str, reason: str | None) -> Deletion:
    """Delete a member entered by mistake: the member and their roll lines are kept, marked
    deleted (when, why) and left out of everything until restored.

    A member who hosted a session, gave a speech or is planned to speak has a history that
    is not a mistake: they are retired instead (``member retire``).
    """
    member = find_member(session=session, org=org, name=name)
    hosted, spoke, planned = session.execute(
        select(
            select(func.count(StudySession.id))
            .where(StudySession.host_id == member.id)
            .scalar_subquery(),
            select(func.count(Speech.id)).where(Speech.member_id == member.id).scalar_subquery(),
            select(func.count())
            .select_from(PlanSpeaker)
            .where(PlanSpeaker.member_id == member.id)
            .scalar_subquery(),
        ),
        execution_options={"include_archived": True},  # a deleted session may be restored
    ).one()
    if hosted or spoke or planned:
        raise StudylogError(
            "member_has_history", name=member.name, hosted=hosted, spoke=spoke, planned=planned
        )
    now = utcnow()
    lines = list(session.scalars(select(Attendance).where(Attendance.member_id == member.id)))
    for line in lines:
        line.archived_at = now
    member.archived_at = now
    member.archive_reason = optional_text(reason, what="--reason", limit=500)
    session.flush()
    return Deletion(member=member, lines=len(lines))


def deleted_members(*, session: Session, org: Org) -> list[Member]:
    query = select(Member).where(Member.org_id == org.id, Member.archived_at.is_not(None))
    return list(
        session.scalars(
            query.order_by(Member.archived_at, Member.id).execution_options(include_archived=True)
        )
    )


def restore_member(*, session: Session, org: Org, name: str) -> Deletion:
    """Bring back a deleted member with the roll lines deleted with them."""
    wanted = clean_name(name)
    member = _by_name(session, org, wanted, deleted=True)
    if member is None:
        raise StudylogError("no_deleted_member", name=wanted)
    lines = list(
        session.scalars(
            select(Attendance)
            .where(Attendance.member_id == member.id, Attendance.archived_at == member.archived_at)
            .execution_options(include_archived=True)
        )
    )
    for line in lines:
        line.archived_at = None
    member.archived_at = member.archive_reason = None
    session.flush()
    return Deletion(member=member, lines=len(lines))

"""Self-study (个人自学): a member's own study, with its hours.

Hours are kept as hundredths (1.5 h is 150), so a year's total is an exact sum. An entry
belongs to a member in the group on its date and is dated no later than today; deleting one
keeps it, marked deleted, until it is restored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.members import find_member, in_group
from studylog.records.outputs import not_in_future
from studylog.store.models import Member, Org, SelfStudy
from studylog.store.tables import utcnow
from studylog.text.parse import clean_text, optional_text


def add_self_study(
    *, session: Session, org: Org, name: str, day: dt.date, hundredths: int, title: str
) -> SelfStudy:
    """Record a member's self-study; the same member, date and title twice is refused."""
    member = find_member(session=session, org=org, name=name)
    not_in_future(day)
    if not in_group(member, day):
        raise StudylogError("not_in_group", name=member.name, day=day)
    if hundredths <= 0:
        raise StudylogError("bad_hours", what="--hours", value=hundredths / 100)
    text = clean_text(title, what="--title")
    twin = session.scalar(
        select(SelfStudy.id).where(
            SelfStudy.org_id == org.id,
            SelfStudy.member_id == member.id,
            SelfStudy.date == day,
            SelfStudy.title == text,
        )
    )
    if twin is not None:
        raise StudylogError("duplicate_self_study", id=twin, name=member.name, day=day)
    entry = SelfStudy(
        org_id=org.id, member_id=member.id, date=day, hours_hundredths=hundredths, title=text
    )
    session.add(entry)
    session.flush()
    return entry


def find_self_study(
    *, session: Session, org: Org, entry_id: int, deleted: bool = False
) -> SelfStudy:
    query = select(SelfStudy).where(SelfStudy.id == entry_id, SelfStudy.org_id == org.id)
    if deleted:
        query = query.where(SelfStudy.archived_at.is_not(None)).execution_options(
            include_archived=True
        )
    entry = session.scalar(query) if 0 < entry_id < 2**63 else None
    if entry is None:
        key = "no_deleted_self_study" if deleted else "unknown_self_study"
        raise StudylogError(key, id=entry_id)
    return entry


def delete_self_study(
    *, session: Session, org: Org, entry_id: int, reason: str | None = None
) -> SelfStudy:
    entry = find_self_study(session=session, org=org, entry_id=entry_id)
    entry.archived_at = utcnow()
    entry.archive_reason = optional_text(reason, what="--reason", limit=500)
    session.flush()
    return entry


def restore_self_study(*, session: Session, org: Org, entry_id: int) -> SelfStudy:
    entry = find_self_study(session=session, org=org, entry_id=entry_id, deleted=True)
    entry.archived_at = entry.archive_reason = None
    session.flush()
    return entry


@dataclass(frozen=True)
class SelfStudyLine:
    id: int
    date: dt.date
    member: str
    hundredths: int
    title: str


def list_self_study(
    *,
    session: Session,
    org: Org,
    start: dt.date | None = None,
    end: dt.date | None = None,
    member: str | None = None,
) -> list[SelfStudyLine]:
    """The entries kept (deleted ones and those of deleted members left out), oldest first."""
    query = (
        select(
            SelfStudy.id, SelfStudy.date, Member.name, SelfStudy.hours_hundredths, SelfStudy.title
        )
        .join(Member, Member.id == SelfStudy.member_id)
        .where(SelfStudy.org_id == org.id)
        .order_by(SelfStudy.date, SelfStudy.id)
    )
    if start is not None:
        query = query.where(SelfStudy.date >= start)
    if end is not None:
        query = query.where(SelfStudy.date <= end)
    if member is not None:
        wanted = find_member(session=session, org=org, name=member)
        query = query.where(SelfStudy.member_id == wanted.id)
    return [SelfStudyLine(*row) for row in session.execute(query)]

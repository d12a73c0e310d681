"""The year's study plan (学习计划) and how it was carried out.

A plan item is due in its month. It is *held* once a session names it (``session add
--plan ID``), *overdue* when its month has ended without that, and *pending* before then.
The execution rate (计划执行率) is held items / planned items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Integer, and_, case, cast, extract, func, select
from sqlalchemy.orm import Session

from studylog.errors import BadValue, StudylogError
from studylog.records.members import find_members
from studylog.store.models import Org, PlanItem, PlanSpeaker, StudySession
from studylog.text.parse import clean_text, parse_year
from studylog.text.vocab import Kind

HELD, HELD_LATE, PENDING, OVERDUE = "held", "held_late", "pending", "overdue"


def _check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise BadValue("bad_plan_month", month=month)  # a value that cannot be a month: 2
    return month


def _speakers(session: Session, org: Org, names: Sequence[str]) -> list[PlanSpeaker]:
    members = find_members(session=session, org=org, names=list(names))
    unique = list(dict.fromkeys(name.strip() for name in names))
    return [
        PlanSpeaker(member_id=members[name].id, position=position)
        for position, name in enumerate(unique)
    ]


def add_plan_item(
    *,
    session: Session,
    org: Org,
    year: int,
    month: int,
    title: str,
    kind: Kind = Kind.STUDY,
    discussion: bool = False,
    speakers: Sequence[str] = (),
) -> PlanItem:
    item = PlanItem(
        org_id=org.id,
        year=parse_year(year),
        month=_check_month(month),
        title=clean_text(title, what="--title"),
        kind=kind,
        discussion=discussion,
    )
    item.speakers = _speakers(session, org, speakers)
    session.add(item)
    session.flush()
    return item


def find_plan_item(*, session: Session, org: Org, item_id: int) -> PlanItem:
    item = session.scalar(select(PlanItem).where(PlanItem.id == item_id, PlanItem.org_id == org.id))
    if item is None:
        raise StudylogError("unknown_plan_item", id=item_id)
    return item


def edit_plan_item(
    *,
    session: Session,
    org: Org,
    item_id: int,
    year: int | None = None,
    month: int | None = None,
    title: str | None = None,
    kind: Kind | None = None,
    discussion: bool | None = None,
    speakers: Sequence[str] | None = None,
) -> PlanItem:
    item = find_plan_item(session=session, org=org, item_id=item_id)
    if year is not None:
        item.year = parse_year(year)
    if month is not None:
        item.month = _check_month(month)
    if title is not None:
        item.title = clean_text(title, what="--title")
    if kind is not None:
        item.kind = kind
    if discussion is not None:
        item.discussion = discussion
    if speakers is not None:
        item.speakers = []
        session.flush()  # the old speakers go before the new ones arrive
        item.speakers = _speakers(session, org, speakers)
    session.flush()
    return item


def delete_plan_item(*, session: Session, org: Org, item_id: int) -> PlanItem:
    """Delete a plan item; a session that carried it out stays, unlinked."""
    item = find_plan_item(session=session, org=org, item_id=item_id)
    # Unlinked here rather than by the database's ON DELETE, so the audit log holds it.
    for record in session.scalars(select(StudySession).where(StudySession.plan_id == item.id)):
        record.plan_id = None
    session.delete(item)
    session.flush()
    return item


def link_session(*, session: Session, org: Org, record: StudySession, item_id: int | None) -> None:
    """Record that ``record`` carried out plan item ``item_id`` (``None`` unlinks)."""
    if item_id is None:
        record.plan_id = None
        return
    item = find_plan_item(session=session, org=org, item_id=item_id)
    holders = select(StudySession).where(StudySession.plan_id == item.id)
    if record.id is not None:
        holders = holders.where(StudySession.id != record.id)
    holder = session.scalar(holders)
    if holder is not None:
        raise StudylogError("plan_item_held", id=item.id, session=f"#{holder.id}", day=holder.date)
    record.plan_id = item.id


def _status(as_of: dt.date) -> ColumnElement[str]:
    """held / held_late (in a later month) / overdue (its month is over by the end of
    ``as_of``) / pending, in SQL. Only sessions held by ``as_of`` are joined."""
    planned = PlanItem.year * 12 + PlanItem.month
    held_in = cast(extract("year", StudySession.date), Integer) * 12 + cast(
        extract("month", StudySession.date), Integer
    )
    day_after = as_of + dt.timedelta(days=1)
    return case(
        (and_(StudySession.id.is_not(None), held_in > planned), HELD_LATE),
        (StudySession.id.is_not(None), HELD),
        (planned < day_after.year * 12 + day_after.month, OVERDUE),
        else_=PENDING,
    )


@dataclass(frozen=True)
class PlanLine:
    id: int
    month: int
    title: str
    kind: Kind
    discussion: bool
    speakers: list[str]
    status: str
    session_id: int | None
    session_date: dt.date | None


@dataclass(frozen=True)
class Unplanned:
    session_id: int
    date: dt.date
    title: str


@dataclass(frozen=True)
class PlanReport:
    year: int
    as_of: dt.date
    planned: int
    held: int  # late ones included
    held_late: int
    pending: int
    overdue: int
    lines: list[PlanLine] = field(default_factory=list)
    unplanned: list[Unplanned] = field(default_factory=list)

    @property
    def execution_rate(self) -> float | None:
        return self.held / self.planned if self.planned else None


def plan_items(*, session: Session, org: Org, year: int) -> list[PlanItem]:
    return list(
        session.scalars(
            select(PlanItem)
            .where(PlanItem.org_id == org.id, PlanItem.year == year)
            .order_by(PlanItem.month, PlanItem.id)
        )
    )


def plan_versus_actual(*, session: Session, org: Org, year: int, as_of: dt.date) -> PlanReport:
    """Each plan item of the year against the sessions held, like a budget report."""
    status = _status(as_of)
    in_year = and_(PlanItem.org_id == org.id, PlanItem.year == year)
    joined = (
        select()
        .select_from(PlanItem)
        .outerjoin(
            StudySession,
            and_(StudySession.plan_id == PlanItem.id, StudySession.date <= as_of),
        )
    )
    counts = session.execute(
        joined.add_columns(
            func.count(PlanItem.id).label("planned"),
            *(
                func.coalesce(func.sum(case((status == name, 1), else_=0)), 0).label(name)
                for name in (HELD, HELD_LATE, PENDING, OVERDUE)
            ),
        ).where(in_year)
    ).one()
    items = {item.id: item for item in plan_items(session=session, org=org, year=year)}
    rows = session.execute(
        joined.add_columns(PlanItem.id, status, StudySession.id, StudySession.date)
        .where(in_year)
        .order_by(PlanItem.month, PlanItem.id)
    )
    lines = [
        PlanLine(
            id=item_id,
            month=items[item_id].month,
            title=items[item_id].title,
            kind=items[item_id].kind,
            discussion=items[item_id].discussion,
            speakers=[speaker.member.name for speaker in items[item_id].speakers],
            status=line_status,
            session_id=session_id,
            session_date=session_date,
        )
        for item_id, line_status, session_id, session_date in rows
    ]
    unplanned = [
        Unplanned(*row)
        for row in session.execute(
            select(StudySession.id, StudySession.date, StudySession.title)
            .where(
                StudySession.org_id == org.id,
                StudySession.date >= dt.date(year, 1, 1),
                StudySession.date <= min(dt.date(year, 12, 31), as_of),
                StudySession.plan_id.is_(None),
            )
            .order_by(StudySession.date, StudySession.id)
        )
    ]
    return PlanReport(
        year=year,
        as_of=as_of,
        planned=counts.planned,
        held=counts.held + counts.held_late,
        held_late=counts.held_late,
        pending=counts.pending,
        overdue=counts.overdue,
        lines=lines,
        unplanned=unplanned,
    )

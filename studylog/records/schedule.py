"""The study calendar: the day, time and place each plan item is to be held (学习时间固定).

``plan schedule`` gives the items of a year's plan their day by a rule the office states (the
second Tuesday of each month, say): a day that is not a working day — an official holiday, or
a weekend day the State Council did not declare a working day — moves to the next working day
(:mod:`studylog.records.holidays`). For a year whose holidays are not published yet, the rule's
days are kept and the caller says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.holidays import next_working_day, published
from studylog.records.members import find_members
from studylog.records.plans import plan_items
from studylog.store.models import Member, Org, PlanItem, StudySession
from studylog.text.parse import optional_text, parse_year
from studylog.text.schedule_rules import Rule


@dataclass(frozen=True)
class Scheduled:
    """One plan item as scheduled: the rule's day, and the day it was given."""

    id: int
    month: int
    title: str
    rule_day: dt.date
    planned_on: dt.date
    holiday: str | None  # why it moved: a holiday's key; None: a weekend day, or not moved
    moved: bool


@dataclass(frozen=True)
class Schedule:
    year: int
    published: bool  # the year's official holidays are known (else days kept as the rule gave)
    lines: list[Scheduled]


def _rule_days(rule: Rule, year: int, items: Sequence[PlanItem]) -> list[dt.date]:
    """The rule's day for each item, in the items' order; a month without one is an error."""
    if rule.dates:
        if len(rule.dates) != len(items):
            raise StudylogError("rule_dates_count", dates=len(rule.dates), items=len(items))
        for day, item in zip(rule.dates, items, strict=True):
            if (day.year, day.month) != (year, item.month):
                raise StudylogError(
                    "rule_date_month", day=day, id=item.id, year=year, month=item.month
                )
        return list(rule.dates)
    days = []
    for item in items:
        found = rule.date_in(year, item.month)
        if found is None:
            raise StudylogError("rule_no_date", rule=rule.text, year=year, month=item.month)
        days.append(found)
    return days


def schedule_plan(
    *,
    session: Session,
    org: Org,
    year: int,
    rule: Rule,
    time: str | None = None,
    place: str | None = None,
    host: str | None = None,
    item_ids: Sequence[int] = (),
) -> Schedule:
    """Give the year's plan items (or those of ``item_ids``) their planned day by ``rule``,
    and the time, place and host when given; every check before any change."""
    items = plan_items(session=session, org=org, year=parse_year(year))
    if item_ids:
        known = {item.id for item in items}
        for item_id in item_ids:
            if item_id not in known:
                raise StudylogError("plan_item_not_in_year", id=item_id, year=year)
        items = [item for item in items if item.id in set(item_ids)]
    if not items:
        raise StudylogError("no_plan_items", year=year)
    days = _rule_days(rule, year, items)
    known_holidays = published(year)
    host_member = (
        find_members(session=session, org=org, names=[host])[host.strip()] if host else None
    )
    where = optional_text(place, what="--place", limit=200) if place is not None else None
    lines = []
    for item, day in zip(items, days, strict=True):
        working = next_working_day(day) if known_holidays else None
        planned = working.day if working is not None else day
        item.planned_on = planned
        if time is not None:
            item.planned_time = time or None
        if place is not None:
            item.place = where
        if host_member is not None:
            item.host_id = host_member.id
        lines.append(
            Scheduled(
                id=item.id,
                month=item.month,
                title=item.title,
                rule_day=day,
                planned_on=planned,
                holiday=working.holiday if working is not None else None,
                moved=working is not None and working.moved,
            )
        )
    session.flush()
    return Schedule(year=year, published=known_holidays, lines=lines)


def planned_on(*, session: Session, org: Org, day: dt.date) -> list[PlanItem]:
    """The plan items planned for ``day``, in the order of the plan."""
    return list(
        session.scalars(
            select(PlanItem)
            .where(PlanItem.org_id == org.id, PlanItem.planned_on == day)
            .order_by(PlanItem.month, PlanItem.id)
        )
    )


@dataclass(frozen=True)
class CalendarLine:
    """A plan item with a planned day, as the calendar file shows it."""

    id: int
    title: str
    kind: str
    discussion: bool
    planned_on: dt.date
    planned_time: str | None
    place: str | None
    host: str | None
    speakers: list[str]


def calendar_lines(*, session: Session, org: Org, year: int) -> list[CalendarLine]:
    """The year's scheduled plan items. The host is the item's own, else that of the session
    that carried it out, else nobody named."""
    held_by = dict(
        session.execute(
            select(StudySession.plan_id, Member.name)
            .join(Member, Member.id == StudySession.host_id)
            .where(StudySession.org_id == org.id, StudySession.plan_id.is_not(None))
        ).all()
    )
    lines = []
    for item in plan_items(session=session, org=org, year=year):
        if item.planned_on is None:
            continue
        host = item.host.name if item.host is not None else held_by.get(item.id)
        lines.append(
            CalendarLine(
                id=item.id,
                title=item.title,
                kind=item.kind.value,
                discussion=item.discussion,
                planned_on=item.planned_on,
                planned_time=item.planned_time,
                place=item.place,
                host=host,
                speakers=[speaker.member.name for speaker in item.speakers],
            )
        )
    return sorted(lines, key=lambda line: (line.planned_on, line.planned_time or "", line.id))


def log_position(*, session: Session, org: Org) -> int:
    """How many audited changes the group has had: a number that only grows (the calendar's
    SEQUENCE, so a later export supersedes an earlier one)."""
    from sqlalchemy import func

    from studylog.store.models import AuditEntry

    return int(
        session.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.org_id == org.id)) or 0
    )

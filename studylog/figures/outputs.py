"""The year's figures beyond the sessions, as SQL aggregates: members' outputs by kind (and
articles at city level or above, 市级以上), self-study hours, and first agenda items taken
at other meetings (党组会, 党委会, 常委会) with their relay latency, per meeting kind.

They stand apart from :mod:`studylog.figures.tallies`: an output, an hour of self-study or a
党组会 is not a study session, and none of it enters the sessions' counts or rates. Every
figure honours the period's end and ``as_of`` as the tallies do (nothing dated later counts),
and leaves out deleted records and deleted members' records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Select, and_, case, func, or_, select

from studylog.records.expected import days_between
from studylog.store.tables import agenda_items, member_outputs, members, self_study
from studylog.text.activity_words import CITY_OR_ABOVE, Meeting, OutputKind
from studylog.text.hours import as_hours, hours_value
from studylog.text.vocab import Role

if TYPE_CHECKING:
    from studylog.store.db import Reader


class OrgRef(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class MeetingLatency:
    """How fast a meeting kind relayed its first agenda items: days from source to meeting."""

    items: int = 0  # items with a source date
    median_days: float | None = None
    longest_days: int | None = None


@dataclass(frozen=True)
class MemberActivity:
    """One member's outputs by kind and self-study hours (hundredths) over the period."""

    title: str | None = None
    outputs: dict[str, int] = field(default_factory=dict)
    self_study: int = 0

    def figures(self) -> dict[str, Any]:
        return {
            "outputs": {kind.value: self.outputs.get(kind.value, 0) for kind in OutputKind},
            "self_study_hours": as_hours(self.self_study),
        }


@dataclass(frozen=True)
class Activities:
    """The period's outputs, self-study and other meetings' first agenda items."""

    outputs: dict[str, int] = field(default_factory=dict)  # kind → count
    articles_city_or_above: int = 0
    self_study: int = 0  # hundredths of an hour
    agenda: dict[str, int] = field(default_factory=dict)  # meeting → count
    latency: dict[str, MeetingLatency] = field(default_factory=dict)  # meeting → latency
    members: dict[str, MemberActivity] = field(default_factory=dict)  # by member name

    @property
    def outputs_total(self) -> int:
        return sum(self.outputs.values())

    def figures(self) -> dict[str, Any]:
        """The JSON keys ``stats`` adds (README lists them)."""
        return {
            "outputs": {kind.value: self.outputs.get(kind.value, 0) for kind in OutputKind},
            "outputs_city_level_or_above": self.articles_city_or_above,
            "first_agenda_by_meeting": {
                meeting.value: self.agenda.get(meeting.value, 0) for meeting in Meeting
            },
            "first_agenda_by_meeting_latency": {
                meeting: {
                    "items": latency.items,
                    "median_days": latency.median_days,
                    "longest_days": latency.longest_days,
                }
                for meeting, latency in self.latency.items()
            },
            "self_study_hours": as_hours(self.self_study),
        }

    def member(self, name: str) -> dict[str, Any]:
        """What a ``--by member`` row adds: ``outputs`` {kind: count}, ``self_study_hours``."""
        return self.members.get(name, MemberActivity()).figures()


def _between(column: Any, start: date, end: date) -> Any:
    return and_(column >= start, column <= end)


def _owned(query: Select[Any], table: Any, org: OrgRef | None, start: date, end: date) -> Any:
    """Rows of ``table`` of ``org`` (every org when None) dated in the period, not deleted."""
    query = query.where(table.c.archived_at.is_(None), _between(table.c.date, start, end))
    return query if org is None else query.where(table.c.org_id == org.id)


def _of_live_members(query: Select[Any], table: Any) -> Select[Any]:
    return query.join(
        members, and_(members.c.id == table.c.member_id, members.c.archived_at.is_(None))
    )


def activity_figures(
    *,
    session: Reader,
    org: OrgRef | None,
    start: date,
    end: date,
    as_of: date | None = None,
    by_member: bool = False,
) -> Activities:
    """The period's figures (up to ``as_of``, default today), per member when asked."""
    end = min(end, as_of or date.today())
    output = member_outputs.c
    kind_counts = session.execute(
        _owned(
            _of_live_members(
                select(output.kind, func.count(output.id)).select_from(member_outputs),
                member_outputs,
            ),
            member_outputs,
            org,
            start,
            end,
        ).group_by(output.kind)
    )
    outputs = {str(_value(kind)): count for kind, count in kind_counts}
    city = session.scalar(
        _owned(
            _of_live_members(
                select(func.count(output.id)).select_from(member_outputs), member_outputs
            ),
            member_outputs,
            org,
            start,
            end,
        ).where(output.kind == OutputKind.ARTICLE, output.level.in_(CITY_OR_ABOVE))
    )
    hours = session.scalar(
        _owned(
            _of_live_members(
                select(func.coalesce(func.sum(self_study.c.hours_hundredths), 0)).select_from(
                    self_study
                ),
                self_study,
            ),
            self_study,
            org,
            start,
            end,
        )
    )
    agenda, latency = _meetings(session, org, start, end)
    return Activities(
        outputs=outputs,
        articles_city_or_above=city or 0,
        self_study=int(hours or 0),
        agenda=agenda,
        latency=latency,
        members=_by_member(session, org, start, end) if by_member and org is not None else {},
    )


def _value(kind: Any) -> str:
    return str(getattr(kind, "value", kind))


def _meetings(
    session: Reader, org: OrgRef | None, start: date, end: date
) -> tuple[dict[str, int], dict[str, MeetingLatency]]:
    """Items per meeting kind, and each kind's median and longest relay latency, in SQL (the
    median through window functions, as for the sessions' own first agenda items)."""
    item = agenda_items.c
    counts = {
        _value(meeting): count
        for meeting, count in session.execute(
            _owned(
                select(item.meeting, func.count(item.id)), agenda_items, org, start, end
            ).group_by(item.meeting)
        )
    }
    days = days_between(item.date, item.source_date)
    ranked = _owned(
        select(
            item.meeting.label("meeting"),
            days.label("days"),
            func.row_number().over(partition_by=item.meeting, order_by=days).label("rank"),
            func.count().over(partition_by=item.meeting).label("total"),
        ).where(item.source_date.is_not(None)),
        agenda_items,
        org,
        start,
        end,
    ).subquery()
    middle = or_(
        ranked.c.rank == (ranked.c.total + 1) // 2, ranked.c.rank == (ranked.c.total + 2) // 2
    )
    latency = {}
    for meeting, items, longest, median in session.execute(
        select(
            ranked.c.meeting,
            func.count(),
            func.max(ranked.c.days),
            func.avg(case((middle, ranked.c.days))),
        )
        .group_by(ranked.c.meeting)
        .order_by(ranked.c.meeting)
    ):
        latency[_value(meeting)] = MeetingLatency(
            items=items,
            median_days=None if median is None else _number(float(median)),
            longest_days=longest,
        )
    return counts, latency


def _number(value: float) -> float:
    return int(value) if value.is_integer() else value


def _by_member(session: Reader, org: OrgRef, start: date, end: date) -> dict[str, MemberActivity]:
    """Each member's outputs by kind and self-study hours, members with neither left out."""
    member, output = members.c, member_outputs.c
    found: dict[str, dict[str, Any]] = {}
    order: dict[str, int] = {}
    for member_id, name, title, kind, count in session.execute(
        _owned(
            _of_live_members(
                select(
                    member.id, member.name, member.title, output.kind, func.count(output.id)
                ).select_from(member_outputs),
                member_outputs,
            ),
            member_outputs,
            org,
            start,
            end,
        ).group_by(member.id, member.name, member.title, output.kind)
    ):
        order[name] = member_id
        found.setdefault(name, {"title": title, "outputs": {}, "self_study": 0})
        found[name]["outputs"][_value(kind)] = count
    for member_id, name, title, hours in session.execute(
        _owned(
            _of_live_members(
                select(
                    member.id, member.name, member.title, func.sum(self_study.c.hours_hundredths)
                ).select_from(self_study),
                self_study,
            ),
            self_study,
            org,
            start,
            end,
        ).group_by(member.id, member.name, member.title)
    ):
        order[name] = member_id
        found.setdefault(name, {"title": title, "outputs": {}, "self_study": 0})
        found[name]["self_study"] = int(hours or 0)
    return {name: MemberActivity(**found[name]) for name in sorted(found, key=order.__getitem__)}


@dataclass(frozen=True)
class ShortOfHours:
    member: str
    hours: Decimal  # exact: a table shows 1.5, JSON the number


def short_of_self_study(
    *, session: Reader, org: OrgRef, start: date, end: date, minimum: float
) -> list[ShortOfHours]:
    """Members expected during the period (not observers, in the group at some time of it)
    whose self-study hours in it fall below ``minimum``, in member order."""
    member, entry = members.c, self_study.c
    hours = (
        select(func.coalesce(func.sum(entry.hours_hundredths), 0))
        .where(
            entry.member_id == member.id,
            entry.archived_at.is_(None),
            _between(entry.date, start, end),
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(member.name, hours.label("hours"))
        .where(
            member.org_id == org.id,
            member.archived_at.is_(None),
            member.role != Role.OBSERVER,
            or_(member.joined.is_(None), member.joined <= end),
            or_(member.retired.is_(None), member.retired >= start),
            hours < round(minimum * 100),
        )
        .order_by(member.id)
    )
    return [ShortOfHours(member=name, hours=hours_value(int(value))) for name, value in rows]

"""The yearly figures, as SQL aggregates (GROUP BY), never a Python loop over records.

Definitions (see the design): expected = members expected on the session's date; attended =
present + late; attendance rate = attended / expected; make-ups outstanding = leave + absent −
make-ups recorded for them; participation rate = (attended + make-ups) / expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from studylog.figures.grouping import Grouping, OrgRef, count_if, period_number, periods, without
from studylog.figures.grouping import expected_lines as _expected_lines
from studylog.figures.grouping import in_period as _in_period
from studylog.figures.studyforms import study_figures
from studylog.records.expected import days_between, expected_role
from studylog.store.tables import attendance, makeups, members, orgs, speeches
from studylog.store.tables import sessions as held
from studylog.text.values import Plain
from studylog.text.vocab import MISSED, Kind, SpeechKind, Status

if TYPE_CHECKING:
    from studylog.store.db import Reader


@dataclass(frozen=True)
class SessionCounts:
    sessions: int = 0
    discussions: int = 0
    topic_sessions: int = 0
    topic_discussions: int = 0
    first_agenda_items: int = 0


@dataclass(frozen=True)
class RollCounts:
    expected: int = 0
    present: int = 0
    late: int = 0
    leave: int = 0
    absent: int = 0
    makeups: int = 0
    unrecorded: int = 0  # expected members with no line on a roll (roll not taken yet)

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def makeups_outstanding(self) -> int:
        return self.leave + self.absent - self.makeups

    @property
    def attendance_rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None

    @property
    def participation_rate(self) -> float | None:
        return (self.attended + self.makeups) / self.expected if self.expected else None


@dataclass(frozen=True)
class SpeechCounts:
    key: int = 0
    written: int = 0
    exchange: int = 0

    @property
    def total(self) -> int:
        return self.key + self.written + self.exchange


def _session_figures() -> list[ColumnElement[Any]]:
    session = held.c
    topic = session.kind == Kind.TOPIC
    return [
        func.count(session.id).label("sessions"),
        count_if(session.discussion.is_(True)).label("discussions"),
        count_if(topic).label("topic_sessions"),
        count_if(and_(topic, session.discussion.is_(True))).label("topic_discussions"),
        func.count(session.first_agenda).label("first_agenda_items"),
    ]


def _roll_figures() -> list[ColumnElement[Any]]:
    line = attendance.c
    return [
        func.count(members.c.id).label("expected"),
        *(count_if(line.status == status).label(status.value) for status in Status),
        count_if(and_(makeups.c.id.is_not(None), line.status.in_(MISSED))).label("makeups"),
        count_if(line.id.is_(None)).label("unrecorded"),
    ]


def _speech_figures() -> list[ColumnElement[Any]]:
    return [count_if(speeches.c.kind == kind).label(kind.value) for kind in SpeechKind]


# Deleted sessions and members, and a deleted member's roll lines, stay in the database and
# out of every figure: each query below says so itself (these are Core statements, which the
# ORM's rule in studylog.store.models does not reach).


def _speeches(query: Select[Any]) -> Select[Any]:
    """Members' speeches: an observer's (列席) are counted apart (``observer_speeches``)."""
    speaker = and_(members.c.id == speeches.c.member_id, expected_role())
    joined = speeches.join(held, held.c.id == speeches.c.session_id).join(members, speaker)
    return query.select_from(joined)


@dataclass(frozen=True)
class Tallies:
    """The figures for one org over one period (a year, or one row of ``--by``)."""

    sessions: SessionCounts = field(default_factory=SessionCounts)
    roll: RollCounts = field(default_factory=RollCounts)
    speeches: SpeechCounts = field(default_factory=SpeechCounts)
    more: dict[str, Any] = field(default_factory=dict)  # study forms, beyond the roll, hosted

    def figures(self) -> dict[str, Any]:
        """The design's JSON keys, in its order, and ``unrecorded``."""
        roll = self.roll
        return {
            "sessions": self.sessions.sessions,
            "discussions": self.sessions.discussions,
            "topic_sessions": self.sessions.topic_sessions,
            "topic_discussions": self.sessions.topic_discussions,
            "first_agenda_items": self.sessions.first_agenda_items,
            "expected": roll.expected,
            "present": roll.present,
            "late": roll.late,
            "leave": roll.leave,
            "absent": roll.absent,
            "attendance_rate": roll.attendance_rate,
            "makeups": roll.makeups,
            "makeups_outstanding": roll.makeups_outstanding,
            "participation_rate": roll.participation_rate,
            "speeches": {
                "key": self.speeches.key,
                "written": self.speeches.written,
                "exchange": self.speeches.exchange,
            },
            "unrecorded": roll.unrecorded,
            **self.more,
        }


@dataclass(frozen=True)
class Latency:
    """How fast first agenda items (第一议题) were relayed: days from source to session."""

    items: int = 0  # first agenda items with a source date
    median_days: float | None = None
    longest_days: int | None = None


def agenda_latency(*, session: Reader, org: OrgRef | None, start: date, end: date) -> Latency:
    """Median and longest relay latency, in SQL (the median through window functions)."""
    days = days_between(held.c.date, held.c.source_date)
    ranked = _in_period(
        select(
            days.label("days"),
            func.row_number().over(order_by=days).label("rank"),
            func.count().over().label("total"),
        ).where(held.c.first_agenda.is_not(None), held.c.source_date.is_not(None)),
        org,
        start,
        end,
    ).subquery()
    middle = or_(
        ranked.c.rank == (ranked.c.total + 1) // 2, ranked.c.rank == (ranked.c.total + 2) // 2
    )
    items, longest = session.execute(
        select(func.count(), func.max(ranked.c.days)).select_from(ranked)
    ).one()
    median = session.scalar(select(func.avg(ranked.c.days)).where(middle))
    return Latency(
        items=items,
        median_days=None if median is None else _number(float(median)),
        longest_days=longest,
    )


def _number(value: float) -> float:
    return int(value) if value.is_integer() else Plain(value)  # days: shown as 14.5, not a %


@dataclass(frozen=True)
class Row:
    """One row of ``stats --by``: a member or a period, and its figures."""

    key: str  # member name, "2023-03" or "2023-Q1"
    title: str | None
    tallies: Tallies


@dataclass(frozen=True)
class YearReport:
    """Figures for a year (or any period), one org or all of them, with ``--by`` rows."""

    year: int | None
    org: str | None  # None: every org in the database
    tallies: Tallies
    latency: Latency = field(default_factory=Latency)
    by: Grouping | None = None
    rows: list[Row] = field(default_factory=list)
    start: date | None = None
    end: date | None = None


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def yearly_tallies(
    *,
    session: Reader,
    org: OrgRef,
    year: int,
    by: Grouping | None = None,
    as_of: date | None = None,
) -> YearReport:
    """The year's figures for one org, and per member, month or quarter when asked."""
    start, end = year_bounds(year)
    return period_tallies(
        session=session, org=org, start=start, end=end, by=by, year=year, as_of=as_of
    )


def period_tallies(
    *,
    session: Reader,
    org: OrgRef | None,
    start: date,
    end: date,
    by: Grouping | None = None,
    year: int | None = None,
    as_of: date | None = None,
) -> YearReport:
    """The figures from ``start`` to ``end`` for one org (or all: ``org=None``), and per
    member, month, quarter or org when asked.

    Only sessions held by ``as_of`` (default today) count: one dated later is upcoming, or
    had not been held yet on that day, whatever was recorded since.
    """
    listed_end, end = end, min(end, as_of or date.today())
    rows: list[Row] = []
    if by == "org":
        # Each org's aggregates add up to the whole: no second pass over every roll line.
        rows = _org_rows(session, start, end)
        tallies = _added([row.tallies for row in rows])
    else:
        tallies = _tallies(session, org, start, end)
    if by == "member" and org is not None:
        rows = _member_rows(session, org, start, end)
    elif by in ("month", "quarter"):
        rows = _period_rows(session, org, start, end, by, listed_end)
    latency = agenda_latency(session=session, org=org, start=start, end=end)
    totals, per_row, blank = study_figures(session, org, start, end, by, listed_end)
    tallies = replace(tallies, more=totals)
    rows = [replace(row, tallies=replace(row.tallies, more=per_row.get(row.key, blank)))
            for row in rows]  # fmt: skip
    return YearReport(
        year=year,
        org=org.name if org is not None else None,
        tallies=tallies,
        latency=latency,
        by=by,
        rows=rows,
        start=start,
        end=listed_end,
    )


def _tallies(session: Reader, org: OrgRef | None, start: date, end: date) -> Tallies:
    sessions = session.execute(_in_period(select(*_session_figures()), org, start, end)).one()
    roll = session.execute(_in_period(_expected_lines(select(*_roll_figures())), org, start, end))
    speeches = session.execute(
        _in_period(_speeches(select(*_speech_figures())), org, start, end)
    ).one()
    return Tallies(
        SessionCounts(**sessions._asdict()),
        RollCounts(**roll.one()._asdict()),
        SpeechCounts(**speeches._asdict()),
    )


def _added(parts: list[Tallies]) -> Tallies:
    """The sum of several orgs' figures (each already an SQL aggregate)."""

    def total(kind: type[Any], pick: Any) -> Any:
        counts = [pick(part) for part in parts]
        names = [column.name for column in fields(kind)]
        return kind(**{name: sum(getattr(count, name) for count in counts) for name in names})

    return Tallies(
        total(SessionCounts, lambda part: part.sessions),
        total(RollCounts, lambda part: part.roll),
        total(SpeechCounts, lambda part: part.speeches),
    )


def session_roll(*, session: Reader, record_id: int) -> tuple[RollCounts, int]:
    """One session's roll figures, and how many roll lines it has in all.

    A roll that no longer matches the members expected that day (its date or the members'
    dates changed since it was taken) shows as ``unrecorded`` or as extra lines.
    """
    counts = session.execute(
        _expected_lines(select(*_roll_figures())).where(held.c.id == record_id)
    ).one()
    lines = session.scalar(
        select(func.count(attendance.c.id)).where(
            attendance.c.session_id == record_id, attendance.c.archived_at.is_(None)
        )
    )
    return RollCounts(**counts._asdict()), lines or 0


def _member_rows(session: Reader, org: OrgRef, start: date, end: date) -> list[Row]:
    """The attendance notice (出勤公示): one row per member expected during the period."""
    member = members.c
    roll = session.execute(
        _in_period(
            _expected_lines(select(member.id, member.name, member.title, *_roll_figures())),
            org,
            start,
            end,
        )
        .group_by(member.id, member.name, member.title)
        .order_by(member.id)
    )
    spoken = {
        row.member_id: SpeechCounts(**without(row._asdict(), "member_id"))
        for row in session.execute(
            _in_period(
                _speeches(select(speeches.c.member_id, *_speech_figures())), org, start, end
            ).group_by(speeches.c.member_id)
        )
    }
    rows = []
    for line in roll:
        counts = line._asdict()
        member_id, name, title = counts.pop("id"), counts.pop("name"), counts.pop("title")
        rows.append(
            Row(
                key=name,
                title=title,
                tallies=Tallies(
                    roll=RollCounts(**counts), speeches=spoken.pop(member_id, SpeechCounts())
                ),
            )
        )
    if spoken:  # observers, or members outside their dates, who spoke: rows add up to the total
        for member_id, name, title in session.execute(
            select(member.id, member.name, member.title)
            .where(member.id.in_(spoken), member.archived_at.is_(None))
            .order_by(member.id)
        ):
            rows.append(Row(key=name, title=title, tallies=Tallies(speeches=spoken[member_id])))
    return rows


def _period_rows(
    session: Reader, org: OrgRef | None, start: date, end: date, by: Grouping, listed_end: date
) -> list[Row]:
    """One row per month or quarter from ``start`` to ``end``, empty periods included."""
    period = period_number(by)

    def grouped(query: Select[Any]) -> dict[int, dict[str, Any]]:
        rows = session.execute(_in_period(query, org, start, end).group_by(period))
        return {row.period: row._asdict() for row in rows}

    sessions = grouped(select(period.label("period"), *_session_figures()))
    roll = grouped(_expected_lines(select(period.label("period"), *_roll_figures())))
    speeches = grouped(_speeches(select(period.label("period"), *_speech_figures())))
    rows = []
    for number, key in periods(start, listed_end, by):
        rows.append(
            Row(
                key=key,
                title=None,
                tallies=Tallies(
                    SessionCounts(**without(sessions.get(number))),
                    RollCounts(**without(roll.get(number))),
                    SpeechCounts(**without(speeches.get(number))),
                ),
            )
        )
    return rows


def _org_rows(session: Reader, start: date, end: date) -> list[Row]:
    """One row per org (the supervising view), in name order."""

    def grouped(query: Select[Any]) -> dict[int, dict[str, Any]]:
        rows = session.execute(_in_period(query, None, start, end).group_by(held.c.org_id))
        return {row.org_id: row._asdict() for row in rows}

    org_id = held.c.org_id.label("org_id")
    sessions = grouped(select(org_id, *_session_figures()))
    roll = grouped(_expected_lines(select(org_id, *_roll_figures())))
    speeches = grouped(_speeches(select(org_id, *_speech_figures())))
    return [
        Row(
            key=name,
            title=None,
            tallies=Tallies(
                SessionCounts(**without(sessions.get(org), "org_id")),
                RollCounts(**without(roll.get(org), "org_id")),
                SpeechCounts(**without(speeches.get(org), "org_id")),
            ),
        )
        for org, name in session.execute(select(orgs.c.id, orgs.c.name).order_by(orgs.c.name))
    ]

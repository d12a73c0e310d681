"""What the read-only pages show, gathered in one read: a year of one group, one session, or
every group side by side. The figures are those of ``stats --format json``, from the same
aggregates (:mod:`studylog.figures.tallies`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from studylog.config import Config
from studylog.figures.checks import CheckReport, year_end_check
from studylog.figures.tallies import Row, YearReport, period_tallies, session_roll, yearly_tallies
from studylog.records.attendance import RollLine, roll_of
from studylog.records.ledger import LedgerLine, ledger
from studylog.records.plans import PlanReport, plan_versus_actual
from studylog.records.sessions import list_sessions, resolve_session
from studylog.records.speeches import SpeechLine, list_speeches
from studylog.store.models import Org, StudySession
from studylog.web.chart import Bar


def stats_json(report: YearReport) -> dict[str, Any]:
    """The figures as ``studylog stats --year Y --format json`` prints them (no rows)."""
    return {
        "year": report.year,
        "org": report.org,
        **report.tallies.figures(),
        "first_agenda_median_days": report.latency.median_days,
        "first_agenda_longest_days": report.latency.longest_days,
    }


def _beyond_the_roll(
    session: Session, org: Org, year: int, as_of: dt.date, config: Config
) -> dict[str, Any]:
    """The rest of ``stats --format json``: outputs, self-study, other meetings' first agenda
    items, the calendar kept and the ledger by category (the same functions as the CLI's)."""
    from studylog.figures.drift import calendar_figures
    from studylog.figures.outputs import activity_figures
    from studylog.text.categories import Category

    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    own = tuple(Category(*entry) for entry in config.ledger_categories)
    activities = activity_figures(session=session, org=org, start=start, end=end, as_of=as_of)
    calendar = calendar_figures(
        session=session, org=org, start=start, end=end, as_of=as_of, own=own
    )
    return activities.figures() | calendar


@dataclass(frozen=True)
class SessionRow:
    id: int
    date: dt.date
    title: str
    kind: Any
    discussion: bool
    attended: int
    expected: int


@dataclass(frozen=True)
class YearView:
    org: str
    year: int
    as_of: dt.date
    figures: dict[str, Any]
    report: YearReport
    notice: list[Row]
    bars: list[Bar]
    plan: PlanReport
    check: CheckReport
    ledger: list[LedgerLine]
    sessions: list[SessionRow]
    years: list[int] = field(default_factory=list)


def year_view(*, session: Session, org: Org, year: int, as_of: dt.date, config: Config) -> YearView:
    report = yearly_tallies(session=session, org=org, year=year)
    by_member = yearly_tallies(session=session, org=org, year=year, by="member")
    by_month = yearly_tallies(session=session, org=org, year=year, by="month")
    bars = [
        Bar(row.key[-2:].lstrip("0"), row.tallies.roll.attended, row.tallies.roll.expected)
        for row in by_month.rows
    ]
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    sessions = []
    for record in list_sessions(session=session, org=org, start=start, end=end):
        counts, _ = session_roll(session=session, record_id=record.id)
        sessions.append(
            SessionRow(
                record.id,
                record.date,
                record.title,
                record.kind,
                record.discussion,
                counts.attended,
                counts.expected,
            )
        )
    return YearView(
        org=config.display_name or org.name,
        year=year,
        as_of=as_of,
        figures=stats_json(report) | _beyond_the_roll(session, org, year, as_of, config),
        report=report,
        notice=by_member.rows,
        bars=bars,
        plan=plan_versus_actual(session=session, org=org, year=year, as_of=as_of),
        check=year_end_check(session=session, org=org, year=year, as_of=as_of, rules=config.check),
        ledger=ledger(session=session, org=org, as_of=as_of, year=year),
        sessions=sessions,
        years=years_of(session=session, org_id=org.id),
    )


def years_of(*, session: Session, org_id: int | None) -> list[int]:
    """The years that have sessions (of one group, or of all), newest first."""
    year = extract("year", StudySession.date)
    query = select(year).distinct().order_by(year.desc())
    if org_id is not None:
        query = query.where(StudySession.org_id == org_id)
    return [int(value) for value in session.scalars(query)]


@dataclass(frozen=True)
class SessionView:
    record: StudySession
    roll: list[RollLine]
    speeches: list[SpeechLine]
    attended: int
    expected: int


def session_view(*, session: Session, org: Org, session_id: int) -> SessionView:
    record = resolve_session(session=session, org=org, ref=f"#{session_id}")
    counts, _ = session_roll(session=session, record_id=record.id)
    return SessionView(
        record=record,
        roll=roll_of(session=session, record=record),
        speeches=list_speeches(session=session, org=org, session_id=record.id),
        attended=counts.attended,
        expected=counts.expected,
    )


@dataclass(frozen=True)
class GroupsView:
    year: int
    report: YearReport
    groups: dict[str, int]  # name → id, for the links
    years: list[int]


def groups_view(*, session: Session, year: int) -> GroupsView:
    """Every group's figures side by side (the supervising body's view), totals last."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    report = period_tallies(session=session, org=None, start=start, end=end, by="org", year=year)
    groups = {org.name: org.id for org in session.scalars(select(Org).order_by(Org.name))}
    return GroupsView(year, report, groups, years_of(session=session, org_id=None))

"""The year-end check: the group's rules, each passed or failed with the offending items.

A rule judges only what is already due as of the check's date: a quarter that has not ended,
a leave whose make-up window is still open, or a month whose plan item may still be held
are not failures yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from studylog.config import OFF_BY_DEFAULT, RULES, CheckRules
from studylog.figures.drift import plan_drift
from studylog.figures.notes_checks import lacking
from studylog.figures.tallies import YearReport, year_bounds, yearly_tallies
from studylog.records.expected import days_between, expected_on
from studylog.records.ledger import OVERDUE, ledger
from studylog.records.plans import OVERDUE as PLAN_OVERDUE
from studylog.records.plans import plan_versus_actual
from studylog.store.models import Attendance, Makeup, Member, Org, StudySession
from studylog.text.vocab import MISSED


@dataclass(frozen=True)
class RuleResult:
    rule: str
    enabled: bool
    passed: bool
    value: Any = None  # what was measured (a rate, a count)
    threshold: Any = None
    offenders: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class CheckReport:
    year: int
    org: str
    as_of: dt.date
    results: list[RuleResult]

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.results if result.enabled)


def year_end_check(
    *, session: Session, org: Org, year: int, as_of: dt.date, rules: CheckRules
) -> CheckReport:
    start, end = year_bounds(year)

    @cache
    def members() -> YearReport:  # read once for the two rules about members
        return yearly_tallies(session=session, org=org, year=year, by="member", as_of=as_of)

    checks = {
        "attendance": lambda: _attendance(members(), rules),
        "quarterly_discussion": lambda: _discussions(session, org, year, as_of, rules),
        "member_speeches": lambda: _speeches(members(), as_of, end, rules, _roles(session, org)),
        "makeups_on_time": lambda: _makeups(session, org, start, end, as_of, rules),
        "rectification": lambda: _rectification(session, org, end, as_of),
        "plan": lambda: _plan(session, org, year, as_of),
        "makeup_reflection": lambda: _reflections(session, org, start, end, as_of),
        "session_minutes": lambda: _listed(
            "session_minutes", lacking(session, org, start, end, as_of, column="minutes")
        ),
        "discussion_outline": lambda: _listed(
            "discussion_outline", lacking(session, org, start, end, as_of, column="outline")
        ),
        "plan_drift": lambda: _drift(session, org, start, min(end, as_of), rules),
        "self_study_hours": lambda: _self_study(session, org, start, end, as_of, rules),
    }
    thresholds = {
        "attendance": rules.attendance_rate,
        "quarterly_discussion": rules.discussions_per_quarter,
        "member_speeches": rules.speeches_per_member,
        "makeups_on_time": rules.makeup_days,
        "plan_drift": _drift_threshold(rules),
        "self_study_hours": rules.self_study_hours,
    }
    results = [
        checks[rule]()
        if rule not in rules.disabled
        else RuleResult(rule, False, True, threshold=thresholds.get(rule))
        for rule in RULES
        # a rule off by default is shown only once the settings switch it on
        if rule not in OFF_BY_DEFAULT or rule not in rules.disabled
    ]
    return CheckReport(year=year, org=org.name, as_of=as_of, results=results)


def _listed(rule: str, offenders: list[dict[str, Any]]) -> RuleResult:
    """A rule that passes when it lists nobody."""
    return RuleResult(rule, True, not offenders, offenders=offenders)


def _attendance(report: YearReport, rules: CheckRules) -> RuleResult:
    rate = report.tallies.roll.attendance_rate
    below = [
        {"member": row.key, "attendance_rate": row.tallies.roll.attendance_rate}
        for row in report.rows
        if row.tallies.roll.expected  # observers who spoke have a row but no attendance
        and (row.tallies.roll.attendance_rate or 0) < rules.attendance_rate
    ]
    return RuleResult(
        "attendance",
        True,
        rate is None or rate >= rules.attendance_rate,
        value=rate,
        threshold=rules.attendance_rate,
        offenders=below,
    )


def _discussions(
    session: Session, org: Org, year: int, as_of: dt.date, rules: CheckRules
) -> RuleResult:
    report = yearly_tallies(session=session, org=org, year=year, by="quarter", as_of=as_of)
    quarter_ends = [dt.date(year, 3, 31), dt.date(year, 6, 30), dt.date(year, 9, 30)]
    quarter_ends.append(dt.date(year, 12, 31))
    short = [
        {"quarter": row.key, "discussions": row.tallies.sessions.discussions}
        for row, last_day in zip(report.rows, quarter_ends, strict=True)
        if last_day <= as_of and row.tallies.sessions.discussions < rules.discussions_per_quarter
    ]
    return RuleResult(
        "quarterly_discussion",
        True,
        not short,
        value=report.tallies.sessions.discussions,
        threshold=rules.discussions_per_quarter,
        offenders=short,
    )


def _roles(session: Session, org: Org) -> dict[str, str]:
    return {name: role.value for name, role in session.execute(
        select(Member.name, Member.role).where(Member.org_id == org.id))}  # fmt: skip


def _speeches(
    report: YearReport, as_of: dt.date, end: dt.date, rules: CheckRules, roles: dict[str, str]
) -> RuleResult:
    """Every member of the roles the rule applies to (``member_speeches_roles``; by default
    not the secretary) gave enough key or written speeches."""
    judged = end <= as_of  # a member has until the year's last day
    few = [
        {"member": row.key, "speeches": row.tallies.speeches.key + row.tallies.speeches.written}
        for row in report.rows
        if judged
        and row.tallies.roll.expected
        and roles.get(row.key) in rules.member_speeches_roles
        and row.tallies.speeches.key + row.tallies.speeches.written < rules.speeches_per_member
    ]
    return RuleResult(
        "member_speeches", True, not few, threshold=rules.speeches_per_member, offenders=few
    )


def _makeups(
    session: Session, org: Org, start: dt.date, end: dt.date, as_of: dt.date, rules: CheckRules
) -> RuleResult:
    """Leaves and absences made up late, or not made up once the window has closed."""
    waited = days_between(Makeup.date, StudySession.date)
    window_closed = StudySession.date < as_of - dt.timedelta(days=rules.makeup_days)
    # A make-up dated after as_of did not exist yet then: the miss was still waiting for it.
    made_up_by = and_(Makeup.id.is_not(None), Makeup.date <= as_of)
    not_made_up = or_(Makeup.id.is_(None), Makeup.date > as_of)
    rows = session.execute(
        select(
            Member.name,
            StudySession.id,
            StudySession.date,
            Attendance.status,
            Makeup.date,
            waited,
        )
        .select_from(StudySession)
        .join(Attendance, Attendance.session_id == StudySession.id)
        .join(Member, and_(Member.id == Attendance.member_id, expected_on(StudySession.date)))
        .outerjoin(Makeup, Makeup.attendance_id == Attendance.id)
        .where(
            StudySession.org_id == org.id,
            StudySession.date >= start,
            StudySession.date <= end,
            Attendance.status.in_(MISSED),
            or_(
                and_(not_made_up, window_closed),
                and_(made_up_by, waited > rules.makeup_days),
            ),
        )
        .order_by(StudySession.date, Member.id)
    )
    late = [
        {
            "member": name,
            "session_id": session_id,
            "date": day,
            "status": status,
            "made_up": made_up if made_up is not None and made_up <= as_of else None,
            "days": days if made_up is not None and made_up <= as_of else None,
        }
        for name, session_id, day, status, made_up, days in rows
    ]
    return RuleResult(
        "makeups_on_time", True, not late, threshold=rules.makeup_days, offenders=late
    )


def _rectification(session: Session, org: Org, end: dt.date, as_of: dt.date) -> RuleResult:
    overdue = [
        {"id": line.id, "problem": line.problem, "dept": line.dept, "due": line.due}
        for line in ledger(session=session, org=org, as_of=as_of, state=OVERDUE, found_by=end)
    ]
    return RuleResult("rectification", True, not overdue, offenders=overdue)


def _plan(session: Session, org: Org, year: int, as_of: dt.date) -> RuleResult:
    report = plan_versus_actual(session=session, org=org, year=year, as_of=as_of)
    missed = [
        {"id": line.id, "month": line.month, "title": line.title}
        for line in report.lines
        if line.status == PLAN_OVERDUE
    ]
    return RuleResult(
        "plan",
        True,
        not missed,
        value=report.execution_rate,
        threshold=report.planned,
        offenders=missed,
    )


def _reflections(
    session: Session, org: Org, start: dt.date, end: dt.date, as_of: dt.date
) -> RuleResult:
    """Every make-up made by ``as_of`` carries the member's written 体会."""
    rows = session.execute(
        select(Member.name, StudySession.id, StudySession.date, Makeup.date)
        .select_from(StudySession)
        .join(Attendance, Attendance.session_id == StudySession.id)
        .join(Member, Member.id == Attendance.member_id)
        .join(Makeup, Makeup.attendance_id == Attendance.id)
        .where(
            StudySession.org_id == org.id,
            StudySession.date.between(start, end),
            Makeup.date <= as_of,
            Makeup.reflection.is_(None),
        )
        .order_by(StudySession.date, Member.id)
    )
    missing = [
        {"member": name, "session_id": session_id, "date": day, "made_up": made_up}
        for name, session_id, day, made_up in rows
    ]
    return RuleResult("makeup_reflection", True, not missing, offenders=missing)


def _drift_threshold(rules: CheckRules) -> dict[str, float]:
    return {"on_date_rate": rules.plan_on_date_rate, "mean_days": rules.plan_drift_days}


def _drift(
    session: Session, org: Org, start: dt.date, end: dt.date, rules: CheckRules
) -> RuleResult:
    """Sessions held for a scheduled plan item: at least ``plan_on_date_rate`` of them on the
    planned day, and a mean drift of at most ``plan_drift_days``; passes with no schedule."""
    drift = plan_drift(session=session, org=org, start=start, end=end, offenders=True)
    rate, mean = drift.on_date_rate, drift.mean_days
    passed = rate is None or (
        rate >= rules.plan_on_date_rate and (mean or 0) <= rules.plan_drift_days
    )
    return RuleResult(
        "plan_drift",
        True,
        passed,
        value={"on_date_rate": rate, "mean_days": mean, "on_plan_date": drift.on_plan_date},
        threshold=_drift_threshold(rules),
        offenders=drift.off_days,
    )


def _self_study(
    session: Session, org: Org, start: dt.date, end: dt.date, as_of: dt.date, rules: CheckRules
) -> RuleResult:
    """Every member expected in the year studied on their own at least the minimum hours
    (judged once the year is over: a member has until its last day)."""
    from studylog.figures.outputs import short_of_self_study

    short = (
        short_of_self_study(
            session=session, org=org, start=start, end=end, minimum=rules.self_study_hours
        )
        if end <= as_of
        else []
    )
    return RuleResult(
        "self_study_hours",
        True,
        not short,
        threshold=rules.self_study_hours,
        offenders=[{"member": line.member, "hours": line.hours} for line in short],
    )

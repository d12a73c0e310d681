"""The annual report (年度学习情况汇报), every number from the records, in the office's phrasing.

Its three parts are those of a real 中心组 report: 一、工作完成情况 (the counts sentence, then
subsections each opening with its figures), 二、存在的问题和不足 (the problems in the year's
rectification ledger and the year-end check's failed rules), 三、下步工作打算 (the ledger's open
measures, the next year's plan). The words come from a template the office can edit
(:mod:`studylog.documents.narrative`); a clause whose figure is zero is left out. The
attachments are the lists an office sends with it: the sessions, and the attendance notice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studylog.config import CheckRules
from studylog.documents.activities import activity_context
from studylog.documents.layout import Document
from studylog.documents.notice import notice_table
from studylog.documents.report_calendar import calendar_context, period_drift
from studylog.documents.studyreport import study_context
from studylog.figures.checks import RuleResult, year_end_check
from studylog.figures.drift import Drift
from studylog.figures.outputs import Activities, activity_figures
from studylog.figures.tallies import YearReport, period_tallies, year_bounds
from studylog.records.ledger import OPEN, LedgerCounts, LedgerLine, ledger, ledger_counts
from studylog.records.plans import PlanReport, plan_items, plan_versus_actual
from studylog.records.sessions import list_sessions
from studylog.store.models import Org, PlanItem
from studylog.text.categories import Category
from studylog.text.messages import long_date, t
from studylog.text.periods import Period
from studylog.text.studyforms import group_noun
from studylog.text.values import percent, shown
from studylog.text.vocab import SpeechKind


@dataclass(frozen=True)
class ReportData:
    """Everything the report says, gathered in one read transaction."""

    org: str
    period: Period
    tallies: YearReport  # by member: the attendance notice
    sessions: Sequence[tuple[str, ...]]
    plan: PlanReport | None
    ledger: LedgerCounts
    as_of: dt.date
    problems: Sequence[LedgerLine] = ()  # found in the year
    measures: Sequence[LedgerLine] = ()  # not closed as of the sign-off
    failed: Sequence[RuleResult] = ()  # the year-end check's failed rules
    next_plan: Sequence[str] = ()  # next year's plan items
    drift: Drift | None = None  # the study calendar kept, when the period has a schedule
    categories: Sequence[Category] = ()  # the group's own ledger categories (the settings)
    activities: Activities = field(default_factory=Activities)  # outputs, self-study, …


def gather(
    *,
    session: Session,
    org: Org,
    year: int | None = None,
    as_of: dt.date,
    display_name: str | None = None,
    period: Period | None = None,
    rules: CheckRules | None = None,
    categories: Sequence[Category] = (),
) -> ReportData:
    """The report's figures for ``year`` or any ``period``, as things stood on ``as_of``: a
    session dated later is not in it (upcoming, or not held yet then). The ledger, the plan
    and the year-end check are kept by the year: a report of a whole year says them."""
    if period is None:
        assert year is not None
        period = Period(*year_bounds(year))
    start, end = period.start, min(period.end, as_of)
    tallies = period_tallies(
        session=session, org=org, start=period.start, end=period.end, by="member",
        year=period.year, as_of=as_of,
    )  # fmt: skip
    year = period.year
    sessions = [
        (
            record.date.isoformat(),
            record.title,
            shown(record.kind),
            shown(record.discussion),
            shown(record.format),
            record.first_agenda or "",
        )
        for record in list_sessions(session=session, org=org, start=start, end=end)
    ]
    data = ReportData(
        org=display_name or org.name,
        period=period,
        tallies=tallies,
        sessions=sessions,
        plan=None,
        ledger=LedgerCounts(),
        as_of=as_of,
        measures=ledger(session=session, org=org, as_of=as_of, found_by=end, state=OPEN),
        drift=period_drift(session=session, org=org, period=period, as_of=as_of),
        categories=categories,
        activities=activity_figures(
            session=session, org=org, start=period.start, end=period.end, as_of=as_of
        ),
    )
    if year is None:
        return data
    planned = session.scalar(
        select(func.count(PlanItem.id)).where(PlanItem.org_id == org.id, PlanItem.year == year)
    )
    checked = year_end_check(
        session=session, org=org, year=year, as_of=as_of, rules=rules or CheckRules()
    )
    return replace(
        data,
        plan=plan_versus_actual(session=session, org=org, year=year, as_of=as_of)
        if planned
        else None,
        ledger=ledger_counts(session=session, org=org, year=year, as_of=as_of),
        problems=ledger(session=session, org=org, as_of=as_of, year=year),
        failed=[rule for rule in checked.results if rule.enabled and not rule.passed],
        next_plan=[item.title for item in plan_items(session=session, org=org, year=year + 1)],
    )


def _rate(value: float | None) -> str:
    return "—" if value is None else percent(value)


def compose(data: ReportData, *, template: str | None = None, name: str = "") -> Document:
    """The report as a document, in the current language: the shipped template's words, or
    those of ``template`` (the text of an edited copy called ``name``)."""
    from studylog.documents.narrative import default_template, render
    from studylog.text.messages import current_language

    language = current_language()
    source = template if template is not None else default_template(language)
    document = render(
        source,
        report_context(data),
        name=name or f"report.{language}.j2",
        language=language,
    )
    document.author = data.org
    report = data.tallies
    document.table(
        [t("col_no"), t("col_date"), t("col_title"), t("col_kind"), t("col_discussion"),
         t("col_format"), t("col_first_agenda")],
        [(str(number), *row) for number, row in enumerate(data.sessions, start=1)],
        caption=t("report_attachment_sessions"),
        new_page=True,
    )  # fmt: skip
    headers, rows = notice_table(report)
    document.table(headers, rows, caption=t("report_attachment_notice"), total_row=True)
    return document


def reporting_body(group: str) -> tuple[str, str]:
    """The body that reports (``…局党组``) and the group's noun in sentences (``党组中心组``),
    read off the group's name: 「某局党组理论学习中心组」 → 「某局党组」, 「党组中心组」."""
    body = group
    for suffix in ("理论学习中心组", "中心组"):
        if body.endswith(suffix) and len(body) > len(suffix):
            body = body[: -len(suffix)]
            break
    for kind in ("党组", "党委", "党工委", "县委", "市委", "区委"):
        if body.endswith(kind):
            return body, f"{kind}中心组"
    return body, "中心组"


def _sentence(text: str) -> str:
    """A problem or a failed rule as a clause of 「一是……。」 (or "1. ….")."""
    from studylog.text.messages import current_language

    stop = "。" if current_language() == "zh" else "."
    return text.strip().rstrip("。；;.，,") + stop


def report_context(data: ReportData) -> dict[str, Any]:
    """What the template may say: every figure of the report, named (README lists them)."""
    from studylog.text.messages import current_language

    figures = data.tallies.tallies.figures()
    roll = data.tallies.tallies.roll
    latency = data.tallies.latency
    speeches = figures["speeches"]
    body, noun = reporting_body(data.org)
    noun = group_noun() or noun  # the settings' [org] noun, else read off the name
    zh = current_language() == "zh"
    year = data.period.year
    return {
        "group": data.org,
        "body": body,
        "noun": noun if zh else "the group",
        "year": year,
        "next_year": None if year is None else year + 1,
        "period": data.period.name(),
        "period_title": data.period.name() if year is None else t("report_period_year", year=year),
        "period_short": data.period.name() if year is None else t("report_period_whole_year"),
        **{key: figures[key] for key in _COUNTS},
        "roll": {
            "expected": roll.expected,
            "attended": roll.attended,
            "present": roll.present,
            "late": roll.late,
            "leave": roll.leave,
            "absent": roll.absent,
            "makeups": roll.makeups,
            "outstanding": roll.makeups_outstanding,
            "unrecorded": roll.unrecorded,
            "attendance_rate": _rate(roll.attendance_rate),
            "participation_rate": _rate(roll.participation_rate),
        },
        "speeches": {
            "total": sum(speeches.values()),
            "kinds": [
                {"kind": kind, "label": shown(SpeechKind(kind)), "count": count}
                for kind, count in speeches.items()
                if count
            ],
            **speeches,
        },
        "latency": {
            "counted": latency.items,
            "median": _days(latency.median_days),
            "longest": latency.longest_days,
        },
        "plan": None
        if data.plan is None
        else {
            "planned": data.plan.planned,
            "held": data.plan.held,
            "held_late": data.plan.held_late,
            "overdue": data.plan.overdue,
            "pending": data.plan.pending,
            "rate": _rate(data.plan.execution_rate),
        },
        "ledger": {
            "found": data.ledger.found,
            "done": data.ledger.done,
            "open": data.ledger.open + data.ledger.overdue,
            "overdue": data.ledger.overdue,
        },
        "problems": [_sentence(line.problem) for line in data.problems],
        "failed_rules": [_sentence(_failure(rule)) for rule in data.failed],
        "measures": [
            {
                "measure": line.measure.strip().rstrip("。；;."),
                "dept": line.dept,
                "lead": line.lead,
                "due": long_date(line.due),
                "category": line.category or "",
            }
            for line in data.measures
        ],
        "next_plan": list(data.next_plan),
        "signed": long_date(data.as_of),
        **calendar_context(  # documents/report_calendar.py
            drift=data.drift,
            problems=data.problems,
            failed=data.failed,
            categories=data.categories,
            sentence=_sentence,
            failure=_failure,
        ),
        **study_context(data.tallies),
        **activity_context(data.activities),
    }


_COUNTS = ("sessions", "discussions", "topic_sessions", "topic_discussions", "first_agenda_items")


def _days(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _failure(rule: RuleResult) -> str:
    """A failed rule of the year-end check as the report states it."""
    count = len(rule.offenders)
    value = _rate(rule.value) if isinstance(rule.value, float) else rule.value
    threshold = _rate(rule.threshold) if isinstance(rule.threshold, float) else rule.threshold
    return t(f"report_failed_{rule.rule}", value=value, threshold=threshold, count=count)

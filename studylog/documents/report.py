"""The annual report (年度学习情况报告), every number from the tallies, in the office's phrasing.

In Chinese the figures read as offices write them, e.g. 「全年组织党组中心组集中学习12次，开展集中
学习研讨12次；组织专题学习4次，专题学习研讨4次。」; English gives the same in English. It ends
with the sign-off (落款); the attachments are the lists an office sends with it: the sessions,
and the attendance notice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studylog.documents.layout import Document
from studylog.figures.tallies import YearReport, period_tallies, year_bounds
from studylog.records.ledger import LedgerCounts, ledger_counts
from studylog.records.plans import PlanReport, plan_versus_actual
from studylog.records.sessions import list_sessions
from studylog.store.models import Org, PlanItem
from studylog.text.messages import long_date, t
from studylog.text.periods import Period
from studylog.text.values import percent, shown


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


def gather(
    *,
    session: Session,
    org: Org,
    year: int | None = None,
    as_of: dt.date,
    display_name: str | None = None,
    period: Period | None = None,
) -> ReportData:
    """The report's figures for ``year`` or any ``period``, as things stood on ``as_of``: a
    session dated later is not in it (upcoming, or not held yet then)."""
    if period is None:
        assert year is not None
        period = Period(*year_bounds(year))
    start, end = period.start, min(period.end, as_of)
    tallies = period_tallies(
        session=session, org=org, start=period.start, end=period.end, by="member",
        year=period.year, as_of=as_of,
    )  # fmt: skip
    year = period.year or (start.year if start.year == period.end.year else None)
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
    planned = year is not None and session.scalar(
        select(func.count(PlanItem.id)).where(PlanItem.org_id == org.id, PlanItem.year == year)
    )
    plan = None
    if planned and year is not None:
        plan = plan_versus_actual(session=session, org=org, year=year, as_of=as_of)
    counts = LedgerCounts()
    if year is not None:  # the ledger is kept by the year a problem was found
        counts = ledger_counts(session=session, org=org, year=year, as_of=as_of)
    return ReportData(
        org=display_name or org.name,
        period=period,
        tallies=tallies,
        sessions=sessions,
        plan=plan,
        ledger=counts,
        as_of=as_of,
    )


def titled(key: str, period: Period, **params: object) -> str:
    """A title naming the year (``{year}``), or any other period by its name (``KEY_period``,
    ``{period}``: 「2026年上半年」, 「2026年1—9月」)."""
    if period.year is not None:
        return t(key, year=period.year, **params)
    return t(f"{key}_period", period=period.name(), **params)


def _rate(value: float | None) -> str:
    return "—" if value is None else percent(value)


def compose(data: ReportData) -> Document:
    """The report as a document, in the current language."""
    report = data.tallies
    figures = report.tallies.figures()
    roll = report.tallies.roll
    document = Document(titled("report_title", data.period, org=data.org))
    sections = [
        ("report_overview", titled("report_figures", data.period, org=data.org, **figures)),
        (
            "report_attendance",
            t(
                "report_roll",
                expected=roll.expected,
                attended=roll.attended,
                late=roll.late,
                leave=roll.leave,
                absent=roll.absent,
                attendance_rate=_rate(roll.attendance_rate),
                makeups=roll.makeups,
                outstanding=roll.makeups_outstanding,
                participation_rate=_rate(roll.participation_rate),
            ),
        ),
        ("report_speaking", t("report_speeches", **figures["speeches"])),
    ]
    if report.tallies.sessions.first_agenda_items:
        latency = report.latency
        text = t("report_first_agenda", items=report.tallies.sessions.first_agenda_items)
        if latency.items:
            text += t(
                "report_latency",
                counted=latency.items,
                median=latency.median_days,
                longest=latency.longest_days,
            )
        sections.append(("report_agenda", text))
    if data.plan is not None:
        plan = data.plan
        sections.append(
            (
                "report_plan_heading",
                t(
                    "report_plan",
                    planned=plan.planned,
                    held=plan.held,
                    late=t("report_plan_late", late=plan.held_late) if plan.held_late else "",
                    overdue=plan.overdue,
                    rate=_rate(plan.execution_rate),
                ),
            )
        )
    if data.ledger.found:
        counts = data.ledger
        sections.append(
            (
                "report_ledger_heading",
                t(
                    "report_ledger",
                    found=counts.found,
                    done=counts.done,
                    open=counts.open + counts.overdue,
                    overdue=t("report_ledger_overdue", overdue=counts.overdue)
                    if counts.overdue
                    else "",
                ),
            )
        )
    for number, (heading, text) in enumerate(sections, start=1):
        document.heading(t("report_section", number=_numeral(number), heading=t(heading)))
        document.paragraph(text)
    document.paragraph("")
    document.paragraph(data.org, right=True)  # the sign-off (落款)
    document.paragraph(long_date(data.as_of), right=True)

    document.table(
        [t("col_no"), t("col_date"), t("col_title"), t("col_kind"), t("col_discussion"),
         t("col_format"), t("col_first_agenda")],
        [(str(number), *row) for number, row in enumerate(data.sessions, start=1)],
        caption=t("report_attachment_sessions"),
        new_page=True,
    )  # fmt: skip
    document.table(
        [t("col_name"), t("col_job_title"), t("fig_expected"), t("fig_present"), t("fig_late"),
         t("fig_leave"), t("fig_absent"), t("fig_makeups"), t("fig_attendance_rate"),
         t("fig_participation_rate"), t("fig_speeches")],
        [
            (row.key, row.title or "", str(r.expected), str(r.present), str(r.late),
             str(r.leave), str(r.absent), str(r.makeups), _rate(r.attendance_rate),
             _rate(r.participation_rate), str(row.tallies.speeches.total))
            for row in report.rows
            for r in [row.tallies.roll]
        ],
        caption=t("report_attachment_notice"),
    )  # fmt: skip
    return document


def _numeral(number: int) -> str:
    from studylog.text.messages import current_language

    if current_language() == "zh":
        return "一二三四五六七八九十"[number - 1]
    return str(number)

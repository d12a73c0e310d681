"""The year's plan and rectification ledger as export rows: each plan item with its
execution and planned day, each ledger entry with its state and follow-up notes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from studylog.records.ledger import follow_ups, ledger
from studylog.records.plans import plan_versus_actual
from studylog.records.schedule import calendar_lines
from studylog.store.models import Org


def plan_rows(session: Session, org: Org, year: int) -> Iterator[dict[str, Any]]:
    """The year's plan with its execution as of today: held by which session, held late,
    overdue (its month is over), not yet due."""
    report = plan_versus_actual(session=session, org=org, year=year, as_of=date.today())
    scheduled = {line.id: line for line in calendar_lines(session=session, org=org, year=year)}
    for line in report.lines:
        planned = scheduled.get(line.id)  # its planned day, time, place, host (plan schedule)
        yield {
            "id": line.id,
            "month": line.month,
            "title": line.title,
            "kind": line.kind,
            "discussion": line.discussion,
            "speakers": line.speakers,
            "status": line.status,
            "session": line.session_id,
            "session_date": line.session_date,
            "planned_on": planned and planned.planned_on,
            "planned_time": planned and planned.planned_time,
            "place": planned and planned.place,
            "host": planned and planned.host,
        }


def ledger_rows(session: Session, org: Org, year: int) -> Iterator[dict[str, Any]]:
    """The ledger entries found in the year, their state as of today, with the follow-up
    notes (跟踪反馈), one a line."""
    lines = ledger(session=session, org=org, as_of=date.today(), year=year)
    notes = follow_ups(session=session, entry_ids=[line.id for line in lines])
    for line in lines:
        yield {
            "id": line.id,
            "category": line.category,
            "problem": line.problem,
            "measure": line.measure,
            "dept": line.dept,
            "lead": line.lead,
            "found": line.found,
            "due": line.due,
            "state": line.state,
            "done_on": line.done_on,
            "session": line.session_id,
            "session_date": line.session_date,
            "progress": notes.get(line.id),
        }

"""The year's plan and rectification ledger as export rows: each plan item with its
execution and planned day, each ledger entry with its state and follow-up notes
(:mod:`.plan_import` reads them back)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.records.ledger import follow_ups, ledger
from studylog.records.plans import plan_items, plan_versus_actual
from studylog.store.models import Org, Rectification


def plan_rows(session: Session, org: Org, year: int) -> Iterator[dict[str, Any]]:
    """The year's plan with its execution as of today: held by which session, held late,
    overdue (its month is over), not yet due."""
    report = plan_versus_actual(session=session, org=org, year=year, as_of=date.today())
    # Its planned day, time, place and host (plan schedule): the item's own, as stored.
    items = {item.id: item for item in plan_items(session=session, org=org, year=year)}
    for line in report.lines:
        item = items[line.id]
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
            "planned_on": item.planned_on,
            "planned_time": item.planned_time,
            "place": item.place,
            "host": item.host.name if item.host is not None else None,
            "year": year,
        }


def ledger_rows(session: Session, org: Org, year: int) -> Iterator[dict[str, Any]]:
    """The ledger entries found in the year, their state as of today, with the follow-up
    notes (跟踪反馈), one a line."""
    lines = ledger(session=session, org=org, as_of=date.today(), year=year)
    ids = [line.id for line in lines]
    notes = follow_ups(session=session, entry_ids=ids)
    closing = dict(
        session.execute(
            select(Rectification.id, Rectification.done_note).where(Rectification.id.in_(ids))
        ).all()
    )
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
            "done_note": closing.get(line.id),
        }

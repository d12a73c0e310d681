"""How closely sessions kept the study calendar (学习时间固定): held on the planned day or not.

A session is matched to its plan item the way the plan already links them (``session add
--plan ID`` sets ``sessions.plan_id``); only items that were given a planned day (``plan
schedule``) count. The share held on the planned day and the mean drift (the days between
the planned and the held day, early or late alike) are SQL aggregates on Core tables, so
``stats`` reads them without the ORM. Also the ledger's entries counted by category.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select

from studylog.records.expected import days_between
from studylog.store.tables import plan_items, rectifications
from studylog.store.tables import sessions as held
from studylog.text.categories import Category, category_order

if TYPE_CHECKING:
    from studylog.figures.grouping import OrgRef
    from studylog.store.db import Reader


@dataclass(frozen=True)
class Drift:
    scheduled: int = 0  # sessions held for a plan item that has a planned day
    on_plan_date: int = 0  # of those, held on that day
    mean_days: float | None = None  # mean |held − planned| in days
    off_days: list[dict[str, Any]] = field(default_factory=list)  # each session held off it

    @property
    def on_date_rate(self) -> float | None:
        return self.on_plan_date / self.scheduled if self.scheduled else None


def plan_drift(
    *, session: Reader, org: OrgRef | None, start: date, end: date, offenders: bool = False
) -> Drift:
    """Sessions held from ``start`` to ``end`` for a scheduled plan item: how many were held on
    the planned day, and the mean drift in days (``offenders``: list those held off it)."""
    drift = func.abs(days_between(held.c.date, plan_items.c.planned_on))
    base = (
        select()
        .select_from(held)
        .join(plan_items, plan_items.c.id == held.c.plan_id)
        .where(
            held.c.date >= start,
            held.c.date <= end,
            held.c.archived_at.is_(None),
            plan_items.c.planned_on.is_not(None),
        )
    )
    if org is not None:
        base = base.where(held.c.org_id == org.id)
    scheduled, on_date, mean = session.execute(
        base.add_columns(
            func.count(held.c.id),
            func.coalesce(func.sum(case((held.c.date == plan_items.c.planned_on, 1), else_=0)), 0),
            func.avg(drift),
        )
    ).one()
    off: list[dict[str, Any]] = []
    if offenders:
        off = [
            {
                "session_id": session_id,
                "date": day,
                "plan_id": plan_id,
                "planned_on": planned,
                "days": days,
            }
            for session_id, day, plan_id, planned, days in session.execute(
                base.add_columns(
                    held.c.id, held.c.date, plan_items.c.id, plan_items.c.planned_on, drift
                )
                .where(held.c.date != plan_items.c.planned_on)
                .order_by(held.c.date, held.c.id)
            )
        ]
    return Drift(
        scheduled=scheduled,
        on_plan_date=int(on_date),
        mean_days=None if mean is None else round(float(mean), 2),
        off_days=off,
    )


def scheduled_items(*, session: Reader, org: OrgRef | None, start: date, end: date) -> int:
    """How many plan items are planned for a day from ``start`` to ``end``: a schedule exists
    for the period when any are."""
    query = select(func.count(plan_items.c.id)).where(
        plan_items.c.planned_on >= start, plan_items.c.planned_on <= end
    )
    if org is not None:
        query = query.where(plan_items.c.org_id == org.id)
    return int(session.scalar(query) or 0)


def ledger_by_category(
    *, session: Reader, org: OrgRef | None, start: date, end: date
) -> dict[str, int]:
    """The ledger entries found from ``start`` to ``end``, counted by category (stored values;
    ``""`` for those without one), in one GROUP BY."""
    category = func.coalesce(rectifications.c.category, "")
    query = (
        select(category, func.count(rectifications.c.id))
        .where(
            rectifications.c.found >= start,
            rectifications.c.found <= end,
            rectifications.c.archived_at.is_(None),
        )
        .group_by(category)
    )
    if org is not None:
        query = query.where(rectifications.c.org_id == org.id)
    return {value: count for value, count in session.execute(query)}


def calendar_figures(
    *,
    session: Reader,
    org: OrgRef | None,
    start: date,
    end: date,
    as_of: date,
    own: tuple[Category, ...] = (),
) -> dict[str, Any]:
    """``on_plan_date`` (sessions held on their planned day), ``plan_scheduled_held`` (held for
    a plan item with a planned day), ``on_plan_date_rate`` and ``plan_drift_mean_days``, when
    some plan item of the period has a planned day; ``ledger_by_category`` when the period's
    ledger has entries. Keys that do not apply are left out (a year without a schedule reads
    as before)."""
    figures: dict[str, Any] = {}
    if scheduled_items(session=session, org=org, start=start, end=end):
        drift = plan_drift(session=session, org=org, start=start, end=min(end, as_of))
        figures |= {
            "on_plan_date": drift.on_plan_date,
            "plan_scheduled_held": drift.scheduled,
            "on_plan_date_rate": drift.on_date_rate,
            "plan_drift_mean_days": drift.mean_days,
        }
    counts = ledger_by_category(session=session, org=org, start=start, end=end)
    extra = own
    if counts:
        figures["ledger_by_category"] = dict(
            sorted(
                counts.items(), key=lambda pair: (category_order(pair[0] or None, extra), pair[0])
            )
        )
    return figures

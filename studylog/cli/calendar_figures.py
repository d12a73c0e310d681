"""The calendar's and the ledger categories' figures in ``stats``: JSON keys and table rows."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from studylog.cli.common import settings
from studylog.text.categories import Category, category_label
from studylog.text.messages import current_language, t

if TYPE_CHECKING:
    from studylog.figures.grouping import OrgRef
    from studylog.store.db import Reader


def own_categories() -> tuple[Category, ...]:
    """The group's own ledger categories, from the settings file."""
    return tuple(Category(*entry) for entry in settings.config().ledger_categories)


def stats_figures(
    connection: Reader, org: OrgRef | None, start: date, end: date, as_of: date
) -> dict[str, Any]:
    """The calendar's and the ledger categories' keys of ``stats`` (see
    :func:`studylog.figures.drift.calendar_figures`), with the group's own categories."""
    from studylog.figures.drift import calendar_figures

    return calendar_figures(
        session=connection, org=org, start=start, end=end, as_of=as_of, own=own_categories()
    )


def table_rows(figures: dict[str, Any]) -> dict[str, Any]:
    """The same figures as rows of the stats table (label → value), only those that apply."""
    rows: dict[str, Any] = {}
    if "on_plan_date" in figures:
        rows[t("fig_on_plan_date")] = figures["on_plan_date"]
        rows[t("fig_plan_scheduled_held")] = figures["plan_scheduled_held"]
        mean = figures["plan_drift_mean_days"]  # days, not a rate: written as a plain number
        rows[t("fig_plan_drift_mean_days")] = "" if mean is None else f"{mean:g}"
    language, extra = current_language(), own_categories()
    for value, count in figures.get("ledger_by_category", {}).items():
        label = category_label(value, language, extra) or t("category_none")
        rows[t("fig_ledger_category", category=label)] = count
    return rows

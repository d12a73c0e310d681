"""What the annual report says about the study calendar and the ledger's categories.

``calendar``: when the period has a schedule, how many sessions were held for a scheduled plan
item, how many on the planned day (「按计划日期开展学习N次」), and the mean drift.
``problem_groups``: 二、存在的问题和不足 category by category — each category of the
vocabulary that has problems, in its order, then those without a category; the year-end
check's failed rules read as problems of 制度执行 (rules in practice), where they belong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from studylog.figures.checks import RuleResult
from studylog.figures.drift import Drift, plan_drift, scheduled_items
from studylog.records.ledger import LedgerLine
from studylog.text.categories import Category, category_label, category_order
from studylog.text.messages import current_language, t

if TYPE_CHECKING:
    from studylog.store.models import Org
    from studylog.text.periods import Period

RULES_CATEGORY = "rules-in-practice"


def period_drift(*, session: Session, org: Org, period: Period, as_of: Any) -> Drift | None:
    """The period's drift, or None when no plan item of the period has a planned day."""
    if not scheduled_items(session=session, org=org, start=period.start, end=period.end):
        return None
    return plan_drift(session=session, org=org, start=period.start, end=min(period.end, as_of))


def calendar_context(
    *,
    drift: Drift | None,
    problems: Sequence[LedgerLine],
    failed: Sequence[RuleResult],
    categories: Sequence[Category],
    sentence: Callable[[str], str],
    failure: Callable[[RuleResult], str],
) -> dict[str, Any]:
    """The report's ``calendar`` and ``problem_groups`` (README: the report's template)."""
    calendar = None
    if drift is not None:
        mean = drift.mean_days
        calendar = {
            "held": drift.scheduled,
            "on_plan_date": drift.on_plan_date,
            "mean_days": "" if not mean else (f"{mean:.1f}".rstrip("0").rstrip(".")),
        }
    return {
        "calendar": calendar,
        "problem_groups": _groups(problems, failed, categories, sentence, failure),
    }


def _groups(
    problems: Sequence[LedgerLine],
    failed: Sequence[RuleResult],
    extra: Sequence[Category],
    sentence: Callable[[str], str],
    failure: Callable[[RuleResult], str],
) -> list[dict[str, Any]]:
    """Empty unless some problem has a category (else the report lists them as before)."""
    if not any(line.category for line in problems):
        return []
    grouped: dict[str | None, list[str]] = {}
    for line in sorted(problems, key=lambda line: category_order(line.category, extra)):
        grouped.setdefault(line.category or None, []).append(sentence(line.problem))
    if failed:
        rules = [sentence(failure(rule)) for rule in failed]
        grouped[RULES_CATEGORY] = grouped.get(RULES_CATEGORY, []) + rules
    language = current_language()
    return [
        {
            "category": value,
            "label": category_label(value, language, extra) if value else t("category_other"),
            "problems": problems,
        }
        for value, problems in sorted(
            grouped.items(), key=lambda pair: category_order(pair[0], extra)
        )
    ]

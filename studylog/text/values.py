"""Values as a person reads them (shown) and as JSON carries them (raw), in the current language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from studylog.text.messages import join_list, t


class Plain(float):
    """A number with a fraction that is not a rate (days, hours): shown as a number (14.5),
    where a bare float is a rate and shown as a percentage."""

    def __repr__(self) -> str:
        return float.__repr__(self)


def shown(value: Any) -> str:
    """A value as a person reads it in the current language."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if isinstance(value, StrEnum):
        from studylog.text.vocab import label

        return label(value)
    if isinstance(value, Plain):
        return float.__repr__(value)
    if isinstance(value, float):
        return percent(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return join_list(shown(item) for item in value)
    return str(value)


def percent(rate: float) -> str:
    """0.8125 → 81.3%: rounded half up (四舍五入), as figures handed upward are."""
    from decimal import ROUND_HALF_UP, Decimal

    return f"{(Decimal(repr(rate)) * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def raw(value: Any) -> Any:
    """A value as JSON carries it."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):  # hours, kept exact: a JSON number
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: raw(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [raw(item) for item in value]
    return value

"""Hours as the secretary types them (``2``, ``1.5``, ``１.５``, ``2小时``, ``1.5h``), kept
exactly: as hundredths of an hour, a whole number the database sums without rounding."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from studylog.errors import BadValue

#: The most hours one entry may hold (a day's), and the finest part of an hour kept.
MAX_HOURS = 24
_UNITS = re.compile(r"\s*(小时|学时|个小时|h|hr|hrs|hours?)$", re.IGNORECASE)


def parse_hours(text: str, *, what: str = "--hours") -> int:
    """Hundredths of an hour: ``1.5`` → 150. More than 0, at most 24, two decimals at most."""
    cleaned = _UNITS.sub("", unicodedata.normalize("NFKC", text).strip())
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise BadValue("bad_hours", what=what, value=text) from None
    if not value.is_finite() or value <= 0 or value > MAX_HOURS:
        raise BadValue("bad_hours", what=what, value=text)
    hundredths = value * 100
    if hundredths != hundredths.to_integral_value():
        raise BadValue("hours_too_fine", what=what, value=text)
    return int(hundredths)


def as_hours(hundredths: int | None) -> int | float:
    """150 → 1.5, 200 → 2: a JSON number with no rounding error beyond two decimals."""
    whole, part = divmod(hundredths or 0, 100)
    return whole if not part else float(Decimal(hundredths or 0) / 100)


def hours_value(hundredths: int | None) -> Decimal:
    """150 → Decimal("1.5"), 200 → Decimal("2"): exact; a table shows it as 1.5, JSON as a
    number (:func:`studylog.text.values.raw`)."""
    return (Decimal(hundredths or 0) / 100).normalize() + 0  # + 0: 2E+1 back to 20

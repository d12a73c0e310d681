"""A period of the records, named the way a document's title names it: 「2026年」,
「2026年上半年」, 「2026年第三季度」, 「2026年1—9月」; and the year or month as the secretary
types it (``2026年``, ``7月``)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from studylog.text.language import current_language

_NUMBER = re.compile(r"^\s*(\d{1,4})\s*(年|月|月份)?\s*$")
_QUARTERS = "一二三四"


def typed_number(text: str) -> str:
    """``2026年`` → ``2026``, ``7月`` → ``7`` (full-width digits too); anything else as is."""
    match = _NUMBER.match(unicodedata.normalize("NFKC", text))
    return match.group(1) if match else text


@dataclass(frozen=True)
class Period:
    """The inclusive dates ``start``–``end`` of a report, an export or an archive."""

    start: date
    end: date

    @property
    def year(self) -> int | None:
        """The calendar year, when the period is exactly one."""
        whole = self.start == date(self.start.year, 1, 1) and self.end == date(
            self.start.year, 12, 31
        )
        return self.start.year if whole else None

    def name(self) -> str:
        zh = current_language() == "zh"
        first, last = self.start, self.end
        month_end = calendar.monthrange(last.year, last.month)[1]
        whole_months = first.day == 1 and last.day == month_end and first.year == last.year
        if self.year is not None:
            return f"{first.year}年" if zh else str(first.year)
        if whole_months and (first.month, last.month) in ((1, 6), (7, 12)):
            half = first.month == 1
            if zh:
                return f"{first.year}年{'上' if half else '下'}半年"
            return f"{'first' if half else 'second'} half of {first.year}"
        if whole_months and first.month % 3 == 1 and last.month == first.month + 2:
            quarter = (first.month + 2) // 3
            return (
                f"{first.year}年第{_QUARTERS[quarter - 1]}季度"
                if zh
                else f"Q{quarter} {first.year}"
            )
        if whole_months and first.month == last.month:
            return f"{first.year}年{first.month}月" if zh else f"{first:%B} {first.year}"
        if whole_months:
            if zh:
                return f"{first.year}年{first.month}—{last.month}月"
            return f"{first:%B}–{last:%B} {first.year}"
        if zh:
            return f"{_zh_day(first)}至{_zh_day(last)}"
        return f"{first.isoformat()} to {last.isoformat()}"


def _zh_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"

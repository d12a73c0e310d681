"""A period of the records, named the way a document's title names it: 「2026年」,
「2026年上半年」, 「2026年第三季度」, 「2026年1—9月」; the year or month as the secretary
types it (``2026年``, ``7月``); and the one grammar of periods every query and document
command takes (``--year 2024``, ``--half 2024H1``, ``--quarter 2024Q1``, ``--month 2024-03``,
``--from D --to D``, and their Chinese spellings ``2024年上半年``, ``2024年第一季度``,
``2024年3月``): :func:`typed_period`, :func:`choose_period`."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from studylog.errors import BadValue, StudylogError
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


PeriodKind = str  # "year" | "half" | "quarter" | "month"
_QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_HALF_WORDS = {"上": 1, "下": 2}
_SPELLINGS: list[tuple[PeriodKind, re.Pattern[str]]] = [
    ("year", re.compile(r"^(?P<year>\d{4})\s*年?$")),
    ("half", re.compile(r"^(?P<year>\d{4})\s*-?\s*h(?P<part>[12])$")),
    ("half", re.compile(r"^(?P<year>\d{4})\s*年\s*(?P<part>[上下])\s*半\s*年$")),
    ("quarter", re.compile(r"^(?P<year>\d{4})\s*-?\s*q(?P<part>[1-4])$")),
    ("quarter", re.compile(r"^(?P<year>\d{4})\s*年\s*第?\s*(?P<part>[一二三四1-4])\s*季度?$")),
    ("month", re.compile(r"^(?P<year>\d{4})\s*[-/.]\s*(?P<part>\d{1,2})$")),
    ("month", re.compile(r"^(?P<year>\d{4})\s*年\s*(?P<part>\d{1,2})\s*月份?$")),
]


def typed_period(text: str) -> tuple[PeriodKind, Period]:
    """A period in any of its spellings: ``2024`` / ``2024年``; ``2024H1`` / ``2024年上半年``;
    ``2024Q1`` / ``2024年第一季度``; ``2024-03`` / ``2024年3月``. Its kind and dates."""
    cleaned = unicodedata.normalize("NFKC", text).strip().lower()
    for kind, pattern in _SPELLINGS:
        match = pattern.match(cleaned)
        if match is None:
            continue
        year = int(match.group("year"))
        if not 1900 <= year <= 2999:
            raise BadValue("bad_year", value=text, low=1900, high=2999)
        if kind == "year":
            return kind, Period(date(year, 1, 1), date(year, 12, 31))
        part = match.group("part")
        if kind == "half":
            first = 1 if part in ("1", "上") else 7
            return kind, _months(year, first, first + 5)
        if kind == "quarter":
            quarter = _QUARTER_WORDS[part]
            return kind, _months(year, 3 * quarter - 2, 3 * quarter)
        month = int(part)
        if not 1 <= month <= 12:
            raise BadValue("bad_month", value=text, month=month)
        return kind, _months(year, month, month)
    raise BadValue("bad_period", value=text)


def _months(year: int, first: int, last: int) -> Period:
    return Period(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))


def period_of(kind: PeriodKind, text: str) -> Period:
    """``--half``, ``--quarter`` or ``--month``'s value, which must be a period of that kind."""
    found, period = typed_period(text)
    if found != kind:
        raise BadValue(f"not_a_{kind}", value=text, option=f"--{found}")
    return period


def period_bound(text: str, *, today: date, last: bool) -> date:
    """``--from`` / ``--to``: a date in any form :func:`typed_date` reads, or a period
    (``2024-03``, ``2024年第一季度``): its first day for ``--from``, its last for ``--to``."""
    from studylog.text.dates import typed_date

    try:
        return typed_date(text, today=today)
    except StudylogError as error:
        if error.key != "bad_date_typed":
            raise
        try:
            _, period = typed_period(text)
        except StudylogError:
            raise error from None
        return period.end if last else period.start


def choose_period(
    *,
    year: int | None = None,
    half: str | None = None,
    quarter: str | None = None,
    month: str | None = None,
    start: str | None = None,
    end: str | None = None,
    today: date,
) -> tuple[date | None, date | None]:
    """The one period the options name (open ends allowed for ``--from``/``--to``); both
    None when none is named. More than one is refused."""
    named = [
        kind
        for kind, value in (("year", year), ("half", half), ("quarter", quarter), ("month", month))
        if value is not None
    ]
    if start is not None or end is not None:
        named.append("range")
    if len(named) > 1:
        raise BadValue("one_period", given=" ".join(_OPTION_NAMES[kind] for kind in named))
    if year is not None:
        if not 1900 <= year <= 2999:
            raise BadValue("bad_year", value=year, low=1900, high=2999)
        return date(year, 1, 1), date(year, 12, 31)
    for kind, value in (("half", half), ("quarter", quarter), ("month", month)):
        if value is not None:
            chosen = period_of(kind, value)
            return chosen.start, chosen.end
    first = None if start is None else period_bound(start, today=today, last=False)
    final = None if end is None else period_bound(end, today=today, last=True)
    if first is not None and final is not None and first > final:
        raise BadValue("bad_range", start=first, end=final)
    return first, final


_OPTION_NAMES = {
    "year": "--year",
    "half": "--half",
    "quarter": "--quarter",
    "month": "--month",
    "range": "--from/--to",
}

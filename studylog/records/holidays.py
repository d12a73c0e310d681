"""Which days are working days in China, from ``chinesecalendar`` (import ``chinese_calendar``).

Why that library rather than ``holidays``' CN calendar: it lists, year by year, the State
Council's notice — the holidays *and* the weekend days declared working days (调休, such as
Saturday 2024-10-12) — and it refuses a year whose notice is not out yet instead of guessing
from rules, so studylog can say "not published" rather than plan on a wrong day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class WorkingDay:
    """The working day a planned day lands on: ``day`` itself when it is one, else the next;
    ``holiday``: why it moved (the holiday's key, ``national_day``; None for a weekend)."""

    day: dt.date
    moved: bool = False
    holiday: str | None = None


def published(year: int) -> bool:
    """Whether the State Council's holidays of ``year`` are known."""
    import chinese_calendar  # type: ignore[import-untyped]

    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def next_working_day(day: dt.date) -> WorkingDay:
    """``day`` if it is a working day (a working weekend day counts), else the next one.
    The caller checks :func:`published` first."""
    import chinese_calendar

    on_holiday, detail = chinese_calendar.get_holiday_detail(day)
    if not on_holiday:
        return WorkingDay(day)
    names = {holiday.value: holiday.name for holiday in chinese_calendar.Holiday}
    name = names.get(detail) if detail is not None else None
    moved = day
    while True:
        moved += dt.timedelta(days=1)
        try:
            if chinese_calendar.is_workday(moved):
                return WorkingDay(moved, moved=True, holiday=name)
        except NotImplementedError:  # into a year not published: keep the day
            return WorkingDay(day)

"""Reading the rule a study calendar follows (``plan schedule --rule``) and a time of day.

A rule, in English or in Chinese:

- an ordinal weekday of each month: ``second-tuesday``, ``last-friday``, ``1st-mon``;
  ``每月第二个星期二``, ``每月第2个周二``, ``每月最后一个星期五`` (``每月`` may be left out);
- a day of each month: ``day-15``, ``每月15日`` (``15号``);
- explicit dates, separated by ``,`` ``，`` or ``、``: ``2024-01-09,2024-02-06``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from studylog.errors import BadValue
from studylog.text.parse import hidden_character, parse_date

WEEKDAYS_EN = {
    **{name: number for number, name in enumerate(calendar.day_name[i].lower() for i in range(7))},
    **{
        name: number
        for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    },
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
ORDINALS_EN = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "last": -1,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}
ORDINALS_ZH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}

_EN_WEEKDAY = re.compile(r"^(?:every-)?(?P<ordinal>[a-z0-9]+)-(?P<weekday>[a-z]+)$")
_EN_DAY = re.compile(r"^(?:every-)?day-(?P<day>\d{1,2})$")
_ZH_WEEKDAY = re.compile(
    r"^(?:每个?月(?:的)?)?(?:第(?P<ordinal>[一二三四五12345])个?|(?P<last>最后一?个?|末个?))"
    r"(?:星期|周|礼拜)(?P<weekday>[一二三四五六日天七])$"
)
_ZH_DAY = re.compile(r"^(?:每个?月(?:的)?)(?P<day>\d{1,2})[日号]$")
_TIME = re.compile(r"^(?P<hour>\d{1,2})[:点时](?P<minute>\d{2})分?$")
_SEPARATORS = re.compile(r"[,，、;；]")


@dataclass(frozen=True)
class Rule:
    """A rule as typed (``text``) and what it means: an ordinal weekday (``ordinal`` 1–5 or
    −1 for the last), a day of the month, or explicit ``dates``."""

    text: str
    ordinal: int | None = None
    weekday: int | None = None
    day: int | None = None
    dates: tuple[date, ...] = ()

    def date_in(self, year: int, month: int) -> date | None:
        """The rule's day in that month, or None when the month has none (a fifth Monday)."""
        days = calendar.monthrange(year, month)[1]
        if self.day is not None:
            return date(year, month, self.day) if self.day <= days else None
        assert self.ordinal is not None and self.weekday is not None
        matching = [
            date(year, month, number)
            for number in range(1, days + 1)
            if date(year, month, number).weekday() == self.weekday
        ]
        if self.ordinal == -1:
            return matching[-1]
        return matching[self.ordinal - 1] if self.ordinal <= len(matching) else None


def parse_rule(text: str) -> Rule:
    """A rule in English or Chinese (see the module's docstring), or a StudylogError."""
    if hidden_character(text):
        raise BadValue("bad_rule", value=text.encode("unicode_escape").decode())
    cleaned = unicodedata.normalize("NFKC", text).strip()
    compact = re.sub(r"\s+", "", cleaned)
    lowered = re.sub(r"[\s_]+", "-", cleaned.lower())
    if match := _EN_WEEKDAY.match(lowered):
        ordinal = ORDINALS_EN.get(match["ordinal"])
        weekday = WEEKDAYS_EN.get(match["weekday"])
        if ordinal is not None and weekday is not None:
            return Rule(cleaned, ordinal=ordinal, weekday=weekday)
    if match := _EN_DAY.match(lowered) or _ZH_DAY.match(compact):
        day = int(match["day"])
        if 1 <= day <= 31:
            return Rule(cleaned, day=day)
    if match := _ZH_WEEKDAY.match(compact):
        ordinal = -1 if match["last"] else ORDINALS_ZH[match["ordinal"]]
        return Rule(cleaned, ordinal=ordinal, weekday=WEEKDAYS_ZH[match["weekday"]])
    parts = [part.strip() for part in _SEPARATORS.split(cleaned) if part.strip()]
    if parts and all(re.match(r"^\d{4}", part) for part in parts):
        dates = tuple(sorted({parse_date(part) for part in parts}))
        return Rule(cleaned, dates=dates)
    raise BadValue("bad_rule", value=text)


def parse_time(text: str) -> str:
    """A time of day, ``HH:MM`` (24-hour; ``9:30``, ``9：30``, ``14点30`` too), as ``HH:MM``."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    match = _TIME.match(cleaned)
    if match:
        hour, minute = int(match["hour"]), int(match["minute"])
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    raise BadValue("bad_time", value=text)

"""A date as the secretary types it at the keyboard: ``today``, ``昨天``, ``-3d``, ``3月5日``,
besides every full date :func:`studylog.text.parse.parse_date` reads.

Relative forms are read against ``today``, which the caller passes (the command line's clock),
so a test that fixes the clock fixes these too. Files never go through here: a date in an
imported file is a full date.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta

from studylog.errors import BadValue, StudylogError
from studylog.text.parse import parse_date

#: Words for a day near today, by how many days from today.
WORDS = {
    "today": 0,
    "今天": 0,
    "今日": 0,
    "yesterday": -1,
    "昨天": -1,
    "昨日": -1,
    "前天": -2,
    "tomorrow": 1,
    "明天": 1,
}
_DAYS_AGO = re.compile(r"^-\s*(\d{1,5})\s*(?:d|day|days|天)$")
_DAYS_AGO_ZH = re.compile(r"^(\d{1,5})\s*天前$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$")


def typed_date(text: str, *, today: date) -> date:
    """``today`` / ``今天``, ``yesterday`` / ``昨天``, ``前天``, ``tomorrow`` / ``明天``,
    ``-3d`` (or ``3天前``: three days ago), ``3月5日`` (this year), or a full date."""
    cleaned = unicodedata.normalize("NFKC", text).strip().lower()
    if cleaned in WORDS:
        return today + timedelta(days=WORDS[cleaned])
    ago = _DAYS_AGO.match(cleaned) or _DAYS_AGO_ZH.match(cleaned)
    if ago:
        days = int(ago.group(1))
        if days > (today - date(1900, 1, 1)).days:
            raise BadValue("bad_date_typed", value=text)
        return today - timedelta(days=days)
    month_day = _MONTH_DAY.match(cleaned)
    if month_day:
        month, day = int(month_day.group(1)), int(month_day.group(2))
        if not 1 <= month <= 12:
            raise BadValue("bad_month", value=text, month=month)
        last = calendar.monthrange(today.year, month)[1]
        if not 1 <= day <= last:
            raise BadValue("bad_day", value=text, year=today.year, month=month, days=last)
        return date(today.year, month, day)
    try:
        return parse_date(text)
    except StudylogError as error:
        if error.key == "bad_date_format":  # say every form there is, not just the full ones
            raise BadValue("bad_date_typed", value=text) from None
        raise

"""The study calendar as an iCalendar file (RFC 5545) that phones, Outlook and WPS import.

One event per plan item with a planned day: its topic, place and host, the planned speakers
in the description, and a reminder the day before. An event's UID is derived from the group and
the plan item (a UUID5 of the group's name and the item's id), so importing a later export
updates the events instead of adding a second copy; its SEQUENCE is the group's audit-log
position, which only grows, so the later file wins. Built with the ``icalendar`` library.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from studylog.records.schedule import CalendarLine
from studylog.text.messages import t
from studylog.text.values import shown
from studylog.text.vocab import Kind

#: The namespace of the events' UIDs: fixed, so an item's UID never changes.
UID_NAMESPACE = uuid.UUID("6f1d0c7e-3b5a-5d2e-9c41-7a8b2e0f5d13")
TIME_ZONE = "Asia/Shanghai"


def event_uid(group: str, item_id: int) -> str:
    """The stable UID of plan item ``item_id`` of ``group``."""
    return f"{uuid.uuid5(UID_NAMESPACE, f'{group}/plan/{item_id}')}@studylog"


def calendar_bytes(
    *,
    group: str,
    year: int,
    lines: Sequence[CalendarLine],
    sequence: int,
    minutes: int,
    stamp: dt.datetime,
) -> bytes:
    """The calendar of ``lines``: timed events of ``minutes`` in China's time zone, or
    all-day events for items without a time."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//studylog//study calendar//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("ics_name", group=group, year=year))
    calendar.add("x-wr-timezone", TIME_ZONE)
    zone = ZoneInfo(TIME_ZONE)
    for line in lines:
        event = Event()
        event.add("uid", event_uid(group, line.id))
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", line.title)
        if line.planned_time:
            hour, minute = (int(part) for part in line.planned_time.split(":"))
            start = dt.datetime.combine(line.planned_on, dt.time(hour, minute), tzinfo=zone)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=minutes))
        else:
            event.add("dtstart", line.planned_on)
            event.add("dtend", line.planned_on + dt.timedelta(days=1))
        if line.place:
            event.add("location", line.place)
        event.add("description", _description(line))
        event.add("categories", [shown(Kind(line.kind))])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", t("ics_reminder", title=line.title))
        alarm.add("trigger", dt.timedelta(days=-1))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _description(line: CalendarLine) -> str:
    parts = [t("ics_host", host=line.host or "—")]
    if line.speakers:
        parts.append(t("ics_speakers", names=shown(line.speakers)))
    if line.discussion:
        parts.append(t("ics_discussion"))
    parts.append(t("ics_plan_item", id=line.id))
    return "\n".join(parts)


def write_calendar(data: bytes, path: Path) -> None:
    path.write_bytes(data)

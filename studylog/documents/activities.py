"""Members' outputs, self-study and other meetings' first agenda items in the documents: what
the report's template may say of them, and the archive's part that lists them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from studylog.documents.layout import Document, titled
from studylog.figures.outputs import Activities
from studylog.records.agenda import list_agenda_items
from studylog.records.outputs import list_outputs
from studylog.records.selfstudy import list_self_study
from studylog.store.models import Org
from studylog.text.activity_words import Meeting, OutputKind
from studylog.text.hours import hours_value
from studylog.text.messages import t
from studylog.text.periods import Period
from studylog.text.values import shown
from studylog.text.vocab import label


def activity_context(activities: Activities) -> dict[str, Any]:
    """The report template's variables (README lists them): ``outputs`` (each kind's count
    by its name with ``_``, ``total``, ``city_or_above``, ``written`` = reflections and
    research reports), ``self_study_hours`` (text; empty when none) and ``meetings`` (one
    entry per meeting kind that took first agenda items)."""
    counts = {kind.value: activities.outputs.get(kind.value, 0) for kind in OutputKind}
    outputs: dict[str, Any] = {kind.replace("-", "_"): count for kind, count in counts.items()}
    outputs |= {
        "total": sum(counts.values()),
        "city_or_above": activities.articles_city_or_above,
        "written": counts[OutputKind.REFLECTION] + counts[OutputKind.RESEARCH_REPORT],
    }
    meetings = []
    for meeting in Meeting:
        count = activities.agenda.get(meeting.value, 0)
        if not count:
            continue
        latency = activities.latency.get(meeting.value)
        median = None if latency is None else latency.median_days
        meetings.append(
            {
                "meeting": meeting.value,
                "label": label(meeting),
                "count": count,
                "counted": 0 if latency is None else latency.items,
                "median": "" if median is None else _days(median),
                "longest": None if latency is None else latency.longest_days,
            }
        )
    hours = str(hours_value(activities.self_study)) if activities.self_study else ""
    return {"outputs": outputs, "self_study_hours": hours, "meetings": meetings}


def _days(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def activities_document(
    *, session: Session, org: Org, org_name: str, period: Period, end: dt.date
) -> Document | None:
    """The archive's register of the period's outputs, self-study and other meetings' first
    agenda items (登记表), each a table; None when there is none of them (no empty part)."""
    document = Document(titled("archive_activities_title", period, org=org_name))
    start = period.start
    outputs = list_outputs(session=session, org=org, start=start, end=end)
    hours = list_self_study(session=session, org=org, start=start, end=end)
    items = list_agenda_items(session=session, org=org, start=start, end=end)
    if outputs:
        document.table(
            [t("col_no"), t("col_date"), t("col_name"), t("col_output_kind"), t("col_title"),
             t("col_venue"), t("col_level")],
            [
                (str(number), line.date.isoformat(), line.member, shown(line.kind), line.title,
                 line.venue or "", shown(line.level))
                for number, line in enumerate(outputs, start=1)
            ],
            caption=t("archive_outputs_caption"),
        )  # fmt: skip
    if hours:
        document.table(
            [t("col_no"), t("col_date"), t("col_name"), t("col_hours"), t("col_title")],
            [
                (str(number), line.date.isoformat(), line.member,
                 str(hours_value(line.hundredths)), line.title)
                for number, line in enumerate(hours, start=1)
            ],
            caption=t("archive_self_study_caption"),
        )  # fmt: skip
    if items:
        document.table(
            [t("col_no"), t("col_meeting"), t("col_date"), t("col_title"), t("col_source_date")],
            [
                (str(number), shown(item.meeting), item.date.isoformat(), item.title,
                 shown(item.source_date))
                for number, item in enumerate(items, start=1)
            ],
            caption=t("archive_agenda_caption"),
        )  # fmt: skip
    return document if outputs or hours or items else None

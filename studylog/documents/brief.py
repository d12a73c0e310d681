"""The 学习简报: the short account of a session the office sends round after it.

Its words come from a Jinja2 template the office can edit, like the report's
(:mod:`studylog.documents.narrative`: the same line marks, filters and error messages):
``templates/brief.zh.j2`` and ``brief.en.j2`` ship with studylog; ``session brief-template``
writes one to start from, ``session brief --template FILE`` uses the edited copy. The facts
come from the records: date, place, host, who attended and who was on leave, the first agenda
item and its source, the speeches, the minutes' opening.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studylog.documents.layout import Document
from studylog.documents.narrative import render
from studylog.errors import StudylogError
from studylog.figures.tallies import session_roll
from studylog.records.attendance import roll_of
from studylog.records.materials import materials_of
from studylog.records.notes import notes_of, opening
from studylog.records.sessions import resolve_session
from studylog.records.speeches import list_speeches
from studylog.store.models import Org, StudySession
from studylog.text.messages import long_date
from studylog.text.values import shown
from studylog.text.vocab import Kind, Status


def default_brief_template(language: str) -> str:
    """The shipped template for ``language`` (zh or en)."""
    name = f"brief.{'zh' if language == 'zh' else 'en'}.j2"
    return resources.files("studylog.documents").joinpath("templates", name).read_text("utf-8")


def brief_context(
    *,
    session: Session,
    org: Org,
    ref: str,
    issued: dt.date,
    display_name: str | None = None,
) -> dict[str, Any]:
    """What the template may say, every fact from the records (held by ``issued``)."""
    record = resolve_session(session=session, org=org, ref=ref)
    if record.date > issued:
        raise StudylogError("brief_upcoming", id=record.id, day=record.date)
    roll = roll_of(session=session, record=record)
    counts, _ = session_roll(session=session, record_id=record.id)
    by_status: dict[Status, list[Any]] = {status: [] for status in Status}
    for line in roll:
        by_status[line.status].append(line)
    notes = notes_of(session=session, record=record)
    speeches = list_speeches(session=session, org=org, session_id=record.id)
    return {
        "group": display_name or org.name,
        "number": _number_in_year(session, org, record),
        "year": record.date.year,
        "date": long_date(record.date),
        "issued": long_date(issued),
        "title": record.title,
        "kind": shown(record.kind),
        "topic": record.kind == Kind.TOPIC,
        "discussion": record.discussion,
        "format": shown(record.format),
        "place": record.location or "",
        "host": record.host.name if record.host else "",
        "expected": counts.expected,
        "attended": [line.member for line in by_status[Status.PRESENT] + by_status[Status.LATE]],
        "late": [line.member for line in by_status[Status.LATE]],
        "leave": [
            {"name": line.member, "reason": line.reason or ""} for line in by_status[Status.LEAVE]
        ],
        "absent": [line.member for line in by_status[Status.ABSENT]],
        "first_agenda": record.first_agenda or "",
        "source_date": long_date(record.source_date) if record.source_date else "",
        "speeches": [
            {"member": line.member, "kind": shown(line.kind), "title": line.title or ""}
            for line in speeches
        ],
        "minutes_opening": opening(notes.minutes, limit=300),
        "has_outline": notes.outline is not None,
        "materials": [line.name for line in materials_of(session=session, record=record)],
    }


def _number_in_year(session: Session, org: Org, record: StudySession) -> int:
    """The session's place among the year's sessions (the brief's 第N期)."""
    first = dt.date(record.date.year, 1, 1)
    earlier = (StudySession.date < record.date) | (
        (StudySession.date == record.date) & (StudySession.id <= record.id)
    )
    counted = session.scalar(
        select(func.count(StudySession.id)).where(
            StudySession.org_id == org.id, StudySession.date >= first, earlier
        )
    )
    return int(counted or 1)


def compose_brief(
    context: dict[str, Any], *, language: str, template: str | None = None, name: str = ""
) -> Document:
    """The brief as a document: from the edited ``template`` when given."""
    source = template if template is not None else default_brief_template(language)
    document = render(source, context, name=name or "brief", language=language)
    document.author = context["group"]
    return document

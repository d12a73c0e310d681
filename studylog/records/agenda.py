"""First agenda items (第一议题) taken at meetings that are not study sessions: the 党组会,
党委会 and 常委会 that open by studying a new central speech or document.

Each is kept with its meeting, date, title and the source's date (the speech or document's
own), from which the relay latency is counted. They never count as study sessions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.outputs import not_in_future
from studylog.store.models import AgendaItem, Org
from studylog.store.tables import utcnow
from studylog.text.activity_words import Meeting
from studylog.text.parse import clean_text, optional_text


def add_agenda_item(
    *,
    session: Session,
    org: Org,
    meeting: Meeting,
    day: dt.date,
    title: str,
    source_date: dt.date | None = None,
) -> AgendaItem:
    """Record a first agenda item at a meeting; the same meeting, date and title twice is
    refused, and a source dated after the meeting too."""
    not_in_future(day)
    if source_date is not None and source_date > day:
        raise StudylogError("source_after_meeting", source=source_date, day=day)
    text = clean_text(title, what="--title")
    twin = session.scalar(
        select(AgendaItem.id).where(
            AgendaItem.org_id == org.id,
            AgendaItem.meeting == meeting,
            AgendaItem.date == day,
            AgendaItem.title == text,
        )
    )
    if twin is not None:
        raise StudylogError("duplicate_agenda_item", id=twin, day=day)
    item = AgendaItem(org_id=org.id, meeting=meeting, date=day, title=text, source_date=source_date)
    session.add(item)
    session.flush()
    return item


def find_agenda_item(
    *, session: Session, org: Org, item_id: int, deleted: bool = False
) -> AgendaItem:
    query = select(AgendaItem).where(AgendaItem.id == item_id, AgendaItem.org_id == org.id)
    if deleted:
        query = query.where(AgendaItem.archived_at.is_not(None)).execution_options(
            include_archived=True
        )
    item = session.scalar(query) if 0 < item_id < 2**63 else None
    if item is None:
        key = "no_deleted_agenda_item" if deleted else "unknown_agenda_item"
        raise StudylogError(key, id=item_id)
    return item


def delete_agenda_item(
    *, session: Session, org: Org, item_id: int, reason: str | None = None
) -> AgendaItem:
    item = find_agenda_item(session=session, org=org, item_id=item_id)
    item.archived_at = utcnow()
    item.archive_reason = optional_text(reason, what="--reason", limit=500)
    session.flush()
    return item


def restore_agenda_item(*, session: Session, org: Org, item_id: int) -> AgendaItem:
    item = find_agenda_item(session=session, org=org, item_id=item_id, deleted=True)
    item.archived_at = item.archive_reason = None
    session.flush()
    return item


@dataclass(frozen=True)
class AgendaLine:
    id: int
    meeting: Meeting
    date: dt.date
    title: str
    source_date: dt.date | None


def list_agenda_items(
    *,
    session: Session,
    org: Org,
    start: dt.date | None = None,
    end: dt.date | None = None,
    meeting: Meeting | None = None,
) -> list[AgendaLine]:
    query = (
        select(
            AgendaItem.id,
            AgendaItem.meeting,
            AgendaItem.date,
            AgendaItem.title,
            AgendaItem.source_date,
        )
        .where(AgendaItem.org_id == org.id)
        .order_by(AgendaItem.date, AgendaItem.id)
    )
    if start is not None:
        query = query.where(AgendaItem.date >= start)
    if end is not None:
        query = query.where(AgendaItem.date <= end)
    if meeting is not None:
        query = query.where(AgendaItem.meeting == meeting)
    return [AgendaLine(*row) for row in session.execute(query)]

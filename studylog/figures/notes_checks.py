"""The check's rules on a session's own records (off unless the settings switch them on):
every session held has its minutes (有学习记录), every discussion its outline (有研究提纲)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.store.models import Org, SessionNote, StudySession


def lacking(
    session: Session, org: Org, start: dt.date, end: dt.date, as_of: dt.date, *, column: str
) -> list[dict[str, Any]]:
    """Sessions held by ``as_of`` in the period whose note ``column`` is missing (only those
    with a discussion, for the outline)."""
    kept = getattr(SessionNote, column)
    query = (
        select(StudySession.id, StudySession.date, StudySession.title)
        .outerjoin(SessionNote, SessionNote.session_id == StudySession.id)
        .where(
            StudySession.org_id == org.id,
            StudySession.date.between(start, min(end, as_of)),
            kept.is_(None),
        )
        .order_by(StudySession.date, StudySession.id)
    )
    if column == "outline":
        query = query.where(StudySession.discussion.is_(True))
    return [
        {"session_id": session_id, "date": day, "title": title}
        for session_id, day, title in session.execute(query)
    ]

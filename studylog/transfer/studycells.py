"""The sessions table's study columns in an export and an import: 学习形式类别 (forms),
专题片, 学习文件材料, 学时. A file written before they existed has none of them: it reads
as sessions without forms or counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from studylog.store.models import SessionForm, StudySession
from studylog.text.studyforms import FormName, hours_value, parse_count, parse_forms, parse_hours
from studylog.transfer.cells import cell_text


def session_forms(session: Session, held: Any) -> dict[int, list[FormName]]:
    """The forms of the sessions ``held`` selects, by session id."""
    found: dict[int, list[FormName]] = {}
    for session_id, form in session.execute(
        select(SessionForm.session_id, SessionForm.form)
        .join(StudySession, StudySession.id == SessionForm.session_id)
        .where(held)
        .order_by(SessionForm.session_id, SessionForm.form)
    ):
        found.setdefault(session_id, []).append(FormName(form))
    return found


def study_cells(row: dict[str, Any], forms: list[FormName]) -> dict[str, Any]:
    """An exported session row with its forms, and its hours as hours."""
    hundredths = row.pop("hours_hundredths")
    return row | {"forms": forms, "hours": hours_value(hundredths)}


def parse_study(key: str, value: Any, guarded: bool) -> Any:
    """One study cell of an imported session row (empty: None; forms: [])."""
    text = cell_text(value, guarded)
    if key == "forms":
        return parse_forms([text]) if text else []
    if text is None:
        return None
    if key == "hours":
        return parse_hours(value if isinstance(value, float) else text)
    return parse_count(text, what=key)


def insert_forms(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(SessionForm.__table__), rows)

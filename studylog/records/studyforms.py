"""A session's study forms (学习形式) and what was studied, and the people at it beyond its roll
(扩大学习, 列席, 上级巡听旁听): recording them with ``session add|edit`` and ``attend``, and
reading them back for ``session show``.

None of it touches the roll: who is beyond the roll is never expected and never in a rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.expected import role_expected
from studylog.records.members import find_members, in_group
from studylog.store.models import (
    Member,
    Org,
    SessionExtended,
    SessionForm,
    SessionObserver,
    SessionVisitor,
    StudySession,
)
from studylog.text.studyforms import Extended, Form

#: ``--films ''``: the count is taken off (not given is None, which leaves it as it is).
CLEAR = -1


@dataclass
class StudyFields:
    """What ``session add|edit`` says about the study itself; None: not given."""

    forms: list[str] | None = None  # replaces the session's forms; [] clears them
    films: int | None = None  # CLEAR takes the count off
    documents: int | None = None
    hours: int | None = None  # hundredths of an hour

    def given(self) -> bool:
        return any(value is not None for value in vars(self).values())


def apply_study(record: StudySession, study: StudyFields | None) -> None:
    """Set the session's forms and counts; films watched make it a 观看专题片 session."""
    if study is None:
        return
    if study.forms is not None:
        record.forms = [SessionForm(form=form) for form in study.forms]
    for name in ("films", "documents", "hours"):
        value = getattr(study, name)
        if value is not None:
            setattr(record, "hours_hundredths" if name == "hours" else name, _stored(value))
    if record.films and Form.FILM not in {form.form for form in record.forms}:
        record.forms = [*record.forms, SessionForm(form=Form.FILM.value)]


def _stored(value: int) -> int | None:
    return None if value == CLEAR else value


@dataclass(frozen=True)
class BeyondRoll:
    """Who attended a session beyond its roll."""

    extended: list[Extended] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)
    visitors: list[tuple[str, str]] = field(default_factory=list)  # (body, name)

    def __bool__(self) -> bool:
        return bool(self.extended or self.observers or self.visitors)


def record_beyond_roll(
    *,
    session: Session,
    org: Org,
    record: StudySession,
    extended: list[Extended] | None = None,
    observed: list[str] | None = None,
    visitors: list[tuple[str, str]] | None = None,
) -> None:
    """Replace the session's 扩大学习 groups, attending observers or visitors (each only when
    given; an empty list clears). An observer is a member of the group that day whom the
    roll does not expect (列席; the secretary, when the settings say so)."""
    if extended is not None:
        labels = [group.label for group in extended]
        twice = {label for label in labels if labels.count(label) > 1}
        if twice:
            raise StudylogError("extended_twice", label=sorted(twice)[0])
        _clear(session, SessionExtended, record)
        session.add_all(
            SessionExtended(
                session_id=record.id, label=group.label, headcount=group.count, names=group.names
            )
            for group in extended
        )
    if observed is not None:
        members = find_members(session=session, org=org, names=observed)
        for name, member in members.items():
            if role_expected(member.role):
                raise StudylogError("observed_on_roll", name=name)
            if not in_group(member, record.date):
                raise StudylogError("not_in_group", name=name, day=record.date)
        _clear(session, SessionObserver, record)
        session.add_all(
            SessionObserver(session_id=record.id, member_id=member.id)
            for member in members.values()
        )
    if visitors is not None:
        _clear(session, SessionVisitor, record)
        session.add_all(
            SessionVisitor(session_id=record.id, body=body, name=name) for body, name in visitors
        )
    session.flush()


def _clear(
    session: Session,
    model: type[SessionExtended] | type[SessionObserver] | type[SessionVisitor],
    record: StudySession,
) -> None:
    """Delete the session's rows of ``model`` one by one, through the unit of work, so the
    audit log keeps each."""
    session.flush()
    rows: list[Any] = list(session.scalars(select(model).where(model.session_id == record.id)))
    for row in rows:
        session.delete(row)
    session.flush()


def beyond_roll_of(*, session: Session, record: StudySession) -> BeyondRoll:
    extended = [
        Extended(label=row.label, count=row.headcount, names=row.names)
        for row in session.scalars(
            select(SessionExtended)
            .where(SessionExtended.session_id == record.id)
            .order_by(SessionExtended.label)
        )
    ]
    observers = list(
        session.scalars(
            select(Member.name)
            .join(SessionObserver, SessionObserver.member_id == Member.id)
            .where(SessionObserver.session_id == record.id)
            .order_by(Member.id)
        )
    )
    visitors = [
        (row.body, row.name)
        for row in session.scalars(
            select(SessionVisitor)
            .where(SessionVisitor.session_id == record.id)
            .order_by(SessionVisitor.body, SessionVisitor.name)
        )
    ]
    return BeyondRoll(extended=extended, observers=observers, visitors=visitors)

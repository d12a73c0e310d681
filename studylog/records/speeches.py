"""Speeches at a session: key (重点发言), written (书面发言), exchange (交流发言)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.members import find_member, in_group
from studylog.records.sessions import resolve_session
from studylog.store.models import Member, Org, Speech, StudySession
from studylog.text.parse import optional_text
from studylog.text.vocab import SpeechKind


def add_speech(
    *,
    session: Session,
    org: Org,
    ref: str,
    name: str,
    kind: SpeechKind,
    title: str | None = None,
) -> tuple[StudySession, Speech]:
    record = resolve_session(session=session, org=org, ref=ref)
    member = find_member(session=session, org=org, name=name)
    if not in_group(member, record.date):
        raise StudylogError("not_in_group", name=member.name, day=record.date)
    duplicate = session.scalar(
        select(Speech.id).where(
            Speech.session_id == record.id, Speech.member_id == member.id, Speech.kind == kind
        )
    )
    if duplicate is not None:
        raise StudylogError("duplicate_speech", name=member.name, day=record.date, kind=kind)
    speech = Speech(
        session_id=record.id,
        member_id=member.id,
        kind=kind,
        title=optional_text(title, what="--title"),
    )
    session.add(speech)
    session.flush()
    return record, speech


def delete_speech(
    *, session: Session, org: Org, ref: str, name: str, kind: SpeechKind
) -> StudySession:
    record = resolve_session(session=session, org=org, ref=ref)
    member = find_member(session=session, org=org, name=name)
    speech = session.scalar(
        select(Speech).where(
            Speech.session_id == record.id, Speech.member_id == member.id, Speech.kind == kind
        )
    )
    if speech is None:
        raise StudylogError("no_speech", name=member.name, day=record.date, kind=kind)
    session.delete(speech)
    session.flush()
    return record


def edit_speech(
    *,
    session: Session,
    org: Org,
    speech_id: int,
    kind: SpeechKind | None = None,
    title: str | None = None,
) -> tuple[StudySession, Speech]:
    """Change a speech's kind or title (``""`` clears the title); by its id, ``speech list``."""
    found = session.execute(
        select(Speech, StudySession)
        .join(StudySession, StudySession.id == Speech.session_id)
        .where(Speech.id == speech_id, StudySession.org_id == org.id)
    ).first()
    if found is None:
        raise StudylogError("unknown_speech", id=speech_id)
    speech, record = found
    if kind is not None and kind != speech.kind:
        twin = session.scalar(
            select(Speech.id).where(
                Speech.session_id == record.id,
                Speech.member_id == speech.member_id,
                Speech.kind == kind,
            )
        )
        if twin is not None:
            raise StudylogError(
                "duplicate_speech", name=speech.member.name, day=record.date, kind=kind
            )
        speech.kind = kind
    if title is not None:
        speech.title = optional_text(title, what="--title")
    session.flush()
    return record, speech


@dataclass(frozen=True)
class SpeechLine:
    session_id: int
    date: dt.date
    session_title: str
    member: str
    kind: SpeechKind
    title: str | None
    id: int = 0  # the speech's own id (speech edit ID)


def list_speeches(
    *,
    session: Session,
    org: Org,
    start: dt.date | None = None,
    end: dt.date | None = None,
    member: str | None = None,
    session_id: int | None = None,
) -> list[SpeechLine]:
    query = (
        select(
            StudySession.id,
            StudySession.date,
            StudySession.title,
            Member.name,
            Speech.kind,
            Speech.title,
            Speech.id,
        )
        .join(Speech, Speech.session_id == StudySession.id)
        .join(Member, Member.id == Speech.member_id)
        .where(StudySession.org_id == org.id)
        .order_by(StudySession.date, StudySession.id, Speech.id)
    )
    if start is not None:
        query = query.where(StudySession.date >= start)
    if end is not None:
        query = query.where(StudySession.date <= end)
    if member is not None:
        query = query.where(Member.id == find_member(session=session, org=org, name=member).id)
    if session_id is not None:
        query = query.where(StudySession.id == session_id)
    return [SpeechLine(*row) for row in session.execute(query)]

"""Study sessions: recording, finding (by id or date), listing, editing, deleting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.members import find_member, in_group
from studylog.records.studyforms import StudyFields, apply_study
from studylog.store.models import Attendance, Makeup, Org, SessionTag, Speech, StudySession
from studylog.store.tables import utcnow
from studylog.text.dates import typed_date
from studylog.text.parse import clean_text, optional_text
from studylog.text.vocab import Format, Kind

_ID = re.compile(r"^#?(\d+)$")


@dataclass
class SessionFields:
    """What ``session add`` and ``session edit`` take; ``None`` means "not given"."""

    date: dt.date | None = None
    title: str | None = None
    kind: Kind | None = None
    discussion: bool | None = None
    format: Format | None = None
    host: str | None = None  # a member's name; "" clears
    location: str | None = None  # "" clears
    first_agenda: str | None = None  # "" clears, with its source date
    source_date: dt.date | None = None
    tags: list[str] | None = None  # replaces the session's tags
    plan: int | None = None  # the plan item it carries out; 0 unlinks
    study: StudyFields | None = None  # forms, films, documents, hours


def add_session(
    *, session: Session, org: Org, fields: SessionFields, again: bool = False
) -> StudySession:
    """Record a session. One with the same date and title is a command typed twice, refused
    unless ``again`` (a second session of the same title that day)."""
    if fields.date is None:
        raise StudylogError("missing_option", option="--date")
    if fields.title is None:
        raise StudylogError("missing_option", option="--title")
    twin = session.scalar(
        select(StudySession.id).where(
            StudySession.org_id == org.id,
            StudySession.date == fields.date,
            StudySession.title == clean_text(fields.title, what="--title"),
        )
    )
    if twin is not None and not again:
        raise StudylogError("duplicate_session", id=twin, day=fields.date)
    record = StudySession(
        org_id=org.id,
        date=fields.date,
        title="",
        kind=Kind.STUDY,
        discussion=False,
        format=Format.IN_PERSON,
    )
    _apply(session, org, record, fields)
    session.add(record)
    session.flush()
    return record


def edit_session(*, session: Session, org: Org, ref: str, fields: SessionFields) -> StudySession:
    record = resolve_session(session=session, org=org, ref=ref)
    _apply(session, org, record, fields)
    session.flush()
    return record


def _apply(session: Session, org: Org, record: StudySession, fields: SessionFields) -> None:
    if fields.date is not None:
        record.date = fields.date
    if fields.title is not None:
        record.title = clean_text(fields.title, what="--title")
    if fields.kind is not None:
        record.kind = fields.kind
    if fields.discussion is not None:
        record.discussion = fields.discussion
    if fields.format is not None:
        record.format = fields.format
    if fields.host is not None:
        record.host = (
            find_member(session=session, org=org, name=fields.host) if fields.host.strip() else None
        )
    host = record.host
    if host is not None and not in_group(host, record.date):
        raise StudylogError("host_not_in_group", name=host.name, day=record.date)
    if fields.location is not None:
        record.location = optional_text(fields.location, what="--location", limit=200)
    if fields.first_agenda is not None:
        record.first_agenda = optional_text(fields.first_agenda, what="--first-agenda")
        if record.first_agenda is None:
            record.source_date = None
    if fields.source_date is not None:
        if record.first_agenda is None:
            raise StudylogError("source_without_agenda")
        record.source_date = fields.source_date
    if record.source_date is not None and record.source_date > record.date:
        raise StudylogError("source_after_session", source=record.source_date, day=record.date)
    if fields.tags is not None:
        record.tags = [SessionTag(tag=tag) for tag in fields.tags]
    apply_study(record, fields.study)
    if fields.plan is not None:
        from studylog.records.plans import link_session

        link_session(session=session, org=org, record=record, item_id=fields.plan or None)


def resolve_session(
    *, session: Session, org: Org, ref: str, deleted: bool | None = False
) -> StudySession:
    """A session by its id (``12`` or ``#12``) or by its date when only one was held then:
    among the sessions kept (``deleted=False``), the deleted ones (``True``) or all (``None``)."""
    text = ref.strip()
    query = select(StudySession).where(StudySession.org_id == org.id)
    if deleted is not False:
        query = query.execution_options(include_archived=True)
    if deleted:
        query = query.where(StudySession.archived_at.is_not(None))
    by_id = _ID.match(text)
    if by_id and len(text.lstrip("#")) < 8:  # 20230301 is a date, not an id
        record = session.scalar(query.where(StudySession.id == int(by_id.group(1))))
        if record is None:
            raise _not_found(deleted, "unknown_session_id", ref=text)
        return record
    day = typed_date(text, today=dt.date.today())  # also today, 昨天, -3d, 3月5日
    found = list(session.scalars(query.where(StudySession.date == day).order_by(StudySession.id)))
    if not found:
        raise _not_found(deleted, "no_session_on", day=day)
    if len(found) > 1:
        raise StudylogError("ambiguous_session", day=day, ids=[f"#{s.id}" for s in found])
    return found[0]


def _not_found(deleted: bool | None, key: str, **params: object) -> StudylogError:
    if deleted:
        return StudylogError("no_deleted_session", ref=params.get("ref", params.get("day")))
    return StudylogError(key, **params)


def list_sessions(
    *,
    session: Session,
    org: Org,
    start: dt.date | None = None,
    end: dt.date | None = None,
    kind: Kind | None = None,
    format: Format | None = None,
    first_agenda: bool = False,
) -> Iterator[StudySession]:
    """Sessions between ``start`` and ``end`` inclusive, oldest first, streamed in batches
    (a supervising body's database may hold tens of thousands)."""
    query = select(StudySession).where(StudySession.org_id == org.id)
    if start is not None:
        query = query.where(StudySession.date >= start)
    if end is not None:
        query = query.where(StudySession.date <= end)
    if kind is not None:
        query = query.where(StudySession.kind == kind)
    if format is not None:
        query = query.where(StudySession.format == format)
    if first_agenda:
        query = query.where(StudySession.first_agenda.is_not(None))
    ordered = query.order_by(StudySession.date, StudySession.id)
    yield from session.scalars(ordered.execution_options(yield_per=500))


@dataclass(frozen=True)
class Contents:
    """What deleting a session takes with it."""

    roll: int
    makeups: int
    speeches: int


def session_contents(*, session: Session, record: StudySession) -> Contents:
    roll, makeups = session.execute(
        select(func.count(Attendance.id), func.count(Makeup.id))
        .select_from(Attendance)
        .outerjoin(Makeup, Makeup.attendance_id == Attendance.id)
        .where(Attendance.session_id == record.id)
    ).one()
    speeches = session.scalar(select(func.count(Speech.id)).where(Speech.session_id == record.id))
    return Contents(roll=roll, makeups=makeups, speeches=speeches or 0)


def delete_session(*, session: Session, record: StudySession, reason: str | None) -> None:
    """Delete a session: it is kept with its roll, make-ups and speeches, marked deleted (when,
    why) and left out of every list, figure and document until restored. It no longer
    carries out its plan item (another session may)."""
    record.archived_at = utcnow()
    record.archive_reason = optional_text(reason, what="--reason", limit=500)
    record.plan_id = None
    session.flush()


def deleted_sessions(*, session: Session, org: Org) -> list[StudySession]:
    query = select(StudySession).where(
        StudySession.org_id == org.id, StudySession.archived_at.is_not(None)
    )
    ordered = query.order_by(StudySession.archived_at, StudySession.id)
    return list(session.scalars(ordered.execution_options(include_archived=True)))


def restore_session(*, session: Session, org: Org, ref: str) -> StudySession:
    """Bring a deleted session back, with everything it was deleted with."""
    record = resolve_session(session=session, org=org, ref=ref, deleted=True)
    record.archived_at = record.archive_reason = None
    session.flush()
    return record

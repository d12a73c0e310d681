"""The records, as SQLAlchemy 2 ORM classes mapped onto the tables of :mod:`studylog.store.tables`
(the schema is declared there, once; each class here says how its columns read in Python)."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import event
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    ORMExecuteState,
    Session,
    deferred,
    relationship,
    with_loader_criteria,
)

from studylog.store import tables
from studylog.text.activity_words import Level, Meeting, OutputKind
from studylog.text.vocab import Format, Kind, Method, Role, SpeechKind, Status


class Base(DeclarativeBase):
    metadata = tables.metadata


class Org(Base):
    """A study group (中心组). One database may hold many."""

    __table__ = tables.orgs

    id: Mapped[int]
    name: Mapped[str]
    created_at: Mapped[datetime]
    # The hash of the org's latest audit entry: removing entries from the end shows.
    log_head: Mapped[str | None]


class Member(Base):
    """A member of the group; expected at sessions between ``joined`` and ``retired``."""

    __table__ = tables.members

    id: Mapped[int]
    org_id: Mapped[int]
    name: Mapped[str]
    title: Mapped[str | None]
    role: Mapped[Role]
    # NULL joined: counts from the first record on (a past year is often entered afterwards).
    joined: Mapped[dt.date | None]
    retired: Mapped[dt.date | None]
    created_at: Mapped[datetime]
    # Deleted (entered by mistake): kept, with when and why, and left out of everything.
    archived_at: Mapped[datetime | None]
    archive_reason: Mapped[str | None]


class StudySession(Base):
    """One study session (集中学习 or 专题学习)."""

    __table__ = tables.sessions

    id: Mapped[int]
    org_id: Mapped[int]
    date: Mapped[dt.date]
    title: Mapped[str]
    kind: Mapped[Kind]
    discussion: Mapped[bool]
    format: Mapped[Format]
    host_id: Mapped[int | None]
    location: Mapped[str | None]
    first_agenda: Mapped[str | None]
    source_date: Mapped[dt.date | None]
    # The plan item this session carried out; at most one session per item.
    plan_id: Mapped[int | None]
    created_at: Mapped[datetime]
    films: Mapped[int | None]  # films watched (观看专题片 N 部)
    documents: Mapped[int | None]  # documents studied (学习文件材料 N 篇)
    hours_hundredths: Mapped[int | None]  # its length: 2.5 学时 is 250
    # Deleted: kept with its roll, make-ups and speeches, and left out of everything.
    archived_at: Mapped[datetime | None]
    archive_reason: Mapped[str | None]

    host: Mapped[Member | None] = relationship(lazy="joined")
    tags: Mapped[list[SessionTag]] = relationship(
        cascade="all, delete-orphan", order_by="SessionTag.tag", lazy="selectin"
    )
    forms: Mapped[list[SessionForm]] = relationship(
        cascade="all, delete-orphan", order_by="SessionForm.form", lazy="selectin"
    )


class SessionTag(Base):
    __table__ = tables.session_tags

    session_id: Mapped[int]
    tag: Mapped[str]


class SessionForm(Base):
    """A study form (学习形式) a session took."""

    __table__ = tables.session_forms

    session_id: Mapped[int]
    form: Mapped[str]


class SessionExtended(Base):
    """扩大学习: a group beyond the roll that attended, and how many of it."""

    __table__ = tables.session_extended

    session_id: Mapped[int]
    label: Mapped[str]
    headcount: Mapped[int]
    names: Mapped[str | None]


class SessionObserver(Base):
    """列席: a member not expected at the session who attended it."""

    __table__ = tables.session_observers

    session_id: Mapped[int]
    member_id: Mapped[int]

    member: Mapped[Member] = relationship(lazy="joined")


class SessionVisitor(Base):
    """旁听 / 巡听: someone of a superior body who sat in."""

    __table__ = tables.session_visitors

    session_id: Mapped[int]
    body: Mapped[str]
    name: Mapped[str]


class Attendance(Base):
    """One line of a session's roll."""

    __table__ = tables.attendance

    id: Mapped[int]
    session_id: Mapped[int]
    member_id: Mapped[int]
    status: Mapped[Status]
    reason: Mapped[str | None]
    approver: Mapped[str | None]  # who approved a leave
    # Set with its member's archived_at when the member is deleted, cleared on restore.
    archived_at: Mapped[datetime | None]

    member: Mapped[Member] = relationship(lazy="joined")


class Makeup(Base):
    """Make-up study (事后补学) for one leave or absence."""

    __table__ = tables.makeups

    id: Mapped[int]
    attendance_id: Mapped[int]
    date: Mapped[dt.date]
    method: Mapped[Method]
    note: Mapped[str | None]
    reflection: Mapped[str | None]  # the written 体会
    created_at: Mapped[datetime]


class Speech(Base):
    """A key, written or exchange speech given at (or for) a session."""

    __table__ = tables.speeches

    id: Mapped[int]
    session_id: Mapped[int]
    member_id: Mapped[int]
    kind: Mapped[SpeechKind]
    title: Mapped[str | None]
    created_at: Mapped[datetime]

    member: Mapped[Member] = relationship(lazy="joined")


class PlanItem(Base):
    """One item of the year's study plan (学习计划): what is to be studied in which month."""

    __table__ = tables.plan_items

    id: Mapped[int]
    org_id: Mapped[int]
    year: Mapped[int]
    month: Mapped[int]
    title: Mapped[str]
    kind: Mapped[Kind]
    discussion: Mapped[bool]
    created_at: Mapped[datetime]
    # The day it is to be held (plan schedule, official holidays skipped), time and place.
    planned_on: Mapped[dt.date | None]
    planned_time: Mapped[str | None]  # HH:MM
    place: Mapped[str | None]
    host_id: Mapped[int | None]

    host: Mapped[Member | None] = relationship(lazy="joined")
    speakers: Mapped[list[PlanSpeaker]] = relationship(
        cascade="all, delete-orphan", order_by="PlanSpeaker.position", lazy="selectin"
    )


class PlanSpeaker(Base):
    """A member planned to speak at a plan item."""

    __table__ = tables.plan_speakers

    plan_item_id: Mapped[int]
    member_id: Mapped[int]
    position: Mapped[int]

    member: Mapped[Member] = relationship(lazy="joined")


class Rectification(Base):
    """An entry of the rectification ledger (整改台账)."""

    __table__ = tables.rectifications

    id: Mapped[int]
    org_id: Mapped[int]
    problem: Mapped[str]
    measure: Mapped[str]
    dept: Mapped[str]  # 责任部门
    lead: Mapped[str]  # 牵头单位
    category: Mapped[str | None]
    found: Mapped[dt.date]  # the session's date, or the day it was entered
    due: Mapped[dt.date]  # 整改时限
    session_id: Mapped[int | None]
    done_on: Mapped[dt.date | None]  # 销号
    done_note: Mapped[str | None]
    created_at: Mapped[datetime]
    # Deleted: kept with its follow-up, left out of the ledger until restored.
    archived_at: Mapped[datetime | None]
    archive_reason: Mapped[str | None]


class RectifyProgress(Base):
    """A dated line of follow-up feedback (跟踪反馈) on a rectification."""

    __table__ = tables.rectify_progress

    id: Mapped[int]
    rectification_id: Mapped[int]
    on: Mapped[dt.date]
    note: Mapped[str]
    created_at: Mapped[datetime]


class SessionNote(Base):
    """A session's minutes (学习记录) and discussion outline (研究提纲)."""

    __table__ = tables.session_notes

    session_id: Mapped[int]
    minutes: Mapped[str | None]
    outline: Mapped[str | None]


class MaterialBlob(Base):
    """A material's content, once per group (deduplicated by its SHA-256)."""

    __table__ = tables.material_blobs

    id: Mapped[int]
    org_id: Mapped[int]
    sha256: Mapped[str]
    size: Mapped[int]
    # The bytes are read only when asked for: listing materials never loads them.
    data: Mapped[bytes] = deferred(tables.material_blobs.c.data)
    created_at: Mapped[datetime]


class SessionMaterial(Base):
    """A material attached to a session (学习材料)."""

    __table__ = tables.session_materials

    id: Mapped[int]
    session_id: Mapped[int]
    blob_id: Mapped[int]
    name: Mapped[str]
    media_type: Mapped[str]
    created_at: Mapped[datetime]
    archived_at: Mapped[datetime | None]
    archive_reason: Mapped[str | None]

    blob: Mapped[MaterialBlob] = relationship(lazy="joined")


class AuditEntry(Base):
    """One audited write: who, when, the command, and every row it changed (before/after).

    Entries of an org form a hash chain: ``hash`` covers the entry and ``prev_hash``, so an
    entry edited or removed behind studylog's back breaks the chain; the org's ``log_head``
    pins the latest one.
    """

    __table__ = tables.audit_log

    id: Mapped[int]
    org_id: Mapped[int]
    seq: Mapped[int]  # 1, 2, 3… within the org
    at: Mapped[datetime]  # UTC
    user: Mapped[str]
    command: Mapped[str]
    changes: Mapped[str]  # JSON, see studylog.store.audit
    undoes: Mapped[int | None]  # seq of the entry this one reverted
    prev_hash: Mapped[str]
    hash: Mapped[str]


class MemberOutput(Base):
    """A member's output (学习成果): a lecture, a briefing tour, an article, a paper."""

    __table__ = tables.member_outputs

    id: Mapped[int]
    org_id: Mapped[int]
    member_id: Mapped[int]
    kind: Mapped[OutputKind]
    date: Mapped[dt.date]
    title: Mapped[str]
    venue: Mapped[str | None]
    level: Mapped[Level | None]
    session_id: Mapped[int | None]
    created_at: Mapped[datetime]
    archived_at: Mapped[datetime | None]
    archive_reason: Mapped[str | None]

    member: Mapped[Member] = relationship(lazy="joined")


class SelfStudy(Base):
    """A member's own study (个人自学), with its hours in hundredths."""

    __table__ = tables.self_study

    id: Mapped[int]
    org_id: Mapped[int]
    member_id: Mapped[int]
    date: Mapped[dt.date]
    hours_hundredths: Mapped[int]
    title: Mapped[str]
    created_at: Mapped[datetime]
    archived_at: Mapped[datetime | None]
    archive_reason: Mapped[str | None]

    member: Mapped[Member] = relationship(lazy="joined")


class AgendaItem(Base):
    """A first agenda item (第一议题) taken at a 党组会, 党委会 or 常委会."""

    __table__ = tables.agenda_items

    id: Mapped[int]
    org_id: Mapped[int]
    meeting: Mapped[Meeting]
    date: Mapped[dt.date]
    title: Mapped[str]
    source_date: Mapped[dt.date | None]
    created_at: Mapped[datetime]
    archived_at: Mapped[datetime | None]
    archive_reason: Mapped[str | None]


# Deleted sessions and members (and the roll lines of a deleted member) stay in the database
# and out of every read: lists, figures, documents, exports. A statement that must see them
# (restore, undo, the audit) says so with ``execution_options(include_archived=True)``.
_LIVE_ONLY = (
    with_loader_criteria(StudySession, lambda cls: cls.archived_at.is_(None), include_aliases=True),
    with_loader_criteria(Member, lambda cls: cls.archived_at.is_(None), include_aliases=True),
    with_loader_criteria(Attendance, lambda cls: cls.archived_at.is_(None), include_aliases=True),
    with_loader_criteria(
        Rectification, lambda cls: cls.archived_at.is_(None), include_aliases=True
    ),
    with_loader_criteria(
        SessionMaterial, lambda cls: cls.archived_at.is_(None), include_aliases=True
    ),
    *(
        with_loader_criteria(model, lambda cls: cls.archived_at.is_(None), include_aliases=True)
        for model in (MemberOutput, SelfStudy, AgendaItem)
    ),
)


@event.listens_for(Session, "do_orm_execute")
def _leave_out_archived(state: ORMExecuteState) -> None:
    if state.is_select and not state.execution_options.get("include_archived", False):
        state.statement = state.statement.options(*_LIVE_ONLY)

"""The records, as SQLAlchemy 2 models. Every change here needs an Alembic revision."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    ORMExecuteState,
    Session,
    mapped_column,
    relationship,
    with_loader_criteria,
)

from studylog.vocab import Format, Kind, Method, Role, SpeechKind, Status

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _choice(enum: type[StrEnum], name: str) -> Enum:
    """A portable enum column: VARCHAR plus a CHECK constraint, storing the CLI value."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Org(Base):
    """A study group (中心组). One database may hold many."""

    __tablename__ = "orgs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The hash of the org's latest audit entry: removing entries from the end shows.
    log_head: Mapped[str | None] = mapped_column(String(64))


class Member(Base):
    """A member of the group; expected at sessions between ``joined`` and ``retired``."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("org_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(_choice(Role, "role"), default=Role.MEMBER)
    # NULL joined: counts from the first record on (a past year is often entered afterwards).
    joined: Mapped[dt.date | None] = mapped_column(Date)
    retired: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Deleted (entered by mistake): kept, with when and why, and left out of everything.
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    archive_reason: Mapped[str | None] = mapped_column(String(500))


class StudySession(Base):
    """One study session (集中学习 or 专题学习)."""

    __tablename__ = "sessions"
    __table_args__ = (Index("ix_sessions_org_id_date", "org_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[Kind] = mapped_column(_choice(Kind, "kind"), default=Kind.STUDY)
    discussion: Mapped[bool] = mapped_column(Boolean, default=False)
    format: Mapped[Format] = mapped_column(_choice(Format, "format"), default=Format.IN_PERSON)
    host_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str | None] = mapped_column(String(200))
    first_agenda: Mapped[str | None] = mapped_column(String(500))
    source_date: Mapped[dt.date | None] = mapped_column(Date)
    # The plan item this session carried out; at most one session per item.
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_items.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Deleted: kept with its roll, make-ups and speeches, and left out of everything.
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    archive_reason: Mapped[str | None] = mapped_column(String(500))

    host: Mapped[Member | None] = relationship(lazy="joined")
    tags: Mapped[list[SessionTag]] = relationship(
        cascade="all, delete-orphan", order_by="SessionTag.tag", lazy="selectin"
    )


class SessionTag(Base):
    __tablename__ = "session_tags"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(100), primary_key=True)


class Attendance(Base):
    """One line of a session's roll."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    status: Mapped[Status] = mapped_column(_choice(Status, "status"))
    reason: Mapped[str | None] = mapped_column(String(500))
    # Set with its member's archived_at when the member is deleted, cleared on restore.
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)

    member: Mapped[Member] = relationship(lazy="joined")


class Makeup(Base):
    """Make-up study (事后补学) for one leave or absence."""

    __tablename__ = "makeups"

    id: Mapped[int] = mapped_column(primary_key=True)
    attendance_id: Mapped[int] = mapped_column(
        ForeignKey("attendance.id", ondelete="CASCADE"), unique=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[Method] = mapped_column(_choice(Method, "method"), default=Method.SELF_STUDY)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Speech(Base):
    """A key, written or exchange speech given at (or for) a session."""

    __tablename__ = "speeches"
    __table_args__ = (UniqueConstraint("session_id", "member_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    kind: Mapped[SpeechKind] = mapped_column(_choice(SpeechKind, "speech_kind"))
    title: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    member: Mapped[Member] = relationship(lazy="joined")


class PlanItem(Base):
    """One item of the year's study plan (学习计划): what is to be studied in which month."""

    __tablename__ = "plan_items"
    __table_args__ = (Index("ix_plan_items_org_id_year", "org_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[Kind] = mapped_column(_choice(Kind, "kind"), default=Kind.STUDY)
    discussion: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    speakers: Mapped[list[PlanSpeaker]] = relationship(
        cascade="all, delete-orphan", order_by="PlanSpeaker.position", lazy="selectin"
    )


class PlanSpeaker(Base):
    """A member planned to speak at a plan item."""

    __tablename__ = "plan_speakers"

    plan_item_id: Mapped[int] = mapped_column(
        ForeignKey("plan_items.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    member: Mapped[Member] = relationship(lazy="joined")


class Rectification(Base):
    """An entry of the rectification ledger (整改台账)."""

    __tablename__ = "rectifications"
    __table_args__ = (Index("ix_rectifications_org_id_found", "org_id", "found"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id", ondelete="CASCADE"))
    problem: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(Text)
    dept: Mapped[str] = mapped_column(String(200))  # 责任部门
    lead: Mapped[str] = mapped_column(String(200))  # 牵头单位
    category: Mapped[str | None] = mapped_column(String(100))
    found: Mapped[dt.date] = mapped_column(Date)  # the session's date, or the day it was entered
    due: Mapped[dt.date] = mapped_column(Date)  # 整改时限
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    done_on: Mapped[dt.date | None] = mapped_column(Date)  # 销号
    done_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RectifyProgress(Base):
    """A dated line of follow-up feedback (跟踪反馈) on a rectification."""

    __tablename__ = "rectify_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    rectification_id: Mapped[int] = mapped_column(
        ForeignKey("rectifications.id", ondelete="CASCADE"), index=True
    )
    on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """One audited write: who, when, the command, and every row it changed (before/after).

    Entries of an org form a hash chain: ``hash`` covers the entry and ``prev_hash``, so an
    entry edited or removed behind studylog's back breaks the chain; the org's ``log_head``
    pins the latest one.
    """

    __tablename__ = "audit_log"
    __table_args__ = (UniqueConstraint("org_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3… within the org
    at: Mapped[datetime] = mapped_column(DateTime)  # UTC
    user: Mapped[str] = mapped_column(String(200))
    command: Mapped[str] = mapped_column(Text)
    changes: Mapped[str] = mapped_column(Text)  # JSON, see studylog.audit
    undoes: Mapped[int | None] = mapped_column(Integer)  # seq of the entry this one reverted
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# Deleted sessions and members (and the roll lines of a deleted member) stay in the database
# and out of every read: lists, figures, documents, exports. A statement that must see them
# (restore, undo, the audit) says so with ``execution_options(include_archived=True)``.
_LIVE_ONLY = (
    with_loader_criteria(StudySession, lambda cls: cls.archived_at.is_(None), include_aliases=True),
    with_loader_criteria(Member, lambda cls: cls.archived_at.is_(None), include_aliases=True),
    with_loader_criteria(Attendance, lambda cls: cls.archived_at.is_(None), include_aliases=True),
)


@event.listens_for(Session, "do_orm_execute")
def _leave_out_archived(state: ORMExecuteState) -> None:
    if state.is_select and not state.execution_options.get("include_archived", False):
        state.statement = state.statement.options(*_LIVE_ONLY)

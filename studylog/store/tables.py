"""The schema, as SQLAlchemy Core tables. Every change here needs an Alembic revision.

The ORM classes in :mod:`studylog.store.models` are mapped onto these tables; the read paths that
only aggregate (``stats``) use them directly and never import the ORM, which a command pays
for at every start.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from studylog.store.studytables import beyond_roll_tables, study_columns
from studylog.text.activity_words import Level, Meeting, OutputKind
from studylog.text.vocab import Format, Kind, Method, Role, SpeechKind, Status

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _choice(
    name: str,
    enum: type[StrEnum],
    *,
    default: StrEnum | None = None,
    check: str | None = None,
    nullable: bool = False,
) -> Column[Any]:
    """A portable enum column: VARCHAR storing the CLI value, with a CHECK constraint
    (named ``check``, else after the column) that it holds one of the values.

    The check is spelt as equalities joined by OR, not as ``IN (…)``: SQLite builds a lookup
    table for an IN list each time a statement runs, which made the check cost as much as
    the rest of a roll line's insert.
    """
    one_of = " OR ".join(f"{name} = '{member.value}'" for member in enum)
    kind = Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=max(len(member.value) for member in enum),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
    return Column(
        name, kind, CheckConstraint(one_of, name=check or name), default=default, nullable=nullable
    )


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _refers(
    name: str,
    target: str,
    *,
    ondelete: str | None = None,
    nullable: bool = False,
    index: bool | None = None,
    unique: bool | None = None,
    primary_key: bool = False,
) -> Column[int]:
    """A column holding the id of a row of ``target`` ("table.id")."""
    return Column(
        name,
        Integer,
        ForeignKey(target, ondelete=ondelete),
        nullable=nullable,
        index=index,
        unique=unique,
        primary_key=primary_key,
    )


def _created() -> Column[datetime]:
    return Column("created_at", DateTime, default=utcnow, nullable=False)


# A study group (中心组). One database may hold many.
orgs = Table(
    "orgs",
    metadata,
    _id(),
    Column("name", String(200), unique=True, nullable=False),
    _created(),
    # The hash of the org's latest audit entry: removing entries from the end shows.
    Column("log_head", String(64)),
)

# A member of the group; expected at sessions between ``joined`` and ``retired``.
members = Table(
    "members",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE", index=True),
    Column("name", String(100), nullable=False),
    Column("title", String(200)),
    _choice("role", Role, default=Role.MEMBER),
    # NULL joined: counts from the first record on (a past year is often entered afterwards).
    Column("joined", Date),
    Column("retired", Date),
    _created(),
    # Deleted (entered by mistake): kept, with when and why, and left out of everything.
    Column("archived_at", DateTime),
    Column("archive_reason", String(500)),
    UniqueConstraint("org_id", "name"),
)

# One study session (集中学习 or 专题学习).
sessions = Table(
    "sessions",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE"),
    Column("date", Date, nullable=False),
    Column("title", String(500), nullable=False),
    _choice("kind", Kind, default=Kind.STUDY),
    Column("discussion", Boolean, default=False, nullable=False),
    _choice("format", Format, default=Format.IN_PERSON),
    _refers("host_id", "members.id", ondelete="SET NULL", nullable=True, index=True),
    Column("location", String(200)),
    Column("first_agenda", String(500)),
    Column("source_date", Date),
    # The plan item this session carried out; at most one session per item.
    _refers("plan_id", "plan_items.id", ondelete="SET NULL", nullable=True, unique=True),
    _created(),
    *study_columns(),  # forms' counts and length (studylog.store.studytables)
    # Deleted: kept with its roll, make-ups and speeches, and left out of everything.
    Column("archived_at", DateTime),
    Column("archive_reason", String(500)),
    Index("ix_sessions_org_id_date", "org_id", "date"),
)

session_tags = Table(
    "session_tags",
    metadata,
    _refers("session_id", "sessions.id", ondelete="CASCADE", primary_key=True),
    Column("tag", String(100), primary_key=True),
)

# Study forms, and the people at a session beyond its roll (studylog.store.studytables).
session_extended, session_observers, session_visitors, session_forms = beyond_roll_tables(
    metadata, _refers
)

# One line of a session's roll.
attendance = Table(
    "attendance",
    metadata,
    _id(),
    _refers("session_id", "sessions.id", ondelete="CASCADE"),
    _refers("member_id", "members.id", index=True),
    _choice("status", Status),
    Column("reason", String(500)),
    Column("approver", String(100)),  # who approved a leave (请假经…同意)
    # Set with its member's archived_at when the member is deleted, cleared on restore.
    Column("archived_at", DateTime),
    UniqueConstraint("session_id", "member_id"),
)

# Make-up study (事后补学) for one leave or absence.
makeups = Table(
    "makeups",
    metadata,
    _id(),
    _refers("attendance_id", "attendance.id", ondelete="CASCADE", unique=True),
    Column("date", Date, nullable=False),
    _choice("method", Method, default=Method.SELF_STUDY),
    Column("note", Text),
    Column("reflection", Text),  # the member's written 体会 on what they made up
    _created(),
)

# A key, written or exchange speech given at (or for) a session.
speeches = Table(
    "speeches",
    metadata,
    _id(),
    _refers("session_id", "sessions.id", ondelete="CASCADE"),
    _refers("member_id", "members.id", index=True),
    _choice("kind", SpeechKind, check="speech_kind"),
    Column("title", String(500)),
    _created(),
    UniqueConstraint("session_id", "member_id", "kind"),
)

# One item of the year's study plan (学习计划): what is to be studied in which month.
plan_items = Table(
    "plan_items",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE"),
    Column("year", Integer, nullable=False),
    Column("month", Integer, nullable=False),
    Column("title", String(500), nullable=False),
    _choice("kind", Kind, default=Kind.STUDY),
    Column("discussion", Boolean, default=False, nullable=False),
    _created(),
    # The day it is to be held (plan schedule, official holidays skipped), time and place.
    Column("planned_on", Date, index=True),
    Column("planned_time", String(5)),  # HH:MM
    Column("place", String(200)),
    _refers("host_id", "members.id", ondelete="SET NULL", nullable=True),
    Index("ix_plan_items_org_id_year", "org_id", "year"),
)

# A member planned to speak at a plan item.
plan_speakers = Table(
    "plan_speakers",
    metadata,
    _refers("plan_item_id", "plan_items.id", ondelete="CASCADE", primary_key=True),
    _refers("member_id", "members.id", primary_key=True),
    Column("position", Integer, default=0, nullable=False),
)

# An entry of the rectification ledger (整改台账).
rectifications = Table(
    "rectifications",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE"),
    Column("problem", Text, nullable=False),
    Column("measure", Text, nullable=False),
    Column("dept", String(200), nullable=False),  # 责任部门
    Column("lead", String(200), nullable=False),  # 牵头单位
    Column("category", String(100)),
    Column("found", Date, nullable=False),  # the session's date, or the day it was entered
    Column("due", Date, nullable=False),  # 整改时限
    _refers("session_id", "sessions.id", ondelete="SET NULL", nullable=True, index=True),
    Column("done_on", Date),  # 销号
    Column("done_note", Text),
    _created(),
    # Deleted: kept with its follow-up, left out of the ledger until restored.
    Column("archived_at", DateTime),
    Column("archive_reason", String(500)),
    Index("ix_rectifications_org_id_found", "org_id", "found"),
)

# A dated line of follow-up feedback (跟踪反馈) on a rectification.
rectify_progress = Table(
    "rectify_progress",
    metadata,
    _id(),
    _refers("rectification_id", "rectifications.id", ondelete="CASCADE", index=True),
    Column("on", Date, nullable=False),
    Column("note", Text, nullable=False),
    _created(),
)

# A session's minutes (学习记录 / 会议纪要) and discussion outline (研究提纲): text or Markdown.
session_notes = Table(
    "session_notes",
    metadata,
    _refers("session_id", "sessions.id", ondelete="CASCADE", primary_key=True),
    Column("minutes", Text),
    Column("outline", Text),
)

# A material's content, stored once per group whatever the sessions it is attached to (the
# log holds its SHA-256, never the bytes: see studylog.store.digests).
material_blobs = Table(
    "material_blobs",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE"),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    _created(),
    UniqueConstraint("org_id", "sha256"),
)

# A material studied at a session (学习材料): a document, slides, a photo of the sign-in.
session_materials = Table(
    "session_materials",
    metadata,
    _id(),
    _refers("session_id", "sessions.id", ondelete="CASCADE", index=True),
    _refers("blob_id", "material_blobs.id", index=True),
    Column("name", String(255), nullable=False),  # the original file name
    Column("media_type", String(100), nullable=False),
    _created(),
    # Detached: kept, with when and why, and left out of everything until undone.
    Column("archived_at", DateTime),
    Column("archive_reason", String(500)),
)

# A member's output (学习成果): a party lecture, a briefing tour, an article, a reflection, a
# research report, a discussion paper; an article with where it appeared and at what level.
member_outputs = Table(
    "member_outputs",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE"),
    _refers("member_id", "members.id", index=True),
    _choice("kind", OutputKind, check="output_kind"),
    Column("date", Date, nullable=False),
    Column("title", String(500), nullable=False),
    Column("venue", String(200)),  # where it was given or published
    _choice("level", Level, check="output_level", nullable=True),  # 中央 / 省 / 市 / 县
    _refers("session_id", "sessions.id", ondelete="SET NULL", nullable=True, index=True),
    _created(),
    # Deleted: kept, marked deleted, left out of everything until restored.
    Column("archived_at", DateTime),
    Column("archive_reason", String(500)),
    Index("ix_member_outputs_org_id_date", "org_id", "date"),
)

# A member's own study (个人自学), with its hours in hundredths (1.25 h is 125): exact, and
# summed exactly by the database.
self_study = Table(
    "self_study",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE"),
    _refers("member_id", "members.id", index=True),
    Column("date", Date, nullable=False),
    Column(
        "hours_hundredths",
        Integer,
        CheckConstraint("hours_hundredths > 0", name="hours_positive"),
        nullable=False,
    ),
    Column("title", String(500), nullable=False),
    _created(),
    Column("archived_at", DateTime),
    Column("archive_reason", String(500)),
    Index("ix_self_study_org_id_date", "org_id", "date"),
)

# A first agenda item (第一议题) taken at a meeting that is not a study session: 党组会,
# 党委会, 常委会.
agenda_items = Table(
    "agenda_items",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE"),
    _choice("meeting", Meeting, check="meeting"),
    Column("date", Date, nullable=False),
    Column("title", String(500), nullable=False),
    Column("source_date", Date),
    _created(),
    Column("archived_at", DateTime),
    Column("archive_reason", String(500)),
    Index("ix_agenda_items_org_id_date", "org_id", "date"),
)

# One audited write (see studylog.store.audit): who, when, the command, every row it changed.
audit_log = Table(
    "audit_log",
    metadata,
    _id(),
    _refers("org_id", "orgs.id", ondelete="CASCADE"),
    Column("seq", Integer, nullable=False),  # 1, 2, 3… within the org
    Column("at", DateTime, nullable=False),  # UTC
    Column("user", String(200), nullable=False),
    Column("command", Text, nullable=False),
    Column("changes", Text, nullable=False),  # JSON, see studylog.store.audit
    Column("undoes", Integer),  # seq of the entry this one reverted
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("org_id", "seq"),
)

"""members' outputs, self-study, first agenda items at other meetings

Three tables of their own, each belonging to one group (org_id) and deleted the way sessions
are (archived_at, archive_reason): ``member_outputs`` (学习成果: a party lecture, a briefing
tour, an article with its medium and level, a reflection, a research report, a discussion
paper), ``self_study`` (个人自学, hours kept exactly as hundredths) and ``agenda_items`` (第一议题
taken at a 党组会, 党委会 or 常委会). Existing records are untouched.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-10 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return " OR ".join(f"{column} = '{value}'" for value in values)


KINDS = (
    "party-lecture",
    "briefing-tour",
    "article",
    "reflection",
    "research-report",
    "discussion-paper",
)
LEVELS = ("central", "provincial", "city", "county")
MEETINGS = ("party-group", "party-committee", "standing-committee")


def _archived() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("archive_reason", sa.String(length=500), nullable=True),
    ]


def _owned(table: str) -> list[sa.Column | sa.Constraint]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"], ["orgs.id"], name=op.f(f"fk_{table}_org_id_orgs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "member_outputs",
        *_owned("member_outputs"),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(*KINDS, name="outputkind", native_enum=False, create_constraint=False),
            sa.CheckConstraint(_one_of("kind", KINDS), name=op.f("ck_member_outputs_output_kind")),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column(
            "level",
            sa.Enum(*LEVELS, name="level", native_enum=False, create_constraint=False),
            sa.CheckConstraint(
                _one_of("level", LEVELS), name=op.f("ck_member_outputs_output_level")
            ),
            nullable=True,
        ),
        sa.Column("session_id", sa.Integer(), nullable=True),
        *_archived(),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_outputs_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_member_outputs_session_id_sessions"),
            ondelete="SET NULL",
        ),
    )
    with op.batch_alter_table("member_outputs") as batch_op:
        batch_op.create_index("ix_member_outputs_org_id_date", ["org_id", "date"], unique=False)
        batch_op.create_index(op.f("ix_member_outputs_member_id"), ["member_id"], unique=False)
        batch_op.create_index(op.f("ix_member_outputs_session_id"), ["session_id"], unique=False)

    op.create_table(
        "self_study",
        *_owned("self_study"),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column(
            "hours_hundredths",
            sa.Integer(),
            sa.CheckConstraint("hours_hundredths > 0", name=op.f("ck_self_study_hours_positive")),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=500), nullable=False),
        *_archived(),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_self_study_member_id_members")
        ),
    )
    with op.batch_alter_table("self_study") as batch_op:
        batch_op.create_index("ix_self_study_org_id_date", ["org_id", "date"], unique=False)
        batch_op.create_index(op.f("ix_self_study_member_id"), ["member_id"], unique=False)

    op.create_table(
        "agenda_items",
        *_owned("agenda_items"),
        sa.Column(
            "meeting",
            sa.Enum(*MEETINGS, name="meeting", native_enum=False, create_constraint=False),
            sa.CheckConstraint(_one_of("meeting", MEETINGS), name=op.f("ck_agenda_items_meeting")),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("source_date", sa.Date(), nullable=True),
        *_archived(),
    )
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.create_index("ix_agenda_items_org_id_date", ["org_id", "date"], unique=False)


def downgrade() -> None:
    op.drop_table("agenda_items")
    op.drop_table("self_study")
    op.drop_table("member_outputs")

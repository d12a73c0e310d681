"""study forms, and the people beyond the roll

A session may carry study forms (学习形式: session_forms), the films and documents studied
and its length (sessions.films, .documents, .hours_hundredths: nullable, so existing
sessions read as before), and the people at it who are not on its roll: 扩大学习 groups
(session_extended), observers who attended (session_observers) and visitors of a superior
body (session_visitors).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _session_key(table: str) -> list[sa.Column[int] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f(f"fk_{table}_session_id_sessions"),
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.add_column(sa.Column("films", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("documents", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("hours_hundredths", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(op.f("ck_sessions_films"), "films >= 0")
        batch_op.create_check_constraint(op.f("ck_sessions_documents"), "documents >= 0")
        batch_op.create_check_constraint(
            op.f("ck_sessions_hours_hundredths"), "hours_hundredths > 0"
        )
    op.create_table(
        "session_extended",
        *_session_key("session_extended"),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("names", sa.Text(), nullable=True),
        sa.CheckConstraint("headcount > 0", name=op.f("ck_session_extended_headcount")),
        sa.PrimaryKeyConstraint("session_id", "label", name=op.f("pk_session_extended")),
    )
    op.create_table(
        "session_observers",
        *_session_key("session_observers"),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_session_observers_member_id_members")
        ),
        sa.PrimaryKeyConstraint("session_id", "member_id", name=op.f("pk_session_observers")),
    )
    op.create_index(
        op.f("ix_session_observers_member_id"), "session_observers", ["member_id"], unique=False
    )
    op.create_table(
        "session_visitors",
        *_session_key("session_visitors"),
        sa.Column("body", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("session_id", "body", "name", name=op.f("pk_session_visitors")),
    )
    op.create_table(
        "session_forms",
        *_session_key("session_forms"),
        sa.Column("form", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("session_id", "form", name=op.f("pk_session_forms")),
    )


def downgrade() -> None:
    op.drop_table("session_forms")
    op.drop_table("session_visitors")
    op.drop_index(op.f("ix_session_observers_member_id"), table_name="session_observers")
    op.drop_table("session_observers")
    op.drop_table("session_extended")
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.drop_constraint(op.f("ck_sessions_hours_hundredths"), type_="check")
        batch_op.drop_constraint(op.f("ck_sessions_documents"), type_="check")
        batch_op.drop_constraint(op.f("ck_sessions_films"), type_="check")
        batch_op.drop_column("hours_hundredths")
        batch_op.drop_column("documents")
        batch_op.drop_column("films")

"""session minutes, outlines and materials

A session may carry its minutes (学习记录 / 会议纪要) and its discussion outline (研究提纲) as
text, and the materials studied (documents, slides, photos) as files stored in the database,
each content once per group (deduplicated by its SHA-256). New tables only: existing records
read as before.

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-10 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_notes",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=True),
        sa.Column("outline", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_notes_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_session_notes")),
    )
    op.create_table(
        "material_blobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"], ["orgs.id"], name=op.f("fk_material_blobs_org_id_orgs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_material_blobs")),
        sa.UniqueConstraint("org_id", "sha256", name=op.f("uq_material_blobs_org_id_sha256")),
    )
    op.create_table(
        "session_materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("blob_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("archive_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["blob_id"],
            ["material_blobs.id"],
            name=op.f("fk_session_materials_blob_id_material_blobs"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_materials_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_materials")),
    )
    with op.batch_alter_table("session_materials", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_materials_blob_id"), ["blob_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_session_materials_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("session_materials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_materials_session_id"))
        batch_op.drop_index(batch_op.f("ix_session_materials_blob_id"))
    op.drop_table("session_materials")
    op.drop_table("material_blobs")
    op.drop_table("session_notes")

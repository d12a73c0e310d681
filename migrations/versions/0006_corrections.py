"""leave approver, make-up reflection, ledger archiving

A leave line may name who approved it; a make-up may carry the member's written 体会; a
ledger entry deleted by mistake is kept, marked deleted, and can be restored. New columns
only, all nullable: existing records read as before.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attendance") as batch_op:
        batch_op.add_column(sa.Column("approver", sa.String(length=100), nullable=True))
    with op.batch_alter_table("makeups") as batch_op:
        batch_op.add_column(sa.Column("reflection", sa.Text(), nullable=True))
    with op.batch_alter_table("rectifications") as batch_op:
        batch_op.add_column(sa.Column("archived_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("archive_reason", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rectifications") as batch_op:
        batch_op.drop_column("archive_reason")
        batch_op.drop_column("archived_at")
    with op.batch_alter_table("makeups") as batch_op:
        batch_op.drop_column("reflection")
    with op.batch_alter_table("attendance") as batch_op:
        batch_op.drop_column("approver")

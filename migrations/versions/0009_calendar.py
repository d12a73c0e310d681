"""plan calendar: a planned date, time, place and host for each plan item

``plan schedule`` gives the items of a year's plan the day they are to be held (after the
official holidays are skipped), the time and the place; ``calendar`` exports them and ``due``
watches them. Ledger categories need no column (``rectifications.category`` is there since
0002): a category typed before the vocabulary existed, spelt as one of its Chinese labels,
is turned into the vocabulary's value. New columns only, all nullable: existing records read as
before.

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-10 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: The shipped categories' Chinese labels and the values the vocabulary stores.
CATEGORIES = {
    "理论学习": "theory-study",
    "学用结合": "applying-study",
    "制度执行": "rules-in-practice",
    "作风建设": "conduct",
}


def upgrade() -> None:
    with op.batch_alter_table("plan_items") as batch_op:
        batch_op.add_column(sa.Column("planned_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("planned_time", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("place", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("host_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_plan_items_host_id_members", "members", ["host_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index("ix_plan_items_planned_on", ["planned_on"])
    rectifications = sa.table("rectifications", sa.column("category", sa.String))
    for label, value in CATEGORIES.items():
        op.execute(
            rectifications.update()
            .where(rectifications.c.category == label)
            .values(category=value)
        )


def downgrade() -> None:
    rectifications = sa.table("rectifications", sa.column("category", sa.String))
    for label, value in CATEGORIES.items():
        op.execute(
            rectifications.update()
            .where(rectifications.c.category == value)
            .values(category=label)
        )
    with op.batch_alter_table("plan_items") as batch_op:
        batch_op.drop_index("ix_plan_items_planned_on")
        batch_op.drop_constraint("fk_plan_items_host_id_members", type_="foreignkey")
        batch_op.drop_column("host_id")
        batch_op.drop_column("place")
        batch_op.drop_column("planned_time")
        batch_op.drop_column("planned_on")

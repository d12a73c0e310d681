"""choice checks spelt with OR

Each column that holds one of a fixed set of values is checked with equalities joined by OR
instead of ``IN (…)``: SQLite builds a lookup table for an IN list every time a statement
runs, which made a roll line's insert twice as slow. The values allowed are unchanged. On
SQLite each table is copied (batch mode); on PostgreSQL the constraints are replaced.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 10:20:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (table, column, constraint name, values), as they stand at this revision.
CHOICES = [
    ("members", "role", "ck_members_role", ("leader", "deputy", "member", "secretary", "observer")),
    ("sessions", "kind", "ck_sessions_kind", ("study", "topic")),
    ("sessions", "format", "ck_sessions_format", ("in-person", "online", "field")),
    ("attendance", "status", "ck_attendance_status", ("present", "late", "leave", "absent")),
    ("makeups", "method", "ck_makeups_method", ("self-study", "notes", "online", "briefing")),
    ("speeches", "kind", "ck_speeches_speech_kind", ("key", "written", "exchange")),
    ("plan_items", "kind", "ck_plan_items_kind", ("study", "topic")),
]


def _replace_checks(spell: str) -> None:
    for table in dict.fromkeys(table for table, *_ in CHOICES):
        with op.batch_alter_table(table) as batch_op:
            for name_of_table, column, name, values in CHOICES:
                if name_of_table != table:
                    continue
                batch_op.drop_constraint(op.f(name), type_="check")
                if spell == "or":
                    condition = " OR ".join(f"{column} = '{value}'" for value in values)
                else:
                    condition = f"{column} IN ({', '.join(repr(value) for value in values)})"
                batch_op.create_check_constraint(op.f(name), condition)


def upgrade() -> None:
    _replace_checks("or")


def downgrade() -> None:
    _replace_checks("in")

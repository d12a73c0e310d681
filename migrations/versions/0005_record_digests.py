"""record digests: the log vouches for the records

From this revision on, every audit entry holds a digest of each row it wrote and the state of
its group's records after it (:mod:`studylog.store.digests`), so ``log --verify`` tells when the
records were changed behind studylog's back. A database upgraded to it is sealed: each
group's log gets one entry vouching for its records as the upgrade found them. No table
changes; a downgrade leaves the seal entries (they are history).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 09:00:00
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from studylog.store.seal import seal

    seal(op.get_bind(), revision=revision)


def downgrade() -> None:
    pass

"""The hash chain of each org's audit log: appending an entry, and checking the chain holds.

An entry's hash covers its fields and the previous entry's hash; the org's ``log_head`` holds
the latest. :func:`verify` recomputes the chain, so an entry edited, inserted or removed with
another tool shows. Anyone able to recompute every hash could still rewrite the whole chain:
the head hash ``log --verify`` prints is worth noting down (in the year-end file, say).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from studylog.store.models import AuditEntry, Org
from studylog.store.tables import audit_log, orgs

_GENESIS = "0" * 64


def _digest(
    *,
    org_id: int,
    seq: int,
    at: datetime,
    user: str,
    command: str,
    changes: str,
    undoes: int | None,
    prev_hash: str,
) -> str:
    fields = [org_id, seq, at.isoformat(), user, command, changes, undoes, prev_hash]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def lock(session: Session, org_id: int) -> str | None:
    """Lock the org's row and return its chain's head: one writer at a time extends a chain
    (on PostgreSQL; SQLite's write lock is already held). FOR NO KEY UPDATE, so as not to
    wait on the key-share locks a writer's own inserts take on the org row (a deadlock)."""
    query = select(Org.log_head).where(Org.id == org_id).with_for_update(key_share=True)
    return session.execute(query).scalar_one()


def head_entry(session: Session | Connection, org_id: int, head: str) -> str | None:
    """The changes (JSON) of the org's entry whose hash is ``head``."""
    query = select(audit_log.c.changes).where(
        audit_log.c.org_id == org_id, audit_log.c.hash == head
    )
    found: str | None = session.execute(query.limit(1)).scalar()
    return found


def append(
    session: Session | Connection,
    *,
    org_id: int,
    head: str | None,
    user: str,
    command: str,
    changes: str,
    undoes: int | None,
) -> None:
    """Add the org's next entry after ``head`` (as :func:`lock` returned it) and make it the
    head."""
    last_seq = session.scalar(select(func.max(audit_log.c.seq)).where(audit_log.c.org_id == org_id))
    entry: dict[str, Any] = {
        "org_id": org_id,
        "seq": (last_seq or 0) + 1,
        "at": datetime.now(UTC).replace(tzinfo=None),
        "user": user,
        "command": command,
        "changes": changes,
        "undoes": undoes,
        "prev_hash": head or _GENESIS,
    }
    entry["hash"] = _digest(**entry)
    session.execute(insert(audit_log), [entry])
    session.execute(update(orgs).where(orgs.c.id == org_id).values(log_head=entry["hash"]))


@dataclass(frozen=True)
class Verdict:
    entries: int
    head: str | None
    broken_at: int | None = None  # seq of the first entry that does not hold
    why: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def _entries(session: Session, org_id: int) -> Iterator[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.org_id == org_id).order_by(AuditEntry.seq)
    yield from session.scalars(query.execution_options(yield_per=1000))


def verify(*, session: Session, org: Org) -> Verdict:
    """Recompute the org's chain: every entry's hash, the links between them, the head."""
    head = session.scalar(select(Org.log_head).where(Org.id == org.id))
    previous, count = _GENESIS, 0
    for entry in _entries(session, org.id):
        count += 1
        if entry.seq != count:
            return Verdict(count - 1, head, broken_at=count, why="missing")
        if entry.prev_hash != previous:
            return Verdict(count - 1, head, broken_at=entry.seq, why="link")
        recomputed = _digest(
            org_id=entry.org_id,
            seq=entry.seq,
            at=entry.at,
            user=entry.user,
            command=entry.command,
            changes=entry.changes,
            undoes=entry.undoes,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            return Verdict(count - 1, head, broken_at=entry.seq, why="edited")
        previous = entry.hash
    if (head or _GENESIS) != previous:
        return Verdict(count, head, broken_at=count + 1, why="head")
    return Verdict(count, head)


#: The shortest hash prefix ``--expect`` takes (48 bits: no accidental match).
SHORTEST_PREFIX = 12


def descends_from(*, session: Session, org: Org, expected: str) -> bool:
    """Whether the org's chain holds an entry whose hash is ``expected`` (or starts with it,
    12 hex digits at least): on a chain that verifies, the head is that entry or descends
    from it."""
    expected = expected.strip().lower()
    if len(expected) < SHORTEST_PREFIX or any(c not in "0123456789abcdef" for c in expected):
        return False
    query = select(AuditEntry.hash).where(
        AuditEntry.org_id == org.id, AuditEntry.hash.startswith(expected, autoescape=True)
    )
    return session.execute(query.limit(1)).first() is not None

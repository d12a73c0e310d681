"""The audit chain's hashes can be recomputed by anyone with the documented recipe: SHA-256
of the compact JSON array [org_id, seq, at, user, command, changes, undoes, prev_hash], the
first entry after 64 zeros. A head noted down (``log --verify`` prints it) is checked with
another tool this way, so the recipe is a promise (a survivor of bench/mutation.py)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from sqlalchemy import select

from tests.conftest import Database
from tests.test_refusals import group

__all__ = ["group"]  # the fixture, used by name

Ok = Callable[..., str]


def test_every_hash_follows_the_documented_recipe(group: Database, ok: Ok) -> None:
    from studylog.store.tables import audit_log

    with group.connect() as connection:
        rows = list(connection.execute(select(audit_log).order_by(audit_log.c.seq)))
    assert len(rows) == 7  # init, three members, a session, a roll, a speech
    previous = "0" * 64
    for row in rows:
        assert row.prev_hash == previous
        fields = [row.org_id, row.seq, row.at.isoformat(), row.user, row.command, row.changes,
                  row.undoes, row.prev_hash]  # fmt: skip
        text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        assert row.hash == hashlib.sha256(text.encode("utf-8")).hexdigest(), row.seq
        previous = row.hash
    assert f"Audit log intact: 7 entries; latest hash {previous}" in ok("log", "--verify")

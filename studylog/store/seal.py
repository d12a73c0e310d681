"""Sealing the records as they stand: one audit entry per org vouching for every row.

A database whose log was written before entries held record digests (revision 0005 adds
them) is sealed once on upgrade: each org's log gets one entry holding, per table, how many
rows there are and a digest of them in key order, and the state the next entries build on.
``log`` shows it as such. What changed behind studylog's back *before* the seal cannot be told
from it: the seal vouches for the records as the upgrade found them.

A later revision that changes what a recorded row holds (a column with a non-NULL default,
say) seals again the same way, so the digests stay those of the rows as they are.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from studylog.store.audit import command_line, os_user
from studylog.store.chain import append
from studylog.store.digests import added_in_bulk, dumped, last_ids, state_of
from studylog.store.tables import orgs


def seal(connection: Connection, *, revision: str) -> int:
    """Append a seal entry to every org's log; return how many orgs were sealed."""
    found = connection.execute(select(orgs.c.id, orgs.c.log_head).order_by(orgs.c.id)).all()
    for org_id, head in found:
        through = last_ids(connection, org_id, reflect=True)
        counts, digests, _delta = added_in_bulk(connection, org_id, {}, through, reflect=True)
        state = state_of(connection, org_id, reflect=True).get(org_id, {})
        body = {
            "rows": [],
            "sessions": [],
            "sealed": {
                "revision": revision,
                "after_ids": {},
                "through_ids": through,
                "counts": counts,
                "digests": digests,
            },
            "state": dumped(state),
        }
        append(
            connection,
            org_id=org_id,
            head=head,
            user=os_user(),
            command=command_line(),
            changes=json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
            undoes=None,
        )
    return len(found)

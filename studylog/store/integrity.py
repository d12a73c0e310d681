"""Do the records match the log? The check behind ``log --verify``, ``db check`` and ``undo``.

First the cheap comparison (:mod:`studylog.store.digests`): the state of the org's rows as
they stand, one pass per table, against the state the head entry vouches for. Only when a
table differs is the log replayed, entry by entry, to name each row that is not what the
latest entry touching it says: a field changed, a row removed, a row no entry wrote. A row an
import or the seal added and nothing touched since is vouched for by that entry's digest over
all the rows it added: a change to one of them names the entry and the table, not the row
(the entry holds no values: the imported file has them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from studylog.store.chain import head_entry
from studylog.store.digests import (
    Key,
    State,
    bulk_digest,
    id_range_column,
    loaded,
    range_table,
    recorded_tables,
    rows_of,
    same,
    state_of,
)
from studylog.store.tables import audit_log, orgs

#: What names a row of each table to a person, beside the rows it belongs to.
LABELS = {
    "orgs": ("name",),
    "members": ("name",),
    "sessions": ("date", "title"),
    "session_tags": ("tag",),
    "session_forms": ("form",),
    "session_extended": ("label",),
    "session_visitors": ("body", "name"),
    "plan_items": ("year", "month", "title"),
    "speeches": ("kind",),
    "makeups": ("date",),
    "rectifications": ("problem",),
    "rectify_progress": ("on",),
    "session_materials": ("name",),
    "material_blobs": ("sha256",),
    "member_outputs": ("date", "kind", "title"),
    "self_study": ("date", "title"),
    "agenda_items": ("date", "meeting", "title"),
}


@dataclass(frozen=True)
class Difference:
    """One way the records differ from the log.

    ``kind``: ``differs`` (``field`` holds ``logged``, the records ``stored``), ``unlogged``
    (a row no entry wrote), ``missing`` (a row entry ``seq`` wrote is gone), ``unremoved`` (a
    row entry ``seq`` removed is there), ``bulk_missing`` (rows an import or the seal added
    are gone: ``logged`` of them, ``stored`` there), ``bulk_changed`` (one was changed).
    """

    table: str
    record: str
    kind: str
    seq: int | None  # the entry that vouches for the row
    field: str | None = None
    logged: Any = None
    stored: Any = None


@dataclass
class Verdict:
    sealed: bool  # the head entry holds a state: the log vouches for the records
    tables: list[str] = field(default_factory=list)  # tables whose rows differ
    differences: list[Difference] = field(default_factory=list)
    rows: int = 0  # rows compared
    counted: int = 0  # tables holding them

    @property
    def ok(self) -> bool:
        return self.sealed and not self.tables


def logged_state(connection: Connection, org_id: int) -> State | None:
    """The state the org's head entry vouches for; None when it holds none."""
    head = connection.execute(select(orgs.c.log_head).where(orgs.c.id == org_id)).scalar()
    if head is None:
        return {}
    changes = head_entry(connection, org_id, head)
    held = None if changes is None else json.loads(changes).get("state")
    return None if held is None else loaded(held)


def records_match(connection: Connection, org_id: int) -> bool:
    """Whether the org's rows are what its log says (the quick comparison only)."""
    logged = logged_state(connection, org_id)
    return logged is not None and not same(logged, state_of(connection, org_id).get(org_id, {}))


def check(connection: Connection, org_id: int) -> Verdict:
    """Compare the org's records with its log, naming the rows that differ."""
    logged = logged_state(connection, org_id)
    if logged is None:
        return Verdict(sealed=False)
    stored = state_of(connection, org_id).get(org_id, {})
    rows = sum(count for count, _total in stored.values())
    counted = sum(1 for count, _total in stored.values() if count)
    tables = same(logged, stored)
    found = list(_replay(connection, org_id)) if tables else []
    return Verdict(True, tables, found, rows, counted)


# --- the drill-down ----------------------------------------------------------------------


@dataclass
class _Bulk:
    """Rows an import (or the seal) added: ids past ``after`` up to ``through``."""

    seq: int
    after: dict[str, int]
    through: dict[str, int]
    counts: dict[str, int]
    digests: dict[str, str]
    checked: bool = True  # False: an undo took out an import this one covered too


@dataclass
class _Log:
    # (table, key) → [(seq, before, after)], oldest first
    changes: dict[tuple[str, Key], list[tuple[int, Any, Any]]] = field(default_factory=dict)
    bulks: list[_Bulk] = field(default_factory=list)


def _read_log(connection: Connection, org_id: int) -> _Log:
    log = _Log()
    tables = {table.name: table for table in recorded_tables()}
    query = (
        select(audit_log.c.seq, audit_log.c.changes)
        .where(audit_log.c.org_id == org_id)
        .order_by(audit_log.c.seq)
    )
    for seq, changes in connection.execute(query.execution_options(yield_per=500)):
        body = json.loads(changes)
        for row in body.get("rows", []):
            table = tables.get(row["table"])
            if table is None:
                continue
            key = tuple(row["key"][column.name] for column in table.primary_key.columns)
            log.changes.setdefault((table.name, key), []).append((seq, row["before"], row["after"]))
        for part in body.get("imported", []) + ([body["sealed"]] if "sealed" in body else []):
            if "through_ids" not in part:
                continue  # an import logged before digests: the seal after it covers it
            log.bulks.append(
                _Bulk(seq, part["after_ids"], part["through_ids"], part["counts"], part["digests"])
            )
        for part in body.get("removed", []):
            log.bulks = [bulk for bulk in log.bulks if bulk.after != part["after_ids"]]
            for bulk in log.bulks:  # the seal of rows the undo took out vouches for less
                bulk.checked = False
    return log


def _in_bulk(table: Table, key: dict[str, Any], bulk: _Bulk) -> bool:
    column = id_range_column(table, bulk.through)
    if column is None:
        return False
    name = range_table(column)
    value = key.get(column.name)
    return isinstance(value, int) and bulk.after.get(name, 0) < value <= bulk.through[name]


def _replay(connection: Connection, org_id: int) -> Iterator[Difference]:
    live = {
        table.name: {
            _key(table, image): image for _org, image in rows_of(connection, table, org_id)
        }
        for table in recorded_tables()
    }
    log = _read_log(connection, org_id)
    namer = _Namer(live, log)
    for table in recorded_tables():
        yield from _table_differences(table, live[table.name], log, namer)


def _key(table: Table, image: dict[str, Any]) -> Key:
    return tuple(image[column.name] for column in table.primary_key.columns)


def _table_differences(
    table: Table, rows: dict[Key, dict[str, Any]], log: _Log, namer: _Namer
) -> Iterator[Difference]:
    names = [column.name for column in table.primary_key.columns]
    keys = set(rows) | {key for (name, key) in log.changes if name == table.name}
    # Per bulk entry: the rows it added, as it added them.
    added: dict[int, dict[Key, dict[str, Any] | None]] = {}
    for key in sorted(keys, key=lambda k: tuple((v is None, v) for v in k)):
        changes = log.changes.get((table.name, key), [])
        last_bulk = None
        for bulk in log.bulks:
            if not _in_bulk(table, dict(zip(names, key, strict=True)), bulk):
                continue
            later = [change for change in changes if change[0] > bulk.seq]
            if later and later[0][1] is None:
                continue  # written afresh after it: not one of its rows
            added.setdefault(bulk.seq, {})[key] = later[0][1] if later else rows.get(key)
            last_bulk = bulk.seq
        stored = rows.get(key)
        latest = changes[-1] if changes else None
        if latest is not None and (last_bulk is None or latest[0] > last_bulk):
            yield from _compare(table, namer, latest[0], latest[2], stored)
        elif last_bulk is None and stored is not None:
            yield Difference(table.name, namer.name(table.name, stored), "unlogged", None)
    for bulk in log.bulks:
        if not bulk.checked or (table.name not in bulk.counts and not added.get(bulk.seq)):
            continue
        images = added.get(bulk.seq, {})
        present = [image for image in images.values() if image is not None]
        count = bulk.counts.get(table.name, 0)
        if len(present) == count and bulk_digest(table, present) == bulk.digests.get(table.name):
            continue
        if len(present) != count:
            yield Difference(
                table.name, "", "bulk_missing", bulk.seq, logged=count, stored=len(present)
            )
        else:
            yield Difference(table.name, "", "bulk_changed", bulk.seq)


def _compare(
    table: Table,
    namer: _Namer,
    seq: int,
    logged: dict[str, Any] | None,
    stored: dict[str, Any] | None,
) -> Iterator[Difference]:
    if logged is None and stored is None:
        return
    if logged is None:
        assert stored is not None
        yield Difference(table.name, namer.name(table.name, stored), "unremoved", seq)
        return
    if stored is None:
        yield Difference(table.name, namer.name(table.name, logged), "missing", seq)
        return
    record = namer.name(table.name, stored)
    for column in table.columns:
        was, now = logged.get(column.name), stored.get(column.name)
        if was != now:
            yield Difference(table.name, record, "differs", seq, column.name, was, now)


class _Namer:
    """A row named as a person names it: a session by its date and title, a roll line by
    its session and member, from the rows as they stand or, for one removed, the log."""

    def __init__(self, live: dict[str, dict[Key, dict[str, Any]]], log: _Log) -> None:
        self.live = live
        self.log = log
        self.tables = {table.name: table for table in recorded_tables()}

    def _image(self, table: str, key: Key) -> dict[str, Any] | None:
        image = self.live.get(table, {}).get(key)
        if image is None:
            for _seq, before, after in reversed(self.log.changes.get((table, key), [])):
                found: dict[str, Any] | None = after or before
                if found is not None:
                    return found
        return image

    def name(self, table: str, image: dict[str, Any]) -> str:
        parts = []
        for column in self.tables[table].columns:
            for key in column.foreign_keys:
                parent = key.column.table.name
                if parent == "orgs" or column.nullable or image.get(column.name) is None:
                    continue  # a session is named by itself, not by its host
                found = self._image(parent, (image[column.name],))
                parts.append(
                    self.name(parent, found) if found else f"{parent} #{image[column.name]}"
                )
        own = [str(image[name]) for name in LABELS.get(table, ()) if image.get(name) is not None]
        if table in LABELS and own:
            parts.append(" ".join(own)[:60])
        elif not parts:
            parts.append("#" + "/".join(str(image[c.name]) for c in self.tables[table].primary_key))
        return " · ".join(parts)

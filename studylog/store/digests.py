"""Digests of the records: what lets ``log --verify`` tell that the rows are what the log says.

A row's digest is the SHA-256 of a canonical serialisation: its table and its values as the log
records them (:func:`studylog.store.audit.row_image`), as compact JSON with sorted keys, NULL
columns left out (so a nullable column added by a later schema leaves every digest as it was).

Each org's records are summed up per table as a *state*: how many rows, and the sum of their
digests modulo 2**256. Sums can be updated one row at a time: each audit entry holds the state
of its org's records after it (the previous entry's, plus the rows it wrote, minus the rows it
replaced or removed), so checking that the records match the log is one pass over the org's
rows against the head entry's state; only when a table's sum differs does
:mod:`studylog.store.integrity` replay the log to name the rows.

The recorded tables are every table of the schema but the audit log itself: a table a later
revision adds is covered without a word here, as long as it reaches its org through
``org_id`` or a NOT NULL foreign key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Connection, ForeignKey, Select, Table, select

from studylog.store.tables import metadata

MODULUS = 2**256
State = dict[str, tuple[int, int]]  # table → (rows, sum of their digests mod 2**256)
Key = tuple[Any, ...]
#: Tables that hold no records: the log itself.
UNRECORDED_TABLES = frozenset({"audit_log"})
#: Bookkeeping columns that are not records: the chain's own head.
UNRECORDED_COLUMNS = {("orgs", "log_head")}


def log_head(connection: Connection, org_id: int) -> str | None:
    """The hash of the org's latest audit entry: the state a report was made from (here, not
    in :mod:`studylog.store.chain`, so the figures' path never imports the ORM)."""
    from studylog.store.tables import orgs

    found: str | None = connection.execute(
        select(orgs.c.log_head).where(orgs.c.id == org_id)
    ).scalar()
    return found


def recorded_tables() -> list[Table]:
    """Every table of the schema whose rows the log vouches for, parents first."""
    return [table for table in metadata.sorted_tables if table.name not in UNRECORDED_TABLES]


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        # A material's content: the log holds its SHA-256, never the bytes, and the digest
        # still changes with every byte.
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return value


def row_image(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """A row as the log records it: plain JSON values, the chain's own bookkeeping left out
    (a column ``values`` lacks, one a later revision adds, as NULL)."""
    return {
        column.name: _plain(values.get(column.name))
        for column in table.columns
        if (table.name, column.name) not in UNRECORDED_COLUMNS
    }


_COMPACT = (",", ":")


def canonical(table: str, image: dict[str, Any]) -> bytes:
    values = {name: value for name, value in image.items() if value is not None}
    text = json.dumps([table, values], ensure_ascii=False, sort_keys=True, separators=_COMPACT)
    return text.encode("utf-8")


def row_digest(table: str, image: dict[str, Any]) -> str:
    """The digest of one row image (hex)."""
    return hashlib.sha256(canonical(table, image)).hexdigest()


def key_of(table: Table, image: dict[str, Any]) -> Key:
    return tuple(image[column.name] for column in table.primary_key.columns)


# --- states ----------------------------------------------------------------------------------


def empty() -> State:
    return {}


def shift(state: State, table: str, digest: str, sign: int) -> None:
    """Add (sign 1) or take out (sign -1) one row's digest."""
    count, total = state.get(table, (0, 0))
    state[table] = (count + sign, (total + sign * int(digest, 16)) % MODULUS)


def merge(state: State, delta: State, sign: int = 1) -> None:
    for table, (count, total) in delta.items():
        was_count, was_total = state.get(table, (0, 0))
        state[table] = (was_count + sign * count, (was_total + sign * total) % MODULUS)


def dumped(state: State) -> dict[str, list[Any]]:
    """A state as an entry holds it: tables in order, empty ones left out."""
    return {
        table: [count, f"{total:064x}"]
        for table, (count, total) in sorted(state.items())
        if count or total
    }


def loaded(held: dict[str, list[Any]]) -> State:
    return {table: (int(count), int(total, 16)) for table, (count, total) in held.items()}


def same(one: State, other: State) -> list[str]:
    """The tables whose rows differ between two states."""
    tables = set(one) | set(other)
    return sorted(t for t in tables if one.get(t, (0, 0)) != other.get(t, (0, 0)))


# --- which org a row belongs to --------------------------------------------------------------


@cache
def owner_path(table: Table) -> tuple[ForeignKey, ...]:
    """The foreign keys leading from ``table`` up to a table that names its org."""
    if table.name == "orgs" or "org_id" in table.c:
        return ()
    for column in table.c:
        for key in column.foreign_keys:
            if not column.nullable:
                return (key, *owner_path(key.column.table))
    raise AssertionError(f"{table.name}: no way to tell its org")  # a new table: give it one


def owned(
    table: Table, columns: list[Any], org_id: int | None, *, ordered: bool = True
) -> Select[Any]:
    """``columns`` of ``table``'s rows with their org id last, of org ``org_id`` (every org
    when None), in key order (``ordered``) or as the database finds them."""
    joined: Any = table
    top = table
    for key in owner_path(table):
        parent = key.column.table
        joined = joined.join(parent, key.parent == key.column)
        top = parent
    org = top.c.id if top.name == "orgs" else top.c.org_id
    query = select(*columns, org.label("studylog_org")).select_from(joined)
    if org_id is not None:
        query = query.where(org == org_id)
    return query.order_by(*table.primary_key.columns) if ordered else query


def rows_of(
    connection: Connection,
    table: Table,
    org_id: int | None,
    *,
    where: Any = None,
    reflect: bool = False,
    ordered: bool = True,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(org id, row image) of each row of ``table`` (of org ``org_id``), in key order unless
    not ``ordered`` (a sum does not need it, and sorting costs the database a pass).

    ``reflect``: only the columns the database has (a migration, run before later revisions
    add theirs); a table it lacks has no rows."""
    columns = list(table.c)
    if reflect:
        present = present_columns(connection, table.name)
        columns = [column for column in columns if column.name in present]
        if not columns:
            return
    query = owned(table, columns, org_id, ordered=ordered)
    if where is not None:
        query = query.where(where)
    names = [column.name for column in columns]
    # Per statement: Connection.execution_options() would change the connection itself.
    result = connection.execute(query.execution_options(yield_per=2000))
    for row in result:
        values = dict(zip(names, row, strict=False))
        yield row[-1], row_image(table, values)


def present_columns(connection: Connection, table: str) -> set[str]:
    """The table's columns as the database has them (none: no such table)."""
    from sqlalchemy import inspect

    inspector = inspect(connection)
    if not inspector.has_table(table):
        return set()
    return {column["name"] for column in inspector.get_columns(table)}


def state_of(
    connection: Connection, org_id: int | None, *, reflect: bool = False
) -> dict[int, State]:
    """Every org's state (or org ``org_id``'s), as its rows stand: one pass per table, in no
    particular order, the sums kept as integers until the end (the same state
    :func:`shift` row by row would give)."""
    sums: dict[int, dict[str, list[int]]] = {}
    for table in recorded_tables():
        name = table.name
        columns = list(table.c)
        if reflect:
            present = present_columns(connection, name)
            columns = [column for column in columns if column.name in present]
            if not columns:
                continue
        # canonical(name, row_image(…)) without the two dicts between: the same bytes.
        kept = [
            (index, column.name)
            for index, column in enumerate(columns)
            if (name, column.name) not in UNRECORDED_COLUMNS
        ]
        query = owned(table, columns, org_id, ordered=False)
        for row in connection.execute(query.execution_options(yield_per=2000)):
            values = {
                column: _plain(row[index]) for index, column in kept if row[index] is not None
            }
            text = json.dumps(
                [name, values], ensure_ascii=False, sort_keys=True, separators=_COMPACT
            )
            counted = sums.setdefault(row[-1], {}).setdefault(name, [0, 0])
            counted[0] += 1
            counted[1] += int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big")
    return {
        org: {name: (count, total % MODULUS) for name, (count, total) in tables.items()}
        for org, tables in sums.items()
    }


# --- rows added in bulk: an import, or the seal of the records as they stood ----------------


def id_range_column(table: Table, ranges: dict[str, Any]) -> Any:
    """The column whose value places a row of ``table`` in an id range of ``ranges`` (its
    own id, or for a row keyed on its parent, the parent's id), or None."""
    if "id" in table.c and table.c.id.primary_key:
        return table.c.id if table.name in ranges else None
    for column in table.primary_key.columns:
        for key in column.foreign_keys:
            if key.column.table.name in ranges:
                return column
    return None


def range_table(column: Any) -> str:
    """The table whose ids ``column`` (an :func:`id_range_column`) holds."""
    if column.name == "id":
        return str(column.table.name)
    (key,) = column.foreign_keys
    return str(key.column.table.name)


def added_in_bulk(
    connection: Connection,
    org_id: int,
    after: dict[str, int],
    through: dict[str, int],
    *,
    reflect: bool = False,
) -> tuple[dict[str, int], dict[str, str], State]:
    """The rows of org ``org_id`` with ids past ``after`` and up to ``through`` (per table, or
    through a parent's id): their counts, their digest per table in key order, and the state
    they add up to."""
    counts: dict[str, int] = {}
    digests: dict[str, str] = {}
    delta: State = {}
    for table in recorded_tables():
        column = id_range_column(table, through)
        if column is None:
            continue
        name = range_table(column)
        where = (column > after.get(name, 0)) & (column <= through[name])
        found = rows_of(connection, table, org_id, where=where, reflect=reflect)
        rows = [image for _org, image in found]
        if not rows:
            continue
        counts[table.name] = len(rows)
        digests[table.name] = bulk_digest(table, rows)
        for image in rows:
            shift(delta, table.name, row_digest(table.name, image), 1)
    return counts, digests, delta


def bulk_digest(table: Table, rows: list[dict[str, Any]]) -> str:
    """The digest of rows in key order (as Python orders the keys, the same on every
    database): a chain of their canonical forms."""
    digest = hashlib.sha256()
    for image in sorted(rows, key=lambda image: _sortable(key_of(table, image))):
        digest.update(canonical(table.name, image))
        digest.update(b"\n")
    return digest.hexdigest()


def _sortable(key: Key) -> tuple[Any, ...]:
    return tuple((value is None, value) for value in key)


def last_ids(
    connection: Connection, org_id: int | None = None, *, reflect: bool = False
) -> dict[str, int]:
    """The highest id of each recorded table with ids (of org ``org_id``'s rows, when given),
    in one statement."""
    from sqlalchemy import func

    tables = [t for t in recorded_tables() if "id" in t.c and t.c.id.primary_key]
    if reflect:
        tables = [t for t in tables if "id" in present_columns(connection, t.name)]
    parts = []
    for table in tables:
        ids = owned(table, [table.c.id], org_id).order_by(None).subquery()
        parts.append(select(func.coalesce(func.max(ids.c.id), 0)).scalar_subquery())
    found = connection.execute(select(*parts)).one()
    return {table.name: int(value) for table, value in zip(tables, found, strict=True)}

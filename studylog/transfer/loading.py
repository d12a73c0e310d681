"""Where an import's checked rows go: inserted in batches inside the caller's transaction.

Inserts are Core executemany batches on the tables (COPY on PostgreSQL through psycopg): the
ORM's bulk path would add per-row work an import does not need. New members and sessions get
their ids before they are inserted (:meth:`Loader.new_ids`), so no insert has to return them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import Table, insert, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from studylog.store.models import Attendance
from studylog.store.tables import utcnow
from studylog.transfer.columns import IMPORTED
from studylog.transfer.sheets import Sheet


class Meter(Protocol):
    """Where import reports its progress: a bar on a terminal, or nothing."""

    def start(self, label: str, total: int | None) -> None: ...

    def update(self, done: int) -> None: ...


class Silent:
    def start(self, label: str, total: int | None) -> None:
        pass

    def update(self, done: int) -> None:
        pass


def stored_value(value: Any) -> Any:
    """A value as a column stores it: an enum member as its value."""
    return value.value if isinstance(value, StrEnum) else value


def chunks(values: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def core_table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


class Loader:
    """The rows an import adds: inserted, counted, and the progress shown."""

    def __init__(self, session: Session, meter: Meter, last_ids: dict[str, int]) -> None:
        self.session, self.meter = session, meter
        self.last_ids = dict(last_ids)  # the largest id of each table so far
        self.created = utcnow()  # when the members and sessions it adds were recorded
        self.counts = dict.fromkeys(IMPORTED, 0)
        self.members_known = 0  # member rows matched to members already in the group

    def insert(self, model: type[Any], rows: list[Any], sheet: Sheet) -> None:
        """Insert ``rows`` (dictionaries; plain tuples for roll lines) and empty the list."""
        if rows:
            if model is Attendance:
                self._insert_lines(rows)
            else:
                self.session.execute(insert(core_table(model)), rows)
            self.counts[model.__table__.name] += len(rows)
            rows.clear()
        self.meter.update(sheet.position())

    def _insert_lines(self, lines: list[tuple[int, int, str, str | None, str | None]]) -> None:
        """Roll lines, the bulk of a large import, handed to the driver as plain tuples
        (session id, member id, status value, reason, approver): SQLAlchemy's per-row parameter
        processing would cost as much as the inserts themselves. The values are already
        checked and of the stored types. On PostgreSQL they go in by COPY; on SQLite by
        executemany."""
        columns = ("session_id", "member_id", "status", "reason", "approver")
        if self._copied("attendance", columns, lines):
            return
        connection = self.session.connection()
        quote = connection.dialect.identifier_preparer.quote
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        connection.exec_driver_sql(
            f"INSERT INTO {quote('attendance')} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})",
            lines,
        )

    def insert_new(self, model: type[Any], rows: list[dict[str, Any]]) -> Sequence[int]:
        """Insert ``rows`` with ids of their own (set in each row); those ids, in order.
        Every row names the same columns, with values of their Python types."""
        table = core_table(model)
        ids = self.new_ids(table, len(rows))
        for row, new_id in zip(rows, ids, strict=True):
            row["id"] = new_id
        if not rows:
            return ids
        columns = list(rows[0])
        stored = ([stored_value(value) for value in row.values()] for row in rows)
        if not self._copied(table.name, columns, stored):
            self._executemany(table, columns, rows)
        return ids

    def _executemany(self, table: Table, columns: list[str], rows: list[dict[str, Any]]) -> None:
        """Insert ``rows`` (dictionaries naming ``columns``) as plain tuples, each value put
        through its column type's bind processor: what SQLAlchemy's executemany hands the
        driver, without its per-row parameter work (≈ 1 s of 72,000 sessions)."""
        connection = self.session.connection()
        dialect = connection.dialect
        processors = [
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns
        ]
        quote = dialect.identifier_preparer.quote
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        values = [
            tuple(
                value if process is None else process(value)
                for value, process in zip(row.values(), processors, strict=True)
            )
            for row in rows
        ]
        connection.exec_driver_sql(
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})",
            values,
        )

    def _copied(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bool:
        """COPY ``rows`` into ``table`` when the database is PostgreSQL through psycopg, and
        say whether it did. psycopg runs an executemany as one statement per row; COPY is
        several times faster. The values are checked and of their Python types already."""
        connection = self.session.connection()
        if connection.dialect.driver != "psycopg":
            return False
        driver, dbapi = connection.connection.driver_connection, connection.dialect.dbapi
        assert driver is not None and dbapi is not None
        quote = connection.dialect.identifier_preparer.quote
        statement = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
        try:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        except dbapi.Error as error:  # as SQLAlchemy reports any other statement's error
            raise DBAPIError.instance(statement, None, error, dbapi.Error) from error
        return True

    def new_ids(self, table: Table, count: int) -> Sequence[int]:
        """Ids for ``count`` new rows of ``table``, ascending, taken before the insert.

        An INSERT … RETURNING of many rows is slow on both databases: SQLAlchemy runs it a
        row at a time on SQLite to keep the ids in order, and psycopg converts each
        many-row statement afresh. On PostgreSQL the ids are drawn from the table's
        sequence; on SQLite they follow the table's largest id, as SQLite itself numbers a
        new row, which is safe because the import holds the write lock from its first
        statement to its commit.
        """
        if count == 0:
            return []
        dialect = self.session.get_bind().dialect.name
        if dialect == "postgresql":
            draw = text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            )
            return sorted(self.session.scalars(draw, {"table": table.name, "n": count}))
        assert dialect == "sqlite", dialect  # only its write lock makes the numbering safe
        first = self.last_ids[table.name] + 1
        self.last_ids[table.name] += count
        return range(first, first + count)

"""Records named as a person names them, for the audit log read in the user's language: a
roll line by its member and session (张三（2024-03-05 学习贯彻…）), a session by its date and
title, a field's value by what it means (a status as its label, a host by their name).

The names come from the rows as they stand now, looked up once each; a row no longer there
is named from the change's own image, or by its key.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum as PythonEnum
from typing import Any

from sqlalchemy import Connection, Enum, Table, select

from studylog.store.digests import recorded_tables

#: Columns that name a row of each table, in the order a person says them.
OWN = {
    "orgs": ("name",),
    "members": ("name",),
    "sessions": ("date", "title"),
    "session_tags": ("tag",),
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
#: Long text is cut to this many characters, then "…".
LONGEST = 12
#: Columns no person reads in a change: keys and bookkeeping.
UNSHOWN = {"id", "org_id", "created_at"}


@dataclass(frozen=True)
class Name:
    """``head``: who or what (张三, or a session); ``context``: where (its session, …)."""

    head: str
    context: tuple[str, ...]


@dataclass(frozen=True)
class Field:
    column: str
    before: Any  # a StrEnum for an enum column, a record's name for a reference
    after: Any


class Namer:
    """Names rows and values of the recorded tables, reading each referenced row once."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.tables: dict[str, Table] = {table.name: table for table in recorded_tables()}
        self._rows: dict[tuple[str, Any], dict[str, Any] | None] = {}

    def name(self, table: str, image: dict[str, Any]) -> Name:
        parts = self._parts(table, image)
        people = [text for person, text in parts if person]
        others = [text for person, text in parts if not person]
        if people:
            return Name(people[0], tuple(people[1:] + others))
        if not others:
            keys = self.tables[table].primary_key.columns
            return Name("#" + "/".join(str(image.get(column.name)) for column in keys), ())
        return Name(others[0], tuple(others[1:]))

    def fields(self, table: str, before: dict[str, Any], after: dict[str, Any]) -> list[Field]:
        """The columns a change altered, each value as it means (a label, a name)."""
        columns = self.tables[table].columns
        return [
            Field(name, self.value(table, name, before.get(name)), self.value(table, name, now))
            for name, now in after.items()
            if before.get(name) != now and name not in UNSHOWN and name in columns
        ]

    def value(self, table: str, column_name: str, value: Any) -> Any:
        if value is None:
            return None
        column = self.tables[table].columns[column_name]
        for key in column.foreign_keys:
            parent = key.column.table.name
            row = self._row(parent, value)
            if row is None:
                return f"#{value}"
            name = self.name(parent, row)
            return " ".join((name.head, *name.context))
        enum = column.type.enum_class if isinstance(column.type, Enum) else None
        if enum is not None and issubclass(enum, PythonEnum):
            try:
                return enum(value)
            except ValueError:
                return value
        return value

    def _parts(self, table: str, image: dict[str, Any]) -> list[tuple[bool, str]]:
        """(is a person, text) for the row's parents, then the row itself."""
        parts: list[tuple[bool, str]] = []
        for column in self.tables[table].columns:
            for key in column.foreign_keys:
                parent = key.column.table.name
                if parent == "orgs" or column.nullable or image.get(column.name) is None:
                    continue  # a session is named by itself, not by its host
                row = self._row(parent, image[column.name])
                if row is None:
                    parts.append((False, f"#{image[column.name]}"))
                else:
                    parts.extend(self._parts(parent, row))
        own = [self._shown(table, name, image.get(name)) for name in OWN.get(table, ())]
        own = [text for text in own if text]
        if own:
            parts.append((table == "members", " ".join(own)))
        return parts

    def _shown(self, table: str, column: str, value: Any) -> str:
        value = self.value(table, column, value)
        if value is None:
            return ""
        if isinstance(value, PythonEnum):
            from studylog.text.values import shown

            return shown(value)
        text = str(value)
        return text if len(text) <= LONGEST else text[:LONGEST] + "…"

    def _row(self, table: str, key: Any) -> dict[str, Any] | None:
        if (table, key) not in self._rows:
            source = self.tables.get(table)
            found = None
            if source is not None and len(source.primary_key.columns) == 1:
                (column,) = source.primary_key.columns
                query = select(source).where(column == key)
                row = self.connection.execute(query).mappings().first()
                found = dict(row) if row is not None else None
            self._rows[table, key] = found
        return self._rows[table, key]

"""Walls inside PostgreSQL itself: a login role that sees and changes one group's rows only.

``studylog db grant --org NAME --role ROLE`` makes (or updates) a PostgreSQL role for one study
group. Every studylog table then has row-level security: a row is visible to, and may be
written by, a granted role only when it belongs to that role's group — directly (``org_id``)
or through the rows it refers to (a roll line through its session and its member). The role
finds its group through ``studylog_role_org()``, a ``SECURITY DEFINER`` function reading
``studylog_grants``, a table the role itself cannot read or change. The audit log is
append-only for such a role: it may read and insert its group's entries (studylog's own path:
every write appends one), never update or delete them.

The owner of the tables (the account that created the database's schema) is not subject to the
policies, so studylog run as the owner, and every tool run as it, sees every group as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Table, text

from studylog.errors import StudylogError
from studylog.store.db import VERSION_TABLE
from studylog.store.tables import metadata

GRANTS = "studylog_grants"
ROLE_ORG = "studylog_role_org"
POLICY = "studylog_group_wall"
#: A PostgreSQL role name studylog will make: plain letters, digits and underscores.
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
#: Tables a granted role may read and insert into but never change afterwards.
APPEND_ONLY = frozenset({"audit_log"})


@dataclass(frozen=True)
class Grant:
    role: str
    org: str
    created: bool  # studylog created the role (revoke drops it) or found it already there


def _check_role(role: str) -> str:
    if not ROLE_NAME.fullmatch(role):
        raise StudylogError("bad_role_name", role=role)
    return role


def _require_postgresql(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        raise StudylogError("grant_needs_postgresql")


def _wall(table: Table) -> str:
    """SQL that is true for a row of ``table`` that belongs to the role's group."""
    if "org_id" in table.c:
        return f"org_id = {ROLE_ORG}()"
    if table.name == "orgs":
        return f"id = {ROLE_ORG}()"
    conditions = []
    for column in table.c:
        for key in column.foreign_keys:
            parent = key.column.table.name
            check = (
                f"EXISTS (SELECT 1 FROM {parent} WHERE {parent}.id = {table.name}.{column.name})"
            )
            conditions.append(
                check if not column.nullable else f"({column.name} IS NULL OR {check})"
            )
    if not conditions:
        raise AssertionError(f"{table.name}: no way to tell its group")  # a new table: add one
    return " AND ".join(conditions)


def _ensure_policies(connection: Connection) -> None:
    """The grants table, the lookup function and one policy per table (idempotent)."""
    connection.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {GRANTS} ("
            " role_name TEXT PRIMARY KEY,"
            " org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,"
            " created BOOLEAN NOT NULL)"
        )
    )
    connection.execute(text(f"REVOKE ALL ON {GRANTS} FROM PUBLIC"))
    connection.execute(
        text(
            f"CREATE OR REPLACE FUNCTION {ROLE_ORG}() RETURNS INTEGER"
            " LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS"
            f" $$ SELECT org_id FROM public.{GRANTS} WHERE role_name = session_user $$"
        )
    )
    for table in metadata.sorted_tables:
        condition = _wall(table)
        connection.execute(text(f"ALTER TABLE {table.name} ENABLE ROW LEVEL SECURITY"))
        connection.execute(text(f"DROP POLICY IF EXISTS {POLICY} ON {table.name}"))
        connection.execute(
            text(
                f"CREATE POLICY {POLICY} ON {table.name} USING ({condition})"
                f" WITH CHECK ({condition})"
            )
        )


def grant(*, connection: Connection, org_id: int, org_name: str, role: str) -> Grant:
    """Make ``role`` (a login role) see and change only group ``org_id``'s rows."""
    role = _check_role(role)
    _require_postgresql(connection)
    exists = connection.execute(
        text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = :role"),
        {"role": role},
    ).first()
    if exists is not None and exists[0]:
        raise StudylogError("role_is_superuser", role=role)
    if exists is None:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS'))
    else:
        connection.execute(text(f'ALTER ROLE "{role}" LOGIN NOBYPASSRLS'))
    _ensure_policies(connection)
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    connection.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"'))
    connection.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
    connection.execute(text(f'GRANT SELECT ON {VERSION_TABLE} TO "{role}"'))
    for table in metadata.sorted_tables:
        rights = "SELECT, INSERT" if table.name in APPEND_ONLY else "SELECT, INSERT, UPDATE, DELETE"
        connection.execute(text(f'GRANT {rights} ON {table.name} TO "{role}"'))
        if table.name in APPEND_ONLY:
            connection.execute(
                text(f'REVOKE UPDATE, DELETE, TRUNCATE ON {table.name} FROM "{role}"')
            )
    connection.execute(text(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{role}"'))
    connection.execute(text(f'GRANT EXECUTE ON FUNCTION {ROLE_ORG}() TO "{role}"'))
    previous = connection.execute(
        text(f"SELECT created FROM {GRANTS} WHERE role_name = :role"), {"role": role}
    ).first()
    created = exists is None if previous is None else bool(previous[0])
    connection.execute(text(f"DELETE FROM {GRANTS} WHERE role_name = :role"), {"role": role})
    connection.execute(
        text(f"INSERT INTO {GRANTS} (role_name, org_id, created) VALUES (:role, :org, :created)"),
        {"role": role, "org": org_id, "created": created},
    )
    return Grant(role=role, org=org_name, created=created)


def revoke(*, connection: Connection, role: str) -> bool:
    """Undo :func:`grant`: the role loses every right here; a role studylog made is dropped.

    Returns whether the role was dropped."""
    role = _check_role(role)
    _require_postgresql(connection)
    has_grants = connection.execute(
        text("SELECT to_regclass(:name) IS NOT NULL"), {"name": GRANTS}
    ).scalar_one()
    row = None
    if has_grants:
        row = connection.execute(
            text(f"SELECT created FROM {GRANTS} WHERE role_name = :role"), {"role": role}
        ).first()
    if row is None:
        raise StudylogError("role_not_granted", role=role)
    connection.execute(text(f"DELETE FROM {GRANTS} WHERE role_name = :role"), {"role": role})
    connection.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"'))
    connection.execute(text(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "{role}"'))
    connection.execute(text(f'REVOKE ALL ON FUNCTION {ROLE_ORG}() FROM "{role}"'))
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    connection.execute(text(f'REVOKE ALL ON SCHEMA public FROM "{role}"'))
    connection.execute(text(f'REVOKE ALL ON DATABASE "{database}" FROM "{role}"'))
    if row[0]:
        connection.execute(text(f'DROP OWNED BY "{role}"'))
        connection.execute(text(f'DROP ROLE "{role}"'))
    return bool(row[0])

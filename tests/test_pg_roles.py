"""``db grant`` / ``db revoke``: a PostgreSQL login role walled to one group by row-level
security, proven by connecting as that role with psycopg directly, and by running studylog as
it (the PostgreSQL suite: STUDYLOG_TEST_BACKEND=postgresql)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from tests.conftest import BACKEND, Database, Run

Ok = Callable[..., str]

on_postgresql = pytest.mark.skipif(
    BACKEND != "postgresql", reason="PostgreSQL roles: run by the PostgreSQL suite"
)


def _two_groups(ok: Ok) -> None:
    for org, people, day in (
        ("甲局中心组", ("张三", "李四"), "2024-03-05"),
        ("乙局中心组", ("王五", "赵六"), "2024-03-06"),
    ):
        ok("--org", org, "init")
        for name in people:
            ok("--org", org, "member", "add", name)
        ok("--org", org, "session", "add", "--date", day, "--title", f"{org}学习", "--discussion")
        ok("--org", org, "attend", day, "--leave", f"{people[1]}：出差")


@pytest.fixture
def walled(database: Database, ok: Ok) -> Iterator[str]:
    """The URL of a fresh role granted 甲局中心组 (dropped afterwards)."""
    _two_groups(ok)
    role = f"studylog_t_{uuid.uuid4().hex[:10]}"
    out = ok("--org", "甲局中心组", "db", "grant", "--role", role)
    assert out == f"Role {role} now sees and changes only the records of 甲局中心组\n"
    url = make_url(database.url).set(username=role, password=None)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        ok("db", "revoke", "--role", role)


@on_postgresql
def test_a_granted_role_sees_and_changes_only_its_group(walled: str, database: Database) -> None:
    engine = create_engine(walled)
    with database.connect() as admin:
        other = admin.execute(
            text(
                "SELECT s.id FROM sessions s JOIN orgs o ON o.id = s.org_id"
                " WHERE o.name = '乙局中心组'"
            )
        ).scalar_one()
    try:
        with engine.connect() as role:
            assert role.execute(text("SELECT name FROM orgs")).scalars().all() == ["甲局中心组"]
            assert sorted(role.execute(text("SELECT name FROM members")).scalars()) == [
                "张三",
                "李四",
            ]
            assert role.execute(text("SELECT count(*) FROM attendance")).scalar() == 2
            assert role.execute(text("SELECT count(*) FROM audit_log")).scalar() > 0
            changed = role.execute(
                text("UPDATE sessions SET title = 'forged' WHERE id = :id"), {"id": other}
            )
            assert changed.rowcount == 0
            gone = role.execute(
                text("DELETE FROM attendance WHERE session_id = :id"), {"id": other}
            )
            assert gone.rowcount == 0
            role.rollback()
            with pytest.raises(ProgrammingError, match="row-level security"):
                role.execute(
                    text(
                        "INSERT INTO members (org_id, name, role, created_at) "
                        "SELECT id, '冒名', 'member', now() FROM orgs"
                        " UNION ALL SELECT :org, '冒名', 'member', now()"
                    ),
                    {"org": _org_id(database, "乙局中心组")},
                )
            role.rollback()
            for forbidden in (
                "UPDATE audit_log SET command = 'x'",
                "DELETE FROM audit_log",
                "SELECT * FROM studylog_grants",
            ):
                with pytest.raises(ProgrammingError, match="permission denied"):
                    role.execute(text(forbidden))
                role.rollback()
    finally:
        engine.dispose()
    with database.connect() as admin:  # nothing of the other group moved
        assert (
            admin.execute(text("SELECT title FROM sessions WHERE id = :id"), {"id": other}).scalar()
            == "乙局中心组学习"
        )


def _org_id(database: Database, name: str) -> int:
    with database.connect() as admin:
        return admin.execute(text("SELECT id FROM orgs WHERE name = :n"), {"n": name}).scalar_one()


@on_postgresql
def test_studylog_works_as_the_granted_role(walled: str, run: Run) -> None:
    as_role = ("--db", walled)
    added = run(*as_role, "session", "add", "--date", "2024-04-02", "--title", "四月学习")
    assert added.exit_code == 0, added.output
    assert run(*as_role, "attend", "2024-04-02").exit_code == 0
    stats = run(*as_role, "stats", "--year", "2024")
    assert stats.exit_code == 0 and stats.stdout.startswith("2024: 2 sessions, 1 discussion")
    verified = run(*as_role, "log", "--verify")
    assert verified.exit_code == 0, verified.output
    other = run(*as_role, "--org", "乙局中心组", "stats", "--year", "2024")
    assert (
        other.exit_code == 1 and "no study group named" in other.stderr.lower()
    ) or other.exit_code == 1


@on_postgresql
def test_revoke_drops_the_role_it_made(database: Database, ok: Ok, run: Run) -> None:
    _two_groups(ok)
    role = f"studylog_t_{uuid.uuid4().hex[:10]}"
    ok("--org", "甲局中心组", "db", "grant", "--role", role)
    assert ok("db", "revoke", "--role", role) == f"Role {role} revoked and dropped\n"
    with database.connect() as admin:
        assert (
            admin.execute(
                text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).scalar()
            == 0
        )
    again = run("db", "revoke", "--role", role)
    assert again.exit_code == 1
    assert again.stderr == f"Error: {role} was not granted a group here (studylog db grant)\n"


def test_grant_refuses_bad_input_and_changes_nothing(database: Database, ok: Ok, run: Run) -> None:
    ok("init", "--org", "甲局中心组")
    before = database.snapshot()
    bad = run("db", "grant", "--role", "Robert'); DROP TABLE orgs;--")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: ")
    assert "DROP" not in bad.stderr.split("is not")[1]
    if BACKEND == "sqlite":
        result = run("db", "grant", "--role", "secretary")
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: roles walled to a group need PostgreSQL")
    else:
        result = run("db", "grant", "--role", "postgres")
        assert result.exit_code == 1 and "superuser" in result.stderr
    assert database.snapshot() == before

"""The database file: owner-only, refused where it would be misplaced, backed up, checked.

A database that is no file (PostgreSQL) is checked and refused when too new just the same."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import Database, Run

Ok = Callable[..., str]


@pytest.mark.sqlite_only(reason="the mode of the database file")
def test_a_new_database_is_readable_by_its_owner_only(ok: Ok, db_path: Path) -> None:
    ok("init", "--org", "某局党组理论学习中心组")
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


@pytest.mark.sqlite_only(reason="a SQLite file in a missing folder given as --db")
def test_a_database_in_a_missing_folder_is_refused(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "studylog.db"
    result = run("--db", str(target), "init", "--org", "某局")
    assert result.exit_code == 1
    assert result.stderr == f"Error: the folder {target.parent} does not exist\n"
    assert not target.parent.exists()


@pytest.mark.sqlite_only(reason="the default database is a SQLite file")
def test_the_default_folder_is_made_on_first_use(ok: Ok, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("STUDYLOG_DB")
    monkeypatch.setenv("STUDYLOG_HOME", str(tmp_path / "fresh" / "studylog"))
    ok("init", "--org", "某局")
    assert (tmp_path / "fresh" / "studylog" / "studylog.db").is_file()


@pytest.mark.sqlite_only(reason="db backup is SQLite's online backup")
def test_backup_copies_the_committed_records_owner_only(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    # Another writer is half-way through a change: the backup holds only what was committed.
    writer = sqlite3.connect(seeded.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE members SET title = '未提交' WHERE name = '张三'")
    try:
        out = tmp_path / "backup.db"
        assert ok("db", "backup", str(out)) == f"Backup written to {out}\n"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    original = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    copied = json.loads(ok("--db", str(out), "stats", "--year", "2023", "--format", "json"))
    assert copied == original
    titles = json.loads(ok("--db", str(out), "member", "list", "--format", "json"))
    assert "未提交" not in [member["title"] for member in titles]
    again = run("db", "backup", str(out))
    assert again.exit_code == 1
    assert again.stderr == f"Error: {out} already exists; add --force to replace it\n"


@pytest.mark.sqlite_only(reason="db backup is SQLite's online backup")
def test_backup_never_writes_through_a_planted_link(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    """The old backup opened the fixed name .OUT.partial and followed links: a link planted
    there (or at OUT itself) filled its victim with the whole database."""
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / ".new.db.partial").symlink_to(victim)
    out = tmp_path / "new.db"
    assert ok("db", "backup", str(out)) == f"Backup written to {out}\n"
    assert victim.read_text() == "precious"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    (tmp_path / "linked.db").symlink_to(victim)
    refused = run("db", "backup", str(tmp_path / "linked.db"), "--force")
    assert refused.exit_code == 1 and "a link, a device or a pipe" in refused.stderr
    assert victim.read_text() == "precious"
    replaced = run("db", "backup", str(out), "--force")
    assert replaced.exit_code == 0, replaced.output


def test_check_passes_a_sound_database(seeded: Database, ok: Ok) -> None:
    output = ok("db", "check")
    assert "FAIL" not in output
    if seeded.backend == "sqlite":
        assert "SQLite integrity check" in output


def test_check_names_a_broken_rule(seeded: Database, run: Run) -> None:
    with seeded.connect() as connection:  # behind studylog's back
        line = connection.execute(
            text("SELECT id FROM attendance WHERE status = 'present' ORDER BY id LIMIT 1")
        ).scalar_one()
        connection.execute(
            text(
                "INSERT INTO makeups (attendance_id, date, method, created_at) "
                "VALUES (:line, '2023-12-30', 'notes', '2023-12-30 00:00:00')"
            ),
            {"line": line},
        )
    result = run("--lang", "zh", "db", "check")
    assert result.exit_code == 3
    row = next(line for line in result.stdout.splitlines() if "补学只针对请假或缺席" in line)
    assert "未通过" in row and row.split()[-1] == "1"


def test_a_database_from_a_newer_studylog_is_refused_untouched(seeded: Database, run: Run) -> None:
    with seeded.connect() as connection:
        connection.execute(text("UPDATE studylog_version SET version_num = '9999'"))
    before = seeded.snapshot()
    result = run("stats", "--year", "2023")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {seeded.shown} was written by a newer studylog (schema 9999); upgrade studylog\n"
    )
    assert seeded.snapshot() == before


def test_a_password_in_the_url_is_never_shown(run: Run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("STUDYLOG_DB", "postgresql+psycopg://clerk:s3cret-word@127.0.0.1:1/records")
    result = run("member", "list")
    assert result.exit_code == 1
    assert "s3cret-word" not in result.output
    assert result.stderr.startswith(
        "Error: cannot open the database postgresql+psycopg://clerk:***@"
    )

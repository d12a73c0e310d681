"""A damaged database file, and paths that are no database file at all: one clear line, never
the SQL, its parameters or a record's contents (issue 15, defect 4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Database, Run
from tests.seed import MEMBERS

PAGE = 4096

#: Commands that read or write every kind of record, each tried on the damaged file.
COMMANDS = [
    ("stats", "--year", "2023"),
    ("stats", "--year", "2023", "--format", "json"),
    ("session", "add", "--date", "2023-12-30", "--title", "年终学习"),
    ("attend", "2023-03-14", "--late", "张三"),
    ("member", "add", "新成员"),
    ("log", "--verify"),
    ("log",),
    ("session", "list", "--year", "2023"),
]


def _damage(path: Path) -> None:
    """Garbage over every page but the first (the schema) and the last: what a failing disk
    or a copy cut short leaves."""
    pages = path.stat().st_size // PAGE
    assert pages > 4
    with path.open("r+b") as file:
        for page in range(1, pages - 1):
            file.seek(page * PAGE)
            file.write(os.urandom(PAGE))


def _harmless(output: str) -> None:
    assert "Traceback" not in output
    assert "[SQL" not in output and "parameters" not in output
    assert "INSERT" not in output and "SELECT" not in output
    names = [member[0] if isinstance(member, tuple) else member for member in MEMBERS]
    assert not any(str(name) in output for name in names), output


@pytest.mark.sqlite_only(reason="a damaged SQLite file")
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_damaged_page_is_one_clear_error(seeded: Database, run: Run, command: tuple) -> None:
    _damage(seeded.path)
    result = run(*command)
    assert result.exit_code == 1, result.output
    _harmless(result.output)
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: "), line
    assert result.stdout == ""


@pytest.mark.sqlite_only(reason="a damaged SQLite file")
def test_db_check_reports_the_damage_as_a_failed_row(seeded: Database, run: Run) -> None:
    _damage(seeded.path)
    result = run("db", "check")
    assert result.exit_code == 1
    _harmless(result.output)
    if result.stderr:  # damage that stops the file opening at all
        (line,) = result.stderr.splitlines()
        assert line.startswith("Error: ")
    else:
        assert "SQLite integrity check" in result.stdout and "FAIL" in result.stdout


@pytest.mark.sqlite_only(reason="a SQLite file")
def test_a_damaged_roll_page_fails_the_check_in_its_table(seeded: Database, run: Run) -> None:
    """The page holding the roll, in the middle of the file: the file opens, the integrity
    check says FAIL in its table, whatever reads the roll says the file is damaged."""
    import sqlite3

    path = seeded.path
    with sqlite3.connect(path) as connection:
        pages = [
            page
            for (page,) in connection.execute("SELECT pageno FROM dbstat WHERE name = 'attendance'")
        ]
    connection.close()
    with path.open("r+b") as file:
        for page in pages:
            file.seek((page - 1) * PAGE + 8)  # past the page header's first bytes, say
            file.write(os.urandom(PAGE - 8))
    result = run("db", "check")
    assert result.exit_code == 3
    _harmless(result.output)
    assert "SQLite integrity check" in result.stdout and "FAIL" in result.stdout
    verified = run("log", "--verify")
    assert verified.exit_code == 1
    _harmless(verified.output)
    (line,) = verified.stderr.splitlines()
    assert line.startswith("Error: the database file is damaged")
    stats = run("stats", "--year", "2023")
    assert stats.exit_code == 1 and stats.stdout == ""
    assert stats.stderr.startswith("Error: the database file is damaged")


def test_a_device_is_no_database(run: Run, tmp_path: Path) -> None:
    before = set(Path("/dev").iterdir())
    result = run("--db", "/dev/null", "init", "--org", "某局中心组")
    assert result.exit_code == 1
    assert (
        result.stderr == "Error: /dev/null is not a regular file (a device, FIFO or socket): "
        "give the path of a database file\n"
    )
    assert set(Path("/dev").iterdir()) == before  # no /dev/null-journal
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    result = run("--db", str(fifo), "stats", "--year", "2023")
    assert result.exit_code == 1
    assert "is not a regular file" in result.stderr


def test_undo_of_an_entry_number_past_any_column(seeded: Database, run: Run) -> None:
    for number in ("99999999999999999999", "9223372036854775808", "0"):
        result = run("undo", number, "--yes")
        assert result.exit_code == 1
        assert result.stderr == f"Error: the audit log has no entry #{number}\n"


def test_a_database_failure_at_the_edge_shows_no_statement(
    seeded: Database, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever SQLAlchemy error reaches the CLI's edge is shown by the driver's reason alone:
    its own text quotes the statement and the parameters (record contents)."""
    from sqlalchemy.exc import IntegrityError

    import studylog.records.members as members

    def fail(**_: object) -> None:
        raise IntegrityError(
            "INSERT INTO members (name) VALUES (?)",
            ("张三",),
            Exception("duplicate key value\nDETAIL:  Key (name)=(张三) already exists."),
        )

    monkeypatch.setattr(members, "add_member", fail)
    result = run("member", "add", "王五")
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        "Error: the database refused the work (duplicate key value); nothing was saved\n"
    )

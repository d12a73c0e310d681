"""The database file: a read-only file is one clear error that touches nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import Database, Run


@pytest.fixture
def read_only(seeded: Database) -> Iterator[Path]:
    """The seed year's file, made read-only: immutable for root (who ignores modes)."""
    path = seeded.path
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(path)]).returncode != 0:
            pytest.skip("running as root, and the file cannot be made immutable here")
        try:
            yield path
        finally:
            subprocess.run([chattr, "-i", str(path)], check=True)
    else:
        path.chmod(0o444)
        yield path
        path.chmod(0o600)


@pytest.mark.sqlite_only(reason="a read-only SQLite file")
def test_a_read_only_database_is_one_clear_error_and_stays_as_it_was(
    read_only: Path, run: Run
) -> None:
    before = hashlib.sha256(read_only.read_bytes()).hexdigest()
    result = run("member", "add", "新成员")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: the database {read_only} could not be used (")
    assert result.stderr.rstrip().endswith("nothing was saved")
    assert len(result.stderr.splitlines()) == 1
    assert hashlib.sha256(read_only.read_bytes()).hexdigest() == before
    # Reading still works.
    assert "张三" in run("member", "list").stdout


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_exports_and_documents_of_personal_data_are_owner_only(
    seeded: Database, ok: Callable[..., str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    ok("export", "--year", "2023", "--out", str(out / "year.xlsx"))
    ok("export", "--year", "2023", "--format", "csv", "--out", str(out / "csv"))
    ok("report", "--year", "2023", "--out", str(out / "report.docx"))
    ok("sheet", "2023-03-15", "--out", str(out / "sheet.xlsx"))
    ok("archive", "--year", "2023", "--out", str(out / "archive.zip"))
    if seeded.backend == "sqlite":  # db backup is SQLite's online backup
        ok("db", "backup", str(out / "backup.db"))
    written = [path for path in out.rglob("*")]
    assert len(written) > 6
    for path in written:
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path


@pytest.mark.sqlite_only(reason="a read-only SQLite file")
def test_reading_a_read_only_database_leaves_nothing_beside_it(read_only: Path, run: Run) -> None:
    """SQLite makes -wal and -shm files for any reader of a WAL database, and only a writer
    takes them away: a file this user cannot write is read as it stands (issue 15, defect 7)."""
    for stale in read_only.parent.glob(read_only.name + "-*"):
        stale.unlink()
    before = sorted(path.name for path in read_only.parent.iterdir())
    for command in (
        ("member", "list"),
        ("stats", "--year", "2023", "--format", "json"),
        ("log", "--verify"),
        ("db", "check"),
        ("report", "--year", "2023"),
    ):
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
    refused = run("member", "add", "新成员")
    assert refused.exit_code == 1 and "nothing was saved" in refused.stderr
    assert sorted(path.name for path in read_only.parent.iterdir()) == before

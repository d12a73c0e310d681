"""Hostile or broken files given to import: one clear line, nothing written, nothing hung."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Database, Run


def test_a_fifo_is_refused_without_being_opened(
    database: Database, run: Run, tmp_path: Path
) -> None:
    fifo = tmp_path / "roll.csv"
    os.mkfifo(fifo)
    result = run("import", str(fifo))  # opening it would wait for a writer for ever
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {fifo} is not a plain file or folder (a device, a pipe or a socket); "
        "nothing was read\n"
    )


def test_json_nested_beyond_reason_is_one_clear_line(
    database: Database, ok, run: Run, tmp_path: Path
) -> None:
    ok("init", "--org", "某局")
    before = database.snapshot()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    result = run("import", str(deep))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {deep} is not a studylog JSON export (nested too deeply)\n"
    assert database.snapshot() == before


def test_a_json_name_that_is_a_number_is_refused(
    database: Database, ok, run: Run, tmp_path: Path
) -> None:
    ok("init", "--org", "某局")
    before = database.snapshot()
    path = tmp_path / "members.json"
    path.write_text(json.dumps({"org": "某局", "members": [{"name": 123}]}), encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "name is a number, where an export writes text" in result.stderr
    assert database.snapshot() == before


@pytest.mark.sqlite_only(reason="a new SQLite file made by the import")
def test_a_failed_import_into_a_new_file_leaves_nothing(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"members": [{"name": "张三"}, {"name": "张三"}]}), encoding="utf-8")
    result = run("--db", str(target), "import", str(bad))
    assert result.exit_code == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.json"]


@pytest.mark.sqlite_only(reason="a new SQLite file made by the import")
def test_a_killed_import_into_a_new_file_leaves_no_database_under_its_name(
    tmp_path: Path,
) -> None:
    """The import builds a new file under a temporary name and gives it the target's name
    only once it has committed: killed first, there is no half-made database to mistake."""
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名\n" + "".join(f"成员{n:06d}\n" for n in range(200_000)), "utf-8")
    target = tmp_path / "new.db"
    env = {**os.environ, "STUDYLOG_DB": str(target), "STUDYLOG_HOME": str(tmp_path / "home")}
    process = subprocess.Popen(
        [sys.executable, "-m", "studylog", "import", str(roster)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill it once its scratch database exists, i.e. inside the import.
    while process.poll() is None and not list(tmp_path.glob(".new.db.*.partial")):
        time.sleep(0.005)  # polling for the file, not waiting for an order of events
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL  # killed inside the import, not after it
    assert not target.exists()

"""Crash safety: killed at any moment (SIGKILL), studylog leaves a sound database in which
an import is wholly there or wholly absent and every write it reported is present."""

from __future__ import annotations

import contextlib
import csv
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Ok = Callable[..., str]
ROUNDS = 6

pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
    pytest.mark.sqlite_only(reason="kills writers to a SQLite file and checks the file"),
]


def _environment(db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["STUDYLOG_DB"] = str(db)
    return env


def _sound(db: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    return connection


def _import_folder(folder: Path, sessions: int, members: int) -> int:
    folder.mkdir()
    names = [f"成员{number:03d}" for number in range(members)]
    with (folder / "members.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name"])
        writer.writerows([name] for name in names)
    with (folder / "sessions.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "title"])
        for number in range(1, sessions + 1):
            day = f"2023-{(number - 1) % 12 + 1:02d}-{(number - 1) // 12 % 28 + 1:02d}"
            writer.writerow([number, day, f"学习{number}"])
    with (folder / "attendance.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["session", "member", "status"])
        for number in range(1, sessions + 1):
            writer.writerows([number, name, "present"] for name in names)
    return sessions * members


def _writing(db: Path) -> bool:
    """Some connection holds the file's write lock: an import's transaction has begun.

    studylog takes the write lock up front (BEGIN IMMEDIATE) and holds it until the commit,
    so while a probe cannot take it, the import is inside its transaction."""
    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return True
        raise
    else:
        probe.execute("ROLLBACK")
        return False
    finally:
        probe.close()


def _kill_once_writing(process: subprocess.Popen[bytes], db: Path, delay: float) -> bool:
    """Wait until the import's transaction has begun, then kill it ``delay`` seconds later.
    False when the import ended first (it had nothing left to do)."""
    while not _writing(db):
        if process.poll() is not None:
            return False
    if delay:  # a random moment after the transaction began (the import may finish first)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def test_a_killed_import_is_wholly_there_or_wholly_absent(ok: Ok, tmp_path: Path) -> None:
    folder = tmp_path / "big"
    lines = _import_folder(folder, sessions=300, members=100)  # 30,000 roll lines
    outcomes = []
    for round_number in range(ROUNDS):
        db = tmp_path / f"import-{round_number}.db"
        ok("--db", str(db), "init", "--org", "某局")
        process = subprocess.Popen(
            [sys.executable, "-m", "studylog", "import", str(folder)],
            env=_environment(db),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Half the kills land the moment the transaction has begun, the rest at a random
        # moment after it (some of them once the import has finished).
        delay = 0.0 if round_number % 2 == 0 else random.Random(round_number).uniform(0, 3)
        killed_inside = _kill_once_writing(process, db, delay)
        with _sound(db) as connection:
            counts = tuple(
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("members", "sessions", "attendance")
            )
        assert counts in ((0, 0, 0), (100, 300, lines)), counts
        outcomes.append((delay, killed_inside, counts[2] > 0))
    # Every kill without a delay came while the import held the write lock, before it could
    # commit 30,000 lines: each of those rounds is a kill inside the transaction.
    inside = [outcome for outcome in outcomes if outcome[0] == 0.0]
    assert inside and all(killed and not landed for _, killed, landed in inside), outcomes


WRITER = """
import sys
from typer.testing import CliRunner
from studylog.cli import app

runner = CliRunner()
for index in range(10_000):
    name = f"写入{index:05d}"
    if runner.invoke(app, ["member", "add", name]).exit_code == 0:
        print(name, flush=True)  # reported only once the write has committed
"""


def test_every_write_reported_before_a_kill_is_there(ok: Ok, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    for round_number in range(ROUNDS):
        db = tmp_path / f"writes-{round_number}.db"
        ok("--db", str(db), "init", "--org", "某局")
        process = subprocess.Popen(
            [sys.executable, str(script)],
            env=_environment(db),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        # Killed once a random number of writes were reported, not after a guessed time.
        assert process.stdout is not None
        wanted = random.Random(100 + round_number).randint(1, 30)
        reported_first = [process.stdout.readline() for _ in range(wanted)]
        process.send_signal(signal.SIGKILL)
        rest, _ = process.communicate()
        reported = "".join(reported_first) + rest
        with _sound(db) as connection:
            stored = {name for (name,) in connection.execute("SELECT name FROM members")}
        names = set(reported.split())
        assert names and names <= stored
        assert len(stored - names) <= 1  # at most the write the kill interrupted
        # Each write's audit entry landed with it: the chain is whole, one entry per member.
        verified = ok("--db", str(db), "log", "--verify")
        assert verified.startswith(f"Audit log intact: {len(stored) + 1} entries")

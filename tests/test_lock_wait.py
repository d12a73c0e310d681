"""A write that finds another command writing (a long import, say) waits for it, says so on
stderr, and goes ahead; past STUDYLOG_LOCK_TIMEOUT it fails with one clear line."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import Database, Run

pytestmark = pytest.mark.sqlite_only(reason="SQLite's write lock on the file")


@contextmanager
def _writer_holding_the_lock(path: Path) -> Iterator[threading.Event]:
    """Another writer holds the write lock until the event is set (or the block ends)."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Event()

    def finish() -> None:
        release.wait(timeout=30)
        holder.execute("COMMIT")
        holder.close()

    thread = threading.Thread(target=finish)
    thread.start()
    try:
        yield release
    finally:
        release.set()
        thread.join()


def test_a_write_waits_for_the_lock_and_says_so(
    database: Database, ok, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok("init", "--org", "某局中心组")
    with _writer_holding_the_lock(database.path) as release:
        # The waiting line is made just before the wait: the other writer finishes then.
        from studylog.text import messages

        original = messages.t

        def watch(key: str, /, **params: object) -> str:
            if key == "waiting_for_lock":
                release.set()
            return original(key, **params)

        monkeypatch.setattr(messages, "t", watch)
        result = run("member", "add", "张三")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        f"Another studylog command is writing to {database.path}; waiting for it to finish "
        "(up to 600 s, STUDYLOG_LOCK_TIMEOUT)…\n"
    )
    assert "张三" in ok("member", "list")


def test_past_the_limit_it_fails_clearly_and_writes_nothing(
    database: Database, ok, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok("init", "--org", "某局中心组")
    monkeypatch.setenv("STUDYLOG_LOCK_TIMEOUT", "1")
    with _writer_holding_the_lock(database.path):
        result = run("member", "add", "张三")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert "database is locked" in result.stderr
    assert "Traceback" not in result.stderr
    assert "张三" not in ok("member", "list")


def test_a_bad_limit_is_one_clear_line(ok, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    ok("init", "--org", "某局中心组")
    monkeypatch.setenv("STUDYLOG_LOCK_TIMEOUT", "soon")
    result = run("member", "add", "张三")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: STUDYLOG_LOCK_TIMEOUT='soon' is not a number of seconds from 0 to 86400\n"
    )

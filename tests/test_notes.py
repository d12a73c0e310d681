"""A session's minutes (学习记录) and outline (研究提纲): stored as text from a UTF-8 or GB18030
file (or standard input), shown, checked, logged, and every bad file refused with one line."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import Database, Run

Ok = Callable[..., str]
MINUTES = "# 会议纪要\n\n会议由张三同志主持，学习了全国两会精神。\n\n- 李四谈了体会\n"


def stored_notes(database: Database) -> list[tuple[object, ...]]:
    with database.connect() as connection:
        query = "SELECT session_id, minutes, outline FROM session_notes ORDER BY session_id"
        return [tuple(row) for row in connection.execute(text(query))]


def refused(run: Run, database: Database, *args: str, says: str, input: str | None = None):
    before = database.snapshot()
    result = run(*args, input=input)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and says in lines[0], lines
    assert "Traceback" not in result.output
    assert database.snapshot() == before
    return lines[0]


def test_minutes_and_outline_round_trip(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    minutes = tmp_path / "纪要.md"
    minutes.write_text(MINUTES, encoding="utf-8")
    outline = tmp_path / "提纲.txt"
    outline.write_bytes("研究提纲\r\n一、差距在哪里\r\n".encode("gb18030"))  # a Windows editor's
    said = ok("session", "note", "2023-03-15", "--minutes", str(minutes), "--outline", str(outline))
    assert "minutes 38 characters, outline 12 characters" in said
    shown = json.loads(ok("session", "show", "2023-03-15", "--format", "json"))
    assert shown["minutes"] == MINUTES.strip()
    assert shown["outline"] == "研究提纲\n一、差距在哪里"  # CRLF read as one line break
    table = ok("session", "show", "2023-03-15")
    assert "会议由张三同志主持" in table and "研究提纲" in table
    # Only what is given changes; --clear-outline takes the outline off.
    ok("session", "note", "2023-03-15", "--clear-outline")
    assert stored_notes(seeded)[0][1:] == (MINUTES.strip(), None)


def test_minutes_from_standard_input_nfc(seeded: Database, ok: Ok) -> None:
    decomposed = "纪要：Cafe\u0301 讨论\n"  # e + combining acute: NFC makes it one character
    ok("session", "note", "2023-01-15", "--minutes", "-", input=decomposed)
    ((_, minutes, outline),) = stored_notes(seeded)
    assert minutes == "纪要：Café 讨论" and outline is None


def test_notes_are_logged_and_undone(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text("第一稿", encoding="utf-8")
    ok("session", "note", "2023-01-15", "--minutes", str(path))
    path.write_text("第二稿", encoding="utf-8")
    ok("session", "note", "2023-01-15", "--minutes", str(path))
    log = json.loads(ok("log", "--format", "json"))
    assert log[-1]["changes"][0]["after"]["minutes"] == "第二稿"
    ok("undo", "--yes")
    assert stored_notes(seeded)[0][1] == "第一稿"
    assert "Records match the log" in ok("log", "--verify")


def test_an_edited_note_is_found_by_verify(seeded: Database, ok: Ok, run: Run, tmp_path) -> None:
    path = tmp_path / "m.txt"
    path.write_text("原文", encoding="utf-8")
    ok("session", "note", "2023-01-15", "--minutes", str(path))
    with seeded.connect() as connection:
        connection.execute(text("UPDATE session_notes SET minutes = '改过'"))
    result = run("log", "--verify")
    assert result.exit_code == 3  # the check ran and found a record changed
    assert "minutes" in result.stdout and "改过" in result.stdout


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\xff\xfe\x00\x00\xff", "neither UTF-8 nor GB18030"),  # binary: no text encoding
        ("纪要\x1b[31m".encode(), "control characters"),
        ("纪要\u202e反转".encode(), "U+202E"),
        (b"   \n\n", "empty"),
    ],
)
def test_bad_notes_files_are_refused(
    seeded: Database, run: Run, tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    refused(run, seeded, "session", "note", "2023-01-15", "--minutes", str(path), says=says)


def test_other_notes_refusals(seeded: Database, run: Run, tmp_path: Path) -> None:
    refused(run, seeded, "session", "note", "2023-01-15", says="--minutes FILE")
    refused(
        run, seeded, "session", "note", "2023-01-15", "--minutes", "-", "--outline", "-",
        says="standard input", input="x",
    )  # fmt: skip
    refused(
        run, seeded, "session", "note", "2023-01-15", "--minutes", str(tmp_path / "none.md"),
        says="no such file",
    )  # fmt: skip
    refused(
        run, seeded, "session", "note", "2023-01-15", "--minutes", str(tmp_path),
        says="not a regular file",
    )  # fmt: skip
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    refused(
        run, seeded, "session", "note", "2023-01-15", "--outline", str(fifo),
        says="not a regular file",
    )  # fmt: skip
    good = tmp_path / "good.md"
    good.write_text("纪要", encoding="utf-8")
    refused(run, seeded, "session", "note", "2099-01-01", "--minutes", str(good), says="2099")


def test_the_check_rules_on_minutes_and_outlines(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    """Off by default; switched on in the settings, every session held needs its minutes and
    every discussion (all twelve here) its outline."""
    args = ("check", "--year", "2023", "--as-of", "2024-01-10", "--format", "json")
    rules = {rule["rule"] for rule in json.loads(run(*args).stdout)["rules"]}
    assert not rules & {"session_minutes", "discussion_outline"}
    config = tmp_path / "config.toml"
    config.write_text(
        '[check]\nenabled = ["session_minutes", "discussion_outline"]\n', encoding="utf-8"
    )
    path = tmp_path / "m.md"
    path.write_text("纪要", encoding="utf-8")
    for month in range(1, 13):
        ok("session", "note", f"2023-{month:02d}-15", "--minutes", str(path))
    ok("session", "note", "2023-03-15", "--outline", str(path))
    result = run("--config", str(config), *args)
    report = {rule["rule"]: rule for rule in json.loads(result.stdout)["rules"]}
    assert report["session_minutes"]["passed"] is True
    outline = report["discussion_outline"]
    assert outline["passed"] is False and len(outline["offenders"]) == 11
    assert "2023-03-15" not in [item["date"] for item in outline["offenders"]]
    shown = run("--config", str(config), "check", "--year", "2023", "--as-of", "2024-01-10")
    assert "a discussion without an outline" in shown.stdout

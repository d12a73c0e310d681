"""``stats --by month|member --chart``: bars, plain ``#`` piped, coloured blocks on a terminal.

Rates counted by hand from the seed year (tests/seed.py): six expected at every session;
January 李四 on leave (5/6), March 王五 late (late attends: 6/6), April 王五 and 赵六 on leave
(4/6), August 孙八 absent (5/6), October 周九 on leave (5/6); the other months 6/6.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import Database, Run

ROOT = Path(__file__).resolve().parent.parent


def bar(filled: int, width: int = 40) -> str:
    return "#" * filled + "." * (width - filled)


def test_months_as_bars_when_piped(seeded: Database, run: Run) -> None:
    result = run("stats", "--year", "2023", "--by", "month", "--chart")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2023: 12 ")
    assert lines[2].split() == ["Period", "Sessions", "Attendance", "rate"]
    rows = {line.split()[0]: line for line in lines[3:]}
    assert list(rows) == [f"2023-{month:02d}" for month in range(1, 13)]
    # one session a month: a full sessions bar of one cell; the rate bar 40 cells wide
    assert rows["2023-01"].split() == ["2023-01", "#", "1", bar(33), "83.3%"]  # 5/6
    assert rows["2023-03"].split() == ["2023-03", "#", "1", bar(40), "100.0%"]
    assert rows["2023-04"].split() == ["2023-04", "#", "1", bar(27), "66.7%"]  # 4/6
    assert rows["2023-08"].split() == ["2023-08", "#", "1", bar(33), "83.3%"]
    assert "\x1b" not in result.stdout and "█" not in result.stdout  # plain text


def test_quarters_scale_the_sessions_bar(seeded: Database, run: Run) -> None:
    out = run("stats", "--year", "2023", "--by", "quarter", "--chart").stdout
    rows = [line.split() for line in out.splitlines() if line.startswith("2023-Q")]
    # Q2: 18 expected, 16 attended (April's two leaves) = 88.9%
    assert rows[1] == ["2023-Q2", "###", "3", bar(36), "88.9%"]


def test_members_as_bars(seeded: Database, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run("--lang", "zh", "stats", "--year", "2023", "--by", "member", "--chart").stdout
    rows = {line.split()[0]: line.split() for line in out.splitlines()[3:]}
    # 40 columns: name 4, attended 11, rate text 7, gaps 4 → a 14-cell bar
    assert rows["张三"] == ["张三", "12/12", bar(14, 14), "100.0%"]
    assert rows["孙八"] == ["孙八", "5/6", bar(12, 14), "83.3%"]
    assert rows["钱七"] == ["钱七", "6/6", bar(14, 14), "100.0%"]
    assert rows["李四"] == ["李四", "11/12", bar(13, 14), "91.7%"]
    assert max(len(line) for line in out.splitlines()[2:]) <= 40


def test_a_chart_needs_rows(seeded: Database, run: Run) -> None:
    for args in (("--chart",), ("--by", "month", "--chart", "--format", "json")):
        result = run("stats", "--year", "2023", *args)
        assert result.exit_code != 0 and result.stdout == ""
        assert result.stderr.startswith("Error: --chart draws the rows of --by")


def test_blocks_in_colour_on_a_terminal(seeded: Database) -> None:
    pexpect = pytest.importorskip("pexpect")
    environment = dict(os.environ, PYTHONPATH=str(ROOT), STUDYLOG_PAGER="")
    environment.pop("COLUMNS", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "studylog", "stats", "--year", "2023", "--by", "month", "--chart"],
        env=environment,
        encoding="utf-8",
        dimensions=(40, 80),
        timeout=60,
    )
    child.expect(pexpect.EOF)
    shown = child.before
    assert "█" in shown and "\x1b[" in shown and "#####" not in shown

"""Every query command's output on the demo year, compared byte for byte with recorded files.

The files under ``tests/golden/`` were recorded from studylog itself. A change that alters
output on purpose regenerates them with one command, and the diff is reviewed like code::

    STUDYLOG_REGENERATE_GOLDEN=1 pytest tests/test_golden.py

"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studylog.cli import app

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("STUDYLOG_REGENERATE_GOLDEN") == "1"
AS_OF = "2024-01-10"

#: file name → the command line after ``studylog --db DEMO``.
COMMANDS: dict[str, list[str]] = {
    "stats": ["stats", "--year", "2023"],
    "stats-json": ["stats", "--year", "2023", "--format", "json"],
    "stats-csv": ["stats", "--year", "2023", "--format", "csv"],
    "stats-markdown": ["stats", "--year", "2023", "--format", "markdown"],
    "stats-by-member": ["stats", "--year", "2023", "--by", "member"],
    "stats-by-month-json": ["stats", "--year", "2023", "--by", "month", "--format", "json"],
    "stats-by-quarter-csv": ["stats", "--year", "2023", "--by", "quarter", "--format", "csv"],
    "stats-zh": ["--lang", "zh", "stats", "--year", "2023", "--by", "member"],
    "check": ["check", "--year", "2023", "--as-of", AS_OF],
    "check-json": ["check", "--year", "2023", "--as-of", AS_OF, "--format", "json"],
    "check-zh": ["--lang", "zh", "check", "--year", "2023", "--as-of", AS_OF],
    "session-list": ["session", "list", "--year", "2023"],
    "session-list-json": ["session", "list", "--year", "2023", "--format", "json"],
    "session-list-first-agenda": ["session", "list", "--year", "2023", "--first-agenda"],
    "session-show": ["session", "show", "1"],
    "session-show-zh": ["--lang", "zh", "session", "show", "3"],
    "member-list": ["member", "list", "--all"],
    "member-list-csv": ["member", "list", "--all", "--format", "csv"],
    "makeup-list": ["makeup", "list", "--year", "2023"],
    "makeup-list-outstanding": ["makeup", "list", "--year", "2023", "--outstanding"],
    "speech-list": ["speech", "list", "--year", "2023"],
    "speech-list-json": ["speech", "list", "--year", "2023", "--format", "json"],
    "plan-list": ["plan", "list", "--year", "2023"],
    "plan-show": ["plan", "show", "--year", "2023", "--as-of", AS_OF],
    "rectify-list": ["rectify", "list", "--year", "2023", "--as-of", AS_OF],
    "report-text": ["report", "--year", "2023", "--as-of", AS_OF],
    "report-markdown-zh": [
        "--lang",
        "zh",
        "report",
        "--year",
        "2023",
        "--as-of",
        AS_OF,
        "--format",
        "markdown",
    ],
    "restore-list": ["restore", "list"],
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("golden")
    path = folder / "demo.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STUDYLOG_HOME", str(folder))
        result = CliRunner().invoke(app, ["demo", "--out", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.sqlite_only(reason="the demo year is written to a SQLite file")
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_query_output_is_unchanged(name: str, demo: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(demo), *COMMANDS[name]])
    shown = f"exit {result.exit_code}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
    shown = re.sub(re.escape(str(demo)), "DEMO", shown)
    shown = re.sub(r"\b[0-9a-f]{64}\b", "HASH", shown)  # the log head: new with every run
    recorded = GOLDEN / f"{name}.txt"
    if REGENERATE:
        recorded.write_text(shown, encoding="utf-8")
    assert recorded.exists(), "no recorded output: regenerate with STUDYLOG_REGENERATE_GOLDEN=1"
    assert shown == recorded.read_text(encoding="utf-8")

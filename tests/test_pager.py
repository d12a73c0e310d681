"""Long listings through a pager on a terminal, as git does; never when piped or --no-pager."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from studylog.cli.pager import DEFAULT_PAGER, pager_command, wanted
from tests.conftest import Database, Run

pexpect = pytest.importorskip("pexpect")
ROOT = Path(__file__).resolve().parent.parent
#: A pager that marks every line it shows, so a test sees what went through it.
MARKING = "sed s/^/PAGED:/"


def spawn(*args: str, rows: int = 10, **env: str) -> tuple[str, int]:
    """studylog on a pseudo-terminal ``rows`` lines high: what the terminal showed, exit status."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT), **env)
    environment.pop("COLUMNS", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "studylog", *args],
        env=environment,
        encoding="utf-8",
        dimensions=(rows, 100),
        timeout=60,
    )
    child.expect(pexpect.EOF)
    child.close()
    return child.before.replace("\r\n", "\n"), child.exitstatus


def test_a_long_listing_is_paged_on_a_terminal(seeded: Database) -> None:
    shown, status = spawn("session", "list", "--year", "2023", STUDYLOG_PAGER=MARKING)
    assert status == 0
    lines = [line for line in shown.splitlines() if line.strip()]
    assert len(lines) > 10 and all(line.startswith("PAGED:") for line in lines)
    assert any("2023-12-15" in line for line in lines)


def test_no_pager_and_a_listing_that_fits_are_not_paged(seeded: Database) -> None:
    shown, status = spawn("session", "list", "--year", "2023", "--no-pager", STUDYLOG_PAGER=MARKING)
    assert status == 0 and "PAGED:" not in shown and "2023-12-15" in shown
    shown, status = spawn("--no-pager", "member", "list", STUDYLOG_PAGER=MARKING)
    assert status == 0 and "PAGED:" not in shown
    shown, status = spawn("session", "list", "--month", "2023-03", rows=40, STUDYLOG_PAGER=MARKING)
    assert status == 0 and "PAGED:" not in shown and "2023-03-15" in shown  # fits the screen


def test_the_pager_is_chosen_like_git(seeded: Database) -> None:
    shown, _ = spawn("session", "list", "--year", "2023", PAGER=MARKING)
    assert "PAGED:" in shown
    shown, _ = spawn("session", "list", "--year", "2023", PAGER=MARKING, STUDYLOG_PAGER="cat")
    assert "PAGED:" not in shown and "2023-12-15" in shown


def test_piped_output_is_never_paged(
    seeded: Database, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    marker = tmp_path / "paged"
    monkeypatch.setenv("STUDYLOG_PAGER", f"cat > {marker}")
    result = run("--pager", "session", "list", "--year", "2023")
    assert result.exit_code == 0 and "2023-12-15" in result.stdout
    assert not marker.exists()


def test_pager_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STUDYLOG_PAGER", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    assert pager_command() == DEFAULT_PAGER == "less -FRX"
    monkeypatch.setenv("PAGER", "more")
    assert pager_command() == "more"
    monkeypatch.setenv("STUDYLOG_PAGER", "most")
    assert pager_command() == "most"
    monkeypatch.setenv("STUDYLOG_PAGER", "")
    assert pager_command() is None
    assert wanted(False) is None  # --no-pager

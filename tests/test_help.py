"""Every command explains itself, and asking for help stays light."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
import typer

from studylog.cli import app
from tests.conftest import Run


def _commands() -> Iterator[tuple[list[str], typer.core.TyperCommand]]:
    root = typer.main.get_command(app)

    def walk(command: typer.core.TyperCommand, path: list[str]) -> Iterator:
        yield path, command
        for name, child in getattr(command, "commands", {}).items():
            yield from walk(child, [*path, name])

    yield from walk(root, [])


COMMANDS = [path for path, _ in _commands()]


def test_the_contract_commands_exist() -> None:
    names = {" ".join(path) for path in COMMANDS}
    for expected in (
        "init",
        "member add",
        "member list",
        "member edit",
        "member retire",
        "session add",
        "session list",
        "session show",
        "session edit",
        "session delete",
        "attend",
        "makeup add",
        "makeup list",
        "speech add",
        "speech list",
        "stats",
        "demo",
    ):
        assert expected in names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "studylog")
def test_every_command_has_help(path: list[str], run: Run) -> None:
    command = dict((" ".join(p), c) for p, c in _commands())[" ".join(path)]
    assert command.help and command.help.strip(), path
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    first_line = command.help.strip().splitlines()[0]
    assert first_line[:30] in " ".join(result.stdout.split())
    if path and not getattr(command, "commands", None):  # leaf commands show an example
        assert "Example" in command.help, path


def test_help_does_not_import_the_database_or_office_formats() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "studylog", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Usage" in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    heavy = ("sqlalchemy", "alembic", "docx", "openpyxl", "rich", "tabulate")
    assert not {name for name in imported if name.startswith(heavy)}


def test_version(run: Run) -> None:
    from studylog import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"studylog {__version__}"


def test_no_arguments_shows_help(run: Run) -> None:
    result = run()
    assert result.exit_code == 0 and "Usage" in result.stdout

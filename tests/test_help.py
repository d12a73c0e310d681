"""Every command explains itself, and asking for help stays light."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer

from studylog.cli import COMMANDS as COMMAND_TREE
from studylog.cli import app, load_command
from studylog.text.messages import set_language
from tests.conftest import Database, Run


def _commands() -> Iterator[tuple[list[str], typer.core.TyperCommand]]:
    root = typer.main.get_command(app)

    def walk(command: typer.core.TyperCommand, path: list[str]) -> Iterator:
        yield path, command
        if hasattr(command, "list_commands"):  # a group: the root loads its commands lazily
            context = typer.Context(command)
            for name in command.list_commands(context):
                yield from walk(command.get_command(context, name), [*path, name])

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
    # The commands are built here, outside a run: in English, whatever language a test
    # before this one (in this process) left set.
    set_language("en")
    command = dict((" ".join(p), c) for p, c in _commands())[" ".join(path)]
    assert command.help and command.help.strip(), path
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    first_line = command.help.strip().splitlines()[0]
    assert first_line[:30] in " ".join(result.stdout.split())
    if path and not getattr(command, "commands", None):  # leaf commands show an example
        assert "Example" in command.help, path


@pytest.mark.parametrize("name", list(COMMAND_TREE))
def test_the_top_level_help_says_what_each_command_says(name: str) -> None:
    *_, short_help = COMMAND_TREE[name]
    assert load_command(name).get_short_help_str(10_000) == short_help


def _imported_by(*args: str, status: int = 0) -> tuple[str, set[str]]:
    """The output of ``studylog ARGS`` in a fresh process, and every module it imported."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "studylog", *args],
        capture_output=True,
        text=True,
    )
    assert result.returncode == status, result.stderr[-500:]
    return result.stdout, {line.split("|")[-1].strip() for line in result.stderr.splitlines()}


def test_help_does_not_import_the_database_or_office_formats() -> None:
    output, imported = _imported_by("--help")
    assert "Usage" in output
    heavy = ("sqlalchemy", "alembic", "docx", "openpyxl", "rich", "tabulate", "pydantic")
    assert not {name for name in imported if name.startswith(heavy)}
    # Nor any command's module: the list of commands is read from the table in
    # studylog.cli.commands (the output helpers in studylog.cli.render are not a command).
    loaded = {name for name in imported if name.startswith("studylog.cli.")}
    assert loaded <= {
        "studylog.cli.commands",
        "studylog.cli.common",
        "studylog.cli.completion",
        "studylog.cli.helptext",
        "studylog.cli.render",
    }
    assert "studylog.cli.common" in loaded


def test_the_figures_start_without_the_orm(seeded: Database) -> None:
    """``stats`` is the command people run most: it reads through SQLAlchemy Core. (Its
    options are Typer's to convert, through pydantic in Typer 0.29: no private hook of
    Typer's is patched to avoid that, see bench/STARTUP.md.)"""
    for args, shown in (
        (["--year", "2023"], "2023: 12 sessions, 12 discussions"),
        (["--year", "2023", "--by", "member", "--format", "csv"], "Total,,72,66,1,4,1,4,1,"),
    ):
        output, imported = _imported_by("stats", *args)
        assert shown in output
        slow = ("sqlalchemy.orm", "studylog.store.models", "studylog.store.audit")
        assert not {name for name in imported if name.startswith(slow)}, args


@pytest.mark.parametrize("command", ["stats", "import"])
def test_the_garbage_collector_is_back_on_for_the_commands_work(
    command: str,
    seeded: Database,
    ok: Callable[..., str],
    tmp_path: Path,
    new_database: Callable[[str], Database],
) -> None:
    """main() keeps Python's cyclic garbage collector off while a command starts (it would
    walk every module and class made so far again and again) and turns it back on, with
    what start-up made frozen, once the database is open: a long import collects as any
    program does."""
    probe = (
        "import gc, sys\n"
        "from studylog.cli import main\n"
        "sys.argv = ['studylog', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    env = dict(os.environ)
    if command == "stats":
        args, shown = ["stats", "--year", "2023", "--format", "json"], '"sessions": 12'
    else:
        out = tmp_path / "2023.json"
        ok("export", "--year", "2023", "--out", str(out))
        args, shown = ["import", str(out)], "72 roll lines"
        env["STUDYLOG_DB"] = new_database("other").url
    result = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True, env=env
    )
    assert shown in result.stdout
    assert result.stdout.splitlines()[-1] == "True True"


def test_version(run: Run) -> None:
    from studylog import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"studylog {__version__}"


def test_no_arguments_shows_help(run: Run) -> None:
    result = run()
    assert result.exit_code == 0 and "Usage" in result.stdout

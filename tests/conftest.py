"""Shared fixtures: every test gets its own studylog folder and database, in English."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from studylog.cli import app

Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches a real home directory or inherits the developer's settings."""
    monkeypatch.setenv("STUDYLOG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("STUDYLOG_DB", str(tmp_path / "studylog.db"))
    for variable in ("STUDYLOG_ORG", "STUDYLOG_LANG", "STUDYLOG_DEBUG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "studylog.db"


@pytest.fixture
def run() -> Run:
    """Run studylog in-process: ``run("member", "add", "张三")`` → the CliRunner result."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def ok(run: Run) -> Callable[..., str]:
    """Run studylog, insist that it succeeded, and return its stdout."""

    def invoke(*args: str, input: str | None = None) -> str:
        result = run(*args, input=input)
        assert result.exit_code == 0, (args, result.output, result.exception)
        return result.stdout

    return invoke


_built: dict[str, Path] = {}


def built_once(
    factory: pytest.TempPathFactory, name: str, build: Callable[[Callable[..., str]], None]
) -> Path:
    """A database made by ``build(ok)`` once per test run, to be copied by each test that
    needs it (recording a year through the CLI takes a second or two)."""
    if name not in _built:
        path = factory.mktemp(name) / "studylog.db"
        monkeypatch = pytest.MonkeyPatch()
        monkeypatch.setenv("STUDYLOG_DB", str(path))
        monkeypatch.setenv("STUDYLOG_HOME", str(path.parent))
        monkeypatch.setenv("LANG", "C.UTF-8")
        for variable in ("STUDYLOG_ORG", "STUDYLOG_LANG", "STUDYLOG_CONFIG", "LC_ALL"):
            monkeypatch.delenv(variable, raising=False)
        runner = CliRunner()

        def ok(*args: str) -> str:
            result = runner.invoke(app, list(args))
            assert result.exit_code == 0, (args, result.output)
            return result.stdout

        try:
            build(ok)
        finally:
            monkeypatch.undo()
        _built[name] = path
    return _built[name]


def recording(commands: Sequence[Sequence[str]]) -> Callable[[Callable[..., str]], None]:
    """A builder for :func:`built_once` that runs these commands in order."""

    def build(ok: Callable[..., str]) -> None:
        for args in commands:
            ok(*args)

    return build


@pytest.fixture
def seeded(tmp_path_factory: pytest.TempPathFactory, db_path: Path) -> Path:
    """The seed year (tests/seed.py), fresh for each test."""
    from tests.seed import record_seed_year

    shutil.copy(built_once(tmp_path_factory, "seed", record_seed_year), db_path)
    return db_path

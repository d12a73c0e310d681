"""The built wheel: it carries the top-level migrations, and installed on its own (offline, in
a fresh virtualenv outside the checkout) it creates and upgrades databases on first use."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from studylog.store.db import SCHEMA_HEAD, _alembic_config

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.sqlite_only(reason="the wheel does not depend on the database")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("studylog-*.whl")
    return built


def test_the_wheel_carries_every_migration(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    versions = sorted(path.name for path in (ROOT / "migrations" / "versions").glob("*.py"))
    assert versions, "no migrations in the checkout"
    expected = {"studylog/migrations/env.py", "studylog/migrations/script.py.mako"}
    expected |= {f"studylog/migrations/versions/{name}" for name in versions}
    # and the report's templates, which `report` reads from the package
    expected |= {f"studylog/documents/templates/report.{lang}.j2" for lang in ("zh", "en")}
    assert expected <= names
    # One copy in the source tree: the package folder holds no migrations of its own.
    assert not (ROOT / "studylog" / "migrations").exists()


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed from the file alone (no index). Its
    dependencies are the ones already installed here, reached through a .pth file: the
    checkout itself is not on that path (an editable install is a .pth the new venv does
    not read)."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    target = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    Path(target, "dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-index",
            "--no-deps",
            "--quiet",
            "--target",
            target,
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return home / "bin"


def _studylog(bin_folder: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STUDYLOG_", "PYTHON"))
    }
    env.update(STUDYLOG_HOME=str(cwd / "home"), LANG="C.UTF-8")
    return subprocess.run(
        [bin_folder / "python", "-m", "studylog", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_installed_wheel_runs_from_anywhere(installed: Path, tmp_path: Path) -> None:
    probe = subprocess.run(
        [installed / "python", "-c", "import studylog; print(studylog.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PATH": os.environ.get("PATH", "")},
    )
    assert probe.returncode == 0, probe.stderr
    assert not probe.stdout.startswith(str(ROOT)), probe.stdout  # the wheel, not the checkout

    new = str(tmp_path / "new.db")
    result = _studylog(installed, tmp_path, "--db", new, "init", "--org", "示例局中心组")
    assert result.returncode == 0, result.stderr
    result = _studylog(installed, tmp_path, "--db", new, "stats", "--year", "2023")
    assert result.returncode == 0, result.stderr
    assert "2023: 0 sessions" in result.stdout


def test_the_installed_wheel_upgrades_an_old_database(installed: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
    engine.dispose()

    result = _studylog(installed, tmp_path, "--db", str(old), "init", "--org", "示例局中心组")
    assert result.returncode == 0, result.stderr
    result = _studylog(
        installed, tmp_path, "--db", str(old), "stats", "--year", "2023", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    assert '"org": "示例局中心组"' in result.stdout
    import sqlite3

    with sqlite3.connect(old) as connection:
        (version,) = connection.execute("SELECT version_num FROM studylog_version").fetchone()
    assert version == SCHEMA_HEAD


def test_the_wheel_carries_the_web_pages(wheel: Path) -> None:
    """The sign-in page and serve's pages need their templates and style sheet installed."""
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = ROOT / "studylog" / "web"
    expected = {
        path.relative_to(ROOT).as_posix()
        for folder in ("templates", "static")
        for path in (shipped / folder).iterdir()
    }
    assert expected and expected <= names

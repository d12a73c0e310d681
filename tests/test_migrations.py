"""The schema: models and migrations agree, databases upgrade on first use, the wheel ships it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from studylog.db import SCHEMA_HEAD, _alembic_config, open_engine, resolve_url

ROOT = Path(__file__).resolve().parent.parent


def test_schema_head_constant_matches_alembic() -> None:
    script = ScriptDirectory.from_config(_alembic_config())
    assert script.get_heads() == [SCHEMA_HEAD]


def test_a_fresh_database_is_upgraded_to_head(db_path: Path) -> None:
    open_engine(resolve_url(str(db_path)), create=True).dispose()
    with sqlite3.connect(db_path) as connection:
        (version,) = connection.execute("SELECT version_num FROM studylog_version").fetchone()
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert version == SCHEMA_HEAD
    assert {"orgs", "members", "sessions", "attendance", "makeups", "speeches"} <= tables


def test_models_and_migrations_agree(db_path: Path) -> None:
    engine = open_engine(resolve_url(str(db_path)), create=True)
    try:
        with engine.connect() as connection:
            command.check(_alembic_config(connection))  # raises on any drift
    finally:
        engine.dispose()


def test_the_first_command_creates_the_schema(ok, db_path: Path) -> None:
    assert not db_path.exists()
    ok("init", "--org", "某局党组理论学习中心组")
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT name FROM orgs").fetchall() == [
            ("某局党组理论学习中心组",)
        ]


def test_the_wheel_contains_the_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("studylog-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "studylog/migrations/env.py",
        "studylog/migrations/script.py.mako",
        f"studylog/migrations/versions/{SCHEMA_HEAD}_core.py",
    ):
        assert needed in names

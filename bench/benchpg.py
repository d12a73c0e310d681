"""The benchmarks' PostgreSQL side: the admin URL, whether it answers, databases of their own.

The admin URL is ``STUDYLOG_BENCH_PG`` (default: the local server's ``test`` database); the
benchmarks make and drop their own databases next to it (``studylog_bench_*``), never touching
the admin database's tables. studylog is handed SQLAlchemy URLs (``postgresql+psycopg://``);
``psql`` is handed the same URL without the driver (a libpq URI).
"""

from __future__ import annotations

import os
import re
from typing import Any

ADMIN_URL = os.environ.get("STUDYLOG_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SCALE_DB = "studylog_bench_scale"  # make_data.py: the scale data, every group and year
IMPORT_DB = "studylog_bench_import"  # run.py: studylog import, fresh each time
BARE_DB = "studylog_bench_bare"  # run.py: psql \copy into bare tables, fresh each time
SAME_DB = "studylog_bench_same"  # run.py: psql \copy into studylog's real tables, fresh each time
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def _url(database: str | None = None) -> Any:
    from sqlalchemy.engine import make_url

    url = make_url(ADMIN_URL)
    if url.get_backend_name() != "postgresql":
        raise SystemExit(f"STUDYLOG_BENCH_PG is not a PostgreSQL URL: {ADMIN_URL}")
    url = url.set(drivername="postgresql+psycopg")
    return url if database is None else url.set(database=database)


def url_for(database: str) -> str:
    """The SQLAlchemy URL studylog takes (STUDYLOG_DB) for one of the benchmark databases."""
    rendered: str = _url(database).render_as_string(hide_password=False)
    return rendered


def libpq_url(database: str) -> str:
    """The same database as a libpq URI, for ``psql``."""
    rendered: str = _url(database).set(drivername="postgresql").render_as_string(False)
    return rendered


def shown(database: str | None = None) -> str:
    shown_url: str = _url(database).render_as_string(hide_password=True)
    return shown_url


def _admin() -> Any:
    from sqlalchemy import create_engine

    return create_engine(_url(), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


def reachable() -> str | None:
    """None when the server answers at the admin URL, else why not (one line)."""
    from sqlalchemy import text

    try:
        engine = _admin()
    except ImportError as error:  # no psycopg
        return str(error)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure means: not reachable
        detail = str(getattr(error, "orig", error)).strip().splitlines()
        return detail[0] if detail else type(error).__name__
    finally:
        engine.dispose()
    return None


def exists(database: str) -> bool:
    from sqlalchemy import text

    engine = _admin()
    try:
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": database}
            ).scalar()
    finally:
        engine.dispose()
    return found is not None


def recreate(database: str) -> None:
    """Drop the database (if there) and create it empty."""
    drop(database)
    _admin_sql(f'CREATE DATABASE "{_checked(database)}"')


def drop(database: str) -> None:
    _admin_sql(f'DROP DATABASE IF EXISTS "{_checked(database)}" WITH (FORCE)')


def vacuum_analyze(database: str) -> None:
    """VACUUM (ANALYZE) the database: after a bulk load, what autovacuum would do soon after."""
    _admin_sql("VACUUM (ANALYZE)", database)


def _admin_sql(sql: str, database: str | None = None) -> None:
    from sqlalchemy import create_engine, text

    engine = (
        _admin()
        if database is None
        else create_engine(_url(database), isolation_level="AUTOCOMMIT")
    )
    try:
        with engine.connect() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


def _checked(database: str) -> str:
    if not _NAME.match(database):
        raise ValueError(f"not a plain database name: {database}")
    return database

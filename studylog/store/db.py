"""The database: where it lives, opening it, upgrading its schema, one transaction per command.

SQLite is the default (one file in the user data dir, no server); any SQLAlchemy URL works,
PostgreSQL included. The schema is created or upgraded on first use: the user never runs
Alembic. Alembic stays off the hot path: the stored revision is compared with
:data:`SCHEMA_HEAD` first, and only a mismatch loads the migration scripts.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from studylog.errors import StudylogError
from studylog.store.peek import home as home  # where the default database lives
from studylog.store.peek import target as peek_target
from studylog.store.urls import shown

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    Reader = Connection | Session  # the ORM session of a command, or a bare connection

#: The newest migration; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0010"
#: Alembic's version table, named for us so a shared PostgreSQL database can hold others'.
VERSION_TABLE = "studylog_version"


def _migrations_dir() -> Path:
    """The Alembic scripts: mapped into the package in a wheel, top-level in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "migrations"
    return installed if installed.is_dir() else package.parent / "migrations"


MIGRATIONS_DIR = _migrations_dir()
OUR_TABLES = frozenset(
    {"orgs", "members", "sessions", "session_tags", "attendance", "makeups", "speeches"}
    | {"plan_items", "plan_speakers", "rectifications", "rectify_progress", "audit_log"}
    | {"session_forms", "session_extended", "session_observers", "session_visitors"}
    | {"member_outputs", "self_study", "agenda_items"}
)


def resolve_url(db: str | None) -> str:
    """``--db`` beats ``STUDYLOG_DB`` beats the default file; a plain path means SQLite."""
    target = peek_target(db)
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


#: How long a write waits for another command's write (a long import, say) to finish.
LOCK_TIMEOUT_VARIABLE = "STUDYLOG_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 600.0  # seconds
#: A write that gets the lock within this long says nothing about waiting.
QUIET_WAIT_MS = 250


def lock_timeout() -> float:
    """Seconds a write waits for the write lock: ``STUDYLOG_LOCK_TIMEOUT``, else 600."""
    value = os.environ.get(LOCK_TIMEOUT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86400:
        raise StudylogError("bad_lock_timeout", variable=LOCK_TIMEOUT_VARIABLE, value=value)
    return seconds


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so that
        # DDL in a migration is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(lock_timeout() * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A write takes the write lock up front, so it never fails half-way on a busy file.
        if connection.get_execution_options().get("studylog_write"):
            _begin_write(connection)
        else:
            connection.exec_driver_sql("BEGIN")


def _configure_postgresql(engine: Engine) -> None:
    # A write waits for another's lock (the group's row, held while that write runs) up to
    # the same limit as on SQLite, then fails with one clear line.
    limit = int(lock_timeout() * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET lock_timeout = {limit}")
        cursor.close()
        dbapi_connection.commit()


def _begin_write(connection: Connection) -> None:
    """BEGIN IMMEDIATE; when another command holds the write lock, say so on stderr and wait
    for it (up to :func:`lock_timeout`) instead of failing at once."""
    limit = int(lock_timeout() * 1000)
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {min(QUIET_WAIT_MS, limit)}")
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    except OperationalError as error:
        if "locked" not in str(error.orig) or limit <= QUIET_WAIT_MS:
            raise
        from studylog.text.messages import t

        path = connection.engine.url.database or ""
        sys.stderr.write(t("waiting_for_lock", path=path, seconds=round(limit / 1000)) + "\n")
        sys.stderr.flush()
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {limit - QUIET_WAIT_MS}")
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {limit}")


def _create_file(path: Path) -> None:
    """A new, empty database file that only its owner may read: these are personal records.

    studylog's own folder is made when missing; any other folder must exist (a typing slip
    in --db should not scatter folders about).
    """
    if not path.parent.exists():
        if path.parent.resolve() != home().expanduser().resolve():
            raise StudylogError("no_folder", path=str(path.parent))
        path.parent.mkdir(parents=True, mode=0o700)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass  # another process made it first
    except OSError as error:
        raise StudylogError("db_unreachable", url=str(path), detail=error.strerror) from None


def open_engine(url: str, *, create: bool) -> Engine:
    """An engine on a studylog database at head, creating or upgrading it on first use.

    ``create=False`` (commands that need existing records) refuses to make a new file.
    """
    return open_database(url, create=create)[0]


def open_database(url: str, *, create: bool) -> tuple[Engine, bool]:
    """:func:`open_engine`, and whether this made the schema (the database held no studylog
    tables): see :func:`remove_schema`."""
    path = sqlite_path(url)
    if path is not None:
        if path.is_dir():
            raise StudylogError("db_is_directory", path=str(path))
        # SQLite would write a journal beside a device (/dev/null-journal) and fail half-way.
        if path.exists() and not path.is_file():
            raise StudylogError("db_not_regular", path=str(path))
        if not path.exists():
            if not create:
                raise StudylogError("no_database", path=str(path))
            _create_file(path)
    try:
        engine = create_engine(url, **_read_only(path))
    except (ArgumentError, ImportError) as error:
        raise StudylogError("bad_db_url", url=shown(url), detail=str(error)) from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    try:
        made = _ensure_schema(engine, url, create=create)
    except BaseException:
        engine.dispose()
        raise
    _collect_from_here()
    return engine, made


def _read_only(path: Path | None) -> dict[str, Any]:
    """How to open a SQLite file this user cannot write: as it stands (``immutable``), so that
    a read leaves no ``-wal`` or ``-shm`` beside it (SQLite makes them for any reader of a WAL
    database, and only a writer can take them away). A ``-wal`` already there is a writer's
    work in progress: then read-only through the writer's files, which stay the writer's."""
    if path is None or not path.exists() or os.access(path, os.W_OK):
        return {}
    import sqlite3
    from urllib.parse import quote

    wal = path.with_name(path.name + "-wal").exists()
    address = f"file:{quote(str(path.resolve()))}?mode=ro" + ("" if wal else "&immutable=1")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(address, uri=True, check_same_thread=False)

    return {"creator": connect}


def _collect_from_here() -> None:
    """The garbage collector back on, for the work of a command that studylog.cli.main()
    started with it off. What exists by now is frozen, left out of every collection: the
    modules and classes start-up made, which live until the process ends. Where the
    collector is on (a test, a library caller) this does nothing."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def remove_schema(engine: Engine) -> None:
    """Take out again the schema that :func:`open_database` made, while no group is recorded
    in it: a database that held no studylog tables holds none again (on SQLite, the file is
    removed instead)."""
    from studylog.store.tables import metadata, orgs

    with engine.begin() as connection:
        if connection.execute(select(orgs.c.id).limit(1)).first() is None:
            metadata.drop_all(connection)
            connection.execute(text(f"DROP TABLE {VERSION_TABLE}"))


def _ensure_schema(engine: Engine, url: str, *, create: bool) -> bool:
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            version = None
            if VERSION_TABLE in tables:
                version = connection.execute(
                    text(f"SELECT version_num FROM {VERSION_TABLE}")
                ).scalar()
            connection.rollback()
    except OperationalError as error:
        raise StudylogError("db_unreachable", url=shown(url), detail=_first_line(error)) from None
    except DatabaseError:
        raise StudylogError("not_a_database", url=shown(url)) from None
    if version == SCHEMA_HEAD:
        return False
    if version is None:
        foreign = tables if engine.dialect.name == "sqlite" else tables & OUR_TABLES
        if foreign:
            raise StudylogError("not_studylog", url=shown(url))
        if not create:
            raise StudylogError("no_database", path=shown(url))
    elif version not in known_revisions():
        raise StudylogError("schema_newer", url=shown(url), version=version)
    with engine.connect() as connection:
        migrate(connection.execution_options(studylog_write=True))
    return version is None


def migrate(connection: Connection) -> None:
    """Upgrade to head in one transaction: all of it lands, or the database is as it was.

    On SQLite, Alembic alters a table by copying it, and dropping the old copy would
    cascade to every row that refers to it; foreign keys are switched off for the upgrade
    (it cannot be done inside a transaction) and checked before the commit instead.
    """
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _sqlite_pragma(connection, "journal_mode = WAL")  # readers never block the writer
        _sqlite_foreign_keys(connection, on=False)
    try:
        with connection.begin():
            upgrade(connection)
            if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise RuntimeError("the schema upgrade left rows without their parents")
    finally:
        if sqlite:
            _sqlite_foreign_keys(connection, on=True)


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    _sqlite_pragma(connection, f"foreign_keys = {'ON' if on else 'OFF'}")


def _sqlite_pragma(connection: Connection, pragma: str) -> None:
    # Straight to the driver: through SQLAlchemy the pragma would run in a transaction,
    # where SQLite ignores it.
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA {pragma}")


def _first_line(error: Exception) -> str:
    detail = str(getattr(error, "orig", error)).strip().splitlines()
    return detail[0] if detail else type(error).__name__


def _alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    # Alembic keeps the stdout it is given; hand it the one in force now, not one captured
    # at import time (which a test runner may since have closed).
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def upgrade(connection: Connection) -> None:
    """Bring the schema to head inside the caller's transaction."""
    from alembic import command

    command.upgrade(_alembic_config(connection), "head")


@contextmanager
def transaction(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """One unit of work: everything inside lands together or not at all.

    A write appends its audit entry (:mod:`studylog.store.audit`) in the same transaction. A
    database that cannot take the write is one clear error; nothing of the unit lands.
    """
    from sqlalchemy.orm import Session

    bind = engine.execution_options(studylog_write=write)
    with _reported(engine), Session(bind, expire_on_commit=False) as session, session.begin():
        if write:
            from studylog.store import audit

            audit.watch(session)
        yield session


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read in one transaction on a bare connection: the figures' path, with no ORM."""
    with _reported(engine), engine.connect() as connection, connection.begin():
        yield connection


@contextmanager
def _reported(engine: Engine) -> Iterator[None]:
    """A database that cannot be used (read-only, locked too long, disk full) is one clear
    error."""
    try:
        yield
    except OperationalError as error:
        url = engine.url.render_as_string(hide_password=True)
        raise StudylogError("db_write_failed", url=shown(url), detail=_first_line(error)) from None

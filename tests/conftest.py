"""Shared fixtures: every test gets its own studylog folder and database, in English.

The suite runs on SQLite (the default) or, with ``STUDYLOG_TEST_BACKEND=postgresql``, on the
PostgreSQL server at ``STUDYLOG_TEST_PG``: then every test's database is a PostgreSQL database
of its own, dropped afterwards. Tests reach their database through :class:`Database` (the
``database`` fixture), so the same test proves the same promise on both: "unchanged" is the
file byte for byte on SQLite, every row of every table on PostgreSQL. A database a test
starts from is built once per run (``backend.built_once``) and loaded with ``database.load``:
a copy of the file, or ``CREATE DATABASE ... TEMPLATE``. A test about SQLite itself (a file's
mode, its tools, its backup) is marked ``sqlite_only(reason=...)``.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, MetaData, create_engine, inspect, select, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner, Result

from studylog.cli import app

Run = Callable[..., Result]

BACKENDS = ("sqlite", "postgresql")
BACKEND = os.environ.get("STUDYLOG_TEST_BACKEND", "sqlite") or "sqlite"
PG_ADMIN_URL = os.environ.get(
    "STUDYLOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


# -- the backend: where test databases live ------------------------------------------------


class Template:
    """A database built once per test run, for each test that needs it to load."""

    def __init__(self, name: str, folder: Path, database: Database) -> None:
        self.name = name
        self.folder = folder  # STUDYLOG_HOME while it was built: files the build left there
        self.database = database


class Database:
    """One test database: what studylog is pointed at, and how a test looks at it.

    A PostgreSQL database is created when first used: by ``url``, by running studylog through
    the ``run`` or ``ok`` fixtures, or by any method here. A test that loads a template or
    never reaches the database does not wait for an empty database to be made first.
    """

    backend: str
    address: str  # the URL, whether or not the database is there yet
    shown: str  # how studylog names it in a message

    @property
    def url(self) -> str:
        """For STUDYLOG_DB or --db (made now, empty, if it was not yet)."""
        self.ensure()
        return self.address

    def ensure(self) -> None:
        """Make the database, empty, unless it is already made."""

    @property
    def path(self) -> Path:
        """The SQLite file (a test that needs one is marked ``sqlite_only``)."""
        raise AssertionError(f"a test on {self.backend} has no database file: mark it sqlite_only")

    def exists(self) -> bool:
        """A studylog database is there (SQLite: the file; PostgreSQL: any table)."""
        raise NotImplementedError

    def snapshot(self) -> object:
        """All that the database holds, to compare before and after; ``None`` if not there."""
        raise NotImplementedError

    def load(self, template: Template) -> None:
        """Make this database a copy of ``template``."""
        raise NotImplementedError

    def reset(self) -> None:
        """No database here any more (a command may create it)."""
        raise NotImplementedError

    def connect(self) -> AbstractContextManager[Connection]:
        """A connection behind studylog's back, in a transaction committed at the end."""
        raise NotImplementedError


class SqliteDatabase(Database):
    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self._path = path
        self.address = self.shown = str(path)

    @property
    def path(self) -> Path:
        return self._path

    def exists(self) -> bool:
        return self._path.exists()

    def snapshot(self) -> bytes | None:
        return self._path.read_bytes() if self._path.exists() else None

    def load(self, template: Template) -> None:
        shutil.copy(template.database.path, self._path)

    def reset(self) -> None:
        self._path.unlink(missing_ok=True)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        engine = create_engine(f"sqlite:///{self._path}")
        try:
            with engine.begin() as connection:
                yield connection
        finally:
            engine.dispose()  # no connection stays open on the file


#: Every column of every table in the current schema, as reflection would find them.
COLUMNS = text(
    "SELECT table_name, column_name, data_type, is_nullable, column_default "
    "FROM information_schema.columns WHERE table_schema = current_schema() "
    "ORDER BY table_name, ordinal_position"
)
_reflected: dict[tuple[Any, ...], MetaData] = {}


class PostgresDatabase(Database):
    backend = "postgresql"

    def __init__(self, server: PostgresServer, name: str) -> None:
        self.server = server
        self.name = name
        url = make_url(server.admin_url).set(database=name)
        self.address = url.render_as_string(hide_password=False)
        self.shown = url.render_as_string(hide_password=True)
        self.made = False
        self._engine: Engine | None = None  # kept for the test: connecting takes a while

    def ensure(self) -> None:
        if not self.made:
            self.server.create(self.name)
            self.made = True

    def exists(self) -> bool:
        with self.connect() as connection:
            return bool(inspect(connection).get_table_names())

    def snapshot(self) -> dict[str, Any] | None:
        """Every table's columns and every row of it, in order.

        The tables are found by reflection, done again whenever the columns differ from the
        last reflection's (reflecting takes longer than reading the rows).
        """
        with self.connect() as connection:
            columns = tuple(connection.execute(COLUMNS))
            if not columns:
                return None
            if columns not in _reflected:
                metadata = MetaData()
                metadata.reflect(connection)
                _reflected[columns] = metadata
            tables = sorted(_reflected[columns].tables.items())
            return {
                "columns": columns,
                **{
                    name: [
                        tuple(row)
                        for row in connection.execute(select(table).order_by(*table.columns))
                    ]
                    for name, table in tables
                },
            }

    def load(self, template: Template) -> None:
        assert isinstance(template.database, PostgresDatabase)
        template.database.close()  # a template is copied only while no one is connected
        self.drop()
        self.server.create(self.name, template=template.database.name)
        self.made = True

    def reset(self) -> None:
        self.drop()
        self.ensure()

    def drop(self, *, wait: bool = True) -> None:
        self.close()
        if self.made:
            self.server.drop(self.name, wait=wait)
            self.made = False

    def close(self) -> None:
        """No connection of the test's stays open on it."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        if self._engine is None:
            self._engine = create_engine(self.url)
        with self._engine.begin() as connection:
            yield connection


class PostgresServer:
    """The server the PostgreSQL run makes its databases on, through the admin URL.

    Creating a database takes a while; so while a test runs, a copy of the template it loaded
    (or an empty database) is made in the background for the next test, which takes it by
    renaming it. Finished tests' databases are dropped in the background too.
    """

    def __init__(self, admin_url: str, prefix: str) -> None:
        self.admin_url = admin_url
        self.engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.prefix = prefix
        self.spares = itertools.count(1)
        self.background = ThreadPoolExecutor(max_workers=1)
        self.ready: dict[str | None, Future[str]] = {}  # template (None: empty) → a copy
        self.dropped: list[Future[None]] = []

    def create(self, name: str, *, template: str | None = None) -> None:
        spare = self.ready.pop(template, None)
        if spare is not None:
            self._execute(f'ALTER DATABASE "{spare.result()}" RENAME TO "{name}"')
        else:
            self._create(name, template)
        self.ready[template] = self.background.submit(self._spare, template)

    def drop(self, name: str, *, wait: bool = True) -> None:
        if wait:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            self.dropped.append(self.background.submit(self.drop, name))

    def forget(self, template: str) -> None:
        """``template`` is about to be dropped: so is its spare copy."""
        spare = self.ready.pop(template, None)
        if spare is not None:
            self.drop(spare.result(), wait=False)

    def close(self) -> None:
        for template in list(self.ready):
            self.drop(self.ready.pop(template).result(), wait=False)
        self.background.shutdown(wait=True)
        for future in self.dropped:
            future.result()  # a database that could not be dropped is an error of the run
        self.engine.dispose()

    def _spare(self, template: str | None) -> str:
        name = f"{self.prefix}_spare_{next(self.spares)}"
        self._create(name, template)
        return name

    def _create(self, name: str, template: str | None) -> None:
        clause = f' TEMPLATE "{template}"' if template else ""
        self._execute(f'CREATE DATABASE "{name}"{clause}')

    def _execute(self, sql: str) -> None:
        # Straight to the driver: a test counting the statements studylog sends (through
        # SQLAlchemy's events) must not count these, sent from another thread.
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql)
            cursor.close()
        finally:
            connection.close()


class Backend:
    """Makes the test databases of one run, and the templates they load."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.factory = factory
        self._templates: dict[str, Template] = {}

    def new(self, folder: Path, name: str) -> Database:
        """A database with nothing in it yet, as studylog finds it before its first command:
        no file (SQLite) or no table (a new PostgreSQL database)."""
        raise NotImplementedError

    def drop(self, database: Database) -> None:
        """Done with ``database``."""

    def close(self) -> None:
        """The run is over."""

    def built_once(
        self,
        name: str,
        build: Callable[[Callable[..., str]], None],
        *,
        start: Template | None = None,
    ) -> Template:
        """A database made by ``build(ok)`` (on a copy of ``start``, if given) once per test
        run, for each test that needs it to load (recording a year through the CLI takes a
        second or two)."""
        if name not in self._templates:
            folder = self.factory.mktemp(name)
            database = self.new(folder, re.sub(r"\W", "_", name))
            if start is not None:
                database.load(start)
            monkeypatch = pytest.MonkeyPatch()
            monkeypatch.setenv("STUDYLOG_DB", database.url)
            monkeypatch.setenv("STUDYLOG_HOME", str(folder))
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
            except BaseException:
                self.drop(database)
                raise
            finally:
                monkeypatch.undo()
            self._templates[name] = Template(name, folder, database)
        return self._templates[name]


class SqliteBackend(Backend):
    def new(self, folder: Path, name: str) -> Database:
        return SqliteDatabase(folder / f"{name}.db")


class PostgresBackend(Backend):
    def __init__(self, factory: pytest.TempPathFactory, admin_url: str) -> None:
        super().__init__(factory)
        self.prefix = f"studylog_suite_{uuid.uuid4().hex[:8]}"  # this run's databases
        self.server = PostgresServer(admin_url, self.prefix)
        self.numbers = itertools.count(1)

    def new(self, folder: Path, name: str) -> Database:
        label = f"{self.prefix}_{next(self.numbers)}_{name}"[:63]
        return PostgresDatabase(self.server, label)

    def drop(self, database: Database) -> None:
        assert isinstance(database, PostgresDatabase)
        database.drop(wait=False)

    def close(self) -> None:
        for template in self._templates.values():
            assert isinstance(template.database, PostgresDatabase)
            self.server.forget(template.database.name)
            self.drop(template.database)
        self.server.close()


def _postgres_problem(admin_url: str) -> str | None:
    """Why the PostgreSQL run cannot go ahead, or ``None``."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the psycopg driver is not installed (pip install -e '.[test]')"
    engine = create_engine(admin_url)
    try:
        with engine.connect():
            return None
    except Exception as error:  # anything: the run must not go ahead
        return f"no PostgreSQL server at {make_url(admin_url)!r}: {error}".splitlines()[0]
    finally:
        engine.dispose()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): about SQLite itself (its file, tools or backup); "
        "skipped, with the reason, on the PostgreSQL run",
    )
    if BACKEND not in BACKENDS:
        raise pytest.UsageError(
            f"STUDYLOG_TEST_BACKEND={BACKEND!r}: choose one of {', '.join(BACKENDS)}"
        )
    if BACKEND == "postgresql":
        problem = _postgres_problem(PG_ADMIN_URL)
        if problem:
            raise pytest.UsageError(f"STUDYLOG_TEST_BACKEND=postgresql, but {problem}")


def pytest_report_header(config: pytest.Config) -> str:
    where = f" at {make_url(PG_ADMIN_URL)!r}" if BACKEND == "postgresql" else ""
    today = f"; today is {TODAY} (STUDYLOG_TEST_TODAY)" if TODAY else ""
    return f"studylog test databases: {BACKEND}{where}{today}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is None:
            continue
        reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else None)
        if not reason:
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs a reason")
        if BACKEND != "sqlite":
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    made: Backend = (
        PostgresBackend(tmp_path_factory, PG_ADMIN_URL)
        if BACKEND == "postgresql"
        else SqliteBackend(tmp_path_factory)
    )
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def new_database(backend: Backend, tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    """Make another database for this test (not there yet): ``new_database("other")``."""
    made: list[Database] = []

    def make(name: str) -> Database:
        database = backend.new(tmp_path, name)
        made.append(database)
        return database

    yield make
    for database in made:
        backend.drop(database)


@pytest.fixture
def database(new_database: Callable[[str], Database]) -> Database:
    """This test's database, the one STUDYLOG_DB names; not there until a command makes it."""
    return new_database("studylog")


#: ``STUDYLOG_TEST_TODAY=2026-08-15`` (or ``2026-12-31T23:59:59``) runs every test as if the
#: machine's clock said so (time-machine, ticking from there): a test that depends on today
#: must pass on any day, so the suite is run on the days that catch one that does not.
TODAY = os.environ.get("STUDYLOG_TEST_TODAY", "")


@pytest.fixture(autouse=True)
def travelled() -> Iterator[None]:
    """The clock set to ``STUDYLOG_TEST_TODAY`` for the test, when that is given."""
    if not TODAY:
        yield
        return
    import datetime as dt

    import time_machine

    moment = dt.datetime.fromisoformat(TODAY)
    with time_machine.travel(moment if moment.tzinfo else moment.astimezone(), tick=True):
        yield


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database: Database) -> Path:
    """No test touches a real home directory or inherits the developer's settings."""
    monkeypatch.setenv("STUDYLOG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("STUDYLOG_DB", database.address)  # made when first used
    # COLUMNS too: pytest-xdist sets it to 80 in its workers, and tables honour it.
    for variable in ("STUDYLOG_ORG", "STUDYLOG_LANG", "STUDYLOG_DEBUG", "LC_ALL", "LC_MESSAGES",
                     "COLUMNS", "STUDYLOG_PAGER"):  # fmt: skip
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path


@pytest.fixture
def db_path(database: Database) -> Path:
    """The test's SQLite file (tests about the file itself are marked ``sqlite_only``)."""
    return database.path


@pytest.fixture
def run(database: Database) -> Run:
    """Run studylog in-process: ``run("member", "add", "张三")`` → the CliRunner result."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        database.ensure()
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


def recording(commands: Sequence[Sequence[str]]) -> Callable[[Callable[..., str]], None]:
    """A builder for :meth:`Backend.built_once` that runs these commands in order."""

    def build(ok: Callable[..., str]) -> None:
        for args in commands:
            ok(*args)

    return build


@pytest.fixture
def seeded(backend: Backend, database: Database) -> Database:
    """The seed year (tests/seed.py), fresh for each test."""
    from tests.seed import record_seed_year

    database.load(backend.built_once("seed", record_seed_year))
    return database

"""What every command shares: the global settings, the database scope, option parsing.

Nothing here imports SQLAlchemy at module level, so ``studylog --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from studylog.cli.render import OUTPUT_FORMATS, OutputFormat
from studylog.config import Config, load_config
from studylog.errors import BadValue, StudylogError
from studylog.text.parse import parse_date, parse_year
from studylog.text.periods import Period

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

    from studylog.records.orgs import Group
    from studylog.store.models import Org


@dataclass
class Settings:
    """The global options of this run, and the settings file, read once when first needed."""

    db: str | None = None
    org: str | None = None
    config_file: str | None = None
    _config: Config | None = None

    def start(self, *, db: str | None, org: str | None, config_file: str | None) -> None:
        """A new run's global options; the settings file is read again when needed."""
        self.db, self.org, self.config_file, self._config = db, org, config_file, None

    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_file)
        return self._config

    def org_name(self) -> str | None:
        """``--org`` / ``STUDYLOG_ORG``, else the settings file's ``[org] name``."""
        return self.org if self.org is not None else self.config().org


settings = Settings()


@contextmanager
def records(*, write: bool = True) -> Iterator[tuple[Session, Org]]:
    """The current org's records, in one transaction that commits only if the block succeeds."""
    from studylog.records.orgs import resolve_org

    org_name = settings.org_name()
    with database(write=write) as session:
        org = resolve_org(session=session, name=org_name)
        if write:  # the audit log's entry will be this org's
            from studylog.store.audit import scope

            scope(session, org)
        yield session, org


@contextmanager
def database(*, write: bool = True) -> Iterator[Session]:
    """The whole database in one transaction, no org chosen (the supervising view)."""
    from studylog.store.db import transaction

    with _engine() as engine, transaction(engine, write=write) as session:
        yield session


@contextmanager
def figures(*, all_orgs: bool = False) -> Iterator[tuple[Connection, Group | None]]:
    """A read, on a bare connection, of the current org (of every org with ``all_orgs``): for
    commands that only aggregate, which so start without importing the ORM."""
    from studylog.records.orgs import find_group
    from studylog.store.db import reading

    with _engine() as engine, reading(engine) as connection:
        yield connection, None if all_orgs else find_group(connection, settings.org_name())


@contextmanager
def _engine() -> Iterator[Engine]:
    from studylog.store.db import open_engine, resolve_url

    engine = open_engine(resolve_url(settings.db), create=False)
    try:
        yield engine
    finally:
        engine.dispose()


def today() -> date:
    return date.today()


def to_date(text: str | None) -> date | None:
    return None if text is None else parse_date(text)


def to_format(text: str) -> OutputFormat:
    value = text.strip().lower()
    if value not in OUTPUT_FORMATS:
        raise BadValue(
            "bad_choice", what="--format", value=text, choices=" | ".join(OUTPUT_FORMATS)
        )
    return value


def period(year: int | None, start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """``--year`` or ``--from/--to`` as an inclusive date range (open ends allowed)."""
    if year is not None:
        if start is not None or end is not None:
            raise StudylogError("year_or_range")
        parse_year(year)
        return date(year, 1, 1), date(year, 12, 31)
    first, last = to_date(start), to_date(end)
    if first is not None and last is not None and first > last:
        raise StudylogError("bad_range", start=first, end=last)
    return first, last


def chosen_period(year: int | None, start: str | None, end: str | None) -> Period:
    """``--year`` or ``--from D --to D`` (both), for a document or an export."""
    if year is None and start is None and end is None:
        raise StudylogError("period_needed")
    first, last = period(year, start, end)
    if first is None or last is None:
        raise StudylogError("range_needs_both")
    return Period(first, last)


ROLL_COLUMNS = [
    ("member", "col_name"),
    ("title", "col_job_title"),
    ("status", "col_status"),
    ("reason", "col_reason"),
    ("made_up", "col_made_up"),
]

FormatOption = Annotated[
    str,
    typer.Option("--format", "-f", metavar="FORMAT", help="Output: table | json | csv | markdown."),
]
YearOption = Annotated[
    int | None, typer.Option("--year", "-y", metavar="YEAR", help="Calendar year, e.g. 2023.")
]
FromOption = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help="First date of the period (inclusive).")
]
ToOption = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help="Last date of the period (inclusive).")
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help="Judge as of this date instead of today."),
]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace the file (or folder) if it is already there."),
]
RefArgument = Annotated[
    str,
    typer.Argument(
        metavar="REF",
        help="Session id (12 or #12), or its date when only one session was held that day.",
    ),
]
ReasonOption = Annotated[
    str | None,
    typer.Option("--reason", metavar="TEXT", help="Why it is deleted (kept with it)."),
]
YesOption = Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")]

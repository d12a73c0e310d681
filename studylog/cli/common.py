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
from studylog.text.dates import typed_date
from studylog.text.periods import Period, choose_period

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
    pager: bool | None = None  # --pager / --no-pager; None: on a terminal
    _config: Config | None = None

    def start(self, *, db: str | None, org: str | None, config_file: str | None) -> None:
        """A new run's global options; the settings file is read again when needed."""
        self.db, self.org, self.config_file, self._config = db, org, config_file, None

    def config(self) -> Config:
        if self._config is None:
            from studylog.text.studyforms import use_custom_forms, use_group_noun

            self._config = load_config(self.config_file)
            use_custom_forms(self._config.forms)  # --form reads the group's own forms too
            use_group_noun(self._config.noun)
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
    use_settings(settings.config())
    try:
        yield engine
    finally:
        engine.dispose()


def use_settings(config: Config) -> None:
    """The settings every layer reads for this run: whether the secretary is expected."""
    from studylog.records.expected import expect_secretary

    expect_secretary(config.secretary_expected)


def today() -> date:
    return date.today()


def to_day(text: str) -> date:
    """A date option's value: a full date, or ``today``, ``昨天``, ``-3d``, ``3月5日`` (see
    :func:`studylog.text.dates.typed_date`), read against today's date."""
    return typed_date(text, today=today())


def to_date(text: str | None) -> date | None:
    """:func:`to_day`, None staying None (an option not given)."""
    return None if text is None else to_day(text)


def to_format(text: str) -> OutputFormat:
    value = text.strip().lower()
    if value not in OUTPUT_FORMATS:
        raise BadValue(
            "bad_choice", what="--format", value=text, choices=" | ".join(OUTPUT_FORMATS)
        )
    return value


def period(
    year: int | None,
    start: str | None,
    end: str | None,
    *,
    half: str | None = None,
    quarter: str | None = None,
    month: str | None = None,
) -> tuple[date | None, date | None]:
    """The period options (``--year``, ``--half``, ``--quarter``, ``--month``, ``--from/--to``)
    as an inclusive date range (open ends allowed; both None when none is given)."""
    return choose_period(
        year=year, half=half, quarter=quarter, month=month, start=start, end=end, today=today()
    )


def chosen_period(
    year: int | None,
    start: str | None,
    end: str | None,
    *,
    half: str | None = None,
    quarter: str | None = None,
    month: str | None = None,
    this_year: bool = False,
) -> Period:
    """One whole period, for a document, an export or the figures; ``this_year``: none given
    means the current year, else one must be given."""
    first, last = period(year, start, end, half=half, quarter=quarter, month=month)
    if first is None and last is None:
        if not this_year:
            raise StudylogError("period_needed")
        current = today().year
        return Period(date(current, 1, 1), date(current, 12, 31))
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
HalfOption = Annotated[
    str | None,
    typer.Option("--half", metavar="HALF", help="Half year: 2024H1, 2024H2, 2024年上半年."),
]
QuarterOption = Annotated[
    str | None,
    typer.Option("--quarter", metavar="QUARTER", help="Quarter: 2024Q1, 2024年第一季度."),
]
MonthOption = Annotated[
    str | None,
    typer.Option("--month", metavar="MONTH", help="Month: 2024-03, 2024年3月."),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="DATE",
        help="First date of the period (inclusive); also today, -30d, 3月5日, 2024-03.",
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="DATE",
        help="Last date of the period (inclusive); also today, yesterday, 2024Q1.",
    ),
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

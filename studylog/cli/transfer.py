"""``studylog export`` and ``studylog import``: a year's records to and from Excel, CSV, JSON."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from studylog.cli.common import ForceOption, records, settings, use_settings
from studylog.cli.render import emit_line, emit_note
from studylog.errors import BadValue, StudylogError
from studylog.text.messages import Phrase, t
from studylog.text.parse import parse_year

if TYPE_CHECKING:
    from studylog.transfer.columns import ExportFormat
    from studylog.transfer.loading import Meter


def export_(
    year: Annotated[
        int, typer.Option("--year", "-y", metavar="YEAR", help="Calendar year, e.g. 2023.")
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="Where to write: an .xlsx or .json file, or for csv a new (or empty) folder, "
            "one file a table.",
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="xlsx | csv | json (default: from --out: .xlsx, .json, else csv).",
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            metavar="ENCODING",
            help="CSV encoding: utf-8-sig (default: Excel and WPS show Chinese right) | "
            "gb18030 | utf-8.",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Write the year's records, its plan and ledger, and the attendance notice.

    Members, sessions, roll, make-ups, speeches, outputs, self-study, other meetings' first
    agenda items, the people beyond the roll (扩大学习, 列席, 巡听旁听), the plan with its
    schedule, the ledger with its follow-up. xlsx has a sheet per table, csv a file per table;
    headers and labels are in the output language (--lang), JSON has English keys and CLI
    values (and the sessions' minutes and materials). `studylog import` reads all of it back
    but the notice.

    \b
    Example: studylog --lang zh export --year 2023 --format xlsx --out 2023.xlsx
    """
    from studylog.cli.listing import csv_encoding
    from studylog.transfer.export import export_year

    parse_year(year)
    chosen = _export_format(fmt, out)
    if encoding is not None and chosen != "csv":
        raise StudylogError("encoding_csv_only")
    wanted = csv_encoding(encoding, default="utf-8-sig")
    from studylog.outputs import checked_target

    target = out.expanduser()
    if chosen == "csv" and (target.suffix.lower() == ".csv" or target.is_file()):
        raise StudylogError("export_csv_folder", path=str(target))
    if chosen != "csv" and target.is_dir():
        raise StudylogError("export_out_folder", path=str(target))
    target = checked_target(target, force=force, folder=chosen == "csv")
    with records(write=False) as (session, org):
        written = export_year(
            session=session,
            org=org,
            year=year,
            fmt=chosen,
            out=target,
            encoding=wanted,
            force=force,
        )
        name = org.name
    emit_line(
        t("export_done", year=year, org=name, path=str(target), counts=_counts(written.counts))
    )


def _export_format(fmt: str | None, out: Path) -> ExportFormat:
    from studylog.transfer.columns import EXPORT_FORMATS

    if fmt is None:
        suffix = out.suffix.lower()
        if suffix in (".xlsx", ".json"):
            return "xlsx" if suffix == ".xlsx" else "json"
        if suffix in ("", ".csv") or out.is_dir():
            return "csv"  # a folder; a name ending in .csv is refused below
        raise StudylogError("export_format_unclear", path=str(out))
    value = fmt.strip().lower()
    for known in EXPORT_FORMATS:
        if value == known:
            return known
    raise BadValue("bad_choice", what="--format", value=fmt, choices=" | ".join(EXPORT_FORMATS))


def import_(
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH",
            help="An .xlsx workbook, a .csv file, a folder of CSV files, or a .json export.",
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Check everything and say what would be added; write nothing."
        ),
    ] = False,
) -> None:
    """Add the records in a file that export wrote, a roster or a sign-in sheet.

    All or nothing: a bad row is reported with its file, sheet, row and column, and nothing is
    written. Members are matched by name; a session already recorded is an error. A database
    without a study group gets the file's (or --org). README "Import formats" lists the columns.

    \b
    Example: studylog import 签到表.xlsx --dry-run
    """
    from sqlalchemy.exc import SQLAlchemyError

    from studylog.cli.calendar_figures import own_categories
    from studylog.cli.setup import DEFAULT_ORG
    from studylog.store.db import (
        open_database,
        remove_schema,
        resolve_url,
        sqlite_path,
        transaction,
    )
    from studylog.store.urls import shown
    from studylog.transfer.importer import import_records
    from studylog.transfer.readers import read_source

    url = resolve_url(settings.db)
    org_name = settings.org_name()
    use_settings(settings.config())  # who the roll expects, as every command judges it
    database = sqlite_path(url)
    # An import may be the first use of a database. A new SQLite file is built under a
    # temporary name beside it and takes its name only once the import has committed: a
    # failure, a dry run or a kill leaves no half-made database under that name. On a server,
    # the tables a failed import created go again.
    created = database if database is not None and not database.exists() else None
    scratch = _scratch_database(created) if created is not None else None
    working = resolve_url(str(scratch)) if scratch is not None else url
    with read_source(Path(path).expanduser()) as source:  # an unreadable file fails before the DB
        engine, made_schema = open_database(working, create=True)
        new_schema = made_schema and database is None
        try:
            with _meter() as meter, transaction(engine) as session:
                result = import_records(
                    session=session,
                    source=source,
                    org_name=org_name,
                    fallback_org=DEFAULT_ORG,
                    meter=meter,
                    categories=own_categories(),
                )
                if dry_run:  # all of it checked and inserted; none of it stays
                    session.rollback()
        except BaseException:
            if scratch is not None:
                engine.dispose()
                _remove_database(scratch)
            elif new_schema:
                with suppress(SQLAlchemyError):  # the error that stopped the import comes first
                    remove_schema(engine)
            raise
        else:
            if dry_run and new_schema:
                remove_schema(engine)
        finally:
            engine.dispose()
    if scratch is not None and created is not None:
        try:
            if not dry_run:
                os.link(scratch, created)  # never over a database made meanwhile
        except FileExistsError:
            raise StudylogError("output_exists", path=str(created)) from None
        finally:
            _remove_database(scratch)
    if result.org_created and not dry_run:
        emit_line(t("org_created", org=result.org, db=shown(url)))
    if result.source_org is not None and result.source_org != result.org:
        emit_note(t("import_other_org", path=path, source=result.source_org, org=result.org))
    counts = _counts(result.counts, result.members_known)
    key = "import_dry_run" if dry_run else "import_done"
    emit_line(t(key, path=path, org=result.org, counts=counts))


def _counts(counts: dict[str, int], members_known: int = 0) -> list[Phrase]:
    from studylog.transfer.columns import IMPORTED

    # The records of every year first; outputs, self-study and other meetings only when any.
    shown = [table for table in IMPORTED if counts.get(table) or IMPORTED.index(table) < 5]
    parts = [Phrase(f"count_{table}", {"count": counts.get(table, 0)}) for table in shown]
    extra = ("session_notes", "session_materials")  # a JSON's minutes, outlines, materials
    parts += [
        Phrase(f"count_{table}", {"count": counts[table]}) for table in extra if counts.get(table)
    ]
    if members_known:
        parts.append(Phrase("count_members_known", {"count": members_known}))
    return parts


def _scratch_database(target: Path) -> Path | None:
    """An empty owner-only file beside ``target`` to build a new database in; None when
    ``target``'s folder does not exist yet (studylog's own folder is made on first use)."""
    import tempfile

    if not target.parent.is_dir():
        return None
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    return Path(name)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


class _Bar:
    """Import's progress as one rich bar on stderr, started again for each sheet."""

    def __init__(self, progress: Any) -> None:
        self.progress = progress
        self.task = progress.add_task("", total=None)

    def start(self, label: str, total: int | None) -> None:
        self.progress.reset(self.task, total=total, description=label)

    def update(self, done: int) -> None:
        self.progress.update(self.task, completed=done)


class _Quiet:
    def start(self, label: str, total: int | None) -> None:
        pass

    def update(self, done: int) -> None:
        pass


@contextmanager
def _meter() -> Iterator[Meter]:
    """A progress bar when stderr is a terminal; otherwise nothing is shown."""
    if not sys.stderr.isatty():
        yield _Quiet()
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield _Bar(progress)

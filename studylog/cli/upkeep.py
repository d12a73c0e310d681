"""``studylog db …``: backing up and checking the database file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.common import database, settings
from studylog.cli.render import emit_line, emit_rows
from studylog.text.messages import t

app = typer.Typer(
    help="The database file: online backup and consistency check.", no_args_is_help=True
)


@app.command("backup")
def backup(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The backup file to write (new).")],
) -> None:
    """Copy the database with SQLite's online backup, safe while others are writing.

    The copy is readable by its owner only.

    \b
    Example: studylog db backup 备份/studylog-2024-01-10.db
    """
    from studylog.store.db import open_engine, resolve_url
    from studylog.store.upkeep import backup as copy

    engine = open_engine(resolve_url(settings.db), create=False)
    try:
        written = copy(engine=engine, out=out.expanduser())
    finally:
        engine.dispose()
    emit_line(t("backup_written", path=written))


@app.command("check")
def check() -> None:
    """Check the file's integrity and studylog's own rules; exit status 1 on any problem.

    Rules: every roll line has its session and member, a make-up is for a leave or absence
    and not before the session, no record crosses from one group to another, and every
    group's audit log verifies.

    \b
    Example: studylog db check
    """
    from studylog.store.upkeep import check as run_checks

    with database(write=False) as session:
        findings = run_checks(session=session)
    emit_rows(
        [
            {
                "check": t(f"check_{finding.check}"),
                "result": t("result_pass") if not finding.problems else t("result_fail"),
                "problems": finding.problems,
            }
            for finding in findings
        ],
        [("check", "col_rule"), ("result", "col_result"), ("problems", "col_problems")],
        "table",
    )
    if any(finding.problems for finding in findings):
        raise typer.Exit(1)

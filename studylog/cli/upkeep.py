"""``studylog db …``: backing up and checking the database file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.common import ForceOption, database, settings
from studylog.cli.render import emit_line, emit_rows
from studylog.errors import CHECK_FAILED
from studylog.text.messages import t

app = typer.Typer(
    help="The database: online backup, consistency check, PostgreSQL roles walled to a group.",
    no_args_is_help=True,
)


@app.command("backup")
def backup(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The backup file to write.")],
    force: ForceOption = False,
) -> None:
    """Copy the database with SQLite's online backup, safe while others are writing.

    The copy is readable by its owner only; an existing file is replaced only with --force.

    \b
    Example: studylog db backup 备份/studylog-2024-01-10.db
    """
    from studylog.store.db import open_engine, resolve_url
    from studylog.store.upkeep import backup as copy

    engine = open_engine(resolve_url(settings.db), create=False)
    try:
        written = copy(engine=engine, out=out, force=force)
    finally:
        engine.dispose()
    emit_line(t("backup_written", path=written))


@app.command("check")
def check() -> None:
    """Check the file's integrity and studylog's own rules; exit status 3 on any problem.

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
        raise typer.Exit(CHECK_FAILED)


@app.command("grant")
def grant(
    role: Annotated[
        str, typer.Option("--role", metavar="ROLE", help="The PostgreSQL login role to make.")
    ],
) -> None:
    """Make a PostgreSQL login role that sees and changes only this group's records (--org).

    Every studylog table gets row-level security; the role may read and append to its group's
    audit log, never change it. Run it as the database's owner; again to update the role.

    \b
    Example: studylog --org 市统计局党组理论学习中心组 db grant --role tjj_secretary
    """
    from studylog.records.orgs import find_group
    from studylog.store import roles
    from studylog.store.db import open_engine, resolve_url

    engine = open_engine(resolve_url(settings.db), create=False)
    try:
        with engine.begin() as connection:
            group = find_group(connection, settings.org_name())
            made = roles.grant(
                connection=connection, org_id=group.id, org_name=group.name, role=role
            )
    finally:
        engine.dispose()
    emit_line(t("role_granted", role=made.role, org=made.org))


@app.command("revoke")
def revoke(
    role: Annotated[
        str, typer.Option("--role", metavar="ROLE", help="A role that db grant made or updated.")
    ],
) -> None:
    """Take back what db grant gave a PostgreSQL role; a role it made is dropped.

    \b
    Example: studylog db revoke --role tjj_secretary
    """
    from studylog.store import roles
    from studylog.store.db import open_engine, resolve_url

    engine = open_engine(resolve_url(settings.db), create=False)
    try:
        with engine.begin() as connection:
            dropped = roles.revoke(connection=connection, role=role)
    finally:
        engine.dispose()
    emit_line(t("role_dropped" if dropped else "role_revoked", role=role))

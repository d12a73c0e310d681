"""``studylog init`` and ``studylog demo``: starting a database, or trying one out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.common import settings
from studylog.cli.render import emit_line
from studylog.errors import StudylogError
from studylog.text.messages import t
from studylog.text.parse import clean_org_name

DEFAULT_ORG = "党组理论学习中心组"


def init() -> None:
    """Create the database if needed and name the study group (--org, default 党组理论学习中心组).

    Run again without --org, it names the group the database already holds.

    \b
    Example: studylog --org 市统计局党组理论学习中心组 init
    """
    from studylog.records.orgs import create_org, only_org
    from studylog.store.db import open_engine, resolve_url, transaction
    from studylog.store.urls import shown

    asked = settings.org_name()
    # Check the name before anything is created: a refused init leaves no file behind.
    wanted = clean_org_name(asked) if asked is not None else None
    url = resolve_url(settings.db)
    engine = open_engine(url, create=True)
    try:
        with transaction(engine) as session:
            existing = only_org(session=session) if wanted is None else None
            if existing is not None:  # `init` again without --org: the group it already has
                org, created = existing, False
            else:
                org, created = create_org(session=session, name=wanted or DEFAULT_ORG)
            name = org.name
    finally:
        engine.dispose()
    emit_line(t("org_created" if created else "org_exists", org=name, db=shown(url)))


def demo(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="PATH",
            help="Where to write the sample database (default: demo.db in studylog's folder).",
        ),
    ] = None,
) -> None:
    """Load a realistic sample year into a sample database and print its tallies.

    Your own database is not touched.

    \b
    Example: studylog demo
    """
    from studylog.figures.tallies import yearly_tallies
    from studylog.records.demo import DEMO_YEAR, load_demo_year
    from studylog.store.db import home, open_engine, resolve_url, transaction

    path = (out or home() / "demo.db").expanduser().resolve()
    url = resolve_url(str(path))
    if path.exists():
        _remove_old_demo(url, path)
    engine = open_engine(url, create=True)
    try:
        with transaction(engine) as session:
            org = load_demo_year(session=session)
            report = yearly_tallies(session=session, org=org, year=DEMO_YEAR, by="member")
    finally:
        engine.dispose()

    from studylog.cli.reports import print_report

    print_report(report, "table")
    emit_line("")
    emit_line(t("demo_written", year=DEMO_YEAR, path=path))


def _remove_old_demo(url: str, path: Path) -> None:
    """Replace an earlier demo database, and nothing else."""
    from sqlalchemy import select

    from studylog.records.demo import DEMO_ORG
    from studylog.store.db import open_engine, transaction
    from studylog.store.models import Org

    engine = open_engine(url, create=False)
    try:
        with transaction(engine, write=False) as session:
            names = list(session.scalars(select(Org.name)))
    finally:
        engine.dispose()
    if names not in ([DEMO_ORG], []):
        raise StudylogError("not_a_demo", path=str(path))
    path.unlink()

"""``stats --by member --format docx|xlsx --out FILE``: the attendance notice (出勤公示) alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from studylog.cli.common import records, settings
from studylog.cli.render import emit_line
from studylog.text.messages import t


def write_notice_file(
    first: date, last: date, year: int | None, *, fmt: str, out: str | Path, force: bool
) -> None:
    """Write the notice of the period to ``out`` (docx or xlsx), whole or not at all."""
    from studylog.documents.workbooks import write_notice
    from studylog.figures.tallies import period_tallies
    from studylog.outputs import checked_target, written_file

    target = checked_target(Path(out), force=force)
    display_name = settings.config().display_name
    with records(write=False) as (session, org):
        report = period_tallies(
            session=session, org=org, start=first, end=last, by="member", year=year
        )
        with written_file(target, force=force) as temporary:
            write_notice(report, temporary, org=display_name or org.name, fmt=fmt)
    emit_line(t("notice_written", path=target))

"""``plan schedule``, ``calendar`` and ``due``: the fixed study calendar (学习时间固定)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from studylog.cli.common import AsOfOption, ForceOption, FormatOption, records, to_date, to_format
from studylog.cli.common import today as current_day
from studylog.cli.render import emit_json, emit_line, emit_note, emit_rows
from studylog.errors import BadValue, StudylogError
from studylog.text.messages import t
from studylog.text.parse import parse_year

YearOption = Annotated[
    int, typer.Option("--year", "-y", metavar="YEAR", help="The plan's year, e.g. 2024.")
]

SCHEDULE_COLUMNS = [
    ("id", "col_id"),
    ("month", "col_month"),
    ("title", "col_title"),
    ("rule_day", "col_rule_day"),
    ("planned_on", "col_planned_on"),
    ("note", "col_note"),
]
DUE_COLUMNS = [
    ("state", "col_due_state"),
    ("kind", "col_due_kind"),
    ("id", "col_id"),
    ("due", "col_due_on"),
    ("title", "col_title"),
    ("detail", "col_due_detail"),
    ("days", "col_due_days"),
]


def schedule(
    year: YearOption,
    rule: Annotated[
        str,
        typer.Option(
            "--rule",
            metavar="RULE",
            help="second-tuesday, last-friday, day-15, 每月第二个星期二, 每月最后一个星期五, "
            "or dates: 2024-01-09,2024-02-06,…",
        ),
    ],
    time: Annotated[
        str | None, typer.Option("--time", metavar="HH:MM", help="Time of day, e.g. 09:00.")
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", metavar="TEXT", help="Where, e.g. 三楼会议室.")
    ] = None,
    host: Annotated[
        str | None, typer.Option("--host", metavar="NAME", help="Who is to host (主持).")
    ] = None,
    item: Annotated[
        list[int] | None,
        typer.Option("--item", metavar="ID", help="Only this plan item (repeat for more)."),
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """Give the year's plan items a planned day by a rule, skipping official holidays.

    A day that is not a working day (a holiday, or a weekend day not declared a working day
    by the State Council) moves to the next working day. For a year whose holidays are not
    published yet the rule's days are kept, and the command says so.

    \b
    Example: studylog plan schedule --year 2024 --rule 每月第二个星期二 --time 09:00 --place 会议室
    """
    from studylog.records.schedule import schedule_plan
    from studylog.text.schedule_rules import parse_rule, parse_time

    output = to_format(fmt)
    parse_year(year)
    parsed = parse_rule(rule)
    at = None if time is None else (parse_time(time) if time.strip() else "")
    with records() as (session, org):
        result = schedule_plan(
            session=session,
            org=org,
            year=year,
            rule=parsed,
            time=at,
            place=place,
            host=host,
            item_ids=item or (),
        )
    rows: list[dict[str, Any]] = []
    for line in result.lines:
        row = asdict(line)
        if line.moved:
            reason = t(f"holiday_{line.holiday}") if line.holiday else t("holiday_weekend")
            row["note"] = t("schedule_moved", day=line.rule_day, reason=reason)
        else:
            row["note"] = ""
        rows.append(row)
    if output == "json":
        emit_json({"year": year, "rule": parsed.text, "published": result.published, "items": rows})
    else:
        emit_rows(rows, SCHEDULE_COLUMNS, output)
    moved = sum(1 for line in result.lines if line.moved)
    emit_note(t("schedule_done", count=len(result.lines), year=year, moved=moved))
    if not result.published:
        emit_note(t("holidays_unpublished", year=year))


def calendar(
    year: YearOption,
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE.ics", help="The file.")],
    minutes: Annotated[
        int,
        typer.Option("--minutes", metavar="N", help="How long a timed session lasts (120)."),
    ] = 120,
    force: ForceOption = False,
) -> None:
    """Write the year's planned sessions as a calendar file (.ics) for phones and Outlook.

    One event per scheduled plan item (plan schedule): topic, place, host, a reminder the day
    before. Each event keeps its UID from one export to the next, so importing a new file
    updates the events rather than adding them twice.

    \b
    Example: studylog calendar --year 2024 --out 2024学习计划.ics
    """
    from studylog.cli.common import settings
    from studylog.documents.ics import calendar_bytes
    from studylog.outputs import checked_target, written_file
    from studylog.records.schedule import calendar_lines, log_position

    parse_year(year)
    if out.suffix.lower() != ".ics":
        raise BadValue("bad_extension", path=str(out), choices=".ics")
    if minutes < 1 or minutes > 24 * 60:
        raise BadValue("bad_minutes", value=minutes)
    target = checked_target(out, force=force)
    with records(write=False) as (session, org):
        lines = calendar_lines(session=session, org=org, year=year)
        if not lines:
            raise StudylogError("nothing_scheduled", year=year)
        data = calendar_bytes(
            group=org.name,
            year=year,
            lines=lines,
            sequence=log_position(session=session, org=org),
            minutes=minutes,
            stamp=dt.datetime.now(dt.UTC).replace(microsecond=0),
        )
        shown_name = settings.config().display_name or org.name
    with written_file(target, force=force) as temporary:
        temporary.write_bytes(data)
    emit_line(t("calendar_written", count=len(lines), year=year, path=target, group=shown_name))


def due(
    days: Annotated[
        int,
        typer.Option(
            "--days",
            "-d",
            metavar="N",
            help="The coming days to list (30); a make-up is overdue N days after its session.",
        ),
    ] = 30,
    as_of: AsOfOption = None,
    fmt: FormatOption = "table",
    fail_if_overdue: Annotated[
        bool,
        typer.Option("--fail-if-overdue", help="Exit with status 3 when anything is overdue."),
    ] = False,
) -> None:
    """List what is overdue and what is due in the coming days: planned sessions, make-ups,
    ledger deadlines.

    Exits 0 whatever it lists; with --fail-if-overdue, 3 when anything is overdue (for a
    daily cron line).

    \b
    Example: studylog due --days 14 --as-of 2024-10-08 --fail-if-overdue
    """
    from studylog.figures.due import OVERDUE, due_items

    output = to_format(fmt)
    if days < 0 or days > 366:
        raise BadValue("bad_days", value=days)
    day = to_date(as_of) or current_day()
    with records(write=False) as (session, org):
        items = due_items(session=session, org=org, as_of=day, days=days)
    rows = [asdict(item) for item in items]
    overdue = [row for row in rows if row["state"] == OVERDUE]
    coming = [row for row in rows if row["state"] != OVERDUE]
    if output == "json":
        emit_json({"as_of": day, "days": days, "overdue": overdue, "coming": coming})
    elif output == "csv":
        emit_rows(_shown(rows), DUE_COLUMNS, output)
    else:
        emit_line(t("due_summary", as_of=day, overdue=len(overdue), coming=len(coming), days=days))
        for title, part in ((t("due_overdue"), overdue), (t("due_coming", days=days), coming)):
            if part:
                emit_line("")
                emit_rows(_shown(part), DUE_COLUMNS[1:], output, title=title)
    if fail_if_overdue and overdue:
        raise typer.Exit(3)


def _shown(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        row | {"state": t(f"due_{row['state']}_state"), "kind": t(f"due_kind_{row['kind']}")}
        for row in rows
    ]

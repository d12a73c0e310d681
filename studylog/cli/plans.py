"""``studylog plan …``: the year's study plan, and plan against actual."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Annotated, Any

import typer

from studylog.cli.calendar import schedule as schedule_command
from studylog.cli.common import (
    AsOfOption,
    ForceOption,
    FormatOption,
    YesOption,
    records,
    to_date,
    to_format,
    today,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import emit_json, emit_line, emit_rows
from studylog.errors import StudylogError
from studylog.text.messages import t
from studylog.text.parse import parse_enum, split_names
from studylog.text.vocab import Kind, choices

app = typer.Typer(
    help="The year's study plan (学习计划): add, list, edit, delete, show.", no_args_is_help=True
)

ItemArgument = Annotated[
    int, typer.Argument(metavar="ID", help="The plan item's id (see plan list).")
]
YearOption = Annotated[
    int, typer.Option("--year", "-y", metavar="YEAR", help="The plan's year, e.g. 2023.")
]
MonthOption = Annotated[
    int, typer.Option("--month", "-m", metavar="MONTH", help="Month it is due, 1 to 12.")
]
TitleOption = Annotated[
    str, typer.Option("--title", "-t", metavar="TEXT", help="What is to be studied.")
]
KindOption = Annotated[
    str | None, typer.Option("--kind", metavar="KIND", help=f"Kind: {choices(Kind)}.")
]
SpeakerOption = Annotated[
    list[str] | None,
    typer.Option(
        "--speaker",
        metavar="NAMES",
        help="A member planned to speak; repeat or separate with commas.",
    ),
]

LIST_COLUMNS = [
    ("id", "col_id"),
    ("month", "col_month"),
    ("title", "col_title"),
    ("kind", "col_kind"),
    ("discussion", "col_discussion"),
    ("speakers", "col_speakers"),
]


@app.command("add")
def add(
    year: YearOption,
    month: MonthOption,
    title: TitleOption,
    kind: KindOption = None,
    discussion: Annotated[
        bool, typer.Option("--discussion", help="A discussion (研讨) is planned.")
    ] = False,
    speaker: SpeakerOption = None,
) -> None:
    """Add an item to the year's study plan.

    \b
    Example: studylog plan add --year 2023 --month 3 --title 全面从严治党 --kind 专题学习 \\
               --discussion --speaker 张三,李四
    """
    from studylog.records.plans import add_plan_item

    planned_kind = parse_enum(Kind, kind, what="--kind") if kind is not None else Kind.STUDY
    speakers = split_names(speaker)
    with records() as (session, org), _speakers_hint():
        item = add_plan_item(
            session=session,
            org=org,
            year=year,
            month=month,
            title=title,
            kind=planned_kind,
            discussion=discussion,
            speakers=speakers,
        )
        message = t("plan_added", id=item.id, year=item.year, month=item.month, title=item.title)
    emit_line(message)


@app.command("list")
def list_(
    year: YearOption,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List the plan items of a year, by month.

    \b
    Example: studylog plan list --year 2023
    """
    from studylog.records.plans import plan_items

    output = to_format(fmt)
    with records(write=False) as (session, org):
        rows = [
            {
                "id": item.id,
                "month": item.month,
                "title": item.title,
                "kind": item.kind,
                "discussion": item.discussion,
                "speakers": [speaker.member.name for speaker in item.speakers],
                "planned_on": item.planned_on,
            }
            for item in plan_items(session=session, org=org, year=year)
        ]
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_found"))
            return
        emit_rows(rows, [*LIST_COLUMNS, ("planned_on", "col_planned_on")], output)


@app.command("edit")
def edit(
    item_id: ItemArgument,
    year: Annotated[
        int | None, typer.Option("--year", "-y", metavar="YEAR", help="Move to this year.")
    ] = None,
    month: Annotated[
        int | None, typer.Option("--month", "-m", metavar="MONTH", help="Move to this month.")
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", "-t", metavar="TEXT", help="New title.")
    ] = None,
    kind: KindOption = None,
    discussion: Annotated[
        bool | None,
        typer.Option("--discussion/--no-discussion", help="A discussion is planned, or not."),
    ] = None,
    speaker: Annotated[
        list[str] | None,
        typer.Option(
            "--speaker", metavar="NAMES", help="Planned speakers; replaces the list ('' clears it)."
        ),
    ] = None,
) -> None:
    """Change a plan item; only the options given change.

    \b
    Example: studylog plan edit 3 --month 4 --speaker 王五
    """
    from studylog.records.plans import edit_plan_item

    planned_kind = parse_enum(Kind, kind, what="--kind") if kind is not None else None
    speakers = split_names(speaker) if speaker is not None else None
    with records() as (session, org), _speakers_hint():
        item = edit_plan_item(
            session=session,
            org=org,
            item_id=item_id,
            year=year,
            month=month,
            title=title,
            kind=planned_kind,
            discussion=discussion,
            speakers=speakers,
        )
        message = t("plan_edited", id=item.id, year=item.year, month=item.month, title=item.title)
    emit_line(message)


@app.command("delete")
def delete(
    item_id: ItemArgument,
    yes: YesOption = False,
) -> None:
    """Delete a plan item; a session that carried it out is kept (no longer linked).

    \b
    Example: studylog plan delete 3 --yes
    """
    from studylog.records.plans import delete_plan_item, find_plan_item

    with records(write=False) as (session, org):
        item = find_plan_item(session=session, org=org, item_id=item_id)
        about = {"id": item.id, "year": item.year, "month": item.month, "title": item.title}
    if not yes and not typer.confirm(t("confirm_plan_delete", **about), default=False):
        emit_line(t("delete_declined"))
        return
    with records() as (session, org):
        delete_plan_item(session=session, org=org, item_id=item_id)
    emit_line(t("plan_deleted", **about))


@app.command("show")
def show(year: YearOption, as_of: AsOfOption = None, fmt: FormatOption = "table") -> None:
    """Set the plan against what was held: each item held, pending or overdue.

    The execution rate (计划执行率) is held items / planned items. Sessions held outside the
    plan are listed too.

    \b
    Example: studylog plan show --year 2023
    """
    from studylog.records.plans import plan_versus_actual

    output = to_format(fmt)
    day = to_date(as_of) or today()
    with records(write=False) as (session, org):
        report = plan_versus_actual(session=session, org=org, year=year, as_of=day)
    lines = [asdict(line) for line in report.lines]
    unplanned = [asdict(line) for line in report.unplanned]
    if output == "json":
        emit_json(
            {
                "year": report.year,
                "as_of": report.as_of,
                "planned": report.planned,
                "held": report.held,
                "held_late": report.held_late,
                "pending": report.pending,
                "overdue": report.overdue,
                "execution_rate": report.execution_rate,
                "items": lines,
                "unplanned": unplanned,
            }
        )
        return
    summary = t(
        "plan_summary",
        year=year,
        planned=report.planned,
        held=report.held,
        pending=report.pending,
        overdue=report.overdue,
        rate="—" if report.execution_rate is None else f"{report.execution_rate * 100:.1f}%",
        as_of=day,
    )
    if output != "csv":
        emit_line(summary)
    rows: list[dict[str, Any]] = [line | {"status": t(f"plan_{line['status']}")} for line in lines]
    emit_rows(
        rows,
        [
            *LIST_COLUMNS,
            ("status", "col_status_plan"),
            ("session_id", "col_held_by"),
            ("session_date", "col_date"),
        ],
        output,
    )
    if unplanned and output != "csv":
        emit_rows(
            unplanned,
            [("session_id", "col_id"), ("date", "col_date"), ("title", "col_title")],
            output,
            title=t("unplanned"),
        )


app.command("schedule")(schedule_command)  # the study calendar: studylog/cli/calendar.py


@contextmanager
def _speakers_hint() -> Iterator[None]:
    """A planned speaker not yet in the group: say how to add them (with the day they join)."""
    try:
        yield
    except StudylogError as error:
        if error.key != "unknown_member":
            raise
        raise StudylogError("unknown_speaker", name=error.params["name"]) from None

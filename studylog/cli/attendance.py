"""``studylog attend`` and ``studylog makeup …``: who came, who missed it, who made it up."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from studylog.cli.common import (
    ROLL_COLUMNS,
    FormatOption,
    FromOption,
    RefArgument,
    ToOption,
    YearOption,
    period,
    records,
    to_format,
)
from studylog.cli.render import emit_line, emit_rows
from studylog.text.messages import t
from studylog.text.parse import clean_name, parse_date, parse_enum, split_leaves, split_names
from studylog.text.vocab import Method, choices


def attend(
    ref: RefArgument,
    present: Annotated[
        list[str] | None,
        typer.Option(
            "--present", metavar="NAMES", help="Names present (出席), comma-separated; may repeat."
        ),
    ] = None,
    late: Annotated[
        list[str] | None,
        typer.Option("--late", metavar="NAMES", help="Names who came late (迟到)."),
    ] = None,
    leave: Annotated[
        list[str] | None,
        typer.Option(
            "--leave",
            metavar="NAMES[:REASON]",
            help="On leave (请假): NAME[:REASON]; names before the colon share its reason "
            "(张三,李四：外出开会). May repeat.",
        ),
    ] = None,
    absent: Annotated[
        list[str] | None,
        typer.Option("--absent", metavar="NAMES", help="Names absent without leave (缺席)."),
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """Record a session's whole roll in one line; everyone expected and not named was present.

    Running it again replaces the roll. Prints the roll as stored.

    \b
    Example: studylog attend 2023-03-01 --leave 李四:出差 --late 王五
    """
    from studylog.figures.tallies import session_roll
    from studylog.records.attendance import mark_roll

    output = to_format(fmt)
    present_names, late_names = split_names(present), split_names(late)
    leave_names, absent_names = split_leaves(leave), split_names(absent)
    with records() as (session, org):
        record, roll = mark_roll(
            session=session,
            org=org,
            ref=ref,
            present=present_names,
            late=late_names,
            leave=leave_names,
            absent=absent_names,
        )
        counts, _ = session_roll(session=session, record_id=record.id)
        about = {"id": record.id, "day": record.date, "title": record.title}
    if output in ("table", "markdown"):
        emit_line(t("roll_stored", **about, attended=counts.attended, expected=counts.expected))
    emit_rows([asdict(line) for line in roll], ROLL_COLUMNS, output)


makeup_app = typer.Typer(
    help="Make-up study (事后补学) after a leave or absence.", no_args_is_help=True
)

NameArgument = Annotated[
    str, typer.Argument(metavar="NAME", help="The member who missed the session.")
]


@makeup_app.command("add")
def makeup_add(
    ref: RefArgument,
    name: NameArgument,
    on: Annotated[
        str, typer.Option("--date", "-d", metavar="DATE", help="Date of the make-up study.")
    ],
    method: Annotated[
        str, typer.Option("--method", metavar="METHOD", help=f"How: {choices(Method)}.")
    ] = Method.SELF_STUDY.value,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="What was studied, notes.")
    ] = None,
) -> None:
    """Record that a member made up a session they missed (on leave or absent).

    \b
    Example: studylog makeup add 2023-03-01 李四 --date 2023-03-05 --method 自学
    """
    from studylog.records.attendance import add_makeup

    made_on = parse_date(on)
    how = parse_enum(Method, method, what="--method")
    with records() as (session, org):
        record, makeup = add_makeup(
            session=session, org=org, ref=ref, name=name, on=made_on, method=how, note=note
        )
        message = t("makeup_added", name=clean_name(name), on=makeup.date, day=record.date)
    emit_line(message)


@makeup_app.command("delete")
def makeup_delete(ref: RefArgument, name: NameArgument) -> None:
    """Delete a make-up recorded by mistake.

    \b
    Example: studylog makeup delete 2023-03-01 李四
    """
    from studylog.records.attendance import delete_makeup

    with records() as (session, org):
        record = delete_makeup(session=session, org=org, ref=ref, name=name)
        message = t("makeup_deleted", name=clean_name(name), day=record.date)
    emit_line(message)


@makeup_app.command("list")
def makeup_list(
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
    outstanding: Annotated[
        bool,
        typer.Option("--outstanding", help="Only leaves and absences not yet made up."),
    ] = False,
    fmt: FormatOption = "table",
) -> None:
    """List make-ups, or with --outstanding the leaves and absences still to make up.

    \b
    Example: studylog makeup list --year 2023 --outstanding
    """
    from studylog.records.attendance import missed

    output = to_format(fmt)
    first, last = period(year, start, end)
    with records(write=False) as (session, org):
        lines = missed(
            session=session,
            org=org,
            start=first,
            end=last,
            outstanding=outstanding,
            made_up_only=not outstanding,
        )
    rows = [asdict(line) for line in lines]
    columns = [
        ("session_id", "col_id"),
        ("date", "col_date"),
        ("title", "col_title"),
        ("member", "col_name"),
        ("status", "col_status"),
        ("reason", "col_reason"),
    ]
    if not outstanding:
        columns += [("made_up", "col_made_up"), ("method", "col_method"), ("note", "col_note")]
    if not rows and output == "table":
        emit_line(t("nothing_found"))
        return
    emit_rows(rows, columns, output)

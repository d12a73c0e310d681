"""``studylog selfstudy …``: members' own study (个人自学), with its hours."""

from __future__ import annotations

from typing import Annotated

import typer

from studylog.cli.common import (
    ForceOption,
    FormatOption,
    FromOption,
    ReasonOption,
    ToOption,
    YearOption,
    period,
    records,
    to_date,
    to_format,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import emit_line, emit_rows
from studylog.text.messages import t

app = typer.Typer(
    help="Self-study (个人自学): a member's own study, with hours.", no_args_is_help=True
)

IdArgument = Annotated[
    int, typer.Argument(metavar="ID", help="The entry's id (selfstudy list shows it).")
]


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The member who studied.")],
    date: Annotated[str, typer.Option("--date", "-d", metavar="DATE", help="When.")],
    hours: Annotated[
        str,
        typer.Option(
            "--hours", metavar="H", help="Hours studied: more than 0, up to 24, e.g. 1.5 (exact)."
        ),
    ],
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help="What was studied.")],
) -> None:
    """Record a member's self-study (个人自学) with its hours.

    \b
    Example: studylog selfstudy add 张三 --date 2023-03-20 --hours 2.5 --title 研读原著
    """
    from studylog.records.selfstudy import add_self_study
    from studylog.text.hours import hours_value, parse_hours

    hundredths = parse_hours(hours)
    day = to_date(date)
    assert day is not None
    with records() as (session, org):
        entry = add_self_study(
            session=session, org=org, name=name, day=day, hundredths=hundredths, title=title
        )
        message = t(
            "self_study_added",
            id=entry.id,
            name=entry.member.name,
            day=entry.date,
            hours=hours_value(entry.hours_hundredths),
            title=entry.title,
        )
    emit_line(message)


@app.command("delete")
def delete(entry_id: IdArgument, reason: ReasonOption = None) -> None:
    """Delete a self-study entry made by mistake: kept, marked deleted, restorable.

    \b
    Example: studylog selfstudy delete 4
    """
    from studylog.records.selfstudy import delete_self_study

    with records() as (session, org):
        entry = delete_self_study(session=session, org=org, entry_id=entry_id, reason=reason)
        message = t("self_study_deleted", id=entry.id)
    emit_line(message)


@app.command("restore")
def restore(entry_id: IdArgument) -> None:
    """Bring back a self-study entry deleted by mistake.

    \b
    Example: studylog selfstudy restore 4
    """
    from studylog.records.selfstudy import restore_self_study

    with records() as (session, org):
        entry = restore_self_study(session=session, org=org, entry_id=entry_id)
        message = t("self_study_restored", id=entry.id)
    emit_line(message)


@app.command("list")
def list_(
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
    member: Annotated[
        str | None,
        typer.Option("--member", "-m", metavar="NAME", help="Only this member's entries."),
    ] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List self-study entries, oldest first, each with its id and hours.

    \b
    Example: studylog selfstudy list --year 2023 --member 张三
    """
    from studylog.records.selfstudy import list_self_study
    from studylog.text.hours import hours_value

    output = to_format(fmt)
    first, last = period(year, start, end)
    with records(write=False) as (session, org):
        lines = list_self_study(session=session, org=org, start=first, end=last, member=member)
    rows = [
        {
            "id": line.id,
            "date": line.date,
            "member": line.member,
            "hours": hours_value(line.hundredths),
            "title": line.title,
        }
        for line in lines
    ]
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_found"))
            return
        columns = [
            ("id", "col_id"),
            ("date", "col_date"),
            ("member", "col_name"),
            ("hours", "col_hours"),
            ("title", "col_title"),
        ]
        emit_rows(rows, columns, output)

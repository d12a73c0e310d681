"""``studylog agenda …``: first agenda items (第一议题) taken at 党组会, 党委会 and 常委会 —
meetings that are not study sessions."""

from __future__ import annotations

from dataclasses import asdict
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
from studylog.text.activity_words import Meeting
from studylog.text.messages import t
from studylog.text.parse import parse_enum
from studylog.text.vocab import choices

app = typer.Typer(
    help="First agenda items (第一议题) at 党组会, 党委会, 常委会: meetings that are not "
    "study sessions.",
    no_args_is_help=True,
)

IdArgument = Annotated[
    int, typer.Argument(metavar="ID", help="The item's id (agenda list shows it).")
]
MEETING_HELP = f"The meeting: {choices(Meeting)}."


@app.command("add")
def add(
    meeting: Annotated[str, typer.Option("--meeting", metavar="MEETING", help=MEETING_HELP)],
    date: Annotated[str, typer.Option("--date", "-d", metavar="DATE", help="The meeting's date.")],
    title: Annotated[
        str,
        typer.Option(
            "--title", metavar="TEXT", help="What was studied (the speech, the document)."
        ),
    ],
    source_date: Annotated[
        str | None,
        typer.Option(
            "--source-date",
            metavar="DATE",
            help="When the speech or document itself is dated (for the relay latency).",
        ),
    ] = None,
) -> None:
    """Record a first agenda item (第一议题) taken at a 党组会, 党委会 or 常委会.

    \b
    Example: studylog agenda add --meeting 党组会 --date 2023-03-20 --title 两会精神 \\
               --source-date 2023-03-13
    """
    from studylog.records.agenda import add_agenda_item

    kind = parse_enum(Meeting, meeting, what="--meeting")
    day = to_date(date)
    assert day is not None
    with records() as (session, org):
        item = add_agenda_item(
            session=session,
            org=org,
            meeting=kind,
            day=day,
            title=title,
            source_date=to_date(source_date),
        )
        message = t(
            "agenda_added", id=item.id, meeting=item.meeting, day=item.date, title=item.title
        )
    emit_line(message)


@app.command("delete")
def delete(item_id: IdArgument, reason: ReasonOption = None) -> None:
    """Delete a first agenda item entered by mistake: kept, marked deleted, restorable.

    \b
    Example: studylog agenda delete 2
    """
    from studylog.records.agenda import delete_agenda_item

    with records() as (session, org):
        item = delete_agenda_item(session=session, org=org, item_id=item_id, reason=reason)
        message = t("agenda_deleted", id=item.id)
    emit_line(message)


@app.command("restore")
def restore(item_id: IdArgument) -> None:
    """Bring back a first agenda item deleted by mistake.

    \b
    Example: studylog agenda restore 2
    """
    from studylog.records.agenda import restore_agenda_item

    with records() as (session, org):
        item = restore_agenda_item(session=session, org=org, item_id=item_id)
        message = t("agenda_restored", id=item.id)
    emit_line(message)


@app.command("list")
def list_(
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
    meeting: Annotated[
        str | None, typer.Option("--meeting", metavar="MEETING", help="Only this meeting kind.")
    ] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List first agenda items at other meetings, oldest first, each with its id.

    \b
    Example: studylog agenda list --year 2023 --meeting 党组会
    """
    from studylog.records.agenda import list_agenda_items

    output = to_format(fmt)
    first, last = period(year, start, end)
    wanted = parse_enum(Meeting, meeting, what="--meeting") if meeting is not None else None
    with records(write=False) as (session, org):
        lines = list_agenda_items(session=session, org=org, start=first, end=last, meeting=wanted)
    rows = [asdict(line) for line in lines]
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_found"))
            return
        columns = [
            ("id", "col_id"),
            ("meeting", "col_meeting"),
            ("date", "col_date"),
            ("title", "col_title"),
            ("source_date", "col_source_date"),
        ]
        emit_rows(rows, columns, output)

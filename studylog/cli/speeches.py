"""``studylog speech …``: key, written and exchange speeches."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from studylog.cli.common import (
    ForceOption,
    FormatOption,
    FromOption,
    HalfOption,
    MonthOption,
    QuarterOption,
    RefArgument,
    ToOption,
    YearOption,
    period,
    records,
    to_format,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import emit_line, emit_rows
from studylog.text.messages import t
from studylog.text.parse import clean_name, parse_enum
from studylog.text.vocab import SpeechKind, choices

app = typer.Typer(help="Speeches (发言): key, written, exchange.", no_args_is_help=True)

NameArgument = Annotated[str, typer.Argument(metavar="NAME", help="The member who spoke.")]
KindOption = Annotated[
    str, typer.Option("--kind", "-k", metavar="KIND", help=f"Kind: {choices(SpeechKind)}.")
]


@app.command("add")
def add(
    ref: RefArgument,
    name: NameArgument,
    kind: KindOption,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="Title of the speech.")
    ] = None,
) -> None:
    """Record a speech given at (or submitted for) a session.

    \b
    Example: studylog speech add 2023-03-01 张三 --kind 重点发言 --title 以学促干
    """
    from studylog.records.speeches import add_speech

    speech_kind = parse_enum(SpeechKind, kind, what="--kind")
    with records() as (session, org):
        record, speech = add_speech(
            session=session, org=org, ref=ref, name=name, kind=speech_kind, title=title
        )
        message = t("speech_added", name=clean_name(name), kind=speech.kind, day=record.date)
    emit_line(message)


@app.command("delete")
def delete(ref: RefArgument, name: NameArgument, kind: KindOption) -> None:
    """Delete a speech recorded by mistake.

    \b
    Example: studylog speech delete 2023-03-01 张三 --kind key
    """
    from studylog.records.speeches import delete_speech

    speech_kind = parse_enum(SpeechKind, kind, what="--kind")
    with records() as (session, org):
        record = delete_speech(session=session, org=org, ref=ref, name=name, kind=speech_kind)
        message = t("speech_deleted", name=clean_name(name), kind=speech_kind, day=record.date)
    emit_line(message)


@app.command("list")
def list_(
    year: YearOption = None,
    half: HalfOption = None,
    quarter: QuarterOption = None,
    month: MonthOption = None,
    start: FromOption = None,
    end: ToOption = None,
    member: Annotated[
        str | None,
        typer.Option("--member", "-m", metavar="NAME", help="Only this member's speeches."),
    ] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List speeches, oldest first.

    \b
    Example: studylog speech list --year 2023 --member 张三
    """
    from studylog.records.speeches import list_speeches

    output = to_format(fmt)
    first, last = period(year, start, end, half=half, quarter=quarter, month=month)
    with records(write=False) as (session, org):
        lines = list_speeches(session=session, org=org, start=first, end=last, member=member)
    rows = [asdict(line) for line in lines]
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_found"))
            return
        emit_rows(
            rows,
            [
                ("id", "col_speech_id"),
                ("session_id", "col_id"),
                ("date", "col_date"),
                ("session_title", "col_title"),
                ("member", "col_name"),
                ("kind", "col_speech_kind"),
                ("title", "col_speech_title"),
            ],
            output,
        )


@app.command("edit")
def edit(
    speech_id: Annotated[
        int, typer.Argument(metavar="ID", help="The speech's id (speech list shows it).")
    ],
    kind: Annotated[
        str | None, typer.Option("--kind", metavar="KIND", help=f"Kind: {choices(SpeechKind)}.")
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="Its title; '' clears.")
    ] = None,
) -> None:
    """Change a speech's kind or title, by its id.

    \b
    Example: studylog speech edit 7 --kind 书面发言 --title 深刻领会两个确立
    """
    from studylog.records.speeches import edit_speech

    speech_kind = parse_enum(SpeechKind, kind, what="--kind") if kind is not None else None
    with records() as (session, org):
        _, speech = edit_speech(
            session=session, org=org, speech_id=speech_id, kind=speech_kind, title=title
        )
        message = t("speech_edited", id=speech.id, name=speech.member.name, kind=speech.kind)
    emit_line(message)

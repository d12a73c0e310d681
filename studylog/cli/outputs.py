"""``studylog output …``: members' outputs (学习成果) — party lectures, briefing tours, theory
articles, reflections, research reports, discussion papers."""

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
from studylog.text.activity_words import Level, OutputKind
from studylog.text.messages import t
from studylog.text.parse import parse_enum
from studylog.text.vocab import choices

app = typer.Typer(
    help="Members' outputs (学习成果): party lectures, briefing tours, articles, reflections, "
    "research reports, discussion papers.",
    no_args_is_help=True,
)

IdArgument = Annotated[
    int, typer.Argument(metavar="ID", help="The output's id (output list shows it).")
]
KIND_HELP = f"Kind: {choices(OutputKind)}."
LEVEL_HELP = (
    f"Level of the medium or audience: {choices(Level)}; central, provincial and city "
    "articles count as 市级以上."
)
VenueOption = Annotated[
    str | None,
    typer.Option(
        "--venue", metavar="TEXT", help="Where it was published or given (a paper, a unit)."
    ),
]
SessionOption = Annotated[
    str | None,
    typer.Option("--session", metavar="REF", help="The session it came from (id, or its date)."),
]

COLUMNS = [
    ("id", "col_id"),
    ("date", "col_date"),
    ("member", "col_name"),
    ("kind", "col_output_kind"),
    ("title", "col_title"),
    ("venue", "col_venue"),
    ("level", "col_level"),
    ("session_id", "col_linked_session"),
]


def _level(text: str | None) -> tuple[Level | None, bool]:
    """The level given, and whether ``''`` asked to clear it."""
    if text is None:
        return None, False
    if not text.strip():
        return None, True
    return parse_enum(Level, text, what="--level"), False


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The member whose output it is.")],
    kind: Annotated[str, typer.Option("--kind", "-k", metavar="KIND", help=KIND_HELP)],
    date: Annotated[
        str, typer.Option("--date", "-d", metavar="DATE", help="When it was given or published.")
    ],
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help="Its title or theme.")],
    venue: VenueOption = None,
    level: Annotated[str | None, typer.Option("--level", metavar="LEVEL", help=LEVEL_HELP)] = None,
    session_ref: SessionOption = None,
) -> None:
    """Record a member's output: a party lecture, an article, a reflection and the like.

    \b
    Example: studylog output add 张三 --kind 理论文章 --date 2023-05-10 --title 以学促干 \\
               --venue 某某日报 --level 市
    Example: studylog output add 李四 --kind 讲党课 --date 2023-07-01 --title 七一党课
    """
    from studylog.records.outputs import OutputFields, add_output

    output_kind = parse_enum(OutputKind, kind, what="--kind")
    chosen, _ = _level(level)
    fields = OutputFields(
        name=name,
        kind=output_kind,
        date=to_date(date),
        title=title,
        venue=venue,
        level=chosen,
        session_ref=session_ref,
    )
    with records() as (session, org):
        output = add_output(session=session, org=org, fields=fields)
        message = t(
            "output_added",
            id=output.id,
            name=output.member.name,
            kind=output.kind,
            day=output.date,
            title=output.title,
        )
    emit_line(message)


@app.command("edit")
def edit(
    output_id: IdArgument,
    name: Annotated[
        str | None, typer.Option("--member", "-m", metavar="NAME", help="Whose output it is.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", metavar="KIND", help=KIND_HELP)
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", "-d", metavar="DATE", help="Its date.")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="Its title.")] = None,
    venue: VenueOption = None,
    level: Annotated[
        str | None, typer.Option("--level", metavar="LEVEL", help=LEVEL_HELP + " '' clears.")
    ] = None,
    session_ref: SessionOption = None,
) -> None:
    """Change an output, by its id: only what is given ('' clears venue, level, session).

    \b
    Example: studylog output edit 3 --level 省 --venue 某省日报
    """
    from studylog.records.outputs import OutputFields, edit_output

    output_kind = parse_enum(OutputKind, kind, what="--kind") if kind is not None else None
    chosen, clear = _level(level)
    fields = OutputFields(
        name=name,
        kind=output_kind,
        date=to_date(date),
        title=title,
        venue=venue,
        level=chosen,
        clear_level=clear,
        session_ref=session_ref,
    )
    with records() as (session, org):
        output = edit_output(session=session, org=org, output_id=output_id, fields=fields)
        message = t("output_edited", id=output.id, name=output.member.name, kind=output.kind)
    emit_line(message)


@app.command("delete")
def delete(output_id: IdArgument, reason: ReasonOption = None) -> None:
    """Delete an output entered by mistake: kept, marked deleted, restorable.

    \b
    Example: studylog output delete 3 --reason 重复录入
    """
    from studylog.records.outputs import delete_output

    with records() as (session, org):
        output = delete_output(session=session, org=org, output_id=output_id, reason=reason)
        message = t("output_deleted", id=output.id)
    emit_line(message)


@app.command("restore")
def restore(output_id: IdArgument) -> None:
    """Bring back an output deleted by mistake.

    \b
    Example: studylog output restore 3
    """
    from studylog.records.outputs import restore_output

    with records() as (session, org):
        output = restore_output(session=session, org=org, output_id=output_id)
        message = t("output_restored", id=output.id)
    emit_line(message)


@app.command("list")
def list_(
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
    member: Annotated[
        str | None,
        typer.Option("--member", "-m", metavar="NAME", help="Only this member's outputs."),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", metavar="KIND", help="Only this kind.")
    ] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List members' outputs, oldest first, each with its id.

    \b
    Example: studylog output list --year 2023 --member 张三 --format markdown
    """
    from studylog.records.outputs import list_outputs

    output = to_format(fmt)
    first, last = period(year, start, end)
    wanted = parse_enum(OutputKind, kind, what="--kind") if kind is not None else None
    with records(write=False) as (session, org):
        lines = list_outputs(
            session=session, org=org, start=first, end=last, member=member, kind=wanted
        )
    rows = [asdict(line) for line in lines]
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_found"))
            return
        emit_rows(rows, COLUMNS, output)

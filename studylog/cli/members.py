"""``studylog member …``: the people of the group."""

from __future__ import annotations

from typing import Annotated

import typer

from studylog.cli.common import (
    ForceOption,
    FormatOption,
    ReasonOption,
    YesOption,
    records,
    to_date,
    to_day,
    to_format,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import emit_line, emit_note, emit_rows
from studylog.text.messages import t
from studylog.text.parse import parse_enum
from studylog.text.vocab import Role, choices

app = typer.Typer(
    help="Members of the group (班子成员): add, list, edit, retire, delete.", no_args_is_help=True
)

NameArgument = Annotated[str, typer.Argument(metavar="NAME", help="The member's name, e.g. 张三.")]
TitleOption = Annotated[
    str | None, typer.Option("--title", metavar="TEXT", help="Post (职务), e.g. 党组书记、局长.")
]
RoleOption = Annotated[
    str | None, typer.Option("--role", metavar="ROLE", help=f"Role: {choices(Role)}.")
]
JoinedOption = Annotated[
    str | None,
    typer.Option(
        "--joined",
        metavar="DATE",
        help="Date they joined the group; without it they count from the first record on.",
    ),
]


@app.command("add")
def add(
    name: NameArgument,
    title: TitleOption = None,
    role: RoleOption = None,
    joined: JoinedOption = None,
) -> None:
    """Add a member to the group.

    \b
    Example: studylog member add 张三 --title 党组书记、局长 --role 组长
    """
    from studylog.records.members import add_member, recorded_sessions

    parsed_role = parse_enum(Role, role, what="--role") if role is not None else Role.MEMBER
    joined_on = to_date(joined)
    with records() as (session, org):
        member = add_member(
            session=session, org=org, name=name, title=title, role=parsed_role, joined=joined_on
        )
        message = t("member_added", name=member.name, role=member.role)
        earlier = recorded_sessions(session=session, org=org) if joined_on is None else 0
    emit_line(message)
    if earlier and parsed_role != Role.OBSERVER:
        emit_note(t("member_counts_back", name=member.name, count=earlier))


@app.command("list")
def list_(
    all_: Annotated[
        bool, typer.Option("--all", "-a", help="Include members who have left the group.")
    ] = False,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List the group's members (current ones unless --all).

    \b
    Example: studylog member list --all --format csv
    """
    from studylog.records.members import list_members

    output = to_format(fmt)
    with records(write=False) as (session, org):
        rows = [
            {
                "name": member.name,
                "title": member.title,
                "role": member.role,
                "joined": member.joined,
                "retired": member.retired,
            }
            for member in list_members(session=session, org=org, include_retired=all_)
        ]
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_found"))
            return
        emit_rows(
            rows,
            [
                ("name", "col_name"),
                ("title", "col_job_title"),
                ("role", "col_role"),
                ("joined", "col_joined"),
                ("retired", "col_retired"),
            ],
            output,
        )


@app.command("edit")
def edit(
    name: NameArgument,
    new_name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help="New name.")
    ] = None,
    title: TitleOption = None,
    role: RoleOption = None,
    joined: JoinedOption = None,
    retired: Annotated[
        str | None,
        typer.Option("--retired", metavar="DATE", help="Correct the date they left the group."),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            help="Take off the records the new dates leave outside their time in the group.",
        ),
    ] = False,
) -> None:
    """Change a member's name, post, role, joining or leaving date.

    Dates that would leave roll lines, speeches or hosted sessions outside the member's time
    in the group are refused with those records listed; --yes takes them off (logged).

    \b
    Example: studylog member edit 张三 --title 党组书记
    """
    from studylog.records.members import edit_member

    parsed_role = parse_enum(Role, role, what="--role") if role is not None else None
    joined_on = to_date(joined)
    with records() as (session, org):
        member = edit_member(
            session=session,
            org=org,
            name=name,
            new_name=new_name,
            title=title,
            role=parsed_role,
            joined=joined_on,
            retired=to_date(retired),
            confirmed=yes,
        )
        message = t("member_edited", name=member.name)
    emit_line(message)


@app.command("retire")
def retire(
    name: NameArgument,
    on: Annotated[str, typer.Option("--on", metavar="DATE", help="The date they left the group.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Take them off later rolls, speeches and hosting.")
    ] = False,
) -> None:
    """Record that a member left the group; their history is kept.

    They stay expected at sessions up to and including that date. Later records naming them
    are refused with those records listed; --yes takes them off (logged).

    \b
    Example: studylog member retire 王五 --on 2023-06-30
    """
    from studylog.records.members import retire_member

    left_on = to_day(on)
    with records() as (session, org):
        result = retire_member(session=session, org=org, name=name, on=left_on, confirmed=yes)
        retired_name = result.member.name
    emit_line(t("member_retired", name=retired_name, on=left_on))
    if result.rolls_left:
        emit_line(t("rolls_left", name=retired_name, count=result.rolls_left))


@app.command("delete")
def delete(
    name: NameArgument,
    reason: ReasonOption = None,
    yes: YesOption = False,
) -> None:
    """Delete a member entered by mistake, with their roll lines (asks first unless --yes).

    Nothing is destroyed: the member is kept, marked deleted with the time and --reason, and
    left out of everything; `studylog restore member NAME` brings them back. Someone who
    really was in the group and left is retired instead (member retire): a member who hosted
    a session, gave a speech or is planned to speak cannot be deleted.

    \b
    Example: studylog member delete 张三三 --reason 姓名录错
    """
    from studylog.records.members import delete_member, find_member, roll_lines

    with records(write=False) as (session, org):
        member = find_member(session=session, org=org, name=name)
        found, lines = member.name, roll_lines(session=session, member=member)
    question = t("confirm_member_delete", name=found, lines=lines)
    if not yes and not typer.confirm(question, default=False):
        emit_line(t("delete_declined"))
        return
    with records() as (session, org):
        deleted = delete_member(session=session, org=org, name=found, reason=reason)
        message = t("member_deleted", name=deleted.member.name, lines=deleted.lines)
    emit_line(message)

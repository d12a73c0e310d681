"""``studylog attend`` and ``studylog makeup …``: who came, who missed it, who made it up."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from studylog.cli.beyond import (
    BeyondRoll,
    ExtendedOption,
    ObservedOption,
    VisitorOption,
    beyond_roll_options,
)
from studylog.cli.common import (
    ROLL_COLUMNS,
    ForceOption,
    FormatOption,
    FromOption,
    HalfOption,
    MonthOption,
    QuarterOption,
    RefArgument,
    ToOption,
    YearOption,
    YesOption,
    period,
    records,
    settings,
    to_date,
    to_day,
    to_format,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import emit_line, emit_note, emit_rows
from studylog.errors import StudylogError
from studylog.text.messages import describe, t
from studylog.text.parse import clean_name, parse_enum, split_leaves, split_names
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
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Start the roll over: everyone not named is present again; lists what it drops.",
        ),
    ] = False,
    approved_by: Annotated[
        str | None,
        typer.Option(
            "--approved-by",
            metavar="NAME",
            help="Who approved the leaves named (请假经…同意); default: the settings' "
            "leave_approver, else the group's 组长.",
        ),
    ] = None,
    from_sheet: Annotated[
        Path | None,
        typer.Option(
            "--from-sheet",
            metavar="FILE",
            help="Read the roll from a marked sign-in sheet (the .xlsx `sheet` writes, its "
            "出勤情况 column filled in).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --from-sheet: check and show, store nothing.")
    ] = False,
    call: Annotated[
        bool,
        typer.Option(
            "--call",
            help="Call the roll at the keyboard: each expected member in turn (Enter = present, "
            "l late, e leave, a absent, b back); stored at the end, Ctrl-C stores nothing.",
        ),
    ] = False,
    extended: ExtendedOption = None,
    observed: ObservedOption = None,
    visitor: VisitorOption = None,
    yes: YesOption = False,
    fmt: FormatOption = "table",
) -> None:
    """Record a session's whole roll in one line; everyone expected and not named was present.

    On a session that already has a roll it amends: only the members named change, every
    other line keeps its status, reason and make-up. --replace starts over. A change that
    drops a leave reason, deletes a make-up or marks someone who spoke there as away is
    shown and needs --yes (asked on a terminal). Prints the roll as stored.

    \b
    Example: studylog attend 2023-03-01 --leave 李四:出差 --late 王五
    Example: studylog attend 2023-03-01 --from-sheet 签到表.xlsx --dry-run
    Example: studylog attend 2023-03-01 --extended 局中层党员干部:15 --observed 吴列 \\
               --visitor 市委第一巡听组:赵六
    Example: studylog attend today --call
    """
    output = to_format(fmt)
    names = {
        "present": split_names(present),
        "late": split_names(late),
        "leave": split_leaves(leave),
        "absent": split_names(absent),
    }
    if dry_run and from_sheet is None:
        raise StudylogError("dry_run_needs_sheet")
    if call:
        if from_sheet is not None or any(names.values()):
            raise StudylogError("call_alone")
        from studylog.cli.rollcall import call_roll

        names = call_roll(ref)
    approver = clean_name(approved_by) if approved_by else settings.config().leave_approver
    names["beyond"] = beyond_roll_options(extended, observed, visitor)
    try:
        result = _store_roll(ref, names, from_sheet, replace, yes, dry_run, approver)
    except StudylogError as error:
        if error.key != "roll_needs_yes" or yes or not sys.stdin.isatty():
            raise
        emit_note(describe(error))
        if not typer.confirm(t("roll_confirm"), default=False):
            emit_line(t("roll_declined"))
            return
        result = _store_roll(ref, names, from_sheet, replace, True, dry_run, approver)
    about, roll, dropped, counts, observers = result
    beyond = names["beyond"]
    if output in ("table", "markdown") and isinstance(beyond, BeyondRoll):
        emit_line(t("beyond_roll_stored", **beyond.counts()))
    if output in ("table", "markdown"):
        key = "roll_checked" if dry_run else "roll_stored"
        emit_line(t(key, **about, attended=counts.attended, expected=counts.expected))
        if dropped:
            emit_line(t("roll_dropped", changes=dropped))
        if observers:
            emit_line(t("sheet_observers", names=observers))
    columns = list(ROLL_COLUMNS)
    if any(line.approver for line in roll):
        columns.append(("approver", "col_approver"))
    emit_rows([asdict(line) for line in roll], columns, output)


class _DryRun(Exception):
    """Leaves the transaction of a --dry-run, which so stores nothing, with what it found."""

    def __init__(self, found: tuple[Any, ...]) -> None:
        self.found = found


def _store_roll(
    ref: str,
    names: dict[str, Any],
    sheet: Path | None,
    replace: bool,
    confirmed: bool,
    dry_run: bool,
    approver: str | None,
) -> tuple[Any, ...]:
    from studylog.figures.tallies import session_roll
    from studylog.records.attendance import record_roll

    observers: list[str] = []
    names = dict(names)
    beyond = names.pop("beyond", None)
    try:
        with records() as (session, org):
            if sheet is not None:
                from studylog.transfer.signin import read_marked_sheet

                marked = read_marked_sheet(session=session, org=org, ref=ref, path=sheet)
                names, observers = marked.names, marked.observers
            result = record_roll(
                session=session, org=org, ref=ref, replace=replace, confirmed=confirmed,
                approver=approver, **names,
            )  # fmt: skip
            if beyond is not None:
                beyond.store(session, org, result.record)
            counts, _ = session_roll(session=session, record_id=result.record.id)
            record = result.record
            about = {"id": record.id, "day": record.date, "title": record.title}
            dropped = [change.phrase() for change in result.dropped]
            found = (about, result.roll, dropped, counts, observers)
            if dry_run:
                raise _DryRun(found)
    except _DryRun as run:
        return run.found
    return found


makeup_app = typer.Typer(
    help="Make-up study (事后补学) after a leave or absence.", no_args_is_help=True
)

ReflectionOption = Annotated[
    str | None,
    typer.Option(
        "--reflection", metavar="TEXT", help="The member's written 体会 on it; '' clears."
    ),
]
ReflectionFileOption = Annotated[
    Path | None,
    typer.Option(
        "--reflection-file", metavar="FILE", help="The 体会 from a text file (UTF-8 or GB18030)."
    ),
]
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
    reflection: ReflectionOption = None,
    reflection_file: ReflectionFileOption = None,
) -> None:
    """Record that a member made up a session they missed (on leave or absent).

    \b
    Example: studylog makeup add 2023-03-01 李四 --date 2023-03-05 --method 自学
    """
    from studylog.records.makeups import add_makeup

    made_on = to_day(on)
    how = parse_enum(Method, method, what="--method")
    with records() as (session, org):
        record, makeup = add_makeup(
            session=session,
            org=org,
            ref=ref,
            name=name,
            on=made_on,
            method=how,
            note=note,
            reflection=_reflection(reflection, reflection_file),
        )
        message = t("makeup_added", name=clean_name(name), on=makeup.date, day=record.date)
    emit_line(message)


@makeup_app.command("edit")
def makeup_edit(
    ref: RefArgument,
    name: NameArgument,
    on: Annotated[
        str | None, typer.Option("--date", "-d", metavar="DATE", help="Date of the make-up.")
    ] = None,
    method: Annotated[
        str | None, typer.Option("--method", metavar="METHOD", help=f"How: {choices(Method)}.")
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="Notes; '' clears.")
    ] = None,
    reflection: ReflectionOption = None,
    reflection_file: ReflectionFileOption = None,
) -> None:
    """Change a make-up; only the options given change.

    \b
    Example: studylog makeup edit 2023-03-01 李四 --date 2023-03-06 --reflection-file 体会.txt
    """
    from studylog.records.makeups import edit_makeup

    how = parse_enum(Method, method, what="--method") if method is not None else None
    with records() as (session, org):
        record, makeup = edit_makeup(
            session=session,
            org=org,
            ref=ref,
            name=name,
            on=to_date(on),
            method=how,
            note=note,
            reflection=_reflection(reflection, reflection_file),
        )
        message = t("makeup_edited", name=clean_name(name), on=makeup.date, day=record.date)
    emit_line(message)


def _reflection(text: str | None, path: Path | None) -> str | None:
    if path is None:
        return text
    if text is not None:
        raise StudylogError("reflection_twice")
    from studylog.transfer.plain_text import read_text_file

    return read_text_file(path)


@makeup_app.command("delete")
def makeup_delete(ref: RefArgument, name: NameArgument) -> None:
    """Delete a make-up recorded by mistake.

    \b
    Example: studylog makeup delete 2023-03-01 李四
    """
    from studylog.records.makeups import delete_makeup

    with records() as (session, org):
        record = delete_makeup(session=session, org=org, ref=ref, name=name)
        message = t("makeup_deleted", name=clean_name(name), day=record.date)
    emit_line(message)


@makeup_app.command("list")
def makeup_list(
    year: YearOption = None,
    half: HalfOption = None,
    quarter: QuarterOption = None,
    month: MonthOption = None,
    start: FromOption = None,
    end: ToOption = None,
    outstanding: Annotated[
        bool,
        typer.Option("--outstanding", help="Only leaves and absences not yet made up."),
    ] = False,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List make-ups, or with --outstanding the leaves and absences still to make up.

    \b
    Example: studylog makeup list --year 2023 --outstanding
    """
    from studylog.records.makeups import missed

    output = to_format(fmt)
    first, last = period(year, start, end, half=half, quarter=quarter, month=month)
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
        columns.append(("reflection", "col_reflection"))
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_found"))
            return
        emit_rows(rows, columns, output)

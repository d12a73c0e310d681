"""``studylog rectify …``: the rectification ledger (整改台账)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from studylog.cli.common import (
    AsOfOption,
    ForceOption,
    FormatOption,
    ReasonOption,
    records,
    to_date,
    to_day,
    to_format,
    today,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import emit_json, emit_line, emit_rows
from studylog.errors import StudylogError
from studylog.text.messages import t

app = typer.Typer(
    help="The rectification ledger (整改台账): problems, measures, follow-up, closing (销号).",
    no_args_is_help=True,
)

EntryArgument = Annotated[
    int, typer.Argument(metavar="ID", help="The ledger entry's id (see rectify list).")
]

LEDGER_COLUMNS = [
    ("id", "col_id"),
    ("category", "col_category"),
    ("problem", "col_problem"),
    ("measure", "col_measure"),
    ("dept", "col_dept"),
    ("lead", "col_lead"),
    ("found", "col_found"),
    ("due", "col_due"),
    ("state", "col_state"),
    ("done_on", "col_done_on"),
    ("progress", "progress"),  # 跟踪反馈: the follow-up notes, one a line
]


@app.command("add")
def add(
    problem: Annotated[
        str, typer.Option("--problem", metavar="TEXT", help="The problem found (问题).")
    ],
    measure: Annotated[
        str, typer.Option("--measure", metavar="TEXT", help="The measure taken (整改措施).")
    ],
    dept: Annotated[
        str, typer.Option("--dept", metavar="TEXT", help="Department responsible (责任部门).")
    ],
    lead: Annotated[str, typer.Option("--lead", metavar="TEXT", help="Leading unit (牵头单位).")],
    due: Annotated[str, typer.Option("--due", metavar="DATE", help="Deadline (整改时限).")],
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            metavar="CATEGORY",
            help="theory-study (理论学习) | applying-study (学用结合) | rules-in-practice "
            "(制度执行) | conduct (作风建设), or the group's own (settings).",
        ),
    ] = None,
    session_ref: Annotated[
        str | None,
        typer.Option(
            "--session", metavar="REF", help="The session whose discussion found it (id or date)."
        ),
    ] = None,
    found: Annotated[
        str | None,
        typer.Option(
            "--found", metavar="DATE", help="Date found (default: the session's date, else today)."
        ),
    ] = None,
) -> None:
    """Enter a problem into the rectification ledger.

    \b
    Example: studylog rectify add --problem 学用结合不够紧密 --measure 建立学习转化清单 \\
               --dept 办公室 --lead 机关党委 --due 2023-06-30 --session 2023-03-14
    """
    from studylog.cli.ledger_categories import category_value
    from studylog.records.ledger import add_rectification

    due_on = to_day(due)
    category = category_value(category) or None
    found_on = to_date(found)
    with records() as (session, org):
        entry = add_rectification(
            session=session,
            org=org,
            problem=problem,
            measure=measure,
            dept=dept,
            lead=lead,
            due=due_on,
            category=category,
            session_ref=session_ref,
            found=found_on,
        )
        message = t("rectify_added", id=entry.id, due=entry.due)
    emit_line(message)


@app.command("list")
def list_(
    year: Annotated[
        int | None,
        typer.Option("--year", "-y", metavar="YEAR", help="Only problems found in this year."),
    ] = None,
    open_: Annotated[bool, typer.Option("--open", help="Only entries not yet closed.")] = False,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only open entries past their deadline.")
    ] = False,
    done: Annotated[bool, typer.Option("--done", help="Only closed entries (已销号).")] = False,
    as_of: AsOfOption = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", metavar="BY", help="category (类别): the ledger category by category."
        ),
    ] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List the ledger, oldest first; overdue means open past its deadline.

    \b
    Example: studylog rectify list --year 2023 --overdue --as-of 2023-12-31
    Example: studylog rectify list --year 2023 --by category
    """
    from studylog.cli.ledger_categories import check_by, emit_by_category, labelled
    from studylog.records.ledger import DONE, OPEN, OVERDUE, follow_ups, ledger

    by_category = check_by(by)
    output = to_format(fmt)
    chosen = [
        state for state, wanted in ((OPEN, open_), (OVERDUE, overdue), (DONE, done)) if wanted
    ]
    if len(chosen) > 1:
        raise StudylogError("one_state")
    day = to_date(as_of) or today()
    with records(write=False) as (session, org):
        lines = ledger(
            session=session, org=org, as_of=day, year=year, state=chosen[0] if chosen else None
        )
        notes = follow_ups(session=session, entry_ids=[line.id for line in lines])
    rows = [asdict(line) | {"progress": notes.get(line.id)} for line in lines]
    if output != "json":
        for row in rows:
            row["state"] = t(f"state_{row['state']}")
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_found"))
            return
        if by_category:
            emit_by_category(rows, LEDGER_COLUMNS, output)
            return
        emit_rows(rows if output == "json" else labelled(rows), LEDGER_COLUMNS, output)


@app.command("progress")
def progress(
    entry_id: EntryArgument,
    note: Annotated[str, typer.Option("--note", metavar="TEXT", help="What was done (跟踪反馈).")],
    on: Annotated[
        str | None, typer.Option("--on", metavar="DATE", help="Date (default: today).")
    ] = None,
) -> None:
    """Log follow-up progress on a ledger entry.

    \b
    Example: studylog rectify progress 3 --note 已制定学习转化清单 --on 2023-04-10
    """
    from studylog.records.ledger import add_progress

    day = to_date(on)
    with records() as (session, org):
        line = add_progress(session=session, org=org, entry_id=entry_id, note=note, on=day)
        message = t("progress_added", id=entry_id, on=line.on)
    emit_line(message)


@app.command("done")
def done_(
    entry_id: EntryArgument,
    on: Annotated[str, typer.Option("--on", metavar="DATE", help="Date it was closed (销号).")],
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="How it was resolved.")
    ] = None,
) -> None:
    """Close (销号) a ledger entry.

    \b
    Example: studylog rectify done 3 --on 2023-06-20 --note 清单已落实
    """
    from studylog.records.ledger import close_rectification

    day = to_day(on)
    with records() as (session, org):
        entry = close_rectification(session=session, org=org, entry_id=entry_id, on=day, note=note)
        message = t("rectify_done", id=entry.id, on=entry.done_on)
    emit_line(message)


@app.command("show")
def show(entry_id: EntryArgument, as_of: AsOfOption = None, fmt: FormatOption = "table") -> None:
    """Show one ledger entry with its follow-up log.

    \b
    Example: studylog rectify show 3
    """
    from studylog.records.ledger import find_rectification, ledger, progress_log

    output = to_format(fmt)
    day = to_date(as_of) or today()
    with records(write=False) as (session, org):
        entry = find_rectification(session=session, org=org, entry_id=entry_id)
        (line,) = ledger(session=session, org=org, as_of=day, entry_id=entry.id)
        log = [{"on": p.on, "note": p.note} for p in progress_log(session=session, entry=entry)]
        done_note = entry.done_note
    detail = asdict(line) | {"done_note": done_note}
    if output == "json":
        emit_json(detail | {"progress": log})
        return
    detail["state"] = t(f"state_{detail['state']}")
    from studylog.cli.ledger_categories import label

    detail["category"] = label(detail["category"])
    labels = dict(LEDGER_COLUMNS) | {
        "session_id": "col_session",
        "session_date": "col_date",
        "done_note": "col_note",
    }
    emit_rows(
        [{"field": t(labels[key]), "value": value} for key, value in detail.items()],
        [("field", "col_figure"), ("value", "col_value")],
        output,
    )
    if log:
        emit_rows(log, [("on", "col_date"), ("note", "col_note")], output, title=t("progress"))


def _optional(flag: str, metavar: str, text: str) -> object:
    return typer.Option(flag, metavar=metavar, help=text)


@app.command("edit")
def edit(
    entry_id: EntryArgument,
    problem: Annotated[str | None, _optional("--problem", "TEXT", "The problem (问题).")] = None,
    measure: Annotated[
        str | None, _optional("--measure", "TEXT", "The measure (整改措施).")
    ] = None,
    dept: Annotated[str | None, _optional("--dept", "TEXT", "Department (责任部门).")] = None,
    lead: Annotated[str | None, _optional("--lead", "TEXT", "Leading unit (牵头单位).")] = None,
    due: Annotated[str | None, _optional("--due", "DATE", "Deadline (整改时限).")] = None,
    category: Annotated[
        str | None, _optional("--category", "CATEGORY", "Category (see rectify add); '' clears.")
    ] = None,
    session_ref: Annotated[
        str | None, _optional("--session", "REF", "The session that found it; '' unlinks.")
    ] = None,
    found: Annotated[str | None, _optional("--found", "DATE", "Date found.")] = None,
) -> None:
    """Change a ledger entry; only the options given change (any option of rectify add).

    \b
    Example: studylog rectify edit 3 --due 2023-09-30 --dept 综合科
    """
    from studylog.cli.ledger_categories import category_value
    from studylog.records.ledger import edit_rectification

    category = category_value(category)
    with records() as (session, org):
        entry = edit_rectification(
            session=session,
            org=org,
            entry_id=entry_id,
            problem=problem,
            measure=measure,
            dept=dept,
            lead=lead,
            due=to_date(due),
            category=category,
            session_ref=session_ref,
            found=to_date(found),
        )
        message = t("rectify_edited", id=entry.id, due=entry.due)
    emit_line(message)


@app.command("delete")
def delete(entry_id: EntryArgument, reason: ReasonOption = None) -> None:
    """Delete a ledger entry entered by mistake: kept, marked deleted, restorable.

    \b
    Example: studylog rectify delete 3 --reason 重复录入
    """
    from studylog.records.ledger import delete_rectification

    with records() as (session, org):
        entry = delete_rectification(session=session, org=org, entry_id=entry_id, reason=reason)
        message = t("rectify_deleted", id=entry.id)
    emit_line(message)


@app.command("restore")
def restore(entry_id: EntryArgument) -> None:
    """Bring back a ledger entry deleted by mistake, with its follow-up.

    \b
    Example: studylog rectify restore 3
    """
    from studylog.records.ledger import restore_rectification

    with records() as (session, org):
        entry = restore_rectification(session=session, org=org, entry_id=entry_id)
        message = t("rectify_restored", id=entry.id)
    emit_line(message)

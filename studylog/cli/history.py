"""``studylog log``, ``undo`` and ``restore``: the history of the records, and going back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

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
    YesOption,
    period,
    records,
    to_format,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import emit_json_list, emit_line, emit_rows
from studylog.errors import BadValue, CheckFailed, StudylogError
from studylog.text.messages import join_list, t

if TYPE_CHECKING:
    from studylog.store.history import Change, LogEntry
    from studylog.store.integrity import Difference
    from studylog.store.naming import Namer

#: How many changes an entry's line spells out before "and N more".
SHOWN_CHANGES = 3


def log(
    year: YearOption = None,
    half: HalfOption = None,
    quarter: QuarterOption = None,
    month: MonthOption = None,
    start: FromOption = None,
    end: ToOption = None,
    ref: Annotated[
        str | None,
        typer.Option(
            "--session", metavar="REF", help="Only changes to this session (id, #id or date)."
        ),
    ] = None,
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Check the log instead: exit 3 if any entry was edited, inserted or removed, "
            "or any record changed, added or removed, behind studylog's back.",
        ),
    ] = False,
    expect: Annotated[
        str | None,
        typer.Option(
            "--expect",
            metavar="HASH",
            help="With --verify: fail unless the log holds this hash (one written down "
            "earlier, from a report or a previous --verify): its head is it or descends "
            "from it.",
        ),
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """Show who changed what and when: every write, oldest first.

    --year and --from/--to pick the changes made in that period (dates in UTC). JSON output
    holds each changed row before and after.

    \b
    Example: studylog log --session 2023-03-14
    Example: studylog log --verify --expect 96f079ae3306
    """
    from studylog.records.sessions import resolve_session
    from studylog.store.history import history
    from studylog.store.naming import Namer

    output = to_format(fmt)
    first, last = period(year, start, end, half=half, quarter=quarter, month=month)
    if expect is not None and not verify:
        raise StudylogError("expect_needs_verify")
    with records(write=False) as (session, org):
        if verify:
            _verify(session, org, expect)
            return
        session_id = None
        if ref is not None:
            session_id = resolve_session(session=session, org=org, ref=ref, deleted=None).id
        entries = history(session=session, org=org, start=first, end=last, session_id=session_id)
        if output == "json":
            emit_json_list(_as_json(entry) for entry in entries)
        else:
            columns = [
                ("seq", "col_entry"),
                ("at", "col_when"),
                ("user", "col_user"),
                ("command", "col_command"),
                ("changes", "col_changes"),
            ]
            namer = Namer(session.connection())
            emit_rows((_as_row(entry, namer) for entry in entries), columns, output)


def _verify(session: Any, org: Any, expect: str | None) -> None:
    """The chain, the anchor, then the records: each difference on a line, exit 3."""
    from studylog.store.chain import SHORTEST_PREFIX, descends_from
    from studylog.store.chain import verify as verify_chain
    from studylog.store.integrity import check

    verdict = verify_chain(session=session, org=org)
    if not verdict.ok:
        why = t(f"log_broken_{verdict.why}")
        raise CheckFailed("log_broken", org=org.name, seq=verdict.broken_at, why=why)
    if expect is not None:
        wanted = expect.strip().lower()
        if len(wanted) < SHORTEST_PREFIX or wanted.strip("0123456789abcdef"):
            raise BadValue("expect_bad", value=expect)
        if not descends_from(session=session, org=org, expected=wanted):
            raise CheckFailed("log_not_expected", org=org.name, head=verdict.head, expected=wanted)
    found = check(session.connection(), org.id)
    if not found.sealed:
        raise CheckFailed("records_unsealed", org=org.name)
    if found.tables:
        lines = [difference_line(d) for d in found.differences] or [
            t("table_differs", table=t(f"table_{name}")) for name in found.tables
        ]
        for line in lines:
            emit_line(line)
        raise CheckFailed("records_differ", org=org.name, count=len(lines))
    if verdict.entries == 0:
        emit_line(t("log_empty", org=org.name))
        return
    emit_line(t("log_intact", count=verdict.entries, head=verdict.head))
    if expect is not None:
        emit_line(t("log_expected", expected=expect.strip().lower()))
    emit_line(t("records_match", rows=found.rows, tables=found.counted))


def difference_line(difference: Difference) -> str:
    """One way the records differ from the log, as a line."""
    table = t(f"table_{difference.table}")
    common = {"table": table, "record": difference.record, "seq": difference.seq}
    if difference.field is not None:
        return t(
            "record_differs",
            field=difference.field,
            logged=_value(difference.logged),
            stored=_value(difference.stored),
            **common,
        )
    if difference.kind == "bulk_missing":
        return t("bulk_missing", logged=difference.logged, stored=difference.stored, **common)
    if difference.kind == "bulk_changed":
        return t("bulk_changed", **common)
    return t(f"record_{difference.kind}", **common)


def _local(at: datetime) -> str:
    """A stored UTC time as the user's local time, to the minute."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _as_json(entry: LogEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at.replace(tzinfo=UTC).isoformat(),
        "user": entry.user,
        "command": entry.command,
        "undoes": entry.undoes,
        "changes": [
            {"table": c.table, "key": c.key, "before": c.before, "after": c.after}
            for c in entry.changes
        ],
        "imported": entry.imported,
        "removed": entry.removed,
    }


def _as_row(entry: LogEntry, namer: Namer) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": _local(entry.at),
        "user": entry.user,
        "command": entry.command,
        "changes": summary(entry, namer),
    }


def summary(entry: LogEntry, namer: Namer) -> str:
    """What an entry changed, in a line: the first few changes, then how many more; records
    named as a person names them, fields and values in the user's language."""
    parts = []
    if entry.undoes is not None:
        parts.append(t("change_undo", seq=entry.undoes))
    if entry.sealed:
        parts.append(t("change_sealed", counts=_counts(entry.sealed)))
    if entry.imported:
        parts.append(t("change_imported", counts=_counts(entry.imported)))
    if entry.removed:
        parts.append(t("change_unimported", counts=_counts(entry.removed)))
    parts.extend(_change(change, namer) for change in entry.changes[:SHOWN_CHANGES])
    if len(entry.changes) > SHOWN_CHANGES:
        parts.append(t("change_more", count=len(entry.changes) - SHOWN_CHANGES))
    return "; ".join(parts)


def _counts(counts: dict[str, int]) -> str:
    return join_list(f"{t(f'table_{table}')} {n}" for table, n in counts.items() if n)


def _change(change: Change, namer: Namer) -> str:
    what = t(f"table_{change.table}")
    image = change.after or change.before or change.key
    named = namer.name(change.table, {**image, **change.key})
    key = (
        t("record_named", head=named.head, context=join_list(named.context))
        if named.context
        else named.head
    )
    if change.before is None:
        return t("change_added", what=what, key=key)
    if change.after is None:
        return t("change_removed", what=what, key=key)
    fields = join_list(
        t(
            "change_field",
            field=field_label(f.column),
            before=_shown(f.before),
            after=_shown(f.after),
        )
        for f in namer.fields(change.table, change.before, change.after)
    )
    return t("change_changed", what=what, key=key, fields=fields or "—")


def field_label(column: str) -> str:
    """A column as the user's language names it (状态 for status, 学习计划 for plan_id)."""
    from studylog.text.messages import MESSAGES

    key = f"field_{column}"
    return t(key) if key in MESSAGES else column


def _shown(value: Any) -> str:
    from studylog.text.values import shown

    return "—" if value is None else shown(value)


def _value(value: Any) -> str:
    return "—" if value is None else str(value)


def undo(
    entry: Annotated[
        int | None,
        typer.Argument(
            metavar="[ENTRY]",
            help="The log entry to revert (its # in `studylog log`); default: the latest.",
            show_default=False,
        ),
    ] = None,
    yes: YesOption = False,
) -> None:
    """Revert the latest change to the records, or log entry ENTRY (asks first unless --yes).

    The undo is itself a logged change; run it again to go back one more. An older entry can
    be reverted when nothing after it changed, or came to rely on, the records it changed: a
    make-up, speech or plan item deleted by mistake comes back that way. An import is undone
    only as the latest change. Refused when the audit log does not verify.

    \b
    Example: studylog undo
    Example: studylog undo 12 --yes
    """
    from studylog.store.history import undo as revert
    from studylog.store.history import undoable
    from studylog.store.naming import Namer

    with records(write=False) as (session, org):
        target = undoable(session=session, org=org, seq=entry)
        changed = summary(target, Namer(session.connection()))
    question = t(
        "confirm_undo",
        seq=target.seq,
        at=_local(target.at),
        user=target.user,
        command=target.command,
    )
    if not yes and not typer.confirm(question + "\n" + changed, default=False):
        emit_line(t("undo_declined"))
        return
    with records() as (session, org):
        new = revert(session=session, org=org, seq=target.seq)
    emit_line(t("undone", seq=target.seq, command=target.command, new=new))


restore_app = typer.Typer(
    help="Bring back a deleted session or member; list what is deleted.", no_args_is_help=True
)


@restore_app.command("session")
def restore_session(ref: RefArgument) -> None:
    """Bring back a deleted session with its roll, make-ups and speeches.

    REF is the deleted session's id (see `studylog restore list`) or its date.

    \b
    Example: studylog restore session 12
    """
    from studylog.records.sessions import restore_session as restore

    with records() as (session, org):
        record = restore(session=session, org=org, ref=ref)
        message = t("session_restored", id=record.id, day=record.date, title=record.title)
    emit_line(message)


@restore_app.command("member")
def restore_member(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The deleted member's name.")],
) -> None:
    """Bring back a deleted member with the roll lines deleted with them.

    \b
    Example: studylog restore member 张三
    """
    from studylog.records.members import restore_member as restore

    with records() as (session, org):
        restored = restore(session=session, org=org, name=name)
        message = t("member_restored", name=restored.member.name, lines=restored.lines)
    emit_line(message)


@restore_app.command("list")
def restore_list(
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List the deleted sessions and members, with when and why they were deleted.

    \b
    Example: studylog restore list
    """
    from studylog.records.members import deleted_members
    from studylog.records.sessions import deleted_sessions

    output = to_format(fmt)
    with records(write=False) as (session, org):
        rows = [
            {
                "record": f"{t('table_sessions')} #{record.id}",
                "title": f"{record.date} {record.title}",
                "deleted_at": _local(record.archived_at) if record.archived_at else None,
                "reason": record.archive_reason,
            }
            for record in deleted_sessions(session=session, org=org)
        ] + [
            {
                "record": f"{t('table_members')} {member.name}",
                "title": member.title,
                "deleted_at": _local(member.archived_at) if member.archived_at else None,
                "reason": member.archive_reason,
            }
            for member in deleted_members(session=session, org=org)
        ]
        name = org.name
    with listing(out, fmt=output, encoding=encoding, force=force):
        if not rows and output == "table":
            emit_line(t("nothing_deleted", org=name))
            return
        columns = [
            ("record", "col_record"),
            ("title", "col_title"),
            ("deleted_at", "col_deleted_at"),
            ("reason", "col_delete_reason"),
        ]
        emit_rows(rows, columns, output)

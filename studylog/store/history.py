"""Reading an org's audit log, and undoing an entry as a change of its own.

An undo reverts the rows an entry changed, from the images the entry holds, once the chain
verifies and the rows still look as the entry left them; an import's entry, which holds only
counts, is undone by taking out the rows past the ids it marked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.store.audit import (
    OWNED_IMPORTS,
    SESSION_FILES,
    ImportMark,
    Recorder,
    imported_counts,
    recorder_of,
)
from studylog.store.chain import lock, verify
from studylog.store.digests import added_in_bulk, last_ids, merge, row_image
from studylog.store.import_counts import BEYOND_ROLL, PLAN_IMPORTS
from studylog.store.integrity import records_match
from studylog.store.models import (
    Attendance,
    AuditEntry,
    Base,
    Makeup,
    MaterialBlob,
    Member,
    Org,
    PlanItem,
    PlanSpeaker,
    Rectification,
    RectifyProgress,
    SessionMaterial,
    SessionNote,
    Speech,
    StudySession,
)

# --- reading the log ------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    table: str
    key: dict[str, Any]
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class LogEntry:
    seq: int
    at: datetime  # UTC
    user: str
    command: str
    undoes: int | None
    changes: list[Change]
    imported: dict[str, int]  # table → rows a bulk import added
    removed: dict[str, int]  # table → rows an undo of an import took out
    sessions: list[int]
    marks: list[dict[str, int]]  # where the ids stood before each bulk import
    sealed: dict[str, int]  # table → rows the seal of the records vouched for


def _read(entry: AuditEntry) -> LogEntry:
    body = json.loads(entry.changes)
    return LogEntry(
        seq=entry.seq,
        at=entry.at,
        user=entry.user,
        command=entry.command,
        undoes=entry.undoes,
        changes=[
            Change(row["table"], row["key"], row["before"], row["after"]) for row in body["rows"]
        ],
        imported=_summed(body.get("imported", [])),
        removed=_summed(body.get("removed", [])),
        sessions=body["sessions"],
        marks=[part["after_ids"] for part in body.get("imported", [])],
        sealed=body.get("sealed", {}).get("counts", {}),
    )


def _summed(parts: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for part in parts:
        for table, count in part["counts"].items():
            counts[table] = counts.get(table, 0) + count
    return counts


def history(
    *,
    session: Session,
    org: Org,
    start: date | None = None,
    end: date | None = None,
    session_id: int | None = None,
) -> Iterator[LogEntry]:
    """The org's entries, oldest first: made between ``start`` and ``end`` (UTC dates), and
    concerning session ``session_id`` when given."""
    query = select(AuditEntry).where(AuditEntry.org_id == org.id)
    if start is not None:
        query = query.where(AuditEntry.at >= datetime.combine(start, time()))
    if end is not None:
        query = query.where(AuditEntry.at < datetime.combine(end + timedelta(days=1), time()))
    for entry in session.scalars(query.order_by(AuditEntry.seq).execution_options(yield_per=500)):
        read = _read(entry)
        if session_id is None or session_id in read.sessions:
            yield read


# --- undo -----------------------------------------------------------------------------------


def undoable(*, session: Session, org: Org, seq: int | None = None) -> LogEntry:
    """Entry ``seq``, or the latest entry not yet undone; an undo itself is not undone (the
    change it reverted was: that is what the log shows)."""
    undone = select(AuditEntry.undoes).where(
        AuditEntry.org_id == org.id, AuditEntry.undoes.is_not(None)
    )
    if seq is None:
        candidates = session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.org_id == org.id,
                AuditEntry.undoes.is_(None),
                AuditEntry.seq.not_in(undone),
            )
            .order_by(AuditEntry.seq.desc())
            .execution_options(yield_per=20)
        )
        for entry in candidates:
            read = _read(entry)
            if not read.sealed:  # a seal changed nothing: the change before it is the latest
                return read
        raise StudylogError("nothing_to_undo", org=org.name)
    # A number past what a column holds names no entry (and would not reach the database).
    found = None
    if 0 < seq < 2**63:
        found = session.scalars(
            select(AuditEntry).where(AuditEntry.org_id == org.id, AuditEntry.seq == seq)
        ).first()
    if found is None:
        raise StudylogError("no_entry", seq=seq)
    entry = found
    if entry.undoes is not None:
        raise StudylogError("entry_is_undo", seq=seq, undone=entry.undoes)
    if _read(entry).sealed:
        raise StudylogError("entry_is_seal", seq=seq)
    by = session.scalar(
        select(AuditEntry.seq).where(AuditEntry.org_id == org.id, AuditEntry.undoes == seq)
    )
    if by is not None:
        raise StudylogError("entry_undone", seq=seq, by=by)
    return _read(entry)


def undo(*, session: Session, org: Org, seq: int | None = None) -> int:
    """Revert entry ``seq`` (the latest not yet undone when None) as a change of its own, and
    return the seq the undo will be logged under. Refused if the chain is broken, or if the
    records that entry changed no longer look as it left them (changed again since): an older
    entry can be undone only when nothing after it touched the same rows."""
    lock(session, org.id)
    verdict = verify(session=session, org=org)
    if not verdict.ok:
        raise StudylogError("undo_chain_broken", seq=verdict.broken_at)
    if not records_match(session.connection(), org.id):
        raise StudylogError("undo_records_differ", org=org.name)
    target = undoable(session=session, org=org, seq=seq)
    if any(change.table == "orgs" and change.before is None for change in target.changes):
        raise StudylogError("undo_creation", seq=target.seq)
    recorder = recorder_of(session)
    recorder.org_id, recorder.undoes = org.id, target.seq
    try:
        if target.imported:
            # Later changes may lean on what it added (a host, a ledger link): an import is
            # undone only as the latest change.
            if target.seq != undoable(session=session, org=org).seq:
                raise StudylogError("undo_import_not_last", seq=target.seq)
            _remove_imported(session, org, target)
        for change in reversed(target.changes):
            _revert(session, recorder, change, target.seq)
        session.flush()
    except IntegrityError:
        raise StudylogError("undo_changed_since", seq=target.seq) from None
    return verdict.entries + 1


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A recorded image back as column values."""
    values = {}
    for name, value in row.items():
        kind = table.c[name].type
        if value is not None and isinstance(kind, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = date.fromisoformat(value)
        values[name] = value
    return values


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _current(session: Session, table: Table, key: dict[str, Any]) -> dict[str, Any] | None:
    where = [table.c[name] == value for name, value in _typed(table, key).items()]
    row = session.execute(select(table).where(*where)).mappings().first()
    return None if row is None else row_image(table, dict(row))


def _revert(session: Session, recorder: Recorder, change: Change, seq: int) -> None:
    table = _table(change.table)
    where = [table.c[name] == value for name, value in _typed(table, change.key).items()]
    now = _current(session, table, change.key)
    if now != change.after:
        raise StudylogError("undo_changed_since", seq=seq)
    if change.after is None:
        assert change.before is not None
        session.execute(insert(table).values(**_typed(table, change.before)))
    elif change.before is None:
        # A row this entry added may since have been given to others (a later session
        # carrying out this plan item, say): taking it out would take them with it, or
        # quietly unlink them. Rows the entry added itself were taken out before (reversed).
        if _referred_to(session, table, change.key):
            raise StudylogError("undo_changed_since", seq=seq)
        session.execute(delete(table).where(*where))
    else:
        session.execute(update(table).where(*where).values(**_typed(table, change.before)))
    recorder.add_row(table.name, change.key, change.after, change.before)


def _referred_to(session: Session, table: Table, key: dict[str, Any]) -> bool:
    """Some row's foreign key points at the row ``key`` of ``table`` (one query per key)."""
    for child in Base.metadata.sorted_tables:
        for foreign_key in child.foreign_keys:
            if foreign_key.column.table is not table or child is AuditEntry.__table__:
                continue
            target = _typed(table, {foreign_key.column.name: key.get(foreign_key.column.name)})
            referring = select(foreign_key.parent).where(
                foreign_key.parent == target[foreign_key.column.name]
            )
            if session.execute(referring.limit(1)).first() is not None:
                return True
    return False


def _remove_imported(session: Session, org: Org, target: LogEntry) -> None:
    """Take out what a bulk import added, after checking it is all still there, unchanged
    in number (the import entry holds where the ids stood before it)."""
    (last,) = target.marks
    mark = ImportMark(last_ids=last)
    if imported_counts(session, org.id, mark) != target.imported:
        raise StudylogError("undo_changed_since", seq=target.seq)
    through = last_ids(session.connection())
    _counts, _digests, delta = added_in_bulk(
        session.connection(), org.id, last, {table: through[table] for table in last}
    )
    # Children first, each table's rows past the mark within the org; a session's tags go
    # with it (a foreign-key cascade).
    ours = select(StudySession.id).where(StudySession.org_id == org.id).scalar_subquery()
    our_lines = select(Attendance.id).where(Attendance.session_id.in_(ours)).scalar_subquery()
    if all(table in last for table in SESSION_FILES):
        new_sessions = select(StudySession.id).where(
            StudySession.org_id == org.id, StudySession.id > last["sessions"]
        )
        for statement in (
            delete(SessionNote).where(SessionNote.session_id.in_(new_sessions)),
            delete(SessionMaterial).where(
                SessionMaterial.id > last["session_materials"],
                SessionMaterial.session_id.in_(ours),
            ),
            delete(MaterialBlob).where(
                MaterialBlob.org_id == org.id, MaterialBlob.id > last["material_blobs"]
            ),
        ):
            session.execute(statement, execution_options={"synchronize_session": False})
    if all(table in last for table in PLAN_IMPORTS):
        # The plan and the ledger before the sessions (a session names the plan item it
        # carried out, a ledger entry the session it was found at), children first.
        new_items = select(PlanItem.id).where(
            PlanItem.org_id == org.id, PlanItem.id > last["plan_items"]
        )
        our_entries = select(Rectification.id).where(Rectification.org_id == org.id)
        plan_statements: tuple[Any, ...] = (
            delete(RectifyProgress).where(
                RectifyProgress.id > last["rectify_progress"],
                RectifyProgress.rectification_id.in_(our_entries),
            ),
            delete(Rectification).where(
                Rectification.org_id == org.id, Rectification.id > last["rectifications"]
            ),
            update(StudySession).where(StudySession.plan_id.in_(new_items)).values(plan_id=None),
            delete(PlanSpeaker).where(PlanSpeaker.plan_item_id.in_(new_items)),
            delete(PlanItem).where(PlanItem.org_id == org.id, PlanItem.id > last["plan_items"]),
        )
        for statement in plan_statements:
            session.execute(statement, execution_options={"synchronize_session": False})
    new_sessions = select(StudySession.id).where(
        StudySession.org_id == org.id, StudySession.id > last["sessions"]
    )
    for model in BEYOND_ROLL.values():  # keyed on the session: they go with it
        session.execute(
            delete(model).where(model.session_id.in_(new_sessions)),
            execution_options={"synchronize_session": False},
        )
    for statement in (
        delete(Makeup).where(Makeup.id > last["makeups"], Makeup.attendance_id.in_(our_lines)),
        delete(Speech).where(Speech.id > last["speeches"], Speech.session_id.in_(ours)),
        delete(Attendance).where(
            Attendance.id > last["attendance"], Attendance.session_id.in_(ours)
        ),
        *(
            delete(model).where(model.org_id == org.id, model.id > last[name])
            for name, model in OWNED_IMPORTS.items()
            if name in last
        ),
        delete(StudySession).where(
            StudySession.org_id == org.id, StudySession.id > last["sessions"]
        ),
        delete(Member).where(Member.org_id == org.id, Member.id > last["members"]),
    ):
        session.execute(statement, execution_options={"synchronize_session": False})
    recorder = recorder_of(session)
    recorder.removed.append({"after_ids": last, "through_ids": through, "counts": target.imported})
    merge(recorder.bulk, delta, -1)

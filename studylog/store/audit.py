"""The audit trail: every write leaves one entry, hash-chained per org; ``undo`` reverts one.

:func:`watch` is called by :func:`studylog.db.transaction` for every write. While the
transaction runs, the ORM's unit of work reports each row it inserts, updates or deletes
(mapper events, so rows removed by a cascade are seen too) and the recorder keeps the row's
image before and after. Just before the commit, one :class:`~studylog.models.AuditEntry` is
appended for the org: time (UTC), OS user, the command line (a password in a URL blanked)
and the changes, in the same transaction as the records, so neither lands without the other.

An entry's hash covers its fields and the previous entry's hash; the org's ``log_head`` holds
the latest. :func:`verify` recomputes the chain, so an entry edited, inserted or removed with
another tool shows. Anyone able to recompute every hash could still rewrite the whole chain:
the head hash ``log --verify`` prints is worth noting down (in the year-end file, say).

The bulk import writes through Core, not the unit of work; it tells the recorder which rows it
added with :func:`note_import`, and the entry holds their counts, not their values (the file
it read has them).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import shlex
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    Table,
    and_,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper, Session, object_session

from studylog.errors import StudylogError
from studylog.store.models import (
    Attendance,
    AuditEntry,
    Base,
    Makeup,
    Member,
    Org,
    SessionTag,
    Speech,
    StudySession,
)

_KEY = "studylog_audit"
_GENESIS = "0" * 64
_SHELL_SPECIAL = frozenset("'\"\\$`!*?;&|<>(){}[]#~")
#: Bookkeeping columns that are not records: the chain's own head.
_UNRECORDED = {("orgs", "log_head")}


def _blank_password(arg: str) -> str:
    if "://" not in arg:
        return arg
    from studylog.store.urls import shown

    option, equals, url = arg.partition("=") if arg.startswith("--") else ("", "", arg)
    return option + equals + shown(url)


def _command() -> str:
    """The command line, a password in a database URL blanked."""
    from studylog import invocation

    if invocation.words is not None:
        words = ["studylog", *invocation.words]
    else:
        words = [os.path.basename(sys.argv[0]), *sys.argv[1:]]
    return " ".join(_quoted(_blank_password(_printable(word))) for word in words)


def _printable(word: str) -> str:
    """A word as text: bytes the file system's encoding could not decode (a GBK file name
    under a UTF-8 locale, say) as escapes."""
    return word.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _quoted(word: str) -> str:
    """A word as a shell would need it, Chinese left unquoted (shlex quotes any non-ASCII)."""
    if word and not any(char.isspace() or char in _SHELL_SPECIAL for char in word):
        return word
    return shlex.quote(word)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name: a container's bare uid
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return value


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


def _image(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    return {
        column.name: _plain(values[column.name])
        for column in table.columns
        if (table.name, column.name) not in _UNRECORDED
    }


def _key(table: Table, image: dict[str, Any]) -> dict[str, Any]:
    return {column.name: image[column.name] for column in table.primary_key.columns}


@dataclass
class Recorder:
    """The changes of one write transaction, waiting for the commit."""

    org_id: int | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    imported: list[dict[str, Any]] = field(default_factory=list)  # bulk rows added
    removed: list[dict[str, Any]] = field(default_factory=list)  # … and taken out by undo
    undoes: int | None = None

    def note(
        self, table: Table, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        image = after if after is not None else before
        if before == after or image is None:
            return
        self.rows.append(
            {"table": table.name, "key": _key(table, image), "before": before, "after": after}
        )


def watch(session: Session) -> None:
    """Record this transaction's writes and seal them in an entry at commit."""
    session.info[_KEY] = Recorder()


def scope(session: Session, org: Org) -> None:
    """The org whose log this transaction's entry joins."""
    recorder = session.info.get(_KEY)
    if recorder is not None:
        recorder.org_id = org.id
        _lock(session, org.id)  # writers of one org in turn, from the start: chain order


def _recorder(target: Any) -> Recorder | None:
    owner = object_session(target)
    return None if owner is None else owner.info.get(_KEY)


def _values(target: Any) -> dict[str, Any]:
    return {column.name: getattr(target, column.key) for column in inspect(target).mapper.columns}


@event.listens_for(Base, "after_insert", propagate=True)
def _inserted(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is not None:
        recorder.note(mapper.local_table, None, _image(mapper.local_table, _values(target)))  # type: ignore[arg-type]


@event.listens_for(Base, "after_update", propagate=True)
def _updated(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is None:
        return
    table: Table = mapper.local_table  # type: ignore[assignment]
    now = _values(target)
    was = dict(now)
    state = inspect(target)
    for column in mapper.columns:
        history = state.attrs[column.key].history
        if history.deleted:
            was[column.name] = history.deleted[0]
    recorder.note(table, _image(table, was), _image(table, now))


@event.listens_for(Base, "after_delete", propagate=True)
def _deleted(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is not None:
        recorder.note(mapper.local_table, _image(mapper.local_table, _values(target)), None)  # type: ignore[arg-type]


@event.listens_for(Session, "before_commit")
def _seal(session: Session) -> None:
    recorder = session.info.get(_KEY)
    if recorder is None:
        return
    session.flush()
    if recorder.rows or recorder.imported or recorder.removed:
        _append(session, recorder)
    session.info[_KEY] = Recorder()


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _previous: Any) -> None:
    if session.info.get(_KEY) is not None:
        session.info[_KEY] = Recorder()


# --- the import's bulk rows ---------------------------------------------------------------


@dataclass(frozen=True)
class ImportMark:
    """Where each table's ids stood before an import."""

    last_ids: dict[str, int]


def mark_import(session: Session, org: Org) -> ImportMark:
    """Note where the ids stand before a bulk import (one statement). The org's chain is
    locked first: on PostgreSQL, no other writer of the org can take ids past the mark
    while the import runs."""
    _lock(session, org.id)
    last = session.execute(
        select(
            select(func.coalesce(func.max(Member.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(StudySession.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Attendance.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Makeup.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Speech.id), 0)).scalar_subquery(),
        ).execution_options(include_archived=True)
    ).one()
    names = ("members", "sessions", "attendance", "makeups", "speeches")
    return ImportMark(last_ids=dict(zip(names, (int(value) for value in last), strict=True)))


def _imported_counts(session: Session, org_id: int, mark: ImportMark) -> dict[str, int]:
    """How many rows of each table, belonging to the org, have ids past the mark: the rows
    an import added (roll lines, make-ups and speeches may be for sessions recorded before)."""
    last = mark.last_ids
    ours = StudySession.org_id == org_id
    new_sessions = and_(ours, StudySession.id > last["sessions"])
    counts = session.execute(
        select(
            select(func.count(Member.id))
            .where(Member.org_id == org_id, Member.id > last["members"])
            .scalar_subquery(),
            select(func.count(StudySession.id)).where(new_sessions).scalar_subquery(),
            select(func.count(SessionTag.tag))
            .join(StudySession, StudySession.id == SessionTag.session_id)
            .where(new_sessions)
            .scalar_subquery(),
            select(func.count(Attendance.id))
            .join(StudySession, StudySession.id == Attendance.session_id)
            .where(ours, Attendance.id > last["attendance"])
            .scalar_subquery(),
            select(func.count(Makeup.id))
            .join(Attendance, Attendance.id == Makeup.attendance_id)
            .join(StudySession, StudySession.id == Attendance.session_id)
            .where(ours, Makeup.id > last["makeups"])
            .scalar_subquery(),
            select(func.count(Speech.id))
            .join(StudySession, StudySession.id == Speech.session_id)
            .where(ours, Speech.id > last["speeches"])
            .scalar_subquery(),
        ).execution_options(include_archived=True)
    ).one()
    names = ("members", "sessions", "session_tags", "attendance", "makeups", "speeches")
    return dict(zip(names, (int(value) for value in counts), strict=True))


def note_import(session: Session, org: Org, mark: ImportMark) -> None:
    """Record what a bulk import added since ``mark`` (counts, not values)."""
    recorder = session.info.get(_KEY)
    if recorder is None:
        return
    recorder.org_id = org.id
    counts = _imported_counts(session, org.id, mark)
    if any(counts.values()):
        recorder.imported.append({"after_ids": mark.last_ids, "counts": counts})


# --- the chain ----------------------------------------------------------------------------


def _digest(
    *,
    org_id: int,
    seq: int,
    at: datetime,
    user: str,
    command: str,
    changes: str,
    undoes: int | None,
    prev_hash: str,
) -> str:
    fields = [org_id, seq, at.isoformat(), user, command, changes, undoes, prev_hash]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _org_of(recorder: Recorder) -> int:
    if recorder.org_id is not None:
        return recorder.org_id
    for row in recorder.rows:
        image = row["after"] or row["before"]
        if row["table"] == "orgs":
            return int(image["id"])
        if "org_id" in image:
            return int(image["org_id"])
    raise RuntimeError("a write with no org to log it under")


def _touched_sessions(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """The sessions an entry concerns, for ``log --session`` (one statement for make-ups)."""
    found: set[int] = set()
    lines: set[int] = set()
    for row in rows:
        image = row["after"] or row["before"]
        if row["table"] == "sessions":
            found.add(image["id"])
        elif image.get("session_id") is not None:
            found.add(image["session_id"])
        elif row["table"] == "makeups":
            lines.add(image["attendance_id"])
    if lines:
        found.update(
            session.scalars(
                select(Attendance.session_id)
                .where(Attendance.id.in_(lines))
                .execution_options(include_archived=True)
            )
        )
    return sorted(found)


def _append(session: Session, recorder: Recorder) -> None:
    org_id = _org_of(recorder)
    head = _lock(session, org_id)
    last_seq = session.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.org_id == org_id))
    seq = (last_seq or 0) + 1
    body = {"rows": recorder.rows, "sessions": _touched_sessions(session, recorder.rows)}
    for part in ("imported", "removed"):
        if getattr(recorder, part):
            body[part] = getattr(recorder, part)
    entry: dict[str, Any] = {
        "org_id": org_id,
        "seq": seq,
        "at": datetime.now(UTC).replace(tzinfo=None),
        "user": _user(),
        "command": _command(),
        "changes": json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        "undoes": recorder.undoes,
        "prev_hash": head or _GENESIS,
    }
    entry["hash"] = _digest(**entry)
    session.execute(insert(AuditEntry), [entry])
    session.execute(update(Org).where(Org.id == org_id).values(log_head=entry["hash"]))


def _lock(session: Session, org_id: int) -> str | None:
    """Lock the org's row and return its chain's head: one writer at a time extends a chain
    (on PostgreSQL; SQLite's write lock is already held). FOR NO KEY UPDATE, so as not to
    wait on the key-share locks a writer's own inserts take on the org row (a deadlock)."""
    query = select(Org.log_head).where(Org.id == org_id).with_for_update(key_share=True)
    return session.execute(query).scalar_one()


@dataclass(frozen=True)
class Verdict:
    entries: int
    head: str | None
    broken_at: int | None = None  # seq of the first entry that does not hold
    why: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def _entries(session: Session, org_id: int) -> Iterator[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.org_id == org_id).order_by(AuditEntry.seq)
    yield from session.scalars(query.execution_options(yield_per=1000))


def verify(*, session: Session, org: Org) -> Verdict:
    """Recompute the org's chain: every entry's hash, the links between them, the head."""
    head = session.scalar(select(Org.log_head).where(Org.id == org.id))
    previous, count = _GENESIS, 0
    for entry in _entries(session, org.id):
        count += 1
        if entry.seq != count:
            return Verdict(count - 1, head, broken_at=count, why="missing")
        if entry.prev_hash != previous:
            return Verdict(count - 1, head, broken_at=entry.seq, why="link")
        recomputed = _digest(
            org_id=entry.org_id,
            seq=entry.seq,
            at=entry.at,
            user=entry.user,
            command=entry.command,
            changes=entry.changes,
            undoes=entry.undoes,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            return Verdict(count - 1, head, broken_at=entry.seq, why="edited")
        previous = entry.hash
    if (head or _GENESIS) != previous:
        return Verdict(count, head, broken_at=count + 1, why="head")
    return Verdict(count, head)


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


def _read(entry: AuditEntry) -> LogEntry:
    body = json.loads(entry.changes)
    return LogEntry(
        seq=entry.seq,
        at=entry.at,
        user=entry.user,
        command=entry.command,
        undoes=entry.undoes,
        changes=[Change(**row) for row in body["rows"]],
        imported=_summed(body.get("imported", [])),
        removed=_summed(body.get("removed", [])),
        sessions=body["sessions"],
        marks=[part["after_ids"] for part in body.get("imported", [])],
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
        entry = session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.org_id == org.id,
                AuditEntry.undoes.is_(None),
                AuditEntry.seq.not_in(undone),
            )
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        ).first()
        if entry is None:
            raise StudylogError("nothing_to_undo", org=org.name)
        return _read(entry)
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.org_id == org.id, AuditEntry.seq == seq)
    ).first()
    if entry is None:
        raise StudylogError("no_entry", seq=seq)
    if entry.undoes is not None:
        raise StudylogError("entry_is_undo", seq=seq, undone=entry.undoes)
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
    _lock(session, org.id)
    verdict = verify(session=session, org=org)
    if not verdict.ok:
        raise StudylogError("undo_chain_broken", seq=verdict.broken_at)
    target = undoable(session=session, org=org, seq=seq)
    if any(change.table == "orgs" and change.before is None for change in target.changes):
        raise StudylogError("undo_creation", seq=target.seq)
    recorder: Recorder = session.info[_KEY]
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


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _current(session: Session, table: Table, key: dict[str, Any]) -> dict[str, Any] | None:
    where = [table.c[name] == value for name, value in _typed(table, key).items()]
    row = session.execute(select(table).where(*where)).mappings().first()
    return None if row is None else _image(table, dict(row))


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
    recorder.rows.append(
        {"table": table.name, "key": change.key, "before": change.after, "after": change.before}
    )


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
    if _imported_counts(session, org.id, mark) != target.imported:
        raise StudylogError("undo_changed_since", seq=target.seq)
    # Children first, each table's rows past the mark within the org; a session's tags go
    # with it (a foreign-key cascade).
    ours = select(StudySession.id).where(StudySession.org_id == org.id).scalar_subquery()
    our_lines = select(Attendance.id).where(Attendance.session_id.in_(ours)).scalar_subquery()
    for statement in (
        delete(Makeup).where(Makeup.id > last["makeups"], Makeup.attendance_id.in_(our_lines)),
        delete(Speech).where(Speech.id > last["speeches"], Speech.session_id.in_(ours)),
        delete(Attendance).where(
            Attendance.id > last["attendance"], Attendance.session_id.in_(ours)
        ),
        delete(StudySession).where(
            StudySession.org_id == org.id, StudySession.id > last["sessions"]
        ),
        delete(Member).where(Member.org_id == org.id, Member.id > last["members"]),
    ):
        session.execute(statement, execution_options={"synchronize_session": False})
    recorder: Recorder = session.info[_KEY]
    recorder.removed.append({"after_ids": last, "counts": target.imported})

"""Recording the writes: every write transaction leaves one entry in its org's audit log.

:func:`watch` is called by :func:`studylog.store.db.transaction` for every write. While the
transaction runs, the ORM's unit of work reports each row it inserts, updates or deletes
(mapper events, so rows removed by a cascade are seen too) and the recorder keeps the row's
image before and after. Just before the commit, one :class:`~studylog.store.models.AuditEntry`
is appended for the org (:mod:`studylog.store.chain` hashes it onto the org's chain): time
(UTC), OS user, the command line (a password in a URL blanked) and the changes, in the same
transaction as the records, so neither lands without the other. Reading the log and undoing
an entry are :mod:`studylog.store.history`'s.

The bulk import writes through Core, not the unit of work; it tells the recorder which rows it
added with :func:`note_import`, and the entry holds their counts, not their values (the file
it read has them).
"""

from __future__ import annotations

import getpass
import json
import os
import shlex
import sys
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, and_, event, func, inspect, select
from sqlalchemy.orm import Mapper, Session, object_session

from studylog.store.chain import append, head_entry, lock
from studylog.store.digests import (
    State,
    added_in_bulk,
    dumped,
    last_ids,
    loaded,
    merge,
    row_digest,
    row_image,
    shift,
)
from studylog.store.import_counts import PLAN_IMPORTS, beyond_roll_counts, plan_counts
from studylog.store.models import (
    AgendaItem,
    Attendance,
    Base,
    Makeup,
    MaterialBlob,
    Member,
    MemberOutput,
    Org,
    SelfStudy,
    SessionMaterial,
    SessionNote,
    SessionTag,
    Speech,
    StudySession,
)

_KEY = "studylog_audit"
_SHELL_SPECIAL = frozenset("'\"\\$`!*?;&|<>(){}[]#~")


def _blank_password(arg: str) -> str:
    if "://" not in arg:
        return arg
    from studylog.store.urls import shown

    option, equals, url = arg.partition("=") if arg.startswith("--") else ("", "", arg)
    return option + equals + shown(url)


def command_line() -> str:
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


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name: a container's bare uid
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


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
    bulk: State = field(default_factory=dict)  # the digests the bulk rows add (or take out)

    def note(
        self, table: Table, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        image = after if after is not None else before
        if before == after or image is None:
            return
        self.add_row(table.name, _key(table, image), before, after)

    def add_row(
        self,
        table: str,
        key: dict[str, Any],
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        """One row written: its images and the digest of what it holds now (None: removed)."""
        digest = None if after is None else row_digest(table, after)
        self.rows.append(
            {"table": table, "key": key, "before": before, "after": after, "digest": digest}
        )

    def state_after(self, before: State) -> State:
        """The org's records' state once this transaction's writes land on ``before``."""
        state = dict(before)
        merge(state, self.bulk)
        for row in self.rows:
            if row["before"] is not None:
                shift(state, row["table"], row_digest(row["table"], row["before"]), -1)
            if row["after"] is not None:
                shift(state, row["table"], row["digest"], 1)
        return state


def watch(session: Session) -> None:
    """Record this transaction's writes and seal them in an entry at commit."""
    session.info[_KEY] = Recorder()


def recorder_of(session: Session) -> Recorder:
    """The recorder of this watched transaction (an undo adds the rows it reverts)."""
    recorder: Recorder = session.info[_KEY]
    return recorder


def scope(session: Session, org: Org) -> None:
    """The org whose log this transaction's entry joins."""
    recorder = session.info.get(_KEY)
    if recorder is not None:
        recorder.org_id = org.id
        lock(session, org.id)  # writers of one org in turn, from the start: chain order


def _recorder(target: Any) -> Recorder | None:
    owner = object_session(target)
    return None if owner is None else owner.info.get(_KEY)


def _values(target: Any) -> dict[str, Any]:
    return {column.name: getattr(target, column.key) for column in inspect(target).mapper.columns}


@event.listens_for(Base, "after_insert", propagate=True)
def _inserted(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is not None:
        recorder.note(mapper.local_table, None, row_image(mapper.local_table, _values(target)))  # type: ignore[arg-type]


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
    recorder.note(table, row_image(table, was), row_image(table, now))


@event.listens_for(Base, "after_delete", propagate=True)
def _deleted(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is not None:
        recorder.note(mapper.local_table, row_image(mapper.local_table, _values(target)), None)  # type: ignore[arg-type]


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


#: Tables an import adds rows to that name their org themselves (``org_id``), beside members and
#: sessions. A mark written before they were imported lacks them: its import added none.
OWNED_IMPORTS: dict[str, type[MemberOutput] | type[SelfStudy] | type[AgendaItem]] = {
    "member_outputs": MemberOutput,
    "self_study": SelfStudy,
    "agenda_items": AgendaItem,
}


@dataclass(frozen=True)
class ImportMark:
    """Where each table's ids stood before an import."""

    last_ids: dict[str, int]


def mark_import(session: Session, org: Org) -> ImportMark:
    """Note where the ids stand before a bulk import (one statement). The org's chain is
    locked first: on PostgreSQL, no other writer of the org can take ids past the mark
    while the import runs."""
    lock(session, org.id)
    last = session.execute(
        select(
            select(func.coalesce(func.max(Member.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(StudySession.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Attendance.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Makeup.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Speech.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(MaterialBlob.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(SessionMaterial.id), 0)).scalar_subquery(),
            *(
                select(func.coalesce(func.max(model.id), 0)).scalar_subquery()
                for model in OWNED_IMPORTS.values()
            ),
            *(
                select(func.coalesce(func.max(model.id), 0)).scalar_subquery()
                for model in PLAN_IMPORTS.values()
            ),
        ).execution_options(include_archived=True)
    ).one()
    names = (
        "members",
        "sessions",
        "attendance",
        "makeups",
        "speeches",
        *SESSION_FILES,
        *OWNED_IMPORTS,
        *PLAN_IMPORTS,
    )
    return ImportMark(last_ids=dict(zip(names, (int(value) for value in last), strict=True)))


def imported_counts(session: Session, org_id: int, mark: ImportMark) -> dict[str, int]:
    """How many rows of each table, belonging to the org, have ids past the mark: the rows
    an import added (roll lines, make-ups and speeches may be for sessions recorded before)."""
    last = mark.last_ids
    owned = [(name, model) for name, model in OWNED_IMPORTS.items() if name in last]
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
            *(
                select(func.count(model.id))
                .where(model.org_id == org_id, model.id > last[name])
                .scalar_subquery()
                for name, model in owned
            ),
        ).execution_options(include_archived=True)
    ).one()
    names = ["members", "sessions", "session_tags", "attendance", "makeups", "speeches"]
    names += [name for name, _ in owned]
    found = dict(zip(names, (int(value) for value in counts), strict=True))
    if all(table in last for table in SESSION_FILES):  # marks of imports before these tables
        found.update(_session_files_counts(session, org_id, last))
    if all(table in last for table in PLAN_IMPORTS):
        found.update(plan_counts(session, org_id, last))
    found.update(beyond_roll_counts(session, org_id, last))
    return found


#: Tables a JSON import may add to besides the five above: a session's minutes and
#: outline (keyed by the session) and its materials with their contents.
SESSION_FILES = ("material_blobs", "session_materials")


def _session_files_counts(session: Session, org_id: int, last: dict[str, int]) -> dict[str, int]:
    """The notes, materials and contents an import added (only tables it added to)."""
    ours = StudySession.org_id == org_id
    notes, materials, blobs = session.execute(
        select(
            select(func.count(SessionNote.session_id))
            .join(StudySession, StudySession.id == SessionNote.session_id)
            .where(ours, StudySession.id > last["sessions"])
            .scalar_subquery(),
            select(func.count(SessionMaterial.id))
            .join(StudySession, StudySession.id == SessionMaterial.session_id)
            .where(ours, SessionMaterial.id > last["session_materials"])
            .scalar_subquery(),
            select(func.count(MaterialBlob.id))
            .where(MaterialBlob.org_id == org_id, MaterialBlob.id > last["material_blobs"])
            .scalar_subquery(),
        ).execution_options(include_archived=True)
    ).one()
    counted = {"session_notes": notes, "session_materials": materials, "material_blobs": blobs}
    return {table: int(count) for table, count in counted.items() if count}


def note_import(session: Session, org: Org, mark: ImportMark) -> None:
    """Record what a bulk import added since ``mark``: counts and a digest per table of the
    rows it added, in key order (not their values: the file has those)."""
    recorder = session.info.get(_KEY)
    if recorder is None:
        return
    recorder.org_id = org.id
    connection = session.connection()
    now = last_ids(connection)
    through = {table: now[table] for table in mark.last_ids}
    counts = imported_counts(session, org.id, mark)
    _added, digests, delta = added_in_bulk(connection, org.id, mark.last_ids, through)
    if any(counts.values()):
        recorder.imported.append(
            {
                "after_ids": mark.last_ids,
                "through_ids": through,
                "counts": counts,
                "digests": digests,
            }
        )
        merge(recorder.bulk, delta)


# --- the entry ---------------------------------------------------------------------------


def _state_at(session: Session, org_id: int, head: str | None) -> State | None:
    """The state of the org's records the head entry vouches for (empty for a new org);
    None when the head entry holds none (a log written before states, not yet sealed)."""
    if head is None:
        return {}
    entry = head_entry(session, org_id, head)
    if entry is None:
        return None
    held = json.loads(entry).get("state")
    return None if held is None else loaded(held)


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
    head = lock(session, org_id)
    body: dict[str, Any] = {
        "rows": recorder.rows,
        "sessions": _touched_sessions(session, recorder.rows),
    }
    for part in ("imported", "removed"):
        if getattr(recorder, part):
            body[part] = getattr(recorder, part)
    before = _state_at(session, org_id, head)
    if before is not None:
        body["state"] = dumped(recorder.state_after(before))
    append(
        session,
        org_id=org_id,
        head=head,
        user=os_user(),
        command=command_line(),
        changes=json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        undoes=recorder.undoes,
    )

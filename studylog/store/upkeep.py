"""Looking after the database file: online backups and consistency checks."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Engine, and_, func, or_, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, aliased

from studylog.errors import StudylogError
from studylog.outputs import written_file
from studylog.store.chain import verify
from studylog.store.db import sqlite_path
from studylog.store.digests import same, state_of
from studylog.store.integrity import logged_state
from studylog.store.models import Attendance, Makeup, Member, Org, Speech, StudySession
from studylog.text.vocab import MISSED


def backup(*, engine: Engine, out: Path, force: bool = False) -> Path:
    """Copy a SQLite database with SQLite's online backup: safe while others write.

    The copy is made in a temporary created exclusively beside ``out`` and moved into place
    when complete, owner-only (0600) (:mod:`studylog.outputs`).
    """
    source = sqlite_path(engine.url.render_as_string(hide_password=False))
    if source is None:
        raise StudylogError("backup_sqlite_only")
    with written_file(out, force=force) as partial:
        try:
            with (
                closing(sqlite3.connect(source)) as origin,
                closing(sqlite3.connect(partial)) as copy,
            ):
                origin.backup(copy)
        except sqlite3.Error as error:
            raise StudylogError("backup_failed", path=str(out), detail=str(error)) from None
    return out.expanduser().absolute()


def _outside(member: type[Member], held: type[StudySession]) -> ColumnElement[bool]:
    return or_(
        and_(member.joined.is_not(None), held.date < member.joined),
        and_(member.retired.is_not(None), held.date > member.retired),
    )


@dataclass(frozen=True)
class Finding:
    check: str
    problems: int


def check(*, session: Session) -> list[Finding]:
    """SQLite's integrity check, then studylog's own invariants, each as one SQL count."""
    findings = []
    if session.get_bind().dialect.name == "sqlite":
        try:
            verdict = session.connection().exec_driver_sql("PRAGMA integrity_check").scalar()
        except DatabaseError:  # a page so damaged that SQLite cannot even walk it
            session.rollback()  # a read: nothing to keep, and COMMIT would fail the same way
            verdict = None
        findings.append(Finding("integrity", 0 if verdict == "ok" else 1))
        if verdict != "ok":  # the other checks would read damaged pages: the file comes first
            return findings
        broken = session.connection().exec_driver_sql("PRAGMA foreign_key_check").all()
        findings.append(Finding("foreign_keys", len(broken)))
    host = aliased(Member)
    counts = {
        # A make-up is for a leave or an absence, on or after the session.
        "makeup_for_attended": select(func.count(Makeup.id))
        .join(Attendance, Attendance.id == Makeup.attendance_id)
        .where(Attendance.status.not_in(MISSED)),
        "makeup_before_session": select(func.count(Makeup.id))
        .join(Attendance, Attendance.id == Makeup.attendance_id)
        .join(StudySession, StudySession.id == Attendance.session_id)
        .where(Makeup.date < StudySession.date),
        # Groups are walls: no record joins one group's session to another group's member.
        "roll_across_groups": select(func.count(Attendance.id))
        .join(StudySession, StudySession.id == Attendance.session_id)
        .join(Member, Member.id == Attendance.member_id)
        .where(Member.org_id != StudySession.org_id),
        "speech_across_groups": select(func.count(Speech.id))
        .join(StudySession, StudySession.id == Speech.session_id)
        .join(Member, Member.id == Speech.member_id)
        .where(Member.org_id != StudySession.org_id),
        "host_across_groups": select(func.count(StudySession.id))
        .join(host, host.id == StudySession.host_id)
        .where(host.org_id != StudySession.org_id),
        # Nobody is on a roll, speaks or makes up outside their time in the group.
        "roll_outside_tenure": select(func.count(Attendance.id))
        .join(StudySession, StudySession.id == Attendance.session_id)
        .join(Member, Member.id == Attendance.member_id)
        .where(_outside(Member, StudySession)),
        "speech_outside_tenure": select(func.count(Speech.id))
        .join(StudySession, StudySession.id == Speech.session_id)
        .join(Member, Member.id == Speech.member_id)
        .where(_outside(Member, StudySession)),
        "makeup_outside_tenure": select(func.count(Makeup.id))
        .join(Attendance, Attendance.id == Makeup.attendance_id)
        .join(StudySession, StudySession.id == Attendance.session_id)
        .join(Member, Member.id == Attendance.member_id)
        .where(_outside(Member, StudySession)),
    }
    everything = {"include_archived": True}  # deleted records are records too
    for name, query in counts.items():
        findings.append(Finding(name, session.scalar(query, execution_options=everything) or 0))
    # Each group's audit log verifies: no entry edited, inserted or removed behind our back.
    orgs = list(session.scalars(select(Org).order_by(Org.id)))
    unverified = sum(not verify(session=session, org=org).ok for org in orgs)
    findings.append(Finding("audit_chain", unverified))
    # … and each group's records are what its log says (one pass over every table).
    connection = session.connection()
    stored = state_of(connection, None)
    differing = 0
    for org in orgs:
        logged = logged_state(connection, org.id)
        differing += logged is None or bool(same(logged, stored.pop(org.id, {})))
    findings.append(Finding("audit_records", differing + len(stored)))  # + rows of no group
    return findings

"""What an import knows while it checks a file: the group's members, its sessions (the
database's and the file's) and their rolls, make-ups and speeches, read with a few set-based
queries and kept in memory so that each row is checked with a few look-ups.

Members and sessions are read with one query each up front; an existing session's roll,
make-ups and speeches with one query each, the first time a row names it (with those of the
sessions that follow it in date order).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.store.models import Attendance, Makeup, Member, Org, Speech, StudySession
from studylog.text.categories import Category
from studylog.text.messages import Phrase
from studylog.text.names import close_names
from studylog.text.parse import clean_name
from studylog.text.vocab import Role, SpeechKind, Status
from studylog.transfer.cells import cell_day, cell_ref, cell_text

PREFETCH = 200  # existing sessions whose rolls are read together


@dataclass(slots=True)
class Person:
    id: int
    name: str
    observer: bool
    joined: date | None
    retired: date | None
    byte: int  # this member's bit in a session's roll bitmap
    mask: int
    role: Role = Role.MEMBER

    def in_group(self, day: date) -> bool:
        return (self.joined is None or self.joined <= day) and (
            self.retired is None or self.retired >= day
        )

    def expected(self, day: date) -> bool:
        return not self.observer and self.in_group(day)

    def why_not_expected(self, day: date) -> Phrase:
        """Why the member is not expected on ``day``, as ``attend`` says it."""
        if self.observer:
            return Phrase("why_observer")
        if self.retired is not None and self.retired < day:
            return Phrase("why_retired", {"on": self.retired})
        return Phrase("why_joined", {"on": self.joined})


@dataclass(slots=True)
class Held:
    id: int
    date: date
    new: bool  # added by this import, so nothing of it is in the database yet
    loaded: bool = False  # an existing session's roll and speeches have been read
    place: int = 0  # an existing session's place in date order


Pair = tuple[int, int]  # (session id, member id)


class Known:
    """The members, sessions and roll lines an import checks the file's rows against."""

    def __init__(self, session: Session, org: Org) -> None:
        self.session, self.org = session, org
        self.people: dict[str, Person] = {}  # by name
        self.spelled: dict[Any, Person] = {}  # by a name cell as the file spells it
        for row in session.execute(
            select(Member.id, Member.name, Member.role, Member.joined, Member.retired)
            .where(Member.org_id == org.id)
            .order_by(Member.id)
        ):
            self.know(row.id, row.name, row.role, row.joined, row.retired)
        self.deleted = set(  # deleted members keep their names: restore, not re-add
            session.scalars(
                select(Member.name)
                .where(Member.org_id == org.id, Member.archived_at.is_not(None))
                .execution_options(include_archived=True)
            )
        )
        self.stored: dict[int, Held] = {}  # the database's sessions, by id
        self.in_order: list[Held] = []  # the same, in date order
        self.titled: dict[tuple[date, str], int] = {}  # the database's sessions, by date and title
        self.by_date: dict[date, list[Held]] = {}  # the database's and the file's
        for session_id, day, title in session.execute(
            select(StudySession.id, StudySession.date, StudySession.title)
            .where(StudySession.org_id == org.id)
            .order_by(StudySession.date, StudySession.id)
        ):
            held = Held(session_id, day, new=False, place=len(self.in_order))
            self.stored[session_id] = held
            self.in_order.append(held)
            self.titled.setdefault((day, title), session_id)
            self.by_date.setdefault(day, []).append(held)
        self.in_file: dict[int, Held] | None = None  # by the file's ids, once it has sessions
        self.held_of: dict[tuple[Any, Any], Held] = {}  # by the cells that name a session
        # Roll lines: a bitmap of members per session (a million lines stay small), the status
        # of the lines that are not "present", ids of existing lines, and those made up.
        self.rolls: dict[int, bytearray] = {}
        self.marked: dict[Pair, Status] = {}
        self.line_ids: dict[Pair, int] = {}
        self.made_up: set[Pair] = set()
        self.spoken: set[tuple[int, int, SpeechKind]] = set()
        # What the caller knows beyond the database: the settings' own ledger categories,
        # and the year the file names (the plan's, when its rows do not say).
        self.categories: tuple[Category, ...] = ()
        self.file_year: int | None = None

    def know(
        self, id: int, name: str, role: Role, joined: date | None, retired: date | None
    ) -> None:
        byte, bit = divmod(len(self.people), 8)
        observer = role == Role.OBSERVER
        self.people[name] = Person(id, name, observer, joined, retired, byte, 1 << bit, role)

    def person(self, value: Any, guarded: bool) -> Person:
        """The member a cell names; an unknown name suggests close ones."""
        with suppress(TypeError):
            known = self.spelled.get(value)
            if known is not None:
                return known
        name = clean_name(cell_text(value, guarded) or "")
        person = self.people.get(name)
        if person is None:
            suggestions = close_names(name, list(self.people))
            raise StudylogError(
                "unknown_member", name=name, org=self.org.name, suggestions=suggestions
            )
        if isinstance(value, str) and not (guarded and value.startswith("'")):
            self.spelled[value] = person  # as the file spells it, for the next row
        return person

    def held(self, ref_cell: Any, date_cell: Any) -> Held:
        """The session a row names: by the file's id (or the database's), or by its date."""
        with suppress(TypeError):
            known = self.held_of.get((ref_cell, date_cell))
            if known is not None:
                return known
        held = self.find_held(cell_ref(ref_cell), cell_day(date_cell))
        with suppress(TypeError):
            self.held_of[ref_cell, date_cell] = held
        return held

    def find_held(self, ref: int | None, day: date | None) -> Held:
        if ref is not None:
            if self.in_file is not None:  # the import has sessions: its ids are the file's
                held = self.in_file.get(ref)
                if held is None:
                    raise StudylogError("import_unknown_session", ref=ref)
            else:
                stored = self.stored.get(ref)
                if stored is None:
                    raise StudylogError("unknown_session_id", ref=f"#{ref}")
                held = stored
            if day is not None and day != held.date:
                raise StudylogError("import_date_mismatch", ref=ref, day=held.date, given=day)
            return held
        if day is None:
            raise StudylogError("import_no_session")
        held_then = self.by_date.get(day, [])
        if not held_then:
            raise StudylogError("no_session_on", day=day)
        if len(held_then) > 1:
            raise StudylogError("ambiguous_session", day=day, ids=[f"#{s.id}" for s in held_then])
        return held_then[0]

    def roll(self, held: Held) -> bytearray:
        roll = self.rolls.get(held.id)
        if roll is None:
            # Members are all known by now: their sheets are read before any roll.
            roll = self.rolls[held.id] = bytearray(len(self.people) // 8 + 1)
            if not held.new and not held.loaded:
                self.load(held)
        return roll

    def load(self, held: Held) -> None:
        """An existing session's roll, make-ups and speeches, read with those of the next
        sessions in date order (a file is mostly in that order): two queries for up to
        :data:`PREFETCH` sessions, not two for each.
        """
        following = self.in_order[held.place : held.place + PREFETCH]
        chunk = [held, *(other for other in following if not other.loaded and other is not held)]
        for other in chunk:
            other.loaded = True
            self.rolls.setdefault(other.id, bytearray(len(self.people) // 8 + 1))
        ids = [other.id for other in chunk]
        by_id = {person.id: person for person in self.people.values()}
        for line_id, session_id, member_id, status, makeup_id in self.session.execute(
            select(
                Attendance.id,
                Attendance.session_id,
                Attendance.member_id,
                Attendance.status,
                Makeup.id,
            )
            .outerjoin(Makeup, Makeup.attendance_id == Attendance.id)
            .where(Attendance.session_id.in_(ids))
        ):
            person = by_id[member_id]
            self.rolls[session_id][person.byte] |= person.mask
            if status == Status.PRESENT:
                continue
            pair = (session_id, member_id)
            self.marked[pair] = status
            self.line_ids[pair] = line_id
            if makeup_id is not None:
                self.made_up.add(pair)
        for session_id, member_id, kind in self.session.execute(
            select(Speech.session_id, Speech.member_id, Speech.kind).where(
                Speech.session_id.in_(ids)
            )
        ):
            self.spoken.add((session_id, member_id, kind))

    def status(self, held: Held, person: Person) -> Status | None:
        """The member's status on the session's roll; None when the roll does not list them."""
        if not self.roll(held)[person.byte] & person.mask:
            return None
        return self.marked.get((held.id, person.id), Status.PRESENT)

"""The roll lines, make-ups and speeches of a file: each names a session and a member, is
checked against what the import knows, and goes in in batches."""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import select

from studylog.errors import StudylogError
from studylog.store.models import Attendance, Makeup, Speech
from studylog.text.parse import clean_name, optional_text
from studylog.text.vocab import Method, SpeechKind, Status
from studylog.transfer.cells import cell_choice, cell_day, cell_text
from studylog.transfer.columns import BATCH
from studylog.transfer.known import Held, Known, Pair, Person
from studylog.transfer.loading import Loader, chunks
from studylog.transfer.sheets import Sheet


def add_attendance(known: Known, loader: Loader, sheet: Sheet) -> None:
    """The roll lines: the hot loop of a large import, so the common row costs a few
    dictionary look-ups; a first sight of a cell's value takes the careful way."""
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    pick = itemgetter(
        at["session"], at["date"], at["member"], at["status"], at["reason"], at["approver"]
    )
    held_of, person_of, rolls, marked = known.held_of, known.spelled, known.rolls, known.marked
    status_of: dict[Any, Status] = {}
    present = Status.PRESENT
    stored = {status: status.value for status in Status}  # a dict beats Enum.value here
    batch: list[tuple[int, int, str, str | None, str | None]] = []
    for number, cells in sheet.rows():
        ref, day, name, status_cell, reason_cell, approver_cell = pick(cells)
        try:
            held, person, status = held_of[ref, day], person_of[name], status_of[status_cell]
        except (KeyError, TypeError):  # a first sight, or a cell that cannot be a key
            held, person, status = _line(known, sheet, number, cells, status_of)
        if not person.expected(held.date):
            why = person.why_not_expected(held.date)
            problem = StudylogError("not_expected", name=person.name, day=held.date, why=why)
            raise sheet.fail(number, "member", problem)
        reason = None
        if reason_cell is not None and reason_cell != "":
            try:
                reason = optional_text(cell_text(reason_cell, guarded), what=sheet.header("reason"))
            except StudylogError as error:
                raise sheet.fail(number, "reason", error) from None
        approver = None
        if approver_cell is not None and approver_cell != "":
            approver = _approver(sheet, number, approver_cell, status)
        roll = rolls.get(held.id) or known.roll(held)
        if roll[person.byte] & person.mask:
            twice = StudylogError("import_on_roll", name=person.name, day=held.date)
            raise sheet.fail(number, "member", twice)
        roll[person.byte] |= person.mask
        if status is not present:
            marked[held.id, person.id] = status
        batch.append((held.id, person.id, stored[status], reason, approver))
        if len(batch) >= BATCH:
            loader.insert(Attendance, batch, sheet)
    loader.insert(Attendance, batch, sheet)


def _approver(sheet: Sheet, number: int, cell: Any, status: Status) -> str | None:
    """Who approved a leave (请假经…同意), as ``attend --approved-by`` takes it."""
    try:
        text = cell_text(cell, sheet.style == "csv")
        if text is None:
            return None
        if status != Status.LEAVE:
            raise StudylogError("import_approver_not_leave")
        return clean_name(text)
    except StudylogError as error:
        raise sheet.fail(number, "approver", error) from None


def _line(
    known: Known, sheet: Sheet, number: int, cells: list[Any], status_of: dict[Any, Status]
) -> tuple[Held, Person, Status]:
    at = sheet.at()
    key = "date"
    try:
        held = known.held(cells[at["session"]], cells[at["date"]])
        key = "member"
        person = known.person(cells[at[key]], sheet.style == "csv")
        key = "status"
        cell = cells[at[key]]
        with suppress(TypeError):  # a cell that cannot be a key is read each time
            if cell in status_of:
                return held, person, status_of[cell]
        status = cell_choice(Status, cell, sheet.header(key))
    except StudylogError as error:
        raise sheet.fail(number, key, error) from None
    with suppress(TypeError):
        status_of[cell] = status
    return held, person, status


def add_makeups(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    today = date.today()
    pending: list[tuple[Pair, dict[str, Any]]] = []
    for number, cells in sheet.rows():
        key = "date"
        try:
            held = known.held(cells[at["session"]], cells[at["date"]])
            key = "member"
            person = known.person(cells[at[key]], guarded)
            day = held.date
            if not person.expected(day):
                why = person.why_not_expected(day)
                raise StudylogError("not_expected", name=person.name, day=day, why=why)
            status = known.status(held, person)
            if status is None:
                raise StudylogError("no_roll", name=person.name, ref=f"#{held.id}", day=day)
            if status in (Status.PRESENT, Status.LATE):
                raise StudylogError("makeup_not_missed", name=person.name, day=day, status=status)
            if (held.id, person.id) in known.made_up:
                raise StudylogError("makeup_exists", name=person.name, day=day)
            key = "made_up"
            made_up = cell_day(cells[at[key]])
            if made_up is None:
                raise StudylogError("empty_text", what=sheet.header(key))
            if made_up < day:
                raise StudylogError("makeup_before_session", on=made_up, day=day)
            if made_up > today:
                raise StudylogError("makeup_in_future", on=made_up)
            key = "method"
            method = cell_choice(Method, cells[at[key]], sheet.header(key), Method.SELF_STUDY)
            key = "note"
            note = optional_text(
                cell_text(cells[at[key]], guarded),
                what=sheet.header(key),
                limit=2000,
                multiline=True,
            )
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        pair = (held.id, person.id)
        known.made_up.add(pair)
        pending.append((pair, {"date": made_up, "method": method, "note": note}))
    # The lines these make-ups are for: known for an existing session's, the rest read
    # back (the roll was inserted without returning ids) a few hundred sessions a query.
    wanted = sorted({pair[0] for pair, _ in pending if pair not in known.line_ids})
    for chunk in chunks(wanted):
        for line_id, session_id, member_id in loader.session.execute(
            select(Attendance.id, Attendance.session_id, Attendance.member_id).where(
                Attendance.session_id.in_(chunk),
                Attendance.status.in_([Status.LEAVE, Status.ABSENT]),
            )
        ):
            known.line_ids[session_id, member_id] = line_id
    batch = [row | {"attendance_id": known.line_ids[pair]} for pair, row in pending]
    for chunk in chunks(batch, BATCH):
        loader.insert(Makeup, list(chunk), sheet)
    loader.meter.update(sheet.position())


def add_speeches(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    batch: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        key = "date"
        try:
            held = known.held(cells[at["session"]], cells[at["date"]])
            key = "member"
            person = known.person(cells[at[key]], guarded)
            if not person.in_group(held.date):
                raise StudylogError("not_in_group", name=person.name, day=held.date)
            key = "kind"
            kind = cell_choice(SpeechKind, cells[at[key]], sheet.header(key))
            if not held.new and not held.loaded:
                known.load(held)
            if (held.id, person.id, kind) in known.spoken:
                raise StudylogError("duplicate_speech", name=person.name, day=held.date, kind=kind)
            key = "title"
            title = optional_text(cell_text(cells[at[key]], guarded), what=sheet.header(key))
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        known.spoken.add((held.id, person.id, kind))
        batch.append(
            {
                "session_id": held.id,
                "member_id": person.id,
                "kind": kind,
                "title": title,
            }
        )
        if len(batch) >= BATCH:
            loader.insert(Speech, batch, sheet)
    loader.insert(Speech, batch, sheet)

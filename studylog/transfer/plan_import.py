"""The year's plan and rectification ledger back in by import (export writes them with
:mod:`.plan_rows`).

Each plan item is checked as ``plan add`` and ``plan schedule`` check it (a month from 1 to
12, a title, a kind, speakers and host members of the group, a time of day HH:MM), takes its
year from its own column, else the file's (its about table), else its planned day's; the
session that carried it out, when the file names one, must be a session the same file adds, and
is linked to it as ``session add --plan`` links. Each ledger entry is checked as ``rectify add``,
``rectify progress`` and ``rectify done`` check it (a category of the vocabulary, the settings'
own included; due on or after the day it was found; follow-up notes and the closing day on or
after it and not in the future). The execution (status) and the state are worked out again,
never read. A plan item or ledger entry the group already has is an error: the file was
imported before.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from studylog.errors import StudylogError
from studylog.store.models import (
    PlanItem,
    PlanSpeaker,
    Rectification,
    RectifyProgress,
    StudySession,
)
from studylog.text.categories import parse_category
from studylog.text.parse import clean_text, optional_text, parse_year, split_names
from studylog.text.schedule_rules import parse_time
from studylog.text.vocab import Kind
from studylog.transfer.cells import cell_choice, cell_day, cell_flag, cell_text
from studylog.transfer.columns import BATCH
from studylog.transfer.known import Held, Known
from studylog.transfer.loading import Loader, core_table
from studylog.transfer.sheets import Sheet

# -- the plan ---------------------------------------------------------------------------------


def add_plan(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    existing = {
        (year, month, title): item_id
        for item_id, year, month, title in loader.session.execute(
            select(PlanItem.id, PlanItem.year, PlanItem.month, PlanItem.title).where(
                PlanItem.org_id == known.org.id
            )
        )
    }
    linked: set[int] = set()  # sessions a plan item of the file names
    rows: list[dict[str, Any]] = []
    speakers: list[list[int]] = []
    links: list[int | None] = []
    for number, cells in sheet.rows():
        key = "planned_on"
        try:
            planned = cell_day(cells[at[key]])
            key = "year"
            year = _year(cells[at[key]], known, planned, sheet.header(key))
            key = "month"
            month = _month(cells[at[key]])
            key = "title"
            title = clean_text(cell_text(cells[at[key]], guarded) or "", what=sheet.header(key))
            if (year, month, title) in existing:
                raise StudylogError(
                    "import_plan_exists", id=existing[year, month, title], year=year, month=month
                )
            key = "kind"
            kind = cell_choice(Kind, cells[at[key]], sheet.header(key), Kind.STUDY)
            key = "discussion"
            discussion = cell_flag(cells[at[key]], sheet.header(key))
            key = "speakers"
            names = split_names([cell_text(cells[at[key]], guarded) or ""])
            people = [known.person(name, False).id for name in dict.fromkeys(names)]
            key = "planned_time"
            planned_time = _time(cells[at[key]])
            key = "place"
            place = optional_text(
                cell_text(cells[at[key]], guarded), what=sheet.header(key), limit=200
            )
            key = "host"
            host = None
            if cell_text(cells[at[key]], guarded) is not None:
                host = known.person(cells[at[key]], guarded).id
            key = "session" if "session" in sheet.columns else "session_date"
            held = _held(known, cells[at["session"]], cells[at["session_date"]])
            if held is not None:
                if not held.new:
                    raise StudylogError("import_plan_old_session", id=held.id)
                if held.id in linked:
                    raise StudylogError("import_plan_session_twice", id=held.id)
                linked.add(held.id)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        rows.append(
            {
                "org_id": known.org.id,
                "year": year,
                "month": month,
                "title": title,
                "kind": kind,
                "discussion": discussion,
                "created_at": loader.created,
                "planned_on": planned,
                "planned_time": planned_time,
                "place": place,
                "host_id": host,
            }
        )
        speakers.append(people)
        links.append(None if held is None else held.id)
        if len(rows) >= BATCH:
            _insert_plan(loader, rows, speakers, links, sheet)
    _insert_plan(loader, rows, speakers, links, sheet)


def _insert_plan(
    loader: Loader,
    rows: list[dict[str, Any]],
    speakers: list[list[int]],
    links: list[int | None],
    sheet: Sheet,
) -> None:
    """Insert a batch of plan items, their speakers, and link the sessions that held them."""
    ids = loader.insert_new(PlanItem, rows)
    spoken = [
        {"plan_item_id": item_id, "member_id": member_id, "position": position}
        for item_id, people in zip(ids, speakers, strict=True)
        for position, member_id in enumerate(people)
    ]
    if spoken:
        loader.session.execute(insert(core_table(PlanSpeaker)), spoken)
    held = [
        {"held_by": session_id, "item": item_id}
        for item_id, session_id in zip(ids, links, strict=True)
        if session_id is not None
    ]
    if held:
        sessions = core_table(StudySession)
        loader.session.execute(
            update(sessions)
            .where(sessions.c.id == bindparam("held_by"))
            .values(plan_id=bindparam("item")),
            held,
            execution_options={"synchronize_session": False},
        )
    loader.counts["plan"] += len(rows)
    for batch in (rows, speakers, links):
        batch.clear()
    loader.meter.update(sheet.position())


def _held(known: Known, ref: Any, day: Any) -> Held | None:
    """The session a row names (by the file's id, or its date), or None when it names none."""
    if cell_text(ref, guarded=True) is None and cell_text(day, guarded=True) is None:
        return None
    return known.held(ref, day)


def _year(value: Any, known: Known, planned: date | None, what: str) -> int:
    """The plan item's year: its own, else the file's, else its planned day's."""
    text = cell_text(value, guarded=True)
    if text is not None:
        digits = unicodedata.normalize("NFKC", text).strip().removesuffix("年")
        if not digits.isdigit():
            raise StudylogError("bad_plan_year", what=what, value=text)
        return parse_year(int(digits))
    if known.file_year is not None:
        return parse_year(known.file_year)
    if planned is not None:
        return planned.year
    raise StudylogError("import_plan_no_year")


def _month(value: Any) -> int:
    text = cell_text(value, guarded=True)
    if text is None:
        raise StudylogError("bad_plan_month", month="—")
    digits = unicodedata.normalize("NFKC", text).strip().removesuffix("月")
    if not digits.isdigit() or not 1 <= int(digits) <= 12:
        raise StudylogError("bad_plan_month", month=text)
    return int(digits)


def _time(value: Any) -> str | None:
    """A time of day as HH:MM (a spreadsheet may hold it as a time)."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    text = cell_text(value, guarded=True)
    return None if text is None else parse_time(text)


# -- the ledger -------------------------------------------------------------------------------

#: A follow-up line: its date, then the note (a line without a date goes on the note before).
_FOLLOW_UP = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[ \t\u3000]+(.*)$")


def add_ledger(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    existing = {
        (problem, found): entry_id
        for entry_id, problem, found in loader.session.execute(
            select(Rectification.id, Rectification.problem, Rectification.found)
            .where(Rectification.org_id == known.org.id)
            .execution_options(include_archived=True)
        )
    }
    rows: list[dict[str, Any]] = []
    notes: list[list[tuple[date, str]]] = []
    for number, cells in sheet.rows():
        key = "category"
        try:
            category = parse_category(cell_text(cells[at[key]], guarded) or "", known.categories)
            texts = {}
            for key, limit in (("problem", 2000), ("measure", 2000), ("dept", 200), ("lead", 200)):
                texts[key] = clean_text(
                    cell_text(cells[at[key]], guarded) or "",
                    what=sheet.header(key),
                    limit=limit,
                    multiline=limit > 200,
                )
            key = "session" if "session" in sheet.columns else "session_date"
            held = _held(known, cells[at["session"]], cells[at["session_date"]])
            key = "found"
            found = cell_day(cells[at[key]]) or (held.date if held is not None else None)
            if found is None:
                raise StudylogError("empty_text", what=sheet.header(key))
            key = "due"
            due = cell_day(cells[at[key]])
            if due is None:
                raise StudylogError("empty_text", what=sheet.header(key))
            if due < found:
                raise StudylogError("due_before_found", due=due, found=found)
            key = "done_on"
            done = cell_day(cells[at[key]])
            if done is not None:
                _check_day(done, found)
            key = "done_note"
            closing = optional_text(
                cell_text(cells[at[key]], guarded), what=sheet.header(key), limit=2000,
                multiline=True,
            )  # fmt: skip
            if closing is not None and done is None:
                raise StudylogError("import_note_not_closed")
            key = "progress"
            follow_ups = _follow_ups(cell_text(cells[at[key]], guarded), found, sheet.header(key))
            key = "problem"
            if (texts["problem"], found) in existing:
                raise StudylogError(
                    "import_ledger_exists", id=existing[texts["problem"], found], found=found
                )
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        rows.append(
            {
                "org_id": known.org.id,
                **texts,
                "category": category or None,
                "found": found,
                "due": due,
                "session_id": None if held is None else held.id,
                "done_on": done,
                "done_note": closing,
                "created_at": loader.created,
            }
        )
        notes.append(follow_ups)
        if len(rows) >= BATCH:
            _insert_ledger(loader, rows, notes, sheet)
    _insert_ledger(loader, rows, notes, sheet)


def _insert_ledger(
    loader: Loader, rows: list[dict[str, Any]], notes: list[list[tuple[date, str]]], sheet: Sheet
) -> None:
    ids = loader.insert_new(Rectification, rows)
    lines = [
        {"rectification_id": entry_id, "on": day, "note": note, "created_at": loader.created}
        for entry_id, follow_ups in zip(ids, notes, strict=True)
        for day, note in follow_ups
    ]
    if lines:
        loader.session.execute(insert(core_table(RectifyProgress)), lines)
    loader.counts["ledger"] += len(rows)
    rows.clear()
    notes.clear()
    loader.meter.update(sheet.position())


def _check_day(day: date, found: date) -> None:
    """A follow-up or the closing: on or after the day the problem was found, not ahead."""
    if day < found:
        raise StudylogError("progress_before_found", on=day, found=found)
    if day > date.today():
        raise StudylogError("date_in_future", on=day)


def _follow_ups(text: str | None, found: date, what: str) -> list[tuple[date, str]]:
    """The follow-up notes as export writes them: one a line, each starting with its date;
    a line without one continues the note before it."""
    if text is None:
        return []
    parts: list[tuple[date, list[str]]] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        match = _FOLLOW_UP.match(line)
        if match is None:
            if not parts:
                raise StudylogError("import_bad_follow_up", what=what)
            parts[-1][1].append(line)
            continue
        try:
            day = date.fromisoformat("-".join(f"{int(p):02d}" for p in match[1].split("-")))
        except ValueError:
            raise StudylogError("import_bad_follow_up", what=what) from None
        _check_day(day, found)
        parts.append((day, [match[2]]))
    return [
        (day, clean_text("\n".join(lines), what=what, limit=2000, multiline=True))
        for day, lines in parts
    ]

"""The file's members (checked in full, then inserted together) and sessions (checked and
inserted in batches)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert

from studylog.errors import StudylogError
from studylog.store.models import Member, SessionTag, StudySession
from studylog.text.parse import clean_name, clean_text, optional_text, split_tags
from studylog.text.vocab import Format, Kind, Role
from studylog.transfer.cells import cell_choice, cell_day, cell_flag, cell_ref, cell_text
from studylog.transfer.columns import BATCH
from studylog.transfer.known import Held, Known
from studylog.transfer.loading import Loader, core_table
from studylog.transfer.sheets import Sheet
from studylog.transfer.studycells import insert_forms, parse_study


def add_members(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    at, guarded = sheet.at(), sheet.style == "csv"
    first: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    for number, cells in sheet.rows():
        key = "name"
        try:
            name = clean_name(cell_text(cells[at["name"]], guarded) or "")
            if name in first:
                raise StudylogError("import_twice", name=name, row=first[name])
            first[name] = number
            if name in known.people:  # already in the group: kept as it is
                loader.members_known += 1
                continue
            if name in known.deleted:
                raise StudylogError("deleted_member_named", name=name)
            key = "title"
            title = optional_text(
                cell_text(cells[at[key]], guarded), what=sheet.header(key), limit=200
            )
            key = "role"
            role = cell_choice(Role, cells[at[key]], sheet.header(key), Role.MEMBER)
            key = "joined"
            joined = cell_day(cells[at[key]])
            key = "retired"
            retired = cell_day(cells[at[key]])
            if joined is not None and retired is not None and retired < joined:
                raise StudylogError("retired_before_joined", name=name, joined=joined)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        rows.append(
            {
                "org_id": known.org.id,
                "name": name,
                "title": title,
                "role": role,
                "joined": joined,
                "retired": retired,
                "created_at": loader.created,
            }
        )
    for row, new_id in zip(rows, loader.insert_new(Member, rows), strict=True):
        known.know(new_id, row["name"], row["role"], row["joined"], row["retired"])
    loader.counts["members"] += len(rows)
    loader.meter.update(sheet.position())


def add_sessions(known: Known, loader: Loader, sheet: Sheet) -> None:
    loader.meter.start(sheet.label, sheet.total)
    if known.in_file is None:
        known.in_file = {}
    at, guarded = sheet.at(), sheet.style == "csv"
    rows: list[dict[str, Any]] = []
    refs: list[int | None] = []
    seen: set[int] = set()  # refs so far: a set, as a file may hold tens of thousands
    tags: list[list[str]] = []
    forms: list[list[str]] = []
    for number, cells in sheet.rows():
        key = "id"
        try:
            ref = cell_ref(cells[at[key]])
            if ref is not None and (ref in known.in_file or ref in seen):
                raise StudylogError("import_session_twice", ref=ref)
            key = "date"
            day = cell_day(cells[at[key]])
            if day is None:
                raise StudylogError("empty_text", what=sheet.header(key))
            key = "title"
            title = clean_text(cell_text(cells[at[key]], guarded) or "", what=sheet.header(key))
            stored = known.titled.get((day, title))
            if stored is not None:
                raise StudylogError("import_session_exists", day=day, title=title, id=stored)
            key = "kind"
            kind = cell_choice(Kind, cells[at[key]], sheet.header(key), Kind.STUDY)
            key = "discussion"
            discussion = cell_flag(cells[at[key]], sheet.header(key))
            key = "format"
            held_as = cell_choice(Format, cells[at[key]], sheet.header(key), Format.IN_PERSON)
            key = "host"
            host_id = None
            if cell_text(cells[at[key]], guarded) is not None:
                host = known.person(cells[at[key]], guarded)
                if not host.in_group(day):
                    raise StudylogError("host_not_in_group", name=host.name, day=day)
                host_id = host.id
            key = "location"
            location = optional_text(
                cell_text(cells[at[key]], guarded), what=sheet.header(key), limit=200
            )
            key = "first_agenda"
            agenda = optional_text(cell_text(cells[at[key]], guarded), what=sheet.header(key))
            key = "source_date"
            source_date = cell_day(cells[at[key]])
            if source_date is not None and agenda is None:
                raise StudylogError("source_without_agenda")
            if source_date is not None and source_date > day:
                raise StudylogError("source_after_session", source=source_date, day=day)
            key = "tags"
            tags.append(split_tags([cell_text(cells[at[key]], guarded) or ""]))
            study = {}
            for key in ("forms", "films", "documents", "hours"):
                study[key] = parse_study(key, cells[at[key]], guarded)
        except StudylogError as error:
            raise sheet.fail(number, key, error) from None
        forms.append(study["forms"])
        refs.append(ref)
        if ref is not None:
            seen.add(ref)
        rows.append(
            {
                "org_id": known.org.id,
                "date": day,
                "title": title,
                "kind": kind,
                "discussion": discussion,
                "format": held_as,
                "host_id": host_id,
                "location": location,
                "first_agenda": agenda,
                "source_date": source_date,
                "films": study["films"],
                "documents": study["documents"],
                "hours_hundredths": study["hours"],
                "plan_id": None,
                "created_at": loader.created,
            }
        )
        if len(rows) >= BATCH:
            _insert_sessions(known, loader, rows, refs, tags, sheet, forms)
    _insert_sessions(known, loader, rows, refs, tags, sheet, forms)


def _insert_sessions(
    known: Known,
    loader: Loader,
    rows: list[dict[str, Any]],
    refs: list[int | None],
    tags: list[list[str]],
    sheet: Sheet,
    forms: list[list[str]],
) -> None:
    """Insert a batch of the file's sessions and their tags, note them, empty the lists."""
    assert known.in_file is not None
    tag_rows = []
    new_ids = loader.insert_new(StudySession, rows)
    insert_forms(loader.session, [
        {"session_id": new_id, "form": form}
        for new_id, session_forms in zip(new_ids, forms, strict=True) for form in session_forms
    ])  # fmt: skip
    for row, ref, session_tags, new_id in zip(rows, refs, tags, new_ids, strict=True):
        held = Held(new_id, row["date"], new=True)
        if ref is not None:
            known.in_file[ref] = held
        known.by_date.setdefault(held.date, []).append(held)
        tag_rows += [{"session_id": new_id, "tag": tag} for tag in session_tags]
    if tag_rows:
        loader.session.execute(insert(core_table(SessionTag)), tag_rows)
    loader.counts["sessions"] += len(rows)
    for batch in (rows, refs, tags, forms):
        batch.clear()
    loader.meter.update(sheet.position())

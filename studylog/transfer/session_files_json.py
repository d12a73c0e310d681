"""A year's minutes, outlines and materials in the JSON export, and back in by import.

JSON only: ``notes`` (session, date, minutes, outline) and ``materials`` (session, date, name,
media_type, size, sha256, attached — when it was attached, UTC — and the content as base64 in
``data``). Import adds them to the
sessions the same file adds (a session already in the database keeps its own), checks each
material's size and SHA-256 against its content, and stores each content once in the group.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.materials import media_type
from studylog.store.models import MaterialBlob, Org, SessionMaterial, SessionNote, StudySession
from studylog.store.tables import material_blobs, session_materials, session_notes, utcnow
from studylog.text.parse import clean_text
from studylog.transfer.known import Known

TABLES = ("notes", "materials")


def _held_in(org: Org, start: date, end: date) -> Any:
    return (StudySession.org_id == org.id) & StudySession.date.between(start, end)


def note_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    query = (
        select(StudySession.id, StudySession.date, SessionNote.minutes, SessionNote.outline)
        .join(SessionNote, SessionNote.session_id == StudySession.id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id)
    )
    for session_id, day, minutes, outline in session.execute(query):
        yield {"session": session_id, "date": day, "minutes": minutes, "outline": outline}


def material_rows(session: Session, org: Org, start: date, end: date) -> Iterator[dict[str, Any]]:
    query = (
        select(
            StudySession.id,
            StudySession.date,
            SessionMaterial.name,
            SessionMaterial.media_type,
            MaterialBlob.size,
            MaterialBlob.sha256,
            MaterialBlob.data,
            SessionMaterial.created_at,
        )
        .join(SessionMaterial, SessionMaterial.session_id == StudySession.id)
        .join(MaterialBlob, MaterialBlob.id == SessionMaterial.blob_id)
        .where(_held_in(org, start, end))
        .order_by(StudySession.date, StudySession.id, SessionMaterial.id)
    )
    for session_id, day, name, kind, size, digest, data, attached in session.execute(query):
        yield {
            "session": session_id,
            "date": day,
            "name": name,
            "media_type": kind,
            "size": size,
            "sha256": digest,
            "data": base64.b64encode(bytes(data)).decode("ascii"),
            "attached": attached,
        }


def _bad(path: str, table: str, row: int, detail: str) -> StudylogError:
    return StudylogError("import_files_bad", path=path, table=table, row=row, detail=detail)


def _text(value: Any, *, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise StudylogError("not_text", what=what)
    return clean_text(value.replace("\r\n", "\n"), what=what, limit=200_000, multiline=True)


def add_session_files(
    *, session: Session, org: Org, known: Known, path: str, extras: dict[str, list[Any]]
) -> dict[str, int]:
    """Add the file's notes and materials; how many of each."""
    counts = {"session_notes": 0, "session_materials": 0}
    for number, row in enumerate(extras.get("notes", []), start=1):
        try:
            held = _new_session(known, row)
            minutes = _text(row.get("minutes"), what="--minutes")
            outline = _text(row.get("outline"), what="--outline")
        except StudylogError as error:
            raise _bad(path, "notes", number, _said(error)) from None
        if minutes is None and outline is None:
            continue
        session.execute(
            insert(session_notes), [{"session_id": held, "minutes": minutes, "outline": outline}]
        )
        counts["session_notes"] += 1
    blobs: dict[str, int] = dict(
        session.execute(
            select(MaterialBlob.sha256, MaterialBlob.id).where(MaterialBlob.org_id == org.id)
        ).all()
    )
    for number, row in enumerate(extras.get("materials", []), start=1):
        try:
            held = _new_session(known, row)
            name = clean_text(str(row.get("name") or ""), what="FILE", limit=255)
            data = base64.b64decode(str(row.get("data") or ""), validate=True)
            attached = _attached(row.get("attached"))
        except (StudylogError, binascii.Error, ValueError) as error:
            raise _bad(path, "materials", number, _said(error)) from None
        digest = hashlib.sha256(data).hexdigest()
        if not data or row.get("sha256") != digest or row.get("size") != len(data):
            raise _bad(path, "materials", number, "size/sha256 ≠ data")
        if digest not in blobs:
            blobs[digest] = session.execute(
                insert(material_blobs).returning(material_blobs.c.id),
                [
                    {
                        "org_id": org.id,
                        "sha256": digest,
                        "size": len(data),
                        "data": data,
                        "created_at": utcnow(),
                    }
                ],
            ).scalar_one()
        session.execute(
            insert(session_materials),
            [
                {
                    "session_id": held,
                    "blob_id": blobs[digest],
                    "name": name,
                    "media_type": media_type(name),
                    "created_at": attached,
                }
            ],
        )
        counts["session_materials"] += 1
    return counts


def _attached(value: Any) -> datetime:
    """When the material was attached (UTC), as the export wrote it; now, for a file
    written before it said so."""
    if value is None:
        return utcnow()
    found = datetime.fromisoformat(str(value))  # a ValueError names the bad row
    if found.tzinfo is not None:
        found = found.astimezone(UTC).replace(tzinfo=None)
    return found


def _new_session(known: Known, row: Any) -> int:
    if not isinstance(row, dict):
        raise StudylogError("import_no_session")
    held = known.held(row.get("session"), row.get("date"))
    if not held.new:  # a session already recorded keeps its own notes and materials
        raise StudylogError("import_files_old_session", id=held.id)
    return held.id


def _said(error: BaseException) -> str:
    if isinstance(error, StudylogError):
        from studylog.text.messages import describe

        return describe(error)
    return str(error)

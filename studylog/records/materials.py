"""Materials studied at a session (学习材料): files kept inside the database.

A material is read from a regular file (never a folder, a link, a device or a FIFO; never an
empty file; never past the size limit of the settings), stored with its SHA-256, size and
media type, and its content kept once per group: the same bytes attached twice, to one
session under two names or to two sessions, are one blob. Detaching marks the material
detached (kept, with when and why), as deleting does everywhere; ``undo`` brings it back.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import stat
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.sessions import resolve_session
from studylog.store.models import MaterialBlob, Org, SessionMaterial, StudySession
from studylog.store.tables import utcnow
from studylog.text.parse import clean_text, optional_text

#: The default size limit of one material (``[materials] max_size_mb`` in the settings).
DEFAULT_LIMIT = 20 * 1024 * 1024
OCTET_STREAM = "application/octet-stream"


@dataclass(frozen=True)
class Incoming:
    """A file read for attaching: its name (no folder), its bytes."""

    name: str
    data: bytes


def size_text(size: int) -> str:
    """1536 → 1.5 KB; 20971520 → 20 MB."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            text = f"{value:.1f}".rstrip("0").rstrip(".") if unit != "B" else str(size)
            return f"{text} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def read_material(path: Path, *, limit: int) -> Incoming:
    """The file at ``path``, checked before a byte is stored: a regular file (not a link, a
    folder, a device, a FIFO or a socket), not empty, at most ``limit`` bytes."""
    shown = str(path)
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        raise StudylogError("material_missing", path=shown) from None
    mode = status.st_mode
    if stat.S_ISLNK(mode):
        raise StudylogError("material_is_link", path=shown)
    if stat.S_ISDIR(mode):
        raise StudylogError("material_is_folder", path=shown)
    if not stat.S_ISREG(mode):
        raise StudylogError("material_not_regular", path=shown)
    if status.st_size == 0:
        raise StudylogError("material_empty", path=shown)
    if status.st_size > limit:
        raise _too_big(shown, status.st_size, limit)
    # Opened without following a link (one put there since the check) nor blocking on a FIFO.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise StudylogError("material_unreadable", path=shown, detail=error.strerror) from None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise StudylogError("material_not_regular", path=shown)
        data = stream.read(limit + 1)
    if not data:
        raise StudylogError("material_empty", path=shown)
    if len(data) > limit:
        raise _too_big(shown, len(data), limit)
    name = clean_text(unicodedata.normalize("NFC", path.name), what="FILE", limit=255)
    return Incoming(name=name, data=data)


def _too_big(path: str, size: int, limit: int) -> StudylogError:
    return StudylogError(
        "material_too_big", path=path, size=size_text(size), limit=size_text(limit)
    )


@dataclass(frozen=True)
class Attached:
    material: SessionMaterial
    size: int
    sha256: str
    stored_before: bool  # the content was already in the group's store


def attach_materials(
    *, session: Session, org: Org, ref: str, files: list[Incoming]
) -> tuple[StudySession, list[Attached]]:
    """Attach the files to the session, each content stored once in the group."""
    record = resolve_session(session=session, org=org, ref=ref)
    attached: list[Attached] = []
    for incoming in files:
        digest = hashlib.sha256(incoming.data).hexdigest()
        blob = session.scalar(
            select(MaterialBlob).where(MaterialBlob.org_id == org.id, MaterialBlob.sha256 == digest)
        )
        stored_before = blob is not None
        if blob is None:
            blob = MaterialBlob(
                org_id=org.id,
                sha256=digest,
                size=len(incoming.data),
                data=incoming.data,
                created_at=utcnow(),
            )
            session.add(blob)
            session.flush()
        twin = session.scalar(
            select(SessionMaterial).where(
                SessionMaterial.session_id == record.id, SessionMaterial.blob_id == blob.id
            )
        )
        if twin is not None:
            raise StudylogError(
                "material_twice", name=incoming.name, id=twin.id, other=twin.name, day=record.date
            )
        material = SessionMaterial(
            session_id=record.id,
            blob_id=blob.id,
            name=incoming.name,
            media_type=media_type(incoming.name),
            created_at=utcnow(),
        )
        session.add(material)
        session.flush()
        attached.append(Attached(material, blob.size, blob.sha256, stored_before))
    return record, attached


def media_type(name: str) -> str:
    """The media type a file's name tells (``application/pdf``), else octet-stream."""
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or OCTET_STREAM


@dataclass(frozen=True)
class MaterialLine:
    id: int
    name: str
    media_type: str
    size: int
    sha256: str
    attached: datetime


def materials_of(*, session: Session, record: StudySession) -> list[MaterialLine]:
    """The session's materials, in the order they were filed (attached)."""
    rows = session.execute(
        select(
            SessionMaterial.id,
            SessionMaterial.name,
            SessionMaterial.media_type,
            MaterialBlob.size,
            MaterialBlob.sha256,
            SessionMaterial.created_at,
        )
        .join(MaterialBlob, MaterialBlob.id == SessionMaterial.blob_id)
        .where(SessionMaterial.session_id == record.id)
        .order_by(SessionMaterial.id)
    )
    return [MaterialLine(*row) for row in rows]


def material_contents(
    *, session: Session, record: StudySession
) -> list[tuple[MaterialLine, bytes]]:
    """The session's materials with their bytes (read now), in filing order."""
    lines = {line.id: line for line in materials_of(session=session, record=record)}
    found = session.execute(
        select(SessionMaterial.id, MaterialBlob.data)
        .join(MaterialBlob, MaterialBlob.id == SessionMaterial.blob_id)
        .where(SessionMaterial.id.in_(list(lines)))
        .order_by(SessionMaterial.id)
    )
    return [(lines[material_id], bytes(data)) for material_id, data in found]


def detach_material(
    *, session: Session, org: Org, ref: str, material_id: int, reason: str | None = None
) -> tuple[StudySession, SessionMaterial]:
    """Detach material ``material_id`` of the session: kept, marked detached (when, why)."""
    record = resolve_session(session=session, org=org, ref=ref)
    material = None
    if 0 < material_id < 2**31:
        material = session.scalar(
            select(SessionMaterial).where(
                SessionMaterial.id == material_id, SessionMaterial.session_id == record.id
            )
        )
    if material is None:
        raise StudylogError("unknown_material", id=material_id, session=record.id, day=record.date)
    material.archived_at = utcnow()
    material.archive_reason = optional_text(reason, what="--reason", limit=500)
    session.flush()
    return record, material

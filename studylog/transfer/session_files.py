"""A session's files written out: each material under its original name (made safe), the
minutes and the outline beside them, into a folder written whole (:mod:`studylog.outputs`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.outputs import written_folder
from studylog.records.materials import material_contents
from studylog.records.notes import notes_of
from studylog.records.sessions import resolve_session
from studylog.store.models import Org, StudySession
from studylog.text.messages import t

#: Characters no file name may hold on Windows, macOS or Linux (and the path separators).
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
#: Names Windows keeps for its devices, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
             *(f"lpt{n}" for n in range(1, 10))}  # fmt: skip
LONGEST_NAME = 120  # characters: room for a folder's path on Windows


def safe_name(name: str, *, fallback: str = "material") -> str:
    """``name`` as a file name that stays in its folder and opens everywhere: no folder
    parts, no separators or control characters, no leading dot, no trailing dot or blank, not
    a Windows device name, not too long (the extension kept)."""
    text = unicodedata.normalize("NFC", name)
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = _UNSAFE.sub("_", text).strip().lstrip(".").rstrip(". ")
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    if stem.lower() in _RESERVED or text.lower() in _RESERVED:
        stem = "_" + stem
    suffix = suffix[:16]
    stem = stem[: LONGEST_NAME - len(suffix) - 1]
    text = f"{stem}.{suffix}" if suffix and stem else stem or suffix
    return text or fallback


def unclashed(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2).ext``, ``name (3).ext`` … when a file of that name (in any
    case: Windows and macOS fold it) is already in ``taken``; the result is added to it."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, dot, suffix = name, "", ""
    chosen, number = name, 1
    while chosen.casefold() in taken:
        number += 1
        chosen = f"{stem} ({number}){dot}{suffix}"
    taken.add(chosen.casefold())
    return chosen


@dataclass(frozen=True)
class SessionFile:
    name: str
    data: bytes


def session_files(*, session: Session, record: StudySession) -> list[SessionFile]:
    """The session's files in filing order: minutes, outline, then each material."""
    taken: set[str] = set()
    files = []
    notes = notes_of(session=session, record=record)
    for text, key in ((notes.minutes, "minutes_file"), (notes.outline, "outline_file")):
        if text is not None:
            name = unclashed(f"{t(key)}.md", taken)
            files.append(SessionFile(name, (text.rstrip("\n") + "\n").encode("utf-8")))
    for line, data in material_contents(session=session, record=record):
        files.append(SessionFile(unclashed(safe_name(line.name), taken), data))
    return files


def extract_session(
    *, session: Session, org: Org, ref: str, out: Path, force: bool = False
) -> tuple[StudySession, list[Path]]:
    """Write the session's files into the folder ``out``: whole or not at all; an existing
    non-empty folder only with ``force``."""
    record = resolve_session(session=session, org=org, ref=ref)
    files = session_files(session=session, record=record)
    if not files:
        raise StudylogError("extract_empty", id=record.id, day=record.date)
    with written_folder(out, force=force) as folder:
        for item in files:
            with open(folder / item.name, "xb") as stream:
                stream.write(item.data)
    return record, [out / item.name for item in files]

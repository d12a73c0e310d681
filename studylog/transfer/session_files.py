"""A session's files written out: each material under its original name (made safe), the
minutes and the outline beside them, into a folder written whole (:mod:`studylog.outputs`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.outputs import written_folder
from studylog.records.materials import material_contents
from studylog.records.notes import notes_of
from studylog.records.sessions import resolve_session
from studylog.store.models import Org, StudySession
from studylog.text.filenames import safe_name, unclashed
from studylog.text.messages import t


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

"""A session's minutes (学习记录 / 会议纪要) and discussion outline (研究提纲).

Each is text or Markdown the secretary hands over in a file: UTF-8 (with or without a BOM) or
GB18030, as Windows editors in China save it; NFC-normalised; line breaks and tabs kept,
every other control character and any character that does not show refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.sessions import resolve_session
from studylog.store.models import Org, SessionNote, StudySession
from studylog.text.parse import clean_text

#: The longest minutes or outline kept, in characters (a long meeting's minutes run to some
#: tens of thousands).
LONGEST = 200_000


def note_text(data: bytes, *, what: str, path: str) -> str:
    """The text of a notes file, checked: UTF-8 or GB18030, nothing hidden, not empty."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return clean_text(text, what=what, limit=LONGEST, multiline=True)
    raise StudylogError("text_file_encoding", path=path)


@dataclass(frozen=True)
class Notes:
    minutes: str | None
    outline: str | None


def set_notes(
    *,
    session: Session,
    org: Org,
    ref: str,
    minutes: str | None = None,
    outline: str | None = None,
    clear: tuple[str, ...] = (),
) -> tuple[StudySession, Notes]:
    """Store the minutes and/or outline given (``None``: leave as it is); ``clear`` names the
    ones to take off (``"minutes"``, ``"outline"``)."""
    if minutes is None and outline is None and not clear:
        raise StudylogError("notes_nothing_given")
    record = resolve_session(session=session, org=org, ref=ref)
    note = session.get(SessionNote, record.id)
    if note is None:
        note = SessionNote(session_id=record.id)
        session.add(note)
    if minutes is not None:
        note.minutes = minutes
    if outline is not None:
        note.outline = outline
    if "minutes" in clear:
        note.minutes = None
    if "outline" in clear:
        note.outline = None
    if note.minutes is None and note.outline is None:
        session.delete(note)  # nothing kept: no empty row
    session.flush()
    return record, Notes(minutes=note.minutes, outline=note.outline)


def notes_of(*, session: Session, record: StudySession) -> Notes:
    """The session's minutes and outline (``None`` where there is none)."""
    found = session.execute(
        select(SessionNote.minutes, SessionNote.outline).where(SessionNote.session_id == record.id)
    ).first()
    return Notes(None, None) if found is None else Notes(*found)


def opening(text: str | None, *, limit: int = 200) -> str:
    """The first paragraph of the text (Markdown marks taken off), cut to ``limit``
    characters: what the 学习简报 quotes."""
    if not text:
        return ""
    lines: list[str] = []
    for raw in text.splitlines():
        if raw.lstrip().startswith("#"):  # a Markdown heading: the minutes' own title
            continue
        line = raw.strip().lstrip(">-*+ ").replace("**", "").replace("__", "").strip()
        if not line:
            if lines:
                break
            continue
        lines.append(line)
    joined = "".join(lines) if all(_wide(line) for line in lines) else " ".join(lines)
    return joined if len(joined) <= limit else joined[:limit] + "……"


def _wide(line: str) -> bool:
    """Chinese text joins without a space across a line break."""
    return bool(line) and ord(line[-1]) > 0x2E7F

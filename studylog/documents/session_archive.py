"""A session's own files in the archive: its minutes and outline as Word files, then each
material as it was attached, filed right after the session's record in that order."""

from __future__ import annotations

from sqlalchemy.orm import Session

from studylog.documents.layout import Document
from studylog.records.materials import material_contents, size_text
from studylog.records.notes import notes_of
from studylog.store.models import StudySession
from studylog.text.filenames import safe_name
from studylog.text.messages import long_date, t

#: One file of the archive: its name (a Word file's without .docx), its content, and what
#: the contents page calls it.
Part = tuple[str, Document | bytes, str]


def text_document(title: str, text: str, *, author: str) -> Document:
    """Minutes or an outline as a document: a Markdown heading (``#``) as a heading, a list
    item as its own paragraph, emphasis marks taken off; a plain text's lines as paragraphs."""
    document = Document(title, author=author)
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            document.heading(line.lstrip("#").strip(), level=1 if level <= 2 else 2)
            continue
        line = line.replace("**", "").replace("__", "")
        if line[:2] in ("- ", "* ", "+ "):
            line = "· " + line[2:].strip()
        document.paragraph(line)
    return document


def session_parts(
    *, session: Session, org_name: str, record: StudySession, number: int
) -> list[Part]:
    """The session's minutes, outline and materials, in filing order."""
    day = long_date(record.date)
    parts: list[Part] = []
    notes = notes_of(session=session, record=record)
    for text, kind in ((notes.minutes, "minutes"), (notes.outline, "outline")):
        if text is not None:
            title = t(f"archive_{kind}_title", org=org_name, day=day)
            parts.append(
                (
                    t(f"archive_{kind}_file", number=number),
                    text_document(title, text, author=org_name),
                    t(f"archive_{kind}_part", day=day),
                )
            )
    for index, (line, data) in enumerate(material_contents(session=session, record=record), 1):
        name = safe_name(line.name)
        parts.append(
            (
                t("archive_material_file", number=number, index=index, name=name),
                data,
                t("archive_material_part", day=day, name=line.name, size=size_text(line.size)),
            )
        )
    return parts

"""How ``session show`` and ``session attachments`` show a session's minutes, outline and
materials (apart from :mod:`studylog.cli.materials`, which joins the session group)."""

from __future__ import annotations

from typing import Any

from studylog.cli.render import OutputFormat, emit_rows
from studylog.text.messages import t

MATERIAL_COLUMNS = [
    ("id", "col_id"),
    ("name", "col_material"),
    ("media_type", "col_media_type"),
    ("size", "col_size"),
    ("sha256", "col_sha256"),
    ("attached", "col_attached"),
]


def material_rows(lines: list[Any], *, shown_size: bool) -> list[dict[str, Any]]:
    from studylog.records.materials import size_text

    return [
        {
            "id": line.id,
            "name": line.name,
            "media_type": line.media_type,
            "size": size_text(line.size) if shown_size else line.size,
            "sha256": line.sha256[:16] + "…" if shown_size else line.sha256,
            "attached": line.attached.replace(microsecond=0).isoformat(sep=" "),
        }
        for line in lines
    ]


def notes_detail(*, session: Any, record: Any) -> dict[str, Any]:
    """What ``session show`` adds: the minutes, the outline and the materials."""
    from studylog.records.materials import materials_of
    from studylog.records.notes import notes_of

    notes = notes_of(session=session, record=record)
    lines = materials_of(session=session, record=record)
    return {
        "minutes": notes.minutes,
        "outline": notes.outline,
        "materials": material_rows(lines, shown_size=False),
    }


def show_notes(detail: dict[str, Any], output: OutputFormat) -> None:
    """The minutes and outline (their opening) and the materials, under the session."""
    from studylog.records.notes import Notes, opening

    notes = Notes(detail["minutes"], detail["outline"])
    rows = [
        {
            "field": t(key),
            "value": t("notes_count", count=len(text), opening=opening(text, limit=60)),
        }
        for key, text in (("minutes", notes.minutes), ("outline", notes.outline))
        if text is not None
    ]
    if rows:
        emit_rows(rows, [("field", "col_notes_record"), ("value", "col_notes_opening")], output)
    if detail["materials"]:
        from studylog.records.materials import size_text

        listed = [
            {**row, "size": size_text(row["size"]), "sha256": row["sha256"][:16] + "…"}
            for row in detail["materials"]
        ]  # when attached: session attachments (a listing that stays the same, here)
        emit_rows(listed, MATERIAL_COLUMNS[:-1], output, title=t("materials"))

"""``studylog session note|attach|attachments|detach|extract``: a session's own records.

The minutes (学习记录 / 会议纪要) and the discussion outline (研究提纲), and the materials
studied (学习材料), kept inside the database. These commands join the ``session`` group
(:mod:`studylog.cli.sessions`); the 学习简报 is :mod:`studylog.cli.brief`'s.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.common import ForceOption, FormatOption, ReasonOption, RefArgument, records
from studylog.cli.notes_view import MATERIAL_COLUMNS, material_rows
from studylog.cli.render import emit_line, emit_rows
from studylog.cli.sessions import app
from studylog.errors import StudylogError
from studylog.text.messages import t

STDIN = "-"


def _read_notes(value: str | None, *, what: str) -> str | None:
    """The checked text of a notes file (``-``: standard input), or None when not given."""
    if value is None:
        return None
    from studylog.records.notes import note_text

    if value == STDIN:
        data = typer.get_binary_stream("stdin").read()
        return note_text(data, what=what, path="-")
    path = Path(value).expanduser()
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise StudylogError("notes_file_missing", path=value) from None
    if not stat.S_ISREG(status.st_mode):  # a folder, a FIFO (which would never end), …
        raise StudylogError("notes_not_a_file", path=value)
    return note_text(path.read_bytes(), what=what, path=value)


@app.command("note")
def note(
    ref: RefArgument,
    minutes: Annotated[
        str | None,
        typer.Option(
            "--minutes",
            metavar="FILE|-",
            help="The minutes (学习记录 / 会议纪要): a text or Markdown file, UTF-8 or GB18030; "
            "- reads standard input.",
            show_default=False,
        ),
    ] = None,
    outline: Annotated[
        str | None,
        typer.Option(
            "--outline",
            metavar="FILE|-",
            help="The discussion outline (研究提纲), as --minutes.",
            show_default=False,
        ),
    ] = None,
    clear_minutes: Annotated[
        bool, typer.Option("--clear-minutes", help="Take the minutes off.")
    ] = False,
    clear_outline: Annotated[
        bool, typer.Option("--clear-outline", help="Take the outline off.")
    ] = False,
) -> None:
    """Store a session's minutes (学习记录) and discussion outline (研究提纲).

    Each replaces what the session had; `session show` shows them, `session extract` writes
    them out, and the archive files them with the session.

    \b
    Example: studylog session note 2023-03-14 --minutes 会议纪要.md --outline 研究提纲.txt
    """
    if minutes == STDIN and outline == STDIN:
        raise StudylogError("notes_stdin_twice")
    from studylog.records.notes import set_notes

    minutes_text = _read_notes(minutes, what="--minutes")
    outline_text = _read_notes(outline, what="--outline")
    clear = tuple(
        name for name, flag in (("minutes", clear_minutes), ("outline", clear_outline)) if flag
    )
    with records() as (session, org):
        record, kept = set_notes(
            session=session,
            org=org,
            ref=ref,
            minutes=minutes_text,
            outline=outline_text,
            clear=clear,
        )
        about = {"id": record.id, "day": record.date}
    emit_line(t("notes_saved", **about, minutes=_size(kept.minutes), outline=_size(kept.outline)))


def _size(text: str | None) -> str:
    return t("notes_none") if text is None else t("notes_chars", count=len(text))


@app.command("attach")
def attach(
    ref: RefArgument,
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE…", help="The files to attach (not folders or links)."),
    ],
) -> None:
    """Attach materials studied at a session (学习材料): stored inside the database.

    Each file is kept with its SHA-256, size and type; the same content attached again is
    stored once. A folder, a link, a device or FIFO, an empty file or one over the limit
    (settings: [materials] max_size_mb, default 20) is refused, and then nothing is attached.

    \b
    Example: studylog session attach 2023-03-14 讲话原文.pdf 签到照片.jpg
    """
    from studylog.cli.common import settings
    from studylog.records.materials import attach_materials, read_material, size_text

    limit = settings.config().material_limit
    incoming = [read_material(path, limit=limit) for path in files]
    lines = []
    with records() as (session, org):
        record, attached = attach_materials(session=session, org=org, ref=ref, files=incoming)
        for item in attached:
            lines.append(
                t(
                    "material_attached",
                    session=record.id,
                    day=record.date,
                    id=item.material.id,
                    name=item.material.name,
                    size=size_text(item.size),
                    sha=item.sha256[:12],
                )
            )
            if item.stored_before:
                lines.append(t("material_stored_before"))
    for line in lines:
        emit_line(line)


@app.command("attachments")
def attachments(ref: RefArgument, fmt: FormatOption = "table") -> None:
    """List a session's materials (学习材料): id, name, type, size, SHA-256.

    \b
    Example: studylog session attachments 2023-03-14 --format json
    """
    from studylog.cli.common import to_format
    from studylog.records.materials import materials_of
    from studylog.records.sessions import resolve_session

    output = to_format(fmt)
    with records(write=False) as (session, org):
        record = resolve_session(session=session, org=org, ref=ref)
        lines = materials_of(session=session, record=record)
    rows = material_rows(lines, shown_size=output in ("table", "markdown"))
    if output == "table" and not rows:
        emit_line(t("no_materials"))
        return
    emit_rows(rows, MATERIAL_COLUMNS, output)


@app.command("detach")
def detach(
    ref: RefArgument,
    material: Annotated[
        int, typer.Argument(metavar="ID", help="The material's id (session attachments).")
    ],
    reason: ReasonOption = None,
) -> None:
    """Detach a material from a session: kept, marked detached, left out of everything.

    `studylog undo` (or `undo ENTRY`, the entry `studylog log` shows) brings it back.

    \b
    Example: studylog session detach 2023-03-14 3 --reason 附错了
    """
    from studylog.records.materials import detach_material

    with records() as (session, org):
        record, found = detach_material(
            session=session, org=org, ref=ref, material_id=material, reason=reason
        )
        message = t("material_detached", id=found.id, name=found.name, day=record.date)
    emit_line(message)


@app.command("extract")
def extract(
    ref: RefArgument,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIR", help="The folder to write (made whole)."),
    ],
    force: ForceOption = False,
) -> None:
    """Write a session's materials under their original names, the minutes and the outline
    beside them, into a folder.

    Names are made safe for any system and never clash (a second 讲话.pdf is 讲话 (2).pdf);
    an existing non-empty folder is replaced only with --force.

    \b
    Example: studylog session extract 2023-03-14 --out 2023-03-14学习材料
    """
    from studylog.outputs import checked_target
    from studylog.transfer.session_files import extract_session

    target = checked_target(out, force=force, folder=True)
    with records(write=False) as (session, org):
        record, written = extract_session(
            session=session, org=org, ref=ref, out=target, force=force
        )
        day = record.date
    emit_line(t("extract_written", count=len(written), day=day, path=target))


# The 学习简报's commands join the group too.
from studylog.cli import brief as _brief  # noqa: E402,F401

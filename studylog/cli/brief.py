"""``studylog session brief`` and ``session brief-template``: the 学习简报 of a session."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.common import AsOfOption, ForceOption, RefArgument, records, settings, to_date
from studylog.cli.render import emit_line
from studylog.cli.sessions import app
from studylog.errors import StudylogError
from studylog.text.messages import t

BRIEF_FORMATS = ("markdown", "docx")
SUFFIXES = {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}


@app.command("brief")
def brief(
    ref: RefArgument,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="markdown | docx (Word, GB/T 9704 pages); default: from --out, else markdown.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Write to this file (docx needs one)."),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help="An edited copy of the brief's template (see: studylog session brief-template).",
        ),
    ] = None,
    as_of: AsOfOption = None,
    force: ForceOption = False,
) -> None:
    """Draft the 学习简报 of a session: date, place, host, who attended and who was on leave,
    the first agenda item, the speeches, the minutes' opening.

    The words come from a template the office can edit: `studylog session brief-template
    --out FILE` writes the default, `--template FILE` uses the edited copy.

    \b
    Example: studylog --lang zh session brief 2023-03-14 --out 学习简报.docx
    """
    from datetime import date

    from studylog.documents.brief import brief_context, compose_brief
    from studylog.documents.layout import as_markdown
    from studylog.documents.narrative import read_template
    from studylog.outputs import checked_target, written_file
    from studylog.text.messages import current_language

    implied = SUFFIXES.get(out.suffix.lower()) if out is not None else None
    chosen = fmt.strip().lower() if fmt is not None else implied or "markdown"
    if chosen not in BRIEF_FORMATS:
        raise StudylogError(
            "bad_choice", what="--format", value=fmt, choices=" | ".join(BRIEF_FORMATS)
        )
    if out is not None and implied is not None and chosen != implied:
        raise StudylogError("format_suffix_clash", format=chosen, path=str(out))
    if chosen == "docx" and out is None:
        raise StudylogError("missing_option", option="--out")
    target = checked_target(out, force=force) if out is not None else None
    edited = read_template(template) if template is not None else None
    issued = to_date(as_of) or date.today()
    display_name = settings.config().display_name
    with records(write=False) as (session, org):
        context = brief_context(
            session=session, org=org, ref=ref, issued=issued, display_name=display_name
        )
    document = compose_brief(
        context, language=current_language(), template=edited, name=str(template or "")
    )
    if target is None:
        typer.echo(as_markdown(document), nl=False)
        return
    with written_file(target, force=force) as temporary:
        if chosen == "docx":
            from studylog.documents.word import write_docx

            write_docx(document, temporary)
        else:
            temporary.write_text(as_markdown(document), encoding="utf-8")
    emit_line(t("brief_written", path=target))


@app.command("brief-template")
def brief_template(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="Where to write it.")],
    force: ForceOption = False,
) -> None:
    """Write the 学习简报's default template (Jinja2, in the output language) to edit.

    \b
    Example: studylog --lang zh session brief-template --out 简报模板.j2
    """
    from studylog.documents.brief import default_brief_template
    from studylog.outputs import written_file
    from studylog.text.messages import current_language

    with written_file(out, force=force) as temporary:
        temporary.write_text(default_brief_template(current_language()), encoding="utf-8")
    emit_line(t("brief_template_written", path=out))

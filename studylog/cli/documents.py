"""``studylog report``, ``studylog sheet`` and ``studylog archive``: the office's documents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.common import (
    AsOfOption,
    ForceOption,
    FromOption,
    HalfOption,
    MonthOption,
    QuarterOption,
    RefArgument,
    ToOption,
    YearOption,
    chosen_period,
    records,
    settings,
    to_date,
    today,
)
from studylog.cli.render import emit_line
from studylog.errors import BadValue, StudylogError
from studylog.text.messages import t

REPORT_FORMATS = ("text", "markdown", "docx", "pdf")
SUFFIX_FORMATS = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".pdf": "pdf"}


def _needs_suffix(path: Path, suffixes: tuple[str, ...]) -> str:
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        raise BadValue("bad_extension", path=str(path), choices=" | ".join(suffixes))
    return suffix


def _writable(path: Path, *, force: bool) -> Path:
    """A file path studylog may write (checked before any work is done)."""
    from studylog.outputs import checked_target

    return checked_target(path, force=force)


report_app = typer.Typer(invoke_without_command=True)


@report_app.callback()
def report(
    ctx: typer.Context,
    year: YearOption = None,
    half: HalfOption = None,
    quarter: QuarterOption = None,
    month: MonthOption = None,
    start: FromOption = None,
    end: ToOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text | markdown | docx (Word) | pdf (through LibreOffice); default: from "
            "--out (.docx, .md, .pdf), else text.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="Write to this file (docx and pdf need one)."
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help="An edited copy of the report's template (see: studylog report template).",
        ),
    ] = None,
    as_of: AsOfOption = None,
    force: ForceOption = False,
) -> None:
    """Draft the annual report (年度学习情况汇报) in three parts, every figure from the records,
    with the list of sessions and the attendance notice attached.

    The words come from a template the office can edit: `studylog report template --out FILE`
    writes the default, `--template FILE` uses the edited copy.

    Or the report of any period (--from D --to D), named in the title: 2026年上半年,
    2026年1—9月. Sessions dated after --as-of (default today) are not in it.

    \b
    Example: studylog --lang zh report --year 2023 --format docx --out 2023年度报告.docx
    """
    if ctx.invoked_subcommand is not None:
        return
    from studylog.cli.calendar_figures import own_categories
    from studylog.documents.layout import as_markdown, as_text
    from studylog.documents.report import compose, gather
    from studylog.documents.word import write_docx

    implied = SUFFIX_FORMATS.get(out.suffix.lower()) if out is not None else None
    chosen = fmt.strip().lower() if fmt is not None else implied or "text"
    if chosen not in REPORT_FORMATS:
        raise BadValue("bad_choice", what="--format", value=fmt, choices=" | ".join(REPORT_FORMATS))
    if out is not None and chosen != (implied or "text"):  # a .docx that holds text, say
        raise StudylogError("format_suffix_clash", format=chosen, path=str(out))
    if chosen in ("docx", "pdf") and out is None:
        raise StudylogError("missing_option", option="--out")
    target = _writable(out, force=force) if out is not None else None
    chosen_period_ = chosen_period(year, start, end, half=half, quarter=quarter, month=month)
    day = to_date(as_of) or today()
    display_name = settings.config().display_name
    from studylog.documents.narrative import read_template

    edited = read_template(template) if template is not None else None
    with records(write=False) as (session, org):
        data = gather(
            session=session,
            org=org,
            as_of=day,
            display_name=display_name,
            period=chosen_period_,
            rules=settings.config().check,
            categories=own_categories(),
        )
        head = org.log_head
    document = compose(data, template=edited, name=str(template or ""))
    # The state the report was made from: a line after the attachments, in Word a property
    # (not page text: the printed report is the office's, the property is for a check).
    anchor = t("log_head_line", head=head) if head else t("log_head_none")
    document.keywords = anchor
    from studylog.outputs import written_file

    if chosen in ("docx", "pdf"):
        assert target is not None
        with written_file(target, force=force) as temporary:
            if chosen == "pdf":
                from studylog.documents.pdf import write_pdf

                write_pdf(lambda path: write_docx(document, path), temporary)
            else:
                write_docx(document, temporary)
    else:
        text = as_markdown(document) if chosen == "markdown" else as_text(document)
        text += f"\n{anchor}\n"
        if target is None:
            typer.echo(text, nl=False)
            return
        with written_file(target, force=force) as temporary:
            temporary.write_text(text, encoding="utf-8")
    emit_line(t("report_written", path=target))


@report_app.command("template")
def report_template(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="Where to write it.")],
    force: ForceOption = False,
) -> None:
    """Write the report's default template (Jinja2, in the output language) to edit.

    \b
    Example: studylog --lang zh report template --out 报告模板.j2
    """
    from studylog.documents.narrative import default_template
    from studylog.outputs import written_file
    from studylog.text.messages import current_language

    with written_file(out, force=force) as temporary:
        temporary.write_text(default_template(current_language()), encoding="utf-8")
    emit_line(t("template_written", path=out))


def sheet(
    ref: RefArgument,
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", metavar="FILE", help="FILE.docx, FILE.xlsx or FILE.pdf (LibreOffice)."
        ),
    ],
    force: ForceOption = False,
) -> None:
    """Write a session's sign-in sheet (签到表), ready to print: one row per expected member.

    \b
    Example: studylog sheet 2023-03-14 --out 签到表.docx
    """
    from studylog.documents.archive import sign_in_document
    from studylog.documents.planned_sheet import planned_sign_in
    from studylog.documents.word import write_docx
    from studylog.documents.workbooks import write_sign_in_xlsx
    from studylog.outputs import written_file

    suffix = _needs_suffix(out, (".docx", ".xlsx", ".pdf"))
    target = _writable(out, force=force)
    display_name = settings.config().display_name
    with records(write=False) as (session, org):
        signin, planned = planned_sign_in(
            session=session, org=org, ref=ref, display_name=display_name
        )  # a session's, or a dated plan item's (documents/planned_sheet.py)
        about = {"id": signin.record.id or planned, "day": signin.record.date}
        with written_file(target, force=force) as temporary:
            if suffix == ".docx":
                write_docx(sign_in_document(signin), temporary)
            elif suffix == ".pdf":
                from studylog.documents.pdf import write_pdf

                write_pdf(lambda path: write_docx(sign_in_document(signin), path), temporary)
            else:
                write_sign_in_xlsx(signin, temporary)
    written = "sheet_written" if planned is None else "sheet_written_plan"
    emit_line(t(written, **about, count=len(signin.members), path=target))


def archive(
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIR|FILE.zip", help="A folder, or a .zip file."),
    ],
    year: YearOption = None,
    half: HalfOption = None,
    quarter: QuarterOption = None,
    month: MonthOption = None,
    start: FromOption = None,
    end: ToOption = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="docx (Word) | pdf (through LibreOffice)."
        ),
    ] = "docx",
    as_of: AsOfOption = None,
    force: ForceOption = False,
) -> None:
    """Build the year's archive (学习档案): contents page, plan, each session's record with its
    roll and speeches, the make-ups, the rectification ledger, the annual report (Word files).

    Or of any period (--from D --to D), named in the titles.

    \b
    Example: studylog archive --year 2023 --out 2023年学习档案.zip
    """
    from studylog.documents.archive import archive_parts, write_archive

    chosen = chosen_period(year, start, end, half=half, quarter=quarter, month=month)
    from studylog.outputs import checked_target

    kind = fmt.strip().lower()
    if kind not in ("docx", "pdf"):
        raise BadValue("bad_choice", what="--format", value=fmt, choices="docx | pdf")
    zipped = out.suffix.lower() == ".zip"
    target = checked_target(out, force=force, folder=not zipped)
    day = to_date(as_of) or today()
    display_name = settings.config().display_name
    with records(write=False) as (session, org):
        parts = archive_parts(
            session=session, org=org, as_of=day, display_name=display_name, period=chosen
        )
    from studylog.documents.layout import titled

    folder = titled("archive_folder", chosen)
    written = write_archive(parts, target, folder=folder, force=force, pdf=kind == "pdf")
    emit_line(titled("archive_written", chosen, count=len(parts), path=written))

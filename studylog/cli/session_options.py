"""The options ``session add`` and ``session edit`` share, and how they are read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from studylog.text.vocab import Format, Kind, choices

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from studylog.cli.render import OutputFormat
    from studylog.records.studyforms import StudyFields
    from studylog.store.models import StudySession

DateOption = Annotated[
    str | None, typer.Option("--date", "-d", metavar="DATE", help="Date held, e.g. 2023-03-01.")
]
TitleOption = Annotated[
    str | None, typer.Option("--title", "-t", metavar="TEXT", help="What was studied.")
]
KindOption = Annotated[
    str | None, typer.Option("--kind", metavar="KIND", help=f"Kind: {choices(Kind)}.")
]
DiscussionOption = Annotated[
    bool | None,
    typer.Option(
        "--discussion/--no-discussion",
        help="The session held a discussion (研讨).",
        show_default=False,
    ),
]
SessionFormatOption = Annotated[
    str | None,
    typer.Option("--format", metavar="FORMAT", help=f"How it was held: {choices(Format)}."),
]
HostOption = Annotated[
    str | None,
    typer.Option("--host", metavar="NAME", help="The member who chaired it (主持人); '' clears."),
]
LocationOption = Annotated[
    str | None, typer.Option("--location", metavar="TEXT", help="Where; '' clears.")
]
AgendaOption = Annotated[
    str | None,
    typer.Option(
        "--first-agenda",
        metavar="TEXT",
        help="First agenda item (第一议题): the speech or document relayed; '' clears.",
    ),
]
SourceOption = Annotated[
    str | None,
    typer.Option(
        "--source-date",
        metavar="DATE",
        help="Date of the first agenda item's source speech/document.",
    ),
]
PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        metavar="ID",
        help="The plan item this session carries out (plan list); '' unlinks.",
    ),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        metavar="TAG",
        help="A tag; repeat or separate with commas. Replaces existing tags.",
    ),
]


FormOption = Annotated[
    list[str] | None,
    typer.Option(
        "--form",
        metavar="FORM",
        help="A study form (学习形式): lecture (专家辅导) | film (观看专题片) | reading-class "
        "(读书班) | site-visit (现场教学) | research (调研) | guided-reading (领学) | exchange "
        "(交流研讨), or one the settings add; repeat or separate with commas. Replaces the "
        "session's forms; '' clears.",
    ),
]
FilmsOption = Annotated[
    str | None,
    typer.Option("--films", metavar="N", help="Films watched (观看专题片 N 部); '' clears."),
]
DocumentsOption = Annotated[
    str | None,
    typer.Option(
        "--documents", metavar="N", help="Documents studied (学习文件材料 N 篇); '' clears."
    ),
]
HoursOption = Annotated[
    str | None,
    typer.Option(
        "--hours", metavar="H", help="The session's length in hours (学时), e.g. 2.5; '' clears."
    ),
]


def study_fields(
    forms: list[str] | None, films: str | None, documents: str | None, hours: str | None
) -> StudyFields:
    """The study options as typed, read (``''`` clears a count)."""
    from studylog.cli.common import settings
    from studylog.records.studyforms import CLEAR, StudyFields
    from studylog.text.studyforms import parse_count, parse_forms, parse_hours

    if forms is not None:
        settings.config()  # the group's own forms, from the settings file

    def count(text: str | None, what: str) -> int | None:
        if text is None:
            return None
        return CLEAR if not text.strip() else parse_count(text, what=what)

    return StudyFields(
        forms=None if forms is None else parse_forms(forms),
        films=count(films, "--films"),
        documents=count(documents, "--documents"),
        hours=None if hours is None else CLEAR if not hours.strip() else parse_hours(hours),
    )


STUDY_LABELS = {
    "forms": "col_forms",
    "films": "col_films",
    "documents": "col_documents",
    "hours": "col_hours",
}


def study_summary(record: StudySession) -> dict[str, Any]:
    """A session's forms (values in JSON, labels in a table) and counts, for list and show."""
    from studylog.text.studyforms import FormName, hours_value

    return {
        "forms": [FormName(form.form) for form in record.forms],
        "films": record.films,
        "documents": record.documents,
        "hours": hours_value(record.hours_hundredths),
    }


def beyond_roll_detail(session: Session, record: StudySession) -> dict[str, Any]:
    """Who attended beyond the roll, as ``session show --format json`` gives it."""
    from studylog.records.studyforms import beyond_roll_of

    beyond = beyond_roll_of(session=session, record=record)
    return {
        "extended": [
            {"label": group.label, "count": group.count, "names": group.names}
            for group in beyond.extended
        ],
        "observers": beyond.observers,
        "visitors": [{"body": body, "name": name} for body, name in beyond.visitors],
    }


def show_beyond_roll(detail: dict[str, Any], output: OutputFormat) -> None:
    """The people beyond the roll as a table of its own, when there are any."""
    from studylog.cli.render import emit_rows
    from studylog.text.messages import t

    rows = [
        {"kind": t("col_extended"), "who": group["label"], "count": group["count"],
         "names": group["names"]}
        for group in detail["extended"]
    ] + [
        {"kind": t("col_observed"), "who": name, "count": 1, "names": None}
        for name in detail["observers"]
    ] + [
        {"kind": t("col_visitors"), "who": visit["body"], "count": 1, "names": visit["name"]}
        for visit in detail["visitors"]
    ]  # fmt: skip
    if rows:
        columns = [("kind", "col_kind"), ("who", "col_who"), ("count", "col_headcount"),
                   ("names", "col_names")]  # fmt: skip
        emit_rows(rows, columns, output, title=t("beyond_roll"))

"""``studylog session …``: the study sessions themselves."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer

from studylog.cli.common import (
    ROLL_COLUMNS,
    ForceOption,
    FormatOption,
    FromOption,
    HalfOption,
    MonthOption,
    QuarterOption,
    ReasonOption,
    RefArgument,
    ToOption,
    YearOption,
    YesOption,
    period,
    records,
    to_date,
    to_format,
    today,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import emit_json, emit_json_list, emit_line, emit_note, emit_rows
from studylog.cli.session_options import (
    STUDY_LABELS,
    AgendaOption,
    DateOption,
    DiscussionOption,
    DocumentsOption,
    FilmsOption,
    FormOption,
    HostOption,
    HoursOption,
    KindOption,
    LocationOption,
    PlanOption,
    SessionFormatOption,
    SourceOption,
    TagOption,
    TitleOption,
    beyond_roll_detail,
    show_beyond_roll,
    study_fields,
    study_summary,
)
from studylog.errors import BadValue
from studylog.text.messages import t
from studylog.text.parse import parse_enum, parse_kind, split_tags
from studylog.text.vocab import Format, Kind, choices

if TYPE_CHECKING:
    from studylog.records.sessions import SessionFields
    from studylog.records.studyforms import StudyFields
    from studylog.store.models import StudySession

app = typer.Typer(
    help="Study sessions (集中学习 / 专题学习): add, list, show, edit, delete.",
    no_args_is_help=True,
)


def _fields(
    date: str | None,
    title: str | None,
    kind: str | None,
    discussion: bool | None,
    session_format: str | None,
    host: str | None,
    location: str | None,
    first_agenda: str | None,
    source_date: str | None,
    tags: list[str] | None,
    plan: str | None,
    study: StudyFields,
) -> SessionFields:
    from studylog.records.sessions import SessionFields

    parsed, said_discussion = parse_kind(kind) if kind is not None else (None, False)
    return SessionFields(
        date=to_date(date),
        title=title,
        kind=parsed,
        # 专题研讨 says both: a topic session with a discussion (--no-discussion still wins)
        discussion=True if said_discussion and discussion is None else discussion,
        format=parse_enum(Format, session_format, what="--format")
        if session_format is not None
        else None,
        host=host,
        location=location,
        first_agenda=first_agenda,
        source_date=to_date(source_date),
        tags=split_tags(tags) if tags is not None else None,
        plan=_plan_id(plan),
        study=study,
    )


def _plan_id(text: str | None) -> int | None:
    """``--plan 3`` → 3; ``--plan ''`` → 0 (unlink); not given → None."""
    if text is None:
        return None
    cleaned = text.strip().lstrip("#")
    if not cleaned:
        return 0
    if not cleaned.isdigit() or int(cleaned) == 0:
        raise BadValue("bad_plan_ref", value=text)
    return int(cleaned)


@app.command("add")
def add(
    date: DateOption = None,
    title: TitleOption = None,
    kind: KindOption = None,
    discussion: DiscussionOption = None,
    session_format: SessionFormatOption = None,
    host: HostOption = None,
    location: LocationOption = None,
    first_agenda: AgendaOption = None,
    source_date: SourceOption = None,
    tag: TagOption = None,
    plan: PlanOption = None,
    form: FormOption = None,
    films: FilmsOption = None,
    documents: DocumentsOption = None,
    hours: HoursOption = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again",
            help="Record it even though a session of the same date and title is there (a "
            "second one that day).",
        ),
    ] = False,
) -> None:
    """Record a study session (--date and --title are required).

    A session dated after today is upcoming: listed apart, counted in no figure, its roll
    taken from its day on; its sign-in sheet can be printed now.

    \b
    Example: studylog session add --date 2023-03-01 --title 学习党的二十大精神 \\
               --kind 专题学习 --discussion --host 张三 \\
               --first-agenda 习近平总书记重要讲话 --source-date 2023-02-20
    Example: studylog session add --date 2023-04-12 --title 观看专题片 --kind 专题研讨 \\
               --form 观看专题片 --form 交流研讨 --films 2 --documents 5 --hours 2.5
    """
    from studylog.records.sessions import add_session

    fields = _fields(
        date, title, kind, discussion, session_format, host, location, first_agenda,
        source_date, tag, plan, study_fields(form, films, documents, hours),
    )  # fmt: skip
    with records() as (session, org):
        record = add_session(session=session, org=org, fields=fields, again=again)
        message = t("session_added", id=record.id, day=record.date, title=record.title)
    emit_line(message)


@app.command("edit")
def edit(
    ref: RefArgument,
    date: DateOption = None,
    title: TitleOption = None,
    kind: KindOption = None,
    discussion: DiscussionOption = None,
    session_format: SessionFormatOption = None,
    host: HostOption = None,
    location: LocationOption = None,
    first_agenda: AgendaOption = None,
    source_date: SourceOption = None,
    tag: TagOption = None,
    plan: PlanOption = None,
    form: FormOption = None,
    films: FilmsOption = None,
    documents: DocumentsOption = None,
    hours: HoursOption = None,
) -> None:
    """Change a session; only the options given change.

    \b
    Example: studylog session edit 12 --no-discussion --location 三楼会议室
    Example: studylog session edit 12 --form 专家辅导 --hours 3
    """
    from studylog.figures.tallies import session_roll
    from studylog.records.sessions import edit_session

    fields = _fields(
        date, title, kind, discussion, session_format, host, location, first_agenda,
        source_date, tag, plan, study_fields(form, films, documents, hours),
    )  # fmt: skip
    with records() as (session, org):
        record = edit_session(session=session, org=org, ref=ref, fields=fields)
        message = t("session_edited", id=record.id, day=record.date, title=record.title)
        counts, lines = session_roll(session=session, record_id=record.id)
        mismatch = lines > 0 and (counts.unrecorded > 0 or lines != counts.expected)
        record_id, day = record.id, record.date
    emit_line(message)
    if mismatch:
        emit_note(t("roll_mismatch", id=record_id, day=day))


def _summary(record: StudySession) -> dict[str, Any]:
    return {
        "id": record.id,
        "date": record.date,
        "title": record.title,
        "kind": record.kind,
        "discussion": record.discussion,
        "format": record.format,
        "host": record.host.name if record.host else None,
        "location": record.location,
        "first_agenda": record.first_agenda,
        "source_date": record.source_date,
        "tags": [tag.tag for tag in record.tags],
        "plan": record.plan_id,
        "latency_days": (record.date - record.source_date).days if record.source_date else None,
        **study_summary(record),
    }


LIST_COLUMNS = [
    ("id", "col_id"),
    ("date", "col_date"),
    ("title", "col_title"),
    ("kind", "col_kind"),
    ("discussion", "col_discussion"),
    ("format", "col_format"),
    ("host", "col_host"),
    ("first_agenda", "col_first_agenda"),
    ("forms", "col_forms"),
    ("tags", "col_tags"),
]


AGENDA_COLUMNS = [
    ("id", "col_id"),
    ("date", "col_date"),
    ("first_agenda", "col_first_agenda"),
    ("source_date", "col_source_date"),
    ("latency_days", "col_latency"),
    ("title", "col_title"),
]


@app.command("list")
def list_(
    year: YearOption = None,
    half: HalfOption = None,
    quarter: QuarterOption = None,
    month: MonthOption = None,
    start: FromOption = None,
    end: ToOption = None,
    kind: KindOption = None,
    held: Annotated[
        str | None,
        typer.Option(
            "--held", metavar="FORMAT", help=f"Only sessions held this way: {choices(Format)}."
        ),
    ] = None,
    first_agenda: Annotated[
        bool,
        typer.Option(
            "--first-agenda",
            help="Only sessions with a first agenda item (第一议题), with its relay latency.",
        ),
    ] = False,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """List sessions, oldest first, for a year or a date range (all when neither is given).

    \b
    Example: studylog session list --year 2023 --kind topic --format csv
    """
    from studylog.records.sessions import list_sessions

    output = to_format(fmt)
    first, last = period(year, start, end, half=half, quarter=quarter, month=month)
    wanted_kind = parse_enum(Kind, kind, what="--kind") if kind is not None else None
    wanted_format = parse_enum(Format, held, what="--held") if held is not None else None
    with records(write=False) as (session, org):
        rows = (
            _summary(record)
            for record in list_sessions(
                session=session,
                org=org,
                start=first,
                end=last,
                kind=wanted_kind,
                format=wanted_format,
                first_agenda=first_agenda,
            )
        )
        with listing(out, fmt=output, encoding=encoding, force=force):
            if output == "json":
                emit_json_list(rows)  # streamed from the database to stdout
            elif output == "csv":
                emit_rows(rows, AGENDA_COLUMNS if first_agenda else LIST_COLUMNS, output)
            else:
                listed = list(rows)
                columns = AGENDA_COLUMNS if first_agenda else LIST_COLUMNS
                held_rows = [row for row in listed if row["date"] <= today()]
                upcoming = [row for row in listed if row["date"] > today()]
                if not listed and output == "table":
                    emit_line(t("nothing_found"))
                elif held_rows or not upcoming:
                    emit_rows(held_rows, columns, output)
                if upcoming:  # planned, not held: apart, as they count in no figure yet
                    emit_line("")
                    emit_rows(upcoming, columns, output, title=t("upcoming_sessions"))


@app.command("show")
def show(ref: RefArgument, fmt: FormatOption = "table") -> None:
    """Show one session with its roll, make-ups and speeches.

    \b
    Example: studylog session show 2023-03-01
    """
    from studylog.cli.notes_view import notes_detail, show_notes
    from studylog.records.attendance import roll_of
    from studylog.records.sessions import resolve_session
    from studylog.records.speeches import list_speeches

    output = to_format(fmt)
    with records(write=False) as (session, org):
        record = resolve_session(session=session, org=org, ref=ref)
        detail = _summary(record)
        roll = [asdict(line) for line in roll_of(session=session, record=record)]
        speeches = [
            {"member": line.member, "kind": line.kind, "title": line.title}
            for line in list_speeches(session=session, org=org, session_id=record.id)
        ]
        notes = notes_detail(session=session, record=record)
        beyond = beyond_roll_detail(session, record)
    if output == "json":
        emit_json({**detail, "roll": roll, "speeches": speeches, **notes, **beyond})
        return
    if output == "csv":  # one table per file: the roll, which is what a sheet is for
        emit_rows(roll, ROLL_COLUMNS, output)
        return
    labels = {key: label for key, label in LIST_COLUMNS}
    labels |= {"location": "col_location", "source_date": "col_source_date"}
    labels |= {"plan": "col_plan", "latency_days": "col_latency"}
    labels |= STUDY_LABELS
    emit_rows(
        [{"field": t(labels[key]), "value": value} for key, value in detail.items()],
        [("field", "col_session"), ("value", "col_value")],
        output,
    )
    emit_rows(roll, ROLL_COLUMNS, output, title=t("roll"))
    if speeches:
        emit_rows(
            speeches,
            [("member", "col_name"), ("kind", "col_speech_kind"), ("title", "col_speech_title")],
            output,
            title=t("speeches"),
        )
    show_beyond_roll(beyond, output)
    show_notes(notes, output)


@app.command("delete")
def delete(
    ref: RefArgument,
    reason: ReasonOption = None,
    yes: YesOption = False,
) -> None:
    """Delete a session, with its roll, make-ups and speeches (asks first unless --yes).

    Nothing is destroyed: the session is kept, marked deleted with the time and --reason, and
    left out of every list, figure and document; `studylog restore session REF` brings it
    back. It no longer carries out its plan item.

    \b
    Example: studylog session delete 12 --reason 重复录入 --yes
    """
    from studylog.records.sessions import delete_session, resolve_session, session_contents

    with records(write=False) as (session, org):
        record = resolve_session(session=session, org=org, ref=ref)
        contents = session_contents(session=session, record=record)
        about = {"id": record.id, "day": record.date, "title": record.title}
    # Ask outside any transaction: a pending question must not hold the write lock.
    question = t(
        "confirm_delete",
        **about,
        roll=contents.roll,
        makeups=contents.makeups,
        speeches=contents.speeches,
    )
    if not yes and not typer.confirm(question, default=False):
        emit_line(t("delete_declined"))
        return
    with records() as (session, org):
        record = resolve_session(session=session, org=org, ref=str(about["id"]))
        delete_session(session=session, record=record, reason=reason)
    emit_line(t("session_deleted", **about))

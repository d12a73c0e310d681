"""``studylog stats``: the year's figures, per member (出勤公示) or per month / quarter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from studylog.cli.common import (
    ForceOption,
    FormatOption,
    FromOption,
    HalfOption,
    MonthOption,
    QuarterOption,
    ToOption,
    YearOption,
    chosen_period,
    figures,
    settings,
    to_format,
    today,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.notice import write_notice_file
from studylog.cli.render import OutputFormat, emit_json, emit_line, emit_note, emit_rows
from studylog.errors import BadValue, StudylogError
from studylog.text.messages import current_language, join_list, t
from studylog.text.studyforms import form_label

if TYPE_CHECKING:
    from studylog.figures.outputs import Activities
    from studylog.figures.tallies import Tallies, YearReport

GROUPINGS = {
    "member": "member",
    "成员": "member",
    "month": "month",
    "月": "month",
    "月份": "month",
    "quarter": "quarter",
    "季度": "quarter",
}
SESSION_KEYS = ["sessions", "discussions", "topic_sessions", "topic_discussions"]
ROLL_KEYS = ["expected", "present", "late", "leave", "absent", "makeups", "makeups_outstanding"]
RATE_KEYS = ["attendance_rate", "participation_rate"]
STUDY_KEYS = ["forms", "films", "documents", "study_hours"]


def stats(
    year: YearOption = None,
    half: HalfOption = None,
    quarter: QuarterOption = None,
    month: MonthOption = None,
    start: FromOption = None,
    end: ToOption = None,
    all_orgs: Annotated[
        bool,
        typer.Option(
            "--all-orgs",
            help="Every group in the database: one row per group, totals last (the "
            "supervising view).",
        ),
    ] = False,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="BY",
            help="Also one row per member (the attendance notice, 出勤公示), month or quarter.",
        ),
    ] = None,
    chart: Annotated[
        bool,
        typer.Option(
            "--chart",
            help="With --by: draw bars instead of the table (sessions and attendance rate a "
            "month or quarter; attendance rate a member); plain # bars when piped.",
        ),
    ] = False,
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """Print the tallies of a year (or --from/--to): the one-line summary and every figure.

    Without a period, this year's. A period is one of --year 2024, --half 2024H1,
    --quarter 2024Q1, --month 2024-03 (or 2024年3月), --from D --to D.

    With --by member, --format docx or xlsx writes the attendance notice (出勤公示) alone to
    --out FILE, with its 合计 row, laid out as the office files it.

    \b
    Example: studylog stats --year 2023 --by member --format markdown
    Example: studylog stats --month 2024-03
    Example: studylog stats --year 2023 --by month --chart
    Example: studylog stats --year 2023 --by member --format xlsx --out 出勤公示.xlsx
    Example: studylog stats --from 2019-01-01 --to 2023-12-31 --all-orgs --format csv
    """
    from studylog.cli.calendar_figures import stats_figures
    from studylog.figures.outputs import activity_figures
    from studylog.figures.tallies import period_tallies
    from studylog.store.digests import log_head

    document = fmt.strip().lower() if fmt.strip().lower() in ("docx", "xlsx") else None
    output = "table" if document else to_format(fmt)
    chosen = chosen_period(
        year, start, end, half=half, quarter=quarter, month=month, this_year=True
    )
    first, last = chosen.start, chosen.end
    if (
        year is None
        and chosen.year is not None
        and all(option is None for option in (half, quarter, month, start, end))
    ):
        year = chosen.year  # none given: this year
    grouping = GROUPINGS.get(by.strip().lower()) if by is not None else None
    if by is not None and grouping is None:
        choices = "member (成员) | month (月份) | quarter (季度)"
        raise BadValue("bad_choice", what="--by", value=by, choices=choices)
    if all_orgs and grouping is not None:
        raise StudylogError("all_orgs_by")
    if chart and (grouping is None or output != "table" or document is not None):
        raise StudylogError("chart_needs_by")
    if document is not None:
        if all_orgs:
            raise StudylogError("notice_one_group")
        if grouping != "member" or out is None:
            raise StudylogError("notice_needs_member", fmt=document)
        write_notice_file(first, last, year, fmt=document, out=out, force=force)
        return
    with figures(all_orgs=all_orgs) as (connection, org):
        report = period_tallies(
            session=connection,
            org=org,
            start=first,
            end=last,
            by="org" if all_orgs else grouping,  # type: ignore[arg-type]
            year=year,
        )
        activities = activity_figures(
            session=connection, org=org, start=first, end=last, by_member=grouping == "member"
        )
        head = None if org is None else log_head(connection, org.id)
        extra = stats_figures(connection, org, first, last, today())  # the calendar, categories
    with listing(out, fmt=output, encoding=encoding, force=force):
        if chart:
            from studylog.cli.chart import print_chart

            emit_line(summary_line(report))
            emit_line("")
            print_chart(report)
        else:
            print_report(
                report,
                output,
                head=head,
                anchored=org is not None,
                extra=extra,
                activities=activities,
            )
    if report.tallies.roll.unrecorded:
        emit_note(t("unrecorded_warning", count=report.tallies.roll.unrecorded))


def print_report(
    report: YearReport,
    output: OutputFormat,
    *,
    head: str | None = None,
    anchored: bool = False,
    extra: dict[str, Any] | None = None,
    activities: Activities | None = None,
) -> None:
    """The figures; ``anchored``: naming the head hash of the group's log they were made from
    (a last line in a table or markdown, a ``log_head`` key in JSON, nothing in CSV)."""
    if output == "json":
        emit_json(
            _as_json(report, activities) | (extra or {}) | ({"log_head": head} if anchored else {})
        )
        return
    _as_tables(report, output, extra or {}, activities)
    if anchored and output != "csv":
        emit_line("")
        emit_line(t("log_head_line", head=head) if head else t("log_head_none"))


def summary_line(report: YearReport) -> str:
    if report.year is None:
        period = t("range", start=report.start, end=report.end)
        return t("summary_range", period=period, **report.tallies.figures())
    return t("summary", year=report.year, **report.tallies.figures())


def _as_json(report: YearReport, activities: Activities | None = None) -> dict[str, Any]:
    from studylog.cli.activity_stats import members_beyond
    from studylog.figures.tallies import Tallies

    def extra(name: str) -> dict[str, Any]:
        return activities.member(name) if activities else {}

    data: dict[str, Any] = {
        "year": report.year,
        **({} if report.year else {"from": report.start, "to": report.end}),
        "org": report.org,
        **report.tallies.figures(),
        **_latency(report),
        **(activities.figures() if activities else {}),
    }
    if report.by == "member":
        beyond = members_beyond(activities, {row.key for row in report.rows})
        data["rows"] = [
            {"member": key, "title": title, **_member_figures(tallies), **extra(key)}
            for key, title, tallies in [
                *((row.key, row.title, row.tallies) for row in report.rows),
                *((name, title, Tallies()) for name, title in beyond),
            ]
        ]
    elif report.by == "org":
        data["rows"] = [{"org": row.key, **row.tallies.figures()} for row in report.rows]
    elif report.by is not None:
        data["rows"] = [{"period": row.key, **row.tallies.figures()} for row in report.rows]
    return data


def _latency(report: YearReport) -> dict[str, Any]:
    return {
        "first_agenda_median_days": report.latency.median_days,
        "first_agenda_longest_days": report.latency.longest_days,
    }


def _member_figures(tallies: Tallies) -> dict[str, Any]:
    figures = tallies.figures()
    return {key: figures[key] for key in [*ROLL_KEYS, *RATE_KEYS, "speeches"]} | tallies.more


def _as_tables(
    report: YearReport,
    output: OutputFormat,
    extra: dict[str, Any],
    activities: Activities | None = None,
) -> None:
    from studylog.cli.activity_stats import (
        MEMBER_COLUMNS,
        figure_rows,
        member_cells,
        members_beyond,
    )

    if output != "csv":
        emit_line(summary_line(report))
        emit_line("")
    shown_org = (
        t("all_orgs") if report.org is None else settings.config().display_name or report.org
    )
    period = report.year or t("range", start=report.start, end=report.end)
    figures = {"year": period, "org": shown_org, **report.tallies.figures()}
    speeches = figures.pop("speeches")
    if not figures["unrecorded"]:
        figures.pop("unrecorded")
    figures |= {f"speeches_{kind}": count for kind, count in speeches.items()}
    forms = figures.pop("forms", {})
    if report.latency.items:
        figures |= _latency(report)
    labels = {key: t(f"fig_{key}") for key in figures}
    for form, count in forms.items():  # one line per study form, after the counts
        labels[f"form_{form}"] = t("fig_form", label=form_label(form))
        figures[f"form_{form}"] = count
    if report.by is None:
        from studylog.cli.calendar_figures import table_rows

        labelled = {labels[key]: value for key, value in figures.items()} | table_rows(extra)
        emit_rows(
            [{"figure": label, "value": value} for label, value in labelled.items()]
            + (figure_rows(activities) if activities else []),
            [("figure", "col_figure"), ("value", "col_value")],
            output,
        )
        return
    # With --by: the one-line summary, then the rows and their 合计 (not every figure again)
    total = t("total")
    if report.by == "member":
        columns = [("key", "col_name"), ("title", "col_job_title")]
        keys = [*ROLL_KEYS, *RATE_KEYS, "speeches", *STUDY_KEYS, "hosted"]
    elif report.by == "org":
        columns = [("key", "fig_org")]
        keys = [*SESSION_KEYS, *ROLL_KEYS, *RATE_KEYS, "speeches", *STUDY_KEYS]
    else:
        columns = [("key", "col_period")]
        keys = [*SESSION_KEYS, *ROLL_KEYS, *RATE_KEYS, "speeches", *STUDY_KEYS]
    # the study columns only when the period has something in them (a year kept before
    # forms were recorded reads as it did)
    keys = [key for key in keys if key not in STUDY_KEYS or report.tallies.more.get(key)]
    columns += [(key, f"fig_{key}") for key in keys]
    rows = [{"key": row.key, "title": row.title, **_flat(row.tallies)} for row in report.rows]
    hosted = sum(row.tallies.more.get("hosted", 0) for row in report.rows)
    if activities is not None and report.by == "member":
        from studylog.figures.tallies import Tallies

        beyond = members_beyond(activities, {row.key for row in report.rows})
        rows += [{"key": key, "title": title, **_flat(Tallies())} for key, title in beyond]
        columns += MEMBER_COLUMNS
        for row in rows:
            row |= member_cells(activities, row["key"])
    rows.append(
        {
            "key": total,
            "title": None,
            **_flat(report.tallies),
            "hosted": hosted,
            **member_cells(activities, None),
        }
    )
    emit_rows(rows, columns, output)


def _flat(tallies: Tallies) -> dict[str, Any]:
    figures = tallies.figures()
    figures["speeches"] = tallies.speeches.total
    space = "" if current_language() == "zh" else " "  # 专家辅导2, expert lecture 2
    figures["forms"] = join_list(
        f"{form_label(form)}{space}{count}" for form, count in figures.get("forms", {}).items()
    )
    return figures

"""``studylog stats``: the year's figures, per member (出勤公示) or per month / quarter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from studylog.cli.common import (
    ForceOption,
    FormatOption,
    FromOption,
    ToOption,
    YearOption,
    figures,
    period,
    settings,
    to_format,
)
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.notice import write_notice_file
from studylog.cli.render import OutputFormat, emit_json, emit_line, emit_note, emit_rows
from studylog.errors import BadValue, StudylogError
from studylog.text.messages import t

if TYPE_CHECKING:
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


def stats(
    year: YearOption = None,
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
    fmt: FormatOption = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """Print the tallies of a year (or --from/--to): the one-line summary and every figure.

    With --by member, --format docx or xlsx writes the attendance notice (出勤公示) alone to
    --out FILE, with its 合计 row, laid out as the office files it.

    \b
    Example: studylog stats --year 2023 --by member --format markdown
    Example: studylog stats --year 2023 --by member --format xlsx --out 出勤公示.xlsx
    Example: studylog stats --from 2019-01-01 --to 2023-12-31 --all-orgs --format csv
    """
    from studylog.figures.tallies import period_tallies
    from studylog.store.digests import log_head

    document = fmt.strip().lower() if fmt.strip().lower() in ("docx", "xlsx") else None
    output = "table" if document else to_format(fmt)
    if year is None and start is None and end is None:
        raise StudylogError("period_needed")
    first, last = period(year, start, end)
    if first is None or last is None:
        raise StudylogError("range_needs_both")
    grouping = GROUPINGS.get(by.strip().lower()) if by is not None else None
    if by is not None and grouping is None:
        choices = "member (成员) | month (月份) | quarter (季度)"
        raise BadValue("bad_choice", what="--by", value=by, choices=choices)
    if all_orgs and grouping is not None:
        raise StudylogError("all_orgs_by")
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
        head = None if org is None else log_head(connection, org.id)
    with listing(out, fmt=output, encoding=encoding, force=force):
        print_report(report, output, head=head, anchored=org is not None)
    if report.tallies.roll.unrecorded:
        emit_note(t("unrecorded_warning", count=report.tallies.roll.unrecorded))


def print_report(
    report: YearReport, output: OutputFormat, *, head: str | None = None, anchored: bool = False
) -> None:
    """The figures; ``anchored``: naming the head hash of the group's log they were made from
    (a last line in a table or markdown, a ``log_head`` key in JSON, nothing in CSV)."""
    if output == "json":
        emit_json(_as_json(report) | ({"log_head": head} if anchored else {}))
        return
    _as_tables(report, output)
    if anchored and output != "csv":
        emit_line("")
        emit_line(t("log_head_line", head=head) if head else t("log_head_none"))


def summary_line(report: YearReport) -> str:
    if report.year is None:
        period = t("range", start=report.start, end=report.end)
        return t("summary_range", period=period, **report.tallies.figures())
    return t("summary", year=report.year, **report.tallies.figures())


def _as_json(report: YearReport) -> dict[str, Any]:
    data: dict[str, Any] = {
        "year": report.year,
        **({} if report.year else {"from": report.start, "to": report.end}),
        "org": report.org,
        **report.tallies.figures(),
        **_latency(report),
    }
    if report.by == "member":
        data["rows"] = [
            {"member": row.key, "title": row.title, **_member_figures(row.tallies)}
            for row in report.rows
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
    return {key: figures[key] for key in [*ROLL_KEYS, *RATE_KEYS, "speeches"]}


def _as_tables(report: YearReport, output: OutputFormat) -> None:
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
    if report.latency.items:
        figures |= _latency(report)
    if report.by is None or output != "csv":
        emit_rows(
            [{"figure": t(f"fig_{key}"), "value": value} for key, value in figures.items()],
            [("figure", "col_figure"), ("value", "col_value")],
            output,
        )
    if report.by is None:
        return
    if output != "csv":
        emit_line("")
    total = t("total")
    if report.by == "member":
        columns = [("key", "col_name"), ("title", "col_job_title")]
        keys = [*ROLL_KEYS, *RATE_KEYS, "speeches"]
    elif report.by == "org":
        columns = [("key", "fig_org")]
        keys = [*SESSION_KEYS, *ROLL_KEYS, *RATE_KEYS, "speeches"]
    else:
        columns = [("key", "col_period")]
        keys = [*SESSION_KEYS, *ROLL_KEYS, *RATE_KEYS, "speeches"]
    columns += [(key, f"fig_{key}") for key in keys]
    rows = [{"key": row.key, "title": row.title, **_flat(row.tallies)} for row in report.rows] + [
        {"key": total, "title": None, **_flat(report.tallies)}
    ]
    emit_rows(rows, columns, output)


def _flat(tallies: Tallies) -> dict[str, Any]:
    figures = tallies.figures()
    figures["speeches"] = tallies.speeches.total
    return figures

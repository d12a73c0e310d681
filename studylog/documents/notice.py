"""The attendance notice (出勤公示) as a document of its own: one row per member, a 合计 row,
in the office layout of the other documents (a Word table, or a workbook laid out to print)."""

from __future__ import annotations

from studylog.documents.layout import Document, titled
from studylog.figures.tallies import RollCounts, YearReport, year_bounds
from studylog.text.messages import t
from studylog.text.periods import Period
from studylog.text.values import percent


def notice_table(report: YearReport) -> tuple[list[str], list[tuple[str, ...]]]:
    """The notice's headers and rows, the group's 合计 last (SQL aggregates, like every row)."""
    headers = [t("col_no"), t("col_name"), t("col_job_title"), t("fig_expected"),
               t("fig_present"), t("fig_late"), t("fig_leave"), t("fig_absent"),
               t("fig_makeups"), t("fig_attendance_rate"), t("fig_participation_rate"),
               t("fig_speeches")]  # fmt: skip
    rows = [
        (
            str(number),
            str(row.key),
            row.title or "",
            *_figures(row.tallies.roll, row.tallies.speeches.total),
        )
        for number, row in enumerate(report.rows, start=1)
    ]
    total = report.tallies
    rows.append(("", t("total"), "", *_figures(total.roll, total.speeches.total)))
    return headers, rows


def _figures(r: RollCounts, speeches: int) -> tuple[str, ...]:
    counts = (r.expected, r.present, r.late, r.leave, r.absent, r.makeups)
    rates = (_rate(r.attendance_rate), _rate(r.participation_rate))
    return (*(str(count) for count in counts), *rates, str(speeches))


def _rate(value: float | None) -> str:
    return "—" if value is None else percent(value)


def notice_title(report: YearReport, org: str) -> str:
    if report.start is None or report.end is None:
        assert report.year is not None
        return titled("notice_title", Period(*year_bounds(report.year)), org=org)
    return titled("notice_title", Period(report.start, report.end), org=org)


def notice_document(report: YearReport, *, org: str) -> Document:
    """The notice as a Word document: its title, and the table on a landscape page."""
    title = notice_title(report, org)
    document = Document(title)
    if title.startswith(org) and len(title) > len(org):  # a line may break after the group
        document.title_parts = [org, title[len(org) :]]
    document.author = org
    headers, rows = notice_table(report)
    document.table(headers, rows, total_row=True, landscape=True)
    return document

"""``studylog assess``: the yearly assessment (学习考评) of each member, from the records."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from studylog.cli.common import AsOfOption, ForceOption, figures, settings, to_date, today
from studylog.cli.listing import EncodingOption, OutOption, listing
from studylog.cli.render import OUTPUT_FORMATS, emit_json, emit_line, emit_note, emit_rows
from studylog.errors import BadValue, StudylogError
from studylog.text.messages import t
from studylog.text.parse import parse_year

if TYPE_CHECKING:
    from studylog.figures.assess import Assessment
    from studylog.figures.scoring import AssessSettings

FORMATS = (*OUTPUT_FORMATS, "docx")


def assess(
    year: Annotated[
        int, typer.Option("--year", "-y", metavar="YEAR", help="The year to assess, e.g. 2023.")
    ],
    as_of: AsOfOption = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Output: table | json | csv | markdown | docx (the 考评表, a Word file: "
            "needs --out).",
        ),
    ] = "table",
    out: OutOption = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
) -> None:
    """Score each member's study of a year (学习考评), every component beside the total.

    Components, weights and caps come from the settings file ([assess], see studylog config
    show): attendance rate, make-ups done in time, speeches, sessions hosted. Each component
    gives points in proportion to its value up to its cap; a member who joined or left
    mid-year is measured against the sessions they were expected at. Members are ranked;
    those below the threshold are marked.

    \b
    Example: studylog assess --year 2023
    Example: studylog assess --year 2023 --format docx --out 考评表.docx
    """
    from studylog.figures.assess import assess_settings, assess_year
    from studylog.outputs import checked_target
    from studylog.store.digests import log_head

    output = fmt.strip().lower()
    if output not in FORMATS:
        raise BadValue("bad_choice", what="--format", value=fmt, choices=" | ".join(FORMATS))
    parse_year(year)
    day = to_date(as_of) or today()
    config = settings.config()
    weights = assess_settings(
        config.assess, path=str(config.path), makeup_days=config.check.makeup_days
    )
    if output == "docx" and out is None:
        raise StudylogError("assess_needs_out")
    if out is not None:
        checked_target(Path(out), force=force)  # before any work: refused now, not after
    with figures() as (connection, org):
        assert org is not None
        assessment = assess_year(
            session=connection, org=org, year=year, as_of=day, settings=weights
        )
        head = log_head(connection, org.id)
    shown_org = config.display_name or assessment.org
    if assessment.unrecorded:  # a roll not taken counts as not attended: say so
        emit_note(t("unrecorded_warning", count=assessment.unrecorded))
    if output == "docx":
        _write_docx(assessment, shown_org, Path(out or ""), force=force)
        return
    with listing(out, fmt=output, encoding=encoding, force=force):
        if output == "json":
            emit_json(as_json(assessment, weights) | {"log_head": head})
        else:
            _print_tables(assessment, shown_org, output, head)


def _write_docx(assessment: Assessment, org: str, target: Path, *, force: bool) -> None:
    from studylog.documents.assessment import assessment_document
    from studylog.documents.word import write_docx
    from studylog.outputs import written_file

    with written_file(target, force=force) as temporary:
        write_docx(assessment_document(assessment, org=org), temporary)
    emit_line(t("assess_written", path=target))


def _print_tables(assessment: Assessment, org: str, output: Any, head: str | None) -> None:
    from studylog.documents.assessment import (
        below_line,
        formula,
        score_headers,
        score_rows,
        weights_line,
    )

    settings_ = assessment.settings
    # Markdown needs an empty line between paragraphs and after a table.
    gap = "\n" if output == "markdown" else ""
    if output != "csv":
        summary = t(
            "assess_summary",
            org=org,
            year=assessment.year,
            as_of=assessment.as_of,
            sessions=assessment.sessions,
            full=settings_.full_marks,
            threshold=settings_.threshold,
        )
        for line in (summary, weights_line(assessment), formula(assessment)):
            emit_line(line + gap)
        if not gap:
            emit_line("")
    headers = score_headers(assessment)
    columns = [(str(index), "") for index in range(len(headers))]
    keys = [key for key, _ in columns]
    rows = [dict(zip(keys, row, strict=True)) for row in score_rows(assessment)]
    emit_rows(rows, columns, output, labels=headers)
    if output != "csv":
        emit_line(gap + below_line(assessment) + gap)
        emit_line(t("log_head_line", head=head) if head else t("log_head_none"))


def _plain(value: Fraction | Decimal | int | None) -> int | float | None:
    """A number as JSON carries it: whole numbers as integers."""
    if value is None:
        return None
    exact = Fraction(value)
    return exact.numerator if exact.denominator == 1 else float(exact)


def as_json(assessment: Assessment, weights: AssessSettings) -> dict[str, Any]:
    """The contract: ``rows`` of ``member``, ``components`` {name: {value, weight, points}},
    ``total``, ``rank``, ``below_threshold``; and the settings that made them."""
    return {
        "year": assessment.year,
        "org": assessment.org,
        "as_of": assessment.as_of,
        "sessions": assessment.sessions,
        "full_marks": _plain(weights.full_marks),
        "threshold": _plain(weights.threshold),
        "makeup_days": weights.makeup_days,
        "components": [
            {
                "name": component.name,
                "weight": _plain(component.weight),
                "cap": _plain(component.cap),
                "rate": component.rate,
                "full_points": _plain(weights.full_points(component)),
            }
            for component in weights.components
        ],
        "rows": [
            {
                "member": row.member,
                "title": row.title,
                "expected": row.expected,
                "components": {
                    score.name: {
                        "value": _plain(score.value),
                        "weight": _plain(score.weight),
                        "points": _plain(score.points),
                        "cap": _plain(score.cap),
                        "amount": _plain(score.amount),
                        **({"base": score.base} if score.rate else {}),
                    }
                    for score in row.components
                },
                "total": _plain(row.total),
                "rank": row.rank,
                "below_threshold": row.below_threshold,
            }
            for row in assessment.rows
        ],
    }

"""The yearly assessment (学习考评表) as tables and as a Word document in the report's layout.

Every number shown is one the assessment computed (:mod:`studylog.figures.assess`); here they
are only written for a reader: rates as percentages, counts as numbers, points as rounded.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from studylog.documents.layout import Document
from studylog.figures.assess import Assessment
from studylog.figures.scoring import ComponentScore, MemberScore, Weighed
from studylog.text.messages import MESSAGES, join_list, long_date, t
from studylog.text.values import percent


def label(name: str) -> str:
    return t(f"assess_{name}")


def number(value: Fraction | Decimal | int) -> str:
    """A count or an amount of hours as written: 3, 12.5 (at most two decimals)."""
    exact = Fraction(value)
    if exact.denominator == 1:
        return str(exact.numerator)
    return f"{float(exact):.2f}".rstrip("0").rstrip(".")


def shown_value(score: ComponentScore) -> str:
    if score.value is None:
        return "—"
    return percent(float(score.value)) if score.rate else number(score.value)


def shown_cap(component: Weighed) -> str:
    if component.rate:
        return f"{component.cap * 100:g}%"
    unit = f"assess_{component.name}_cap"  # hours say 学时, not 次
    return t(unit if unit in MESSAGES else "assess_times", count=number(component.cap))


def mark(row: MemberScore, assessment: Assessment) -> str:
    threshold = assessment.settings.threshold
    return t("assess_below", threshold=threshold) if row.below_threshold else ""


def score_headers(assessment: Assessment, *, short: bool = False) -> list[str]:
    """排名, 姓名, 职务, 应到次数, then each component's value and points, 总分, 备注.

    ``short``: each points column headed 得分 alone, beside its component (a printed form);
    a listing names it in full (出勤率得分), so that every CSV header is its own.
    """
    headers = [t("assess_col_rank"), t("col_name"), t("col_job_title"),
               t("assess_col_expected_sessions")]  # fmt: skip
    for component in assessment.settings.components:
        points = (
            t("assess_col_points") if short else t("assess_points", label=label(component.name))
        )
        headers += [label(component.name), points]
    return [*headers, t("assess_col_total_score"), t("assess_col_mark")]


def score_rows(assessment: Assessment) -> list[list[str]]:
    rows = []
    for row in assessment.rows:
        cells = [str(row.rank), row.member, row.title or "", str(row.expected)]
        for score in row.components:
            cells += [shown_value(score), str(score.points)]
        rows.append([*cells, str(row.total), mark(row, assessment)])
    return rows


def basis(name: str, assessment: Assessment) -> str:
    return t(f"assess_{name}_basis", days=assessment.settings.makeup_days)


def component_headers() -> list[str]:
    return [t("assess_col_component"), t("assess_col_basis"), t("assess_col_weight"),
            t("assess_col_cap"), t("assess_col_full_points")]  # fmt: skip


def component_rows(assessment: Assessment) -> list[list[str]]:
    settings = assessment.settings
    return [
        [
            label(component.name),
            basis(component.name, assessment),
            str(component.weight),
            shown_cap(component),
            str(settings.full_points(component)),
        ]
        for component in settings.components
    ]


def formula(assessment: Assessment) -> str:
    settings = assessment.settings
    return t(
        "assess_formula",
        full=settings.full_marks,
        weights=settings.total_weight,
        decimals=settings.decimals,
        sessions=assessment.sessions,
    )


def weights_line(assessment: Assessment) -> str:
    settings = assessment.settings
    items = [
        t(
            "assess_weight_item",
            label=label(component.name),
            points=settings.full_points(component),
            weight=component.weight,
            cap=shown_cap(component),
        )
        for component in settings.components
    ]
    return t("assess_weights", items=join_list(items))


def below_line(assessment: Assessment) -> str:
    threshold = assessment.settings.threshold
    below = [row.member for row in assessment.rows if row.below_threshold]
    if not below:
        return t("assess_none_below", threshold=threshold)
    return t("assess_below_line", threshold=threshold, names=below)


def assessment_document(assessment: Assessment, *, org: str) -> Document:
    """The 考评表: the scores first (a wide table opens on a landscape page, its title above
    it), then what each component counts with its weight and cap, the formula, who is below
    the threshold, and the sign-off."""
    settings = assessment.settings
    title = t("assess_title", org=org, year=assessment.year)
    document = Document(title)
    if title.startswith(org) and len(title) > len(org):  # a line may break after the group
        document.title_parts = [org, title[len(org) :]]
    document.author = org
    document.subject = t("assess_title", org="", year=assessment.year).strip(": ")
    intro = t(
        "assess_intro",
        year=assessment.year,
        as_of=long_date(assessment.as_of),
        sessions=assessment.sessions,
        full=settings.full_marks,
        threshold=settings.threshold,
    )
    headers, rows = score_headers(assessment, short=True), score_rows(assessment)
    if not any(row.below_threshold for row in assessment.rows):  # no column left blank
        headers, rows = headers[:-1], [row[:-1] for row in rows]
    document.table(headers, rows, caption=intro)
    document.table(
        component_headers(),
        component_rows(assessment),
        caption=t("assess_components_caption"),
    )
    document.paragraph(formula(assessment))
    document.paragraph(below_line(assessment))
    document.paragraph(org, right=True)
    document.paragraph(long_date(assessment.as_of), right=True)
    return document

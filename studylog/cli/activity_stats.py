"""What ``stats`` adds for members' outputs, self-study and other meetings' first agenda
items (:mod:`studylog.figures.outputs`): its JSON keys, its table rows, its by-member columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from studylog.text.activity_words import Meeting, OutputKind
from studylog.text.messages import t
from studylog.text.vocab import label

if TYPE_CHECKING:
    from studylog.figures.outputs import Activities

#: The by-member table's added columns (JSON rows add ``outputs`` {kind: count} instead of
#: its total).
MEMBER_COLUMNS = [("outputs_total", "fig_outputs"), ("self_study_hours", "fig_self_study_hours")]


def figure_rows(activities: Activities) -> list[dict[str, Any]]:
    """The figures as (label, value) rows of the stats table: nonzero kinds and meetings."""
    figures = activities.figures()
    rows = [
        {"figure": t(f"fig_outputs_{kind}"), "value": count}
        for kind, count in figures["outputs"].items()
        if count
    ]
    if figures["outputs"][OutputKind.ARTICLE.value]:
        rows.append(
            {
                "figure": t("fig_outputs_city_level_or_above"),
                "value": figures["outputs_city_level_or_above"],
            }
        )
    for meeting in Meeting:
        count = figures["first_agenda_by_meeting"][meeting.value]
        if not count:
            continue
        name = label(meeting)
        rows.append({"figure": t("fig_first_agenda_meeting", meeting=name), "value": count})
        latency = activities.latency.get(meeting.value)
        if latency is not None and latency.items:
            rows += [
                {
                    "figure": t("fig_first_agenda_meeting_median", meeting=name),
                    "value": _days(latency.median_days),
                },
                {
                    "figure": t("fig_first_agenda_meeting_longest", meeting=name),
                    "value": latency.longest_days,
                },
            ]
    if activities.self_study:
        from studylog.text.hours import hours_value

        rows.append(
            {"figure": t("fig_self_study_hours"), "value": hours_value(activities.self_study)}
        )
    return rows


def _days(value: float | None) -> str:
    """A number of days as written (14.5, not a percentage)."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def member_cells(activities: Activities | None, name: str | None) -> dict[str, Any]:
    """A by-member table row's added cells: the member's outputs in all, self-study hours."""
    from studylog.text.hours import hours_value

    if activities is None:
        return {}
    if name is None:  # the total row
        return {
            "outputs_total": activities.outputs_total,
            "self_study_hours": hours_value(activities.self_study),
        }
    found = activities.members.get(name)
    if found is None:
        return {"outputs_total": 0, "self_study_hours": hours_value(0)}
    return {
        "outputs_total": sum(found.outputs.values()),
        "self_study_hours": hours_value(found.self_study),
    }


def members_beyond(activities: Activities | None, names: set[str]) -> list[tuple[str, str | None]]:
    """Members with outputs or self-study who have no row of their own (an observer, say):
    rows are added for them so the rows add up to the total."""
    if activities is None:
        return []
    return [(name, found.title) for name, found in activities.members.items() if name not in names]

"""``stats --by month|quarter|member --chart``: the figures as bars, for people who would rather
look than read a table.

By month or quarter: sessions held and the attendance rate, a bar each; by member: the
attendance rate, with attended / expected. On a terminal the bars are solid blocks in colour;
piped, ``#`` on ``.`` with nothing else, so a file or a mail reads the same.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from studylog.cli.display import cell_width, on_terminal, output_width
from studylog.text.messages import t
from studylog.text.values import percent

if TYPE_CHECKING:
    from studylog.figures.tallies import Tallies, YearReport

#: The widest a sessions bar gets: one cell a session up to this many, scaled beyond.
SESSIONS_BAR = 12
#: The widest an attendance-rate bar gets, and the narrowest it is squeezed to.
RATE_BAR, RATE_BAR_LEAST = 40, 5


def bar(fraction: float, width: int, *, fancy: bool) -> str:
    """``fraction`` (0 to 1) of ``width`` cells filled: ``#`` on ``.``, or blocks on a terminal."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    full, empty = ("█", "░") if fancy else ("#", ".")
    return full * filled + empty * (width - filled)


def pad(text: str, width: int) -> str:
    return text + " " * max(width - cell_width(text), 0)


def chart_lines(report: YearReport, *, width: int, fancy: bool) -> list[str]:
    """The chart's lines: a heading line, then one line a row."""
    by_member = report.by == "member"
    rows = [(row.key, row.tallies) for row in report.rows]
    first = t("col_name") if by_member else t("col_period")
    label = max([cell_width(first), *(cell_width(key) for key, _ in rows)])
    most = max([1, *(tallies.sessions.sessions for _, tallies in rows)])
    if by_member:
        count_width = max([5, *(len(_attended(tallies)) for _, tallies in rows)])
        sessions_bar = 0
    else:
        sessions_bar = min(most, SESSIONS_BAR)
        count_width = sessions_bar + 1 + len(str(most))
    count_width = max(count_width, cell_width(_count_heading(by_member)))
    rate_bar = width - label - count_width - len(" 100.0%") - 4
    rate_bar = max(RATE_BAR_LEAST, min(RATE_BAR, rate_bar))
    lines = [
        "  ".join(
            [
                pad(first, label),
                pad(_count_heading(by_member), count_width),
                t("fig_attendance_rate"),
            ]
        )
    ]
    for key, tallies in rows:
        if by_member:
            count = _attended(tallies)
        else:
            held = tallies.sessions.sessions
            count = f"{bar(held / most, sessions_bar, fancy=fancy)} {held}"
        rate = tallies.roll.attendance_rate
        shown_rate = "-" if rate is None else f"{bar(rate, rate_bar, fancy=fancy)} {percent(rate)}"
        lines.append("  ".join([pad(key, label), pad(count, count_width), shown_rate]).rstrip())
    return lines


def _count_heading(by_member: bool) -> str:
    return t("chart_attended") if by_member else t("fig_sessions")


def _attended(tallies: Tallies) -> str:
    return f"{tallies.roll.attended}/{tallies.roll.expected}"


def print_chart(report: YearReport) -> None:
    """The chart on standard output, solid and coloured on a terminal, plain when piped."""
    fancy = on_terminal()
    lines = chart_lines(report, width=output_width(), fancy=fancy)
    if not fancy:
        for line in lines:
            print(line)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=sys.stdout, force_terminal=True, width=output_width(), highlight=False, markup=False
    )
    console.print(Text(lines[0], style="bold"))
    for line in lines[1:]:
        text = Text(line)
        text.highlight_regex("█+", "green")
        text.highlight_regex("░+", "bright_black")
        console.print(text)

"""The chart of attendance by month: an SVG drawn on the server (no script, no library)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    """One month: its label, attended and expected attendances."""

    label: str
    attended: int
    expected: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None


WIDTH, HEIGHT = 760, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 24, 40


def attendance_chart(bars: list[Bar], *, title: str) -> str:
    """Bars of the attendance rate (0–100 %) per month, the count on top of each bar."""
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(bars), 1)
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for step in range(0, 101, 25):  # the grid: 0, 25, 50, 75, 100 %
        y = TOP + plot_height * (1 - step / 100)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#e3dcdc"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="#666">{step}%</text>'
        )
    for index, bar in enumerate(bars):
        x = LEFT + slot * index
        middle = x + slot / 2
        parts.append(
            f'<text x="{middle:.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="12" '
            f'text-anchor="middle" fill="#333">{escape(bar.label)}</text>'
        )
        if bar.rate is None:
            continue
        height = plot_height * bar.rate
        top = TOP + plot_height - height
        colour = "#b71c1c" if bar.rate >= 0.9 else "#e57373"
        parts.append(
            f'<rect x="{x + slot * 0.18:.1f}" y="{top:.1f}" width="{slot * 0.64:.1f}" '
            f'height="{height:.1f}" fill="{colour}"><title>{escape(bar.label)}: '
            f"{bar.attended}/{bar.expected} ({bar.rate * 100:.1f}%)</title></rect>"
            f'<text x="{middle:.1f}" y="{top - 4:.1f}" font-size="11" text-anchor="middle" '
            f'fill="#333">{bar.attended}/{bar.expected}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)

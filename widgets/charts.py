"""Small charts as inline SVG strings: grouped bars and a line of balances.

Why not matplotlib here: each lesson kernel would pay about 35 MB and 0.8 s to import it
(measured on the 2-core laptop), and thirty kernels run at once. These charts need only
rectangles, a polyline and text; SVG scales crisply from a 360 px phone to a projector.
Every label is escaped. Plain Python, no ipywidgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from widgets.money import format_rupiah_short

WIDTH, HEIGHT = 400, 250
LEFT, RIGHT, TOP, BOTTOM = 70, 8, 12, 54
FONT = 'font-family="sans-serif" font-size="13"'


def _nice_max(value: int) -> int:
    """A round axis top at or above ``value`` (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1
    power = 1
    while power * 10 <= value:
        power *= 10
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _axis(top: int, bottom: int) -> tuple[int, int]:
    """Axis range that always includes zero."""
    high = _nice_max(max(top, 0))
    low = -_nice_max(-bottom) if bottom < 0 else 0
    return low, high


def _svg(body: list[str], title: str) -> str:
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'style="max-width:640px;height:auto;display:block">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _intervals(span: int) -> int:
    """How many gridline steps make round labels: 5 → 5×1, 2 → 4×0,5, 1 → 5×0,2."""
    leading = int(str(abs(span))[0]) if span else 1
    return 4 if leading == 2 else 5


def _gridlines(low: int, high: int, y_of) -> list[str]:
    parts = []
    steps = _intervals(high if low == 0 else high - low)
    for i in range(steps + 1):
        value = low + (high - low) * i // steps
        y = y_of(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{"#888" if value == 0 else "#ddd"}"/>'
            f'<text x="{LEFT - 6}" y="{y + 5:.1f}" text-anchor="end" {FONT} fill="#444">'
            f"{escape(format_rupiah_short(value))}</text>"
        )
    return parts


def _scale(low: int, high: int):
    span = (high - low) or 1
    return lambda v: TOP + (HEIGHT - TOP - BOTTOM) * (high - v) / span


def bar_chart(
    labels: Sequence[str], series: dict[str, Sequence[int]], colors: Sequence[str], title: str
) -> str:
    """Grouped bars: one group per label, one bar per series, with a legend."""
    values = [v for vals in series.values() for v in vals] or [0]
    low, high = _axis(max(values), min(values))
    y_of = _scale(low, high)
    body = _gridlines(low, high, y_of)
    group_w = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    for s, (name, vals) in enumerate(series.items()):
        for g, value in enumerate(vals):
            x = LEFT + g * group_w + group_w * 0.1 + s * bar_w
            y0, y1 = sorted((y_of(0), y_of(value)))
            body.append(
                f'<rect x="{x:.1f}" y="{y0:.1f}" width="{bar_w:.1f}" height="{y1 - y0:.1f}" '
                f'fill="{colors[s % len(colors)]}"><title>{escape(name)}: '
                f"{escape(labels[g])} {escape(format_rupiah_short(value))}</title></rect>"
            )
    body += _x_labels(labels, group_w)
    body += _legend(list(series), colors)
    return _svg(body, title)


def line_chart(labels: Sequence[str], values: Sequence[int], title: str, color: str) -> str:
    """A line through ``values`` (e.g. the balance after each day)."""
    low, high = _axis(max(values, default=0), min(values, default=0))
    y_of = _scale(low, high)
    body = _gridlines(low, high, y_of)
    step = (WIDTH - LEFT - RIGHT) / max(len(values), 1)
    points = " ".join(
        f"{LEFT + step * (i + 0.5):.1f},{y_of(v):.1f}" for i, v in enumerate(values)
    )
    body.append(f'<polyline points="{points}" fill="none" stroke="{color}" stroke-width="3"/>')
    body += _x_labels(labels, step, every=max(1, len(labels) // 6))
    return _svg(body, title)


def _x_labels(labels: Sequence[str], step: float, every: int = 1) -> list[str]:
    parts = []
    for i, label in enumerate(labels):
        if i % every:
            continue
        x = LEFT + step * (i + 0.5)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle" {FONT} '
            f'fill="#333">{escape(label)}</text>'
        )
    return parts


def _legend(names: list[str], colors: Sequence[str]) -> list[str]:
    parts, x = [], LEFT
    for i, name in enumerate(names):
        parts.append(
            f'<rect x="{x}" y="{HEIGHT - 22}" width="14" height="14" '
            f'fill="{colors[i % len(colors)]}"/>'
            f'<text x="{x + 20}" y="{HEIGHT - 10}" {FONT} fill="#333">{escape(name)}</text>'
        )
        x += 28 + 8 * len(name)
    return parts

"""Small charts as inline SVG strings: grouped bars, a line of balances, profit against pieces
sold (with the break-even point), and labelled horizontal bars for long names.

Why not matplotlib here: each lesson kernel would pay about 35 MB and 0.8 s to import it
(measured on the 2-core laptop), and thirty kernels run at once. These charts need only
rectangles, a polyline and text; SVG scales crisply from a 360 px phone to a projector.
Every label is escaped. Plain Python, no ipywidgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from widgets.core.money import format_rupiah_short
from widgets.core.theme import ACCENT, AXIS, AXIS_TEXT, GAIN, GRID, HEADING, INFO, LOSS, TEXT_DARK

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


def _svg(body: list[str], title: str, height: int = HEIGHT) -> str:
    return (
        f'<svg viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
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
            f'stroke="{AXIS if value == 0 else GRID}"/>'
            f'<text x="{LEFT - 6}" y="{y + 5:.1f}" text-anchor="end" {FONT} fill="{AXIS_TEXT}">'
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
            f'fill="{TEXT_DARK}">{escape(label)}</text>'
        )
    return parts


def _legend(names: list[str], colors: Sequence[str]) -> list[str]:
    parts, x = [], LEFT
    for i, name in enumerate(names):
        parts.append(
            f'<rect x="{x}" y="{HEIGHT - 22}" width="14" height="14" '
            f'fill="{colors[i % len(colors)]}"/>'
            f'<text x="{x + 20}" y="{HEIGHT - 10}" {FONT} fill="{TEXT_DARK}">{escape(name)}</text>'
        )
        x += 28 + 8 * len(name)
    return parts


PROFIT_COLOR, LOSS_COLOR = GAIN, LOSS


def _zero_crossings(points: list[tuple[float, int]]) -> list[tuple[float, float]]:
    """The points with the places the line crosses zero put in between (x, value)."""
    out: list[tuple[float, float]] = []
    for i, (x, v) in enumerate(points):
        if i and (points[i - 1][1] < 0 < v or v < 0 < points[i - 1][1]):
            x0, v0 = points[i - 1]
            out.append((x0 + (x - x0) * v0 / (v0 - v), 0.0))
        out.append((x, float(v)))
    return out


def _area(points: list[tuple[float, float]], y_of, keep, color: str) -> str:
    """The area between the line and zero where ``keep(value)``, as one filled polygon."""
    if len(points) < 2:
        return ""
    line = [f"{x:.1f},{y_of(v if keep(v) else 0):.1f}" for x, v in points]
    base = [f"{points[-1][0]:.1f},{y_of(0):.1f}", f"{points[0][0]:.1f},{y_of(0):.1f}"]
    return f'<polygon points="{" ".join(line + base)}" fill="{color}" fill-opacity="0.18"/>'


def _round_ticks(low: int, high: int, most: int = 6) -> list[int]:
    """Gridline values at a round step (1, 2 or 5 × 10ⁿ) covering low..high and zero."""
    low, high = min(low, 0), max(high, 0)
    step = 1
    while -(-high // step) - (low // step) > most:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return list(range(low // step * step, -(-high // step) * step + 1, step))


def profit_chart(units: Sequence[int], profits: Sequence[int], title: str,
                 break_even: int | None = None, break_even_label: str = "",
                 axis_label: str = "") -> str:
    """Profit (or loss) against pieces sold: a line over green (profit) and red (loss) areas,
    and a dashed line at the break-even point when it lies on the chart."""
    ticks = _round_ticks(min(profits, default=0), max(profits, default=0))
    low, high = ticks[0], ticks[-1]
    y_of = _scale(low, high)
    body = [
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y_of(v):.1f}" y2="{y_of(v):.1f}" '
        f'stroke="{AXIS if v == 0 else GRID}"/>'
        f'<text x="{LEFT - 6}" y="{y_of(v) + 5:.1f}" text-anchor="end" {FONT} fill="{AXIS_TEXT}">'
        f"{escape(format_rupiah_short(v))}</text>" for v in ticks]
    first, last = (units[0], units[-1]) if units else (0, 1)
    span = (last - first) or 1
    x_of = lambda u: LEFT + (WIDTH - LEFT - RIGHT) * (u - first) / span  # noqa: E731
    points = _zero_crossings([(x_of(u), p) for u, p in zip(units, profits, strict=True)])
    body.append(_area(points, y_of, lambda v: v > 0, PROFIT_COLOR))
    body.append(_area(points, y_of, lambda v: v < 0, LOSS_COLOR))
    line = " ".join(f"{x:.1f},{y_of(v):.1f}" for x, v in points)
    body.append(f'<polyline points="{line}" fill="none" stroke="{INFO}" stroke-width="3"/>')
    if break_even is not None and first <= break_even <= last:
        x = x_of(break_even)
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
            f'stroke="{HEADING}" stroke-width="2" stroke-dasharray="5 4"/>'
            f'<text x="{x + (4 if x < WIDTH / 2 else -4):.1f}" y="{TOP + 14}" {FONT} '
            f'text-anchor="{"start" if x < WIDTH / 2 else "end"}" fill="{HEADING}">'
            f"{escape(break_even_label)}</text>")
    every = max(1, -(-len(units) // 7))
    for i, u in enumerate(units):
        if i % every == 0:
            anchor = "end" if i == len(units) - 1 else "middle"  # the last one stays inside
            body.append(f'<text x="{x_of(u):.1f}" y="{HEIGHT - BOTTOM + 20}" '
                        f'text-anchor="{anchor}" {FONT} fill="{TEXT_DARK}">{u}</text>')
    body.append(f'<text x="{(LEFT + WIDTH - RIGHT) / 2:.0f}" y="{HEIGHT - 10}" '
                f'text-anchor="middle" {FONT} fill="{TEXT_DARK}">{escape(axis_label)}</text>')
    return _svg(body, title)


HBAR_ROW = 46
HBAR_FONT = 'font-family="sans-serif" font-size="16"'  # phone-sized: names are the point


def hbar_chart(labels: Sequence[str], values: Sequence[int], title: str,
               color: str = ACCENT) -> str:
    """One labelled bar per value, its name and amount on a line above it: long names (sales
    channels) stay readable on a phone. Negative values run left of the zero line in red."""
    low, high = min(0, *values) if values else 0, max(0, *values) if values else 0
    span = (high - low) or 1
    left, right = 8, WIDTH - 8
    x_of = lambda v: left + (right - left) * (v - low) / span  # noqa: E731
    body = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 8 + i * HBAR_ROW
        x0, x1 = sorted((x_of(0), x_of(value)))
        body.append(
            f'<text x="{left}" y="{y + 15}" {HBAR_FONT} fill="{TEXT_DARK}">{escape(label)}</text>'
            f'<text x="{right}" y="{y + 15}" {HBAR_FONT} text-anchor="end" font-weight="bold" '
            f'fill="{TEXT_DARK}">{escape(format_rupiah_short(value))}</text>'
            f'<rect x="{x0:.1f}" y="{y + 22}" width="{x1 - x0:.1f}" height="16" '
            f'fill="{color if value >= 0 else LOSS_COLOR}"><title>{escape(label)}: '
            f"{escape(format_rupiah_short(value))}</title></rect>")
    if low < 0:
        x = x_of(0)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="4" y2="{8 + len(values) * HBAR_ROW}" '
                    f'stroke="{AXIS}"/>')
    return _svg(body, title, height=12 + max(len(values), 1) * HBAR_ROW)


def grouped_hbar_chart(labels: Sequence[str], series: dict[str, Sequence[int]],
                       colors: Sequence[str], title: str,
                       fmt: Callable[[int], str] = format_rupiah_short) -> str:
    """Horizontal bars grouped per label (a member), one bar per series (a sharing method),
    each with its amount at the right; the legend on top. Names of any length stay readable
    on a phone, and the chart grows downwards with the number of labels. ``fmt`` writes the
    amounts (rupiah by default; days or pieces for a roster)."""
    names = list(series)
    values = [v for vals in series.values() for v in vals] or [0]
    low, high = min(0, *values), max(0, *values)
    span = (high - low) or 1
    left, right = 8, WIDTH - 84  # the amounts sit right of the bars
    x_of = lambda v: left + (right - left) * (v - low) / span  # noqa: E731
    legend_rows = (len(names) + 1) // 2 if len(names) > 1 else 0  # one series: no legend
    body = []
    for i, name in enumerate(names if legend_rows else []):
        x, y = left + (i % 2) * (WIDTH // 2), 6 + (i // 2) * 20
        body.append(f'<rect x="{x}" y="{y}" width="14" height="14" '
                    f'fill="{colors[i % len(colors)]}"/>'
                    f'<text x="{x + 20}" y="{y + 12}" {FONT} fill="{TEXT_DARK}">'
                    f"{escape(name)}</text>")
    top = 6 + legend_rows * 20
    group_h = 24 + 17 * len(names)
    for g, label in enumerate(labels):
        y = top + g * group_h
        body.append(f'<text x="{left}" y="{y + 15}" font-family="sans-serif" font-size="15" '
                    f'font-weight="bold" fill="{TEXT_DARK}">{escape(label)}</text>')
        for s, name in enumerate(names):
            value = series[name][g]
            x0, x1 = sorted((x_of(0), x_of(value)))
            bar_y = y + 21 + s * 17
            body.append(
                f'<rect x="{x0:.1f}" y="{bar_y}" width="{max(x1 - x0, 1):.1f}" height="13" '
                f'fill="{colors[s % len(colors)]}"><title>{escape(label)} · {escape(name)}: '
                f"{escape(fmt(value))}</title></rect>"
                f'<text x="{WIDTH - 8}" y="{bar_y + 12}" font-family="sans-serif" '
                f'font-size="14" text-anchor="end" fill="{TEXT_DARK}">{escape(fmt(value))}</text>')
    bottom = top + len(labels) * group_h
    if low < 0:
        x = x_of(0)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}" stroke="{AXIS}"/>')
    return _svg(body, title, height=bottom + 6)

"""The pricing lesson's SVG charts: profit against pieces sold (round gridlines, loss and profit
areas, the break-even line) and labelled horizontal bars. Well-formed and escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from widgets.core.charts import (
    BOTTOM,
    HEIGHT,
    LOSS_COLOR,
    PROFIT_COLOR,
    TOP,
    WIDTH,
    _round_ticks,
    hbar_chart,
    profit_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<script>alert(1)</script>"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (the kit's own output)


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


def test_profit_chart_for_the_keset():
    # 0..120 keset, profit = 1.000 × units − 72.000: loss until 72, profit after
    units = list(range(0, 121, 20))
    svg = profit_chart(units, [1_000 * u - 72_000 for u in units], "Untung", 72, "impas: 72",
                       "buah terjual")
    root = parse(svg)
    labels = texts(root)
    assert {"-Rp50 rb", "Rp0", "Rp50 rb", "-Rp100 rb"} <= set(labels)  # round gridlines
    assert "impas: 72" in labels and "buah terjual" in labels and "120" in labels
    fills = [p.get("fill") for p in root.iter(f"{SVG}polygon")]
    assert fills == [PROFIT_COLOR, LOSS_COLOR]
    dashed = [line for line in root.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(dashed) == 1
    x = float(dashed[0].get("x1"))
    assert 70 + (WIDTH - 78) * 0.59 < x < 70 + (WIDTH - 78) * 0.61  # 72 of 120
    last = [t for t in root.iter(f"{SVG}text") if "".join(t.itertext()) == "120"][0]
    assert last.get("text-anchor") == "end"  # stays inside the picture


def test_profit_chart_without_break_even_has_no_dashed_line():
    root = parse(profit_chart([0, 10, 20], [-1_000, -3_000, -5_000], "Rugi"))
    assert not [line for line in root.iter(f"{SVG}line") if line.get("stroke-dasharray")]


def test_profit_chart_line_stays_inside_the_plot():
    root = parse(profit_chart([0, 5, 10], [-7_000, 3_000, 13_000], "t", 4, "impas"))
    [line] = root.iter(f"{SVG}polyline")
    ys = [float(p.split(",")[1]) for p in line.get("points").split()]
    assert all(TOP - 0.1 <= y <= HEIGHT - BOTTOM + 0.1 for y in ys)
    assert len(ys) == 4  # the zero crossing is added between 0 and 5


def test_profit_chart_escapes_its_texts():
    svg = profit_chart([0, 1], [0, 1], EVIL, 1, EVIL, EVIL)
    assert "<script" not in svg
    assert EVIL in texts(parse(svg))


@given(st.integers(-10**9, 10**9), st.integers(-10**9, 10**9))
def test_round_ticks_cover_the_range_and_zero_in_round_steps(a, b):
    low, high = min(a, b), max(a, b)
    ticks = _round_ticks(low, high)
    assert ticks[0] <= min(low, 0) and ticks[-1] >= max(high, 0)
    assert 0 in ticks and len(ticks) <= 7
    if len(ticks) > 1:
        step = ticks[1] - ticks[0]
        assert str(step).rstrip("0") in ("1", "2", "5")
        assert all(y - x == step for x, y in zip(ticks, ticks[1:], strict=False))


def test_hbar_chart_rows_amounts_and_negative_bars():
    svg = hbar_chart(["Jual langsung", "Shopee", EVIL], [450_000, -12_000, 0], "Sebulan")
    root = parse(svg)
    labels = texts(root)
    assert "Jual langsung" in labels and "Rp450 rb" in labels and "-Rp12 rb" in labels
    assert EVIL in labels and "<script" not in svg
    bars = [r for r in root.iter(f"{SVG}rect")]
    assert len(bars) == 3
    assert bars[1].get("fill") == LOSS_COLOR
    assert float(bars[0].get("width")) > float(bars[1].get("width")) >= 0
    assert root.get("viewBox") == "0 0 400 150"  # grows with the rows


def test_hbar_chart_with_no_rows_is_still_an_svg():
    assert parse(hbar_chart([], [], "Kosong")).tag == f"{SVG}svg"

"""The inline SVG charts: well-formed, escaped, one bar per value, sane with odd data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.core.charts import BOTTOM, HEIGHT, TOP, _nice_max, bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<script>alert(1)</script>"


def parse(svg: str) -> ET.Element:
    """Parse as XML: an unescaped '<' or '&' in a label makes this fail."""
    root = ET.fromstring(svg)  # noqa: S314 (the kit's own output, not foreign XML)
    assert root.tag == f"{SVG}svg"
    return root


def rects(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}rect"))


def bars(root: ET.Element) -> list[ET.Element]:
    """The data bars: the legend's swatches are the 14 px squares at the bottom."""
    return [r for r in rects(root) if r.find(f"{SVG}title") is not None]


def all_text(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter() if el.tag in (f"{SVG}text",
                                                                        f"{SVG}title")]


def test_bar_chart_has_one_bar_per_value_and_a_legend_swatch_per_series():
    svg = bar_chart(["Okt", "Nov", "Des"], {"Masuk": [300_000, 0, 150_000],
                                            "Keluar": [100_000, 250_000, 50_000]},
                    ["#1a7f37", "#b42318"], "Uang masuk dan keluar")
    root = parse(svg)
    assert len(bars(root)) == 6
    assert len(rects(root)) == 6 + 2
    assert svg.count("<rect") == 8
    fills = [r.get("fill") for r in bars(root)]
    assert fills == ["#1a7f37"] * 3 + ["#b42318"] * 3
    assert root.find(f"{SVG}title").text == "Uang masuk dan keluar"
    assert {"Okt", "Nov", "Des", "Masuk", "Keluar"} <= set(all_text(root))


def test_bigger_values_draw_taller_bars():
    root = parse(bar_chart(["a", "b", "c"], {"x": [100, 200, 400]}, ["#000"], "t"))
    heights = [float(r.get("height")) for r in bars(root)]
    assert heights[0] < heights[1] < heights[2]
    assert heights[1] == pytest.approx(2 * heights[0], abs=0.2)


@pytest.mark.parametrize("where", ["label", "series", "title"])
def test_labels_are_escaped(where):
    labels = [EVIL if where == "label" else "Des"]
    series = {EVIL if where == "series" else "Masuk": [1000]}
    title = EVIL if where == "title" else "Judul"
    svg = bar_chart(labels, series, ["#000"], title)
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert not list(root.iter(f"{SVG}script"))
    assert any(EVIL in text for text in all_text(root))  # shown as the text it is


def test_line_chart_escapes_labels_and_title():
    svg = line_chart([EVIL, "Nov"], [100, 200], EVIL, "#b4541a")
    assert "<script" not in svg
    root = parse(svg)
    assert EVIL in all_text(root)
    assert f'aria-label="{EVIL}"' not in svg


def test_ampersand_and_quotes_in_labels_keep_the_svg_well_formed():
    svg = bar_chart(['Kain & "benang"'], {"Bu Sari's": [5]}, ["#000"], "A & B")
    root = parse(svg)
    assert 'Kain & "benang"' in all_text(root)


@pytest.mark.parametrize("series", [{}, {"Masuk": []}, {"Masuk": [], "Keluar": []}])
def test_bar_chart_with_no_data_draws_no_bars(series):
    root = parse(bar_chart([], series, ["#000", "#111"], "Kosong"))
    assert bars(root) == []


def test_line_chart_with_no_data_is_still_an_svg():
    root = parse(line_chart([], [], "Kosong", "#b4541a"))
    assert len(list(root.iter(f"{SVG}polyline"))) == 1


def test_negative_bars_hang_below_the_zero_line():
    root = parse(bar_chart(["a", "b"], {"Selisih": [300_000, -120_000]}, ["#000"], "Selisih"))
    up, down = bars(root)
    zero = float(up.get("y")) + float(up.get("height"))
    assert float(down.get("y")) == pytest.approx(zero, abs=0.1)
    assert float(down.get("height")) > 0
    # The axis reaches below zero with a round number.
    assert any(text.startswith(("-", "−")) for text in all_text(root))


def test_line_chart_with_negative_balances_stays_inside_the_plot():
    root = parse(line_chart(["a", "b", "c"], [-50_000, 20_000, -5_000], "Saldo", "#000"))
    [line] = root.iter(f"{SVG}polyline")
    ys = [float(point.split(",")[1]) for point in line.get("points").split()]
    assert len(ys) == 3
    assert all(TOP - 0.1 <= y <= HEIGHT - BOTTOM + 0.1 for y in ys)


amounts = st.integers(min_value=-10**12, max_value=10**12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(amounts, min_size=0, max_size=6), min_size=1, max_size=3),
       st.lists(st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=8),
                min_size=6, max_size=6))
def test_any_bar_data_gives_a_well_formed_chart_inside_its_plot(values, labels):
    groups = max(len(v) for v in values)
    series = {f"s{i}": v for i, v in enumerate(values)}
    root = parse(bar_chart(labels[:groups] + [""] * (groups - len(labels[:groups])), series,
                           ["#000"], "t"))
    drawn = bars(root)
    assert len(drawn) == sum(len(v) for v in values)
    for rect in drawn:
        y, height = float(rect.get("y")), float(rect.get("height"))
        assert height >= 0
        assert TOP - 0.1 <= y and y + height <= HEIGHT - BOTTOM + 0.1


def _is_nice(n: int) -> bool:
    return re.fullmatch(r"[125]0*", str(n)) is not None


def _next_smaller_nice(n: int) -> int:
    """The round number just below ``n`` (1 → 0): 100 → 50, 200 → 100, 500 → 200."""
    text = str(n)
    if text == "1":
        return 0
    return {"1": n // 2, "2": n // 2, "5": n * 2 // 5}[text[0]]


@given(st.integers(min_value=-10**6, max_value=10**15))
def test_nice_max_is_the_smallest_round_number_at_or_above(value):
    top = _nice_max(value)
    assert isinstance(top, int)
    assert top >= value and top >= 1
    assert _is_nice(top), top
    assert _next_smaller_nice(top) < max(value, 1)


@pytest.mark.parametrize(("value", "top"), [
    (-5, 1), (0, 1), (1, 1), (2, 2), (3, 5), (6, 10), (10, 10), (11, 20), (150_000, 200_000),
    (385_000, 500_000), (1_150_000, 2_000_000), (5_000_000, 5_000_000), (5_000_001, 10_000_000),
])
def test_nice_max_examples(value, top):
    assert _nice_max(value) == top

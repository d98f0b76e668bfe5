"""The grouped horizontal bars of the profit-sharing comparison: well-formed, escaped, one bar
per member and method, longer bars for bigger shares, losses left of zero."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from widgets.core.charts import grouped_hbar_chart

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)  # noqa: S314 (the kit's own output): fails on unescaped text
    return [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]


def test_one_bar_per_member_and_method_with_legend_and_amounts():
    svg = grouped_hbar_chart(["Sudarto", "Heri Kuswanto"],
                             {"Dibagi rata": [1_950_000, 1_950_000],
                              "Menurut kerja": [2_228_572, 1_273_469]},
                             ["#667085", "#b4541a"], "Bagian per anggota")
    found = bars(svg)
    assert len(found) == 4
    # member by member, one bar per method in the legend's order
    assert [b.get("fill") for b in found] == ["#667085", "#b4541a"] * 2
    assert sorted(b.get("fill") for b in found) == sorted(["#667085"] * 2 + ["#b4541a"] * 2)
    width = {b.find(f"{SVG}title").text: float(b.get("width")) for b in found}
    assert width["Sudarto · Menurut kerja: Rp2,2 jt"] > width["Sudarto · Dibagi rata: Rp2 jt"]
    assert width["Heri Kuswanto · Menurut kerja: Rp1,3 jt"] < width[
        "Heri Kuswanto · Dibagi rata: Rp2 jt"]
    assert "Rp2,2 jt" in svg and "Dibagi rata" in svg and "Heri Kuswanto" in svg


def test_labels_are_escaped():
    evil = "<script>alert(1)</script>"
    svg = grouped_hbar_chart([evil], {evil: [5]}, ["#000"], evil)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    bars(svg)


def test_a_loss_runs_left_of_the_zero_line():
    svg = grouped_hbar_chart(["A", "B"], {"x": [-400, 600]}, ["#000"], "t")
    found = bars(svg)
    zero = [ln for ln in ET.fromstring(svg).iter(f"{SVG}line")]  # noqa: S314
    assert len(zero) == 1
    x_zero = float(zero[0].get("x1"))
    loss, gain = found
    assert float(loss.get("x")) + float(loss.get("width")) <= x_zero + 0.1
    assert float(gain.get("x")) >= x_zero - 0.1


def test_the_chart_grows_with_the_members():
    small = grouped_hbar_chart(["A"], {"x": [1]}, ["#000"], "t")
    big = grouped_hbar_chart([f"m{i}" for i in range(10)], {"x": list(range(10))}, ["#000"], "t")
    height = lambda svg: float(ET.fromstring(svg).get("viewBox").split()[3])  # noqa: E731,S314
    assert height(big) > 5 * height(small)


def test_amounts_can_be_days_not_rupiah():
    svg = grouped_hbar_chart(["Heri"], {"Hari ngarit": [8]}, ["#000"], "t",
                             fmt=lambda v: f"{v} hari")
    assert "8 hari" in svg and "Rp" not in svg


def test_one_series_needs_no_legend():
    svg = grouped_hbar_chart(["A", "B"], {"Hari ngarit": [3, 5]}, ["#000"], "t")
    root = ET.fromstring(svg)  # noqa: S314
    assert len(list(root.iter(f"{SVG}rect"))) == len(bars(svg)) == 2
    assert "Hari ngarit" in svg  # still named, in each bar's tooltip

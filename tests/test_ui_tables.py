"""The shared money table (widgets.ui.tables): the HTML the page template turns into cards."""

from __future__ import annotations

import re

import pytest

from widgets.cashbook import ledger
from widgets.cashbook.ui.cashbook import CHART_MONTHS, months_chart, summary_html
from widgets.core.village import load_village
from widgets.ui.tables import Cell, Row, money_table


def test_every_figure_carries_its_column_label():
    html = money_table(["Bulan", "Masuk", "Keluar"], [
        Row("Jun 2019", ["Rp1.936.000", Cell("Rp2.270.000", "uk-out", {"data-amount": 2270000})],
            css="uk-first")])
    assert '<tr class="uk-first"><td class="uk-cards-name">Jun 2019</td>' in html
    assert '<td class="num" data-label="Masuk"><span>Rp1.936.000</span></td>' in html
    assert ('<td class="num uk-out" data-label="Keluar" data-amount="2270000">'
            "<span>Rp2.270.000</span></td>") in html
    assert re.search(r"<thead><tr><th class=\"uk-cards-name\">Bulan</th>"
                     r"<th class=\"num\">Masuk</th><th class=\"num\">Keluar</th></tr></thead>",
                     html)


def test_labels_and_attributes_are_escaped():
    evil = '"><script>x()</script>'
    html = money_table(["Nama", evil], [Row("A", [Cell("1", attrs={"data-x": evil})])],
                       css="uk-x")
    assert "<script>" not in html
    assert 'data-label="&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"' in html


def test_a_row_must_fill_every_column():
    with pytest.raises(ValueError, match="2 figures for 3 columns"):
        money_table(["Bulan", "Masuk", "Keluar", "Selisih"], [Row("Jun", ["1", "2"])])
    with pytest.raises(ValueError):
        money_table(["Bulan"], [])


def test_lesson_one_summary_is_a_money_table_with_every_month():
    book = load_village().cashbook("konveksi")
    html = summary_html(book)
    table = html[html.index('<table class="uk-cards'):html.index("</table>")]
    assert table.count("<tr>") == 1 + 7  # header + June to December 2019
    assert 'data-label="Selisih"><span><b>-Rp1.731.000</b>' in table
    # The chart beside it shows the same seven months, and says what it shows.
    assert html.count("<title>Masuk: ") == html.count("<title>Keluar: ") == 7  # one bar each
    assert '<p class="uk-chart-title"><b>Uang masuk dan keluar per bulan</b></p>' in html


def test_a_chart_with_fewer_months_than_the_table_says_so():
    months = [ledger.MonthSummary(2019 + (m - 1) // 12, (m - 1) % 12 + 1, 100_000, 50_000,
                                  50_000)
              for m in range(6, 6 + CHART_MONTHS + 2)]
    html = months_chart(months)
    assert html.count("<title>Masuk: ") == CHART_MONTHS
    title = re.search(r'uk-chart-title"><b>(.*?)</b>', html).group(1)
    assert title == f"Uang masuk dan keluar, {CHART_MONTHS} bulan terakhir (Agu 2019–Jul 2020)"

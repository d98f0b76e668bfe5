"""The goat group's herd book and cash book tell the same story (cashbook.herdbook)."""

from __future__ import annotations

import csv
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from widgets.cashbook.herdbook import herd_and_cash, month_end, reconcile
from widgets.cashbook.ledger import Entry
from widgets.cashbook.ui.lesson import herd_book_html, herd_cash_html
from widgets.core.village import load_village
from widgets.sharing.data import HerdEvent, load_sharing

D = dt.date


def _jepara():
    return herd_and_cash(load_village("jepara"))


def test_the_example_books_agree():
    result = _jepara()
    assert result.agree and result.mismatches == ()
    events = [e for e in load_sharing(load_village("jepara")).herd_events()
              if result.start <= e.day <= result.end]
    sales = [e for e in events if e.event == "jual"]
    assert sales, "the example period must hold a goat sale"
    assert result.sales_cash == sum(e.price for e in sales) == result.money("jual")
    assert result.closing_count == result.counted


def test_the_counts_follow_the_herd_log():
    village = load_village("jepara")
    result = herd_and_cash(village)
    herd = load_sharing(village)
    assert result.opening_count == herd.herd_size(result.start - dt.timedelta(days=1)).total
    assert result.closing_count == herd.herd_size(result.end).total


def _log(*rows):
    return [HerdEvent(day, event, does, bucks, "", price) for day, event, does, bucks, price
            in rows]


START, END = D(2019, 1, 1), D(2019, 3, 31)
LOG = _log((D(2018, 6, 1), "awal", 5, 2, None), (D(2019, 2, 1), "lahir", 1, 1, None),
           (D(2019, 2, 10), "jual", 0, -2, 5_000_000), (D(2019, 3, 1), "beli", 0, 1, 2_000_000))


def _cash(*rows):
    return [Entry(day, what, direction, category, amount) for day, what, direction, category,
            amount in rows]


def test_a_sale_missing_from_the_cash_book_is_named():
    cash = _cash((D(2019, 3, 1), "pejantan", "out", "lain_keluar", 2_000_000))
    result = reconcile(LOG, cash, START, END)
    assert not result.agree
    [miss] = result.mismatches
    assert (miss.book, miss.day, miss.event, miss.amount) == ("herd", D(2019, 2, 10), "jual",
                                                              5_000_000)


def test_sales_money_without_goats_sold_is_named():
    cash = _cash((D(2019, 2, 10), "jual", "in", "penjualan", 5_000_000),
                 (D(2019, 2, 20), "jual lagi", "in", "penjualan", 1_500_000),
                 (D(2019, 3, 1), "pejantan", "out", "lain_keluar", 2_000_000))
    result = reconcile(LOG, cash, START, END)
    [extra] = result.mismatches
    assert (extra.book, extra.amount) == ("cash", 1_500_000)
    assert result.sales_cash == 6_500_000 != result.money("jual")


def test_a_different_amount_or_day_does_not_count_as_the_twin():
    for day, amount in ((D(2019, 2, 11), 5_000_000), (D(2019, 2, 10), 4_900_000)):
        cash = _cash((day, "jual", "in", "penjualan", amount),
                     (D(2019, 3, 1), "pejantan", "out", "lain_keluar", 2_000_000))
        assert len(reconcile(LOG, cash, START, END).mismatches) == 2


def test_matching_books_agree_and_count():
    cash = _cash((D(2019, 2, 10), "jual", "in", "penjualan", 5_000_000),
                 (D(2019, 3, 1), "pejantan", "out", "lain_keluar", 2_000_000),
                 (D(2019, 3, 2), "dedak", "out", "pakan_obat", 300_000),
                 (D(2019, 4, 2), "dedak, after the period", "out", "pakan_obat", 300_000))
    result = reconcile(LOG, cash, START, END)
    assert result.agree
    assert (result.opening_count, result.closing_count) == (7, 8)
    assert [result.count(e) for e in ("lahir", "mati", "jual", "beli")] == [2, 0, 2, 1]
    assert result.feed_total == 300_000


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=8))
def test_the_count_always_closes(changes):
    log = _log((D(2018, 1, 1), "awal", 10, 10, None),
               *[(D(2019, 1, 1 + i), "lahir", d, b, None) for i, (d, b) in enumerate(changes)])
    result = reconcile(log, [], START, END)
    assert result.counted == result.closing_count == 20 + sum(d + b for d, b in changes)


def test_month_end():
    assert month_end(D(2019, 8, 5)) == D(2019, 8, 31)
    assert month_end(D(2019, 12, 1)) == D(2019, 12, 31)
    assert month_end(D(2020, 2, 3)) == D(2020, 2, 29)


def test_a_broken_copy_of_the_cash_book_disagrees_on_screen(copy):
    path = copy / "kambing_kas_2019.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    kept = [r for r in rows if r["kategori"] != "penjualan" or r["tanggal"] != "2019-08-05"]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(kept)
    result = herd_and_cash(load_village("jepara", root=copy.parent))
    assert not result.agree
    assert [(m.book, m.day) for m in result.mismatches] == [("herd", D(2019, 8, 5))]


def test_the_lesson_views_show_both_books_labelled_as_invented():
    herd, cash = herd_book_html(), herd_cash_html()
    result = _jepara()
    for html in (herd, cash):
        assert "contoh karangan untuk latihan" in html.lower()
    assert f">{result.opening_count}<" in herd and f">{result.closing_count}<" in herd
    assert herd.count("<tr>") == len(result.lines) + 2  # the head, the opening, each event
    assert "✓" in cash and "✗" not in cash and "Cocok:" in cash


def test_a_pond_of_catfish_is_counted_with_thousands_dots():
    from widgets.cashbook.ui.herd_html import count_line, herd_table
    log = _log((D(2018, 1, 1), "awal", 500, 500, None),
               (D(2019, 1, 7), "lahir", 600, 634, None))
    result = reconcile(log, [], START, END)
    table = herd_table(result)
    assert ">1.000<" in table and ">+1.234<" in table and ">2.234<" in table
    assert "1000" not in table and "2234" not in count_line(result)


def test_a_herd_that_first_arrives_inside_the_period_still_closes():
    from widgets.cashbook.ui.herd_html import count_line
    log = _log((D(2019, 1, 8), "awal", 500, 500, None), (D(2019, 2, 5), "mati", -25, -25, None))
    result = reconcile(log, [], START, END)
    assert (result.opening_count, result.closing_count) == (0, 950)
    assert result.counted == 950 and result.agree
    assert "1.000 di awal" in count_line(result) and "= 950" in count_line(result)


def test_a_mismatch_is_shown_with_the_note_escaped():
    from widgets.cashbook.ui.herd_html import cash_check_html

    log = _log((D(2018, 6, 1), "awal", 5, 2, None), (D(2019, 2, 10), "jual", 0, -2, 5_000_000))
    log = [HerdEvent(e.day, e.event, e.does, e.bucks, "<b>pasar</b>", e.price) for e in log]
    result = reconcile(log, [], START, END)
    html = cash_check_html(result, "Kelompok <i>", 0, [])
    assert "&lt;b&gt;pasar&lt;/b&gt;" in html and "<b>pasar" not in html
    assert "Kelompok &lt;i&gt;" in html and "Belum cocok" in html and "✗" in html

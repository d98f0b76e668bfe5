"""Lesson 3's step tables, headless: the price from the cost and the break-even point, with
the givens from the village data and from the cost sheet (widgets/pricing/ui/pricesteps.py)."""

from __future__ import annotations

from view_helpers import fill

from widgets.pricing.ui import lesson as lesson3
from widgets.pricing.ui.costsheet import CostSheetView


def typed(view, *values: str) -> None:
    for row, value in zip(view.table.rows, values, strict=True):
        row.field.control.value = value
    view.table.check_button.click()


def test_price_steps_for_the_keset_bulat(fresh_page):
    view = lesson3.price_steps()
    assert view.cost.control.value == "Rp16.400" and view.margin.control.value == "20"
    typed(view, "3.280", "19.600", "20rb")
    messages = [row.field.message.value for row in view.table.rows]
    assert "Benar" in messages[0] and "Belum tepat (Rp19.600)" in messages[1]
    assert "Jumlahkan biaya dan hasil Langkah 1" in messages[1]
    assert "Rp20.000" not in view.table.status.value
    view.table.rows[1].field.control.value = "19.680"
    view.table.check_button.click()
    assert "Harga jual: Rp20.000. Untungnya Rp3.600 per buah." in view.table.status.value


def test_price_steps_new_givens_and_bad_input(fresh_page):
    view = lesson3.price_steps()
    fill(view, cost="1,5 jt", margin="10")
    view.use.click()
    assert view.table.table.final == 1_650_000
    fill(view, cost="seribu")
    view.use.click()
    assert "uk-msg-error" in view.cost.message.value and view.table.rows == []
    fill(view, cost="0")
    view.use.click()
    assert "lebih dari Rp0" in view.cost.message.value


def test_price_steps_follow_the_cost_sheet(fresh_page):
    sheet = CostSheetView(product="keset_bulat")
    view = lesson3.price_steps()
    sheet.minutes.control.value = "0"
    sheet.calculate.click()
    assert view.cost.control.value == "Rp11.400"
    assert view.table.table.step("price").answer == 13_680


def test_break_even_steps_at_15000_and_20000(fresh_page):
    view = lesson3.break_even_steps()
    assert (view.fixed.control.value, view.price.control.value,
            view.variable.control.value) == ("Rp72.000", "Rp15.000", "Rp14.000")
    typed(view, "1.000", "72")
    assert "Titik impas: 72 buah sebulan." in view.table.status.value
    fill(view, price="20rb")
    view.use.click()
    typed(view, "6rb", "12")
    assert "Titik impas: 12 buah sebulan." in view.table.status.value


def test_break_even_steps_when_every_sale_loses(fresh_page):
    view = lesson3.break_even_steps()
    fill(view, price="14rb")
    view.use.click()
    assert view.table.rows == [] and "setiap penjualan rugi" in view.table.status.value

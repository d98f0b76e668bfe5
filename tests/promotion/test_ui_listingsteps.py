"""Lesson 6's listing price in steps, headless: the participant types each step, gets feedback
per step, and the right answer is saved for the trainer (widgets/promotion/ui/listingsteps.py)."""

from __future__ import annotations

import datetime as dt

from widgets.pricing import channels
from widgets.promotion.ui import lesson5
from widgets.promotion.ui.listingsteps import EXERCISE, ListingStepsView
from widgets.store.answers import answers
from widgets.ui.common import PAGE

TODAY = dt.date(2026, 11, 28)


def typed(view, *values: str) -> None:
    for row, value in zip(view.table.rows, values, strict=True):
        row.field.control.value = value
    view.table.check_button.click()


def test_shopee_25000_step_by_step(fresh_page, store):
    PAGE.session = store.sign_in("Bu Tester", "2468")
    view = ListingStepsView(today=TODAY)
    assert view.target.control.value == "Rp25.000"  # the example net from harga.yaml
    assert "biaya admin 10%" in view.givens.value and "Rp1.250" in view.givens.value
    typed(view, "26.250", "89,5", "29.329", "25rb")
    messages = [row.field.message.value for row in view.table.rows]
    assert "Benar: Rp26.250." in messages[0] and "Benar: 89,5%." in messages[1]
    assert "Belum tepat (Rp29.329)" in messages[2] and "bulatkan ke atas" in messages[2]
    assert answers(PAGE.session, EXERCISE) == []
    view.table.rows[2].field.control.value = "29.330"
    view.table.check_button.click()
    assert "Harga tayang: pasang Rp29.330." in view.table.status.value
    assert "Rp29.500" in view.table.status.value
    saved = answers(PAGE.session, EXERCISE)
    assert [a.answer for a in saved] == [{"platform": "shopee", "target": 25_000,
                                          "price": 29_330}]


def test_tokopedia_and_the_statement_change_the_steps(fresh_page):
    view = ListingStepsView(today=TODAY)
    view.platform.control.value = "tokopedia"  # 10% with the 20% tier discount: 8%
    assert view.table.table.step("left").answer == 9_150
    assert view.table.table.final == 28_688
    view.statement.value = True
    assert view.table.table.step("left").answer == 9_200
    cut = channels.Terms("tokopedia", 800, 1_250, 0)
    assert view.table.table.final == channels.listing_price(25_000, cut)


def test_bad_target_gets_a_plain_message_and_no_rows(fresh_page):
    view = lesson5.listing_price_steps()
    for bad in ("dua puluh", "-5000", "0"):
        view.target.control.value = bad
        view.use.click()
        assert "uk-msg-error" in view.target.message.value, bad
        assert view.table.rows == []
    view.target.control.value = "1,5 jt"
    view.use.click()
    assert view.table.table.step("add").answer == 1_501_250


def test_signed_out_nothing_is_saved(fresh_page):
    view = ListingStepsView(today=TODAY)
    typed(view, "26.250", "89,5", "29.330", "25.000")
    assert "Harga tayang" in view.table.status.value  # no error for want of a session

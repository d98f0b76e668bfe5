"""The stock card's view, headless: sign in, choose or type a shop, write Antar / Laku /
Kembali / Bayar, see the per-shop table and the nota, see the credit book and the cash book
change, find it all again after signing in anew; bad input is explained under its field and
nothing is saved; a shop's name is shown as text, never as HTML."""

from __future__ import annotations

import base64
import datetime as dt
import re
from html import unescape

import pytest

from widgets.cashbook import credit, credit_db
from widgets.cashbook import db as cash_db
from widgets.core.i18n import t
from widgets.promotion import db
from widgets.promotion.ui import lesson5
from widgets.promotion.ui.stockcard import StockCardView
from widgets.store import Store
from widgets.ui.common import PAGE
from widgets.ui.signin import SignInView

TODAY = dt.date.today()
DAY = TODAY - dt.timedelta(days=3)
NAME, PIN = "Sari Wulandari", "2580"

pytestmark = pytest.mark.usefixtures("fresh_page")


class Page:
    """Lesson 6 on one phone: the sign-in and the stock card."""

    def __init__(self, store: Store) -> None:
        self.signin = SignInView(store=store)
        self.view = lesson5.stock_card()

    def sign_in(self) -> None:
        self.signin.name.control.value = NAME
        self.signin.pin.control.value = PIN
        self.signin.submit.click()

    def card(self, shop: str = "Warung Bu Sri", price: str = "12rb") -> None:
        self.view.pick.value = None
        self.view.shop.control.value = shop
        self.view.price.control.value = price

    def goods(self, kind: str, quantity: str, day: dt.date = DAY) -> None:
        self.view.day.control.value = day
        self.view.quantity.control.value = quantity
        self.view.goods[kind].click()

    def pay(self, amount: str, day: dt.date = DAY) -> None:
        self.view.day.control.value = day
        self.view.amount.control.value = amount
        self.view.pay.click()


@pytest.fixture
def page(store: Store) -> Page:
    opened = Page(store)
    opened.sign_in()
    return opened


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def nota(view: StockCardView) -> str:
    found = re.search(r'href="data:text/html;charset=utf-8;base64,([^"]+)"',
                      view.downloads.value)
    assert found, view.downloads.value
    return base64.b64decode(found.group(1)).decode("utf-8")


def test_a_card_from_delivery_to_payment_in_both_books_and_after_a_reload(page, store):
    assert isinstance(page.view, StockCardView)
    page.card()
    page.goods("antar", "10")
    assert "10 buah diantar ke Warung Bu Sri" in text(page.view.status.value)
    page.goods("laku", "4")
    assert "Toko berutang Rp48.000" in text(page.view.status.value)
    page.goods("kembali", "2")
    page.pay("30rb")
    assert "Toko masih berutang Rp18.000" in text(page.view.status.value)
    table = text(page.view.table.value)
    for words in ("Diantar 10 buah", "Laku 4 buah", "Kembali 2 buah", "Masih di toko 4 buah",
                  "Hasil barang laku Rp48.000", "Sudah dibayar toko Rp30.000",
                  "Toko masih berutang Rp18.000"):
        assert words in table
    session = PAGE.session
    (debt,) = credit_db.debts(session)
    assert (debt.who, debt.amount) == ("Warung Bu Sri", 48_000)
    (line,) = cash_db.entries(session)
    assert (line.amount, line.direction, line.day) == (30_000, "in", DAY)
    assert credit.reconcile(credit_db.debts(session), credit_db.payments(session),
                            cash_db.entries(session)) == []
    printed = nota(page.view)
    assert "Nota Titip Jual" in printed and "Rp18.000" in printed
    assert printed.count('class="line"') == 2

    page.signin.sign_out.click()
    assert "Warung" not in page.view.table.value and page.view.downloads.value == ""
    again = Page(store)  # a reload: new views, same store
    again.sign_in()
    assert "Toko masih berutang Rp18.000" in text(again.view.table.value)


def test_choosing_a_card_fills_the_form(page):
    page.card()
    page.view.days.control.value = "14"
    page.goods("antar", "5")
    page.view.pick.value = None
    page.view.shop.control.value = page.view.price.control.value = ""
    (card,) = db.stock_cards(PAGE.session)
    page.view.pick.value = card.id
    assert (page.view.shop.control.value, page.view.price.control.value,
            page.view.days.control.value) == ("Warung Bu Sri", "Rp12.000", "14")


def test_bad_input_is_explained_by_the_field_and_nothing_is_saved(page):
    page.card(shop=" ", price="abc")
    page.goods("antar", "2,5")
    assert t("stock.err_shop_empty") in text(page.view.shop.message.value)
    assert "abc" in text(page.view.price.message.value)
    assert t("stock.err_quantity") in text(page.view.quantity.message.value)
    assert t("stockui.not_saved") in text(page.view.status.value)
    assert db.stock_cards(PAGE.session) == []

    page.card()
    page.goods("antar", "3")
    page.goods("laku", "5")
    assert "paling banyak 3 buah" in text(page.view.quantity.message.value)
    page.goods("laku", "3", TODAY + dt.timedelta(days=1))
    assert "sesudah hari ini" in text(page.view.day.message.value)
    page.pay("10rb")
    assert "tidak punya utang" in text(page.view.amount.message.value)
    page.pay("-5000")
    assert page.view.amount.message.value and credit_db.debts(PAGE.session) == []
    page.view.price.control.value = "13rb"
    page.goods("antar", "1")
    assert "Rp12.000" in text(page.view.price.message.value)
    assert cash_db.entries(PAGE.session) == []
    assert db.stock_cards(PAGE.session)[0].totals().delivered == 3


def test_paying_needs_a_chosen_card(page):
    page.card()
    page.pay("10rb")
    assert t("stockui.pay_pick_first") in text(page.view.status.value)


def test_a_shop_name_with_markup_is_shown_as_text(page):
    page.card(shop="<b>Warung</b>")
    page.goods("antar", "2")
    shown = page.view.table.value + page.view.status.value + page.view.downloads.value
    assert "<b>Warung</b>" not in shown and "&lt;b&gt;Warung&lt;/b&gt;" in shown
    assert "<b>Warung</b>" not in nota(page.view)
    labels = [label for label, _ in page.view.pick.options]
    assert "<b>Warung</b> · Keset bulat kain perca" in labels  # a Dropdown shows plain text


def test_signed_out_the_card_is_hidden(store):
    view = StockCardView()
    assert view.body.layout.display == "none"
    assert view.signed_out.layout.display == ""

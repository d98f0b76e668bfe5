"""The consignment stock card (*kartu titip jual*) for the participant signed in on this page:
choose or type a shop, product and price to the group; write down Antar / Laku / Kembali /
Bayar; see each card's totals and download the nota for the shop to sign.

A thin view: checks are ``promotion.stockcard``, writes are ``promotion.db`` (a laku is a
piutang in the credit book, a payment from the shop its payments and cash-book lines, each in
one transaction), the HTML is ``promotion.stocknota``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html import escape

import ipywidgets as w

from widgets.cashbook.credit import CreditError
from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.village import load_village
from widgets.promotion import db, stockcard, stocknota
from widgets.promotion.stockcard import Card, StockError
from widgets.ui.common import (
    PAGE,
    Field,
    button,
    file_slug,
    form_refused,
    guard,
    notice_html,
    page_link,
    section,
    show_when_signed_in,
)
from widgets.ui.inputs import row, table_style, text_field

_CSS = ("pick", "status", "table", "downloads")


class StockCardView(w.VBox):
    """Every stock card of the participant signed in, and the form to add to them."""

    def __init__(self, group: str | None = None, today: dt.date | None = None) -> None:
        village_group = load_village().production(group)
        self.group, self.today = village_group.name, today
        self.pick = w.Dropdown(options=[(t("stockui.pick_new"), None)], value=None,
                               layout=w.Layout(width="100%", max_width="520px"))
        self.shop = text_field(t("stockui.shop"), css="uk-stock-shop",
                               placeholder=t("stockui.shop_example"))
        self.product = text_field(t("stockui.product"), village_group.products[0].name,
                                  css="uk-stock-product")
        self.price = text_field(t("stockui.price"), css="uk-stock-price",
                                hint=t("stockui.price_hint"), placeholder="12rb")
        self.days = text_field(t("stockui.days"), str(stockcard.DEFAULT_PAYMENT_DAYS),
                               css="uk-stock-days")
        self.day = Field(t("stockui.day"), w.DatePicker(value=self.day_today),
                         css="uk-stock-day")
        self.quantity = text_field(t("stockui.quantity"), css="uk-stock-quantity",
                                   placeholder="5")
        self.amount = text_field(t("stockui.amount"), css="uk-stock-amount",
                                 placeholder="75rb")
        self.goods = {kind: button(t(f"stockui.{kind}"), "primary")
                      for kind in stockcard.GOODS_KINDS}
        self.pay = button(t("stockui.bayar"), "success")
        self.status, self.table, self.downloads = w.HTML(), w.HTML(), w.HTML()
        self._tag()
        self._wire()
        self.signed_out = w.HTML(notice_html(t("stockui.signin_first"), "warn"))
        self.body = w.VBox([
            w.HTML(notice_html(t("stockui.intro"), "info")),
            w.HTML(f"<b>{escape(t('stockui.pick'))}</b>"), self.pick,
            self.shop, self.product, self.price, self.days, self.day,
            self.quantity, row(*self.goods.values()), self.amount, row(self.pay), self.status,
            section(t("stockui.section_cards")), self.table,
            section(t("stockui.section_nota")), self.downloads,
        ])
        super().__init__([self.signed_out, self.body])
        PAGE.observe(lambda _c: self.refresh(), "revision")
        show_when_signed_in(self.body, self.signed_out, self._session_changed)

    def _tag(self) -> None:
        for name in _CSS:
            getattr(self, name).add_class(f"uk-stock-{name}")
        for kind, control in self.goods.items():
            control.add_class(f"uk-stock-{kind}")
        self.pay.add_class("uk-stock-bayar")

    def _wire(self) -> None:
        self.pick.observe(self._picked, "value")
        for kind, control in self.goods.items():
            control.on_click(lambda _b, kind=kind: self.write_goods(kind))
        self.pay.on_click(lambda _b: self.write_payment())

    @property
    def day_today(self) -> dt.date:
        return self.today or dt.date.today()

    def _session_changed(self) -> None:
        self.status.value = ""
        self.pick.value = None
        self.refresh()

    def cards(self) -> list[Card]:
        return db.stock_cards(PAGE.session) if PAGE.session is not None else []

    def refresh(self) -> None:
        cards = self.cards()
        chosen = self.pick.value
        self.pick.options = [(t("stockui.pick_new"), None)] + [
            (f"{c.shop} · {c.product}", c.id) for c in cards]
        self.pick.value = chosen if chosen in {c.id for c in cards} else None
        self.table.value = table_style() + stocknota.shop_table(cards) if cards else (
            notice_html(t("stock.no_cards"), "info"))
        self.downloads.value = "".join(self._download(c) for c in cards) + (
            notice_html(t("stockui.print_hint"), "info") if cards else "")

    def _download(self, card: Card) -> str:
        name = (f"nota-titip-{file_slug(card.shop, 'toko')}-"
                f"{file_slug(card.product, 'barang', 20)}-{self.day_today.isoformat()}.html")
        page = stocknota.nota_html(card, self.group, self.day_today)
        return page_link("uk-stock-nota", name, page,
                         t("stockui.download", shop=card.shop, product=card.product))

    def _picked(self, _change: object = None) -> None:
        found = [c for c in self.cards() if c.id == self.pick.value]
        if found:
            card = found[0]
            self.shop.control.value, self.product.control.value = card.shop, card.product
            self.price.control.value = format_rupiah(card.price)
            self.days.control.value = str(card.payment_days)

    # --- Writing ------------------------------------------------------------------------

    def _clear(self) -> None:
        for field in (self.shop, self.product, self.price, self.days, self.day, self.quantity,
                      self.amount):
            field.clear()
        self.status.value = ""

    def _fail(self, errors: dict[str, str]) -> None:
        fields = {"shop": self.shop, "who": self.shop, "product": self.product,
                  "what": self.product, "price": self.price, "payment_days": self.days,
                  "day": self.day, "due": self.days, "quantity": self.quantity,
                  "amount": self.amount}
        loose = [message for name, message in errors.items() if name not in fields]
        for name, message in errors.items():
            if name in fields:
                fields[name].error(message)
        self.status.value = "".join(notice_html(m, "error") for m in loose) + notice_html(
            t("stockui.not_saved"), "error")

    def _wanted(self) -> Card:
        """The card the form names (checked again by the store); ``StockError`` lists every
        field that cannot be read."""
        errors: dict[str, str] = {}
        price, days = 0, stockcard.DEFAULT_PAYMENT_DAYS
        try:
            price = stockcard.read_price(self.price.control.value)
        except StockError as exc:
            errors.update(exc.errors)
        text = self.days.control.value.strip()
        if not text.isdigit() or len(text) > 3:
            errors["payment_days"] = t("stock.err_payment_days")
        else:
            days = int(text)
        try:
            card = stockcard.make_card(self.shop.control.value, self.product.control.value,
                                       price or 1, days)
        except StockError as exc:
            errors = {**exc.errors, **errors}
        if errors:
            raise StockError(errors)
        return replace(card, price=price)

    def _read_goods(self) -> tuple[Card, int]:
        """The card and the pieces; every field's problem at once (``StockError``)."""
        errors: dict[str, str] = {}
        wanted, quantity = None, 0
        try:
            wanted = self._wanted()
        except StockError as exc:
            errors.update(exc.errors)
        try:
            quantity = stockcard.read_quantity(self.quantity.control.value)
        except StockError as exc:
            errors.update(exc.errors)
        if errors or wanted is None:
            raise StockError(errors)
        return wanted, quantity

    @guard("writing a stock card move", "stockui.unexpected")
    def write_goods(self, kind: str) -> None:
        self._clear()
        if form_refused(self):
            self.status.value = notice_html(t("stockui.not_saved"), "error")
            return
        try:
            wanted, quantity = self._read_goods()
            card = db.record_goods(PAGE.session, wanted, kind, self.day.control.value, quantity)
        except (StockError, CreditError) as exc:
            self._fail(exc.errors)
            return
        self.quantity.control.value = ""
        PAGE.changed()
        self.pick.value = card.id
        self.status.value = notice_html(t(
            f"stockui.saved_{kind}", count=quantity, shop=card.shop,
            amount=format_rupiah(quantity * card.price)), "ok")

    @guard("writing a payment from a shop", "stockui.unexpected")
    def write_payment(self) -> None:
        self._clear()
        if form_refused(self):
            self.status.value = notice_html(t("stockui.not_saved"), "error")
            return
        if self.pick.value is None:
            self.status.value = notice_html(t("stockui.pay_pick_first"), "error")
            return
        try:
            amount = stockcard.read_amount(self.amount.control.value)
            db.record_shop_payment(PAGE.session, self.pick.value, self.day.control.value,
                                   amount)
        except (StockError, CreditError) as exc:
            self._fail(exc.errors)
            return
        except LookupError:
            PAGE.changed()
            self.status.value = notice_html(t("stockui.card_gone"), "warn")
            return
        self.amount.control.value = ""
        PAGE.changed()
        card = next(c for c in self.cards() if c.id == self.pick.value)
        self.status.value = notice_html(t(
            "stockui.saved_bayar", amount=format_rupiah(amount), shop=card.shop,
            owed=format_rupiah(db.shop_owed(PAGE.session, card.shop))), "ok")

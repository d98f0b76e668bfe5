"""The WhatsApp order link maker: type the group's number, a product and its price, press
*Buat tautan & QR*, and get the wa.me link, its QR code to try with a phone camera, and an A4
sheet of labels to download and print. The work is done by :mod:`widgets.promotion.orderlink`.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TypeVar

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import AmountError, parse_rupiah
from widgets.core.theme import SHEET_BORDER
from widgets.core.village import load_village
from widgets.core.whatsapp import WhatsAppError
from widgets.promotion.checks import is_live_animal
from widgets.promotion.orderlink import (
    MAX_LABELS,
    MAX_PAGES,
    PER_PAGE,
    Label,
    check_group,
    check_message,
    check_product,
    check_qr,
    default_message,
    label_sheet_html,
    normalise_phone,
    order_link,
    pages_needed,
    qr_svg,
    sheet_filename,
)
from widgets.ui.common import Field, button, guard, notice_html, page_link
from widgets.ui.inputs import Reader, rupiah_text, text_field

_guard = guard("order link", "orderlink.unexpected")
T = TypeVar("T")


class OrderLinkView(w.VBox):
    """The form, the button, and under it the link, its QR code and the label download."""

    def __init__(self, product: str = "", price: int | None = None, group: str = "",
                 phone: str = "", labels: int = PER_PAGE, live_animals: bool = False) -> None:
        self.phone = text_field(t("orderlink.field_phone"), phone, css="uk-wa-phone",
                                hint=t("orderlink.hint_phone"), placeholder="0812-3456-7890")
        self.product = text_field(t("orderlink.field_product"), product, css="uk-wa-product")
        self.price = text_field(t("orderlink.field_price"), rupiah_text(price),
                                css="uk-wa-price", hint=t("orderlink.hint_price"))
        self.group = text_field(t("orderlink.field_group"), group, css="uk-wa-group")
        self._auto = default_message(product, price)
        self.message = Field(t("orderlink.field_message"), w.Textarea(value=self._auto, rows=3),
                             t("orderlink.hint_message"), css="uk-wa-message")
        self.reset = button(t("orderlink.reset_message"))
        self.reset.add_class("uk-wa-reset")
        self.count = text_field(t("orderlink.field_count"), str(labels), css="uk-wa-count",
                                hint=t("orderlink.hint_count", per_page=PER_PAGE))
        self.make = button(t("orderlink.make"), "primary")
        self.make.add_class("uk-wa-make")
        self.status = w.HTML()
        self.status.add_class("uk-wa-status")
        self.result = w.HTML()
        self.result.add_class("uk-wa-result")
        self.download = w.HTML()
        self.download.add_class("uk-wa-downloads")
        self.link: str | None = None  # the last link made, for lessons and tests
        self.sheet: str | None = None
        self.product.control.observe(lambda _c: self.suggest_message(), "value")
        self.price.control.observe(lambda _c: self.suggest_message(), "value")
        self.reset.on_click(lambda _b: self.use_default_message())
        self.make.on_click(lambda _b: self.build())
        note = notice_html(t("orderlink.live_animals"), "warn") if live_animals else ""
        super().__init__([
            w.HTML(note), self.phone, self.product, self.price,
            self.group, self.message, self.reset, self.count, self.make, self.status,
            self.result, self.download,
        ], layout=w.Layout(width="100%"))

    # --- The message follows the product until the participant writes their own ----------

    def _default_message(self) -> str:
        try:
            price = parse_rupiah(self.price.control.value)
        except AmountError:
            price = None  # empty, or still being typed: leave the price out for now
        return default_message(self.product.control.value, price)

    @_guard
    def suggest_message(self) -> None:
        """Keep the message in step with product and price, unless the participant changed it."""
        if self.message.control.value.strip() == self._auto.strip():
            self.use_default_message()

    @_guard
    def use_default_message(self) -> None:
        self._auto = self._default_message()
        self.message.control.value = self._auto
        self.message.clear()

    # --- Making the link ------------------------------------------------------------------

    def _check(self, reader: Reader, field: Field, check: Callable[[str], T]) -> T | None:
        field.clear()
        try:
            return check(field.control.value)
        except WhatsAppError as exc:
            reader.fail(field, str(exc))
            return None

    def read(self) -> tuple[Label, int] | None:
        """Every field read, each problem shown under its field; None if any."""
        reader = Reader()
        phone = self._check(reader, self.phone, normalise_phone)
        product = self._check(reader, self.product, check_product)
        price = reader.amount(self.price, optional=True)
        group = self._check(reader, self.group, check_group)
        message = self._check(reader, self.message, check_message)
        count = reader.count(self.count)
        if count > MAX_LABELS:
            reader.fail(self.count, t("orderlink.too_many_labels", limit=MAX_LABELS,
                                      pages=MAX_PAGES))
        if phone is None or message is None:
            return None
        link = order_link(phone, message)
        self._check(reader, self.message, lambda _text: check_qr(link))
        if not reader.ok or product is None or group is None:
            return None
        return Label(product, price, group, link, phone), count

    @_guard
    def build(self) -> None:
        """Read the form; when every field is right, show the link, QR code and download."""
        read = self.read()
        if read is None:
            # The messages sit under the fields; an old QR for other details must not stay
            # on screen to be printed by mistake.
            self.result.value = ""
            self.download.value = ""
            return
        label, count = read
        self.status.value = ""
        self.link = label.link
        self.sheet = label_sheet_html([label], copies=count)
        self.result.value = result_html(label)
        self.download.value = download_html(label, self.sheet, count)


def result_html(label: Label) -> str:
    """The link to tap, its QR code to scan, and how to test it."""
    link = escape(label.link)
    return (
        notice_html(t("orderlink.made"), "ok")
        + f'<div style="font-size:15px;margin:4px 0">{escape(t("orderlink.link_label"))}</div>'
        f'<a class="uk-wa-link" href="{link}" target="_blank" rel="noopener noreferrer" '
        f'style="word-break:break-all;font-size:15px">{link}</a>'
        '<div class="uk-wa-qr" style="width:220px;max-width:80%;margin:10px 0;'
        f'padding:6px;background:#fff;border:1px solid {SHEET_BORDER};border-radius:6px">'
        f'{qr_svg(label.link, t("orderlink.qr_alt"))}</div>'
        + notice_html(t("orderlink.test_hint"), "info")
    )


def download_html(label: Label, sheet: str, count: int) -> str:
    """The label sheet as a link that carries the file itself (nothing is served from disk)."""
    text = t("orderlink.download", count=count, pages=pages_needed(count))
    return page_link("uk-wa-download", sheet_filename(label), sheet, text,
                     t("orderlink.print_hint"))


def order_link_maker(group: str | None = None, phone: str = "") -> OrderLinkView:
    """The maker filled in from the village profile: the group's first product and its name."""
    found = load_village().production(group)
    first = found.products[0] if found.products else None
    live = any(is_live_animal(product.name) for product in found.products)
    return OrderLinkView(product=first.name if first else "",
                         price=first.price if first else None, group=found.name, phone=phone,
                         live_animals=live)

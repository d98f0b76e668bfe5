"""WhatsApp order links (``https://wa.me/62…?text=…``), their QR codes and a printable A4 sheet
of labels to stick on products. Plain Python, no ipywidgets.

A buyer scans the label, WhatsApp opens a chat with the group's number and a message already
written, and the buyer only presses Send. The link and the phone-number checks live in
:mod:`widgets.core.whatsapp` (the credit book's reminders use them too). Everything a
participant typed is escaped in the sheet, and the sheet loads nothing from outside: it opens
and prints on a laptop without internet.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.printable import a4_page
from widgets.core.whatsapp import (  # noqa: F401  (re-exported: lesson 4's names)
    MESSAGE_LIMIT,
    MessageError,
    PhoneError,
    WhatsAppError,
    check_message,
    format_phone,
    normalise_phone,
    wa_link,
)

if TYPE_CHECKING:  # qrcode brings Pillow: loaded with the first code, not with the page
    import qrcode

PRODUCT_LIMIT = 60  # a label has room for about three short lines
GROUP_LIMIT = 60
# A label's QR code is about 31 mm wide. Version 15 has 77 modules, so each is still ~0.35 mm:
# readable by a cheap phone camera held close. Longer links need bigger codes, so refuse them.
MAX_QR_VERSION = 15
COLUMNS, ROWS = 3, 7
PER_PAGE = COLUMNS * ROWS
MAX_PAGES = 10
MAX_LABELS = PER_PAGE * MAX_PAGES

# The link and the phone checks are shared with the credit book's reminders (core.whatsapp).
order_link = wa_link


class OrderLinkError(WhatsAppError):
    """Input we cannot make a label from. ``str(e)`` is the participant's message; ``key`` is
    its catalog key (``orderlink.<key>``). Phone and message problems are the core's
    :class:`PhoneError` and :class:`MessageError`; a view catches all with WhatsAppError."""

    section = "orderlink"


class QrTooLong(MessageError):
    """The link needs a QR code too dense for a label."""

    section = "orderlink"


class LabelError(OrderLinkError):
    """A product or group name that does not fit on a label."""


# --- The message ----------------------------------------------------------------------------


def default_message(product: str, price: int | None = None) -> str:
    """A friendly first message: ``Halo, saya mau pesan Keset … (Rp15.000). Apakah masih ada?``"""
    product = " ".join(product.split())
    if not product:
        return t("orderlink.message_no_product")
    if price is None:
        return t("orderlink.message_plain", product=product)
    return t("orderlink.message_with_price", product=product, price=format_rupiah(price))


# --- QR codes -------------------------------------------------------------------------------


def _qr(link: str, box_size: int = 8) -> qrcode.QRCode:
    """The QR code of ``link`` (error correction M, 4-module quiet zone), small enough to scan
    from a label; else MessageError. The same link always gives the same code."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M
    from qrcode.exceptions import DataOverflowError

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=4)
    code.add_data(link)
    try:
        code.make(fit=True)
    except DataOverflowError:
        raise QrTooLong("qr_too_long") from None
    if code.version > MAX_QR_VERSION:
        raise QrTooLong("qr_too_long")
    return code


def check_qr(link: str) -> None:
    """Raise MessageError when ``link`` would need a QR code too dense for a label."""
    _qr(link)


def qr_png(link: str, box_size: int = 8) -> bytes:
    """The QR code as a black-and-white PNG, ``box_size`` pixels per module."""
    from qrcode.image.pil import PilImage  # Pillow: only when a PNG is asked for

    image = _qr(link, box_size).make_image(image_factory=PilImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def qr_modules(link: str) -> list[list[bool]]:
    """The code's modules row by row, True for dark, the 4-module quiet zone included."""
    return _qr(link).get_matrix()


def qr_path(modules: Sequence[Sequence[bool]]) -> str:
    """SVG path data drawing the dark modules, one unit square each, row by row."""
    return "".join(_runs(row, y) for y, row in enumerate(modules))


def qr_svg(link: str, title: str = "") -> str:
    """The QR code as inline SVG: one path, crisp at any size and in print, a few kB."""
    modules = qr_modules(link)
    size = len(modules)
    label = f"<title>{escape(title)}</title>" if title else ""
    return (f'<svg viewBox="0 0 {size} {size}" role="img" shape-rendering="crispEdges" '
            f'class="uk-qr">{label}<rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path d="{qr_path(modules)}" fill="#000"/></svg>')


def _runs(row: Sequence[bool], y: int) -> str:
    """Path commands for the dark runs of one row of modules."""
    parts, x = [], 0
    while x < len(row):
        if not row[x]:
            x += 1
            continue
        start = x
        while x < len(row) and row[x]:
            x += 1
        parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    return "".join(parts)


# --- Labels ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    product: str
    price: int | None  # whole rupiah; None leaves the price off the label
    group: str
    link: str
    phone: str  # any form normalise_phone accepts; printed as 0812-3456-7890


def check_product(text: str) -> str:
    """The product name for a label, spaces tidied; LabelError if empty or too long."""
    name = " ".join(text.split())
    if not name:
        raise LabelError("product_empty")
    if len(name) > PRODUCT_LIMIT:
        raise LabelError("product_too_long", count=len(name), limit=PRODUCT_LIMIT)
    return name


def check_group(text: str) -> str:
    """The group name for a label (may be empty), spaces tidied."""
    name = " ".join(text.split())
    if len(name) > GROUP_LIMIT:
        raise LabelError("group_too_long", count=len(name), limit=GROUP_LIMIT)
    return name


def make_label(product: str, price: int | None, group: str, phone: str, message: str) -> Label:
    """A checked label: every problem raises a WhatsAppError with the participant's text."""
    if price is not None and (isinstance(price, bool) or not isinstance(price, int)):
        raise TypeError(f"price must be int rupiah or None, got {type(price).__name__}")
    link = order_link(phone, message)
    check_qr(link)
    return Label(check_product(product), price, check_group(group), link,
                 normalise_phone(phone))


def pages_needed(count: int) -> int:
    return max(1, -(-count // PER_PAGE))


def sheet_filename(label: Label) -> str:
    """``label-wa-keset-bulat-kain-perca.html``"""
    slug = re.sub(r"[^a-z0-9]+", "-", label.product.casefold()).strip("-")[:40] or "produk"
    return f"label-wa-{slug}.html"


SHEET_STYLE = """
* { box-sizing: border-box; }
.ukl-page { display: grid; grid-template-columns: repeat(3, 63mm); grid-auto-rows: 39.4mm;
  width: 189mm; break-after: page; page-break-after: always; }
.ukl-page:last-child { break-after: auto; page-break-after: auto; }
.ukl-label { border: 0.3mm dashed #777; display: flex; align-items: center; gap: 1.2mm;
  padding: 1.5mm; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.ukl-qr { width: 29mm; height: 29mm; flex: none; }
.ukl-text { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 0.7mm;
  overflow-wrap: anywhere; line-height: 1.15; }
.ukl-text > div { flex: none; overflow: hidden; }
.ukl-product, .ukl-group { display: -webkit-box; -webkit-box-orient: vertical; }
.ukl-product { font-weight: 700; font-size: 8.5pt; -webkit-line-clamp: 3; line-clamp: 3; }
.ukl-product.ukl-long { font-size: 7pt; -webkit-line-clamp: 4; line-clamp: 4; }
.ukl-price { font-weight: 700; font-size: 11pt; white-space: nowrap; }
.ukl-price.ukl-long { font-size: 9pt; }
.ukl-phone { font-size: 7.5pt; }
.ukl-phone span { white-space: nowrap; }
.ukl-group { font-size: 6.5pt; color: #333; -webkit-line-clamp: 3; line-clamp: 3; }
.ukl-scan { font-size: 6.5pt; font-style: italic; }
@media screen {
  body { background: #e8e4dc; padding: 6mm 0; }
  .ukl-page { margin: 0 auto 6mm; background: #fff; outline: 1px solid #ccc; }
}
"""
# Past these lengths a line of the label's text column would overflow: use a smaller size.
_LONG_PRODUCT, _LONG_PRICE = 28, 9


def _symbols(links: Sequence[str]) -> tuple[str, dict[str, tuple[str, int]]]:
    """Each distinct code drawn once, hidden; every label then shows it with ``<use>``, so
    a sheet of 210 labels stays small and prints sharp."""
    shapes, found = [], {}
    for link in dict.fromkeys(links):
        modules = qr_modules(link)
        ident = f"ukl-qr-{len(found)}"
        found[link] = (ident, len(modules))
        shapes.append(f'<g id="{ident}"><rect width="{len(modules)}" height="{len(modules)}" '
                      f'fill="#fff"/><path d="{qr_path(modules)}" fill="#000"/></g>')
    defs = ('<svg width="0" height="0" style="position:absolute" aria-hidden="true">'
            f'<defs>{"".join(shapes)}</defs></svg>')
    return defs, found


def _size(css: str, text: str, longest: int) -> str:
    return f"{css} ukl-long" if len(text) > longest else css


def _label_html(label: Label, ident: str, size: int) -> str:
    price = ""
    if label.price is not None:
        amount = format_rupiah(label.price)
        price = f'<div class="{_size("ukl-price", amount, _LONG_PRICE)}">{escape(amount)}</div>'
    group = f'<div class="ukl-group">{escape(label.group)}</div>' if label.group else ""
    return (
        f'<div class="ukl-label"><svg class="ukl-qr" viewBox="0 0 {size} {size}" role="img" '
        f'shape-rendering="crispEdges"><title>{escape(t("orderlink.qr_alt"))}</title>'
        f'<use href="#{ident}"/></svg><div class="ukl-text">'
        f'<div class="{_size("ukl-product", label.product, _LONG_PRODUCT)}">'
        f"{escape(label.product)}</div>{price}"
        f'<div class="ukl-phone">{escape(t("orderlink.phone_prefix"))} '
        f'<span>{escape(format_phone(label.phone))}</span></div>'
        f'{group}<div class="ukl-scan">{escape(t("orderlink.scan_to_order"))}</div></div></div>'
    )


def label_sheet_html(labels: Sequence[Label], copies: int = 1) -> str:
    """A complete A4 page (or several): each label ``copies`` times, 3 × 7 to a sheet, with
    dashed cut lines. The QR codes are drawn inside the file, so it prints without internet."""
    if copies < 1 or not labels:
        raise ValueError("label_sheet_html needs at least one label and one copy")
    defs, codes = _symbols([label.link for label in labels])
    cells = []
    for label in labels:
        cells += [_label_html(label, *codes[label.link])] * copies
    pages = "".join(f'<section class="ukl-page">{"".join(cells[i:i + PER_PAGE])}</section>'
                    for i in range(0, len(cells), PER_PAGE))
    title = t("orderlink.sheet_title", product=labels[0].product)
    return a4_page(title, defs + pages, SHEET_STYLE, margin="10mm")

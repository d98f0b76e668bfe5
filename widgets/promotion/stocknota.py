"""The stock card as HTML: the per-shop table that fits a phone, and the A4 nota the shop and
the group sign (every moves line, the totals, two signature lines).

Plain Python, no ipywidgets. Everything a participant typed (shop, product) is escaped here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from widgets.core.i18n import format_date, t
from widgets.core.money import format_rupiah
from widgets.core.printable import a4_page, escape, rows_html
from widgets.promotion.stockcard import Card, Move, Totals, ordered

TOTAL_ROWS = ("delivered", "sold", "returned", "at_shop", "earned", "paid", "owed")
_MONEY = {"earned", "paid", "owed"}


def total_value(totals: Totals, key: str) -> str:
    value = getattr(totals, key)
    return format_rupiah(value) if key in _MONEY else t("stock.pieces", count=value)


def totals_rows(totals: Totals) -> list[tuple[str, str]]:
    """(label, value) for each total, in the order the table shows them."""
    return [(t(f"stock.total_{key}"), total_value(totals, key)) for key in TOTAL_ROWS]


def move_text(move: Move, price: int) -> tuple[str, str]:
    """(what happened, how much) for one line of the card."""
    if move.kind == "bayar":
        return t("stock.move_bayar"), format_rupiah(move.amount)
    if move.kind == "laku":
        return (t("stock.move_laku"),
                t("stock.laku_value", count=move.quantity, price=format_rupiah(price),
                  amount=format_rupiah(move.amount)))
    return t(f"stock.move_{move.kind}"), t("stock.pieces", count=move.quantity)


def shop_table(cards: Iterable[Card]) -> str:
    """One small table per card: two columns (what, how much), so it fits 360 px; a shop with
    several cards gets a line with what it owes for all of them."""
    parts: list[str] = []
    by_shop: dict[str, list[Card]] = {}
    for card in cards:
        by_shop.setdefault(card.shop.casefold(), []).append(card)
    for group in by_shop.values():
        parts += [_card_table(card) for card in group]
        if len(group) > 1:
            owed = format_rupiah(sum(c.totals().owed for c in group))
            parts.append(f'<p class="uk-stock-shop-owed" style="font-weight:700;margin:0 0 '
                         f'12px">{escape(t("stock.shop_owed", shop=group[0].shop, owed=owed))}'
                         "</p>")
    return "".join(parts) or f"<p>{escape(t('stock.no_cards'))}</p>"


def _card_table(card: Card) -> str:
    head = t("stock.card_head", shop=card.shop, product=card.product,
             price=format_rupiah(card.price))
    body = "".join(
        f'<tr class="uk-stock-{key.replace("_", "-")}"><td>{escape(label)}</td>'
        f'<td class="num">{escape(value)}</td></tr>'
        for key, (label, value) in zip(TOTAL_ROWS, totals_rows(card.totals()), strict=True))
    return (f'<table class="uk-price uk-stock-table"><caption style="text-align:left;'
            f'font-weight:700;padding:6px 0">{escape(head)}</caption>{body}</table>')


_STYLE = (
    "body{max-width:180mm;margin:0 auto;font-size:11.5pt;line-height:1.4}h1{font-size:16pt;"
    "text-align:center;margin:0 0 2mm}p.sub{text-align:center;margin:0 0 5mm}"
    "table{width:100%;border-collapse:collapse;margin:3mm 0}td,th{border:1px solid #999;"
    "padding:1.5mm 2.5mm;text-align:left;vertical-align:top}th{background:#f4f1ec}"
    "td.num{text-align:right;white-space:nowrap}"
    ".sign{display:flex;justify-content:space-between;margin-top:12mm;gap:10mm}"
    ".sign div{flex:1;text-align:center}.sign .line{margin-top:22mm;border-top:1px solid #111}"
)


def nota_body(card: Card, group: str, today: dt.date) -> str:
    lines = "".join(
        f"<tr><td>{escape(format_date(m.day))}</td><td>{escape(what)}</td>"
        f'<td class="num">{escape(much)}</td></tr>'
        for m in ordered(card.moves) for what, much in [move_text(m, card.price)])
    if not lines:
        lines = f'<tr><td colspan="3">{escape(t("stock.no_moves"))}</td></tr>'
    head = (f"<tr><th>{escape(t('stock.col_day'))}</th><th>{escape(t('stock.col_what'))}</th>"
            f"<th>{escape(t('stock.col_amount'))}</th></tr>")
    return (
        f"<h1>{escape(t('stock.nota_title'))}</h1>"
        f'<p class="sub">{escape(t("stock.nota_between", group=group, shop=card.shop))}<br>'
        f'{escape(t("stock.nota_product", product=card.product, price=format_rupiah(card.price)))}'
        f"</p><table>{head}{lines}</table>"
        f"<table>{rows_html(totals_rows(card.totals()))}</table>"
        f"<p>{escape(t('stock.nota_agree', day=format_date(today)))}</p>"
        f'<div class="sign"><div>{escape(t("stock.sign_shop"))}<br>{escape(card.shop)}'
        f'<div class="line"></div></div><div>{escape(t("stock.sign_group"))}<br>'
        f'{escape(group)}<div class="line"></div></div></div>'
    )


def nota_html(card: Card, group: str, today: dt.date) -> str:
    """A complete HTML file to open in any browser and print on A4 for the shop to sign."""
    title = f"{t('stock.nota_title')} · {card.shop} · {card.product}"
    return a4_page(title, nota_body(card, group, today), _STYLE, margin="15mm")

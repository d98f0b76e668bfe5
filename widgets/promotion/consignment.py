"""A consignment agreement (*titip jual*) with a village shop or supermarket: the checklist of
what must be agreed before goods leave the house, the money per piece, and the agreement as a
page to print on A4 and sign.

Plain Python, no ipywidgets. The checklist follows lesson 5: price, commission, when the shop
pays, what happens to unsold goods, and who bears damage or loss.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from widgets.core.i18n import format_date, t
from widgets.core.money import format_rupiah
from widgets.core.numbers import BASIS, format_percent, share
from widgets.core.printable import a4_page, escape, rows_html
from widgets.promotion.checks import Finding

DAMAGE = ("group", "partner", "half")
CHECKLIST = ("price", "commission", "payment", "returns", "damage", "quantity")


@dataclass(frozen=True)
class Agreement:
    group: str
    partner: str
    product: str
    price: int | None = None  # what the buyer pays in the shop
    commission: int | None = None  # basis points of the price the shop keeps
    payment_days: int | None = None  # the shop pays this many days after a sale
    returns_days: int | None = None  # unsold goods are taken back after this many days
    damage: str = ""  # who bears damaged or lost goods: group, partner, half
    quantity: int | None = None
    day: dt.date | None = None

    def net_per_piece(self) -> int | None:
        if self.price is None or self.commission is None:
            return None
        return self.price - share(self.price, self.commission)

    def commission_per_piece(self) -> int | None:
        if self.price is None or self.commission is None:
            return None
        return share(self.price, self.commission)


def check_agreement(agreement: Agreement) -> list[Finding]:
    """One finding per checklist item not yet agreed, in the lesson's order; an ``ok``
    finding when everything is there."""
    missing = {
        "price": agreement.price is None,
        "commission": agreement.commission is None,
        "payment": agreement.payment_days is None,
        "returns": agreement.returns_days is None,
        "damage": agreement.damage not in DAMAGE,
        "quantity": agreement.quantity is None,
    }
    found = [Finding(f"agreement_{item}", "warn", t(f"consign.missing_{item}"),
                     t(f"consign.why_{item}")) for item in CHECKLIST if missing[item]]
    if not agreement.partner:
        found.insert(0, Finding("agreement_partner", "warn", t("consign.missing_partner"),
                                t("consign.why_partner")))
    if agreement.commission is not None and agreement.commission >= BASIS // 2:
        found.append(Finding("agreement_commission_high", "warn",
                             t("consign.commission_high",
                               rate=format_percent(agreement.commission)),
                             t("consign.commission_high_fix")))
    if not found:
        found.append(Finding("agreement_ok", "ok", t("consign.complete"),
                             t("consign.complete_fix")))
    return found


def summary_rows(a: Agreement) -> list[tuple[str, str]]:
    """The agreed terms as (label, value); a missing term shows a blank line to fill by hand."""
    blank = "…………………………"
    net = a.net_per_piece()
    damage = t(f"consign.damage_{a.damage}") if a.damage in DAMAGE else blank
    total = (format_rupiah(net * a.quantity) if net is not None and a.quantity is not None
             else blank)
    return [
        (t("consign.row_product"), a.product or blank),
        (t("consign.row_quantity"), str(a.quantity) if a.quantity is not None else blank),
        (t("consign.row_price"), format_rupiah(a.price) if a.price is not None else blank),
        (t("consign.row_commission"),
         t("consign.commission_value", rate=format_percent(a.commission),
           amount=format_rupiah(a.commission_per_piece() or 0))
         if a.commission is not None and a.price is not None else blank),
        (t("consign.row_net"), format_rupiah(net) if net is not None else blank),
        (t("consign.row_total"), total),
        (t("consign.row_payment"),
         t("consign.payment_value", days=a.payment_days) if a.payment_days is not None
         else blank),
        (t("consign.row_returns"),
         t("consign.returns_value", days=a.returns_days) if a.returns_days is not None
         else blank),
        (t("consign.row_damage"), damage),
    ]


_STYLE = (
    "body{font-family:system-ui,sans-serif;color:#111;"
    "max-width:180mm;margin:0 auto;font-size:12pt;line-height:1.45}h1{font-size:17pt;"
    "text-align:center;margin:0 0 4mm}p.sub{text-align:center;margin:0 0 6mm}"
    "table{width:100%;border-collapse:collapse;margin:4mm 0}td{border:1px solid #999;"
    "padding:2mm 3mm;vertical-align:top}td:first-child{width:45%;background:#f4f1ec}"
    ".sign{display:flex;justify-content:space-between;margin-top:14mm;gap:10mm}"
    ".sign div{flex:1;text-align:center}.sign .line{margin-top:22mm;border-top:1px solid #111}"
    "ol{padding-left:6mm}"
)


def agreement_body(a: Agreement) -> str:
    day = format_date(a.day) if a.day else "……………………"
    rows = rows_html(summary_rows(a))
    points = "".join(f"<li>{escape(t(f'consign.clause_{i}'))}</li>" for i in range(1, 5))
    partner = a.partner or "……………………"
    return (
        f"<h1>{escape(t('consign.title'))}</h1>"
        f'<p class="sub">{escape(t("consign.between", group=a.group, partner=partner))}</p>'
        f"<table>{rows}</table><ol>{points}</ol>"
        f"<p>{escape(t('consign.signed_on', day=day))}</p>"
        f'<div class="sign"><div>{escape(t("consign.sign_group"))}<br>{escape(a.group)}'
        f'<div class="line"></div></div><div>{escape(t("consign.sign_partner"))}<br>'
        f'{escape(partner)}<div class="line"></div></div></div>'
    )


def agreement_html(a: Agreement) -> str:
    """A complete HTML file to open in any browser and print on one A4 page."""
    title = f"{t('consign.title')} · {a.group} · {a.partner}"
    return a4_page(title, agreement_body(a), _STYLE, margin="18mm")

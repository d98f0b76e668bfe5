"""Where each marketplace figure comes from, as HTML for the lessons: every fee with its source
and date, the six-month warning when the figures are old, and Bukalapak as history. Plain
Python (no ipywidgets), so lesson 2's channel view and lesson 5 both show it."""

from __future__ import annotations

import datetime as dt
from html import escape

from widgets.core.i18n import catalog, format_date, local, t
from widgets.core.money import format_rupiah
from widgets.core.notice import notice_html
from widgets.core.numbers import format_percent
from widgets.core.theme import RULE, WARN
from widgets.pricing.fees import (
    STALE_MONTHS,
    FeeData,
    Marketplace,
    PercentFee,
    months_before,
)


def cluster_name(key: str) -> str:
    full = f"pricing.cluster_{key}"
    return t(full) if full in catalog() else key


def stale_warning(fees: FeeData, today: dt.date) -> str:
    """The "check Seller Centre" warning when any rate is more than six months old."""
    stale = fees.stale(today)
    if not stale:
        return ""
    oldest = min(rate.as_of for rate in stale)
    return notice_html(t("pricing.stale_warning", months=STALE_MONTHS,
                         oldest=format_date(oldest)), "warn")


def _ranges(fee: PercentFee) -> str:
    parts = [t("pricing.src_range", cluster=cluster_name(key), low=format_percent(c.low),
               high=format_percent(c.high)) for key, c in fee.clusters.items()]
    text = " · ".join(parts)
    if fee.tier is not None:
        text += ". " + t("pricing.src_tier", tier=format_percent(fee.tier),
                         discount=format_percent(fee.tier_discount),
                         effective=format_percent(fee.effective(fee.tier)))
    return text


def _source_block(what: str, value: str, rate, today: dt.date) -> str:
    stale = rate.as_of < _stale_limit(today)
    marks = []
    if rate.unverified:
        marks.append(t("pricing.src_unverified"))
    if stale:
        marks.append(t("pricing.src_old", months=STALE_MONTHS))
    mark = f' <b style="color:{WARN}">⚠ {escape(" · ".join(marks))}</b>' if marks else ""
    return (f'<div class="uk-src" style="padding:6px 0;border-bottom:1px solid {RULE}">'
            f"<b>{escape(what)}</b><br>{escape(value)}<br><small>"
            f"{escape(t('pricing.src_source', source=rate.source, date=format_date(rate.as_of)))}"
            f"</small>{mark}</div>")


def _stale_limit(today: dt.date) -> dt.date:
    return months_before(today, STALE_MONTHS)


def _market_blocks(market: Marketplace, today: dt.date) -> list[str]:
    fee = market.order_fee
    order = t("pricing.src_order_value", amount=format_rupiah(fee.amount), per=local(fee.per),
              starts=format_date(fee.starts))
    if fee.exempt_first_orders:
        order += " " + t("pricing.src_exempt", orders=fee.exempt_first_orders)
    return [
        _source_block(t("pricing.src_admin", name=market.name,
                        seller=local(market.admin_fee.seller)),
                      _ranges(market.admin_fee), market.admin_fee.dated, today),
        _source_block(t("pricing.src_order", name=market.name), order, fee.dated, today),
        _source_block(t("pricing.src_charged_on", name=market.name), local(market.charged_on),
                      market.charged_on_dated, today),
    ]


def fee_sources_html(fees: FeeData, today: dt.date | None = None, warn: bool = True) -> str:
    """Every marketplace rule with its figure, source and date; Bukalapak as history. With
    ``warn``, the six-month warning first (a view that shows it already passes False)."""
    today = today or dt.date.today()
    blocks = [block for market in fees.marketplaces.values()
              for block in _market_blocks(market, today)]
    tax = fees.pph22
    blocks.append(_source_block(
        t("pricing.src_pph"),
        t("pricing.src_pph_value", rate=format_percent(tax.rate), starts=format_date(tax.starts),
          limit=format_rupiah(tax.exempt_up_to)), tax.dated, today))
    blocks.append(notice_html(t("pricing.src_pph_group", rate=format_percent(tax.rate),
                                source=tax.dated.source), "warn"))
    gone = fees.bukalapak
    history = notice_html(t("pricing.src_bukalapak", announced=format_date(gone.announced),
                            last=format_date(gone.last_orders), source=gone.dated.source), "info")
    warning = stale_warning(fees, today) if warn else ""
    # How the kit rounds each cut is for the trainer (docs/pelajaran-03-harga.md), not the phone.
    return warning + f"<h4>{escape(t('pricing.src_title'))}</h4>" + "".join(blocks) + history

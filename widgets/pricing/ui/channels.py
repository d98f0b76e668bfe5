"""Lesson 3's channel views: what each way of selling leaves per piece and per month (table and
bars) and the marketplace fees with their dates and sources. (The listing price for a target
net is lesson 6's step table, ``widgets.promotion.ui.listingsteps``.)

Thin views over ``pricing.channels`` and ``pricing.fees``. ``today`` is injectable so tests can
pin the date the six-month warning is measured from.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.core.charts import hbar_chart
from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.numbers import format_percent
from widgets.core.theme import ACCENT, GAIN, LOSS
from widgets.pricing import channels, costing
from widgets.pricing.channels import ChannelError, ChannelNet, Settings
from widgets.pricing.data import PricingData, load_pricing
from widgets.pricing.fees import (
    FeeData,
    load_fees,
)
from widgets.pricing.sources import cluster_name, fee_sources_html, stale_warning
from widgets.pricing.ui.costsheet import LATEST
from widgets.ui.common import Field, button, notice_html, tick_box
from widgets.ui.inputs import Reader, percent_text, row, rupiah_text, table_style, text_field

PROFIT, BAR = GAIN, ACCENT
MAX_RATE = channels.MAX_FEE_RATE


# --- The comparison -------------------------------------------------------------------------


def _cut_text(net: ChannelNet) -> str:
    parts = []
    for cut in net.deductions:
        if cut.amount == 0 and cut.key in ("order_fee", "pph22"):
            continue
        rate = format_percent(cut.rate) if cut.rate is not None else ""
        parts.append(f"{t(f'sales.cut_{cut.key}', rate=rate)} {format_rupiah(cut.amount)}")
    when = t(f"sales.when_{net.channel}", days=net.paid_after_days or 0)
    return " · ".join(parts + [when])


def comparison_html(nets: list[ChannelNet], units: int, cost: int | None) -> str:
    """Two columns that fit a phone (channel and its cuts · money received per piece and per
    month), then the bars of the month's net."""
    head = (f"<tr><th>{escape(t('pricing.ch_col_channel'))}</th>"
            f"<th class='num'>{escape(t('pricing.ch_col_received', units=units))}</th></tr>")
    rows = []
    for net in nets:
        note = escape(_cut_text(net))
        if cost is not None:
            margin = net.net_per_unit - cost
            key = "pricing.ch_profit_line" if margin >= 0 else "pricing.ch_loss_line"
            note += (f'<br><b style="color:{PROFIT if margin >= 0 else LOSS}">'
                     f"{escape(t(key, amount=format_rupiah(abs(margin))))}</b>")
        rows.append(
            f'<tr class="uk-ch-row uk-ch-{net.channel}"><td><b>'
            f"{escape(t(f'sales.name_{net.channel}'))}</b><br><small>{note}</small></td>"
            f'<td class="num"><b>{escape(format_rupiah(net.net_per_unit))}</b> '
            f"<small>{escape(t('pricing.ch_per_piece'))}</small><br>"
            f"{escape(format_rupiah(net.per_month(units)))} "
            f"<small>{escape(t('pricing.ch_per_month'))}</small></td></tr>")
    chart = hbar_chart([t(f"sales.name_{n.channel}") for n in nets],
                       [n.per_month(units) for n in nets], t("pricing.ch_chart_title"), BAR)
    return (f'{table_style()}<table class="uk-price uk-ch-table">{head}{"".join(rows)}</table>'
            f"<h4>{escape(t('pricing.ch_chart_title'))}</h4>{chart}")


def channel_sources(fees: FeeData, today: dt.date) -> w.HTML:
    """The fees' sources and dates: below the comparison, or on a lesson step of their own."""
    sources = w.HTML(fee_sources_html(fees, today, warn=False))
    sources.add_class("uk-ch-sources")
    return sources


class ChannelComparisonView(w.VBox):
    """One product at one price: what each channel leaves per piece and per month."""

    def __init__(self, data: PricingData | None = None, fees: FeeData | None = None,
                 today: dt.date | None = None, product: str | None = None,
                 with_sources: bool = True) -> None:
        self.data, self.fees = data or load_pricing(), fees or load_fees()
        product = product or self.data.main_product
        self.today = today or dt.date.today()
        self.product = Field(t("pricing.cs_product"), w.Dropdown(
            options=[(p.name, p.key) for p in self.data.products(
                self.data.village.group_of_product(product).key)], value=product),
            css="uk-ch-product")
        self.product.control.layout.height = "44px"  # the page's select is 44 px high
        self.price = text_field(t("pricing.ch_price"), css="uk-ch-price")
        self.units = text_field(t("pricing.ch_units"), width="50%", css="uk-ch-units")
        self.cost = text_field(t("pricing.ch_cost"), width="50%", css="uk-ch-cost",
                               hint=t("pricing.ch_cost_hint"))
        self._settings_fields()
        self.compare = button(t("pricing.ch_compare"), "primary")
        self.compare.add_class("uk-ch-compare")
        self.warning = w.HTML(stale_warning(self.fees, self.today))
        self.warning.add_class("uk-ch-warning")
        self.status = w.HTML()
        self.result = w.HTML()
        self.result.add_class("uk-ch-result")
        self.sources = channel_sources(self.fees, self.today)
        self.product.control.observe(lambda c: self.load(c["new"]), "value")
        LATEST.observe(self._sheet_changed, "cost")
        self.compare.on_click(lambda _b: self.run())
        super().__init__([self.warning, self.product, self.price, row(self.units, self.cost),
                          self.settings, self.compare, self.status, self.result]
                         + ([self.sources] if with_sources else []))
        self.load(product)

    def _settings_fields(self) -> None:
        self.commission = text_field(t("pricing.ch_commission"), css="uk-ch-commission")
        self.margin = text_field(t("pricing.ch_margin"), width="50%", css="uk-ch-margin")
        self.days = text_field(t("pricing.ch_days"), width="50%", css="uk-ch-days")
        self.returns = text_field(t("pricing.ch_returns"), css="uk-ch-returns")
        self.discount = text_field(t("pricing.ch_reseller"), css="uk-ch-reseller")
        self.shopee = text_field(t("pricing.ch_shopee_rate"), css="uk-ch-shopee")
        self.tokopedia = text_field(t("pricing.ch_tokopedia_rate"), css="uk-ch-tokopedia")
        self.per_order, self.statement, self.new_shop = _order_fields(self.fees, "uk-ch-per-order")
        body = w.VBox([self.commission, row(self.margin, self.days), self.returns, self.discount,
                       self.shopee, self.tokopedia, self.per_order, self.statement, self.new_shop])
        self.settings = w.Accordion(children=[body], selected_index=None,
                                    layout=w.Layout(width="100%", max_width="520px"))
        self.settings.set_title(0, t("pricing.ch_settings"))
        self.settings.add_class("uk-ch-settings")

    def load(self, product: str) -> None:
        """Prefill price, pieces, cost and the fee rates for ``product``."""
        prefill = self.data.settings(product, self.fees)
        sheet = self.data.sheets.get(product)
        self.price.control.value = rupiah_text(self.data.product(product).price)
        self.units.control.value = str(sheet.units_per_month if sheet else 30)
        cost = costing.unit_cost(sheet).total if sheet else None
        if LATEST.product == product and LATEST.cost:
            cost = LATEST.cost
        self.cost.control.value = rupiah_text(cost)
        self.commission.control.value = percent_text(prefill.commission)
        self.margin.control.value = percent_text(prefill.supermarket_margin)
        self.days.control.value = str(prefill.supermarket_days)
        self.returns.control.value = percent_text(prefill.returns)
        self.discount.control.value = percent_text(prefill.reseller_discount)
        self.shopee.control.value = percent_text(prefill.shopee_rate)
        self.tokopedia.control.value = percent_text(prefill.tokopedia_rate)
        cluster = cluster_name(self.data.clusters[product])
        for field in (self.shopee, self.tokopedia):
            field._hint = t("pricing.ch_rate_hint", cluster=cluster)
            field.clear()
        self.run()

    def _sheet_changed(self, change) -> None:
        if LATEST.product == self.product.control.value:
            self.cost.control.value = rupiah_text(change["new"])

    def _read(self) -> tuple[int, int, int | None, Settings] | None:
        r = Reader()
        price, units, cost = r.amount(self.price), r.count(self.units), r.amount(
            self.cost, optional=True)
        chosen = Settings(
            commission=r.percent(self.commission), supermarket_margin=r.percent(self.margin),
            supermarket_days=r.count(self.days, minimum=0), returns=r.percent(self.returns),
            reseller_discount=r.percent(self.discount),
            shopee_rate=r.percent(self.shopee, MAX_RATE),
            tokopedia_rate=r.percent(self.tokopedia, MAX_RATE),
            units_per_order=r.count(self.per_order), statement_filed=self.statement.value,
            new_shop=self.new_shop.value)
        if not r.ok or price is None:
            if any(f.message.value and "uk-msg-error" in f.message.value for f in (
                    self.commission, self.margin, self.days, self.returns, self.discount,
                    self.shopee, self.tokopedia, self.per_order)):
                self.settings.selected_index = 0  # open the box so the message can be seen
            return None
        return price, units, cost, chosen

    def run(self) -> None:
        read = self._read()
        if read is None:
            self.status.value = notice_html(t("pricing.fix_marked"), "error")
            self.result.value = ""
            return
        price, units, cost, chosen = read
        try:
            nets = channels.compare(price, chosen, self.fees, self.today)
        except ChannelError as exc:
            self.status.value = notice_html(str(exc), "error")
            self.result.value = ""
            return
        self.status.value = ""
        self.nets = nets
        self.result.value = comparison_html(nets, units, cost) + self._notes(chosen, units, cost)

    def _notes(self, chosen: Settings, units: int, cost: int | None) -> str:
        notes = []
        if cost:
            waiting = channels.money_waiting(units, cost, chosen.supermarket_days)
            notes.append(notice_html(t("pricing.ch_waiting", days=chosen.supermarket_days,
                                       amount=format_rupiah(waiting)), "info"))
        tokopedia = self.fees.marketplaces["tokopedia"].admin_fee
        if tokopedia.effective(chosen.tokopedia_rate) != chosen.tokopedia_rate:
            notes.append(notice_html(t(
                "pricing.src_tier", tier=format_percent(chosen.tokopedia_rate),
                discount=format_percent(tokopedia.tier_discount),
                effective=format_percent(tokopedia.effective(chosen.tokopedia_rate))), "info"))
        tax = self.fees.pph22
        key = "pricing.ch_pph_filed" if chosen.statement_filed else "pricing.ch_pph_withheld"
        notes.append(notice_html(t(key, rate=format_percent(tax.rate),
                                   limit=format_rupiah(tax.exempt_up_to)), "info"))
        return "".join(notes)


def _order_fields(fees: FeeData, per_order_css: str) -> tuple[Field, w.Checkbox, w.Checkbox]:
    """What a marketplace's cut depends on besides the rate, asked the same way by both views:
    pieces per order, the PPh 22 turnover statement, and the new-shop free orders."""
    per_order = text_field(t("pricing.ch_per_order"), "1", css=per_order_css)
    statement = tick_box(t("pricing.ch_statement", limit=format_rupiah(fees.pph22.exempt_up_to)))
    orders = fees.marketplaces["shopee"].order_fee.exempt_first_orders
    return per_order, statement, tick_box(t("pricing.ch_new_shop", orders=orders))

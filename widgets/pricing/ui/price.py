"""Lesson 2's price ↔ margin calculator: from a margin to a price, or from a price to its
margin, for one cost per piece (the last cost sheet's, when there is one).

A thin view: numbers are read by ``widgets.ui.inputs.Reader`` and every figure comes from
``pricing.costing``.
"""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.numbers import format_ratio
from widgets.pricing import costing
from widgets.pricing.ui.costsheet import LATEST
from widgets.ui.common import button, notice_html
from widgets.ui.inputs import Reader, rupiah_text, text_field


class PriceCalculatorView(w.VBox):
    """From a margin to a price, or from a price to its margin, for one cost per piece."""

    def __init__(self, cost: int | None = None, margin: str = "20",
                 price: int | None = None) -> None:
        self.cost = text_field(t("pricing.pc_cost"), rupiah_text(cost), css="uk-pc-cost")
        self.source = w.HTML()
        self.margin = text_field(t("pricing.pc_margin"), margin, css="uk-pc-margin")
        self.to_price = button(t("pricing.pc_to_price"), "primary")
        self.to_price.add_class("uk-pc-to-price")
        self.price = text_field(t("pricing.pc_price"), rupiah_text(price), css="uk-pc-price")
        self.to_margin = button(t("pricing.pc_to_margin"), "primary")
        self.to_margin.add_class("uk-pc-to-margin")
        self.result = w.HTML()
        self.result.add_class("uk-pc-result")
        self.to_price.on_click(lambda _b: self.price_from_margin())
        self.to_margin.on_click(lambda _b: self.margin_from_price())
        LATEST.observe(self._sheet_changed, "cost")
        super().__init__([self.cost, self.source, self.margin, self.to_price, self.price,
                          self.to_margin, self.result])

    def _sheet_changed(self, change) -> None:
        self.cost.control.value = rupiah_text(change["new"])
        self.source.value = notice_html(t("pricing.pc_from_sheet"), "info")

    def _cost(self, reader: Reader) -> int | None:
        cost = reader.amount(self.cost)
        if cost == 0:
            reader.fail(self.cost, t("pricing.pc_cost_first"))
        return cost

    def price_from_margin(self) -> None:
        reader = Reader()
        cost, margin = self._cost(reader), reader.percent(self.margin, maximum=100 * 10_000)
        self.price.clear()
        if not reader.ok or cost is None:
            self.result.value = notice_html(t("pricing.fix_marked"), "error")
            return
        price = costing.price_for_margin(cost, margin)
        self.price.control.value = rupiah_text(price)
        self.result.value = notice_html(t(
            "pricing.pc_price_result", cost=format_rupiah(cost),
            margin=format_rupiah(price - cost), price=format_rupiah(price),
            tidy=format_rupiah(costing.round_up_to(price))), "ok")

    def margin_from_price(self) -> None:
        reader = Reader()
        cost, price = self._cost(reader), reader.amount(self.price)
        self.margin.clear()
        if not reader.ok or cost is None or price is None:
            self.result.value = notice_html(t("pricing.fix_marked"), "error")
            return
        margin = costing.margin_of_price(cost, price)
        if margin.profit < 0:
            self.result.value = notice_html(t("pricing.pc_loss_result",
                                              loss=format_rupiah(-margin.profit)), "warn")
            return
        assert margin.of_cost is not None and margin.of_price is not None
        self.margin.control.value = format_ratio(margin.of_cost).removesuffix("%")
        self.result.value = notice_html(t(
            "pricing.pc_margin_result", profit=format_rupiah(margin.profit),
            of_cost=format_ratio(margin.of_cost), of_price=format_ratio(margin.of_price)), "ok")

"""Lesson 2's goat raised to Idul Adha: what one goat costs to raise to sale (feed, the time
spent cutting grass, medicine, a share of the goats that died), against the expected price.

A thin view: numbers are read by ``widgets.ui.inputs.Reader`` (messages under each field) and
every figure comes from ``pricing.costing.goat_cost``.
"""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.pricing import costing
from widgets.pricing.costing import CostError, GoatPlan
from widgets.pricing.data import PricingData, load_pricing
from widgets.pricing.records import animal_words
from widgets.pricing.ui.costsheet import LOSS, PROFIT, money_row
from widgets.ui.common import button, notice_html
from widgets.ui.inputs import Reader, row, rupiah_text, table_style, text_field


class GoatCostView(w.VBox):
    """What one goat costs to raise to sale, against the price expected before Idul Adha."""

    def __init__(self, data: PricingData | None = None) -> None:
        data = data or load_pricing()
        plan, words = data.goat, animal_words(data.village)
        if plan is None:
            raise LookupError(f"village {data.village.key!r} has no livestock group")
        self.words = words
        self.months = text_field(t("pricing.gt_months"), str(plan.months), css="uk-gt-months")
        self.feed = text_field(t("pricing.gt_feed"), rupiah_text(plan.feed_per_month),
                               css="uk-gt-feed")
        self.hours = text_field(t("pricing.gt_hours"), str(plan.grass_hours_per_day),
                                width="50%", css="uk-gt-hours")
        self.hour_value = text_field(t("pricing.gt_hour_value"), rupiah_text(plan.hour_value),
                                     width="50%", css="uk-gt-hour-value")
        self.herd = text_field(t("pricing.gt_herd", **words), str(plan.herd_size), css="uk-gt-herd")
        self.medicine = text_field(t("pricing.gt_medicine"), rupiah_text(plan.medicine),
                                   css="uk-gt-medicine")
        self.deaths = text_field(t("pricing.gt_deaths", **words), str(plan.deaths), width="50%",
                                 css="uk-gt-deaths")
        self.raised = text_field(t("pricing.gt_raised", **words), str(plan.raised), width="50%",
                                 css="uk-gt-raised")
        self.price = text_field(t("pricing.gt_price", **words), rupiah_text(plan.price),
                                css="uk-gt-price")
        self.calculate = button(t("pricing.calculate"), "primary")
        self.calculate.add_class("uk-gt-calculate")
        self.result = w.HTML()
        self.result.add_class("uk-gt-result")
        self.calculate.on_click(lambda _b: self.compute())
        super().__init__([self.months, self.feed, row(self.hours, self.hour_value), self.herd,
                          self.medicine, row(self.deaths, self.raised), self.price,
                          self.calculate, self.result])
        self.compute()

    def _plan(self) -> GoatPlan | None:
        reader = Reader()
        values = dict(
            months=reader.count(self.months), feed_per_month=reader.amount(self.feed) or 0,
            grass_hours_per_day=reader.count(self.hours, minimum=0),
            hour_value=reader.amount(self.hour_value) or 0, herd_size=reader.count(self.herd),
            medicine=reader.amount(self.medicine) or 0,
            deaths=reader.count(self.deaths, minimum=0), raised=reader.count(self.raised),
            price=reader.amount(self.price) or 0)
        if not reader.ok:
            return None
        try:
            return GoatPlan(**values)
        except CostError as exc:
            reader.fail(getattr(self, {"herd_size": "herd"}.get(exc.field, exc.field)), str(exc))
            return None

    def compute(self) -> None:
        plan = self._plan()
        if plan is None:
            self.result.value = notice_html(t("pricing.fix_marked"), "error")
            return
        cost = costing.goat_cost(plan)
        rows = [
            money_row(t("pricing.gt_row_feed", months=plan.months), cost.feed),
            money_row(t("pricing.gt_row_grass", months=plan.months,
                         per_month=format_rupiah(cost.grass_per_month)), cost.grass,
                       t("pricing.gt_note_grass", **self.words, hours=plan.grass_hours_per_day,
                         value=format_rupiah(plan.hour_value), herd=plan.herd_size)),
            money_row(t("pricing.gt_row_medicine"), cost.medicine),
            money_row(t("pricing.gt_row_deaths", deaths=plan.deaths, raised=plan.raised,
                                **self.words),
                       cost.deaths_share),
            money_row(t("pricing.gt_row_total"), cost.total, css="total"),
            money_row(t("pricing.gt_row_price"), plan.price),
            money_row(t("pricing.gt_row_profit" if cost.profit >= 0 else "pricing.gt_row_loss"),
                       cost.profit, color=PROFIT if cost.profit >= 0 else LOSS),
        ]
        self.result.value = (
            f'{table_style()}<table class="uk-price">{"".join(rows)}</table>'
            + notice_html(t("pricing.gt_cash", cash=format_rupiah(cost.cash_total)), "info")
            + notice_html(t("pricing.gt_rounding", **self.words), "info"))

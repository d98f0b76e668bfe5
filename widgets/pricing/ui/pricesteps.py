"""Lesson 3's step tables: the price from the cost, and the break-even point, worked one step at
a time by the participant (``pricing.steps`` builds the rows; ``widgets.ui.steptable`` shows
them). The givens are prefilled from the village data, follow the cost sheet above when it is
worked out, and can be typed over (``150rb``, ``1,5 jt``); a new given starts fresh rows.
"""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.pricing.steps import StepsError, break_even_steps, price_steps
from widgets.pricing.ui.costsheet import LATEST
from widgets.ui.common import button, notice_html
from widgets.ui.inputs import Reader, row, rupiah_text, text_field
from widgets.ui.steptable import StepTableView

MAX_MARGIN = 100 * 10_000  # a margin may be above 100% of the cost, not above 10.000%


class PriceStepsView(w.VBox):
    """Cost per piece and the profit wanted -> steps -> a tidy price."""

    def __init__(self, cost: int | None = None, margin: str = "20") -> None:
        self.cost = text_field(t("pricing.pc_cost"), rupiah_text(cost), width="50%",
                               css="uk-ps-cost")
        self.margin = text_field(t("pricing.pc_margin"), margin, width="50%", css="uk-ps-margin")
        self.use = button(t("pricing.ps_use"))
        self.use.add_class("uk-ps-use")
        self.source = w.HTML()
        self.table = StepTableView(css="uk-ps-steps")
        self.use.on_click(lambda _b: self.build())
        LATEST.observe(self._sheet_changed, "cost")
        super().__init__([row(self.cost, self.margin), self.use, self.source, self.table])
        self.build()

    def _sheet_changed(self, change) -> None:
        self.cost.control.value = rupiah_text(change["new"])
        self.source.value = notice_html(t("pricing.pc_from_sheet"), "info")
        self.build()

    def build(self) -> None:
        reader = Reader()
        cost, margin = reader.amount(self.cost), reader.percent(self.margin, MAX_MARGIN)
        if not reader.ok or cost is None:
            self.table.show(None, t("pricing.fix_marked"))
            return
        try:
            self.table.show(price_steps(cost, margin))
        except StepsError as exc:
            reader.fail(self.cost, str(exc))
            self.table.show(None, t("pricing.fix_marked"))


class BreakEvenStepsView(w.VBox):
    """The month's fixed costs, the price and each piece's materials and work -> steps -> the
    pieces a month that cover the fixed costs."""

    def __init__(self, fixed: int | None = None, price: int | None = None,
                 variable: int | None = None) -> None:
        self.fixed = text_field(t("pricing.be_fixed"), rupiah_text(fixed), css="uk-be-fixed")
        self.price = text_field(t("pricing.be_price"), rupiah_text(price), width="50%",
                                css="uk-be-price")
        self.variable = text_field(t("pricing.be_variable"), rupiah_text(variable), width="50%",
                                   css="uk-be-variable")
        self.use = button(t("pricing.ps_use"))
        self.use.add_class("uk-be-use")
        self.table = StepTableView(css="uk-be-steps")
        self.use.on_click(lambda _b: self.build())
        LATEST.observe(self._sheet_changed, "cost")
        super().__init__([self.fixed, row(self.price, self.variable), self.use, self.table])
        self.build()

    def _sheet_changed(self, _change) -> None:
        self.fixed.control.value = rupiah_text(LATEST.fixed)
        self.variable.control.value = rupiah_text(LATEST.variable)
        self.build()

    def build(self) -> None:
        reader = Reader()
        fixed, price = reader.amount(self.fixed), reader.amount(self.price)
        variable = reader.amount(self.variable)
        if not reader.ok or fixed is None or price is None or variable is None:
            self.table.show(None, t("pricing.fix_marked"))
            return
        try:
            self.table.show(break_even_steps(fixed, price, variable))
        except StepsError as exc:
            self.table.show(None, str(exc))

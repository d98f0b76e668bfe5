"""Lesson 6's listing price as a step table: "Mau terima bersih Rp25.000? Langkah 1: tambah
biaya pesanan … Langkah 2: hitung bagian yang tinggal … Langkah 3: bagi … Langkah 4: periksa".

A thin view: the rows and the final price come from ``pricing.steps.listing_steps`` (which ends
at ``pricing.channels.listing_price``); the fees are the dated ones of ``marketplace_fees.yaml``.
When every step is right and someone is signed in, the answer is saved for the trainer's
dashboard (``marketplace-harga-tayang``).
"""

from __future__ import annotations

import datetime as dt
import logging

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.numbers import format_percent
from widgets.core.steptable import StepTable
from widgets.pricing import channels
from widgets.pricing.data import PricingData, load_pricing
from widgets.pricing.fees import FeeData, load_fees
from widgets.pricing.sources import cluster_name
from widgets.pricing.steps import StepsError, listing_steps
from widgets.store.answers import save_answer
from widgets.ui.common import PAGE, Field, button, notice_html, tick_box
from widgets.ui.inputs import Reader, rupiah_text, text_field
from widgets.ui.steptable import StepTableView

log = logging.getLogger(__name__)
EXERCISE = "marketplace-harga-tayang"


class ListingStepsView(w.VBox):
    """The net wanted per piece and the marketplace -> four steps -> the listing price."""

    def __init__(self, data: PricingData | None = None, fees: FeeData | None = None,
                 today: dt.date | None = None) -> None:
        self.data, self.fees = data or load_pricing(), fees or load_fees()
        self.today = today or dt.date.today()
        example = self.data.listing_exercise
        self.cluster = self.data.clusters[example.product]
        self.platform = Field(t("listingsteps.platform"), w.ToggleButtons(
            options=[(m.name, key) for key, m in self.fees.marketplaces.items()],
            value="shopee"), css="uk-lst-platform")
        self.target = text_field(t("listingsteps.target"), rupiah_text(example.target),
                                 css="uk-lst-target")
        self.statement = tick_box(t("listingsteps.statement",
                                    limit=format_rupiah(self.fees.pph22.exempt_up_to)))
        self.statement.add_class("uk-lst-statement")
        self.use = button(t("listingsteps.use"))
        self.use.add_class("uk-lst-use")
        self.givens = w.HTML()
        self.givens.add_class("uk-lst-givens")
        self.table = StepTableView(css="uk-lst-steps", on_done=self._save)
        self.use.on_click(lambda _b: self.build())
        self.platform.control.observe(lambda _c: self.build(), "value")
        self.statement.observe(lambda _c: self.build(), "value")
        super().__init__([self.platform, self.target, self.statement, self.use, self.givens,
                          self.table])
        self.build()

    def _terms(self) -> channels.Terms:
        market = self.fees.marketplaces[self.platform.control.value]
        return channels.terms(market, self.fees.pph22, market.admin_fee.clusters[self.cluster].high,
                              self.today, statement_filed=self.statement.value)

    def build(self) -> None:
        reader = Reader()
        target = reader.amount(self.target)
        if target == 0:
            reader.fail(self.target, t("listingsteps.target_positive"))
        if not reader.ok or target is None:
            self.givens.value = ""
            self.table.show(None, t("promoview.fix_marked"))
            return
        cut = self._terms()
        try:
            table = listing_steps(target, cut)
        except (StepsError, channels.ChannelError) as exc:
            self.givens.value = ""
            self.table.show(None, str(exc))
            return
        self.target_amount = target
        self.givens.value = notice_html(t(
            "listingsteps.givens", name=self.fees.marketplaces[cut.channel].name,
            admin=format_percent(cut.admin_rate), cluster=cluster_name(self.cluster),
            fee=format_rupiah(cut.order_fee), tax=format_percent(cut.tax_rate)), "info")
        self.table.show(table)

    def _save(self, table: StepTable) -> None:
        session = PAGE.session
        if session is None:
            return
        try:
            save_answer(session, EXERCISE, {"platform": self.platform.control.value,
                                            "target": self.target_amount,
                                            "price": table.final}, True)
        except ValueError:
            log.exception("saving the listing-price steps failed")

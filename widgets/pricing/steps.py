"""The pricing formulas as step tables a participant fills in (``widgets.core.steptable``).

Plain Python, no ipywidgets. Instead of *harga = biaya + untung*, *titik impas = biaya bulanan ÷
(harga − bahan dan waktu kerja)* and *harga tayang = (uang bersih + biaya pesanan) ÷ (100% −
biaya admin − PPh 22)*, a participant works one operation at a time. Every row's answer and the
final figure come from the calculators' own functions (``costing``, ``channels``), so a step
table always ends where the calculators do:

* price: the profit rounded up, cost + profit (= :func:`costing.price_for_margin`), then the
  tidy price (:func:`costing.round_up_to`);
* break-even: what each piece leaves, then the fixed costs ÷ that, rounded up
  (= :func:`costing.break_even`);
* listing price: target + order fee, the share left after the percentages, the division rounded
  up, then the check of that price through :func:`channels.marketplace`; the final price is
  :func:`channels.listing_price`, which may be a rupiah or two below the division (each
  percentage is rounded to the rupiah) and is said so in a note.
"""

from __future__ import annotations

import math
from fractions import Fraction

from widgets.core.i18n import KeyedError, t
from widgets.core.money import format_rupiah
from widgets.core.numbers import BASIS, format_percent
from widgets.core.steptable import Step, StepTable
from widgets.pricing import channels, costing
from widgets.pricing.channels import Terms

TIDY = 500  # a tidy price is a multiple of Rp500


class StepsError(KeyedError):
    """Givens with which the steps cannot work (a price below the cost of each piece…)."""

    section = "pricesteps"


def _rp(amount: int) -> str:
    return format_rupiah(amount)


# --- Price from cost ---------------------------------------------------------------------


def price_steps(cost: int, margin: int) -> StepTable:
    """Cost per piece and the profit wanted (basis points of the cost) -> a tidy price."""
    if cost < 1:
        raise StepsError("cost_positive")
    profit = math.ceil(Fraction(cost * margin, BASIS))
    price = cost + profit
    tidy = costing.round_up_to(price, TIDY)
    steps = (
        Step("profit", t("pricesteps.profit", cost=_rp(cost), margin=format_percent(margin),
                       number=format_percent(margin)[:-1]),
             profit, hint=t("pricesteps.profit_hint", number=format_percent(margin)[:-1])),
        Step("price", t("pricesteps.price", cost=_rp(cost)), price,
             hint=t("pricesteps.price_hint")),
        Step("tidy", t("pricesteps.tidy", step=_rp(TIDY)), tidy,
             hint=t("pricesteps.tidy_hint", step=_rp(TIDY))),
    )
    return StepTable("price", steps, tidy,
                     t("pricesteps.price_result", price=_rp(tidy), profit=_rp(tidy - cost)))


# --- Break-even --------------------------------------------------------------------------


def break_even_steps(fixed: int, price: int, variable: int) -> StepTable:
    """The month's fixed costs, the price and the cost of each piece's materials and work ->
    the pieces a month that cover the fixed costs."""
    even = costing.break_even(fixed, price, variable)
    if even.units is None:
        raise StepsError("every_sale_loses", price=_rp(price), variable=_rp(variable))
    steps = (
        Step("left", t("pricesteps.left", price=_rp(price), variable=_rp(variable)),
             even.contribution, hint=t("pricesteps.left_hint")),
        Step("units", t("pricesteps.units", fixed=_rp(fixed)), even.units, kind="count",
             hint=t("pricesteps.units_hint")),
    )
    return StepTable("break_even", steps, even.units,
                     t("pricesteps.break_even_result", units=even.units))


# --- Listing price -----------------------------------------------------------------------


def division_price(target: int, cut: Terms) -> int:
    """Step 3: (target + order fee) ÷ (100% − admin − PPh 22), rounded up to the rupiah."""
    return math.ceil(Fraction((target + cut.order_fee) * BASIS,
                              BASIS - cut.admin_rate - cut.tax_rate))


def listing_steps(target: int, cut: Terms) -> StepTable:
    """The net wanted per piece and one marketplace's cut (one piece per order) -> the listing
    price of :func:`channels.listing_price`."""
    if cut.units_per_order != 1:
        raise StepsError("one_per_order")
    final = channels.listing_price(target, cut)  # refuses a target below 1 or rates ≥ 100%
    total = target + cut.order_fee
    left = BASIS - cut.admin_rate - cut.tax_rate
    divided = division_price(target, cut)
    net = channels.marketplace(divided, cut).net_per_unit
    admin, tax = format_percent(cut.admin_rate), format_percent(cut.tax_rate)
    steps = (
        Step("add", t("pricesteps.lp_add", target=_rp(target), fee=_rp(cut.order_fee)), total,
             hint=t("pricesteps.lp_add_hint")),
        Step("left", t("pricesteps.lp_left", admin=admin, tax=tax), left, kind="percent",
             hint=t("pricesteps.lp_left_hint")),
        Step("divide", t("pricesteps.lp_divide"), divided, hint=t("pricesteps.lp_divide_hint")),
        Step("check", t("pricesteps.lp_check", admin=admin, tax=tax, fee=_rp(cut.order_fee)),
             net, slack=1, hint=t("pricesteps.lp_check_hint")),
    )
    return StepTable("listing", steps, final, t("pricesteps.lp_result", price=_rp(final),
                                                  target=_rp(target)),
                     _listing_notes(target, cut, divided, final))


def _listing_notes(target: int, cut: Terms, divided: int, final: int) -> tuple[str, ...]:
    notes = []
    if final < divided:
        notes.append(t("pricesteps.lp_cheaper", price=_rp(final), less=_rp(divided - final),
                       target=_rp(target)))
    elif final > divided:
        notes.append(t("pricesteps.lp_dearer", price=_rp(final), target=_rp(target)))
    notes.append(t("pricesteps.lp_tidy", tidy=_rp(channels.round_listing_price(target, cut))))
    return tuple(notes)

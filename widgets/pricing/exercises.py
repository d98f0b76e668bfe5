"""Lesson 2's exercises, checked on the server only: the answers are computed here from
``harga.yaml`` and the fee file when a participant presses *Periksa*, never sent to the page.

1. the cost of one keset persegi from a month's shopping (``check_cost``);
2. a price for the keset bulat that still covers its cost after the village shop's cut
   (``check_price``; many prices are right).

(The Shopee listing price moved to lesson 6 as a step table: ``pricing.steps``.)

Each check returns a verdict and feedback lines ``(kind, text)``; the worked steps, which give
the answer away, are shown once the answer is right or after ``REVEAL_AFTER`` tries.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from widgets.core.i18n import format_month, t
from widgets.core.money import format_rupiah
from widgets.core.numbers import format_percent, format_quantity, format_ratio
from widgets.pricing import channels, costing
from widgets.pricing.data import PricingData

REVEAL_AFTER = 3  # wrong tries before the steps are shown anyway

Lines = list[tuple[str, str]]


@dataclass
class Check:
    correct: bool
    lines: Lines = field(default_factory=list)


def _rp(amount: int) -> str:
    return format_rupiah(amount)


# --- 1. The cost of one keset ---------------------------------------------------------------


def cost_story(data: PricingData) -> tuple[str, list[str]]:
    """The exercise's text and its shopping list, written from the data (so they cannot
    disagree with the answer)."""
    ex = data.cost_exercise
    sheet = ex.sheet
    product = data.product(ex.product)
    lines = [t("pricingex.cost_material", name=m.name, quantity=format_quantity(m.quantity),
               unit=m.unit, price=_rp(m.unit_price))
             for m in sheet.materials]
    labour = sheet.labour
    intro = t("pricingex.cost_story", month=format_month(*ex.month), units=sheet.batch_units,
              product=product.name.lower(), minutes=labour.minutes or 0,
              per_hour=_rp(labour.per_hour or 0),
              overheads=_rp(sum(o.monthly for o in sheet.overheads)),
              month_units=sheet.units_per_month)
    return intro, lines


def _cost_hint(typed: int, answer: costing.UnitCost, batch: int) -> str | None:
    """Name the usual slip when the typed amount matches one."""
    slips = {
        answer.materials: "pricingex.cost_only_materials",
        answer.materials + answer.overheads: "pricingex.cost_no_time",
        answer.materials + answer.labour: "pricingex.cost_no_overheads",
        answer.materials_batch: "pricingex.cost_batch",
    }
    key = slips.get(typed)
    return t(key, units=batch) if key else None


def check_cost(data: PricingData, typed: int | None, tries_before: int = 0) -> Check:
    sheet = data.cost_exercise.sheet
    answer = costing.unit_cost(sheet)
    if typed is None:
        return Check(False, [("error", t("pricingex.cost_empty"))])
    correct = abs(typed - answer.total) <= 1  # either way of rounding a half rupiah
    lines: Lines = []
    if correct:
        lines.append(("ok", t("pricingex.cost_ok", amount=_rp(answer.total))))
    else:
        lines.append(("error", t("pricingex.cost_wrong", typed=_rp(typed))))
        hint = _cost_hint(typed, answer, sheet.batch_units)
        lines.append(("info", hint or t("pricingex.cost_recipe", units=sheet.batch_units,
                                         month_units=sheet.units_per_month)))
    if correct or tries_before + 1 >= REVEAL_AFTER:
        lines.append(("info", t("pricingex.cost_steps", batch=_rp(answer.materials_batch),
                                units=sheet.batch_units, materials=_rp(answer.materials),
                                labour=_rp(answer.labour),
                                overheads_month=_rp(answer.overheads_month),
                                month_units=sheet.units_per_month,
                                overheads=_rp(answer.overheads), total=_rp(answer.total))))
    return Check(correct, lines)


# --- 2. Choose a price ----------------------------------------------------------------------


@dataclass(frozen=True)
class PriceTask:
    cost: int
    variable: int
    fixed: int
    commission: int
    min_margin: int
    market_max: int
    least_net: int  # the net per piece that covers cost and the margin asked


def price_task(data: PricingData) -> PriceTask:
    ex = data.price_exercise
    cost = costing.unit_cost(data.sheets[ex.product])
    return PriceTask(cost.total, cost.variable, cost.overheads_month, data.channels.commission,
                     ex.min_margin, ex.market_max,
                     costing.price_for_margin(cost.total, ex.min_margin))


def least_price(task: PriceTask) -> int:
    """The lowest price whose shop net reaches ``least_net`` (net rises by ≤ Rp1 a step)."""
    price = task.least_net
    while channels.village_shop(price, task.commission).net_per_unit < task.least_net:
        price += 1
    return price


def check_price(data: PricingData, typed: int | None, tries_before: int = 0) -> Check:
    task = price_task(data)
    if typed is None:
        return Check(False, [("error", t("pricingex.price_empty"))])
    shop = channels.village_shop(typed, task.commission)
    net = shop.net_per_unit
    lines: Lines = [("info", t("pricingex.price_net", price=_rp(typed),
                               rate=format_percent(task.commission),
                               cut=_rp(shop.deductions[0].amount), net=_rp(net)))]
    covers = net >= task.least_net
    affordable = typed <= task.market_max
    margin = costing.margin_of_price(task.cost, net)
    if net < task.cost:
        lines.append(("error", t("pricingex.price_loss", cost=_rp(task.cost),
                                 loss=_rp(task.cost - net))))
    elif not covers:
        lines.append(("error", t("pricingex.price_thin", margin=format_ratio(margin.of_cost),
                                 wanted=format_percent(task.min_margin))))
    else:
        lines.append(("ok", t("pricingex.price_covers", cost=_rp(task.cost),
                              margin=format_ratio(margin.of_cost))))
    if not affordable:
        lines.append(("error", t("pricingex.price_dear", market=_rp(task.market_max))))
    if net > task.variable:
        even = costing.break_even(task.fixed, net, task.variable)
        lines.append(("info", t("pricingex.price_breakeven", units=even.units,
                                fixed=_rp(task.fixed))))
    correct = covers and affordable
    if correct:
        lines.insert(0, ("ok", t("pricingex.price_ok")))
    if correct or tries_before + 1 >= REVEAL_AFTER:
        lines.append(("info", t("pricingex.price_steps", cost=_rp(task.cost),
                                wanted=format_percent(task.min_margin),
                                least_net=_rp(task.least_net),
                                rate=format_percent(task.commission),
                                least=_rp(least_price(task)), market=_rp(task.market_max))))
    return Check(correct, lines)

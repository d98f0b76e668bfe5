"""What one product really costs, the price that covers it, and the break-even point.

Plain Python, no ipywidgets. A cost sheet (ILO SIYB style) has three parts:

* **materials** bought for one production batch (quantity × unit price; a batch makes
  ``batch_units`` pieces), shared over the batch;
* **labour** per piece: a piece rate, or minutes × the value of an hour (the member's own time
  is a cost too, even when nobody pays it out);
* **overheads** for the month (electricity, machine upkeep, a reserve to replace the machine,
  rent), shared over the month's output.

Rounding, stated once: every per-piece share (a material line, batch ÷ pieces, minutes × rate,
month ÷ pieces) is rounded half up to the whole rupiah, and the cost per piece is the sum of
the rounded parts, so the sheet adds up on paper. A price from a margin is rounded **up** so
the margin is never less than asked; break-even is rounded **up** to a whole piece.

The goat case (``goat_cost``) is the same idea for raising one goat to sale before Idul Adha:
feed, the members' grass-cutting time, medicine, and a share of the goats that died.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from widgets.core.i18n import KeyedError
from widgets.core.numbers import BASIS, round_half_up

DAYS_PER_MONTH = 30  # the goat's grass time per month: 30 days, stated in the lesson


class CostError(KeyedError):
    """A cost sheet value that cannot work; ``field`` names the input it is about."""

    section = "costing"

    def __init__(self, field: str, key: str, **params: object) -> None:
        self.field = field
        super().__init__(key, **params)


@dataclass(frozen=True)
class Material:
    """One line of materials for a batch: ``quantity`` ``unit`` at ``unit_price`` each."""

    name: str
    quantity: Fraction
    unit: str
    unit_price: int

    @property
    def cost(self) -> int:
        return round_half_up(Fraction(self.quantity) * self.unit_price)


@dataclass(frozen=True)
class Labour:
    """Work per piece: a ``piece_rate``, or ``minutes`` at ``per_hour`` rupiah an hour."""

    piece_rate: int | None = None
    minutes: int | None = None
    per_hour: int | None = None

    def __post_init__(self) -> None:
        by_time = self.minutes is not None and self.per_hour is not None
        if (self.piece_rate is None) == (not by_time):
            raise ValueError("give either piece_rate, or minutes and per_hour")

    @property
    def per_piece(self) -> int:
        if self.piece_rate is not None:
            return self.piece_rate
        assert self.minutes is not None and self.per_hour is not None
        return round_half_up(Fraction(self.minutes * self.per_hour, 60))


@dataclass(frozen=True)
class Overhead:
    """A cost of the month that does not grow with each piece (this product's share)."""

    name: str
    monthly: int


@dataclass(frozen=True)
class CostSheet:
    product: str
    batch_units: int
    materials: tuple[Material, ...]
    labour: Labour
    overheads: tuple[Overhead, ...]
    units_per_month: int

    def __post_init__(self) -> None:
        if self.batch_units < 1:
            raise CostError("batch_units", "batch_units")
        if self.units_per_month < 1:
            raise CostError("units_per_month", "units_per_month")


@dataclass(frozen=True)
class UnitCost:
    """The cost of one piece, part by part (each part already whole rupiah)."""

    materials_batch: int
    materials: int
    labour: int
    overheads_month: int
    overheads: int

    @property
    def variable(self) -> int:
        """What each extra piece costs: its materials and its work."""
        return self.materials + self.labour

    @property
    def total(self) -> int:
        return self.materials + self.labour + self.overheads


def unit_cost(sheet: CostSheet) -> UnitCost:
    batch = sum(m.cost for m in sheet.materials)
    month = sum(o.monthly for o in sheet.overheads)
    return UnitCost(
        materials_batch=batch,
        materials=round_half_up(Fraction(batch, sheet.batch_units)),
        labour=sheet.labour.per_piece,
        overheads_month=month,
        overheads=round_half_up(Fraction(month, sheet.units_per_month)),
    )


# --- Price and margin -----------------------------------------------------------------------


def price_for_margin(cost: int, margin_points: int) -> int:
    """The price that leaves ``margin_points`` (basis points of the cost) as profit, rounded up
    to the rupiah: cost Rp16.400, 20% -> Rp19.680."""
    return math.ceil(Fraction(cost * (BASIS + margin_points), BASIS))


def round_up_to(amount: int, step: int = 500) -> int:
    """A tidy price at or above ``amount``: Rp19.680 -> Rp20.000 with ``step`` 500."""
    return -(-amount // step) * step


@dataclass(frozen=True)
class Margin:
    profit: int  # per piece: price - cost
    of_cost: Fraction | None  # profit ÷ cost (None when the cost is zero)
    of_price: Fraction | None  # profit ÷ price (None when the price is zero)


def margin_of_price(cost: int, price: int) -> Margin:
    profit = price - cost
    return Margin(profit, Fraction(profit, cost) if cost else None,
                  Fraction(profit, price) if price else None)


# --- Break-even -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakEven:
    fixed: int  # the month's overheads
    contribution: int  # what each piece sold leaves towards them: price - variable cost
    units: int | None  # pieces a month to cover them; None when every sale loses money

    @property
    def loses_every_sale(self) -> bool:
        return self.contribution <= 0


def break_even(fixed: int, price: int, variable: int) -> BreakEven:
    """Break-even pieces = fixed costs ÷ (price − variable cost per piece), rounded up.
    At a price at or below the variable cost no number of sales covers anything."""
    contribution = price - variable
    if contribution <= 0:
        return BreakEven(fixed, contribution, None)
    return BreakEven(fixed, contribution, math.ceil(Fraction(fixed, contribution)))


def profit_at(units: int, price: int, variable: int, fixed: int) -> int:
    """The month's profit after selling ``units`` pieces."""
    return units * (price - variable) - fixed


def chart_units(units_per_month: int, breakeven: BreakEven, most: int = 8) -> list[int]:
    """Round piece counts for a profit chart (steps of 1, 2 or 5 × 10ⁿ), from 0 to past both
    the month's plan and the break-even point, at most ``most`` steps."""
    reach = max(units_per_month, breakeven.units or 0) * 3 // 2 or 1
    step = 1
    while step * most < reach:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50, …
    return [i * step for i in range(-(-reach // step) + 1)]


# --- The goat case --------------------------------------------------------------------------


@dataclass(frozen=True)
class GoatPlan:
    """Raising one goat to sale. ``grass_hours_per_day`` is the members' grass-cutting time
    for the whole pen (``herd_size`` goats); ``deaths`` of ``raised`` goats died."""

    months: int
    feed_per_month: int
    grass_hours_per_day: int
    hour_value: int
    herd_size: int
    medicine: int
    deaths: int
    raised: int
    price: int

    def __post_init__(self) -> None:
        if self.herd_size < 1:
            raise CostError("herd_size", "herd_size")
        if self.raised < 1:
            raise CostError("raised", "raised")
        if not 0 <= self.deaths < self.raised:
            raise CostError("deaths", "deaths", raised=self.raised)


@dataclass(frozen=True)
class GoatCost:
    feed: int
    grass_per_month: int
    grass: int
    medicine: int
    deaths_share: int
    price: int
    cash_total: int  # the money actually spent per goat sold: feed and medicine, deaths shared

    @property
    def subtotal(self) -> int:
        return self.feed + self.grass + self.medicine

    @property
    def total(self) -> int:
        return self.subtotal + self.deaths_share

    @property
    def profit(self) -> int:
        return self.price - self.total


def goat_cost(plan: GoatPlan) -> GoatCost:
    """Grass per goat-month = hours a day × 30 days × value of an hour ÷ goats in the pen
    (rounded half up). The goats that died ate and were treated too, so each goat sold carries
    them: total = subtotal × raised ÷ survivors (rounded half up)."""
    grass_month = round_half_up(Fraction(
        plan.grass_hours_per_day * DAYS_PER_MONTH * plan.hour_value, plan.herd_size))
    feed = plan.feed_per_month * plan.months
    grass = grass_month * plan.months
    subtotal = feed + grass + plan.medicine
    survivors = Fraction(plan.raised, plan.raised - plan.deaths)
    total = round_half_up(subtotal * survivors)
    cash = round_half_up((feed + plan.medicine) * survivors)
    return GoatCost(feed, grass_month, grass, plan.medicine, total - subtotal, plan.price, cash)


def mortality(deaths: int, raised: int) -> Fraction:
    return Fraction(deaths, raised)


def average(amounts: Sequence[int]) -> int:
    """The mean of whole-rupiah amounts, rounded half up (0 for none)."""
    return round_half_up(Fraction(sum(amounts), len(amounts))) if amounts else 0

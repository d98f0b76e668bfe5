"""Lesson 2's worked case from the programme report: an investor supplies capital and raw
material, the group sews, a supermarket takes the keset on consignment. What does each side
receive if the group is paid per piece (*maklon*) or if the profit is split by a ratio?
(How the group then shares its part among members is lesson 3, ``widgets.sharing.split``.)

Plain Python, no ipywidgets. Rounding: the supermarket's net per piece as in
:mod:`widgets.pricing.channels` (rounded down); the group's split rounded half up, the investor gets
the rest, so the two add up to the profit exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from widgets.core.numbers import share
from widgets.pricing.channels import ChannelNet, supermarket
from widgets.pricing.costing import unit_cost

if TYPE_CHECKING:
    from widgets.pricing.data import PricingData


@dataclass(frozen=True)
class SupermarketCase:
    units: int
    shop: ChannelNet  # the supermarket's net per piece
    paid_in: int  # what the supermarket pays for all pieces
    materials: int  # the investor's material, returned to the investor first
    group_split: int  # the group's share of the profit
    investor_split: int
    maklon: int  # the group's pay if paid per piece instead
    group_cost: int  # the group's own time and overheads for these pieces

    @property
    def profit(self) -> int:
        return self.paid_in - self.materials

    @property
    def investor_if_maklon(self) -> int:
        return self.paid_in - self.materials - self.maklon


def supermarket_case(units: int, shelf_price: int, margin: int, returns: int, days: int,
                     material_per_unit: int, group_cost_per_unit: int, maklon_per_unit: int,
                     group_share: int) -> SupermarketCase:
    """Profit = what the supermarket pays − the investor's material; the group gets
    ``group_share`` basis points of it. Maklon: the group gets ``maklon_per_unit`` a piece."""
    shop = supermarket(shelf_price, margin, returns, days)
    paid_in = shop.per_month(units)
    materials = material_per_unit * units
    group = share(paid_in - materials, group_share)
    return SupermarketCase(units, shop, paid_in, materials, group, paid_in - materials - group,
                           maklon_per_unit * units, group_cost_per_unit * units)


def investor_case(data: PricingData) -> SupermarketCase:
    """The village's case (``harga.yaml``'s ``partnership``) on its supermarket terms: the
    investor's material and the group's time and overheads are the product's cost sheet."""
    case, c = data.partnership, data.channels
    unit = unit_cost(data.sheets[case.product])
    return supermarket_case(case.units, case.shelf_price, c.supermarket_margin, c.returns,
                            c.supermarket_days, unit.materials, unit.labour + unit.overheads,
                            case.maklon_per_unit, case.group_share)

"""The worked cases and exercises ``harga.yaml`` describes (``pricing.data`` reads them): the
investor case, and the cost, price and listing exercises' starting figures. Plain records."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.pricing.costing import CostSheet


@dataclass(frozen=True)
class InvestorTerms:
    """The investor case's terms from ``harga.yaml`` (``sharing.partnership.InvestorCase`` is
    what each sale makes of them)."""

    product: str
    units: int
    shelf_price: int
    maklon_per_unit: int
    group_share: int


@dataclass(frozen=True)
class CostExercise:
    product: str
    month: tuple[int, int]
    sheet: CostSheet


@dataclass(frozen=True)
class PriceExercise:
    product: str
    min_margin: int
    market_max: int


@dataclass(frozen=True)
class ListingExercise:
    product: str
    target: int
    units_per_order: int

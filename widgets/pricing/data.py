"""The pricing lesson's village data (``datasets/<village>/harga.yaml``), read and
checked into the figures the lessons use. The figures drawn from the village's own records (the
cash book, the goat herd) live in ``pricing.records``.

Plain Python, no ipywidgets. Checked once on load: a bad value raises a ``DataError`` naming
``harga.yaml`` and the key. Product codes must be in ``profile.yaml``, and marketplace category
clusters in ``marketplace_fees.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

# The checked readers: the same messages for the same mistakes in every data file.
from widgets.core.datafile import Cells, need_list, need_mapping, read_yaml
from widgets.core.numbers import BASIS, NumberError, parse_percent, parse_quantity
from widgets.core.village import Product, Village, load_village
from widgets.pricing import channels
from widgets.pricing.cases import CostExercise, InvestorTerms, ListingExercise, PriceExercise
from widgets.pricing.costing import CostSheet, GoatPlan, Labour, Material, Overhead
from widgets.pricing.fees import FeeData, PricingDataError, load_fees
from widgets.pricing.records import FactRules, herd_losses, read_fact_rules
from widgets.sharing.data import load_sharing

PRICING_FILE = "harga.yaml"


@dataclass(frozen=True)
class ChannelDefaults:
    commission: int
    supermarket_margin: int
    supermarket_days: int
    returns: int
    reseller_discount: int
    units_per_order: int


@dataclass(frozen=True)
class PricingData:
    village: Village
    hour_value: int
    sheets: Mapping[str, CostSheet]
    clusters: Mapping[str, str]
    channels: ChannelDefaults
    goat: GoatPlan | None  # None in a village with no livestock group
    fact_rules: FactRules  # which cash-book rows give the lesson's figures (cashbook_facts)
    partnership: InvestorTerms
    cost_exercise: CostExercise
    price_exercise: PriceExercise
    listing_exercise: ListingExercise

    def product(self, key: str) -> Product:
        for group in self.village.groups.values():
            for product in group.products:
                if product.key == key:
                    return product
        raise KeyError(f"no product {key!r}")

    def products(self, group: str | None = None) -> list[Product]:
        """The products of ``group``, by default of the production group."""
        found = self.village.group(group) if group else self.village.production_group()
        return list(found.products) if found else []

    @property
    def main_product(self) -> str:
        """The lesson's product: the first cost sheet's (Jepara: the round doormat)."""
        return next(iter(self.sheets))

    def settings(self, product: str, fees: FeeData, **choices: Any) -> channels.Settings:
        """The channel settings prefilled for ``product`` (the cluster's highest fee)."""
        cluster = self.clusters[product]
        c = self.channels
        return channels.Settings(
            commission=c.commission, supermarket_margin=c.supermarket_margin,
            supermarket_days=c.supermarket_days, returns=c.returns,
            reseller_discount=c.reseller_discount,
            shopee_rate=fees.marketplaces["shopee"].admin_fee.clusters[cluster].high,
            tokopedia_rate=fees.marketplaces["tokopedia"].admin_fee.clusters[cluster].high,
            units_per_order=c.units_per_order, **choices,
        )


def load_pricing(village: Village | None = None, fees: FeeData | None = None) -> PricingData:
    """The pricing data of ``village`` (default: the kit's village), checked against its
    profile and the fee file. Read once per village folder and fee file."""
    village = village or load_village()
    fees = fees or load_fees()
    key = (str(village.folder), village.key, id(fees))
    if key not in _CACHE:
        _CACHE[key] = _load(village, fees)
    return _CACHE[key]


_CACHE: dict[tuple[str, str, int], PricingData] = {}


def clear_cache() -> None:
    _CACHE.clear()


def _load(village: Village, fees: FeeData) -> PricingData:
    raw = read_yaml(village.folder / PRICING_FILE)
    reader = _Reader(PRICING_FILE, village, fees)
    top = Cells(PRICING_FILE, None, raw)
    clusters = reader.clusters(need_mapping(PRICING_FILE, top.raw("marketplace_clusters"),
                                        "marketplace_clusters"))
    sheets_raw = need_mapping(PRICING_FILE, top.raw("cost_sheets"), "cost_sheets")
    sheets = {}
    for key, value in sheets_raw.items():
        path = f"cost_sheets.{key}"
        product = reader.product(str(key), path)
        sheets[product] = reader.sheet(need_mapping(PRICING_FILE, value, path), path, product)
    exercises = need_mapping(PRICING_FILE, top.raw("exercises"), "exercises")
    hour_value = top.amount("hour_value")
    return PricingData(
        village=village,
        hour_value=hour_value,
        sheets=sheets,
        clusters=clusters,
        channels=reader.channels(need_mapping(PRICING_FILE, top.raw("channels"), "channels")),
        # The raising cost needs a livestock group; a village without one skips the block.
        goat=reader.goat(need_mapping(PRICING_FILE, top.raw("goat"), "goat"), hour_value)
        if village.livestock_group() is not None else None,
        partnership=reader.partnership(need_mapping(PRICING_FILE, top.raw("partnership"),
                                                "partnership")),
        fact_rules=read_fact_rules(PRICING_FILE, *_sub(top.cells, "cashbook_facts", "")),
        cost_exercise=reader.cost_exercise(_sub(exercises, "cost", "exercises.")),
        price_exercise=reader.price_exercise(_sub(exercises, "price", "exercises.")),
        listing_exercise=reader.listing_exercise(_sub(exercises, "listing", "exercises.")),
    )


def _sub(raw: Mapping[str, Any], key: str, prefix: str) -> tuple[Mapping[str, Any], str]:
    path = prefix + key
    return need_mapping(PRICING_FILE, Cells(PRICING_FILE, None, raw, prefix).raw(key), path), path


class _Reader:
    """Reads the blocks of ``harga.yaml``; every error names the key path."""

    def __init__(self, file: str, village: Village, fees: FeeData) -> None:
        self.file, self.village, self.fees = file, village, fees
        self.codes = [p.key for g in village.groups.values() for p in g.products]
        self.known_clusters: dict[str, str] = {}

    def cells(self, raw: Mapping[str, Any], path: str) -> Cells:
        return Cells(self.file, None, raw, path + ".")

    def product(self, value: str, path: str) -> str:
        if value not in self.codes:
            raise PricingDataError(self.file, "unknown_product", column=path, value=value,
                                   choices=", ".join(self.codes))
        return value

    def percent(self, raw: Mapping[str, Any], key: str, path: str) -> int:
        value = self.cells(raw, path).raw(key)
        try:
            return parse_percent(str(value), maximum=BASIS)
        except NumberError:
            raise PricingDataError(self.file, "not_percent", column=f"{path}.{key}",
                                   value=value) from None

    def sheet(self, raw: Mapping[str, Any], path: str, product: str) -> CostSheet:
        cells = self.cells(raw, path)
        materials = []
        found = need_list(self.file, raw.get("materials"), f"{path}.materials")
        for i, item in enumerate(found, 1):
            where = f"{path}.materials[{i}]"
            m = self.cells(need_mapping(self.file, item, where), where)
            materials.append(Material(m.text("name"), self.quantity(m, where), m.text("unit"),
                                      m.amount("unit_price")))
        overheads = []
        found = need_list(self.file, raw.get("overheads"), f"{path}.overheads")
        for i, item in enumerate(found, 1):
            where = f"{path}.overheads[{i}]"
            o = self.cells(need_mapping(self.file, item, where), where)
            overheads.append(Overhead(o.text("name"), o.amount("monthly", minimum=0)))
        return CostSheet(product, cells.integer("batch_units", minimum=1), tuple(materials),
                         self.labour(need_mapping(self.file, cells.raw("labour"), f"{path}.labour"),
                                     f"{path}.labour"),
                         tuple(overheads), cells.integer("units_per_month", minimum=1))

    def quantity(self, cells: Cells, where: str) -> Fraction:
        value = cells.raw("quantity")
        try:
            return parse_quantity(str(value))
        except NumberError:
            raise PricingDataError(self.file, "not_quantity", column=f"{where}.quantity",
                                   value=value) from None

    def labour(self, raw: Mapping[str, Any], path: str) -> Labour:
        cells = self.cells(raw, path)
        if "piece_rate" in raw and not ({"minutes", "per_hour"} & raw.keys()):
            return Labour(piece_rate=cells.amount("piece_rate", minimum=0))
        if "piece_rate" in raw or not {"minutes", "per_hour"} <= raw.keys():
            raise PricingDataError(self.file, "labour", column=path)
        return Labour(minutes=cells.integer("minutes", minimum=0),
                      per_hour=cells.amount("per_hour", minimum=0))

    def clusters(self, raw: Mapping[str, Any]) -> dict[str, str]:
        found = {}
        for key, cluster in raw.items():
            path = f"marketplace_clusters.{key}"
            for market in self.fees.marketplaces.values():
                known = list(market.admin_fee.clusters)
                if cluster not in known:
                    raise PricingDataError(self.file, "unknown_cluster", column=path,
                                           value=cluster, choices=", ".join(known))
            found[self.product(str(key), path)] = str(cluster)
        self.known_clusters = found
        return found

    def channels(self, raw: Mapping[str, Any]) -> ChannelDefaults:
        cells = self.cells(raw, "channels")
        shop = need_mapping(self.file, cells.raw("supermarket"), "channels.supermarket")
        return ChannelDefaults(
            self.percent(raw, "warung_commission", "channels"),
            self.percent(shop, "margin", "channels.supermarket"),
            self.cells(shop, "channels.supermarket").integer("pay_after_days", minimum=0),
            self.percent(shop, "returns", "channels.supermarket"),
            self.percent(raw, "reseller_discount", "channels"),
            cells.integer("units_per_order", minimum=1),
        )

    def goat(self, raw: Mapping[str, Any], hour_value: int) -> GoatPlan:
        cells = self.cells(raw, "goat")
        product = self.product(cells.text("product"), "goat.product")
        deaths, raised = herd_losses(self.village)
        herd = load_sharing(self.village).herd_size().total  # 0 in a village with no herd
        return GoatPlan(
            months=cells.integer("months", minimum=1),
            feed_per_month=cells.amount("feed_per_month", minimum=0),
            grass_hours_per_day=cells.integer("grass_hours_per_day", minimum=0),
            hour_value=hour_value,
            herd_size=herd or 1,
            medicine=cells.amount("medicine", minimum=0),
            deaths=deaths, raised=max(raised, 1),
            price=self._price(product),
        )

    def _price(self, product: str) -> int:
        return next(p.price for g in self.village.groups.values() for p in g.products
                    if p.key == product)

    def partnership(self, raw: Mapping[str, Any]) -> InvestorTerms:
        cells = self.cells(raw, "partnership")
        product = self.product(cells.text("product"), "partnership.product")
        return InvestorTerms(product, cells.integer("units", minimum=1),
                             cells.amount("shelf_price"),
                             cells.amount("maklon_per_unit", minimum=0),
                             self.percent(raw, "group_share", "partnership"))

    def cost_exercise(self, block: tuple[Mapping[str, Any], str]) -> CostExercise:
        raw, path = block
        cells = self.cells(raw, path)
        product = self.product(cells.text("product"), f"{path}.product")
        month = str(cells.raw("month"))
        if not re.fullmatch(r"\d{4}-\d{2}", month) or not 1 <= int(month[5:]) <= 12:
            raise PricingDataError(self.file, "not_month", column=f"{path}.month", value=month)
        return CostExercise(product, (int(month[:4]), int(month[5:])),
                            self.sheet(raw, path, product))

    def price_exercise(self, block: tuple[Mapping[str, Any], str]) -> PriceExercise:
        raw, path = block
        cells = self.cells(raw, path)
        return PriceExercise(self.product(cells.text("product"), f"{path}.product"),
                             self.percent(raw, "min_margin", path), cells.amount("market_max"))

    def listing_exercise(self, block: tuple[Mapping[str, Any], str]) -> ListingExercise:
        raw, path = block
        cells = self.cells(raw, path)
        product = self.product(cells.text("product"), f"{path}.product")
        if product not in self.known_clusters:
            raise PricingDataError(self.file, "no_cluster", column=f"{path}.product",
                                   value=product)
        return ListingExercise(product, cells.amount("target"),
                               cells.integer("units_per_order", minimum=1))

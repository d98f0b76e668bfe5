"""Marketplace fees and tax from ``datasets/marketplace_fees.yaml``: every rate with its date.

Plain Python, no ipywidgets. Fees change often, so no rate lives in code: each one is read from
the data file with the day it was known to hold (``as_of``) and where it came from
(``source``). A missing ``as_of`` or ``source`` stops the kit with a message naming the file
and the key. :meth:`FeeData.stale` lists the rates older than six months, which the views
show with a "check Seller Centre" warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from widgets.core import i18n

# The checked readers: the same messages for the same mistakes in every data file.
from widgets.core.datafile import Cells, DataError, cached_file, need_mapping, read_yaml
from widgets.core.numbers import BASIS, NumberError, parse_percent, round_half_up
from widgets.core.village import DATASETS_DIR

FEES_FILE = DATASETS_DIR / "marketplace_fees.yaml"
STALE_MONTHS = 6
MARKETPLACES = ("shopee", "tokopedia")


class PricingDataError(DataError):
    """A problem in a pricing data file whose text is in the ``pricedata`` section of
    ``widgets/locale/pricing.yaml`` (the shared problems, such as a missing value, keep the
    data-file readers' texts)."""

    section = "pricedata"


@dataclass(frozen=True)
class Dated:
    """Where a rate came from and when it was known to hold."""

    key: str  # e.g. "shopee.admin_fee": names the rate in the sources table
    as_of: dt.date
    source: str
    unverified: bool = False


@dataclass(frozen=True)
class Cluster:
    low: int  # basis points
    high: int


@dataclass(frozen=True)
class PercentFee:
    """An admin or service fee by category cluster; an optional tier is discounted."""

    clusters: Mapping[str, Cluster]
    seller: i18n.Local
    dated: Dated
    tier: int | None = None
    tier_discount: int = 0

    def effective(self, points: int) -> int:
        """The rate charged for a listed ``points`` rate: 10% with a 20% discount -> 8%."""
        if self.tier is not None and points == self.tier:
            return round_half_up(Fraction(points * (BASIS - self.tier_discount), BASIS))
        return points

    def assumed(self, cluster: str) -> int:
        """The highest rate of the cluster, discount applied: the safe guess until checked."""
        return self.effective(self.clusters[cluster].high)


@dataclass(frozen=True)
class OrderFee:
    amount: int
    per: i18n.Local
    starts: dt.date
    exempt_first_orders: int
    dated: Dated

    def applies(self, today: dt.date) -> bool:
        return today >= self.starts


@dataclass(frozen=True)
class Marketplace:
    key: str
    name: str
    admin_fee: PercentFee
    order_fee: OrderFee
    charged_on: i18n.Local
    charged_on_dated: Dated


@dataclass(frozen=True)
class Tax:
    """PPh 22 withheld by marketplaces, unless the seller files the turnover statement."""

    rate: int
    exempt_up_to: int
    starts: dt.date
    dated: Dated

    def applies(self, today: dt.date) -> bool:
        return today >= self.starts


@dataclass(frozen=True)
class Stopped:
    """A marketplace that no longer sells physical goods: history only."""

    announced: dt.date
    last_orders: dt.date
    dated: Dated


@dataclass(frozen=True)
class FeeData:
    file: str
    marketplaces: Mapping[str, Marketplace]
    pph22: Tax
    bukalapak: Stopped

    def rates(self) -> list[Dated]:
        """Every dated rate, in the order of the file (Bukalapak is history, not a rate)."""
        found: list[Dated] = []
        for market in self.marketplaces.values():
            found += [market.admin_fee.dated, market.order_fee.dated, market.charged_on_dated]
        return found + [self.pph22.dated]

    def stale(self, today: dt.date) -> list[Dated]:
        """Rates whose ``as_of`` is more than six months before ``today``."""
        limit = months_before(today, STALE_MONTHS)
        return [rate for rate in self.rates() if rate.as_of < limit]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (31 Aug - 6 months = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


# --- Loading --------------------------------------------------------------------------------


@cached_file(FEES_FILE)
def load_fees(path: Path) -> FeeData:
    """The fee data (default ``datasets/marketplace_fees.yaml``), checked; cached per path."""
    data = read_yaml(path)
    file = path.name
    markets = {key: _marketplace(file, key, need_mapping(file, _need(file, data, key), key))
               for key in MARKETPLACES}
    return FeeData(file, markets, _tax(file, data), _stopped(file, data))


clear_cache = load_fees.clear_cache


def _need(file: str, data: Mapping[str, Any], key: str, prefix: str = "") -> Any:
    if data.get(key) in (None, ""):
        raise DataError(file, "missing_value", column=prefix + key)
    return data[key]


def _dated(file: str, raw: Mapping[str, Any], path: str) -> Dated:
    """``as_of`` and ``source`` of the block at ``path``: both required."""
    cells = Cells(file, None, raw, path + ".")
    return Dated(path, cells.date("as_of"), " ".join(cells.text("source").split()),
                 cells.flag("unverified"))


def _percent(file: str, raw: Mapping[str, Any], key: str, path: str) -> int:
    value = _need(file, raw, key, path + ".")
    try:
        return parse_percent(str(value), maximum=BASIS)
    except NumberError:
        raise PricingDataError(file, "not_percent", column=f"{path}.{key}", value=value) from None


def _percent_fee(file: str, raw: Mapping[str, Any], path: str) -> PercentFee:
    clusters = {}
    found = need_mapping(file, _need(file, raw, "clusters", path + "."), f"{path}.clusters")
    for name, bounds in found.items():
        where = f"{path}.clusters.{name}"
        bounds = need_mapping(file, bounds, where)
        low, high = _percent(file, bounds, "min", where), _percent(file, bounds, "max", where)
        if low > high:
            raise PricingDataError(file, "range", column=where, low=bounds["min"],
                                   high=bounds["max"])
        clusters[str(name)] = Cluster(low, high)
    tier, discount = None, 0
    if raw.get("tier_discount") is not None:
        where = f"{path}.tier_discount"
        tiers = need_mapping(file, raw["tier_discount"], where)
        tier, discount = _percent(file, tiers, "tier", where), _percent(file, tiers, "discount",
                                                                         where)
    return PercentFee(clusters, Cells(file, None, raw, path + ".").texts("seller"),
                      _dated(file, raw, path),
                      tier, discount)


def _marketplace(file: str, key: str, raw: Mapping[str, Any]) -> Marketplace:
    admin_raw = need_mapping(file, _need(file, raw, "admin_fee", key + "."), f"{key}.admin_fee")
    order_path = f"{key}.order_fee"
    order_raw = need_mapping(file, _need(file, raw, "order_fee", key + "."), order_path)
    order = Cells(file, None, order_raw, order_path + ".")
    order_fee = OrderFee(order.amount("amount", minimum=0), order.texts("per"),
                         order.date("starts"), order.integer("exempt_first_orders", minimum=0),
                         _dated(file, order_raw, order_path))
    charged_path = f"{key}.charged_on"
    charged = need_mapping(file, _need(file, raw, "charged_on", key + "."), charged_path)
    return Marketplace(key, Cells(file, None, raw, key + ".").text("name"),
                       _percent_fee(file, admin_raw, f"{key}.admin_fee"), order_fee,
                       Cells(file, None, charged, charged_path + ".").texts("text"),
                       _dated(file, charged, charged_path))


def _tax(file: str, data: Mapping[str, Any]) -> Tax:
    raw = need_mapping(file, _need(file, data, "pph22"), "pph22")
    cells = Cells(file, None, raw, "pph22.")
    return Tax(_percent(file, raw, "rate", "pph22"), cells.amount("exempt_up_to"),
               cells.date("starts"), _dated(file, raw, "pph22"))


def _stopped(file: str, data: Mapping[str, Any]) -> Stopped:
    raw = need_mapping(file, _need(file, data, "bukalapak"), "bukalapak")
    cells = Cells(file, None, raw, "bukalapak.")
    return Stopped(cells.date("announced"), cells.date("last_orders"),
                   _dated(file, raw, "bukalapak"))

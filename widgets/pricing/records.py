"""The figures the pricing lesson draws from the village's own records: unit prices and
electricity from the cash book, deaths and sale prices from the goat herd.

Plain Python, no ipywidgets. Used by ``pricing.data`` and the pricing lesson.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

from widgets.cashbook.ledger import Entry
from widgets.core.numbers import round_half_up
from widgets.core.village import Village
from widgets.sharing.data import load_sharing


def herd_losses(village: Village) -> tuple[int, int]:
    """(goats that died, goats ever raised: the first herd, births and purchases)."""
    events = load_sharing(village).herd_events()
    deaths = -sum(e.does + e.bucks for e in events if e.event == "mati")
    raised = sum(e.does + e.bucks for e in events
                 if e.event in ("awal", "lahir", "beli"))
    return deaths, raised


@dataclass(frozen=True)
class Sale:
    day: dt.date
    head: int
    total: int
    note: str

    @property
    def per_head(self) -> int:
        return round_half_up(Fraction(self.total, self.head))


def goat_sales(village: Village) -> list[Sale]:
    """The herd's sales with a price, oldest first."""
    return [Sale(e.day, -(e.does + e.bucks), e.price, e.note)
            for e in load_sharing(village).herd_events() if e.event == "jual" and e.price]


@dataclass(frozen=True)
class CashbookFacts:
    """Prices and monthly averages read from a group's cash book (None when not found)."""

    months: int
    perca_per_karung: int | None
    thread_per_lusin: int | None
    trip_to_town: int | None
    electricity_per_month: int
    upkeep_per_month: int
    electricity_total: int
    direct_price: int | None  # a keset bulat sold at the sewing house or market
    shop_pays: int | None  # what the village shop hands over for one keset it sold


_PERCA = re.compile(r"kain perca (\d+) karung", re.IGNORECASE)
_THREAD = re.compile(r"benang jahit (\d+) lusin", re.IGNORECASE)
_DIRECT = re.compile(r"^Jual (\d+) keset bulat (?:ke|di)\b", re.IGNORECASE)
_SHOP = re.compile(r"^Setoran titipan .*?: (\d+) keset(?: bulat)? laku$", re.IGNORECASE)


def _unit_prices(entries: list[Entry], pattern: re.Pattern[str]) -> list[int]:
    prices = []
    for entry in entries:
        match = pattern.search(entry.description)
        if match and int(match.group(1)) > 0:
            prices.append(round_half_up(Fraction(entry.amount, int(match.group(1)))))
    return prices


def _typical(prices: list[int]) -> int | None:
    """The price seen most often (the first of equals), or None."""
    return max(prices, key=prices.count) if prices else None


def cashbook_facts(entries: list[Entry]) -> CashbookFacts:
    """What the cash book says about the keset's costs. Monthly averages divide by every month
    that has entries and are rounded half up; machine purchases are not upkeep."""
    business = [e for e in entries if e.purse == "usaha"]
    months = len({(e.day.year, e.day.month) for e in business}) or 1
    electricity = sum(e.amount for e in business if e.category == "listrik")
    upkeep = sum(e.amount for e in business
                 if e.category == "alat" and not e.description.lower().startswith("beli mesin"))
    trips = [e.amount for e in business
             if e.category == "transport" and "metro" in e.description.lower()]
    return CashbookFacts(
        months=months,
        perca_per_karung=_typical(_unit_prices(business, _PERCA)),
        thread_per_lusin=_typical(_unit_prices(business, _THREAD)),
        trip_to_town=_typical(trips),
        electricity_per_month=round_half_up(Fraction(electricity, months)),
        upkeep_per_month=round_half_up(Fraction(upkeep, months)),
        direct_price=_typical(_unit_prices(business, _DIRECT)),
        shop_pays=_typical(_unit_prices(business, _SHOP)),
        electricity_total=electricity,
    )


def electricity_share(facts: CashbookFacts, share: Fraction) -> int:
    """A product's share of the month's electricity, from the total (one rounding only)."""
    return round_half_up(facts.electricity_total * share / facts.months)


def shop_commission(facts: CashbookFacts) -> Fraction | None:
    """The share the village shop keeps: (direct price − what it pays) ÷ direct price."""
    if not facts.direct_price or facts.shop_pays is None:
        return None
    return Fraction(facts.direct_price - facts.shop_pays, facts.direct_price)

"""The figures the pricing lesson draws from the village's own records: unit prices and
electricity from the cash book, deaths and sale prices from the goat herd.

Plain Python, no ipywidgets. Used by ``pricing.data`` and the pricing lesson.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from widgets.cashbook.ledger import Entry
from widgets.core.datafile import Cells, need_list, need_mapping
from widgets.core.numbers import BASIS, NumberError, parse_percent, round_half_up
from widgets.core.village import Village
from widgets.sharing.data import load_sharing


def animal_words(village: Village) -> dict[str, str]:
    """The livestock group's words for the goat lesson's sentences: ``animal`` (kambing),
    ``Animal`` (Kambing) and ``season`` (Idul Adha)."""
    group = village.livestock_group()
    animal = (group.animal or group.called) if group else ""
    season = group.sale_season if group else ""
    return {"animal": animal, "Animal": animal[:1].upper() + animal[1:], "season": season}


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


def line_pattern(text: str) -> re.Pattern[str]:
    """A cash-book line as ``harga.yaml`` writes it: ``{n}`` is a count, ``...`` any text
    (the spaces beside it are optional); the rest is matched as written, in any case.
    ``"... kain perca {n} karung ..."`` matches ``Beli kain perca 2 karung di Metro``."""
    parts = [part.strip() for part in text.split("...")]
    body = ".*".join(re.escape(part).replace(re.escape("{n}"), r"(\d+)") for part in parts)
    return re.compile(body, re.IGNORECASE)


@dataclass(frozen=True)
class LineRule:
    """One figure the pricing lesson reads from the cash book: its ``label`` on the page and
    the ``lines`` (patterns, see :func:`line_pattern`) of the rows it comes from."""

    label: str
    lines: tuple[str, ...] = ()

    def matches(self, description: str) -> re.Match[str] | None:
        for line in self.lines:
            found = line_pattern(line).fullmatch(description.strip())
            if found:
                return found
        return None


@dataclass(frozen=True)
class FactRules:
    """``harga.yaml``'s ``cashbook_facts``: which cash-book rows give which figure."""

    unit_prices: Mapping[str, LineRule]  # key -> bought by the unit ("{n} karung")
    trip: LineRule  # a ``transport`` row: the trip to buy material
    electricity: str  # label of the month's electricity
    share_label: str  # label of the product's share of it
    share: Fraction  # that share (a quarter of the machines' time in Jepara)
    upkeep: LineRule  # label; ``lines`` are ``alat`` rows that are not upkeep (a new machine)
    direct_sale: LineRule  # the product sold straight to a buyer: "{n}" pieces
    shop_sale: LineRule  # what a shop hands over for "{n}" pieces it sold


def _line_rule(file: str, raw: Any, path: str, need_lines: bool = True) -> LineRule:
    cells = Cells(file, None, need_mapping(file, raw, path), path + ".")
    lines = cells.cells.get("lines") or []
    lines = [lines] if isinstance(lines, str) else need_list(file, lines, f"{path}.lines")
    if need_lines and not lines:
        raise cells.error("lines", "missing_value")
    return LineRule(" ".join(cells.text("label").split()), tuple(str(x) for x in lines))


def read_fact_rules(file: str, raw: Mapping[str, Any], path: str) -> FactRules:
    """``harga.yaml``'s ``cashbook_facts`` block, checked (each error names the key)."""
    cells = Cells(file, None, raw, path + ".")
    prices = need_mapping(file, cells.raw("unit_prices"), f"{path}.unit_prices")
    where = f"{path}.electricity"
    power = Cells(file, None, need_mapping(file, cells.raw("electricity"), where), where + ".")
    try:
        share = Fraction(parse_percent(str(power.raw("share")), maximum=BASIS), BASIS)
    except NumberError:
        raise power.error("share", "not_percent", power.raw("share")) from None
    return FactRules(
        unit_prices={str(k): _line_rule(file, v, f"{path}.unit_prices.{k}")
                     for k, v in prices.items()},
        trip=_line_rule(file, cells.raw("trip"), f"{path}.trip"),
        electricity=" ".join(power.text("label").split()),
        share_label=" ".join(power.text("share_label").split()),
        share=share,
        upkeep=_line_rule(file, cells.raw("upkeep"), f"{path}.upkeep", need_lines=False),
        direct_sale=_line_rule(file, cells.raw("direct_sale"), f"{path}.direct_sale"),
        shop_sale=_line_rule(file, cells.raw("shop_sale"), f"{path}.shop_sale"),
    )


@dataclass(frozen=True)
class CashbookFacts:
    """Prices and monthly averages read from a group's cash book (None when not found)."""

    months: int
    unit_prices: Mapping[str, int | None]  # per ``FactRules.unit_prices`` key
    trip_to_town: int | None
    electricity_per_month: int
    upkeep_per_month: int
    electricity_total: int
    direct_price: int | None  # the product sold at the group's house or market
    shop_pays: int | None  # what the village shop hands over for one piece it sold


def _unit_prices(entries: list[Entry], rule: LineRule) -> list[int]:
    prices = []
    for entry in entries:
        match = rule.matches(entry.description)
        if match and match.groups() and int(match.group(1)) > 0:
            prices.append(round_half_up(Fraction(entry.amount, int(match.group(1)))))
    return prices


def _typical(prices: list[int]) -> int | None:
    """The price seen most often (the first of equals), or None."""
    return max(prices, key=prices.count) if prices else None


def cashbook_facts(entries: list[Entry], rules: FactRules) -> CashbookFacts:
    """What the cash book says about the product's costs, found by ``rules`` (``harga.yaml``).
    Monthly averages divide by every month that has entries and are rounded half up; the
    ``alat`` rows the upkeep rule names (a machine bought) are not upkeep."""
    business = [e for e in entries if e.purse == "usaha"]
    months = len({(e.day.year, e.day.month) for e in business}) or 1
    electricity = sum(e.amount for e in business if e.category == "listrik")
    upkeep = sum(e.amount for e in business
                 if e.category == "alat" and not rules.upkeep.matches(e.description))
    trips = [e.amount for e in business
             if e.category == "transport" and rules.trip.matches(e.description)]
    return CashbookFacts(
        months=months,
        unit_prices={key: _typical(_unit_prices(business, rule))
                     for key, rule in rules.unit_prices.items()},
        trip_to_town=_typical(trips),
        electricity_per_month=round_half_up(Fraction(electricity, months)),
        upkeep_per_month=round_half_up(Fraction(upkeep, months)),
        direct_price=_typical(_unit_prices(business, rules.direct_sale)),
        shop_pays=_typical(_unit_prices(business, rules.shop_sale)),
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

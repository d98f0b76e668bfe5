"""What each sales channel leaves in the purse, per piece and per month, and the inverse: the
marketplace listing price needed to keep a target amount.

Plain Python, no ipywidgets. Channels: selling directly, consignment in a village shop
(commission), consignment in a supermarket (its margin, payment after some days, returns),
Shopee, Tokopedia / TikTok Shop (fees from :mod:`widgets.pricing.fees`) and a reseller (discount).

Rounding, stated once:

* a percentage (commission, margin, discount, admin fee, PPh 22) is taken **per order** from
  the order's item value and rounded half up to the rupiah; the kit assumes marketplaces round
  this way (not checked with them);
* the Rp1.250 order fee is per order, so with several pieces in one order it is shared;
* the net per piece is the order's net ÷ pieces, rounded **down**, and supermarket returns
  lower it, rounded **down**: the kit never promises a rupiah that may not arrive;
* the month's net is the net per piece × pieces.

Every channel's net is at most its price. :func:`listing_price` gives the smallest whole-rupiah
price whose net per piece reaches the target; because the net rises by at most Rp1 for each
Rp1 of price, that net is exactly the target. :func:`round_listing_price` gives the round price
a seller would list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from widgets.core.i18n import KeyedError, t
from widgets.core.numbers import BASIS, round_half_up, share
from widgets.pricing.costing import round_up_to
from widgets.pricing.fees import FeeData, Marketplace, Tax

CHANNELS = ("direct", "warung", "supermarket", "shopee", "tokopedia", "reseller")
MAX_FEE_RATE = 5_000  # a typed marketplace fee above 50% is a typing mistake, not a fee


def channel_name(channel: str) -> str:
    """The channel's name on screen (``Jual langsung``, ``Shopee``...)."""
    return t(f"sales.name_{channel}")


class ChannelError(KeyedError):
    """A channel setting that cannot work; ``field`` names the input it is about."""

    section = "sales"

    def __init__(self, field: str, key: str, **params: object) -> None:
        self.field = field
        super().__init__(key, **params)


@dataclass(frozen=True)
class Deduction:
    """One thing a channel keeps, for the whole order; ``rate`` in basis points if a percent."""

    key: str  # commission, margin, returns, discount, admin_fee, order_fee, pph22
    amount: int
    rate: int | None = None


@dataclass(frozen=True)
class ChannelNet:
    channel: str
    price: int
    deductions: tuple[Deduction, ...]
    net_per_unit: int
    units_per_order: int = 1
    paid_after_days: int | None = None  # supermarket only: days until it pays

    def per_month(self, units: int) -> int:
        return self.net_per_unit * units


@dataclass(frozen=True)
class Settings:
    """Everything a channel takes, as typed or prefilled (percentages in basis points)."""

    commission: int  # village shop
    supermarket_margin: int
    supermarket_days: int
    returns: int  # supermarket: share of pieces that come back unsellable
    reseller_discount: int
    shopee_rate: int  # listed admin fee
    tokopedia_rate: int  # listed service fee (a discounted tier is applied on top)
    units_per_order: int = 1
    statement_filed: bool = False  # PPh 22 turnover statement sent to the marketplace
    new_shop: bool = False  # Shopee: a new non-Star shop's first orders carry no order fee


def direct(price: int) -> ChannelNet:
    return ChannelNet("direct", price, (), price)


def village_shop(price: int, commission: int) -> ChannelNet:
    taken = share(price, commission)
    return ChannelNet("warung", price, (Deduction("commission", taken, commission),),
                      price - taken)


def supermarket(price: int, margin: int, returns: int, days: int) -> ChannelNet:
    """Per piece delivered: the price less the supermarket's margin, times the share of pieces
    that sell (returned pieces come back unsellable and earn nothing)."""
    kept = share(price, margin)
    sold = price - kept
    net = sold * (BASIS - returns) // BASIS
    deductions = (Deduction("margin", kept, margin), Deduction("returns", sold - net, returns))
    return ChannelNet("supermarket", price, deductions, net, paid_after_days=days)


def reseller(price: int, discount: int) -> ChannelNet:
    taken = share(price, discount)
    return ChannelNet("reseller", price, (Deduction("discount", taken, discount),),
                      price - taken)


@dataclass(frozen=True)
class Terms:
    """A marketplace's cut as it applies to one seller today."""

    channel: str
    admin_rate: int  # effective basis points (after any tier discount)
    order_fee: int  # rupiah per order (0 before it starts or for an exempt new shop)
    tax_rate: int  # basis points (0 when the turnover statement is filed)
    units_per_order: int = 1


def terms(market: Marketplace, tax: Tax, listed_rate: int, today: dt.date, *,
          statement_filed: bool = False, new_shop: bool = False,
          units_per_order: int = 1) -> Terms:
    if not 0 <= listed_rate <= MAX_FEE_RATE:
        raise ChannelError("rate", "rate_too_high")
    if units_per_order < 1:
        raise ChannelError("units_per_order", "units_per_order")
    fee = market.order_fee
    exempt = new_shop and fee.exempt_first_orders > 0
    order_fee = fee.amount if fee.applies(today) and not exempt else 0
    tax_rate = 0 if statement_filed or not tax.applies(today) else tax.rate
    return Terms(market.key, market.admin_fee.effective(listed_rate), order_fee, tax_rate,
                 units_per_order)


def marketplace(price: int, cut: Terms) -> ChannelNet:
    value = price * cut.units_per_order
    admin, tax = share(value, cut.admin_rate), share(value, cut.tax_rate)
    net_order = value - admin - tax - cut.order_fee
    deductions = (Deduction("admin_fee", admin, cut.admin_rate),
                  Deduction("order_fee", cut.order_fee),
                  Deduction("pph22", tax, cut.tax_rate))
    return ChannelNet(cut.channel, price, deductions, net_order // cut.units_per_order,
                      cut.units_per_order)


def listing_price(target: int, cut: Terms) -> int:
    """The smallest listing price whose net per piece is at least ``target``.

    Below ``(q·target + fee − 1) ÷ (q·(1 − rates))`` no price can reach it (each rounded
    percentage is at most half a rupiah off), so the search starts just under that bound and
    walks up; it stops within a few rupiah."""
    if target < 1:
        raise ChannelError("target", "target_positive")
    rates = cut.admin_rate + cut.tax_rate
    if rates >= BASIS:
        raise ChannelError("rate", "rate_too_high")
    q = cut.units_per_order
    bound = Fraction((q * target + cut.order_fee - 1) * BASIS, q * (BASIS - rates))
    price = max(int(bound) - 1, 0)
    while marketplace(price, cut).net_per_unit < target:
        price += 1
    return price


def round_listing_price(target: int, cut: Terms, step: int = 500) -> int:
    """A round listing price (a multiple of ``step``) at or above :func:`listing_price` whose
    net per piece still reaches ``target``: rounding a percentage can cost a rupiah, so a round
    price just above the exact one may fall short, and the next step up is taken."""
    price = round_up_to(listing_price(target, cut), step)
    while marketplace(price, cut).net_per_unit < target:
        price += step
    return price


def compare(price: int, settings: Settings, fees: FeeData, today: dt.date) -> list[ChannelNet]:
    """Every channel's net for one product at one price, in the order of ``CHANNELS``."""
    common = {"statement_filed": settings.statement_filed,
              "units_per_order": settings.units_per_order}
    shopee = terms(fees.marketplaces["shopee"], fees.pph22, settings.shopee_rate, today,
                   new_shop=settings.new_shop, **common)
    tokopedia = terms(fees.marketplaces["tokopedia"], fees.pph22, settings.tokopedia_rate,
                      today, **common)
    return [
        direct(price),
        village_shop(price, settings.commission),
        supermarket(price, settings.supermarket_margin, settings.returns,
                    settings.supermarket_days),
        marketplace(price, shopee),
        marketplace(price, tokopedia),
        reseller(price, settings.reseller_discount),
    ]


def money_waiting(units_per_month: int, cost_per_unit: int, days: int) -> int:
    """What a month's pieces cost, held for ``days`` before the supermarket pays: the working
    capital the group needs (``days`` ÷ 30 of a month's cost, rounded half up)."""
    return round_half_up(Fraction(units_per_month * cost_per_unit * days, 30))

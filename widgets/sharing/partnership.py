"""Deals between two sides: goat *gaduh/maro* (owner and keeper) and an investor with the group.

Plain Python, no ipywidgets. Both end in a :class:`widgets.sharing.split.Distribution` whose shares
and set-aside amounts add up to the money on the table, to the rupiah.

*Gaduh/maro* (Lampung practice): an owner entrusts goats to a keeper. Of the kids born, the first
goes to the keeper and the rest are split 50:50 (or another agreed ratio); kids that cannot be
split in whole goats are sold and the money is split by the same ratio. When the goat is fattened
and sold, the owner first gets the purchase price back and the price gain is split by the ratio.
A price loss is the owner's (a normal business risk), unless it came from the keeper's
negligence: then the keeper bears it.

Investor and group: the investor supplies capital and raw material, the group supplies the work,
and the profit (sales minus the costs the investor paid) is split by an agreed ratio. If there is
a loss, the investor bears the money and the group has lost its work (as in *mudharabah*).
The alternative is *maklon*: the investor pays the group per piece and keeps whatever is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from widgets.sharing.split import (
    Contribution,
    Distribution,
    SharingError,
    basis_weights,
    member_names,
    percent_text,
    set_aside_first,
    split_profit,
)


def _amount(value: int, key: str = "amount_negative") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("amounts are int rupiah")
    if value < 0:
        raise SharingError(key)
    return value


def _two_names(owner: str, keeper: str) -> tuple[str, str]:
    owner, keeper = owner.strip(), keeper.strip()
    if not owner or not keeper:
        raise SharingError("name_empty")
    if owner.casefold() == keeper.casefold():
        raise SharingError("name_twice", name=owner)
    return owner, keeper


# --- Gaduh / maro ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KidSplit:
    """Whole kids to each side, and kids left over that are sold and their money split."""

    keeper: int
    owner: int
    to_sell: int


def split_kids(kids: int, first_to_keeper: int = 1, keeper_percent: Fraction = Fraction(50)
               ) -> KidSplit:
    """``kids`` born: the first ``first_to_keeper`` go to the keeper, the rest by the ratio."""
    if isinstance(kids, bool) or not isinstance(kids, int) or kids < 0:
        raise SharingError("kids_bad")
    first = min(first_to_keeper, kids)
    rest = kids - first
    keeper = first + int(rest * keeper_percent / 100)
    owner = int(rest * (100 - keeper_percent) / 100)
    return KidSplit(keeper, owner, kids - keeper - owner)


def gaduh(owner: str, keeper: str, sale_price: int, buy_price: int, kids: int = 0,
          kid_price: int = 0, first_to_keeper: int = 1,
          keeper_percent: Fraction = Fraction(50), negligence: bool = False) -> Distribution:
    """Method 7: the money when the entrusted goat is sold (``sale_price``; 0 if not sold)
    plus any kids that had to be sold, shared between owner and keeper. ``params`` says how:
    the kids each side keeps and each side's part of the price gain (``gain_owner``,
    ``gain_keeper``: a gain that does not halve exactly gives the owner the extra rupiah)."""
    owner, keeper = _two_names(owner, keeper)
    sale_price, buy_price, kid_price = (_amount(v) for v in (sale_price, buy_price, kid_price))
    if sale_price == 0:
        buy_price = 0  # not sold yet: only the kids are shared
    kids_split = split_kids(kids, first_to_keeper, keeper_percent)
    ratio = {owner: 100 - keeper_percent, keeper: keeper_percent}
    kid_money = split_profit(kids_split.to_sell * kid_price, ratio)
    gain = sale_price - buy_price
    if gain >= 0:
        gain_split = split_profit(gain, ratio)
    elif negligence:
        gain_split = {owner: 0, keeper: gain}  # the keeper makes good the loss
    else:
        gain_split = {owner: gain, keeper: 0}  # a normal loss is the owner's
    shares = {
        owner: buy_price + gain_split[owner] + kid_money[owner],
        keeper: gain_split[keeper] + kid_money[keeper],
    }
    params = {"owner": owner, "keeper": keeper, "buy_price": buy_price, "gain": gain,
              "gain_owner": gain_split[owner], "gain_keeper": gain_split[keeper],
              "kids": kids, "kid_price": kid_price, "first_to_keeper": first_to_keeper,
              "keeper_percent": percent_text(keeper_percent, "."), "negligence": negligence,
              "kids_keeper": kids_split.keeper, "kids_owner": kids_split.owner,
              "kids_sold": kids_split.to_sell}
    total = sale_price + kids_split.to_sell * kid_price
    return Distribution("gaduh", total, shares, {}, params)


# --- Investor and group ---------------------------------------------------------------------


def investor_share(profit: int, members: Sequence[Contribution], investor: str,
                   investor_percent: Fraction, basis: str = "equal", unit: str = "potong"
                   ) -> Distribution:
    """Method 8: the investor's agreed percentage of the profit is set aside for the investor,
    and the group's part is shared among the members by ``basis``. A loss is the investor's."""
    investor = investor.strip()
    if not investor:
        raise SharingError("name_empty")
    weights = basis_weights(basis, members)
    if profit >= 0:
        part, _group = set_aside_first(profit, investor_percent, "investor")
    else:
        part = profit  # the group has lost its work; the money lost is the investor's
    shares = split_profit(profit - part, weights)
    params = {"investor": investor, "investor_percent": percent_text(investor_percent, "."),
              "basis": basis, "unit": unit}
    return Distribution("investor", profit, shares, {"investor": part}, params)


def maklon(profit: int, members: Sequence[Contribution], investor: str, piece_rate: int
           ) -> Distribution:
    """The alternative to method 8: the investor pays the group ``piece_rate`` for every piece
    (``work`` = pieces) and keeps the rest of the profit, or bears the loss."""
    investor = investor.strip()
    if not investor:
        raise SharingError("name_empty")
    piece_rate = _amount(piece_rate)
    member_names(members)
    pieces = {}
    for m in members:
        if isinstance(m.work, bool) or not isinstance(m.work, int) or m.work < 0:
            raise SharingError("pieces_whole", name=m.name)
        pieces[m.name] = m.work
    wages = {name: count * piece_rate for name, count in pieces.items()}
    params = {"investor": investor, "piece_rate": piece_rate,
              "pieces": sum(pieces.values()), "unit": "potong"}
    return Distribution("maklon", profit, wages, {"investor": profit - sum(wages.values())},
                        params)


# --- Investor: profit-sharing against a piece rate, case by case -----------------------------

# Everything sells, half sells, a third sells.
SOLD_SHARES = (Fraction(1), Fraction(1, 2), Fraction(1, 3))


@dataclass(frozen=True)
class InvestorCase:
    """One case: how many pieces sold, the profit, and what the group and the investor get
    under profit-sharing (``ratio``) and under a piece rate (``maklon``)."""

    sold: int
    profit: int
    group_ratio: int
    group_maklon: int
    investor_ratio: int
    investor_maklon: int


def investor_cases(members: Sequence[Contribution], price: int, costs: int,
                   investor_percent: Fraction, piece_rate: int,
                   sold_shares: Sequence[Fraction] = SOLD_SHARES) -> list[InvestorCase]:
    """The investor supplies material and capital (``costs``), the members sew the pieces
    (``work``); each case sells a share of all the pieces at ``price``."""
    pieces = sum(int(m.work) for m in members)
    cases = []
    for share in sold_shares:
        sold = int(pieces * share)
        profit = sold * price - costs
        ratio = investor_share(profit, members, "Investor", investor_percent)
        paid = maklon(profit, members, "Investor", piece_rate)
        cases.append(InvestorCase(sold, profit, ratio.shared, paid.shared,
                                  ratio.set_aside["investor"], paid.set_aside["investor"]))
    return cases

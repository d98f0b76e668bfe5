"""The numbers lesson 3's worked examples and calculator start from, drawn from the village's
own data: who is in each group and what they contributed, the total to share, and who signs the
record. Plain Python.

Another village's files give another village's lesson. The cooperative is offered as one more
"group": its members are drawn from both groups, with their transactions and savings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from widgets.cashbook import ledger
from widgets.cashbook.data import load_cashbook
from widgets.core.i18n import format_date, format_month, t
from widgets.core.village import LIVESTOCK, Group, Village
from widgets.pricing.channels import supermarket
from widgets.pricing.costing import unit_cost
from widgets.pricing.data import load_pricing
from widgets.sharing.data import HerdEvent, load_sharing
from widgets.sharing.split import Contribution

COOP = "koperasi"


@dataclass(frozen=True)
class GroupData:
    """One group as the calculator starts it: members with their contributions, a total to
    share, the work unit that fits the group, and who signs the record."""

    key: str
    name: str
    members: list[Contribution]
    total: int
    total_note: str
    unit: str
    signers: list[tuple[str, str]]


def sale_day(village: Village) -> dt.date:
    """The day of the sale the lesson shares: the first priced sale after the feed roster
    starts (the roster runs up to the day before the animals are sold), else the herd log's
    last priced sale. In Jepara: the bucks sold before Idul Adha, 5 August 2019."""
    data = load_sharing(village)
    sales = [e for e in data.herd_events() if e.event == "jual" and e.price]
    if not sales:
        raise LookupError(f"village {village.key!r} logs no priced sale in its herd file")
    if data.roster:
        after = [e for e in sales if e.day > data.roster[0].day]
        if after:
            return after[0].day
    return sales[-1].day


def goat_sale(village: Village, day: dt.date | None = None) -> HerdEvent:
    """The herd sale on ``day`` (default :func:`sale_day`): the proceeds the lesson shares."""
    day = day or sale_day(village)
    for event in load_sharing(village).herd_events():
        if event.event == "jual" and event.day == day and event.price:
            return event
    raise LookupError(f"no goat sale with a price on {day}")


def busiest_month(village: Village) -> tuple[int, int]:
    """(year, month) with the most pieces in the pieces file: the month the production group's
    profit is shared by pieces sewn (Jepara: August 2019, flags before 17 August)."""
    totals: dict[tuple[int, int], int] = {}
    for row in load_sharing(village).pieces:
        totals[row.year, row.month] = totals.get((row.year, row.month), 0) + row.pieces
    if not totals:
        raise LookupError(f"village {village.key!r} has no pieces file")
    return max(totals, key=lambda month: (totals[month], month))


@dataclass(frozen=True)
class InvestorExample:
    """The one investor case of the kit, as the pricing lesson keeps it (``harga.yaml``,
    ``partnership``): the investor pays the material of ``pieces`` keset, the group sews them
    (shared among its members), the supermarket hands over ``price`` for each keset delivered.
    The sharing lesson shows the same case when all, half or a third of them sell."""

    pieces: int
    price: int  # what the supermarket pays per keset, after its margin and returns
    costs: int  # the investor's material for all pieces
    investor_percent: Fraction
    piece_rate: int  # maklon: what the investor pays the group per keset
    members: list[Contribution]


def investor_example(village: Village, group: str | None = None) -> InvestorExample:
    """The pricing lesson's investor case, with the pieces shared among ``group``'s members
    (the first members sew one more when they do not divide evenly)."""
    data = load_pricing(village)
    case, c = data.partnership, data.channels
    shop = supermarket(case.shelf_price, c.supermarket_margin, c.returns, c.supermarket_days)
    group = group or production_key(village)
    names = [m.name for m in village.group(group).members]
    each, extra = divmod(case.units, len(names))
    members = [Contribution(name, work=each + (1 if n < extra else 0))
               for n, name in enumerate(names)]
    materials = unit_cost(data.sheets[case.product]).materials
    return InvestorExample(case.units, shop.net_per_unit, materials * case.units,
                           Fraction(10_000 - case.group_share, 100), case.maklon_per_unit,
                           members)


def animals_sold(group: Group, sale: HerdEvent) -> str:
    """``kambing jantan``: the animal, with its sex when the sale is of one sex only."""
    animal = group.animal or group.called
    if sale.does == 0 and sale.bucks < 0:
        return t("sharing.animals_male", animal=animal)
    if sale.bucks == 0 and sale.does < 0:
        return t("sharing.animals_female", animal=animal)
    return animal


def sale_note(group: Group, sale: HerdEvent) -> str:
    """``Hasil jual 6 kambing jantan menjelang Idul Adha (5 Agustus 2019).``"""
    fields = {"count": -(sale.does + sale.bucks), "animals": animals_sold(group, sale),
              "date": format_date(sale.day)}
    if group.sale_season:
        return t("sharing.total_note_goats", season=group.sale_season, **fields)
    return t("sharing.total_note_goats_no_season", **fields)


def month_profit(village: Village, group: str, year: int, month: int) -> int:
    """The group's business profit in one month of its cash book (income minus costs)."""
    entries = [e for e in load_cashbook(village).book(group)
               if (e.day.year, e.day.month) == (year, month) and e.purse == "usaha"]
    return ledger.profit_and_loss(entries).profit


def _signers(village: Village, group: str) -> list[tuple[str, str]]:
    roles = {m.role: m.name for m in village.group(group).members}
    return [(t("record.role_chair"), roles.get("ketua", "")),
            (t("record.role_treasurer"), roles.get("bendahara", ""))]


def coop_members(village: Village) -> list[Contribution]:
    coop = load_sharing(village).cooperative()
    return [Contribution(village.member(m.member).name, capital=village.member(m.member).capital,
                         transactions=m.transactions, savings=m.savings)
            for m in coop.members]


def group_data(village: Village, key: str) -> GroupData:
    """The calculator's starting point for ``key``: a group (a livestock group shares its sale
    by feed days, another its busiest month by pieces sewn) or the coop."""
    data = load_sharing(village)
    if key == COOP:
        coop = data.cooperative()
        return GroupData(COOP, coop.name, coop_members(village), coop.shu,
                         t("sharing.total_note_coop", year=coop.year), "hari", [])
    group = village.group(key)
    coop = {m.member: m for m in data.coop.members} if data.coop else {}
    if group.kind == LIVESTOCK:
        sale = goat_sale(village)
        work = data.feed_days(key, until=sale.day)
        total, note, unit = sale.price or 0, sale_note(group, sale), "hari"
    else:
        year, month = busiest_month(village)
        work = data.pieces_sewn(key, year, month)
        total, unit = month_profit(village, key, year, month), "potong"
        note = t("sharing.total_note_sewing", group=group.called,
                 month=format_month(year, month))
    members = [Contribution(m.name, work=work.get(m.id, 0), capital=m.capital,
                            transactions=coop[m.id].transactions if m.id in coop else 0,
                            savings=coop[m.id].savings if m.id in coop else 0)
               for m in group.members]
    return GroupData(key, group.name, members, total, note, unit, _signers(village, key))


def production_key(village: Village) -> str:
    """The key of the village's production group (the first group that is not livestock)."""
    group = village.production_group()
    if group is None:
        raise LookupError(f"village {village.key!r} has no production group")
    return group.key


def livestock_key(village: Village) -> str | None:
    """The key of the village's livestock group, None when it raises no animals."""
    group = village.livestock_group()
    return group.key if group else None


def group_keys(village: Village) -> list[tuple[str, str]]:
    """(name, key) for every group, the cooperative last when the village has one."""
    choices = [(g.name, g.key) for g in village.groups.values()]
    coop = load_sharing(village).coop
    if coop is not None:
        choices.append((coop.name, COOP))
    return choices


def village_line(village: Village) -> str:
    return t("sharing.village_line", village=village.name, district=village.district,
             regency=village.regency)

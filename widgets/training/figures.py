"""The village's own figures for each lesson's deck, as projector-sized HTML: a month of the
cash book, the cost and price of the main product, what each sales channel leaves, the profit
shared equally or by work, the coming selling seasons and the marketplaces' fees.

Plain Python, no ipywidgets; each ``*_html`` reads the village data through the topic's core
modules and never names a product or group of one village.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from widgets.core.i18n import format_date, format_month, t
from widgets.core.money import format_rupiah
from widgets.core.village import load_village
from widgets.sharing.inputs import Inputs
from widgets.training.slides import heading, show, source_note


def _table(head: list[str], rows: list[list[str]], numeric_from: int = 1, css: str = "") -> str:
    def cells(tag: str, values: list[str]) -> str:
        return "".join(f"<{tag}{' class=num' if i >= numeric_from else ''}>{escape(v)}</{tag}>"
                       for i, v in enumerate(values))
    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    table = f"<table class='{css}'>" if css else "<table>"
    return f"{table}<tr>{cells('th', head)}</tr>{body}</table>"


# --- Lesson 1: the cash book ------------------------------------------------------------------


def busiest_month() -> tuple[str, int, int] | None:
    """(group, year, month) of the month with the most money in, over all cash books."""
    from widgets.cashbook.data import load_cashbook
    from widgets.cashbook.ledger import monthly_summary

    best = None
    village = load_village()
    for key in village.groups:
        for month in monthly_summary(load_cashbook(village).book(key)):
            if best is None or month.money_in > best[0]:
                best = (month.money_in, key, month.year, month.month)
    return best[1:] if best else None


def cashbook_html() -> str:
    from widgets.cashbook.data import load_cashbook
    from widgets.cashbook.ledger import monthly_summary, profit_and_loss

    found = busiest_month()
    if found is None:
        return heading(t("slides.no_cashbook"))
    key, year, month = found
    village = load_village()
    entries = [e for e in load_cashbook(village).book(key)
               if (e.day.year, e.day.month) == (year, month)]
    [summary] = [m for m in monthly_summary(entries)]
    profit = profit_and_loss([e for e in entries if e.purse == "usaha"]).profit
    rows = [[t("slides.cb_in"), format_rupiah(summary.money_in)],
            [t("slides.cb_out"), format_rupiah(summary.money_out)],
            [t("slides.cb_profit"), format_rupiah(profit)]]
    title = t("slides.cb_heading", group=village.group(key).name,
              month=format_month(year, month))
    return (heading(title) + _table([t("slides.col_what"), t("slides.col_amount")], rows)
            + f"<p>{escape(t('slides.cb_entries', count=len(entries)))}</p>"
            + source_note(t("slides.invented_note")))


# --- Lesson 2: cost, price and channels -------------------------------------------------------


def main_product() -> str:
    """The product the pricing deck works with: the first one with a cost sheet."""
    from widgets.pricing.data import load_pricing

    return next(iter(load_pricing().sheets))


def cost_html() -> str:
    from widgets.pricing.costing import margin_of_price, unit_cost
    from widgets.pricing.data import load_pricing

    data = load_pricing()
    key = main_product()
    product = data.product(key)
    cost = unit_cost(data.sheets[key])
    margin = margin_of_price(cost.total, product.price)
    rows = [[t("slides.cost_materials"), format_rupiah(cost.materials)],
            [t("slides.cost_labour"), format_rupiah(cost.labour)],
            [t("slides.cost_overheads"), format_rupiah(cost.overheads)],
            [t("slides.cost_total"), format_rupiah(cost.total)],
            [t("slides.cost_price"), format_rupiah(product.price)],
            [t("slides.cost_margin"), format_rupiah(margin.profit)]]
    return (heading(t("slides.cost_heading", product=product.name, unit=product.unit))
            + _table([t("slides.col_what"), t("slides.col_amount")], rows)
            + source_note(t("slides.invented_note")))


def channels_html(today: dt.date | None = None) -> str:
    from widgets.pricing import channels
    from widgets.pricing.data import load_pricing
    from widgets.pricing.fees import load_fees

    data, fees = load_pricing(), load_fees()
    key = main_product()
    product = data.product(key)
    nets = channels.compare(product.price, data.settings(key, fees), fees,
                            today or dt.date.today())
    rows = [[channels.channel_name(n.channel), format_rupiah(n.net_per_unit)] for n in nets]
    return (heading(t("slides.channels_heading", product=product.name,
                      price=format_rupiah(product.price)))
            + _table([t("slides.col_channel"), t("slides.col_net")], rows)
            + source_note(t("slides.fees_note")))


def price_live_title() -> str:
    """The heading over the live price calculator on a slide: the product it prices."""
    from widgets.pricing.data import load_pricing

    return t("slides.price_live_title", product=load_pricing().product(main_product()).name)


def price_html() -> str:
    """The static stand-in for the live price calculator: price at 20/30/50 % margins."""
    from widgets.pricing.costing import price_for_margin, round_up_to, unit_cost
    from widgets.pricing.data import load_pricing

    data = load_pricing()
    cost = unit_cost(data.sheets[main_product()]).total
    rows = [[f"{points // 100}%", format_rupiah(round_up_to(price_for_margin(cost, points)))]
            for points in (2000, 3000, 5000)]
    return (heading(t("slides.price_heading", cost=format_rupiah(cost)))
            + _table([t("slides.col_margin"), t("slides.col_price")], rows)
            + source_note(t("slides.static_live_note")))


# --- Lesson 3: sharing ------------------------------------------------------------------------


@dataclass(frozen=True)
class SharingCase:
    key: str
    name: str
    total: int
    unit: str
    members: list
    equal: dict[str, int]
    by_work: dict[str, int]
    note: str


def sharing_case() -> SharingCase:
    """The group where sharing by work differs most from sharing equally."""
    from widgets.sharing.examples import group_data
    from widgets.sharing.rules import Rule, calculate

    village = load_village()
    best: tuple[int, SharingCase] | None = None
    for key in village.groups:
        try:
            data = group_data(village, key)
            equal = calculate(Rule("equal"), data.total, data.members).shares
            work = calculate(Rule("work", {"unit": data.unit}), data.total, data.members).shares
        except (LookupError, ValueError):
            continue  # a group without work records or a total: nothing to compare
        spread = sum(abs(work[m] - equal[m]) for m in equal)
        case = SharingCase(key, data.name, data.total, data.unit, data.members, equal, work,
                           data.total_note)
        if best is None or spread > best[0]:
            best = (spread, case)
    if best is None:
        raise LookupError("no group has work records to share by")
    return best[1]


def sharing_inputs() -> Inputs:
    case = sharing_case()
    return Inputs(group_key=case.key, group_name=case.name, members=list(case.members),
                  total=case.total, unit=case.unit, revision=1)


def sharing_live_title() -> str:
    """The heading over the live sharing comparison on a slide (the comparison itself names
    the group and its total)."""
    return t("slides.share_live_title")


def sharing_html() -> str:
    from widgets.sharing.rules import unit_label

    case = sharing_case()
    rows = [[name, format_rupiah(case.equal[name]), format_rupiah(case.by_work[name])]
            for name in case.equal]
    return (heading(t("slides.share_heading", group=case.name, total=format_rupiah(case.total)))
            + _table([t("slides.col_member"), t("slides.col_equal"),
                      t("slides.col_work", unit=unit_label(case.unit))], rows)
            + source_note(case.note + " " + t("slides.invented_note")))


def sharing_compare_html() -> str:
    """The static stand-in for the live comparison (the slide after :func:`sharing_html`):
    every compared method at the percentages the live one starts with, once, in a small table
    with what the fund keeps; the live deck lets the trainer tick and change them."""
    from widgets.sharing.comparison import compare_rules, compared_rules

    case = sharing_case()
    rules = compared_rules({}, case.unit)
    table, _skipped = compare_rules(case.total, case.members, rules)
    labels = list(table.distributions)
    rows = [[row.name, *(format_rupiah(row.shares[label]) for label in labels)]
            for row in table.rows]
    kept = [table.distributions[label].kept for label in labels]
    if any(kept):
        rows.append([t("slides.row_set_aside"),
                     *(format_rupiah(amount) if amount else "–" for amount in kept)])
    return (heading(t("slides.share_compare_heading", group=case.name,
                      total=format_rupiah(case.total)))
            + _table([t("slides.col_member"), *labels], rows, css="uk-small")
            + source_note(t("slides.share_compare_note") + " " + t("slides.invented_note")))


# --- Lessons 4 and 5: seasons, hashtags and marketplaces --------------------------------------


def seasons_html(today: dt.date | None = None) -> str:
    from widgets.core.i18n import local
    from widgets.promotion.data import load_promotion
    from widgets.promotion.seasons import load_seasons

    today = today or dt.date.today()
    found = [s for s in load_seasons().upcoming(today, None, 366) if s.days_until >= 0][:5]
    rows = [[local(s.season.name), format_date(s.day), t("slides.weeks", weeks=s.weeks_until)]
            for s in found]
    tags = " ".join(load_promotion().hashtags[:5])
    return (heading(t("slides.seasons_heading"))
            + _table([t("slides.col_season"), t("slides.col_date"), t("slides.col_weeks")], rows)
            + f"<p>{escape(t('slides.hashtags', tags=tags))}</p>")


def fees_html() -> str:
    from widgets.pricing.data import load_pricing
    from widgets.pricing.fees import load_fees

    fees, data = load_fees(), load_pricing()
    cluster = data.clusters[main_product()]
    rows = []
    for market in fees.marketplaces.values():
        rate = market.admin_fee.clusters.get(cluster)
        if rate is None:
            continue
        rows.append([market.name, f"{rate.low / 100:g}–{rate.high / 100:g}%".replace(".", ","),
                     format_date(market.admin_fee.dated.as_of)])
    return (heading(t("slides.fees_heading"))
            + _table([t("slides.col_market"), t("slides.col_fee"), t("slides.col_as_of")], rows)
            + source_note(t("slides.fees_note")))


def show_figure(name: str) -> None:
    """Display one figure by name (``cashbook``, ``cost``, ``channels``, ``price``,
    ``sharing``, ``seasons``, ``fees``)."""
    show(globals()[f"{name}_html"]())

"""Lesson 3 (Bagi Hasil): the worked examples on the village's own data, the calculator with
sign-in and the printed record, the FGD comparison, and the exercise checked on the server."""

from __future__ import annotations

from fractions import Fraction
from html import escape

import ipywidgets as w
from IPython.display import HTML, display

from widgets.core.charts import grouped_hbar_chart
from widgets.core.i18n import format_date, format_month, t
from widgets.core.money import format_rupiah
from widgets.core.notice import left_out_html
from widgets.core.village import load_village
from widgets.sharing import shu
from widgets.sharing.comparison import compare
from widgets.sharing.data import load_sharing
from widgets.sharing.examples import (
    busiest_month,
    coop_members,
    goat_sale,
    group_data,
    investor_example,
    livestock_key,
    production_key,
)
from widgets.sharing.params import FUND
from widgets.sharing.partnership import gaduh, investor_cases
from widgets.sharing.rules import Rule, calculate, set_aside_label
from widgets.sharing.split import percent_text, percent_value
from widgets.sharing.ui.calculator import SharingCalculator
from widgets.sharing.ui.compare import ComparisonView
from widgets.sharing.ui.exercise import SharingExercise
from widgets.sharing.ui.record import RecordPanel
from widgets.sharing.ui.roster_days import RosterDays
from widgets.sharing.ui.tables import STYLE, comparison_html, distribution_html
from widgets.ui.signin import SignInView


def _h(text: str) -> str:
    return f"<h4>{escape(text)}</h4>"


def _source() -> str:
    return f"<small>{escape(t('lesson3.invented_note'))}</small>"


# --- Worked examples ------------------------------------------------------------------------


def roster_html() -> str:
    """The feed roster, member by member: turns on the roster, days done, days missed."""
    village = load_village()
    data, group = load_sharing(village), livestock_key(village)
    if group is None:
        return left_out_html("no_livestock")
    if not data.roster or not data.herd:
        return left_out_html("no_data", what="files.roster, files.herd")
    sale_day = goat_sale(village).day  # the roster the sale is split by ends on its day
    done, roster = data.feed_days(group, until=sale_day), data.feed_roster(sale_day)
    turns = {key: 0 for key in done}
    for duty in roster:
        if duty.member in turns:
            turns[duty.member] += 1
    first, last = roster[0].day, roster[-1].day
    rows = []
    for key in done:
        missed = turns[key] - done[key]
        style = ' style="color:#b42318;font-weight:700"' if missed > 2 else ""
        rows.append(f"<tr><td>{escape(village.member(key).name)}</td>"
                    f"<td class='num'>{turns[key]}</td><td class='num'>{done[key]}</td>"
                    f"<td class='num'{style}>{missed}</td></tr>")
    table = (f"<table class='uk-bh-table'><tr><th>{escape(t('lesson3.col_name'))}</th>"
             f"<th class='num'>{escape(t('lesson3.roster_turns'))}</th>"
             f"<th class='num'>{escape(t('lesson3.roster_done'))}</th>"
             f"<th class='num'>{escape(t('lesson3.roster_missed'))}</th></tr>"
             f"{''.join(rows)}</table>")
    names = [village.member(key).name for key in done]
    chart = grouped_hbar_chart(names, {t("lesson3.roster_done"): list(done.values())},
                               ["#1a7f37"], t("lesson3.roster_chart"),
                               fmt=lambda days: t("lesson3.days", days=days))
    heading = t("lesson3.roster_heading", group=village.group(group).called,
                first=format_date(first), last=format_date(last))
    return STYLE + _h(heading) + table + chart + _source()


def show_roster() -> None:
    display(HTML(roster_html()))


def goat_sale_html() -> str:
    """The livestock group's sale (Jepara: before Idul Adha): shared equally (as now) and by
    feed-duty days."""
    village = load_village()
    group = livestock_key(village)
    if group is None:
        return left_out_html("no_livestock")
    if not load_sharing(village).herd:
        return left_out_html("no_data", what="files.herd")
    data = group_data(village, group)
    sale = goat_sale(village)
    equal, work = t("lesson3.compare_equal"), t("lesson3.compare_work", unit=t(
        "sharing.unit_hari"))
    results = {equal: calculate(Rule("equal"), data.total, data.members),
               work: calculate(Rule("work", {"unit": "hari"}), data.total, data.members)}
    table = compare(data.total, data.members, results)
    heading = t("lesson3.goat_heading", date=format_date(sale.day),
                total=format_rupiah(data.total))
    return _h(heading) + comparison_html(table, baseline=equal) + _source()


def show_goat_sale() -> None:
    display(HTML(goat_sale_html()))


def sewing_month_html(fund_percent: int | None = None) -> str:
    """The production group's busiest month (Jepara: August): a group fund first (by default the
    calculator's), the rest equally or by pieces sewn."""
    village = load_village()
    if village.production_group() is None:
        return left_out_html("no_production")
    if not load_sharing(village).pieces:
        return left_out_html("no_data", what="files.pieces")
    data = group_data(village, production_key(village))
    percent = percent_value(FUND.default if fund_percent is None else fund_percent)
    fund_equal = t("lesson3.compare_fund", percent=percent_text(percent))
    fund_pieces = t("lesson3.fund_then_pieces", percent=percent_text(percent))
    params = {"fund_percent": percent_text(percent, ".")}
    rule_equal = Rule("fund", {**params, "basis": "equal"})
    rule_pieces = Rule("fund", {**params, "basis": "work", "unit": "potong"})
    results = {fund_equal: calculate(rule_equal, data.total, data.members),
               fund_pieces: calculate(rule_pieces, data.total, data.members)}
    no_fund = t("lesson3.equal_no_fund")
    results = {no_fund: calculate(Rule("equal"), data.total, data.members), **results}
    table = compare(data.total, data.members, results)
    year, month = busiest_month(village)
    heading = t("lesson3.sewing_heading", profit=format_rupiah(data.total),
                month=format_month(year, month),
                fund=format_rupiah(results[fund_equal].kept), percent=percent_text(percent))
    return (_h(heading) + distribution_html(results[fund_equal], rule_equal, data.members,
                                            chart=False)
            + _h(t("lesson3.sewing_compare")) + comparison_html(table, baseline=no_fund)
            + _source())


def show_sewing_month(fund_percent: int | None = None) -> None:
    display(HTML(sewing_month_html(fund_percent)))


def shu_html(member: str | None = None) -> str:
    """The example cooperative's SHU: the bylaws' allocations, then one member worked out."""
    village = load_village()
    if load_sharing(village).coop is None:
        return left_out_html("no_data", what="files.coop")
    coop = load_sharing(village).cooperative()
    members = coop_members(village)
    allocation = shu.allocate(coop.shu, coop.bylaws)
    rows = "".join(
        f"<tr><td>{escape(set_aside_label(key))}</td>"
        f"<td class='num'>{escape(percent_text(Fraction(coop.bylaws[key])))}%</td>"
        f"<td class='num'>{escape(format_rupiah(amount))}</td></tr>"
        for key, amount in allocation.items())
    table = (f"<table class='uk-bh-table'><tr><th>{escape(t('lesson3.shu_part'))}</th>"
             f"<th class='num'>%</th><th class='num'>Rp</th></tr>{rows}</table>")
    name = village.member(member or coop.worked_member).name
    s = shu.member_steps(coop.shu, coop.bylaws, members, name)
    steps = [
        t("lesson3.shu_step_jua", name=name, tx=format_rupiah(s.transactions),
          all_tx=format_rupiah(s.all_transactions), jua=format_rupiah(s.jua),
          part=format_rupiah(s.from_jua)),
        t("lesson3.shu_step_jma", name=name, sav=format_rupiah(s.savings),
          all_sav=format_rupiah(s.all_savings), jma=format_rupiah(s.jma),
          part=format_rupiah(s.from_jma)),
        t("lesson3.shu_step_total", name=name, jua_part=format_rupiah(s.from_jua),
          jma_part=format_rupiah(s.from_jma), share=format_rupiah(s.share)),
    ]
    rule = Rule("shu", {"bylaws": {k: str(v) for k, v in coop.bylaws.items()}})
    everyone = distribution_html(calculate(rule, coop.shu, members), rule, members,
                                 chart=False)
    heading = t("lesson3.shu_heading", coop=coop.name, year=coop.year,
                shu=format_rupiah(coop.shu))
    return (STYLE + _h(heading) + table
            + "".join(f"<p>{escape(step)}</p>" for step in steps)
            + f"<details><summary>{escape(t('lesson3.shu_everyone'))}</summary>{everyone}"
            "</details>" + _source())


def show_shu(member: str | None = None) -> None:
    display(HTML(shu_html(member)))


def investor_html() -> str:
    """The pricing lesson's investor case (one case, kept in ``harga.yaml``): profit-sharing
    against a piece rate (maklon) when everything sells, half sells, or little sells."""
    example = investor_example(load_village())
    cases = investor_cases(example.members, example.price, example.costs,
                           example.investor_percent, example.piece_rate)
    cards = []  # one small table per case: they sit side by side, or stack on a phone
    for case in cases:
        rows = "".join(
            f"<tr><td>{escape(t(f'lesson3.inv_col_{key}'))}</td>"
            f"<td class='num'>{escape(format_rupiah(getattr(case, key)))}</td></tr>"
            for key in ("profit", "group_ratio", "group_maklon", "investor_ratio",
                        "investor_maklon"))
        cards.append(f"<div style='flex:1 1 240px;min-width:0'><table class='uk-bh-table'>"
                     f"<tr><th colspan='2'>{escape(t('lesson3.inv_sold', sold=case.sold))}"
                     f"</th></tr>{rows}</table></div>")
    table = f"<div style='display:flex;flex-wrap:wrap;gap:12px'>{''.join(cards)}</div>"
    intro = t("lesson3.inv_intro", pieces=example.pieces, price=format_rupiah(example.price),
              costs=format_rupiah(example.costs),
              percent=percent_text(example.investor_percent),
              group=percent_text(100 - example.investor_percent),
              rate=format_rupiah(example.piece_rate))
    return STYLE + _h(t("lesson3.inv_heading")) + f"<p>{escape(intro)}</p>" + table + _source()


def show_investor() -> None:
    display(HTML(investor_html()))


def gaduh_html(kids: int = 5, buy: int | None = None, sale: int | None = None) -> str:
    """Pak Haji Umar entrusts a doe to Agus: the kids and the price gain. The sentences and
    the table read the same split (``partnership.gaduh``), to the rupiah. The prices default
    to the livestock group's cheapest and dearest product (Jepara: a cull doe Rp1.500.000, a
    buck ready for qurban Rp2.600.000)."""
    group = load_village().livestock_group()
    if group is None or not group.products:
        return left_out_html("no_livestock")
    prices = sorted(p.price for p in group.products)
    buy, sale = buy or prices[0], sale or prices[-1]
    owner, keeper = t("lesson3.default_owner"), t("lesson3.default_keeper")
    result = gaduh(owner, keeper, sale, buy, kids)
    p = result.params
    rule = Rule("gaduh", {"owner": owner, "keeper": keeper, "buy_price": buy, "kids": kids})
    parts = {"buy": format_rupiah(buy), "sale": format_rupiah(sale),
             "gain": format_rupiah(p["gain"])}
    if p["gain_owner"] == p["gain_keeper"]:
        sale_line = t("lesson3.gaduh_sale", **parts, half=format_rupiah(p["gain_owner"]))
    else:
        sale_line = t("lesson3.gaduh_sale_uneven", **parts, owner=owner, keeper=keeper,
                      owner_part=format_rupiah(p["gain_owner"]),
                      keeper_part=format_rupiah(p["gain_keeper"]))
    lines = [
        t("lesson3.gaduh_kids", kids=kids, keeper=keeper, owner=owner,
          kids_keeper=p["kids_keeper"], kids_owner=p["kids_owner"]),
        sale_line,
    ]
    return (_h(t("lesson3.gaduh_heading")) + "".join(f"<p>{escape(x)}</p>" for x in lines)
            + distribution_html(result, rule, chart=False) + _source())


def show_gaduh(**kwargs: int) -> None:
    display(HTML(gaduh_html(**kwargs)))


# --- What the notebook calls ----------------------------------------------------------------


def calculator_app() -> w.VBox:
    """Sign-in, the calculator, and under it the record and saving."""
    calculator = SharingCalculator()
    return w.VBox([SignInView(page="04-bagi-hasil"), calculator, RosterDays(calculator),
                   RecordPanel(calculator)],
                  layout=w.Layout(width="100%"))


def comparison_view() -> ComparisonView:
    return ComparisonView()


def sharing_exercise() -> SharingExercise:
    return SharingExercise()

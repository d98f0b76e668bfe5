"""Lesson 3's exercises, checked on the server: the participant works out one member's share by
hand; the answer is computed here from the village's data and never sent to the page.

A wrong answer gets the steps, and, where the typed amount matches a common slip (sharing
equally, forgetting the group fund, using only one part of the SHU), a sentence naming that
slip. A right answer within a rupiah of the exact share is accepted and the rounding explained.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

from widgets.core.i18n import format_month, t
from widgets.core.money import format_rupiah
from widgets.core.village import Village
from widgets.sharing import shu
from widgets.sharing.data import load_sharing
from widgets.sharing.examples import (
    busiest_month,
    coop_members,
    goat_sale,
    livestock_key,
    month_profit,
    production_key,
)
from widgets.sharing.params import FUND
from widgets.sharing.split import (
    Contribution,
    percent_text,
    percent_value,
    split_profit,
    split_with_fund,
)

EXERCISE_PREFIX = "bagi-hasil-"
SEWING_FUND = percent_value(FUND.default)  # the calculator's group fund, as in the example


@dataclass(frozen=True)
class Question:
    key: str
    title: str
    text: str
    answer: int
    exact: Fraction
    steps: list[str]
    slips: dict[int, str] = field(default_factory=dict)  # a typed amount -> what went wrong


@dataclass(frozen=True)
class Feedback:
    correct: bool
    lines: list[tuple[str, str]]  # (kind, text): ok, error, warn or info


def _rp(amount: int | Fraction) -> str:
    if isinstance(amount, Fraction) and amount.denominator != 1:
        whole = math.floor(amount)
        cents = round((amount - whole) * 100)
        return f"{format_rupiah(int(whole))},{cents:02d}"
    return format_rupiah(int(amount))


def _goat_question(village: Village) -> Question:
    data = load_sharing(village)
    group = livestock_key(village)
    if group is None:
        raise LookupError("no livestock group")
    sale = goat_sale(village)
    days = data.feed_days(group, until=sale.day)
    # The group's last member, as in the sewing question (Jepara: Teguh, who misses duty).
    member = village.group(group).members[-1]
    total = sale.price or 0
    all_days = sum(days.values())
    exact = Fraction(total * days[member.id], all_days)
    turns = len([duty for duty in data.feed_roster(sale.day) if duty.member in days])
    mine = days[member.id]
    answer = split_profit(total, days)[member.id]
    steps = [
        t("sharingex.q_goat_step1", days=" + ".join(str(d) for d in days.values()), all=all_days),
        t("sharingex.q_goat_step2", total=format_rupiah(total), all=all_days,
          per_day=_rp(Fraction(total, all_days))),
        t("sharingex.q_goat_step3", name=member.name, days=mine,
          per_day=_rp(Fraction(total, all_days)), share=format_rupiah(answer)),
    ]
    slips = {
        round(Fraction(total, len(days))): t("sharingex.slip_equal"),
        round(Fraction(total * mine, turns)): t("sharingex.slip_turns", turns=turns, all=all_days),
        round(Fraction(total, all_days)): t("sharingex.slip_per_day", days=mine),
    }
    info = village.group(group)
    text = t("sharingex.q_goat", total=format_rupiah(total), name=member.name, days=mine,
             Group=info.called[:1].upper() + info.called[1:],
             animal=info.animal or info.called)
    return Question("ngarit", t("sharingex.q_goat_title"), text, answer, exact, steps, slips)


def _sewing_question(village: Village) -> Question:
    group = production_key(village)
    year, month = busiest_month(village)
    profit = month_profit(village, group, year, month)
    members = [Contribution(m.name) for m in village.group(group).members]
    result = split_with_fund(profit, members, SEWING_FUND)
    fund = result.set_aside["kas"]
    count = len(members)
    answer = result.shares[members[-1].name]
    exact = Fraction(profit - fund, count)
    percent = percent_text(SEWING_FUND)
    steps = [
        t("sharingex.q_fund_step1", percent=percent, profit=format_rupiah(profit),
          fund=format_rupiah(fund)),
        t("sharingex.q_fund_step2", profit=format_rupiah(profit), fund=format_rupiah(fund),
          rest=format_rupiah(profit - fund)),
        t("sharingex.q_fund_step3", rest=format_rupiah(profit - fund), count=count,
          share=_rp(exact)),
    ]
    slips = {
        round(Fraction(profit, count)): t("sharingex.slip_no_fund"),
        fund: t("sharingex.slip_fund_itself"),
        round(Fraction(fund, count)): t("sharingex.slip_fund_each"),
    }
    text = t("sharingex.q_fund", profit=format_rupiah(profit), percent=percent, count=count,
             group=village.group(group).called, month=format_month(year, month))
    return Question("kas", t("sharingex.q_fund_title"), text, answer, exact, steps, slips)


def _shu_question(village: Village) -> Question:
    coop = load_sharing(village).cooperative()
    members = coop_members(village)
    name = village.member(coop.exercise_member).name
    steps_data = shu.member_steps(coop.shu, coop.bylaws, members, name)
    s = steps_data
    jua_pct = percent_text(Fraction(coop.bylaws["jua"]))
    jma_pct = percent_text(Fraction(coop.bylaws["jma"]))
    steps = [
        t("sharingex.q_shu_step1", shu=format_rupiah(coop.shu), jua_pct=jua_pct,
          jua=format_rupiah(s.jua), jma_pct=jma_pct, jma=format_rupiah(s.jma)),
        t("sharingex.q_shu_step2", tx=format_rupiah(s.transactions),
          all_tx=format_rupiah(s.all_transactions), jua=format_rupiah(s.jua),
          part=format_rupiah(s.from_jua)),
        t("sharingex.q_shu_step3", sav=format_rupiah(s.savings),
          all_sav=format_rupiah(s.all_savings), jma=format_rupiah(s.jma),
          part=format_rupiah(s.from_jma)),
        t("sharingex.q_shu_step4", jua_part=format_rupiah(s.from_jua),
          jma_part=format_rupiah(s.from_jma), share=format_rupiah(s.share)),
    ]
    swapped = (Fraction(s.transactions * s.jma, s.all_transactions)
               + Fraction(s.savings * s.jua, s.all_savings))
    slips = {
        s.from_jua: t("sharingex.slip_jua_only"),
        s.from_jma: t("sharingex.slip_jma_only"),
        round(swapped): t("sharingex.slip_swapped"),
    }
    text = t("sharingex.q_shu", coop=coop.name, shu=format_rupiah(coop.shu), jua_pct=jua_pct,
             jma_pct=jma_pct, name=name, tx=format_rupiah(s.transactions),
             all_tx=format_rupiah(s.all_transactions), sav=format_rupiah(s.savings),
             all_sav=format_rupiah(s.all_savings))
    return Question("shu", t("sharingex.q_shu_title"), text, s.share, shu.exact_share(s), steps,
                    slips)


def questions(village: Village) -> list[Question]:
    """The exercises this village's data supports (a village without a goat group or a
    cooperative simply has fewer)."""
    found = []
    for build in (_goat_question, _sewing_question, _shu_question):
        try:
            found.append(build(village))
        except (KeyError, LookupError):
            continue
    return found


def check(question: Question, typed: int | None) -> Feedback:
    """Right (within the rounding of the exact share), or wrong with the steps."""
    if typed is None:
        return Feedback(False, [("error", t("sharingex.answer_empty"))])
    low, high = math.floor(question.exact), math.ceil(question.exact)
    if typed == question.answer or low <= typed <= high:
        lines = [("ok", t("sharingex.answer_right", amount=format_rupiah(typed)))]
        if question.exact.denominator != 1:
            lines.append(("info", t("sharingex.answer_rounding", exact=_rp(question.exact),
                                    answer=format_rupiah(question.answer))))
        return Feedback(True, lines)
    lines = [("error", t("sharingex.answer_wrong", amount=format_rupiah(typed)))]
    if typed in question.slips:
        lines.append(("warn", question.slips[typed]))
    lines.append(("info", t("sharingex.answer_steps")))
    lines += [("info", step) for step in question.steps]
    return Feedback(False, lines)

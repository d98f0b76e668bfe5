"""Exercise checking, on the server side only: the answer key never reaches the page.

Lesson 1's week exercise: the participant records a week of the group's money (a story) in
their own cash book and states the closing balance and the week's profit. ``check_week``
compares both with the story and explains every difference in plain words.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from widgets.cashbook import ledger
from widgets.cashbook.ledger import CATEGORY_BY_KEY, Entry
from widgets.core.i18n import format_date, t
from widgets.core.money import format_rupiah


@dataclass(frozen=True)
class WeekAnswer:
    """What is right for the week, computed from the story's transactions."""

    opening: int
    money_in: int
    money_out: int
    closing: int
    income: int
    expenses: int
    profit: int


@dataclass
class WeekCheck:
    answer: WeekAnswer
    closing_typed: int | None
    profit_typed: int | None
    closing_recorded: int
    missing: list[Entry] = field(default_factory=list)
    extra: list[Entry] = field(default_factory=list)
    wrong_purse: list[Entry] = field(default_factory=list)
    wrong_category: list[tuple[Entry, Entry]] = field(default_factory=list)

    @property
    def book_ok(self) -> bool:
        return not (self.missing or self.extra or self.wrong_purse or self.wrong_category)

    @property
    def closing_ok(self) -> bool:
        return self.closing_typed == self.answer.closing

    @property
    def profit_ok(self) -> bool:
        return self.profit_typed == self.answer.profit

    @property
    def correct(self) -> bool:
        return self.book_ok and self.closing_ok and self.profit_ok


def week_answer(opening: int, expected: list[Entry]) -> WeekAnswer:
    business = [e for e in expected if e.purse == "usaha"]
    money_in = sum(e.amount for e in business if e.direction == "in")
    money_out = sum(e.amount for e in business if e.direction == "out")
    pl = ledger.profit_and_loss(business)
    return WeekAnswer(opening, money_in, money_out, opening + money_in - money_out,
                      pl.total_income, pl.total_expenses, pl.profit)


def _key(entry: Entry) -> tuple:
    return (entry.day, entry.direction, entry.amount)


def check_week(
    recorded: list[Entry], expected: list[Entry], opening: int, closing_typed: int | None,
    profit_typed: int | None,
) -> WeekCheck:
    """Compare the participant's entries dated within the story's week with the story."""
    first, last = min(e.day for e in expected), max(e.day for e in expected)
    mine = [e for e in recorded if first <= e.day <= last]
    answer = week_answer(opening, expected)
    business_mine = [e for e in mine if e.purse == "usaha"]
    result = WeekCheck(answer, closing_typed, profit_typed,
                       opening + sum(e.signed for e in business_mine))
    unmatched = list(mine)
    for want in expected:
        got = next((e for e in unmatched if _key(e) == _key(want)), None)
        if got is None:
            if want.purse == "usaha":
                result.missing.append(want)
            continue
        unmatched.remove(got)
        if got.purse != want.purse:
            result.wrong_purse.append(want)
        elif _counts_in_profit(got) != _counts_in_profit(want):
            result.wrong_category.append((want, got))
    result.extra = [e for e in unmatched if e.purse == "usaha"]
    return result


def _counts_in_profit(entry: Entry) -> bool:
    return CATEGORY_BY_KEY[entry.category].in_profit


def _line(entry: Entry) -> str:
    sign = "+" if entry.direction == "in" else "−"
    return f"{format_date(entry.day)}: {entry.description} ({sign}{format_rupiah(entry.amount)})"


def explain(check: WeekCheck) -> list[tuple[str, str]]:
    """Feedback as (kind, text) lines: ``ok``, ``error`` or ``info``."""
    a = check.answer
    lines: list[tuple[str, str]] = []
    # Say what is missing, not how much: reading the amount from the story is the exercise.
    lines += [("error", t("cashbookex.missing", day=format_date(e.day), description=e.description))
              for e in check.missing]
    lines += [("error", t("cashbookex.extra", line=_line(e))) for e in check.extra]
    # Household money written in the business purse, or business money in the household one.
    lines += [("error", t("cashbookex.wrong_purse" if e.purse == "rumah"
                          else "cashbookex.wrong_purse_business", line=_line(e)))
              for e in check.wrong_purse]
    for want, got in check.wrong_category:
        lines.append(("error", t("cashbookex.wrong_category", line=_line(got),
                                 category=ledger.category_label(want.category))))
    if check.book_ok:
        lines.append(("ok", t("cashbookex.book_ok")))
    lines.append(_verdict(check.closing_ok, "closing", check.closing_typed, a.closing))
    lines.append(("info", t("cashbookex.closing_steps", opening=format_rupiah(a.opening),
                            money_in=format_rupiah(a.money_in),
                            money_out=format_rupiah(a.money_out),
                            closing=format_rupiah(a.closing))))
    if not check.book_ok and check.closing_recorded != a.closing:
        lines.append(("info", t("cashbookex.closing_recorded",
                                amount=format_rupiah(check.closing_recorded))))
    lines.append(_verdict(check.profit_ok, "profit", check.profit_typed, a.profit))
    lines.append(("info", t("cashbookex.profit_steps", income=format_rupiah(a.income),
                            expenses=format_rupiah(a.expenses), profit=format_rupiah(a.profit))))
    return lines


def _verdict(ok: bool, what: str, typed: int | None, right: int) -> tuple[str, str]:
    if typed is None:
        return ("error", t(f"cashbookex.{what}_empty"))
    if ok:
        return ("ok", t(f"cashbookex.{what}_ok", amount=format_rupiah(right)))
    return ("error", t(f"cashbookex.{what}_wrong", typed=format_rupiah(typed)))


def week_days(expected: list[Entry]) -> list[dt.date]:
    """Every day of the story's week, first to last."""
    first, last = min(e.day for e in expected), max(e.day for e in expected)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]

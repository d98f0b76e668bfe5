"""The cash book (buku kas): entries, running balance, monthly summary, profit and loss.

Plain Python, no ipywidgets. Amounts are integer rupiah, always positive; ``direction`` says
whether money came in or went out. ``purse`` keeps the business purse (``usaha``) apart from
the household purse (``rumah``), the habit lesson 1 teaches.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from widgets.core.i18n import format_date, t
from widgets.core.text import FIRST_DAY, DateOutOfRange

Direction = Literal["in", "out"]
Purse = Literal["usaha", "rumah"]
DIRECTIONS: tuple[Direction, ...] = ("in", "out")
PURSES: tuple[Purse, ...] = ("usaha", "rumah")
MAX_DESCRIPTION = 120
# Far above any village business, low enough to catch a finger held on the 0 key.
MAX_AMOUNT = 10**12


@dataclass(frozen=True)
class Category:
    """A cash-book category. ``in_profit``: whether it counts in profit and loss
    (capital put in or a loan received is money in, but not income)."""

    key: str
    direction: Direction
    in_profit: bool = True


CATEGORIES: tuple[Category, ...] = (
    Category("penjualan", "in"),
    Category("modal", "in", in_profit=False),
    Category("pinjaman", "in", in_profit=False),
    Category("lain_masuk", "in"),
    Category("bahan", "out"),
    Category("upah", "out"),
    # Sharing out the profit is not a cost of making it: cash goes down, profit does not.
    Category("bagi_hasil", "out", in_profit=False),
    Category("listrik", "out"),
    Category("transport", "out"),
    Category("alat", "out"),
    Category("pakan_obat", "out"),
    Category("sewa", "out"),
    Category("rumah_tangga", "out", in_profit=False),
    Category("lain_keluar", "out"),
)
CATEGORY_BY_KEY = {c.key: c for c in CATEGORIES}


@dataclass(frozen=True)
class Entry:
    """One line of the cash book. ``id`` is None until the store has saved it."""

    day: dt.date
    description: str
    direction: Direction
    category: str
    amount: int
    purse: Purse = "usaha"
    id: int | None = None

    @property
    def signed(self) -> int:
        """The amount with its sign: + for money in, - for money out."""
        return self.amount if self.direction == "in" else -self.amount


# --- Labels ---------------------------------------------------------------------------------


def category_label(key: str, lang: str | None = None) -> str:
    """The on-screen name of a category, e.g. ``penjualan`` -> ``Penjualan``."""
    if key not in CATEGORY_BY_KEY:
        raise KeyError(f"unknown category {key!r}")
    return t(f"ledger.cat_{key}", lang)


def direction_label(direction: str, lang: str | None = None) -> str:
    """``in`` -> ``Masuk``, ``out`` -> ``Keluar``."""
    if direction not in DIRECTIONS:
        raise KeyError(f"unknown direction {direction!r}")
    return t(f"ledger.dir_{direction}", lang)


def purse_label(purse: str, lang: str | None = None) -> str:
    """``usaha`` -> ``Uang usaha``, ``rumah`` -> ``Uang rumah tangga``."""
    if purse not in PURSES:
        raise KeyError(f"unknown purse {purse!r}")
    return t(f"ledger.purse_{purse}", lang)


# --- Validation -----------------------------------------------------------------------------


class EntryError(ValueError):
    """An entry the participant must fix. ``errors`` maps each bad field to a message that says
    what to do, so a view can show every message beside its own field at once."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


def _check_day(day: object, today: dt.date, errors: dict[str, str]) -> dt.date | None:
    if day is None:
        errors["day"] = t("ledger.err_day_empty")
        return None
    # A datetime (or pandas Timestamp) is a date subclass but does not compare with one.
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        errors["day"] = t("ledger.err_day_invalid")
        return None
    if day > today:
        errors["day"] = t("ledger.err_day_future", today=format_date(today))
    elif day < FIRST_DAY:
        errors["day"] = str(DateOutOfRange.between(day, today))
    return day


def _check_description(description: object, errors: dict[str, str]) -> str:
    # Phones add double spaces and trailing blanks; they are noise, not content.
    text = " ".join(description.split()) if isinstance(description, str) else ""
    if not text:
        errors["description"] = t("ledger.err_description_empty")
    elif len(text) > MAX_DESCRIPTION:
        errors["description"] = t(
            "ledger.err_description_long", length=len(text), max=MAX_DESCRIPTION
        )
    return text


def _check_direction_and_category(
    direction: object, category: object, errors: dict[str, str]
) -> None:
    if direction not in DIRECTIONS:
        errors["direction"] = t("ledger.err_direction")
    known = CATEGORY_BY_KEY.get(category) if isinstance(category, str) else None
    if known is None:
        errors["category"] = t("ledger.err_category_unknown")
    elif direction in DIRECTIONS and known.direction != direction:
        errors["category"] = t(
            "ledger.err_category_direction",
            category=category_label(known.key),
            direction=direction_label(known.direction).lower(),
        )


def _check_amount(amount: object, errors: dict[str, str]) -> int:
    if amount is None:
        errors["amount"] = t("ledger.err_amount_empty")
        return 0
    # bool is an int subclass and float loses rupiah: both are refused, not converted.
    if isinstance(amount, bool) or not isinstance(amount, numbers.Integral):
        errors["amount"] = t("ledger.err_amount_type")
        return 0
    value = int(amount)
    if value <= 0:
        errors["amount"] = t("ledger.err_amount_positive")
    elif value > MAX_AMOUNT:
        errors["amount"] = t("ledger.err_amount_too_big")
    return value


def make_entry(
    day: dt.date | None,
    description: str,
    direction: str,
    category: str,
    amount: int,
    purse: str = "usaha",
    *,
    today: dt.date | None = None,
    id: int | None = None,
) -> Entry:
    """A checked :class:`Entry`, or :class:`EntryError` listing every problem at once
    (fixing one field only to be told about the next frustrates people on a phone)."""
    errors: dict[str, str] = {}
    checked_day = _check_day(day, today or dt.date.today(), errors)
    text = _check_description(description, errors)
    _check_direction_and_category(direction, category, errors)
    value = _check_amount(amount, errors)
    if purse not in PURSES:
        errors["purse"] = t("ledger.err_purse")
    if errors:
        raise EntryError(errors)
    assert checked_day is not None  # for the type checker: no error means a date
    return Entry(checked_day, text, direction, category, value, purse, id)  # type: ignore[arg-type]


# --- Balances and summaries -----------------------------------------------------------------


def _book_order(entries: Iterable[Entry]) -> list[Entry]:
    # The order a paper cash book has: by day, then in the order they were written down.
    indexed = list(enumerate(entries))
    indexed.sort(key=lambda pair: (pair[1].day, pair[1].id or 0, pair[0]))
    return [entry for _, entry in indexed]


def running_balance(entries: Iterable[Entry], opening: int = 0) -> list[tuple[Entry, int]]:
    """Each entry in cash-book order with the balance after it."""
    rows: list[tuple[Entry, int]] = []
    current = opening
    for entry in _book_order(entries):
        current += entry.signed
        rows.append((entry, current))
    return rows


def balance(entries: Iterable[Entry], opening: int = 0) -> int:
    """Money in hand: opening + everything in - everything out."""
    return opening + sum(entry.signed for entry in entries)


@dataclass(frozen=True)
class MonthSummary:
    year: int
    month: int
    money_in: int
    money_out: int
    net: int


def monthly_summary(entries: Iterable[Entry]) -> list[MonthSummary]:
    """Money in, out and the difference for each month that has entries, oldest first."""
    totals: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for entry in entries:
        side = 0 if entry.direction == "in" else 1
        totals[(entry.day.year, entry.day.month)][side] += entry.amount
    return [
        MonthSummary(year, month, money_in, money_out, money_in - money_out)
        for (year, month), (money_in, money_out) in sorted(totals.items())
    ]


@dataclass(frozen=True)
class ProfitLoss:
    """Income and expenses by category key (in the order of CATEGORIES)."""

    income: dict[str, int]
    expenses: dict[str, int]
    total_income: int
    total_expenses: int
    profit: int


def _in_range(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def profit_and_loss(
    entries: Iterable[Entry], start: dt.date | None = None, end: dt.date | None = None
) -> ProfitLoss:
    """Profit of the business between ``start`` and ``end`` (both included). Household money
    and money that is not income or cost (capital, loans, household spending) stay out."""
    sums: dict[str, int] = defaultdict(int)
    for entry in entries:
        category = CATEGORY_BY_KEY.get(entry.category)
        if entry.purse != "usaha" or category is None or not category.in_profit:
            continue
        if _in_range(entry.day, start, end):
            sums[entry.category] += entry.amount
    income = {c.key: sums[c.key] for c in CATEGORIES if c.direction == "in" and c.key in sums}
    expenses = {c.key: sums[c.key] for c in CATEGORIES if c.direction == "out" and c.key in sums}
    total_income, total_expenses = sum(income.values()), sum(expenses.values())
    return ProfitLoss(income, expenses, total_income, total_expenses, total_income - total_expenses)


@dataclass(frozen=True)
class PurseTotals:
    money_in: int
    money_out: int
    net: int


def purse_split(entries: Iterable[Entry]) -> dict[str, PurseTotals]:
    """Totals for each purse (both always present), so a lesson can show how much household
    spending came out of the business purse."""
    sums = {purse: [0, 0] for purse in PURSES}
    for entry in entries:
        sums[entry.purse][0 if entry.direction == "in" else 1] += entry.amount
    return {purse: PurseTotals(i, o, i - o) for purse, (i, o) in sums.items()}

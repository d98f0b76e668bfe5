"""A cash book month by month: the balance brought into a month and the month's own entries (a
page of the book), and the balance at the end of every month (the balance chart). Plain Python,
no ipywidgets. Balances count every entry, as the cash book's running balance does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from widgets.cashbook.ledger import Entry, balance, running_balance


@dataclass(frozen=True)
class MonthPage:
    """One month of the book: what was in hand when it began, its entries, and at its end."""

    year: int
    month: int
    opening: int
    entries: list[Entry]
    closing: int


def _month(entry: Entry) -> tuple[int, int]:
    return entry.day.year, entry.day.month


def month_page(entries: Iterable[Entry], year: int, month: int, opening: int = 0) -> MonthPage:
    """The month's entries, with the balance brought forward from ``opening`` and every
    earlier entry."""
    book = list(entries)
    before = [e for e in book if _month(e) < (year, month)]
    during = [e for e in book if _month(e) == (year, month)]
    start = balance(before, opening)
    return MonthPage(year, month, start, during, balance(during, start))


def month_end_balances(entries: Iterable[Entry], opening: int = 0) -> dict[tuple[int, int], int]:
    """``{(year, month): balance at the month's end}`` for every month with entries, oldest
    first."""
    closing: dict[tuple[int, int], int] = {}
    for entry, after in running_balance(entries, opening):
        closing[_month(entry)] = after
    return closing

"""The cash book (buku kas): entries, running balance, monthly summary, profit and loss.

Plain Python, no ipywidgets. Amounts are integer rupiah, always positive; ``direction`` says
whether money came in or went out. ``purse`` keeps the business purse (``usaha``) apart from
the household purse (``rumah``), the habit lesson 1 teaches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Direction = Literal["in", "out"]
Purse = Literal["usaha", "rumah"]
DIRECTIONS: tuple[Direction, ...] = ("in", "out")
PURSES: tuple[Purse, ...] = ("usaha", "rumah")
MAX_DESCRIPTION = 120


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

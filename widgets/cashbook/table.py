"""The cash book as a table: its column labels, one row per entry with the running balance,
and a pandas frame of it (pandas is imported only when a frame is asked for, so a lesson page
loads fast). Plain Python, no ipywidgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from widgets.cashbook.ledger import (
    Entry,
    category_label,
    purse_label,
    running_balance,
)
from widgets.core.i18n import t

if TYPE_CHECKING:
    import pandas as pd

COLUMN_KEYS = ("day", "description", "category", "purse", "in", "out", "balance")


def column_labels(lang: str | None = None) -> list[str]:
    """Column headings of the cash-book table, shared by the screen, Excel and CSV."""
    return [t(f"ledger.col_{key}", lang) for key in COLUMN_KEYS]


class CashBookRow(NamedTuple):
    """One printed line of the cash book: labels instead of keys, 0 on the unused side."""

    day: dt.date
    description: str
    category: str
    purse: str
    money_in: int
    money_out: int
    balance: int


def table_rows(entries: Iterable[Entry], opening: int = 0) -> list[CashBookRow]:
    """The cash book's lines in book order, each with the balance after it."""
    return [
        CashBookRow(
            entry.day,
            entry.description,
            category_label(entry.category),
            purse_label(entry.purse),
            entry.amount if entry.direction == "in" else 0,
            entry.amount if entry.direction == "out" else 0,
            after,
        )
        for entry, after in running_balance(entries, opening)
    ]


def to_frame(entries: Iterable[Entry], opening: int = 0) -> pd.DataFrame:
    """The cash book as a table for display and export (amounts int64, dates as dates)."""
    import pandas as pd

    labels = column_labels()
    frame = pd.DataFrame(table_rows(entries, opening), columns=labels)
    frame[labels[0]] = frame[labels[0]].astype(object)
    for label in labels[4:]:
        frame[label] = frame[label].astype("int64")
    return frame

"""The goat group's herd book beside its cash book: do the goats and the money tell the same
story? Plain Python, no ipywidgets.

The herd book (``kambing_peristiwa.csv``, read by the sharing topic's loader) counts goats: born,
died, sold, bought. The cash book counts rupiah. Over the same period they must agree:

- every sale in the herd book is money in (a *penjualan* line) in the cash book on the same day
  with the same amount, and every goat sale in the cash book is a sale in the herd book;
- every goat bought is money out on the same day with the same amount;
- the goats at the start, plus those born and bought, minus those that died and were sold, are
  the goats at the end.

A line in one book without its twin in the other is a :class:`Mismatch`: a sale someone forgot
to write down, or money that came in for goats the herd book never lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from widgets.cashbook.ledger import Entry
from widgets.core.village import Village, load_village

SALE_CATEGORY = "penjualan"
FEED_CATEGORY = "pakan_obat"
# Herd events that move money, and the direction the money moves.
MONEY_EVENTS = {"jual": "in", "beli": "out"}


@dataclass(frozen=True)
class HerdLine:
    """One herd event in the period, with the herd's size after it."""

    day: dt.date
    event: str  # lahir, mati, jual, beli (awal: the herd's first day)
    does: int  # signed change
    bucks: int
    price: int | None
    note: str
    herd_after: int

    @property
    def change(self) -> int:
        return self.does + self.bucks


@dataclass(frozen=True)
class Mismatch:
    """A line one book has and the other lacks. ``book``: ``herd`` (a goat sale or purchase
    with no money line) or ``cash`` (a goat-sale money line with no herd sale)."""

    book: str
    day: dt.date
    event: str  # jual / beli for the herd book; the cash line's category for the cash book
    amount: int | None
    note: str


@dataclass(frozen=True)
class HerdAndCash:
    """The two books over ``start`` .. ``end``, and whether they agree."""

    start: dt.date
    end: dt.date
    opening_count: int
    lines: tuple[HerdLine, ...]
    feed: tuple[Entry, ...]  # feed and medicine bought, from the cash book
    sales_cash: int  # goat sales in the cash book
    buys_cash: int  # the money lines that paid for goats bought
    mismatches: tuple[Mismatch, ...]

    def count(self, event: str) -> int:
        """Goats born / died / sold / bought in the period (a positive number)."""
        return sum(abs(line.change) for line in self.lines if line.event == event)

    def money(self, event: str) -> int:
        """The herd book's total price of the goats sold (``jual``) or bought (``beli``)."""
        return sum(line.price or 0 for line in self.lines if line.event == event)

    @property
    def arrived(self) -> int:
        """The animals at the start of the period and those that first arrive in it."""
        return self.opening_count + self.count("awal")

    @property
    def closing_count(self) -> int:
        return self.lines[-1].herd_after if self.lines else self.opening_count

    @property
    def counted(self) -> int:
        """The end count worked out from the start and the period's events; a herd whose
        first animals arrive (``awal``) inside the period counts them with the start."""
        return (self.arrived + self.count("lahir") + self.count("beli")
                - self.count("mati") - self.count("jual"))

    @property
    def feed_total(self) -> int:
        return sum(e.amount for e in self.feed)

    @property
    def agree(self) -> bool:
        return (not self.mismatches and self.counted == self.closing_count
                and self.money("jual") == self.sales_cash
                and self.money("beli") == self.buys_cash)


def _twin(entries: Sequence[Entry], day: dt.date, amount: int | None, direction: str,
          used: set[int]) -> int | None:
    """The position of the unused business cash line of ``amount`` on ``day``, if any."""
    for i, entry in enumerate(entries):
        if (i not in used and entry.day == day and entry.amount == amount
                and entry.direction == direction and entry.purse == "usaha"
                and (direction == "out" or entry.category == SALE_CATEGORY)):
            return i
    return None


def reconcile(events: Iterable, entries: Sequence[Entry], start: dt.date, end: dt.date
              ) -> HerdAndCash:
    """Compare herd events (objects with ``day``, ``event``, ``does``, ``bucks``, ``price``,
    ``note``, as the sharing loader gives them) with cash-book ``entries`` over
    ``start`` .. ``end`` (both days included)."""
    entries = [e for e in entries if start <= e.day <= end]
    opening, lines, used, missing = 0, [], set(), []
    herd = 0
    for event in events:
        herd += event.does + event.bucks
        if event.day < start:
            opening = herd
        elif event.day <= end:
            lines.append(HerdLine(event.day, event.event, event.does, event.bucks, event.price,
                                  event.note, herd))
            if event.event in MONEY_EVENTS:
                found = _twin(entries, event.day, event.price, MONEY_EVENTS[event.event], used)
                if found is None:
                    missing.append(Mismatch("herd", event.day, event.event, event.price,
                                            event.note))
                else:
                    used.add(found)
    buys = sum(entries[i].amount for i in used if entries[i].direction == "out")
    extra = [Mismatch("cash", e.day, e.category, e.amount, e.description)
             for i, e in enumerate(entries)
             if e.category == SALE_CATEGORY and e.purse == "usaha" and i not in used]
    sales = sum(e.amount for e in entries if e.category == SALE_CATEGORY and e.purse == "usaha")
    feed = tuple(e for e in entries if e.category == FEED_CATEGORY)
    return HerdAndCash(start, end, opening, tuple(lines), feed, sales, buys,
                       tuple(missing + extra))


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def herd_and_cash(village: Village | None = None, group: str | None = None) -> HerdAndCash:
    """The village's herd book and the group's cash book (default: the livestock group's) over
    the cash book's months."""
    from widgets.cashbook.data import load_cashbook
    from widgets.sharing.data import load_sharing

    village = village or load_village()
    found = village.group(group) if group else village.livestock_group()
    if found is None:
        raise LookupError(f"village {village.key!r} has no livestock group")
    info, group = found, found.key
    book = load_cashbook(village).book(group)
    if not book or info.opening_date is None:
        raise LookupError(f"group {group!r} keeps no cash book")
    start = info.opening_date
    end = month_end(book[-1].day)
    return reconcile(load_sharing(village).herd_events(), book, start, end)

"""How old the herd's goats are: is a herd log plausible for goat farmers? Plain Python.

A goat sold for *qurban* must be at least one year old, and the pricing lesson raises a buck for
12 months before it is sold. The herd log (``kambing_peristiwa.csv``) records counts, not
animals, so ages are tracked from the events:

- a goat that arrives (``awal``, ``beli``) is taken as an adult, one year old on arrival;
- a birth (``lahir``) adds kids born that day;
- a death (``mati``) removes the *oldest* goats of that sex and a sale (``jual``) sells the
  oldest. The log does not say which goat died, so counting a death against the oldest never
  shows more grown goats than the herd could really have had: the check is strict on purpose.

Every goat sold must be at least :data:`SALE_AGE_MONTHS` old on the day of the sale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

SALE_AGE_MONTHS = 12
SEXES = ("does", "bucks")


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


@dataclass(frozen=True)
class TooYoung:
    """A sale of more goats of one sex than were old enough on that day."""

    index: int  # the event's position in the log (0 = first event)
    sex: str  # "does" or "bucks"
    sold: int
    grown: int  # goats of that sex at least SALE_AGE_MONTHS old that day


def grown_on(births: Iterable[dt.date], day: dt.date, months: int = SALE_AGE_MONTHS) -> int:
    """How many of the goats born on ``births`` are at least ``months`` old on ``day``."""
    return sum(1 for born in births if months_later(born, months) <= day)


def first_too_young(events: Iterable[tuple[dt.date, str, int, int]],
                    months: int = SALE_AGE_MONTHS) -> TooYoung | None:
    """The first sale in ``events`` (day, event, does change, bucks change) that sells more
    goats of one sex than were ``months`` old or older, or None when every sale is plausible."""
    herd: dict[str, list[dt.date]] = {sex: [] for sex in SEXES}  # birthdays, oldest first
    for index, (day, event, does, bucks) in enumerate(events):
        for sex, change in zip(SEXES, (does, bucks), strict=True):
            born = herd[sex]
            if change > 0:
                when = day if event == "lahir" else months_later(day, -months)
                born.extend([when] * change)
                born.sort()
            elif change < 0:
                grown = grown_on(born, day, months)
                if event == "jual" and -change > grown:
                    return TooYoung(index, sex, -change, grown)
                del born[:-change]  # the oldest go first
    return None

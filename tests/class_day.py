"""The store tests' class day: a store whose clock stands at 14 December 2019, 10:00 in
Lampung, so every row it writes carries that time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from widgets.store import Store

NOW = dt.datetime(2019, 12, 14, 3, 0, tzinfo=dt.UTC)  # 10:00 in Lampung
TODAY = dt.date(2019, 12, 14)


def open_store(path: Path | str) -> Store:
    return Store(path, clock=lambda: NOW)

"""Live pages without an extra process: an asyncio task in the page's own kernel asks SQLite
``PRAGMA data_version`` on a read-only connection about twice a second (the number changes
when any other connection commits, and asking costs microseconds) and calls back only then,
or every ``refresh_every`` seconds so clock-based texts stay true. On PostgreSQL it asks the
store's ``change_marker()`` (the class's write count) instead.

The callback sets widget values; it must never print or display (output from a background
task would land in whatever cell ran last). The view keeps the task (``self.task``) so it is
not garbage-collected. Plain Python, no ipywidgets: the dashboard, the FGD board, the trainer's
panel and the participant's answer page all use this one loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from widgets.store import Store

log = logging.getLogger(__name__)


class StoreWatch:
    def __init__(self, store: Store, on_change: Callable[[], None],
                 on_error: Callable[[Exception], None] | None = None,
                 interval: float = 0.5, refresh_every: float = 15.0) -> None:
        self.store, self.on_change, self.on_error = store, on_change, on_error
        self.interval, self.refresh_every = interval, refresh_every
        self.task: asyncio.Task | None = None
        self.checks = self.changes = 0

    def start(self) -> asyncio.Task:
        """Start polling (once; a second call returns the running task)."""
        if self.task is None or self.task.done():
            self.task = asyncio.get_event_loop().create_task(self._run())
        return self.task

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _marker(self) -> tuple[Any, Any]:
        """(a function giving the change marker, a function closing what it opened)."""
        path: Path | None = self.store.path
        if path is None:
            return self.store.change_marker, lambda: None
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        return (lambda: conn.execute("PRAGMA data_version").fetchone()[0]), conn.close

    async def _run(self) -> None:
        marker, close = self._marker()
        try:
            last = version = marker()
            shown = time.monotonic()
            while True:
                await asyncio.sleep(self.interval)
                self.checks += 1
                with contextlib.suppress(sqlite3.Error):
                    version = marker()
                if version != last or time.monotonic() - shown > self.refresh_every:
                    last, shown = version, time.monotonic()
                    self.changes += 1
                    self._call()
        finally:
            close()

    def _call(self) -> None:
        try:
            self.on_change()
        except Exception as exc:  # noqa: BLE001 (the loop must outlive one bad read)
            log.exception("live refresh")
            if self.on_error is not None:
                with contextlib.suppress(Exception):
                    self.on_error(exc)

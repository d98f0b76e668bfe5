"""The preheated kernels follow the class: sized from the laptop's free memory, moved to the
next lesson when the trainer asks, with no restart.

A preheated kernel has already run its lesson, so a phone opening that lesson gets its page at
once; but each idle one holds about 60–90 MB. So only the lesson the class is about to open
gets a pool the size of the class, and only as large as the free memory allows.

The trainer page writes the wanted lesson into the kit's SQLite file (:func:`request`); the
server (:class:`PoolMover`, started by ``widgets.kit.server``) reads it every few seconds, shuts
the old lesson's spare kernels down, fills the new lesson's pool, and writes back what is ready
(:func:`plan`). The store is the only channel: the trainer's page runs in a kernel and cannot
reach the server's objects.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections import deque
from typing import Any

from widgets.core.i18n import t
from widgets.kit.pool_plan import (  # noqa: F401 (the trainer's side, named here too)
    CLASS_PAGES,
    Plan,
    mark_ready,
    plan,
    poolable_pages,
    request,
)
from widgets.store import Store

# One kernel after its lesson has run, with headroom: measured 56 MB RSS for the cash book on
# the kit's kernel (make bench), 61 MB for the sharing lesson.
KERNEL_MB = 90
# What the laptop needs besides the kernels: the system, the server, the trainer's browser.
RESERVE_MB = 1200
CHECK_SECONDS = 3.0
# A class moving to the next page leaves the last one and opens the new one within seconds;
# between the two, a phone holds no kernel. The budget looks at the most kernels in use over
# this long, so the pool is not refilled for phones that are only changing pages.
MOVING_SECONDS = 20.0
# Kernels started for pages at the same time: two per core. A class opening a page that has
# no preheated kernel left started 25 at once; on two cores they all finished late together,
# and all 25 processes were there while the last page's kernels were still being stopped.
START_SLOTS = 2 * (os.cpu_count() or 1)
RENDER_SECONDS = 120  # the executor's cell timeout (voila.json)


# Pages whose content depends on their address (``?view=...&kunci=...``). A preheated kernel
# runs the notebook before anyone asks for it and blocks until the address arrives; after the
# executor's timeout (120 s) nbclient interrupts it and the page shows the "no key" sentence.
# These pages are opened once or twice a day by the trainer, so a fresh kernel costs nothing.
NOT_PREHEATED = ("proyektor.ipynb",)
# The trainer's big-screen lesson tools, opened in the middle of a lecture: one kernel each,
# ready, so the projector shows the tool at once.
PROJECTOR_PAGES = ("proyektor-harga.ipynb", "proyektor-bagi-hasil.ipynb")


def pool_config(class_size: int, lesson: str) -> str:
    """Preheated kernels: enough for the whole class on the lesson about to start, one for
    every other page (the trainer's projector tools among them). Each idle kernel holds about
    80 MB, 13 of them about 1 GB; going down to none elsewhere was tried, and pages rendered on
    a fresh kernel under a full test run now and then lacked a widget ("model not found", not
    yet explained), so the one each stays. Pages read by address (:data:`NOT_PREHEATED`) get
    none."""
    pools = {"default": {"pool_size": 1}, **{page: {"pool_size": 1} for page in PROJECTOR_PAGES},
             lesson: {"pool_size": max(class_size, 1)}}
    pools.update({page: {"pool_size": 0} for page in NOT_PREHEATED})
    return f"--VoilaKernelManager.kernel_pools_config={pools!r}"


def spare_kernels(class_size: int) -> int:
    """Kernels beyond one per phone: the trainer's pages, and the next lesson's first arrivals
    while the class still holds the last lesson's pages."""
    return max(2, -(-class_size // 6))


def pool_target(class_size: int, in_use: int, available: int | None = None) -> int:
    """Preheated kernels for the class's next page now. Idle pool kernels count against the
    class's budget (a kernel per phone plus :func:`spare_kernels`): while 30 phones still hold
    the last lesson, the next one gets the spares only, and it grows as phones leave the last
    lesson (their kernels are given back, see ``widgets.kit.channels``). Never more than free
    memory allows (:func:`pool_size`), and always one, so a late phone opens a page at once."""
    budget = class_size + spare_kernels(class_size)
    return max(1, min(pool_size(class_size, available), budget - in_use))


def available_mb() -> int:
    """Memory the laptop can still give, in MB (what the system calls "available")."""
    import psutil

    return int(psutil.virtual_memory().available // 2**20)


def affordable_kernels(available: int | None = None) -> int:
    """How many more lesson kernels fit in memory: one per phone that has a page open."""
    free = available_mb() if available is None else available
    return max(0, (free - RESERVE_MB) // KERNEL_MB)


def pool_size(class_size: int, available: int | None = None) -> int:
    """Preheated kernels for the class's next lesson: the class, but no more than memory
    allows now (the pages still open count, as they hold memory), at least one."""
    return max(1, min(class_size, affordable_kernels(available)))


class PoolMover:
    """Server side: keeps Voila's kernel pools on the lesson the trainer asked for.

    ``manager`` is Voila's ``VoilaKernelManager`` (``kernel_pools_config``, ``_pools`` and
    ``fill_if_needed`` are its pooling API in Voila 0.5)."""

    def __init__(self, manager: Any, store: Store, lesson: str, class_size: int,
                 log: logging.Logger | None = None) -> None:
        self.manager = manager
        self.store = store
        self.lesson = lesson
        self.class_size = class_size
        self.log = log or logging.getLogger(__name__)
        self.moving = False
        self.seen: deque[tuple[float, int]] = deque()  # (monotonic time, kernels in use)
        self.pages: set[str] = set()  # kernels handed to a page or started for one
        self.starting = 0  # kernels being started for a page now, or waiting for a slot
        self.start_slots = asyncio.Semaphore(START_SLOTS)

    def install(self) -> None:
        """Wrap three of the manager's methods: every refill of the class's pool is sized by
        :func:`pool_target`; a kernel handed to a page counts as active from then on (a
        preheated kernel has been idle since it ran its lesson, and the culling of
        ``voila.json`` would take it in the seconds before the page's websocket opens); and
        every kernel handed out or started for a page is counted as in use, and no more than
        :data:`START_SLOTS` of the latter start at once. (Voila starts a page's own kernel with
        the manager's ``start_kernel``, and a pool's with the class's.)"""
        manager = self.manager
        fill, hand_out, start = (manager.fill_if_needed, manager.get_rendered_notebook,
                                 manager.start_kernel)

        def fill_if_needed(*args: Any, **kwargs: Any) -> None:
            name = kwargs.get("notebook_name", args[1] if len(args) > 1 else None)
            if name == self.lesson:
                config = dict(manager.kernel_pools_config)
                config[name] = {**config.get(name, {}), "pool_size": self.target()}
                manager.kernel_pools_config = config
            fill(*args, **kwargs)

        async def get_rendered_notebook(*args: Any, **kwargs: Any) -> Any:
            result = await hand_out(*args, **kwargs)
            from jupyter_server._tz import utcnow

            kernel = manager._kernels.get(result[2])  # noqa: SLF001 (task, cells, kernel id)
            if kernel is not None:
                kernel.last_activity = utcnow()
            self.pages.add(result[2])
            return result

        async def start_kernel(*args: Any, **kwargs: Any) -> str:
            self.starting += 1
            try:
                async with self.start_slots:
                    kernel_id = await start(*args, **kwargs)
            finally:
                self.starting -= 1
            self.pages.add(kernel_id)  # listed by the manager once started, as now
            return kernel_id

        manager.fill_if_needed = fill_if_needed
        manager.get_rendered_notebook = get_rendered_notebook
        manager.start_kernel = start_kernel

    def in_use(self) -> int:
        """Kernels that belong to a page: handed out from a pool, or started for a page (still
        starting ones included: a kernel is not in the manager's list until it is ready, 10 to
        60 s when a class arrives at once; uncounted, the pool grew for phones that were already
        starting their own, to 72 kernels). Counted from the pages' side: the pools' entries
        include refills not started yet, and subtracting those made every refill call for
        another (70 kernels)."""
        self.pages &= set(self.manager.list_kernel_ids())  # given back, culled, shut down
        return len(self.pages) + self.starting

    def busiest(self, now: float | None = None) -> int:
        """The most kernels in use over the last :data:`MOVING_SECONDS`, this moment included."""
        now = time.monotonic() if now is None else now
        self.seen.append((now, self.in_use()))
        while self.seen and self.seen[0][0] < now - MOVING_SECONDS:
            self.seen.popleft()
        return max(count for _, count in self.seen)

    def target(self) -> int:
        return pool_target(self.class_size, self.busiest())

    def default_size(self) -> int:
        return int(self.manager.kernel_pools_config.get("default", {}).get("pool_size", 1))

    async def started(self) -> None:
        """At server start the start lesson is the plan; written once its pool is filled."""
        request(self.store, self.lesson)
        await self._filled(self.lesson)

    async def check(self) -> None:
        """One look at the plan; move the pool when the trainer asked for another page."""
        if self.moving:
            return
        wanted = plan(self.store)
        if wanted is None or wanted.lesson == self.lesson:
            # Top the pool up as phones leave the last lesson (see pool_target).
            self.manager.fill_if_needed(delay=0, notebook_name=self.lesson)
            return
        self.moving = True
        try:
            await self.move(wanted.lesson)
        finally:
            self.moving = False

    async def move(self, lesson: str) -> None:
        old = self.lesson
        config = dict(self.manager.kernel_pools_config)
        config.pop(old, None)  # the old lesson falls back to the default pool
        self.manager.kernel_pools_config = config
        self.lesson = lesson
        self.log.info("Moving the kernel pool from %s to %s", old, lesson)
        pools = self.manager._pools  # noqa: SLF001 (Voila 0.5 keeps its pools here)
        keep = self.default_size()
        spare = pools.get(old, [])[keep:]
        del pools.get(old, [])[keep:]
        # The old spares go first: they count against the class's budget until they are gone.
        await asyncio.gather(*(self._shut_down(task) for task in spare))
        self.manager.fill_if_needed(delay=0, notebook_name=lesson)
        await self._filled(lesson)

    async def _shut_down(self, task: asyncio.Future) -> None:
        """A spare kernel is shut down once it has finished running its lesson: stopping it
        in the middle of a cell makes the kernel and the server log errors."""
        try:
            content = await task
        except Exception:  # noqa: BLE001 (a kernel that failed to start holds nothing)
            return
        try:
            await asyncio.wait_for(asyncio.shield(content["task"]), RENDER_SECONDS)
        except Exception:  # noqa: BLE001 (it ran badly or too long: shut it down all the same)
            self.log.info("A spare pool kernel had not finished its lesson", exc_info=True)
        try:
            await self.manager.shutdown_kernel(content["kernel_id"])
        except Exception:  # noqa: BLE001 (logged; the other spares still go)
            self.log.warning("A spare pool kernel could not be shut down", exc_info=True)

    async def _filled(self, lesson: str) -> None:
        """Write "ready" once every pool kernel has run its lesson: a pool entry is done when
        its kernel has started, and the lesson runs in a task of its own after that (measured:
        "ready" after 8 s, pages still 10 s to load)."""
        pool = list(self.manager._pools.get(lesson, []))  # noqa: SLF001
        done = await asyncio.gather(*pool, return_exceptions=True)
        started = [item for item in done if isinstance(item, dict)]
        rendered = await asyncio.gather(*(asyncio.shield(item["task"]) for item in started),
                                        return_exceptions=True)
        ready = sum(1 for result in rendered if not isinstance(result, BaseException))
        if self.lesson == lesson:  # not moved again meanwhile
            mark_ready(self.store, lesson, ready)
            self.log.info("Kernel pool of %s is ready: %d kernels", lesson, ready)


def follow_the_class(manager: Any, lesson: str, class_size: int,
                     log: logging.Logger) -> Any:
    """Start a :class:`PoolMover` on the server's event loop; returns its periodic check."""
    from tornado.ioloop import IOLoop, PeriodicCallback

    mover = PoolMover(manager, Store(), lesson, class_size, log)
    mover.install()
    IOLoop.current().add_callback(mover.started)
    check = PeriodicCallback(mover.check, CHECK_SECONDS * 1000)
    check.start()
    return check


def banner_line(class_size: int, size: int, lesson: str) -> str:
    """The server banner's line about the preheated kernels, in both languages."""
    key = "server.pool" if size >= class_size else "server.pool_short"
    params = {"size": size, "class_size": class_size, "lesson": lesson.removesuffix(".ipynb")}
    return f"{t(key, 'id', **params)}\n{t(key, 'en', **params)}"

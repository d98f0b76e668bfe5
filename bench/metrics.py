"""The three groups of measurements. Each returns raw samples per repetition; ``run`` turns
them into medians and ratios. Servers are started through ``Lab.start`` so that ``run``
can stop every one of them, whatever happens."""

from __future__ import annotations

import re
import time
from pathlib import Path

from bench import measure, servers
from bench.servers import LESSON, LESSONS, Server, wait_quiet
from bench.trainer import Trainer

RENDER = f"/voila/render/{LESSON}"
# A first visit in Chromium waits for a widget on screen. The kit shows a lesson one step at a
# time and its first step has no widget, so the visit asks for every step, as the class day's
# Chromium phones do (stock Voila ignores the address's fragment).
VISIT = f"{RENDER}#semua"
MOVED = "04-bagi-hasil.ipynb"  # not preheated at start: the pool is moved to it
POOL_FILLED = r"Kernel pool of 02-buku-kas\.ipynb is filled"
POOL_USED = r"Using pre-heated kernel: \S+ for 02-buku-kas\.ipynb"
BROWSER_CLASS_SIZE = 2  # refilled after every visit, so each visit finds a preheated kernel
BURST = 30
# Stock Voila sometimes never finishes a page whose kernel died while 30 were starting; such a
# request is given up after this long and counted at this time.
BURST_TIMEOUT = 120.0
# Server log lines that explain empty or missing pages.
LOG_SIGNS = {
    "iopub_timeouts": r"Timeout waiting for IOPub output",
    "port_clashes": r"Address already in use",
    "kernel_restarts": r"restarting kernel",
}


class Lab:
    """The run's scratch folder, environment and every server it has started."""

    def __init__(self, work: Path, log=print) -> None:
        self.work = work
        (work / "data").mkdir()
        (work / "jupyter-config").mkdir()
        self.env = servers.base_env(work / "data", work / "jupyter-config")
        self.live: list[Server] = []
        self.log = log

    def start(self, factory, *args) -> Server:
        """Start and wait until ready; one retry with a new port if the first try dies."""
        for attempt in range(2):
            server = factory(self.work, self.env, *args)
            self.live.append(server)
            try:
                server.wait_ready()
                return server
            except RuntimeError as exc:
                self.stop(server)
                if attempt:
                    raise
                self.log(f"  {server.name} did not start ({str(exc)[:200]}); retrying")
        raise AssertionError("unreachable")

    def stop(self, server: Server) -> None:
        server.stop()  # forgotten only once stopped, so an interrupted stop is retried
        if server in self.live:
            self.live.remove(server)

    def stop_all(self) -> None:
        for server in reversed(self.live[:]):
            try:
                self.stop(server)
            except Exception as exc:  # noqa: BLE001 (keep stopping the others)
                self.log(f"  could not stop {server.name}: {exc!r}")


def _orders(rep: int, pair: list) -> list:
    """Alternate which side goes first, so drift over the run does not favour one side."""
    return pair if rep % 2 == 0 else pair[::-1]


def render_and_rss(lab: Lab, reps: int) -> dict:
    """Cold renders (no preheated kernel) of lesson 1 and of the bare notebook, both with the
    kit's app and settings; then the RSS of the kernel each render started."""
    bare_dir = lab.work / "bare"
    bare_dir.mkdir()
    measure.write_bare_notebook(bare_dir)
    lesson = lab.start(servers.kit_cold_server, LESSONS)
    bare = lab.start(servers.kit_cold_server, bare_dir)
    sides = [("lesson", lesson, RENDER), ("bare", bare, "/voila/render/bare.ipynb")]
    samples: dict = {name: {"render_s": [], "rss_mb": [], "bytes": [], "cpu_s": [],
                            "others_cores": []} for name, _, _ in sides}

    def once(server: Server, path: str) -> dict:
        wait_quiet(server)
        servers.wait_machine_quiet()
        before = set(server.kernels())
        machine, own = servers.machine_busy_seconds(), servers.cpu_seconds([server.proc.pid])
        got = measure.timed_get(server.port, path)
        machine = servers.machine_busy_seconds() - machine
        own = servers.cpu_seconds([server.proc.pid]) - own
        if got["status"] != 200 or measure.WIDGET_MIME not in got["text"]:
            raise RuntimeError(f"{path}: status {got['status']}, no widget in the page")
        wait_quiet(server, timeout=30)
        new = [pid for pid in server.kernels() if pid not in before]
        if len(new) != 1:
            raise RuntimeError(f"{path}: expected one new kernel, found {new}")
        # CPU the render cost (kernel start and run, server templating): unlike wall time,
        # it does not grow when other programs share the two cores.
        cpu = servers.cpu_seconds(new[0:1]) + own
        sample = {"render_s": got["seconds"], "rss_mb": servers.rss_mb(new[0]),
                  "bytes": got["bytes"], "cpu_s": cpu,
                  "others_cores": max(machine - cpu, 0.0) / got["seconds"]}
        server.shutdown_kernel(new[0])
        return sample

    for _name, server, path in sides:  # warm the disk cache and .pyc files; not counted
        once(server, path)
    for rep in range(reps):
        for name, server, path in _orders(rep, sides):
            sample = once(server, path)
            for key, value in sample.items():
                samples[name][key].append(value)
            lab.log(f"  rep {rep + 1} {name:6s} render {sample['render_s']:.2f} s "
                    f"(CPU {sample['cpu_s']:.2f} s, other programs busy "
                    f"{sample['others_cores']:.1f} cores), kernel RSS {sample['rss_mb']:.1f} MB")
    lab.stop(lesson)
    lab.stop(bare)
    return samples


def _kit_pool_ready(server: Server, timeout: float = 300) -> None:
    """Every preheated kernel handed out so far has been replaced, and the server is idle."""
    used = len(re.findall(POOL_USED, server.log_text()))
    server.wait_log(POOL_FILLED, used + 1, timeout)
    wait_quiet(server)


def _settle(name: str, server: Server) -> None:
    if name == "kit":
        _kit_pool_ready(server)
    else:
        wait_quiet(server)


def browser_visits(lab: Lab, reps: int, kinds: list[str]) -> dict:
    """First visits in Chromium: ``bytes`` on a plain loopback link, ``slow`` on the
    emulated phone link. Kit: ``widgets.kit.server`` with a small pool; stock: ``voila``."""
    from bench.browser import Browser

    kit = lab.start(servers.kit_server, BROWSER_CLASS_SIZE, LESSON)
    stock = lab.start(servers.stock_server)
    sides = [("kit", kit), ("stock", stock)]
    samples: dict = {kind: {"kit": [], "stock": []} for kind in kinds}
    browser = Browser()
    try:
        for name, server in sides:  # warm-up visit, not counted
            _settle(name, server)
            browser.visit(server.url + VISIT)
        for kind in kinds:
            for rep in range(reps):
                for name, server in _orders(rep, sides):
                    _settle(name, server)
                    got = browser.visit(server.url + VISIT, slow=kind == "slow")
                    samples[kind][name].append(got)
                    lab.log(f"  {kind} rep {rep + 1} {name:5s} {got['bytes'] / 1e6:.2f} MB, "
                            f"widget after {got['widget_s']:.1f} s")
    finally:
        browser.close()
    lab.stop(kit)
    lab.stop(stock)
    return samples


def _burst_sample(lab: Lab, server: Server, path: str, began: float, label: str) -> dict:
    """30 GETs of ``path`` at once on ``server`` once it is idle; the server is stopped after,
    and its whole log read for the signs of empty pages."""
    wait_quiet(server, timeout=300)
    ready_s = time.monotonic() - began
    results = measure.burst(server.port, path, BURST, BURST_TIMEOUT)
    lab.stop(server)
    text = server.log_text()
    signs = {key: len(re.findall(sign, text)) for key, sign in LOG_SIGNS.items()}
    done = [r for r in results if r.get("status") == 200]
    # A request that failed counts as the slowest possible (the client's timeout). A complete
    # page whose widget cells came back empty (Voila gave up waiting for the kernel's output)
    # keeps its time but is counted in "empty_pages".
    seconds = [r["seconds"] if r in done else BURST_TIMEOUT for r in results]
    sample = {"p95_s": measure.p95(seconds), "median_s": measure.median(seconds),
              "max_s": max(seconds), "failed": len(results) - len(done),
              "empty_pages": sum(not r["widgets"] for r in done), "ready_s": ready_s,
              "errors": [r for r in results if r not in done][:3], "log": signs}
    lab.log(f"  {label} p95 {sample['p95_s']:.2f} s, failed {sample['failed']}, pages without "
            f"widgets {sample['empty_pages']}, server ready after {ready_s:.0f} s; log: {signs}")
    return sample


def class_burst(lab: Lab, reps: int) -> dict:
    """30 phones open lesson 1 at once. Kit: ``widgets.kit.server --class-size 30`` once its pool
    is full and idle; stock: ``voila`` as installed. A fresh server for every repetition."""
    samples: dict = {"kit": [], "stock": []}
    for rep in range(reps):
        for name in _orders(rep, ["kit", "stock"]):
            began = time.monotonic()
            if name == "kit":
                server = lab.start(servers.kit_server, BURST, LESSON)
                server.wait_log(POOL_FILLED + f" with {BURST} kernel", 1, timeout=600)
            else:
                server = lab.start(servers.stock_server)
            samples[name].append(_burst_sample(lab, server, RENDER, began,
                                               f"burst rep {rep + 1} {name:5s}"))
    return samples


def pool_move_burst(lab: Lab, reps: int) -> dict:
    """30 phones open lesson 3 (:data:`MOVED`), which was not preheated at start. Kit: started
    on lesson 1 with ``--class-size 30``; once its pool is ready the trainer moves it to lesson 3
    (``widgets.kit.pool.request``, as the trainer page does) and the burst starts when the
    server says the new pool is ready. Stock: ``voila`` as installed, the same lesson."""
    samples: dict = {"kit": [], "stock": []}
    trainer = Trainer(Path(lab.env["USAHA_KITA_DATA"]))
    for rep in range(reps):
        for name in _orders(rep, ["kit", "stock"]):
            began = time.monotonic()
            if name == "kit":
                server = lab.start(servers.kit_server, BURST, LESSON)
                trainer.move_pool(LESSON)  # the pool the kit started with, filled
                moved = trainer.move_pool(MOVED)
                lab.log(f"  pool moved to {MOVED}: ready {moved:.0f} s after the request")
            else:
                server = lab.start(servers.stock_server)
            samples[name].append(_burst_sample(lab, server, f"/voila/render/{MOVED}", began,
                                               f"poolmove rep {rep + 1} {name:5s}"))
    return samples

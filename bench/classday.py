"""The class day (issue 13, item 5): 30 phones through the lessons on one real kit server.

Each phone signs in on every lesson page and does what it asks (:mod:`bench.classday_steps`):
two cash-book entries (02-buku-kas), a price worked in steps (03-harga, which saves nothing), the
sharing calculator run and its distribution saved (04-bagi-hasil), a post saved
(05-promosi-media-sosial) and an FGD answer to the question the trainer opened (diskusi).
Before each page the trainer moves the preheated pool to it (``widgets.kit.pool.request``, what
the trainer page's "Siapkan" writes) and waits until the server says it is ready; then the
class opens it in a burst, each phone leaving its last page (websocket closed with 1001). After
lesson 03 the server's process group is killed with SIGKILL and the server started again on the
same data folder and port; the phones carry on with their next page. At the end every phone
leaves, and after ``wait_s`` (5 minutes) the kernels still alive are counted: none that was
handed to a page may be left (the preheated pool stays).

Most phones are :class:`bench.phone.Phone` (the widget protocol over the websocket); a few are
real Chromium pages on the same path (the cash book) and open the other pages too.

Figures: peak and final RSS of the server and all its kernels (sampled every second with
psutil; kernels orphaned by the kill are followed until they exit), kernels alive after
leaving, acknowledged writes lost, ``PRAGMA integrity_check``, pages without widgets, page-load
p50/p95 per page. ``python -m bench.classday [--phones 30] [--chromium 3] [--wait 300]``.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path

import psutil

from bench import servers
from bench.classday_steps import (
    LESSONS,
    PIN,
    BrowserPhones,
    Day,
    check_store,
    kernel_ids,
    light_step,
)
from bench.measure import median, p95
from bench.metrics import LOG_SIGNS
from bench.phone import Phone
from bench.trainer import DB_NAME, Trainer
from widgets.kit.kernel import is_kernel

RESTART_AFTER = "03-harga.ipynb"
GB = 2**30


class Sampler(threading.Thread):
    """Every second: RSS of the server, its descendants, and kernels it left orphaned."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.root: int | None = None
        self.kernels: dict[int, psutil.Process] = {}
        self.samples: list[tuple[float, int, int, int]] = []  # (time, rss, pss, kernels)
        self.halt = threading.Event()

    def processes(self) -> list[psutil.Process]:
        found: dict[int, psutil.Process] = {}
        if self.root is not None:
            try:
                root = psutil.Process(self.root)
                found = {p.pid: p for p in [root, *root.children(recursive=True)]}
            except psutil.Error:
                pass
        for pid, proc in list(self.kernels.items()):
            if pid not in found and proc.is_running():
                found[pid] = proc  # an orphan of the kill still holds memory
        return list(found.values())

    def scan(self) -> tuple[int, int, list[str]]:
        """RSS and PSS of all the processes now, and the command lines of the kernels among them.

        The summed RSS counts the pages the kernels share (the Python library, zmq) once per
        kernel; the summed PSS splits them between the processes that share them, so it is the
        memory the laptop really gives. Both are reported."""
        rss, pss, kernels = 0, 0, []
        for proc in self.processes():
            try:
                memory = proc.memory_full_info()
                line = " ".join(proc.cmdline())
            except psutil.Error:
                continue
            rss, pss = rss + memory.rss, pss + memory.pss
            if is_kernel(line):
                kernels.append(line)
                self.kernels.setdefault(proc.pid, proc)
        self.samples.append((time.monotonic(), rss, pss, len(kernels)))
        return rss, pss, kernels

    def run(self) -> None:
        while not self.halt.wait(1.0):
            self.scan()


def _start(lab, class_size: int, port: int, name: str, sampler: Sampler):
    factory = functools.partial(servers.kit_server, lesson=LESSONS[0], port=port, name=name)
    server = lab.start(factory, class_size)
    sampler.root = server.proc.pid
    return server


def _kill(lab, server, sampler: Sampler, log) -> dict:
    """SIGKILL to the server's process group; the kernels it started (sessions of their own)
    must go by themselves once their parent is gone."""
    orphans = [p for p in sampler.processes() if p.pid != server.proc.pid]
    os.killpg(server.proc.pid, signal.SIGKILL)
    lab.stop(server)
    sampler.root = None
    _, alive = psutil.wait_procs(orphans, timeout=30)
    for proc in alive:  # ours: started by the server we started; reported, then ended
        proc.kill()
    log(f"  SIGKILL: {len(orphans)} child processes, {len(alive)} still alive after 30 s")
    return {"children": len(orphans), "alive_after_30s": len(alive)}


def _lesson(server, phones: list[Phone], browsers: BrowserPhones, lesson: str, day: Day,
            question: int) -> float:
    began = time.monotonic()
    gate = threading.Barrier(len(phones) + 1)

    def go(phone: Phone) -> None:
        phone.base = server.url
        gate.wait(60)
        light_step(phone, lesson, day, question)

    threads = [threading.Thread(target=go, args=(p,), daemon=True) for p in phones]
    for thread in threads:
        thread.start()
    gate.wait(60)
    done = browsers.step(server.url, lesson, day)
    for thread in threads:
        thread.join(900)
    done.wait(900)
    return time.monotonic() - began


def class_day(lab, phones: int = 30, chromium: int = 3, wait_s: float = 300,
              lessons: list[str] | None = None, restart_after: str = RESTART_AFTER,
              log=print) -> dict:
    """The whole day on a fresh data folder; returns the report (see :func:`summary`). The
    server is killed and started again after ``restart_after``."""
    lessons = lessons or LESSONS
    data = lab.work / f"classday-{int(time.time())}"
    data.mkdir()
    saved_data = lab.env["USAHA_KITA_DATA"]
    lab.env["USAHA_KITA_DATA"] = str(data)
    names = [f"Peserta {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(phones)]
    light = [Phone("", n, PIN) for n in names[chromium:]]
    day, trainer, sampler = Day(), Trainer(data), Sampler()
    port, timings, restart, logs = servers.free_port(), {}, {}, []
    sampler.start()
    browsers = BrowserPhones(names[:chromium])
    server = _start(lab, phones, port, "classday-a", sampler)
    try:
        question = 0
        for lesson in lessons:
            mark = len(sampler.samples)
            moved = trainer.move_pool(lesson)
            if lesson == "diskusi.ipynb":
                question = trainer.open_question()
            took = _lesson(server, light, browsers, lesson, day, question)
            timings[lesson] = {"pool_move_s": moved, "lesson_s": took,
                               **_peak(sampler.samples[mark:])}
            log(f"  {lesson}: pool ready after {moved:.0f} s, the class done in {took:.0f} s; "
                f"{len(day.writes)} saves acknowledged so far, {len(day.refused)} refused")
            if lesson == restart_after:
                restart = _kill(lab, server, sampler, log)
                logs.append(server.log_text())
                server = _start(lab, phones, port, "classday-b", sampler)
        after = _leave_and_count(light, browsers, sampler, day, wait_s, log)
    finally:
        sampler.halt.set()
        lab.stop(server)
        logs.append(server.log_text())
        browsers.leave()
        lab.env["USAHA_KITA_DATA"] = saved_data
    store = check_store(data / DB_NAME, day.writes)
    report = summary(day, sampler, store, after, timings, restart, browsers.error, lessons)
    # What the servers' logs say of pages that may have come without widgets
    report["log_signs"] = {key: sum(len(re.findall(sign, text)) for text in logs)
                           for key, sign in LOG_SIGNS.items()}
    return report


def _peak(samples: list[tuple[float, int, int, int]]) -> dict:
    """The most memory and kernels seen while the pool moved and the class used a page."""
    return {"peak_rss_gb": max((s[1] for s in samples), default=0) / GB,
            "peak_pss_gb": max((s[2] for s in samples), default=0) / GB,
            "peak_kernels": max((s[3] for s in samples), default=0)}


def _leave_and_count(light: list[Phone], browsers: BrowserPhones, sampler: Sampler, day: Day,
                     wait_s: float, log) -> dict:
    """Every phone leaves its page; ``wait_s`` later, the kernels still alive and the RSS."""
    for phone in light:
        phone.leave()
    browsers.leave()
    left_at = time.monotonic()
    log(f"  every phone left; waiting {wait_s:.0f} s")
    time.sleep(wait_s)
    final_rss, final_pss, lines = sampler.scan()
    alive = kernel_ids(lines)
    return {"waited_s": time.monotonic() - left_at, "alive": len(alive),
            "beyond_pool": len(alive & day.kernels_handed), "final_rss": final_rss,
            "final_pss": final_pss}


def summary(day: Day, sampler: Sampler, store: dict, after: dict, timings: dict,
            restart: dict, browser_error: str, lessons: list[str]) -> dict:
    pages = {}
    for lesson in lessons:
        for label, page in (("light", lesson), ("chromium", f"{lesson} (Chromium)")):
            visits = [v for v in day.visits if v.page == page]
            if visits:
                loads = [v.load_s if v.with_widgets else float("inf") for v in visits]
                pages[f"{lesson} {label}"] = {"p50_s": median(loads), "p95_s": p95(loads),
                                             "n": len(visits)}
    return {
        **_peak(sampler.samples),
        "final_rss_gb": after["final_rss"] / GB, "final_pss_gb": after["final_pss"] / GB,
        "kernels_after_leaving": after, "writes": store,
        "pages": len(day.visits),
        "pages_without_widgets": sum(1 for v in day.visits if not v.with_widgets),
        "without_widgets_examples": [f"{v.page}: {v.error or v.missing_models}"
                                     for v in day.visits if not v.with_widgets][:5],
        "refused": len(day.refused), "refused_examples": day.refused[:5],
        "page_loads": pages, "timings": timings, "restart": restart,
        "browser_error": browser_error,
    }


def passed(report: dict) -> bool:
    return (report["writes"]["lost"] == 0 and report["writes"]["integrity"] == "ok"
            and report["pages_without_widgets"] == 0
            and report["kernels_after_leaving"]["beyond_pool"] == 0)


def lines(report: dict) -> list[str]:
    after, writes = report["kernels_after_leaving"], report["writes"]
    out = [f"classday: peak memory (PSS) {report['peak_pss_gb']:.2f} GB, summed RSS "
           f"{report['peak_rss_gb']:.2f} GB ({report['peak_kernels']} kernels at most); final "
           f"PSS {report['final_pss_gb']:.2f} GB, RSS {report['final_rss_gb']:.2f} GB",
           f"classday: {after['alive']} kernels alive {after['waited_s']:.0f} s after the phones "
           f"left, {after['beyond_pool']} of them handed to a page (beyond the pool)",
           f"classday: {writes['acknowledged']} saves acknowledged {writes['by_table']}, "
           f"{writes['lost']} lost; integrity_check {writes['integrity']}",
           f"classday: {report['pages_without_widgets']}/{report['pages']} pages without "
           f"widgets; {report['refused']} steps refused {report['refused_examples'][:2]}; "
           f"server logs: {report.get('log_signs', {})}"]
    for page, fig in report["page_loads"].items():
        out.append(f"classday: {page}: load p50 {fig['p50_s']:.2f} s, p95 {fig['p95_s']:.2f} s "
                   f"({fig['n']} pages)")
    for page, fig in report["timings"].items():
        out.append(f"classday: {page}: pool ready {fig['pool_move_s']:.0f} s after the "
                   f"request; peak PSS {fig['peak_pss_gb']:.2f} GB "
                   f"(RSS {fig['peak_rss_gb']:.2f} GB), {fig['peak_kernels']} kernels")
    if report["browser_error"]:
        out.append(f"classday: WARNING Chromium did not start: {report['browser_error']}")
    return out


def main(argv: list[str] | None = None) -> int:
    from bench.metrics import Lab

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--chromium", type=int, default=3)
    parser.add_argument("--wait", type=float, default=300, help="seconds after leaving")
    args = parser.parse_args(argv)
    lab = Lab(Path(tempfile.mkdtemp(prefix="usaha-kita-classday-")))
    try:
        report = class_day(lab, args.phones, args.chromium, args.wait)
    finally:
        lab.stop_all()
        shutil.rmtree(lab.work, ignore_errors=True)
    for line in lines(report):
        print(line)
    print(json.dumps(report, indent=1, default=str))
    return 0 if passed(report) else 1


if __name__ == "__main__":
    raise SystemExit(main())

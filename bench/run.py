"""``python -m bench.run``: the kit's server against stock Voila and a bare notebook.

Five figures, each the ratio of two medians over ``--reps`` repetitions (default 5):

  render  lesson 1 render time / a bare ipywidgets+pandas notebook (kit settings, no pool)
  rss     lesson 1 kernel RSS after render / the bare notebook's kernel RSS
  bytes   first-visit bytes on the wire in Chromium, kit / stock Voila
  slow    time to the first visible widget on an emulated phone link, kit / stock Voila
  burst   p95 of 30 simultaneous loads, kit (pool of 30, filled) / stock Voila

  poolmove  p95 of 30 simultaneous loads of lesson 3, which was not preheated at start: the kit
          starts on lesson 1 and the trainer moves the pool (``widgets.kit.pool.request``, as
          the trainer page's "Siapkan" does); measured once the server says the pool is ready
          / stock Voila on the same lesson

and absolute figures:

  fgd     p95 time from a phone's FGD answer to the projector page showing it (30 phones
          within 10 s), against the 2 s target; with the projector kernel's idle CPU
  classday  peak memory (server and every kernel) of the class day (``bench.classday``: 30
          phones, 3 of them Chromium, through five pages, the server killed with SIGKILL
          mid-day and started again) / the 3 GB target; it passes only if no acknowledged
          save was lost, ``integrity_check`` says ok, every page came with its widgets and,
          5 minutes after the phones left, no kernel handed to a page is alive. One run,
          whatever ``--reps`` says (it takes about 15 minutes).

Every server runs on 127.0.0.1 and is stopped at the end (Ctrl-C, then kill), also on errors.
Results go to the terminal and to ``artifacts/bench.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench import classday, fgd, metrics
from bench.measure import median
from bench.servers import ROOT

ARTIFACTS = ROOT / "artifacts"
TARGETS = {  # name: (what, unit, target ratio)
    "render": ("Lesson 1 render time / bare notebook", "s", 1.1),
    "rss": ("Lesson 1 kernel RSS / bare notebook", "MB", 1.2),
    "bytes": ("First-visit bytes, kit / stock", "MB", 0.3),
    "slow": ("First widget on slow link, kit / stock", "s", 0.4),
    "burst": ("p95 of 30 simultaneous loads, kit / stock", "s", 0.3),
    "poolmove": ("p95 of 30 loads after pool move, kit/stock", "s", 0.3),
    "fgd": ("FGD answer -> projector, p95 / 2 s target", "s", 1.0),
    "classday": ("Class day peak memory, PSS (30 phones) / 3 GB", "GB", 1.0),
}
FGD_TARGET_S = 2.0
CLASSDAY_TARGET_GB = 3.0


def checkout() -> str:
    """The commit measured, "+dirty" when tracked files differ from it (others may be
    editing lessons or settings while the bench runs)."""
    def git(*argv: str) -> str:
        try:
            return subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def log(message: str) -> None:
    print(message, flush=True)


def _figure(name: str, kit: list[float], ref: list[float], ref_label: str) -> dict:
    what, unit, target = TARGETS[name]
    kit_med, ref_med = median(kit), median(ref)
    ratio = kit_med / ref_med if ref_med else float("nan")
    per_rep = [k / r for k, r in zip(kit, ref, strict=False) if r]
    return {
        "what": what, "unit": unit, "target": target, "ratio": ratio,
        "pass": bool(ratio <= target), "kit_median": kit_med, "reference": ref_label,
        "reference_median": ref_med, "median_of_rep_ratios": median(per_rep),
        "kit_samples": kit, "reference_samples": ref,
    }


def summarise(raw: dict) -> dict:
    out: dict = {}
    if "render" in raw:
        lesson, bare = raw["render"]["lesson"], raw["render"]["bare"]
        out["render"] = _figure("render", lesson["render_s"], bare["render_s"], "bare notebook")
        out["rss"] = _figure("rss", lesson["rss_mb"], bare["rss_mb"], "bare notebook")
        cpu = {"lesson": median(lesson["cpu_s"]), "bare": median(bare["cpu_s"]),
               "others_cores": median(lesson["others_cores"] + bare["others_cores"])}
        cpu["ratio"] = cpu["lesson"] / cpu["bare"] if cpu["bare"] else float("nan")
        out["render"]["cpu"] = out["rss"]["cpu"] = cpu
    for kind in ("bytes", "slow"):
        if kind in raw.get("browser", {}):
            side = raw["browser"][kind]
            key = "bytes" if kind == "bytes" else "widget_s"
            scale = 1e6 if kind == "bytes" else 1.0
            out[kind] = _figure(kind, [v[key] / scale for v in side["kit"]],
                                [v[key] / scale for v in side["stock"]], "stock Voila")
            out[kind]["detail"] = side
    for kind in ("burst", "poolmove"):
        if kind in raw:
            side = raw[kind]
            out[kind] = _figure(kind, [v["p95_s"] for v in side["kit"]],
                                [v["p95_s"] for v in side["stock"]], "stock Voila")
            out[kind]["detail"] = side
    if "classday" in raw:
        day = raw["classday"]
        # The laptop's memory is the summed PSS (shared library pages split between the
        # kernels); the summed RSS, which counts them once per kernel, is in the detail.
        out["classday"] = _figure("classday", [day["peak_pss_gb"]], [CLASSDAY_TARGET_GB],
                                  "the 3 GB target")
        out["classday"]["pass"] = bool(out["classday"]["pass"] and classday.passed(day))
        out["classday"]["detail"] = day
    if "fgd" in raw:
        rounds = raw["fgd"]["rounds"]
        out["fgd"] = _figure("fgd", [r["p95_s"] for r in rounds],
                             [FGD_TARGET_S for _ in rounds], "the 2 s target")
        out["fgd"]["pass"] = bool(out["fgd"]["pass"] and all(
            r["answers_stored"] == r["answers_sent"] == fgd.PHONES for r in rounds))
        out["fgd"]["detail"] = [{k: v for k, v in r.items() if k != "latencies_s"}
                                for r in rounds]
    return out


def table(figures: dict) -> str:
    head = f"{'metric':8s} {'what':42s} {'kit':>9s} {'reference':>10s} {'ratio':>6s} " \
           f"{'target':>7s}  result"
    lines = [head, "-" * len(head)]
    for name, fig in figures.items():
        unit = fig["unit"]
        lines.append(
            f"{name:8s} {fig['what']:42s} {fig['kit_median']:6.2f} {unit:2s} "
            f"{fig['reference_median']:7.2f} {unit:2s} {fig['ratio']:6.3f} "
            f"{'<= ' + format(fig['target'], '.1f'):>7s}  {'PASS' if fig['pass'] else 'MISS'}")
    return "\n".join(lines)


def notes(figures: dict) -> list[str]:
    """What the ratios leave out, from the same samples."""
    out = []
    if "render" in figures or "rss" in figures:
        fig = figures.get("render") or figures["rss"]
        cpu = fig["cpu"]
        out.append(f"render CPU (kernel + server): lesson {cpu['lesson']:.2f} s, bare "
                   f"{cpu['bare']:.2f} s, ratio {cpu['ratio']:.3f}; other programs kept "
                   f"{cpu['others_cores']:.1f} cores busy during renders (median)")
    for kind in ("bytes", "slow"):
        if kind in figures:
            side = figures[kind]["detail"]
            ws = {k: median([v["ws_bytes"] / 1e6 for v in side[k]]) for k in side}
            off = {k: median([v["offsite_requests"] for v in side[k]]) for k in side}
            out.append(f"{kind}: WebSocket payload received (not in bytes) kit {ws['kit']:.2f} MB, "
                       f"stock {ws['stock']:.2f} MB; off-site requests refused: "
                       f"kit {off['kit']:.0f}, stock {off['stock']:.0f}")
    for kind in ("burst", "poolmove"):
        out += _burst_notes(kind, figures)
    if "fgd" in figures:
        for r in figures["fgd"]["detail"]:
            out.append(f"fgd: {r['answers_sent']} answers sent, {r['answers_stored']} stored, "
                       f"{r['shown_last']} shown; latency median {r['median_s']:.2f} s, p95 "
                       f"{r['p95_s']:.2f} s, max {r['max_s']:.2f} s; projector kernel idle CPU "
                       f"{r['idle_cpu_percent']:.1f}% of one core")
    if "classday" in figures:
        out += classday.lines(figures["classday"]["detail"])
    return out


def _burst_notes(kind: str, figures: dict) -> list[str]:
    out: list[str] = []
    if kind in figures:
        side = figures[kind]["detail"]
        for k in side:
            total = len(side[k]) * metrics.BURST
            empty = sum(v["empty_pages"] for v in side[k])
            out.append(f"{kind} {k}: pages without widgets {empty}/{total}, failed requests "
                       f"{sum(v['failed'] for v in side[k])}/{total} (counted at "
                       f"{metrics.BURST_TIMEOUT:.0f} s), median load "
                       f"{median([v['median_s'] for v in side[k]]):.2f} s")
            signs = {key: sum(v["log"][key] for v in side[k]) for key in metrics.LOG_SIGNS}
            out.append(f"{kind} {k} server logs: {signs}")
            if empty:
                out.append(f"WARNING: {k} served {empty} complete pages whose widget cells are "
                           "empty (Voila gave up waiting for the kernel's output)")
            if failed := sum(v["failed"] for v in side[k]):
                out.append(f"WARNING: {k} never finished {failed} pages within "
                           f"{metrics.BURST_TIMEOUT:.0f} s")
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=5, help="repetitions (default 5)")
    parser.add_argument("--only", action="append", default=[],
                        help=f"run only these metrics ({', '.join(TARGETS)}); "
                             "repeat or separate with commas")
    parser.add_argument("--out", type=Path, default=ARTIFACTS / "bench.json")
    args = parser.parse_args(argv)
    args.only = [m for item in args.only for m in item.split(",") if m] or list(TARGETS)
    unknown = set(args.only) - set(TARGETS)
    if unknown:
        parser.error(f"unknown metric(s): {', '.join(sorted(unknown))}")
    if not 1 <= args.reps <= 20:
        parser.error("--reps must be between 1 and 20")
    return args


def _terminate(signum, _frame) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    # Also when started with Ctrl-C ignored (a background job): the servers inherit this, and
    # they must stop on Ctrl-C.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="usaha-kita-bench-"))
    lab = metrics.Lab(work, log)
    raw: dict = {}
    commit_at_start = checkout()
    log(f"Usaha Kita bench at {commit_at_start}: {', '.join(args.only)}; {args.reps} repetitions; "
        f"{os.cpu_count()} CPUs; scratch {work}")
    groups: dict[str, float] = {}

    def group(key: str, title: str, func, *func_args) -> None:
        log(f"[{key}] {title}")
        began = time.monotonic()
        raw[key] = func(lab, args.reps, *func_args)
        groups[key] = time.monotonic() - began
        log(f"  ({groups[key] / 60:.1f} min)")

    try:
        if {"render", "rss"} & set(args.only):
            group("render", "kit settings, no preheated kernel: lesson 1 vs bare notebook",
                  metrics.render_and_rss)
        kinds = [k for k in ("bytes", "slow") if k in args.only]
        if kinds:
            group("browser", "Chromium first visits: kit server vs stock Voila",
                  metrics.browser_visits, kinds)
        if "burst" in args.only:
            group("burst", "30 simultaneous loads: kit (pool of 30) vs stock Voila",
                  metrics.class_burst)
        if "poolmove" in args.only:
            group("poolmove", "30 loads of a lesson not preheated at start, after the pool "
                  "moved: kit vs stock Voila", metrics.pool_move_burst)
        if "fgd" in args.only:
            group("fgd", "FGD board: 30 phones answer within 10 s, projector in Chromium",
                  fgd.fgd_latency)
        if "classday" in args.only:
            group("classday", "the class day: 30 phones, SIGKILL mid-day, 5 min after leaving",
                  lambda lab_, _reps: classday.class_day(lab_, log=lab_.log))
    finally:
        lab.stop_all()
    figures = {k: v for k, v in summarise(raw).items() if k in args.only}
    elapsed = time.monotonic() - started
    log("")
    log(table(figures))
    for line in notes(figures):
        log("  " + line)
    commit_at_end = checkout()
    if commit_at_end != commit_at_start:
        log(f"  WARNING: the checkout changed during the run ({commit_at_start} -> "
            f"{commit_at_end}); later groups measured newer code or settings")
    log(f"\nmedians of {args.reps} repetitions; ratio = kit median / reference median; "
        f"total {elapsed / 60:.1f} min")
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "reps": args.reps,
        "commit": {"start": commit_at_start, "end": commit_at_end},
        "total_seconds": elapsed,
        "group_seconds": groups,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "voila": version("voila")},
        "metrics": figures,
        "notes": notes(figures),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str))
    log(f"written {args.out}")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(f["pass"] for f in figures.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

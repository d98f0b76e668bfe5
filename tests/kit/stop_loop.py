"""Start and stop the kit's server N times, as a trainer would, and count the clean stops.

``python -m tests.kit.stop_loop 50`` (from the kit's root). Each cycle starts
``python -m widgets.kit.server`` with its own data folder, waits until the home page answers,
either stops it while its pools fill for the first time or opens the preheated lesson and
stops it while that pool refills: Ctrl-C (SIGINT) and SIGTERM alternate, each sent 0-3 s in.
A cycle is clean when the server exits by itself within 30 s with status 0 and leaves no
kernel behind. Prints one line per cycle and
``clean N/M, kernels left K``; exits 1 unless every cycle was clean. The logs of unclean
cycles are kept (their path is printed).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for conftest

from conftest import KitServer  # noqa: E402

LESSON = "01-komunikasi-kelompok.ipynb"
STOP_WAIT = 30


@dataclass
class Cycle:
    signal_name: str
    delay: float
    returncode: int | None
    seconds: float
    left: list[int]

    @property
    def clean(self) -> bool:
        return self.returncode == 0 and not self.left


def processes_using(data_dir: Path) -> list[int]:
    """Live processes started for this data folder: the server and its kernels. Kernels run in
    sessions of their own and outlive their parent as orphans, so they are found by the
    ``USAHA_KITA_DATA`` they inherited, not by parent or session."""
    marker = f"USAHA_KITA_DATA={data_dir}".encode() + b"\0"
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as env:
                if marker not in env.read() + b"\0":
                    continue
            with open(f"/proc/{entry}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    continue
        except OSError:
            continue
        found.append(int(entry))
    return found


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class ListeningServer(KitServer):
    """The kit's server, handed over as soon as it listens: its pools are still filling."""

    def wait_ready(self, timeout: float = 90) -> None:
        """Until Voila says it listens (the log, not the port: on a shared machine another
        process may hold the port we were given for a moment)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            if b"is running at" in self.log_path.read_bytes():
                return
            time.sleep(0.1)
        raise RuntimeError(f"server not listening:\n{self.log_path.read_text()[-3000:]}")


def stop(server: KitServer, sig: signal.Signals, delay: float) -> Cycle:
    """Wait ``delay``, send ``sig``; then check the exit and look for kernels left."""
    time.sleep(delay)
    started = time.monotonic()
    server.proc.send_signal(sig)
    try:
        server.proc.wait(timeout=STOP_WAIT)
    except subprocess.TimeoutExpired:
        pass
    code = server.proc.poll()
    seconds = time.monotonic() - started
    if code is None:
        os.killpg(server.proc.pid, signal.SIGKILL)
        server.proc.wait()
    left = processes_using(server.data_dir)
    kill_all(left)
    server.log.close()
    return Cycle(sig.name, delay, code, seconds, left)


def stop_while_starting(folder: Path, sig: signal.Signals, delay: float) -> Cycle:
    """Stop while the pools fill for the first time, every kernel starting at once."""
    return stop(ListeningServer(folder, class_size=2), sig, delay)


def stop_while_refilling(folder: Path, sig: signal.Signals, delay: float) -> Cycle:
    """Take a preheated kernel (the pool refills after 0.5 s), then stop."""
    server = KitServer(folder, class_size=2)
    with urllib.request.urlopen(f"{server.url}/voila/render/{LESSON}", timeout=120) as reply:
        reply.read()
    return stop(server, sig, delay)


def run(cycles: int, seed: int) -> list[Cycle]:
    rng = random.Random(seed)
    done = []
    for n in range(1, cycles + 1):
        folder = Path(tempfile.mkdtemp(prefix="usaha-kita-stop-"))
        sig = signal.SIGINT if n % 2 else signal.SIGTERM
        how = stop_while_starting if n % 4 in (1, 2) else stop_while_refilling
        cycle = how(folder, sig, round(rng.uniform(0, 3), 2))
        done.append(cycle)
        verdict = "clean" if cycle.clean else f"NOT CLEAN (logs in {folder})"
        print(f"{n:3d} {how.__name__:20s} {cycle.signal_name:7s} after {cycle.delay:4.2f}s: "
              f"exit {cycle.returncode}, {cycle.seconds:4.1f}s, kernels left {len(cycle.left)}:"
              f" {verdict}", flush=True)
        if cycle.clean:
            shutil.rmtree(folder, ignore_errors=True)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cycles", type=int, nargs="?", default=50)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    # Started in the background (``... &``), we inherit an ignored SIGINT and so would every
    # server we start: the kit then rightly leaves Ctrl-C alone. A trainer's terminal sends it.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    done = run(args.cycles, args.seed)
    clean = sum(c.clean for c in done)
    left = sum(len(c.left) for c in done)
    print(f"clean {clean}/{len(done)}, kernels left {left}")
    return 0 if clean == len(done) else 1


if __name__ == "__main__":
    sys.exit(main())

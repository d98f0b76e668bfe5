"""Servers for the benchmark: start on loopback, wait until ready, find kernels, stop.

Every server runs in its own process group with a throwaway data folder and log file, and
``stop`` sends Ctrl-C first and kills only that group if it does not stop in time.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from widgets.kit.kernel import is_kernel

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
LESSON = "02-buku-kas.ipynb"
HOST = "127.0.0.1"
_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """One Voila process (kit or stock) on 127.0.0.1 and a free port."""

    def __init__(self, name: str, argv: list[str], work: Path, cwd: Path, env: dict,
                 port: int | None = None) -> None:
        self.name = name
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log_path = work / f"{name}-{self.port}.log"
        argv = [a.replace("{port}", str(self.port)) for a in argv]
        self._log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [sys.executable, *argv], cwd=cwd, env={**env, "PYTHONUNBUFFERED": "1"},
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def _died(self) -> str:
        return f"{self.name} exited (rc {self.proc.returncode}):\n{self.log_text()[-3000:]}"

    def wait_ready(self, timeout: float = 120) -> None:
        """Until ``/`` answers (no redirect followed, so no notebook is executed)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(self._died())
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=10)
                conn.request("GET", "/")
                status = conn.getresponse().status
                conn.close()
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} not ready:\n{self.log_text()[-3000:]}")

    def wait_log(self, pattern: str, count: int = 1, timeout: float = 300) -> float:
        """Until ``pattern`` occurs ``count`` times in the log; returns the seconds waited."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if len(re.findall(pattern, self.log_text())) >= count:
                return time.monotonic() - start
            if self.proc.poll() is not None:
                raise RuntimeError(self._died())
            time.sleep(0.5)
        raise TimeoutError(f"{self.name}: {pattern!r} x{count} not seen in {timeout:.0f} s")

    def kernels(self) -> list[int]:
        return kernel_pids(self.proc.pid)

    def shutdown_kernel(self, pid: int) -> None:
        """Voila's own kernel shutdown API, which a page calls when it is closed."""
        match = re.search(r"kernel-([0-9a-f-]+)\.json", _cmdline(pid))
        if not match:
            return
        conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        token = os.urandom(16).hex()  # tornado's double-submit check: cookie equals header
        conn.request("POST", f"/voila/api/shutdown/{match.group(1)}",
                     headers={"Cookie": f"_xsrf={token}", "X-XSRFToken": token})
        conn.getresponse().read()
        conn.close()

    def stop(self) -> None:
        """Ctrl-C and up to 20 s to shut the kernels down; then kill whatever is left of the
        process group (also when interrupted while waiting)."""
        try:
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGINT)
                self.proc.wait(timeout=20)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            pass
        finally:
            try:  # kernels that outlived their server are still in its process group
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
            self._log.close()


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()  # fields from "state" on


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(int(entry))):
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kernel_pids(server_pid: int) -> list[int]:
    return sorted(p for p in descendants(server_pid) if is_kernel(_cmdline(p)))


def rss_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", text).group(1)) / 1024


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        if fields := _stat(pid):
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / _TICKS


def wait_quiet(server: Server, limit: float = 0.10, window: float = 1.0,
               timeout: float = 180) -> float:
    """Until the server and its kernels use less than ``limit`` of one core over ``window``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        pids = [server.proc.pid, *descendants(server.proc.pid)]
        before = cpu_seconds(pids)
        time.sleep(window)
        if cpu_seconds(pids) - before < limit * window:
            return time.monotonic() - start
    return time.monotonic() - start


def machine_busy_seconds() -> float:
    """CPU seconds all cores have been busy since boot (everything but idle and iowait),
    whoever used them: other people's tests on the same laptop included."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / _TICKS


def wait_machine_quiet(limit: float = 0.5, window: float = 1.0, timeout: float = 15) -> float:
    """Until the whole machine keeps fewer than ``limit`` cores busy over ``window`` (at most
    ``timeout``); returns the cores last seen busy."""
    start = time.monotonic()
    busy = float("nan")
    while time.monotonic() - start < timeout:
        before = machine_busy_seconds()
        time.sleep(window)
        busy = (machine_busy_seconds() - before) / window
        if busy < limit:
            break
    return busy


def base_env(data: Path, jupyter_config: Path) -> dict:
    """Kernels import ``widgets`` from the checkout; no user-level Jupyter config leaks in."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["USAHA_KITA_DATA"] = str(data)
    env["JUPYTER_CONFIG_DIR"] = str(jupyter_config)
    tmp = data.parent / "tmp"  # kernel connection files land in the run's scratch folder
    tmp.mkdir(exist_ok=True)
    env["TMPDIR"] = str(tmp)
    env.pop("JUPYTER_PATH", None)
    return env


def kit_server(work: Path, env: dict, class_size: int, lesson: str = "",
               port: int | None = None, name: str = "") -> Server:
    """The real thing: ``python -m widgets.kit.server``, pool sized for the class (on
    ``lesson``, else the kit's default); ``port`` fixed to start again where phones look."""
    argv = ["-m", "widgets.kit.server", "--no-check", "--host", HOST, "--port", "{port}",
            "--class-size", str(class_size)] + (["--lesson", lesson] if lesson else [])
    return Server(name or f"kit{class_size}", argv, work, ROOT, env, port)


def kit_cold_server(work: Path, env: dict, root: Path, *options: str) -> Server:
    """The kit's app and settings over ``root`` with no preheated kernel at all (``options``:
    see ``bench.kitlaunch``)."""
    pools = json.dumps({"default": {"pool_size": 0}})
    return Server(f"kitcold-{root.name}",
                  ["-m", "bench.kitlaunch", str(root), "{port}", pools, *options],
                  work, ROOT, env)


def stock_server(work: Path, env: dict) -> Server:
    """Stock Voila over ``lessons/``, run from a folder without the kit's voila.json."""
    cwd = work / "stock-cwd"
    cwd.mkdir(exist_ok=True)
    return Server("stock", [
        "-m", "voila", str(LESSONS), "--no-browser", f"--Voila.ip={HOST}", "--port={port}",
    ], work, cwd, env)

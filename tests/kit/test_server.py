"""The kit's server as a trainer runs it: starts, redirects the root, stops on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import stop_loop
from conftest import ROOT, KitServer

from widgets.kit import server as kit
from widgets.kit.kernel import is_kernel

pytestmark = pytest.mark.slow


def _kernels_of(pid: int) -> list[int]:
    """Kernel processes started by the server ``pid`` (read from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmd:
                cmdline = cmd.read()
        except OSError:
            continue
        if ppid == pid and is_kernel(cmdline.decode(errors="replace")):
            found.append(int(entry))
    return found


def test_root_opens_home_and_ctrl_c_stops_cleanly(tmp_path):
    server = KitServer(tmp_path, class_size=1)
    with urllib.request.urlopen(server.url + "/", timeout=60) as reply:
        assert reply.url.endswith("/voila/render/00-beranda.ipynb")
        assert b"Usaha Kita" in reply.read()
    kernels = _kernels_of(server.proc.pid)
    assert kernels, "no preheated kernels were started"
    assert server.stop() == 0
    assert "Cadangan data" in server.log_path.read_text(encoding="utf-8")  # the banner
    alive = [pid for pid in kernels if os.path.exists(f"/proc/{pid}")
             and open(f"/proc/{pid}/stat").read().split()[2] != "Z"]
    assert alive == [], f"kernels left running after Ctrl-C: {alive}"


def test_banner_lists_local_and_lan_addresses():
    text = kit.banner("0.0.0.0", 8866)
    assert "http://localhost:8866/" in text
    for address in kit.lan_addresses():
        assert f"http://{address}:8866/" in text
    assert "http://10.1.2.3:9000/" in kit.banner("10.1.2.3", 9000)


def test_pool_is_sized_for_the_class():
    arg = kit.pool_config(25, "02-buku-kas.ipynb")
    assert "'02-buku-kas.ipynb': {'pool_size': 25}" in arg
    assert "'default': {'pool_size': 1}" in arg


def test_the_projector_page_is_never_preheated():
    """A preheated projector kernel waits for its address inside a cell and is interrupted
    after the executor's 120 s timeout: a board opened later than that showed "no key"."""
    assert "'proyektor.ipynb': {'pool_size': 0}" in kit.pool_config(30, "02-buku-kas.ipynb")


def test_serve_refuses_a_busy_port(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "USAHA_KITA_DATA": str(tmp_path), "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", "widgets.kit.server", "--host", "127.0.0.1",
             "--port", str(port)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
    assert done.returncode == 1
    assert f"Port {port} sedang dipakai" in done.stdout
    assert f"Port {port} is used" in done.stdout


@pytest.mark.parametrize(("moment", "sig", "delay"), [
    ("starting", signal.SIGINT, 0.5), ("starting", signal.SIGTERM, 1.5),
    ("refilling", signal.SIGINT, 0.8), ("refilling", signal.SIGTERM, 1.2),
])
def test_ctrl_c_and_sigterm_stop_every_kernel_while_the_pool_fills(tmp_path, moment, sig, delay):
    """Stopped while its kernels are still starting (the first fill, or the refill after a page
    took one), the server exits 0 by itself and no kernel outlives it. Before the fix the
    shutdown ran on a new event loop, failed on the kernels still starting and left all of
    them running."""
    how = stop_loop.stop_while_starting if moment == "starting" else stop_loop.stop_while_refilling
    cycle = how(tmp_path, sig, delay)
    assert cycle.returncode == 0, f"exit {cycle.returncode} after {cycle.seconds:.1f}s"
    assert cycle.left == [], f"{len(cycle.left)} kernels left running"


def test_the_kits_bytecode_is_written_before_kernels_start():
    """With PYTHONDONTWRITEBYTECODE (containers, our build machine) every kernel compiled the
    kit's modules again; the server writes their bytecode once at start."""
    import importlib.util

    module = ROOT / "widgets" / "cashbook" / "ledger.py"
    cached = Path(importlib.util.cache_from_source(str(module)))
    cached.unlink(missing_ok=True)
    kit.compile_kit()
    assert cached.is_file() and cached.stat().st_mtime >= module.stat().st_mtime

"""Each POSIX-only call of the kit has a fallback for macOS and Windows; each test forces the
fallback on this (Linux) machine: the ``ip`` command missing from PATH, no /proc, an event
loop without ``add_signal_handler`` (as on Windows), Windows' venv layout."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from widgets.kit import banner, venv

ROOT = Path(__file__).resolve().parents[2]


def test_lan_addresses_without_the_ip_command(monkeypatch, tmp_path):
    with_ip = banner.lan_addresses() if shutil.which("ip") else None
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no `ip` to run
    assert banner.ip_command_addresses() is None
    found = banner.lan_addresses()
    assert found == [a for a in dict.fromkeys(banner.socket_addresses())
                     if not a.startswith("127.")]
    for address in found:
        socket.inet_aton(address)  # a dotted IPv4 address
    if with_ip:  # the sockets find the address `ip` reports as the laptop's own
        assert set(found) & set(with_ip), (found, with_ip)


def test_lan_addresses_with_no_route_still_use_the_host_name(monkeypatch):
    class NoRoute(socket.socket):
        def connect(self, address):
            raise OSError("Network is unreachable")

    monkeypatch.setattr(socket, "socket", NoRoute)
    expected = [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None,
                                                          socket.AF_INET)]
    assert banner.socket_addresses() == expected


KILLER = textwrap.dedent("""
    import subprocess, sys, time
    from widgets.kit import shutdown
    sleep = [sys.executable, "-c", "import time; time.sleep(60)"]
    stock = subprocess.Popen([*sleep, "ipykernel"])
    kit = subprocess.Popen([*sleep, "widgets.kit.kernel"])  # the kit's lesson kernel
    other = subprocess.Popen(sleep)
    time.sleep(0.5)
    killed = shutdown.kill_child_kernels(proc=sys.argv[1])
    time.sleep(0.2)
    print(sorted(killed) == sorted([stock.pid, kit.pid]),
          stock.poll() is not None and kit.poll() is not None, other.poll() is None)
    other.kill()
""")


@pytest.mark.parametrize("proc", ["/proc", "/no-proc-here"])
def test_kernels_are_killed_with_and_without_proc(proc):
    if proc == "/proc" and not os.path.isdir(proc):
        pytest.skip("no /proc on this system")
    out = subprocess.run([sys.executable, "-c", KILLER, proc], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=True).stdout
    assert out.split() == ["True", "True", "True"]  # both kernels killed, the other child left


STOPPER = textwrap.dedent("""
    import asyncio, os, signal
    from widgets.kit import shutdown

    class WindowsLikeLoop(asyncio.SelectorEventLoop):
        def add_signal_handler(self, sig, callback, *args):
            raise NotImplementedError  # as on Windows' event loops

    loop = WindowsLikeLoop()
    before = signal.getsignal(signal.SIGTERM)
    handled = shutdown.install_stop(loop)
    loop.call_later(0.2, os.kill, os.getpid(), signal.SIGTERM)
    guard = loop.call_later(10, loop.stop)
    loop.run_forever()  # returns only when something stops the loop
    print(signal.SIGTERM in handled, signal.getsignal(signal.SIGTERM) is not before,
          loop.time() < guard.when())
""")


def test_the_server_stops_on_sigterm_where_the_loop_has_no_signal_handlers():
    """In a process of its own: the handler replaces Python's, and a test runner's loop
    (Playwright's) must not be running."""
    out = subprocess.run([sys.executable, "-c", STOPPER], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=True).stdout
    assert out.split() == ["True", "True", "True"]  # stopped by the signal, not the guard


def test_the_venv_python_on_windows_and_elsewhere(tmp_path):
    assert venv.venv_python(tmp_path, windows=True) == tmp_path / "Scripts" / "python.exe"
    assert venv.venv_python(tmp_path, windows=False) == tmp_path / "bin" / "python"


def test_setup_is_skipped_when_up_to_date_and_redone_when_pyproject_changes(tmp_path):
    root, folder = tmp_path / "kit", tmp_path / "kit" / ".venv"
    python = venv.venv_python(folder)
    python.parent.mkdir(parents=True)
    python.write_text("")
    (root / "pyproject.toml").write_text("")
    assert not venv.up_to_date(folder, root)
    (folder / venv.STAMP_NAME).touch()
    assert venv.up_to_date(folder, root)
    stamp = (folder / venv.STAMP_NAME).stat().st_mtime
    os.utime(root / "pyproject.toml", (stamp + 5, stamp + 5))
    assert not venv.up_to_date(folder, root)

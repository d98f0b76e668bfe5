"""``python -m usaha_kita``: the route a laptop without make takes. The server starts through
it, a phone opens a lesson, and Ctrl-C (Ctrl-Break on Windows) stops it cleanly; the other
commands hand over to the kit's Python and call what the Makefile calls."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
from browser_checks import assert_nothing_cut_off
from conftest import free_port
from test_browser import PHONE, Page, sign_in

from widgets.kit import cli
from widgets.kit.kernel import is_kernel

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = os.name == "nt"


def _start(tmp_path: Path, port: int) -> tuple[subprocess.Popen, Path]:
    log = tmp_path / "serve.log"
    env = {**os.environ, "USAHA_KITA_DATA": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1",
           "PYTHONPATH": str(ROOT)}
    # A process group of its own, so the stop signal reaches the server alone.
    group = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if WINDOWS
             else {"start_new_session": True})
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "usaha_kita", "serve", "--host", "127.0.0.1", "--port",
             str(port), "--class-size", "1", "--lesson", "02-buku-kas"],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            **group)
    return proc, log


def _wait_ready(proc: subprocess.Popen, url: str, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/voila/render/00-beranda.ipynb", timeout=30):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"server not ready:\n{log.read_text()[-3000:]}")


def _kernels(proc: subprocess.Popen) -> list[psutil.Process]:
    found = []
    for child in psutil.Process(proc.pid).children(recursive=True):
        try:
            if is_kernel(" ".join(child.cmdline())):
                found.append(child)
        except psutil.Error:
            continue
    return found


@pytest.mark.browser
@pytest.mark.slow
def test_serve_through_python_m_opens_a_lesson_and_stops_on_ctrl_c(browser, tmp_path,
                                                                   artifacts):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc, log = _start(tmp_path, port)
    try:
        _wait_ready(proc, url, log)
        p = Page(browser, PHONE)
        p.open(url + "/voila/render/02-buku-kas.ipynb")
        sign_in(p.page, "Peserta Windows", "2468")
        p.page.screenshot(path=artifacts / "cli-serve-lesson-360.png")
        assert_nothing_cut_off(p.page, "lesson 2 served by python -m usaha_kita", sizes=None)
        assert not p.outside, p.outside
        assert "Traceback" not in p.text()
        p.close()
        kernels = _kernels(proc)
        assert kernels, "the lesson's kernel and the preheated one run under the server"
    finally:
        proc.send_signal(signal.CTRL_BREAK_EVENT if WINDOWS else signal.SIGINT)
        try:
            code = proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            for child in psutil.Process(proc.pid).children(recursive=True):
                child.kill()
            proc.kill()
            raise
    text = log.read_text(encoding="utf-8", errors="replace")
    assert code == 0, text[-3000:]
    assert "Usaha Kita siap / is ready." in text and f"http://127.0.0.1:{port}/" in text
    _, alive = psutil.wait_procs(kernels, timeout=10)
    assert not alive, f"kernels left behind: {[k.pid for k in alive]}"


def test_every_make_target_is_a_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = next(line for line in makefile.splitlines() if line.startswith(".PHONY:"))
    targets = set(phony.split(":", 1)[1].split()) - {"help"}
    assert targets <= set(cli.COMMANDS), targets - set(cli.COMMANDS)
    for target in targets - {"setup", "clean"}:  # each calls the module, not its own recipe
        recipe = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert f"$(KIT) {target}" in recipe, (target, recipe)


def test_check_village_through_python_m_exits_1_on_a_broken_village(copy):
    herd = copy / "kambing_peristiwa.csv"
    herd.write_text(herd.read_text(encoding="utf-8").replace(",lahir,", ",hilang,", 1),
                    encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "usaha_kita", "check-village", "jepara",
                           "--root", str(copy.parent)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1
    assert "Berkas kambing_peristiwa.csv, baris" in done.stdout and "hilang" in done.stdout


def test_a_command_hands_over_to_the_kits_python(monkeypatch, tmp_path):
    """Run by a Python without the kit's packages, a command runs again with .venv's."""
    calls = []
    monkeypatch.setattr(cli.venv, "kit_python", lambda: tmp_path / "python")
    monkeypatch.setattr(cli, "hand_over", lambda python, argv: calls.append((python, argv)) or 7)
    assert cli.main(["check-village", "jepara"]) == 7
    assert calls == [(tmp_path / "python", ["check-village", "jepara"])]


def test_the_system_python_hands_the_command_over_to_the_venv(tmp_path):
    """``python -m usaha_kita`` typed with the system's Python (no kit packages needed) runs
    the command with ``.venv``'s Python: the route a fresh laptop takes after ``setup``."""
    from widgets.kit import venv

    base = getattr(sys, "_base_executable", None)
    if not venv.running_in(venv.VENV) or not base or not venv.up_to_date():
        pytest.skip("needs the kit's .venv, set up and current, and its base Python")
    done = subprocess.run([base, "-m", "usaha_kita", "check-village", "jepara"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tanpa kesalahan" in done.stdout

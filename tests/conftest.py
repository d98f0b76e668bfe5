"""Shared fixtures: a private data folder for the whole run, a real kit server, Chromium."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check values, not speed; a busy 2-core CI machine must not fail them on time.
settings.register_profile("kit", deadline=None)
settings.load_profile("kit")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Every test, and every kernel nbval starts, writes to a throwaway data folder, never to the
# trainer's real one. Set at import so child processes inherit it.
_RUN_DATA = tempfile.mkdtemp(prefix="usaha-kita-test-")
os.environ["USAHA_KITA_DATA"] = _RUN_DATA


_CONNECTION_FILE = re.compile(r"kernel-([0-9a-f-]{36})\.json")


def run_async(coroutine, timeout: float = 60):
    """Run ``coroutine`` to its end in a thread with a loop of its own. In a full run a browser
    test before the caller leaves Playwright's loop running in the main thread, and
    ``asyncio.run`` there would leave later tests without the loop their views ask for."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result(timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class KitServer:
    """``python -m widgets.kit.server`` in a subprocess, on loopback, with its own data folder."""

    def __init__(self, data_dir: Path, class_size: int = 2, extra_args: tuple = (),
                 env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.log_path = data_dir / f"server-{self.port}.log"
        env = {**os.environ, **(env or {}), "USAHA_KITA_DATA": str(data_dir),
               "PYTHONUNBUFFERED": "1"}
        # Kernels import the kit from this checkout even where it is not pip-installed.
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        self.log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "widgets.kit.server", "--no-check", "--host", "127.0.0.1",
             "--port", str(self.port), "--class-size", str(class_size), *extra_args],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_ready()

    def kernels(self) -> set[str]:
        """The ids of the kernels alive now: each kernel's command line names its connection
        file, and the file's name holds the kernel's id."""
        import psutil

        found: set[str] = set()
        for child in psutil.Process(self.proc.pid).children(recursive=True):
            try:
                found.update(_CONNECTION_FILE.findall(" ".join(child.cmdline())))
            except psutil.Error:
                continue
        return found

    def deck_url(self, deck: str) -> str:
        """A lecture deck from ``slides/``, live (the server maps it under ``slides/``)."""
        return f"{self.url}/voila/render/slides/{deck}.ipynb"

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url + "/voila/render/00-beranda.ipynb",
                                            timeout=30) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"server not ready:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> int:
        """Ctrl-C, as a trainer would; kill only if it does not stop cleanly."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()
        return self.proc.returncode

    def kill(self) -> None:
        """A crash: SIGKILL the whole process group (server and kernels)."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.log.close()


@pytest.fixture(autouse=True)
def indonesian():
    """Every test reads the messages in Indonesian, the participants' language."""
    from widgets.core import i18n

    previous = i18n.language()
    i18n.set_language("id")
    yield
    i18n.set_language(previous)


@pytest.fixture(autouse=True)
def no_live_view_left():
    """A live view's store watch (``widgets.training.watch``) is an asyncio task on the main
    thread's loop; in a kernel it lives as long as its page. In the test process it would
    outlive its test, and its store, and poll a closed database whenever a later test runs the
    loop (the browser tests' Playwright does). Cancelled after each test."""
    import asyncio
    import contextlib

    yield
    with contextlib.suppress(RuntimeError):  # no loop in this thread: nothing was started
        loop = asyncio.get_event_loop_policy().get_event_loop()
        for task in asyncio.all_tasks(loop):
            if task.get_coro().__qualname__ == "StoreWatch._run":
                task.cancel()


@pytest.fixture
def fresh_page(monkeypatch, tmp_path):
    """A page as a participant first opens it, for the headless view tests: a private data
    folder, nobody signed in, no photo, and no views left listening from other tests. The
    module-level view state (lesson 3's calculator inputs, lesson 2's last cost sheet) starts
    from its defaults too."""
    from widgets.pricing.ui.costsheet import LATEST
    from widgets.sharing.ui.calculator import INPUTS
    from widgets.ui.common import PAGE

    def reset() -> None:
        for state in (PAGE, LATEST, INPUTS):
            state.unobserve_all()
            for name in state.trait_names():
                setattr(state, name, state.trait_defaults(name))

    monkeypatch.setenv("USAHA_KITA_DATA", str(tmp_path))
    reset()
    yield PAGE
    reset()


@pytest.fixture
def store(tmp_path):
    """A real kit store in a fresh SQLite file of this test's own."""
    from widgets.store.db import Store

    with Store(tmp_path / "kit.sqlite3") as opened:
        yield opened


@pytest.fixture
def siti(store):
    """Siti Aminah signed in to the test's store (a store test's own ``store`` where it has
    one)."""
    return store.sign_in("Siti Aminah", "2580")


@pytest.fixture(scope="session")
def postgres_url():
    """A private PostgreSQL 15 cluster for the whole run (tests/postgres_cluster.py)."""
    import postgres_cluster

    why = postgres_cluster.missing()
    if why:
        if postgres_cluster.required():
            pytest.fail(f"PostgreSQL is required here: {why}")
        pytest.skip(why)
    cluster = postgres_cluster.Cluster()
    try:
        yield cluster.start().url
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_location(request, tmp_path, monkeypatch):
    """Where a store test keeps its data, once per back end: a fresh SQLite file, or a fresh
    class in the PostgreSQL cluster (``USAHA_KITA_CLASS`` is set to it, so child processes
    that open the same URL reach the same class). Pass it to ``Store(...)``."""
    if request.param == "sqlite":
        yield tmp_path / "kit.sqlite3"
        return
    import postgres_cluster

    from widgets.store import postgres

    url = request.getfixturevalue("postgres_url")
    key = postgres_cluster.new_class_key()
    monkeypatch.setenv("USAHA_KITA_CLASS", key)
    yield url
    postgres.drop_class(url, key)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A private copy of the Jepara village folder, to break; village data is read afresh
    before and after the test."""
    from widgets.core import village

    village.clear_cache()
    shutil.copytree(village.DATASETS_DIR / "jepara", tmp_path / "jepara")
    yield tmp_path / "jepara"
    village.clear_cache()


@pytest.fixture(scope="session")
def kit_server(tmp_path_factory):
    server = KitServer(tmp_path_factory.mktemp("kit-data"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run must install Debian's chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

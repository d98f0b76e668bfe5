"""The kit on a real JupyterHub, end to end: the hub with the kit's own
``deploy/jupyterhub/jupyterhub_config.py`` (only who signs in, the spawner, the ports and the
folders changed for a test), the pure-Python configurable-http-proxy, and each user's server
started as a local process. Two participants sign in to the hub in Chromium, open the cash-book
lesson through the hub's address, sign in to the kit with the SAME name and PIN, save an entry
each, and each sees only their own: the data lives in a folder per hub user. No request leaves
the machine. The timings go to ``artifacts/hub-timings.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_browser import PHONE, Page, add_entry, assert_clean, show_step_of, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
HUB_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
LESSON = "voila/render/02-buku-kas.ipynb"
USERS = {"ani": "Jual 10 keset ke warung", "budi": "Jual susu kambing"}


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


TEST_CONFIG = """\
load_subconfig({main!r})  # the kit's own config first, as a district server has it
from widgets.kit import hub
c = get_config()
hub.configure_hub(c, data_root={data!r})
c.JupyterHub.authenticator_class = "dummy"   # any password: a test, not a district
c.Authenticator.allowed_users = {users!r}
c.Authenticator.admin_users = set()
c.JupyterHub.spawner_class = "simple"        # servers as local processes of this user
c.SimpleLocalProcessSpawner.home_dir_template = {home!r} + "/{{username}}"
c.Spawner.args = {args!r}
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "PYTHONPATH"]
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.JupyterHub.db_url = "sqlite:///{state}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{state}/cookie_secret"
c.ConfigurableHTTPProxy.pid_file = "{state}/proxy.pid"
"""


class Hub:
    """``jupyterhub -f <test config>`` in its own process group."""

    def __init__(self, state: Path) -> None:
        self.port, self.data = _port(), state / "data"
        self.url = f"http://127.0.0.1:{self.port}"
        config = state / "jupyterhub_config.py"
        config.write_text(TEST_CONFIG.format(
            main=str(HUB_CONFIG), data=str(self.data), users=set(USERS), home=str(state / "home"),
            args=["--allow-root"] if os.geteuid() == 0 else [], port=self.port,
            hub_port=_port(), api_port=_port(), state=state), encoding="utf-8")
        env = {**os.environ, "PYTHONUNBUFFERED": "1",
               "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
               "PYTHONPATH": str(ROOT)}
        self.log_path = state / "hub.log"
        self.log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop)
        started = time.monotonic()
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(config)],
            cwd=state, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)
        self.wait_ready()
        self.start_seconds = time.monotonic() - started

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"hub exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url + "/hub/health", timeout=10) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"hub not ready:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        """SIGTERM: the hub stops the users' servers and the proxy it started."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # anything of ours left behind
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.log.close()


@pytest.fixture(scope="module")
def kit_hub(tmp_path_factory):
    if shutil.which("jupyterhub", path=str(Path(sys.executable).parent)) is None:
        if os.environ.get("CI"):
            pytest.fail("JupyterHub is missing in CI: .ci/run must install the kit's [hub] extra")
        pytest.skip("JupyterHub is not installed (pip install -e '.[hub]')")
    hub = Hub(tmp_path_factory.mktemp("hub"))
    yield hub
    hub.stop()


def _sign_in_to_hub(p: Page, hub: Hub, user: str) -> None:
    p.page.goto(hub.url + "/hub/login")
    p.page.fill("#username_input", user)
    p.page.fill("#password_input", "sandi-uji")
    p.page.click("#login_submit")
    # The hub starts the user's server, then sends the browser to the kit's home.
    p.page.wait_for_url(f"**/user/{user}/voila/render/00-beranda.ipynb*", timeout=180_000)
    p.page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)


def _entries(data: Path, user: str) -> list[str]:
    with sqlite3.connect(data / user / "usaha_kita.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT description FROM entries")]


def test_two_users_each_see_only_their_own_cash_book(kit_hub, browser, artifacts):
    timings: dict[str, object] = {"hub_start_s": round(kit_hub.start_seconds, 1)}
    pages = {}
    for user, description in USERS.items():
        p = pages[user] = Page(browser, PHONE)
        started = time.monotonic()
        _sign_in_to_hub(p, kit_hub, user)
        home = time.monotonic()
        p.open(f"{kit_hub.url}/user/{user}/{LESSON}")
        show_step_of(p.page, ".uk-signin-name input")
        lesson = time.monotonic()
        # The same name and PIN for both: only the hub account tells their work apart.
        sign_in(p.page, "Peserta Hub", "2468")
        signed = time.monotonic()
        add_entry(p.page, description, "150rb")
        p.page.wait_for_selector(f".uk-table:has-text('{description}')", timeout=30_000)
        saved = time.monotonic()
        timings[user] = {"login_spawn_home_s": round(home - started, 1),
                         "lesson_page_s": round(lesson - home, 1),
                         "kit_sign_in_s": round(signed - lesson, 1),
                         "save_entry_s": round(saved - signed, 1)}
        p.page.screenshot(path=artifacts / f"hub-{user}-360.png", full_page=True)

    # Ani opens the lesson again after Budi saved: still only her entry.
    p = pages["ani"]
    p.open(f"{kit_hub.url}/user/ani/{LESSON}")
    p.page.wait_for_selector(".uk-table:has-text('Jual 10 keset')", timeout=90_000)
    # The scripts the page names in its head are under Ani's own server (widgets/kit/preload.py).
    named = p.page.eval_on_selector_all("link[rel=preload][as=script]",
                                        "links => links.map(l => l.getAttribute('href'))")
    assert len(named) > 50 and all(h.startswith("/user/ani/voila/") for h in named), named[:3]
    for user, description in USERS.items():
        table = pages[user].page.inner_text(".uk-table")
        others = [d for u, d in USERS.items() if u != user]
        assert description in table and not any(d in table for d in others), (user, table)
        assert "Rp150.000" in table
        assert_clean(pages[user])  # no traceback, and no request left the machine
        assert _entries(kit_hub.data, user) == [description]

    # Ani's browser cannot open Budi's server: the hub refuses it.
    reply = p.page.goto(f"{kit_hub.url}/user/budi/{LESSON}")
    assert reply is not None and reply.status == 403
    assert p.page.locator(".uk-signin-name").count() == 0
    # Ani's own server shows the kit and nothing else: no file list, no JupyterLab, no terminal.
    for path in ("voila/tree", "voila/", "lab", "terminals/1"):
        reply = p.page.goto(f"{kit_hub.url}/user/ani/{path}")
        assert reply is not None and reply.status == 404, path
    (artifacts / "hub-timings.json").write_text(json.dumps(timings, indent=2), encoding="utf-8")
    print(json.dumps(timings))
    for page in pages.values():
        page.close()

"""Kernels follow the pages (issue 13, item 1 and finding 1): a page that is left gives its
kernel back at once; a page that lost its link may reconnect until the release time and gives
its kernel back after it; a page that was fetched but never connected does too; and the
preheated pool is never taken.

A real kit server with the release time shortened (``USAHA_KITA_RELEASE``); a page is its
HTTP GET plus the kernel websocket a browser opens. Which kernels are alive is read from the
server's child processes (``KitServer.kernels``)."""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import KitServer
from tornado.websocket import websocket_connect

from widgets.kit.channels import GRACE_SECONDS, LEAVING
from widgets.kit.lessons import LESSONS_DIR
from widgets.kit.pool import NOT_PREHEATED

pytestmark = pytest.mark.slow
RELEASE = 6  # seconds; voila.json's is 120
PAGE = "02-buku-kas.ipynb"
KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]{36})"')


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    started = KitServer(tmp_path_factory.mktemp("release"), class_size=1,
                        extra_args=("--lesson", "00-beranda"),
                        env={"USAHA_KITA_RELEASE": str(RELEASE)})
    yield started
    started.stop()


def alive(server: KitServer) -> set[str]:
    return server.kernels()


def run(coroutine):
    """Run a websocket client to the end in a thread of its own: in the full suite, this
    thread may already run an event loop (Playwright's)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def preheated_only(server: KitServer) -> set[str]:
    """The server's kernels once only the preheated ones are left (one per page, a class of 1
    on the home page, none for the pages read by address): pages of earlier tests are given
    back first."""
    pages = [nb for nb in LESSONS_DIR.glob("*.ipynb") if nb.name not in NOT_PREHEATED]
    wait_until(lambda: len(alive(server)) == len(pages), RELEASE + 60)
    return alive(server)


def open_page(server: KitServer) -> str:
    with urllib.request.urlopen(f"{server.url}/voila/render/{PAGE}", timeout=120) as reply:
        kernel = KERNEL_ID.search(reply.read().decode("utf-8"))
    assert kernel, "the page names its kernel"
    return kernel.group(1)


def wait_until(predicate, seconds: float) -> float:
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        if predicate():
            return time.monotonic() - began
        time.sleep(0.25)
    raise AssertionError(f"not within {seconds} s")


def channels(server: KitServer, kernel: str) -> str:
    return f"ws://127.0.0.1:{server.port}/api/kernels/{kernel}/channels?session_id=test"


async def connect_then(server: KitServer, kernel: str, close_code: int | None,
                       stay: float = 1.0):
    socket = await websocket_connect(channels(server, kernel))
    await asyncio.sleep(stay)
    socket.close(code=close_code)


def test_a_left_page_gives_its_kernel_back_at_once(server):
    kernel = open_page(server)
    assert kernel in alive(server)
    run(connect_then(server, kernel, LEAVING))
    took = wait_until(lambda: kernel not in alive(server), GRACE_SECONDS + 15)
    assert f"Kernel {kernel} given back: its page was left" in server.log_path.read_text()
    print(f"kernel given back {took:.1f} s after its page was left")


def test_a_page_that_lost_its_link_may_return_then_is_released_by_culling(server):
    kernel = open_page(server)
    run(connect_then(server, kernel, None))  # no "going away": the link just ended
    time.sleep(2)
    assert kernel in alive(server), "a page that only lost its link lost its kernel at once"
    run(connect_then(server, kernel, None, stay=RELEASE + 2))  # back, and connected for long
    assert kernel in alive(server), "a connected page's kernel was culled"
    wait_until(lambda: kernel not in alive(server), RELEASE + 20)  # the link ends for good
    log = server.log_path.read_text()
    assert f"Kernel {kernel} given back" not in log
    assert re.search(rf"Culling '\w+' kernel '\w+' \({kernel}\)", log)


def test_a_page_fetched_without_its_websocket_is_released(server):
    """Finding 1: ten bare GETs took the server from 21 to 38 kernels for 4 hours."""
    pool = preheated_only(server)
    kernels = [open_page(server) for _ in range(3)]
    assert set(kernels) <= alive(server)
    wait_until(lambda: not set(kernels) & alive(server), RELEASE + 30)
    # The preheated kernel of the home page waits for the next phone: never culled.
    time.sleep(RELEASE)
    # (the first GET may have been handed the page's own preheated kernel: that one is a page's)
    assert pool - set(kernels) <= alive(server), "a preheated kernel was taken by the culling"


def test_a_preheated_kernel_handed_to_a_page_waits_for_its_websocket(server):
    """A preheated kernel has been idle since it ran its page: without the hand-out counting as
    activity, the culling took it in the seconds before the page's websocket opened."""
    pool = preheated_only(server)
    time.sleep(RELEASE + 1)  # the pool kernel has now been idle for longer than the release
    with urllib.request.urlopen(f"{server.url}/voila/render/00-beranda.ipynb",
                                timeout=120) as reply:
        kernel = KERNEL_ID.search(reply.read().decode("utf-8")).group(1)
    assert kernel in pool, "the home page was not served by its preheated kernel"
    time.sleep(RELEASE / 2 + 1)  # a slow phone loads the page's scripts
    assert kernel in alive(server), "the culling took a kernel its page was about to use"
    run(connect_then(server, kernel, LEAVING))
    wait_until(lambda: kernel not in alive(server), GRACE_SECONDS + 15)

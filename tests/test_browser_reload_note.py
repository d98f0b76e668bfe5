"""A page whose widgets did not arrive says so in plain words and offers a reload, instead of
showing a lesson with empty forms or JupyterLab's English "Loading widget..." for ever.

The lost connection is made for real: Chromium gets the served page, but its connection to
the page's kernel is closed as it opens (as on a hotspot that drops while a phone loads the
page). The reload button then brings the whole page back."""

from __future__ import annotations

import re

import pytest
from test_browser import PHONE, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]
KERNEL_SOCKET = re.compile(r".*/api/kernels/.*")


def test_a_page_without_its_widgets_offers_a_reload(kit_server, browser, artifacts):
    p = Page(browser, PHONE)
    p.page.route_web_socket(KERNEL_SOCKET, lambda socket: socket.close())
    p.open(kit_server.url + "/voila/render/02-buku-kas.ipynb")
    note = p.page.wait_for_selector("#uk-reload-note", timeout=90_000)
    assert "belum termuat" in note.inner_text()
    assert "Loading widget" not in p.text()
    box = note.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    p.page.screenshot(path=artifacts / "reload-note-360.png")

    fresh = Page(browser, PHONE)  # a phone whose link works: the page is whole, no note
    fresh.open(kit_server.url + "/voila/render/02-buku-kas.ipynb")
    fresh.page.wait_for_selector(".uk-signin-name", timeout=60_000)
    fresh.page.wait_for_timeout(4000)  # the note's check runs every 2 s
    assert fresh.page.locator("#uk-reload-note").count() == 0
    with p.page.expect_navigation(timeout=60_000):
        p.page.click("#uk-reload-note button")
    fresh.close()
    p.close()

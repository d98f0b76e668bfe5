"""The trainer moves the preheated kernels to the next lesson from the trainer page, in
Chromium against a real server of its own: the box says "Sedang disiapkan", then "Siap", and
the next phone opening that lesson gets a preheated kernel. Screenshots at both widths."""

from __future__ import annotations

import pytest
from browser_checks import assert_nothing_cut_off
from conftest import KitServer
from test_browser import PHONE, PROJECTOR, Page, assert_clean, open_trainer_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = "sandi-pelatih-pool"


@pytest.mark.parametrize("viewport,name", [(PROJECTOR, "1280"), (PHONE, "360")])
def test_trainer_prepares_the_next_lesson(tmp_path, browser, artifacts, viewport, name):
    server = KitServer(tmp_path, class_size=1)
    try:
        p = open_trainer_page(browser, server.url, tmp_path, PASSWORD, viewport)
        p.page.wait_for_selector(".uk-pool-status", timeout=60_000)
        p.page.select_option(".uk-pool-page select", value="Pelajaran 3: Harga")
        p.page.click(".uk-pool-move")
        p.page.wait_for_selector(".uk-pool-status:has-text('Pelajaran 3')", timeout=30_000)
        for _ in range(60):  # the trainer presses "Lihat lagi" until it says Siap
            if "Siap:" in p.page.inner_text(".uk-pool-status"):
                break
            p.page.wait_for_timeout(2000)
            p.page.click(".uk-pool-refresh")
        assert "Siap: Pelajaran 3" in p.page.inner_text(".uk-pool-status")
        width = p.page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"the trainer page scrolls sideways: {width}px"
        p.page.locator(".uk-pool").screenshot(path=artifacts / f"trainer-pool-{name}.png")
        assert_nothing_cut_off(p.page, "trainer pool after moving it", sizes=None)
        assert_clean(p)
        p.close()
        phone = Page(browser, PHONE)
        phone.open(server.url + "/voila/render/03-harga.ipynb")
        phone.close()
        assert "Using pre-heated kernel" in server.log_path.read_text().split(
            "Moving the kernel pool")[-1]
    finally:
        assert server.stop() == 0

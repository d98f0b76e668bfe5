"""The trainer page's Desa tab in Chromium, behind the password: the served village marked, at
360 and 1280 px, nothing cut off. Screenshots: artifacts/trainer-villages-{360,1280}.png."""

from __future__ import annotations

import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, PROJECTOR, assert_clean, open_trainer_page

PASSWORD = "sandi-pelatih-desa"


@pytest.mark.browser
@pytest.mark.slow
def test_the_villages_tab_names_the_served_village(kit_server, browser, artifacts):
    p = open_trainer_page(browser, kit_server.url, kit_server.data_dir, PASSWORD)
    p.page.click(".uk-trainer-tabs .lm-TabBar-tab:has-text('Desa')")
    served = p.page.wait_for_selector(".uk-village:has-text('Sedang dipakai aplikasi ini')",
                                      timeout=30_000)
    assert "Jepara" in served.inner_text()
    assert "python -m usaha_kita serve --village" in p.text()
    for size, name in ((PROJECTOR, "1280"), (PHONE, "360")):
        p.page.set_viewport_size(size)
        p.page.wait_for_timeout(500)
        p.page.locator(".uk-villages").screenshot(path=artifacts / f"trainer-villages-{name}.png")
        assert_nothing_cut_off(p.page, f"trainer villages tab at {name}", sizes=None)
    assert_clean(p)
    p.close()

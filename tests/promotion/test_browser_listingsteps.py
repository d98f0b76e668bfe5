"""Lesson 6's listing price in steps, in Chromium at phone size against the real kit server:
each step is typed, each gets its own feedback, a bad amount is answered beside its field,
and the price the core computes shows once every step is right."""

from __future__ import annotations

import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, Page, assert_clean, show_step_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = "/voila/render/06-marketplace-dan-mitra.ipynb"


def feedback(p: Page, key: str) -> str:
    return p.page.inner_text(f".widget-vbox:has(> .uk-st-{key}) .uk-msg")


def test_listing_price_step_by_step_on_a_phone(kit_server, browser, artifacts):
    p = Page(browser, PHONE)
    p.open(kit_server.url + LESSON)
    show_step_of(p.page, ".uk-lst-steps")
    p.page.wait_for_selector(".uk-st-add input", timeout=90_000)
    assert "Rp1.250" in p.page.inner_text(".uk-lst-steps")
    p.page.fill(".uk-st-add input", "dua puluh")
    p.page.click(".uk-lst-steps .uk-st-go")
    p.page.wait_for_selector(".widget-vbox:has(> .uk-st-add) .uk-msg-error", timeout=30_000)
    p.page.fill(".uk-st-add input", "26.250")
    p.page.fill(".uk-st-left input", "90")
    p.page.fill(".uk-st-divide input", "29.330")
    p.page.fill(".uk-st-check input", "25rb")
    p.page.click(".uk-lst-steps .uk-st-go")
    p.page.wait_for_selector(".widget-vbox:has(> .uk-st-left) .uk-msg-warn", timeout=30_000)
    assert "Benar: Rp26.250." in feedback(p, "add")
    assert "Belum tepat (90%)" in feedback(p, "left")
    assert "Harga tayang" not in p.page.inner_text(".uk-lst-steps .uk-st-result")
    p.page.fill(".uk-st-left input", "89,5")
    p.page.click(".uk-lst-steps .uk-st-go")
    result = p.page.wait_for_selector(
        ".uk-lst-steps .uk-st-result:has-text('Harga tayang: pasang Rp29.330')", timeout=30_000)
    assert "Rp29.500" in result.inner_text()
    width = p.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the lesson scrolls sideways: {width}px"
    p.page.screenshot(path=artifacts / "marketplace-harga-tayang-360.png", full_page=True)
    assert_nothing_cut_off(p.page, "lesson 6, the listing price steps")
    assert_clean(p)
    p.close()

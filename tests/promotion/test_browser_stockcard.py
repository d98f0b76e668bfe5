"""The consignment stock card (lesson 6) end to end in Chromium at phone size (360×740),
against the real kit server: a shop name with markup is shown as text, a delivery, a sale, a
return and a payment are written, too many pieces are refused under the field, the per-shop
table fits the phone, the nota downloads, and the card is there again after a reload.

Needs the lesson cell ``stock_card()`` in ``lessons/06-marketplace-dan-mitra.ipynb``."""

from __future__ import annotations

import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import WELCOME, assert_clean, open_phone, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON5 = "/voila/render/06-marketplace-dan-mitra.ipynb"
EVIL = "<b>Warung</b><img src=x onerror=__pwned=1>"  # within the 60 letters a shop may have


def _write(page, kind: str, field: str, value: str, done: str) -> None:
    page.fill(f".uk-stock-{field} input", value)
    page.click(f".uk-stock-{kind}")
    page.wait_for_selector(f".uk-stock-status:has-text('{done}')", timeout=30_000)


def test_a_stock_card_on_a_phone(kit_server, browser, artifacts):
    p = open_phone(browser, kit_server.url + LESSON5, ".uk-signin-name input")
    p.page.evaluate("window.__pwned = false")
    sign_in(p.page, "Rina Titip", "2468", WELCOME)
    page = p.page
    page.wait_for_selector(".uk-stock-shop input", state="visible", timeout=30_000)
    page.fill(".uk-stock-shop input", EVIL)
    page.fill(".uk-stock-price input", "12rb")
    _write(page, "antar", "quantity", "10", "10 buah diantar")
    _write(page, "laku", "quantity", "4", "Rp48.000")
    _write(page, "kembali", "quantity", "2", "2 buah kembali")
    _write(page, "bayar", "amount", "30rb", "masih berutang Rp18.000")
    page.fill(".uk-stock-quantity input", "9")
    page.click(".uk-stock-laku")
    page.wait_for_selector(".uk-field:has(.uk-stock-quantity) .uk-msg-error", timeout=30_000)
    table = page.inner_text(".uk-stock-table")
    assert EVIL in table and "Rp18.000" in table and "4 buah" in table
    assert page.evaluate("window.__pwned") is False
    assert page.locator(".uk-stock-nota").count() == 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the lesson scrolls sideways: {width}px"
    assert_nothing_cut_off(page, "lesson 6 stock card")
    page.screenshot(path=artifacts / "stockcard-360.png", full_page=True)
    assert_clean(p)

    page.reload()
    page.wait_for_selector(".uk-stock-table", state="visible", timeout=90_000)
    assert "Rp18.000" in page.inner_text(".uk-stock-table")
    p.close()

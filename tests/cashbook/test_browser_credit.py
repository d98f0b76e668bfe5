"""Lesson 2's credit book end to end in Chromium at phone size (360×740), against the real kit
server: sign in, write a piutang, record a part payment, see the cash book gain the line and the
balance change, get the WhatsApp reminder link (``wa.me/62…`` with the text encoded), reload and
find everything still there. Deleting a payment, or its line in the cash book, asks first, in
sight of the button pressed. No sideways scrolling, no traceback, nothing loaded from outside."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, Page, assert_clean, sign_in, signed_in_again

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = "/voila/render/02-buku-kas.ipynb"


def write_debt(page) -> None:
    page.fill(".uk-credit-who input", "Bu Warsih <tetangga>")
    page.fill(".uk-credit-what input", "2 keset karakter")
    page.fill(".uk-credit-amount input", "70rb")
    page.fill(".uk-credit-phone input", "0812-3456-7890")
    page.click(".uk-credit-save")


def comes_in_sight(page, selector: str) -> None:
    """The box a button opened is wholly on the phone's screen (the page scrolls it there)."""
    page.wait_for_function(
        """s => { const r = document.querySelector(s).getBoundingClientRect();
                  return r.height > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1; }""",
        arg=selector, timeout=10_000)


def ask_and_keep(page) -> None:
    """Both books ask before a payment goes, where the participant is looking; "Jangan"
    keeps it in both."""
    page.click(".uk-credit-pay")
    page.click(".uk-pay-delete")
    question = page.wait_for_selector(".uk-pay-delete ~ * .uk-msg-warn", timeout=30_000)
    assert "buku kas" in question.inner_text()
    comes_in_sight(page, ".uk-pay-delete ~ * .uk-ask")
    page.click(".uk-credit-no")  # "Jangan"
    page.wait_for_selector(".uk-credit-confirm", state="hidden", timeout=30_000)
    page.locator(".uk-table").scroll_into_view_if_needed()
    page.click(".uk-delete")
    asked = page.wait_for_selector(".uk-delete-confirm .uk-msg-warn", timeout=30_000)
    assert "buku utang-piutang" in asked.inner_text()
    comes_in_sight(page, ".uk-delete-confirm")
    page.click(".uk-delete-no")
    page.wait_for_selector(".uk-delete-confirm", state="hidden", timeout=30_000)
    assert "Bayaran bon: Bu Warsih" in page.inner_text(".uk-table")


def test_credit_book_on_a_phone(kit_server, browser, artifacts):
    p = Page(browser, PHONE)
    p.open(kit_server.url + LESSON)
    sign_in(p.page, "Bendahara Uji", "8642")
    assert p.page.locator(".uk-credit-who").count() == 0  # built when the participant arrives
    p.open_later_parts()
    write_debt(p.page)
    p.page.wait_for_selector(".uk-credit-table:has-text('Rp70.000')", timeout=30_000)
    assert "Bu Warsih <tetangga>" in p.page.inner_text(".uk-credit-table")  # escaped, shown

    assert "Rp0" in p.page.inner_text(".uk-balance-box")  # nothing in the cash box yet
    p.page.click(".uk-credit-pay")
    p.page.fill(".uk-pay-amount input", "20rb")
    p.page.click(".uk-pay-save")
    p.page.wait_for_selector(".uk-table:has-text('Bayaran bon: Bu Warsih')", timeout=30_000)
    assert "Rp20.000" in p.page.inner_text(".uk-balance-box")
    p.page.wait_for_selector(".uk-credit-table:has-text('Rp50.000')", timeout=30_000)
    assert "Rp50.000" in p.page.inner_text(".uk-credit-summary")

    p.page.click(".uk-credit-remind")
    link = p.page.wait_for_selector("a.uk-wa-send", timeout=30_000).get_attribute("href")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/6281234567890")
    assert " " not in link and "%20" in link  # the text is encoded
    message = parse_qs(parts.query)["text"][0]
    assert "Rp50.000" in message and "2 keset karakter" in message and "Terima kasih" in message
    width = p.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the lesson scrolls sideways: {width}px"
    p.page.locator(".uk-credit-summary").scroll_into_view_if_needed()
    p.page.screenshot(path=artifacts / "credit-book-360.png", full_page=True)
    assert_nothing_cut_off(p.page, "lesson 1 after a payment and a reminder")
    assert_clean(p)

    ask_and_keep(p.page)
    p.page.reload()
    p.page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
    signed_in_again(p.page, "Bendahara Uji")  # the same phone: the token, not the PIN
    p.open_later_parts()
    p.page.wait_for_selector(".uk-credit-table:has-text('Rp50.000')", timeout=30_000)
    assert "Sudah dibayar Rp20.000 dari Rp70.000" in p.page.inner_text(".uk-credit-table")
    assert "Bayaran bon: Bu Warsih" in p.page.inner_text(".uk-table")
    assert_clean(p)
    p.close()

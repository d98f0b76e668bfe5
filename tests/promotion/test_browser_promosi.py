"""Lessons 4 and 5 end to end in Chromium at phone size (360×740), against the real kit server:
the composer shows a participant's <script> as text, checks the post, copies and saves it, and
the saved post is there again after a reload; a product photo is uploaded and checked; the
goat-channel exercise answers. No sideways scrolling, no traceback, nothing from outside."""

from __future__ import annotations

import io

import pytest
from browser_checks import assert_nothing_cut_off
from PIL import Image
from test_browser import PHONE, WELCOME, Page, assert_clean, open_phone, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON4 = "/voila/render/05-promosi-media-sosial.ipynb"
LESSON5 = "/voila/render/06-marketplace-dan-mitra.ipynb"
READY = ".uk-pc-preview-card"  # the composer has run
EVIL = '<script>window.__pwned=true</script><img src=x onerror="window.__pwned=true">'


def fits(p: Page) -> None:
    width = p.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the lesson scrolls sideways: {width}px"


def test_composer_on_a_phone(kit_server, browser, artifacts):
    p = open_phone(browser, kit_server.url + LESSON4, READY)
    p.page.evaluate("window.__pwned = false")
    sign_in(p.page, "Rina Komposer", "2468", WELCOME)

    p.page.fill(".uk-pc-hook input", EVIL)
    p.page.wait_for_selector(".uk-pc-preview:has-text('<script>window.__pwned')",
                             timeout=30_000)
    assert p.page.evaluate("window.__pwned") is False
    assert p.page.locator(".uk-pc-preview img").count() == 0

    p.page.fill(".uk-pc-hook input", "Lantai teras cepat kotor?")
    p.page.fill(".uk-pc-material input", "kain perca katun")
    p.page.fill(".uk-pc-size input", "40 cm")
    p.page.fill(".uk-pc-colour input", "biru dan merah")
    p.page.fill(".uk-pc-benefit textarea", "Menyerap air dan mudah dicuci.")
    p.page.fill(".uk-pc-price input", "1,5 jt")
    p.page.fill(".uk-pc-contact input", "0812-3456-7890")
    p.page.wait_for_selector(".uk-pc-copy:has-text('Rp1.500.000')", timeout=30_000)
    p.page.wait_for_selector(".uk-pc-findings:has-text('siap dibagikan')", timeout=30_000)
    # Instagram shows the first 125 characters, then "selengkapnya".
    assert "selengkapnya" in p.page.inner_text(".uk-pc-preview")

    p.page.fill(".uk-pc-hashtags input", "#a #b #c #d #e #f")
    found = p.page.wait_for_selector(".uk-pc-findings:has-text('6 tagar')", timeout=30_000)
    assert "paling banyak 5" in found.inner_text()
    p.page.fill(".uk-pc-hashtags input", "#kesetperca #wayjepara")
    p.page.wait_for_selector(".uk-pc-findings:has-text('siap dibagikan')", timeout=30_000)

    p.page.click(".uk-pc-copy .uk-copy-button")
    status = p.page.inner_text(".uk-pc-copy .uk-copy-status")
    assert "Tersalin" in status or "Tekan lama" in status
    copied = p.page.input_value(".uk-pc-copy textarea")
    assert copied.startswith("Lantai teras cepat kotor?") and "#wayjepara" in copied

    p.page.click(".uk-pc-save")
    p.page.wait_for_selector(".uk-pc-status:has-text('Latihan selesai')", timeout=30_000)
    fits(p)
    p.page.locator(".uk-pc-preview").screenshot(path=artifacts / "promosi-preview-360.png")
    p.page.screenshot(path=artifacts / "promosi-360.png", full_page=True)
    assert_nothing_cut_off(p.page, "lesson 4 after saving a post")
    assert_clean(p)
    p.close()

    # Nothing is lost: a new page, the same name and PIN, and the post is listed.
    again = open_phone(browser, kit_server.url + LESSON4, READY)
    sign_in(again.page, "Rina Komposer", "2468", WELCOME)
    saved = again.page.wait_for_selector(".uk-pc-saved:has-text('Instagram')", timeout=30_000)
    saved.click()  # open the <details>
    assert "Lantai teras cepat kotor?" in again.page.inner_text(".uk-pc-saved")
    again.page.click(".uk-pc-reopen-button")
    again.page.wait_for_selector(".uk-pc-status:has-text('dibuka lagi')", timeout=30_000)
    again.page.wait_for_function(
        "document.querySelector('.uk-pc-price input').value === 'Rp1.500.000'", timeout=30_000)
    assert again.page.input_value(".uk-pc-hook input") == "Lantai teras cepat kotor?"
    assert_nothing_cut_off(again.page, "lesson 4 after reopening a saved post")
    assert_clean(again)
    again.close()


def _jpeg(brightness: int, size: int = 900) -> bytes:
    image = Image.new("RGB", (size, size), (brightness, brightness, brightness))
    for x in range(0, size, 30):  # some edges, so it is not judged blurred for being flat
        for y in range(0, size, 30):
            if (x + y) // 30 % 2:
                image.paste((brightness + 20,) * 3, (x, y, x + 30, y + 30))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def upload(p: Page, file: dict) -> None:
    """As a participant does: tap the button, pick a file (the widget's file input is never
    in the page, so the chooser is the only way in)."""
    with p.page.expect_file_chooser() as chooser:
        p.page.click(".uk-photo-upload")
    chooser.value.set_files(files=[file])


def test_photo_upload_is_checked_on_a_phone(kit_server, browser, artifacts):
    p = open_phone(browser, kit_server.url + LESSON4, ".uk-photo-upload")
    upload(p, {"name": "keset-gelap.jpg", "mimeType": "image/jpeg", "buffer": _jpeg(25)})
    findings = p.page.wait_for_selector(".uk-photo-findings:has-text('gelap')", timeout=60_000)
    assert findings.is_visible()
    p.page.wait_for_selector(".uk-photo-after img", timeout=30_000)
    # The improved copy shows in the post composer's phone preview further down.
    p.page.wait_for_selector(".uk-pc-preview img.uk-pc-photo", state="attached", timeout=30_000)
    link = p.page.get_attribute(".uk-photo-download a, a.uk-photo-download", "href")
    assert link and link.startswith("data:image/jpeg;base64,")
    upload(p, {"name": "bukan-foto.jpg", "mimeType": "image/jpeg",
               "buffer": b"hello, not a photo"})
    p.page.wait_for_selector(".uk-photo-findings:has-text('bukan foto')", timeout=60_000)
    assert p.page.locator(".uk-photo-after img").count() == 0
    # A file over the 15 MB limit still reaches the kernel (the server allows 32 MiB messages;
    # tornado's default 10 MiB would drop the page's connection) and gets its message.
    upload(p, {"name": "besar.jpg", "mimeType": "image/jpeg", "buffer": b"\xff" * 16_000_000})
    p.page.wait_for_selector(".uk-photo-findings:has-text('terlalu besar')", timeout=90_000)
    upload(p, {"name": "keset-gelap.jpg", "mimeType": "image/jpeg", "buffer": _jpeg(25)})
    p.page.wait_for_selector(".uk-photo-findings:has-text('gelap')", timeout=60_000)
    fits(p)
    p.page.locator(".uk-photo-findings").screenshot(path=artifacts / "promosi-photo-360.png")
    assert_nothing_cut_off(p.page, "lesson 4 after checking a photo")
    assert_clean(p)
    p.close()


def test_goat_channels_and_listing_on_a_phone(kit_server, browser, artifacts):
    p = open_phone(browser, kit_server.url + LESSON5, ".uk-ls-findings:has-text('kata promosi')")
    for key in ("status", "group-chat", "farm-visit", "preorder"):
        p.page.check(f".uk-goat-{key} input")
    p.page.check(".uk-goat-catalog input")
    p.page.click(".uk-goat-check")
    p.page.wait_for_selector(".uk-goat-result:has-text('tidak boleh')", timeout=30_000)
    p.page.uncheck(".uk-goat-catalog input")
    p.page.click(".uk-goat-check")
    p.page.wait_for_selector(".uk-goat-result:has-text('Benar')", timeout=30_000)
    # The answer labels wrap instead of being cut off.
    label = p.page.locator(".uk-goat-group-chat span").first
    assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    fits(p)
    p.page.screenshot(path=artifacts / "marketplace-360.png", full_page=True)
    assert_nothing_cut_off(p.page, "lesson 5 after the goat-channel exercise")
    assert_clean(p)
    p.close()

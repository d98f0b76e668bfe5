"""Lesson 3 end to end in real Chromium against the real kit server.

At 360×740: the calculator starts on the goat sale, switching the method changes the shares,
and the shares always add up to the total shown; nothing scrolls sideways; a ``<script>``-like
name stays text. At 1280×720: the FGD comparison fits the projector. The berita acara prints on
A4 (rendered to PDF by Chromium and looked at as a PNG in ``artifacts/``).
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess

import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, PROJECTOR, Page, assert_clean

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = "/voila/render/04-bagi-hasil.ipynb"


def open_lesson(p: Page, server) -> None:
    p.open(server.url + LESSON)
    try:
        p.page.wait_for_selector(".uk-bh-result .uk-bh-check", timeout=90_000)
    except Exception as exc:  # keep what the page showed instead, for the trainer or CI log
        from conftest import ARTIFACTS

        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "bagi-hasil-failed-page.txt").write_text(p.text(), encoding="utf-8")
        p.page.screenshot(path=ARTIFACTS / "bagi-hasil-failed-page.png", full_page=True)
        log = server.log_path.read_text(errors="replace")[-3000:]
        raise AssertionError(f"no calculator result: artifacts/bagi-hasil-failed-page.*\n"
                             f"{p.diagnosis()}\nserver log, last lines:\n{log}") from exc


def shares(p: Page) -> list[int]:
    return [int(x) for x in p.page.eval_on_selector_all(
        ".uk-bh-result .uk-bh-share", "cells => cells.map(c => c.dataset.amount)")]


def total_shown(p: Page) -> tuple[int, str]:
    cell = p.page.locator(".uk-bh-result .uk-bh-total-shown")
    return int(cell.get_attribute("data-amount")), cell.inner_text()


def set_aside(p: Page) -> int:
    return int(p.page.get_attribute(".uk-bh-result .uk-bh-check", "data-kept"))


def printed(browser, document: str):
    """The berita acara as the browser prints it: the page (to screenshot) and the A4 PDF."""
    sheet = browser.new_page()
    sheet.set_content(document)
    sheet.emulate_media(media="print")
    return sheet, sheet.pdf(format="A4", prefer_css_page_size=True)


def a4_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_switching_method_changes_shares_that_add_up_to_the_total(kit_server, browser,
                                                                    artifacts):
    p = Page(browser, PHONE)
    open_lesson(p, kit_server)
    equal = shares(p)
    total, text = total_shown(p)
    assert text == "Rp15.600.000" and total == 15_600_000
    assert equal == [1_950_000] * 8 and sum(equal) + set_aside(p) == total

    p.page.select_option(".uk-bh-method select", label="Menurut kerja")
    p.page.wait_for_function(
        "() => [...document.querySelectorAll('.uk-bh-result .uk-bh-share')]"
        ".some(c => c.dataset.amount !== '1950000')", timeout=30_000)
    by_work = shares(p)
    assert by_work != equal
    assert by_work[4] == 1_273_469  # Heri: 8 of 98 feed-duty days
    assert sum(by_work) + set_aside(p) == total_shown(p)[0] == 15_600_000
    assert "Rp1.273.469" in p.page.inner_text(".uk-bh-result")

    p.page.select_option(".uk-bh-method select", label="Kas kelompok dulu")
    p.page.wait_for_function(
        "() => document.querySelector('.uk-bh-result .uk-bh-check').dataset.kept !== '0'",
        timeout=30_000)
    assert sum(shares(p)) + set_aside(p) == 15_600_000 and set_aside(p) == 3_120_000

    width = p.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"horizontal scrolling: {width}px"
    p.page.locator(".uk-bh-result").screenshot(path=artifacts / "bagi-hasil-calculator-360.png")
    assert_nothing_cut_off(p.page, "lesson 3 after switching the method")
    assert_clean(p)
    p.close()


def test_typed_name_stays_text(kit_server, browser):
    p = Page(browser, PHONE)
    open_lesson(p, kit_server)
    p.page.evaluate("window.__pwned = false")
    name = p.page.locator(".uk-bh-name input").first
    name.fill("<img src=x onerror='window.__pwned=true'>")
    name.press("Tab")
    p.page.wait_for_selector(".uk-bh-result:has-text('<img src=x')", timeout=30_000)
    p.page.click(".uk-bh-make-record")
    p.page.wait_for_selector(".uk-bh-record:has-text('<img src=x')", timeout=30_000)
    assert p.page.evaluate("window.__pwned") is False
    assert_nothing_cut_off(p.page, "lesson 3 after making the record")
    assert_clean(p)
    p.close()


def test_comparison_fits_the_projector(kit_server, browser, artifacts):
    p = Page(browser, PROJECTOR)
    open_lesson(p, kit_server)
    table = p.page.wait_for_selector(".uk-bh-compare-table", timeout=30_000)
    assert table.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")
    text = p.page.inner_text(".uk-bh-compare-out")
    assert "Menurut hari kerja" in text and "+Rp278.572" in text
    size = p.page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.uk-bh-compare-table')).fontSize)")
    assert size >= 15, f"comparison text too small for a projector: {size}px"
    p.page.locator(".uk-bh-compare-out").screenshot(path=artifacts / "bagi-hasil-compare-1280.png")
    width = p.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PROJECTOR["width"]
    assert_nothing_cut_off(p.page, "lesson 3 comparison on the projector")
    assert_clean(p)
    p.close()


def test_record_prints_on_a4(kit_server, browser, artifacts, tmp_path):
    p = Page(browser, PHONE)
    open_lesson(p, kit_server)
    p.page.select_option(".uk-bh-group select", label="Kelompok Konveksi Purna PMI")
    p.page.wait_for_selector(".uk-bh-result:has-text('Endang Susilowati')", timeout=30_000)
    p.page.click(".uk-bh-make-record")
    link = p.page.wait_for_selector("a.uk-bh-download-html", timeout=30_000)
    href = link.get_attribute("href")
    document = base64.b64decode(href.split(",", 1)[1]).decode("utf-8")
    assert "BERITA ACARA PEMBAGIAN HASIL" in document and "Endang Susilowati" in document
    p.close()

    sheet, pdf = printed(browser, document)
    assert a4_pages(pdf) == 1, "10 members should fit one A4 page"
    pdf_path = tmp_path / "berita-acara.pdf"
    pdf_path.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf_path),
                        str(artifacts / "bagi-hasil-record-a4")], check=True, timeout=60)
    else:  # the same page at A4 size (96 dpi), print styles applied
        sheet.set_viewport_size({"width": 794, "height": 1123})
        sheet.screenshot(path=artifacts / "bagi-hasil-record-a4.png", full_page=True)
    sheet.close()


def test_shares_rounded_to_cash_fit_the_phone_and_one_a4_page(kit_server, browser, artifacts,
                                                               tmp_path):
    p = Page(browser, PHONE)
    open_lesson(p, kit_server)
    p.page.select_option(".uk-bh-method select", label="Menurut kerja")
    p.page.wait_for_function(
        "() => [...document.querySelectorAll('.uk-bh-result .uk-bh-share')]"
        ".some(c => c.dataset.amount !== '1950000')", timeout=30_000)
    p.page.select_option(".uk-bh-cash-unit select", label="Rp1.000")
    p.page.wait_for_selector(".uk-bh-result .uk-bh-rounding", timeout=30_000)
    paid = shares(p)
    assert paid[4] == 1_273_000 and all(amount % 1000 == 0 for amount in paid)
    assert sum(paid) + set_aside(p) == total_shown(p)[0] == 15_600_000
    text = p.page.inner_text(".uk-bh-result")
    assert "Sisa pembulatan masuk kas kelompok" in text and "Rp4.000" in text
    assert "hasil hitung Rp1.273.469" in text
    p.page.locator(".uk-bh-result").screenshot(path=artifacts / "bagi-hasil-cash-360.png")
    p.page.click(".uk-bh-make-record")
    p.page.wait_for_selector(".uk-bh-record:has-text('Dibayar tunai')", timeout=30_000)
    p.page.locator(".uk-bh-record").screenshot(path=artifacts / "bagi-hasil-cash-record-360.png")
    assert_nothing_cut_off(p.page, "lesson 3 with shares rounded to cash and their record")
    link = p.page.wait_for_selector("a.uk-bh-download-html", timeout=30_000)
    document = base64.b64decode(link.get_attribute("href").split(",", 1)[1]).decode("utf-8")
    assert_clean(p)
    p.close()

    sheet, pdf = printed(browser, document)
    assert a4_pages(pdf) == 1, "8 members with both figures should fit one A4 page"
    sheet.set_viewport_size({"width": 794, "height": 1123})
    sheet.screenshot(path=artifacts / "bagi-hasil-cash-record-a4.png", full_page=True)
    sheet.close()

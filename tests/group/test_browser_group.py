"""The communication lesson end to end in real Chromium against the real kit server, at phone
size: sign in, make a roster with an absence, swap two days, tick attendance, and find the days
done in the profit-sharing calculator (lesson 4); write notulen and print them. The roster sheet
and the notulen are rendered to A4 PDF by Chromium and kept as PNGs in ``artifacts/``; the lesson
is screenshotted at 360x740 with nothing scrolling sideways.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import shutil
import subprocess

import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, WELCOME, Page, assert_clean, open_phone, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = "/voila/render/01-komunikasi-kelompok.ipynb"
SHARING = "/voila/render/04-bagi-hasil.ipynb"
READY = ".uk-g-roster-make"  # the group lesson has run
ROSTER_DAYS = ".uk-g-roster-table .uk-g-roster-days"  # the participant's roster, not the example


def document(p: Page, css: str) -> str:
    href = p.page.wait_for_selector(f"a.{css}", timeout=30_000).get_attribute("href")
    return base64.b64decode(href.split(",", 1)[1]).decode("utf-8")


def print_a4(browser, html: str, path) -> int:
    """Render ``html`` as Chromium prints it on A4; keep a PNG of page 1; return the pages."""
    sheet = browser.new_page()
    sheet.set_content(html)
    sheet.emulate_media(media="print")
    pdf = sheet.pdf(format="A4", prefer_css_page_size=True)
    pdf_path = path.with_suffix(".pdf")
    pdf_path.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-singlefile",
                        str(pdf_path), str(path)], check=True, timeout=60)
    else:
        sheet.set_viewport_size({"width": 794, "height": 1123})
        sheet.screenshot(path=f"{path}.png", full_page=True)
    sheet.close()
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_roster_swap_attendance_reach_the_sharing_calculator(kit_server, browser, artifacts):
    p = open_phone(browser, kit_server.url + LESSON, READY)
    sign_in(p.page, "Pak Piket", "2468", WELCOME)
    page = p.page
    page.select_option(".uk-g-away-member select", label="Agus Purnomo")
    page.fill(".uk-g-away-day input", "2019-09-05")
    page.click(".uk-g-add-away")
    page.wait_for_selector(".uk-g-away-list:has-text('Agus Purnomo')", timeout=30_000)
    page.click(".uk-g-roster-make")
    page.wait_for_selector(".uk-g-roster-status:has-text('Tersimpan')", timeout=30_000)
    rows = page.inner_text(ROSTER_DAYS)
    assert "Kam, 5 Sep" in rows
    day5 = next(line for line in rows.splitlines() if line.startswith("Kam, 5 Sep"))
    assert "Agus Purnomo" not in day5

    # Swap the first turn of 7 September with the first of 8 September. Each widget applies
    # its own updates, so the pickers' new turns may arrive just after the table.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.uk-g-swap-a select option')]"
        ".some(o => o.textContent.replace(/\\u00a0/g, ' ').startsWith('Sab, 7 Sep'))",
        timeout=30_000)
    options = page.eval_on_selector(
        ".uk-g-swap-a select",
        "s => [...s.options].map(o => o.textContent.replace(/\\u00a0/g, ' '))")
    first = next(i for i, label in enumerate(options) if label.startswith("Sab, 7 Sep"))
    second = next(i for i, label in enumerate(options) if label.startswith("Min, 8 Sep"))
    page.select_option(".uk-g-swap-a select", index=first)
    page.select_option(".uk-g-swap-b select", index=second)
    page.click(".uk-g-swap")
    page.wait_for_selector(".uk-g-roster-status:has-text('bertukar dengan')", timeout=30_000)

    # Tick the first two turns done.
    for index in (0, 1):
        page.select_option(".uk-g-mark-duty select", index=index)
        page.click(".uk-g-mark-status button:has-text('Sudah ngarit')")
        page.click(".uk-g-mark")
        page.wait_for_function(
            "n => (document.querySelector('.uk-g-roster-table .uk-g-roster-days').innerText"
            ".match(/✔/g) || []).length >= n", arg=index + 1, timeout=30_000)
    done = [line for line in page.inner_text(ROSTER_DAYS).splitlines()
            if line.startswith("Sen, 2 Sep")][0]
    names = [n.strip(" ✔") for n in done.split("\t", 1)[1].split(",")]
    sheet = document(p, "uk-g-roster-download")
    assert "JADWAL PIKET" in sheet and "bertukar dengan" in sheet
    pages = print_a4(browser, sheet, artifacts / "komunikasi-roster-a4")
    assert pages <= 2, f"a fortnight's roster should fit two A4 pages, got {pages}"
    page.locator(".uk-g-roster-table").screenshot(path=artifacts / "komunikasi-roster-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_nothing_cut_off(page, "group lesson after a swap and attendance")
    assert_clean(p)
    p.close()

    # Lesson 3: the same participant takes the days done from the roster.
    q = open_phone(browser, kit_server.url + SHARING, ".uk-bh-result .uk-bh-check")
    sign_in(q.page, "Pak Piket", "2468", WELCOME)
    q.page.click(".uk-bh-roster-take")
    q.page.wait_for_selector(".uk-bh-roster-status:has-text('2 hari dikerjakan')",
                             timeout=30_000)
    values = q.page.eval_on_selector_all(
        ".uk-bh-name input", "boxes => boxes.map(b => b.value)")
    work = q.page.eval_on_selector_all(".uk-bh-work input", "boxes => boxes.map(b => b.value)")
    typed = dict(zip(values, work, strict=False))
    assert all(typed[name] == "1" for name in names), typed
    assert sum(int(v or 0) for v in typed.values()) == 2
    assert_clean(q)
    q.close()


def test_notulen_are_written_and_print_on_a4(kit_server, browser, artifacts):
    p = open_phone(browser, kit_server.url + LESSON, READY)
    page = p.page
    meeting = page.locator(".uk-g-meeting-place").locator("xpath=../..")
    boxes = meeting.locator(".uk-g-checks input[type=checkbox]")
    for index in range(5):
        boxes.nth(index).check()
    page.fill(".uk-g-decisions textarea", "Ngarit dua orang setiap hari\nRp50.000 untuk obat")
    person = meeting.locator(".uk-g-action-person select").first
    person.select_option(label="Joko Santoso")
    meeting.locator(".uk-g-action-task input").first.fill("Beli obat cacing <b>")
    due = dt.date.today() + dt.timedelta(days=30)  # due dates run to a year ahead, no further
    meeting.locator(".uk-g-action-due input").first.fill(due.isoformat())
    page.click(".uk-g-meeting-make")
    page.wait_for_selector(".uk-g-meeting-status:has-text('Notulen sudah dibuat')",
                           timeout=30_000)
    html = document(p, "uk-g-notulen-download")
    assert "NOTULEN RAPAT ANGGOTA" in html and "Beli obat cacing &lt;b&gt;" in html
    assert "Tidak hadir:" in html
    pages = print_a4(browser, html, artifacts / "komunikasi-notulen-a4")
    assert pages == 1, f"one meeting's notulen should fit one A4 page, got {pages}"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=artifacts / "komunikasi-360.png", full_page=True)
    assert_nothing_cut_off(page, "group lesson after making the notulen")
    assert_clean(p)
    p.close()

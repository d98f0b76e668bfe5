"""End to end in real Chromium against a real kit server, at phone size (360×740).

Home → lesson 1 → sign in → add an entry typed ``150rb`` → the table shows Rp150.000 → reload,
sign in again, the entry is still there; ``1M`` shows a message and saves nothing; the Excel
download holds the amount; no request leaves the laptop; no traceback on the page.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path
from urllib.parse import urlparse

import openpyxl
import pytest
from browser_checks import assert_nothing_cut_off

from widgets.store import Store
from widgets.training import access

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 360, "height": 740}
PROJECTOR = {"width": 1280, "height": 720}
LOCAL = {"127.0.0.1", "localhost"}


class Page:
    """A Playwright page that records every request that leaves the laptop."""

    def __init__(self, browser, viewport):
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        # A lesson page streams while its kernel runs; just after a (re)start on a busy 2-core
        # machine that can take longer than Playwright's default 30 s.
        self.page.set_default_navigation_timeout(120_000)
        self.outside: list[str] = []
        self.console: list[str] = []  # what the page's scripts said, for a failure's message
        self.page.on("request", self._request)
        self.page.on("console", lambda msg: self.console.append(f"{msg.type}: {msg.text}"[:300]))

    def _request(self, request) -> None:
        url = request.url
        if not url.startswith(("data:", "blob:")) and urlparse(url).hostname not in LOCAL:
            self.outside.append(url)

    def open(self, url: str, whole: bool = True) -> None:
        """Open ``url``; a lesson opens whole (``#semua``: every step on one page, as the
        contents list offers) unless the address names a step or ``whole`` is False. The
        tests of the steps themselves are in test_browser_steps.py."""
        if whole and "#" not in url:
            url += "#semua"
        self.page.goto(url)
        self.page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)

    def text(self) -> str:
        return self.page.inner_text("body")

    def diagnosis(self) -> str:
        """What the page showed and its scripts said, for the message of a failed wait (CI
        keeps the log, not the screenshots)."""
        try:
            shown = self.text()[:1500]
        except Exception as exc:  # noqa: BLE001 (a closed or crashed page)
            shown = f"(no text: {exc})"
        said = "\n".join(self.console[-25:])
        return f"page text:\n{shown}\nconsole ({len(self.console)} lines, last 25):\n{said}"

    def open_later_parts(self) -> None:
        """Go to each part built on arrival (widgets/ui/later.py), as a participant would (its
        step, then scrolling), without pressing its button: the page's script must build it."""
        scroll = """() => {
            const left = document.querySelectorAll("button.uk-later-open");
            const steps = window.ukSteps;
            if (left.length && steps) { steps.reveal(left[0]); }
            if (left.length) { left[0].scrollIntoView({block: "center"}); }
            return left.length;
        }"""
        while (left := self.page.evaluate(scroll)):
            self.page.wait_for_function(
                f"document.querySelectorAll('button.uk-later-open').length < {left}",
                timeout=60_000)

    def settle(self, quiet_ms: int = 1000, timeout: int = 60_000) -> None:
        """Wait until the page has not changed for ``quiet_ms``: what the kernel builds after
        an action (the questions after sign-in) has arrived and been laid out."""
        self.page.evaluate("""() => { if (window.__ukQuiet) return;
            window.__ukQuiet = Date.now();
            new MutationObserver(() => { window.__ukQuiet = Date.now(); }).observe(
                document.body, {childList: true, subtree: true, characterData: true}); }""")
        self.page.wait_for_function(f"() => Date.now() - window.__ukQuiet > {quiet_ms}",
                                    timeout=timeout, polling=250)

    def close(self) -> None:
        self.context.close()


def open_trainer_page(browser, url: str, data_dir: Path, password: str,
                      viewport: dict = PROJECTOR) -> Page:
    """The trainer page signed in: the password set in the kit's store first, then typed into
    the page as a trainer would, until its tabs show."""
    with Store(data_dir / "usaha_kita.sqlite3") as store:
        access.set_password(store, password)
    p = Page(browser, viewport)
    p.open(url + "/voila/render/pelatih.ipynb")
    p.page.fill(".uk-trainer-password input[type=password]", password)
    p.page.click(".uk-trainer-submit")
    p.page.wait_for_selector(".uk-trainer-tabs", timeout=60_000)
    return p


WELCOME = ".uk-msg-ok:has-text('Selamat')"  # the sign-in's welcome, on every lesson

REVEAL = "el => { if (window.ukSteps) { window.ukSteps.reveal(el); } }"


def show_step_of(page, selector: str) -> None:
    """A lesson shows one step at a time (widgets/ui/steps.py): go to the step that holds
    ``selector``, as a participant would with the contents list."""
    page.wait_for_selector(selector, state="attached", timeout=90_000)
    page.locator(selector).first.evaluate(REVEAL)


def sign_in(page, name: str, pin: str, done: str = ".uk-save") -> None:
    """Type the name and PIN, press the button, and wait until ``done`` shows (default: the
    cash book's Save button)."""
    show_step_of(page, ".uk-signin-name input")
    page.fill(".uk-signin-name input", name)
    page.fill(".uk-signin-pin input", pin)
    page.click(".uk-signin-submit")
    page.wait_for_selector(done, state="visible", timeout=30_000)


def open_phone(browser, url: str, ready: str) -> Page:
    """A new phone-sized page on ``url``, once the lesson's ``ready`` selector shows."""
    p = Page(browser, PHONE)
    p.open(url)
    show_step_of(p.page, ready)
    p.page.wait_for_selector(ready, timeout=90_000)
    return p


def signed_in_again(page, name: str) -> None:
    """The next page on the same phone opens signed in (the token the last one kept)."""
    page.wait_for_selector(f".uk-msg-ok:has-text('Selamat datang kembali, {name}')",
                           timeout=60_000)


def add_entry(page, description: str, amount: str, direction: str = "Masuk") -> None:
    show_step_of(page, ".uk-description input")
    page.click(f".uk-direction button:has-text('{direction}')")
    page.fill(".uk-description input", description)
    page.fill(".uk-amount input", amount)
    page.click(".uk-save")


def assert_clean(p: Page) -> None:
    body = p.text()
    for marker in ("Traceback", "Exception", "NameError", "KeyError", "ValueError"):
        assert marker not in body, f"{marker} on the page"
    assert p.outside == [], f"requests left the laptop: {p.outside}"
    null_tips = p.page.locator("[title='null']").count()
    assert null_tips == 0, f"{null_tips} elements show the hover text 'null'"


def test_home_links_to_lesson_one(kit_server, browser, artifacts):
    p = Page(browser, PHONE)
    p.open(kit_server.url + "/")
    assert "/voila/render/00-beranda.ipynb" in p.page.url
    assert "Buku Kas" in p.text() and "120 menit" in p.text()
    # The cards say the village's words ("biaya per keset"), never a field's name ("{item}").
    assert re.findall(r"[{][A-Za-z_]+[}]", p.text()) == []
    for title in ("Promosi: foto, tulisan dan QR", "Marketplace dan Mitra"):  # lessons 4 and 5
        card = p.page.locator(".uk-lesson", has_text=title)
        assert card.count() == 1 and "120 menit" in card.inner_text(), title
    p.page.screenshot(path=artifacts / "home-360.png", full_page=True)
    p.page.click("a.uk-lesson[href*='02-buku-kas']")
    show_step_of(p.page, ".uk-signin-name")
    assert "Pelajaran 2" in p.text()
    width = p.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"horizontal scrolling: {width}px"
    assert_nothing_cut_off(p.page, "lesson 1 from the home page")
    assert_clean(p)
    p.close()


def test_cash_book_survives_reload_and_rejects_ambiguous_amount(kit_server, browser, artifacts):
    lesson = kit_server.url + "/voila/render/02-buku-kas.ipynb"
    p = Page(browser, PHONE)
    p.open(lesson)
    sign_in(p.page, "Peserta Uji", "2468")
    add_entry(p.page, "Jual 10 keset ke warung", "150rb")
    p.page.wait_for_selector(".uk-table:has-text('Rp150.000')", timeout=30_000)
    assert "Rp150.000" in p.page.inner_text(".uk-balance-box")
    p.page.screenshot(path=artifacts / "lesson1-entry-360.png", full_page=True)
    assert_nothing_cut_off(p.page, "lesson 1 after saving an entry")

    add_entry(p.page, "Beli kain", "1M", direction="Keluar")
    message = p.page.wait_for_selector(".uk-msg-error:has-text('juta atau miliar')",
                                       timeout=30_000)
    assert message.is_visible()
    assert p.page.locator(".uk-table tr").count() == 2  # header + the one entry
    assert_nothing_cut_off(p.page, "lesson 1 after a refused amount")

    link = p.page.get_attribute("a.uk-download-xlsx", "href")
    xlsx = base64.b64decode(link.split(",", 1)[1])
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]
    amounts = [c.value for row in sheet.iter_rows() for c in row if c.value == 150_000]
    assert amounts, "the Excel file does not hold the amount as a number"
    assert_clean(p)

    p.page.reload()
    p.page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
    signed_in_again(p.page, "Peserta Uji")  # the same phone: no PIN typed again
    p.page.click("button:has-text('Keluar akun')")
    p.page.wait_for_selector(".uk-save", state="hidden", timeout=30_000)
    sign_in(p.page, "peserta uji", "2468")
    p.page.wait_for_selector(".uk-table:has-text('Jual 10 keset ke warung')", timeout=30_000)
    assert "Beli kain" not in p.page.inner_text(".uk-table")
    assert_clean(p)
    p.close()


def test_wrong_pin_is_refused_with_a_message(kit_server, browser):
    p = Page(browser, PHONE)
    p.open(kit_server.url + "/voila/render/02-buku-kas.ipynb")
    sign_in(p.page, "Pemilik PIN", "1357")
    p.close()
    p = Page(browser, PHONE)  # another phone: it must type the PIN
    p.open(kit_server.url + "/voila/render/02-buku-kas.ipynb")
    show_step_of(p.page, ".uk-signin-name")
    p.page.fill(".uk-signin-name input", "Pemilik PIN")
    p.page.fill(".uk-signin-pin input", "9999")
    p.page.click(".uk-signin-submit")
    p.page.wait_for_selector(".uk-msg-error:has-text('PIN')", timeout=30_000)
    assert not p.page.locator(".uk-save").is_visible()
    p.close()


def test_participant_text_is_escaped(kit_server, browser):
    p = Page(browser, PHONE)
    p.open(kit_server.url + "/voila/render/02-buku-kas.ipynb")
    sign_in(p.page, "Tes Aman", "8642")
    p.page.evaluate("window.__pwned = false")
    add_entry(p.page, "<img src=x onerror='window.__pwned=true'>", "5rb")
    p.page.wait_for_selector(".uk-table:has-text('<img src=x')", timeout=30_000)
    assert p.page.evaluate("window.__pwned") is False
    p.close()


@pytest.mark.parametrize("viewport,name", [(PHONE, "360"), (PROJECTOR, "1280")])
def test_screens_fit(kit_server, browser, artifacts, viewport, name):
    # The cash book's step 3 is its worked example: the first step with figures.
    for notebook, label in (("00-beranda.ipynb", "home"), ("02-buku-kas.ipynb#langkah-3",
                                                           "lesson1")):
        p = Page(browser, viewport)
        p.open(f"{kit_server.url}/voila/render/{notebook}")
        p.page.wait_for_timeout(500)
        width = p.page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{label} scrolls sideways at {name}px: {width}px"
        assert re.search(r"Rp\d", p.text()) or label == "home"
        p.page.screenshot(path=artifacts / f"{label}-{name}.png", full_page=True)
        assert_nothing_cut_off(p.page, label)
        assert_clean(p)
        p.close()


def test_entry_survives_a_server_kill(tmp_path, browser):
    """A saved entry is still there after the whole server (and its kernels) is killed -9."""
    from conftest import KitServer

    server = KitServer(tmp_path)
    try:
        p = Page(browser, PHONE)
        p.open(server.url + "/voila/render/02-buku-kas.ipynb")
        sign_in(p.page, "Tahan Banting", "1470")
        add_entry(p.page, "Setoran titipan keset", "72.000")
        p.page.wait_for_selector(".uk-status:has-text('Tersimpan')", timeout=30_000)
        p.close()
    finally:
        server.kill()
    server = KitServer(tmp_path)
    try:
        p = Page(browser, PHONE)
        p.open(server.url + "/voila/render/02-buku-kas.ipynb")
        sign_in(p.page, "Tahan Banting", "1470")
        p.page.wait_for_selector(".uk-table:has-text('Setoran titipan keset')", timeout=30_000)
        assert "Rp72.000" in p.page.inner_text(".uk-table")
        p.close()
    finally:
        server.stop()

"""The trainer's side end to end in Chromium against the real kit server: the trainer signs in;
two participants take the pre-test on a phone, do a lesson-2 exercise wrong and then right, take
the post-test and the satisfaction form; the dashboard shows them and their most common wrong
answer by itself; the report is generated and its Word file holds the dashboard's figures.
Screenshots: the dashboard at 1280x720, the report and the attendance list printed to A4."""

from __future__ import annotations

import base64
import io
import re

import docx
import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, PROJECTOR, Page, assert_clean, signed_in_again

from widgets.pricing import costing
from widgets.pricing.data import load_pricing
from widgets.store import Store
from widgets.training import access
from widgets.training.items import load_form
from widgets.training.overview import overview
from widgets.training.render import gain_sentence

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = "sandi-pelatih-browser"
EXERCISE = "harga-biaya-keset"


def render(server, page: str) -> str:
    return f"{server.url}/voila/render/{page}"


def sign_in(page, name: str, pin: str) -> None:
    page.fill(".uk-signin-name input", name)
    page.fill(".uk-signin-pin input", pin)
    page.click(".uk-signin-submit")
    page.wait_for_selector(".uk-signin-name", state="hidden", timeout=30_000)


def take_test(page, form, right: int, button: str) -> None:
    for n, item in enumerate(form.items):
        if item.kind == "choice":
            key = item.answer if n < right else next(
                o.key for o in item.options if o.key != item.answer)
            text = item.option(key).text()
            page.click(f".uk-item-{item.key} label:has-text({text!r})")
        else:
            value = item.answer if n < right else item.answer + 7
            typed = str(value) if item.kind == "count" else f"{value / 1000:g}rb".replace(".", ",")
            page.fill(f".uk-item-{item.key} input", typed)
    for statement in form.confidence:
        page.click(f".uk-conf-{statement.key} button:has-text('4')")
    page.click(f".uk-test-submit:has-text({button!r})")


def participant(browser, server, form, name: str, pre: int, post: int, wrong: str,
                right: str, artifacts) -> None:
    p = Page(browser, PHONE)
    p.page.set_default_timeout(60_000)  # a busy 2-core machine streams pages slowly
    p.open(render(server, "evaluasi-awal.ipynb"))
    sign_in(p.page, name, "2468")
    p.page.select_option(".uk-profile-group select", label="Kelompok Konveksi Purna PMI")
    p.page.click(".uk-profile-gender button:has-text('Perempuan')")
    p.page.click(".uk-profile-save")
    p.page.wait_for_selector(".uk-test-submit", timeout=30_000)
    take_test(p.page, form, pre, "Kirim evaluasi awal")
    p.page.wait_for_selector("text=Evaluasi awal Anda sudah tersimpan", timeout=30_000)
    assert "Jawaban yang benar" not in p.text()  # no answers before the post-test
    if pre == 4:
        p.page.screenshot(path=artifacts / "evaluasi-awal-360.png", full_page=True)
    width = p.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways: {width}px"
    assert_nothing_cut_off(p.page, "pre-test after sending it")

    p.open(render(server, "03-harga.ipynb"))
    signed_in_again(p.page, name)  # the next lesson on the same phone asks no PIN
    for typed in (wrong, right):
        p.page.fill(f".uk-ex2-{EXERCISE} input", typed)
        p.page.click(f".uk-ex2-check-{EXERCISE}")
        p.page.wait_for_selector(f".uk-ex2-feedback-{EXERCISE} .uk-msg", timeout=30_000)
        p.page.wait_for_timeout(500)
    assert_nothing_cut_off(p.page, "lesson 3 after checking an exercise answer")

    p.open(render(server, "evaluasi-akhir.ipynb"))
    signed_in_again(p.page, name)
    p.page.wait_for_selector(".uk-test-submit", timeout=30_000)
    take_test(p.page, form, post, "Kirim evaluasi akhir")
    result = p.page.wait_for_selector(".uk-own-result", timeout=30_000)
    assert "Jawaban yang benar" in result.inner_text()
    assert_nothing_cut_off(p.page, "post-test result")
    for statement in form.satisfaction:
        p.page.click(f".uk-sat-{statement.key} button:has-text('4')")
    p.page.fill(".uk-open-paling_berguna textarea", "Menghitung harga pokok keset")
    p.page.click(".uk-sat-submit")
    p.page.wait_for_selector("text=Angket kepuasan Anda sudah tersimpan", timeout=30_000)
    assert_nothing_cut_off(p.page, "post-test after sending the satisfaction survey")
    if pre == 4:
        p.page.screenshot(path=artifacts / "evaluasi-akhir-360.png", full_page=True)
    assert_clean(p)
    p.close()


def download(page, css: str) -> bytes:
    href = page.get_attribute(css, "href")
    return base64.b64decode(href.split(",", 1)[1])


def print_a4(browser, html: str, path) -> None:
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.set_content(html)
    page.pdf(path=str(path), format="A4", print_background=True)
    page.screenshot(path=str(path).replace(".pdf", "-794.png"), full_page=True)
    page.close()


def test_trainer_dashboard_and_report(kit_server, browser, artifacts):
    store_path = kit_server.data_dir / "usaha_kita.sqlite3"
    with Store(store_path) as store:
        access.set_password(store, PASSWORD)
    form = load_form()
    right = str(costing.unit_cost(load_pricing().cost_exercise.sheet).total)

    trainer = Page(browser, PROJECTOR)
    trainer.open(render(kit_server, "pelatih.ipynb"))
    # The page template marks the field for the browser's password manager as it appears.
    field = trainer.page.wait_for_selector(
        ".uk-trainer-password input[type=password][autocomplete=current-password]",
        timeout=60_000)
    assert trainer.page.locator(".uk-trainer-tabs").count() == 0
    field.fill(PASSWORD)
    trainer.page.click(".uk-trainer-submit")
    trainer.page.wait_for_selector(".uk-trainer-tabs", timeout=60_000)

    participant(browser, kit_server, form, "Ani Lestari", 4, 10, "5000", right, artifacts)
    participant(browser, kit_server, form, "Wati Susanti", 6, 12, "5000", right, artifacts)

    # The dashboard refreshes by itself: no click, no reload.
    wrong = trainer.page.wait_for_selector(
        ".uk-dash-wrong:has-text('5.000 (2 kali, 2 orang)')", timeout=30_000)
    assert EXERCISE in wrong.inner_text()
    for name in ("Ani Lestari", "Wati Susanti"):
        trainer.page.wait_for_selector(f".uk-dash-presence:has-text({name!r})", timeout=30_000)
    with Store(store_path) as store:
        sentence = gain_sentence(overview(store, form))
    tests = trainer.page.inner_text(".uk-dash-tests")
    assert sentence in tests.replace("\n", " ") or sentence in tests
    trainer.page.screenshot(path=artifacts / "pelatih-dasbor-1280.png")
    assert_nothing_cut_off(trainer.page, "trainer dashboard")
    trainer.page.screenshot(path=artifacts / "pelatih-dasbor-1280-full.png", full_page=True)

    trainer.page.click(".uk-trainer-tabs .lm-TabBar-tab:has-text('Laporan kegiatan')")
    trainer.page.fill(".uk-report-conclusions textarea", "Peserta sudah bisa menghitung biaya.")
    trainer.page.fill(".uk-report-trainers textarea", "Yuyun Fitriani")
    trainer.page.click(".uk-report-make")
    trainer.page.wait_for_selector(".uk-report-docx", timeout=60_000)
    document = docx.Document(io.BytesIO(download(trainer.page, ".uk-report-docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert sentence in text
    assert "Peserta sudah bisa menghitung biaya." in text
    assert "5.000 (2 kali, 2 orang)" in cells and "Ani Lestari" in cells
    html = download(trainer.page, ".uk-report-html").decode("utf-8")
    print_a4(browser, html, artifacts / "laporan-a4.pdf")
    assert_nothing_cut_off(trainer.page, "trainer report after making it")

    trainer.page.click(".uk-trainer-tabs .lm-TabBar-tab:has-text('Daftar hadir')")
    trainer.page.fill(".uk-add-name input", "Bu Sumi")
    trainer.page.click(".uk-add-person")
    trainer.page.wait_for_selector(".uk-attendance-html", timeout=30_000)
    attendance = download(trainer.page, ".uk-attendance-html").decode("utf-8")
    assert re.search(r"Ani Lestari.*Bu Sumi.*Wati Susanti", attendance, re.S)
    print_a4(browser, attendance, artifacts / "daftar-hadir-a4.pdf")
    assert_nothing_cut_off(trainer.page, "trainer attendance list")
    assert_clean(trainer)
    trainer.close()

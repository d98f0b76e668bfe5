"""The trainer's side end to end in Chromium against the real kit server: the trainer signs in;
two participants take the pre-test on a phone, do a lesson-3 exercise wrong and then right, take
the post-test and the satisfaction form, and a third takes the pre-test only (counted and
named); the dashboard shows them and their most common wrong answer by itself; the report is
generated and its Word file holds every row of the dashboard's tables. Screenshots: the
dashboard at 1280x720, the report and the attendance list printed to A4."""

from __future__ import annotations

import base64
import io
import re
from fractions import Fraction

import docx
import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, PROJECTOR, Page, assert_clean, signed_in_again

from widgets.pricing import costing
from widgets.pricing.data import load_pricing
from widgets.store import Store
from widgets.training import access
from widgets.training.evaluation import format_percent
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


def at_pre_test(browser, server, name: str, pin: str) -> Page:
    """A phone on the pre-test's page, signed in as ``name`` with the profile filled in."""
    p = Page(browser, PHONE)
    p.page.set_default_timeout(60_000)  # a busy 2-core machine streams pages slowly
    p.open(render(server, "evaluasi-awal.ipynb"))
    sign_in(p.page, name, pin)
    p.page.select_option(".uk-profile-group select", label="Kelompok Konveksi Purna PMI")
    p.page.click(".uk-profile-gender button:has-text('Perempuan')")
    p.page.click(".uk-profile-save")
    p.page.wait_for_selector(".uk-test-submit", timeout=30_000)
    return p


def participant(browser, server, form, name: str, pre: int, post: int, wrong: str,
                right: str, artifacts) -> None:
    p = at_pre_test(browser, server, name, "2468")
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


def pre_test_only(browser, server, form, name: str) -> None:
    """Someone who takes the pre-test and then goes home: counted, named, never dropped."""
    p = at_pre_test(browser, server, name, "1357")
    take_test(p.page, form, 5, "Kirim evaluasi awal")
    p.page.wait_for_selector("text=Evaluasi awal Anda sudah tersimpan", timeout=30_000)
    p.close()


# The dashboard's tables that the report prints as they are (the presence list is live only).
SHARED_TABLES = ("uk-progress", "uk-wrong", "uk-scores", "uk-confidence", "uk-satisfaction",
                 "uk-rules", "uk-distributions", "uk-fgd")


def words(text: str) -> str:
    return " ".join(text.split())


def dashboard_rows(page) -> dict[str, list[tuple[str, ...]]]:
    """Every body row of the dashboard's report tables, as the trainer reads them."""
    found = {}
    for css in SHARED_TABLES:
        rows = page.eval_on_selector_all(
            f".uk-dash table.{css} tbody tr",
            "rows => rows.map(r => [...r.cells].map(c => c.innerText))")
        found[css] = [tuple(words(c) for c in row) for row in rows if len(row) > 1]
    return found


def download(page, css: str) -> bytes:
    href = page.get_attribute(css, "href")
    return base64.b64decode(href.split(",", 1)[1])


def print_a4(browser, html: str, path) -> int:
    """Print to an A4 PDF as Chromium's print dialog would; the number of pages."""
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.set_content(html)
    pdf = page.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(path).replace(".pdf", "-794.png"), full_page=True)
    page.close()
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


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
    pre_test_only(browser, kit_server, form, "Yuli Rahayu")

    # The dashboard refreshes by itself: no click, no reload.
    wrong = trainer.page.wait_for_selector(
        ".uk-dash-wrong:has-text('5.000 (2 kali, 2 orang)')", timeout=30_000)
    assert EXERCISE in wrong.inner_text()
    for name in ("Ani Lestari", "Wati Susanti"):
        trainer.page.wait_for_selector(f".uk-dash-presence:has-text({name!r})", timeout=30_000)
    with Store(store_path) as store:
        sentence = gain_sentence(overview(store, form))
    assert "(3 orang)" in sentence and "dari 2 peserta" in sentence  # Yuli is in the pre mean
    trainer.page.wait_for_selector(f".uk-dash-tests:has-text({sentence!r})", timeout=30_000)
    tests = trainer.page.inner_text(".uk-dash-tests")
    assert "Hanya evaluasi awal: 1 orang (Yuli Rahayu)" in tests
    shown = dashboard_rows(trainer.page)
    yuli = format_percent(Fraction(100 * 5, len(form.items)))  # 5 of 13 right: 38%
    assert ("Yuli Rahayu", yuli, "–", "–") in shown["uk-scores"]
    assert len(shown["uk-scores"]) == 3 and shown["uk-wrong"] and shown["uk-satisfaction"]
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
    assert "Hanya evaluasi awal: 1 orang (Yuli Rahayu)" in text
    # Table by table, every row the dashboard shows is a row of the Word file, figure for figure.
    in_word = {tuple(words(c.text) for c in row.cells) for table in document.tables
               for row in table.rows}
    for css, rows in shown.items():
        missing = [row for row in rows if row not in in_word]
        assert not missing, f"{css}: dashboard rows not in the Word file: {missing}"
    html = download(trainer.page, ".uk-report-html").decode("utf-8")
    assert print_a4(browser, html, artifacts / "laporan-a4.pdf") >= 3
    assert_nothing_cut_off(trainer.page, "trainer report after making it")

    trainer.page.click(".uk-trainer-tabs .lm-TabBar-tab:has-text('Daftar hadir')")
    trainer.page.fill(".uk-add-name input", "Bu Sumi")
    trainer.page.click(".uk-add-person")
    trainer.page.wait_for_selector(".uk-attendance-html", timeout=30_000)
    attendance = download(trainer.page, ".uk-attendance-html").decode("utf-8")
    assert re.search(r"Ani Lestari.*Bu Sumi.*Wati Susanti", attendance, re.S)
    assert print_a4(browser, attendance, artifacts / "daftar-hadir-a4.pdf") >= 1
    assert_nothing_cut_off(trainer.page, "trainer attendance list")
    assert_clean(trainer)
    trainer.close()

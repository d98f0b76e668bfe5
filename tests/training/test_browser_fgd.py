"""The projector layout and a full FGD round in Chromium against the real kit server.

The trainer signs in, puts a prepared question on the board and opens it; the projector page
(reached from the trainer page's Projector tab) shows it; two phones answer and the projector
updates by itself; the trainer reveals, closes (a phone then says the question is closed) and
exports the Excel file. The projector views are checked at 1280x720: full width, body text
>= 24 px, key figures >= 32 px, no sign-in box, ten members without scrolling; and at
1920x1080 (a full-HD projector): still the full width, with the same sizes.
Screenshots go to artifacts/."""

from __future__ import annotations

import base64
import io

import openpyxl
import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, PROJECTOR, Page, assert_clean

from widgets.store import Store
from widgets.training import access

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = "sandi-pelatih-fgd"
QUESTION = "Sekarang, siapa yang memegang uang kelompok?"


def render(server, page: str) -> str:
    return f"{server.url}/voila/render/{page}"


def px(page, selector: str, prop: str = "font-size") -> float:
    value = page.eval_on_selector(selector, f"e => getComputedStyle(e)['{prop}']")
    return float(value.removesuffix("px"))


FULL_HD = {"width": 1920, "height": 1080}


def assert_projector_layout(p: Page, body: str, figure: str | None = None,
                            screen: dict = PROJECTOR) -> None:
    page = p.page
    assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"]
    width = page.eval_on_selector(".uk-projector", "e => e.getBoundingClientRect().width")
    assert width >= screen["width"] - 80, f"the view is {width}px wide, not the full width"
    assert px(page, body) >= 24, f"{body} is smaller than 24 px"
    if figure:
        assert px(page, figure) >= 32, f"{figure} is smaller than 32 px"
    assert page.locator(".uk-signin-name:visible, .uk-trainer-password:visible").count() == 0


def trainer_signs_in(browser, server) -> Page:
    trainer = Page(browser, PROJECTOR)
    trainer.open(render(server, "pelatih.ipynb"))
    field = trainer.page.wait_for_selector(".uk-trainer-password input[type=password]",
                                           timeout=60_000)
    field.fill(PASSWORD)
    trainer.page.click(".uk-trainer-submit")
    trainer.page.wait_for_selector(".uk-trainer-tabs", timeout=60_000)
    return trainer


def phone_answers(browser, server, name: str, option: str) -> Page:
    phone = Page(browser, PHONE)
    phone.open(render(server, "diskusi.ipynb"))
    phone.page.fill(".uk-signin-name input", name)
    phone.page.fill(".uk-signin-pin input", "2468")
    phone.page.click(".uk-signin-submit")
    phone.page.wait_for_selector(f".uk-fgd-question:has-text({QUESTION!r})", timeout=30_000)
    phone.page.click(f".uk-fgd-choice label:has-text({option!r})")
    phone.page.click(".uk-fgd-send")
    phone.page.wait_for_selector("text=Terkirim", timeout=30_000)
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_nothing_cut_off(phone.page, "FGD phone after sending an answer")
    return phone


def test_fgd_round_and_projector_board(kit_server, browser, artifacts):
    with Store(kit_server.data_dir / "usaha_kita.sqlite3") as store:
        access.set_password(store, PASSWORD)
    trainer = trainer_signs_in(browser, kit_server)
    t = trainer.page
    t.click(".uk-trainer-tabs .lm-TabBar-tab:has-text('Diskusi (FGD)')")
    t.select_option(".uk-fgd-lesson select", label="Pelajaran 2: Buku Kas")
    t.wait_for_selector(f".uk-fgd-prepared option:has-text({QUESTION!r})", state="attached",
                        timeout=30_000)
    t.select_option(".uk-fgd-prepared select", label=QUESTION)
    t.click(".uk-fgd-use")
    t.wait_for_selector(f".uk-fgd-preview:has-text({QUESTION!r})", timeout=30_000)
    t.click(".uk-fgd-open")
    t.wait_for_selector(".uk-fgd-preview:has-text('Dibuka')", timeout=30_000)

    t.click(".uk-trainer-tabs .lm-TabBar-tab:has-text('Proyektor')")
    href = t.get_attribute(".uk-projector-fgd", "href")
    assert "kunci=" in href
    board = Page(browser, PROJECTOR)
    board.open(render(kit_server, href.removeprefix("./")))
    try:  # the board's kernel may still be starting when a full suite has loaded the laptop
        board.page.wait_for_selector(f".uk-board-q:has-text({QUESTION!r})", timeout=150_000)
    except Exception:
        board.page.screenshot(path=artifacts / "fgd-board-fail.png", full_page=True)
        raise
    assert "Jawab di HP" in board.text() or "diskusi" not in board.text()

    ani = phone_answers(browser, kit_server, "Ani Lestari", "Bendahara")
    ani.page.screenshot(path=artifacts / "fgd-hp-360.png", full_page=True)
    budi = phone_answers(browser, kit_server, "Wati Susanti", "Bergiliran")
    # The projector follows by itself: no click, no reload. Results stay hidden until revealed.
    board.page.wait_for_selector(".uk-board-n:has-text('2 jawaban masuk')", timeout=10_000)
    assert "Wati Susanti" not in board.text()
    t.click(".uk-trainer-tabs .lm-TabBar-tab:has-text('Diskusi (FGD)')")
    t.click(".uk-fgd-reveal")
    board.page.wait_for_selector(".uk-board-names:has-text('Wati Susanti')", timeout=10_000)
    assert_projector_layout(board, ".uk-board-label", ".uk-board-num")
    board.page.screenshot(path=artifacts / "fgd-proyektor-1280.png")
    assert_nothing_cut_off(board.page, "FGD board with the results", sizes=None)

    t.click(".uk-fgd-close")
    ani.page.wait_for_selector("text=sudah ditutup", timeout=10_000)
    board.page.wait_for_selector(".uk-board-status:has-text('Ditutup')", timeout=10_000)
    t.fill(".uk-fgd-outcome input", "Bendahara memegang uang kelompok")
    t.click(".uk-fgd-agree")
    board.page.wait_for_selector(".uk-board-agreed", timeout=10_000)
    t.click(".uk-fgd-export")
    t.wait_for_selector(".uk-fgd-xlsx", timeout=30_000)
    data = base64.b64decode(t.get_attribute(".uk-fgd-xlsx", "href").split(",", 1)[1])
    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(book["Jawaban"].iter_rows(values_only=True))
    assert {(r[2], r[3]) for r in rows[1:]} == {("Ani Lestari", "Bendahara"),
                                                ("Wati Susanti", "Bergiliran")}
    assert list(book["Ringkasan"].iter_rows(values_only=True))[1][7] == \
        "Bendahara memegang uang kelompok"
    t.screenshot(path=artifacts / "fgd-pelatih-1280.png", full_page=True)
    assert_nothing_cut_off(t, "trainer FGD panel after agreeing and exporting")
    assert_nothing_cut_off(board.page, "FGD board with the agreement", sizes=None)
    for p in (trainer, board, ani, budi):
        assert_clean(p)
        p.close()


def test_projector_views_at_1280(kit_server, browser, artifacts):
    with Store(kit_server.data_dir / "usaha_kita.sqlite3") as store:
        access.set_password(store, PASSWORD)
    trainer = trainer_signs_in(browser, kit_server)
    trainer.page.click(".uk-trainer-tabs .lm-TabBar-tab:has-text('Proyektor')")
    dash = trainer.page.get_attribute(".uk-projector-dasbor", "href").removeprefix("./")
    trainer.close()

    p = Page(browser, PROJECTOR)
    p.open(render(kit_server, dash))
    p.page.wait_for_selector(".uk-projector .uk-dash-presence", timeout=60_000)
    assert_projector_layout(p, ".uk-projector .uk-dash-presence p, .uk-projector .uk-dash h3")
    p.page.screenshot(path=artifacts / "proyektor-dasbor-1280.png")
    assert_nothing_cut_off(p.page, "projector dashboard", sizes=None)
    p.open(render(kit_server, "proyektor.ipynb?view=dasbor&kunci=000000000000000000000000"))
    p.page.wait_for_selector("text=dibuka dari halaman pelatih", timeout=60_000)
    assert p.page.locator(".uk-dash").count() == 0

    p.open(render(kit_server, "proyektor-bagi-hasil.ipynb"))
    try:
        p.page.wait_for_selector(".uk-bh-compare-out table", timeout=120_000)
    except Exception:
        p.page.screenshot(path=artifacts / "proyektor-bagi-hasil-fail.png", full_page=True)
        raise
    p.page.click(".uk-projector .lm-AccordionPanel-title, .uk-projector .p-Collapse-header,"
                 " .uk-projector .jupyter-widget-Collapse-header")
    p.page.select_option(".uk-bh-group select", label="Kelompok Konveksi Purna PMI")
    p.page.wait_for_selector(".uk-bh-compare-out:has-text('Konveksi')", timeout=30_000)
    table = p.page.locator(".uk-bh-compare-out table").first
    box = table.bounding_box()
    rows = table.locator("tr").count()
    assert rows >= 11, f"{rows} rows: the ten members and the header"
    assert box["height"] <= PROJECTOR["height"], f"ten members need {box['height']}px"
    assert_projector_layout(p, ".uk-bh-compare-out td", ".uk-projector-title")
    table.scroll_into_view_if_needed()
    p.page.evaluate("document.querySelector('.uk-bh-compare-out table').scrollIntoView()")
    p.page.screenshot(path=artifacts / "proyektor-bagi-hasil-1280.png")
    assert_nothing_cut_off(p.page, "projector sharing after choosing a group", sizes=None)

    p.open(render(kit_server, "proyektor-harga.ipynb"))
    p.page.wait_for_selector(".uk-ch-result table", timeout=120_000)
    assert_projector_layout(p, ".uk-ch-result td", ".uk-projector-title")
    p.page.screenshot(path=artifacts / "proyektor-harga-1280.png")
    assert_nothing_cut_off(p.page, "projector pricing", sizes=None)
    assert_clean(p)
    p.close()


def test_projector_views_at_1920(kit_server, browser, artifacts):
    """A full-HD projector: the board, the channel and the sharing comparison use its width."""
    from widgets.training import fgd_db, projector
    from widgets.training.fgd import Question

    with Store(kit_server.data_dir / "usaha_kita.sqlite3") as store:
        access.set_password(store, PASSWORD)
        qid = fgd_db.add_question(store, Question(
            "scale", "Jadwal piket kita sudah adil.", anonymous=True))
        fgd_db.set_state(store, qid, "open")
        fgd_db.reveal(store, qid)
        for name, score in (("Sudarto", 4), ("Joko Santoso", 2)):
            fgd_db.submit(store.sign_in(name, "2468"), qid, score)
        key = projector.projector_key(store)
    p = Page(browser, FULL_HD)
    p.open(render(kit_server, f"proyektor.ipynb?view=fgd&kunci={key}"))
    p.page.wait_for_selector(".uk-board-q:has-text('Jadwal piket')", timeout=150_000)
    assert_projector_layout(p, ".uk-board-status", ".uk-board-figure b", FULL_HD)
    p.page.screenshot(path=artifacts / "fgd-proyektor-1920.png")
    for page, ready, body in (("proyektor-harga.ipynb", ".uk-ch-result table", ".uk-ch-result td"),
                              ("proyektor-bagi-hasil.ipynb", ".uk-bh-compare-out table",
                               ".uk-bh-compare-out td")):
        p.open(render(kit_server, page))
        p.page.wait_for_selector(ready, timeout=180_000)
        assert_projector_layout(p, body, ".uk-projector-title", FULL_HD)
        assert p.page.eval_on_selector(ready, "e => e.getBoundingClientRect().width") >= 1200, (
            f"{page}: the table keeps to a narrow column on a wide screen")
    p.page.screenshot(path=artifacts / "proyektor-bagi-hasil-1920.png")
    assert_clean(p)
    p.close()

"""Lessons in steps (issue 14, item 1), in real Chromium against the real kit server.

A lesson shows one ``## `` section at a time (widgets/ui/steps.py, the ``uk-steps`` block of
the page template): "Langkah 3 dari N", a contents list, back and next, and an address per
step. Opening ``#langkah-3`` shows step 3; next moves to ``#langkah-4`` without a reload; a
reload stays there. Every step of every lesson fits in about 6 phone screens, signed in and
with the parts built on arrival built, and nothing on it is cut off or scrolls sideways.
"""

from __future__ import annotations

import pytest
from browser_checks import assert_nothing_cut_off
from test_browser import PHONE, PROJECTOR, WELCOME, Page, assert_clean, show_step_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CASHBOOK = "/voila/render/02-buku-kas.ipynb"
LESSONS = ("01-komunikasi-kelompok", "02-buku-kas", "03-harga", "04-bagi-hasil",
           "05-promosi-media-sosial", "06-marketplace-dan-mitra")
# The "about 6 phone screens": a step ends at a natural break, not at a ruler mark.
MOST_SCREENS = 6.5

SHOWN = """() => [...document.querySelectorAll('#rendered_cells [cell-index]')]
    .filter(unit => unit.getClientRects().length).map(unit => unit.getAttribute('cell-index'))"""
# A step's heading is a notebook's "## ", also one in a village paragraph (a story cell).
SHOWN_HEADINGS = """() => [...document.querySelectorAll('#rendered_cells .jp-MarkdownCell h2')]
    .filter(h => h.getClientRects().length).map(h => h.textContent.trim())"""


def wait_for_steps(page) -> int:
    page.wait_for_function("window.ukSteps && window.ukSteps.count() > 0", timeout=90_000)
    return page.evaluate("window.ukSteps.count()")


def counter(page) -> str:
    return page.inner_text(".uk-steps-count")


def test_a_step_has_its_own_address_and_a_reload_stays_there(kit_server, browser, artifacts):
    p = Page(browser, PHONE)
    p.open(kit_server.url + CASHBOOK + "#langkah-3")
    total = wait_for_steps(p.page)
    assert total >= 9
    assert counter(p.page) == f"Langkah 3 dari {total}"
    third = p.page.evaluate(SHOWN_HEADINGS)
    assert len(third) == 1, f"one section on a step, not {third}"
    assert "Contoh" in third[0]
    assert not p.page.locator("h1").first.is_visible(), "the opening belongs to step 1"
    shown = p.page.evaluate(SHOWN)
    every = p.page.locator("#rendered_cells [cell-index]").count()
    assert 0 < len(shown) < every / 2, "the other steps are hidden"
    p.page.screenshot(path=artifacts / "steps-langkah-3-360.png", full_page=True)
    assert_nothing_cut_off(p.page, "lesson 2, step 3")

    p.page.evaluate("window.ukBeforeNext = true")
    p.page.click(".uk-step-next")
    p.page.wait_for_function("location.hash === '#langkah-4'")
    assert counter(p.page) == f"Langkah 4 dari {total}"
    assert p.page.evaluate("window.ukBeforeNext === true"), "next reloaded the page"
    assert p.page.evaluate(SHOWN_HEADINGS) != third
    assert p.page.evaluate("window.scrollY") == 0, "a new step starts at its top"

    p.page.reload()
    p.page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
    wait_for_steps(p.page)
    assert p.page.url.endswith("#langkah-4")
    assert counter(p.page) == f"Langkah 4 dari {total}"

    p.page.click(".uk-step-prev")
    p.page.wait_for_function("location.hash === '#langkah-3'")
    p.page.click(".uk-steps-contents summary")  # the contents list: tap a step to go there
    p.page.click(".uk-steps-contents li:nth-child(1) a")
    p.page.wait_for_function("location.hash === '#langkah-1'")
    assert p.page.locator("h1").first.is_visible()
    assert not p.page.locator(".uk-step-prev").is_visible()
    p.page.click(".uk-steps-contents summary")
    p.page.click(f".uk-steps-contents li:nth-child({total}) a")
    p.page.wait_for_function(f"location.hash === '#langkah-{total}'")
    assert not p.page.locator(".uk-step-next").is_visible()
    assert "00-beranda.ipynb" in p.page.get_attribute(".uk-step-home", "href")
    for name, size in (("360", PHONE), ("1280", PROJECTOR)):
        p.page.set_viewport_size(size)
        p.page.screenshot(path=artifacts / f"steps-last-{name}.png", full_page=True)
        assert_nothing_cut_off(p.page, f"lesson 2, last step at {name}")
    assert_clean(p)
    p.close()


def test_the_trainer_sends_an_open_page_to_a_step(kit_server, browser):
    """A page already open follows a new address (the trainer's link opened on it)."""
    p = Page(browser, PHONE)
    p.open(kit_server.url + CASHBOOK, whole=False)
    total = wait_for_steps(p.page)
    assert counter(p.page) == f"Langkah 1 dari {total}"
    p.page.evaluate("location.hash = '#langkah-6'")
    p.page.wait_for_function("document.querySelector('.uk-steps-count').textContent"
                             f" === 'Langkah 6 dari {total}'")
    p.page.evaluate(f"location.hash = '#langkah-{total + 5}'")  # too far: the last step
    p.page.wait_for_function(f"location.hash === '#langkah-{total}'")
    p.close()


def test_the_whole_lesson_on_one_page(kit_server, browser):
    """``#semua`` (the contents list's last line) shows every step at once; a step chosen from
    the list shows that step alone again."""
    p = Page(browser, PHONE)
    p.open(kit_server.url + CASHBOOK + "#semua")
    total = wait_for_steps(p.page)
    p.page.wait_for_function("document.querySelector('.uk-steps-count').textContent"
                             " === 'Semua langkah'")
    assert p.page.locator(".uk-step-hidden").count() == 0
    assert not p.page.locator(".uk-step-next").is_visible()
    p.page.click(".uk-steps-contents summary")
    p.page.click(".uk-steps-contents li:nth-child(3) a")
    p.page.wait_for_function("location.hash === '#langkah-3'")
    assert counter(p.page) == f"Langkah 3 dari {total}"
    assert p.page.locator(".uk-step-hidden").count() > 0
    p.page.click(".uk-steps-contents summary")
    p.page.click(".uk-steps-all a")
    p.page.wait_for_function("location.hash === '#semua'")
    assert p.page.locator(".uk-step-hidden").count() == 0
    p.close()


def _build_later_parts(page) -> None:
    """Wait for the parts of the shown step that are built on arrival (the page's script)."""
    page.wait_for_function("""() => ![...document.querySelectorAll('button.uk-later-open')]
        .some(b => b.getClientRects().length)""", timeout=90_000)


def test_every_step_of_every_lesson_fits_about_six_screens(kit_server, browser, artifacts):
    p = Page(browser, PHONE)  # one phone: its sign-in is carried from lesson to lesson
    heights: dict[str, list[int]] = {}
    signed_in = False
    for lesson in LESSONS:
        p.open(f"{kit_server.url}/voila/render/{lesson}.ipynb", whole=False)
        total = wait_for_steps(p.page)
        p.page.wait_for_selector(".uk-signin-name input", state="attached", timeout=90_000)
        show_step_of(p.page, ".uk-signin-name")
        if not signed_in:
            p.page.fill(".uk-signin-name input", "Peserta Langkah")
            p.page.fill(".uk-signin-pin input", "2580")
            p.page.click(".uk-signin-submit")
            signed_in = True
        p.page.wait_for_selector(WELCOME, timeout=60_000)
        heights[lesson] = []
        for step in range(1, total + 1):
            p.page.evaluate(f"window.ukSteps.show({step}); window.scrollTo(0, 0)")
            _build_later_parts(p.page)
            p.page.wait_for_timeout(300)
            height = p.page.evaluate("document.documentElement.scrollHeight")
            width = p.page.evaluate("document.documentElement.scrollWidth")
            heights[lesson].append(height)
            assert width <= PHONE["width"], f"{lesson} step {step} scrolls sideways: {width}px"
            assert_nothing_cut_off(p.page, f"{lesson} step {step}")
            if step in (1, total):
                p.page.screenshot(path=artifacts / f"steps-{lesson}-{step}-360.png",
                                  full_page=True)
        assert_clean(p)
    for lesson, found in heights.items():
        print(lesson, " ".join(f"{h / PHONE['height']:.2f}" for h in found), "screens")
    too_long = {f"{lesson} step {i}": h for lesson, found in heights.items()
                for i, h in enumerate(found, 1) if h > MOST_SCREENS * PHONE["height"]}
    assert too_long == {}, f"steps longer than {MOST_SCREENS} phone screens: {too_long}"
    p.close()

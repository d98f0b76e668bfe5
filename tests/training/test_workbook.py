"""The participant workbook on paper (training.workbook): every exercise's page, with the
village's own stories and figures read from the data, escaped, and printed on A4 by Chromium."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from widgets.cashbook.data import load_cashbook
from widgets.core.i18n import format_date
from widgets.core.money import format_rupiah
from widgets.core.village import load_village
from widgets.group.data import load_group_lesson
from widgets.pricing.data import load_pricing
from widgets.promotion.data import load_promotion
from widgets.sharing.data import load_sharing
from widgets.sharing.examples import goat_sale
from widgets.training.workbook import SECTIONS, workbook_html, write

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "workbook"


def sections(html: str) -> dict[str, str]:
    """Each page's text (tags dropped, entities read), by its ``data-section``."""
    found = re.findall(r'<section class="wb-page" data-section="([\w-]+)">(.*?)</section>', html,
                       re.S)
    return {key: unescape(re.sub(r"<[^>]+>", " ", body)) for key, body in found}


def plain(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def jepara():
    village = load_village("jepara")
    return village, sections(workbook_html(village))


def test_every_exercise_has_its_page(jepara):
    _village, pages = jepara
    assert tuple(pages) == SECTIONS


def test_the_cash_book_page_carries_the_week_from_the_data(jepara):
    village, pages = jepara
    week = load_cashbook(village).exercise_week()
    page = plain(pages["cashbook"])
    assert plain(week.story_text()) in page and week.title_text() in page
    assert format_rupiah(week.opening_balance) in page
    html = workbook_html(village)
    blank = re.search(r'data-section="cashbook">.*?</section>', html, re.S).group(0)
    assert blank.count("wb-write") >= 5 * len(week.entries), "a blank row per entry at least"


def test_the_cost_sheet_lists_the_exercise_materials(jepara):
    village, pages = jepara
    sheet = load_pricing(village).cost_exercise.sheet
    page = plain(pages["cost"])
    for material in sheet.materials:
        assert material.name in page and format_rupiah(material.unit_price) in page
    assert f"{sheet.batch_units} " in page and format_rupiah(sheet.labour.per_hour) in page


def test_the_sharing_sheet_has_each_member_days_and_the_sale(jepara):
    village, pages = jepara
    sale = goat_sale(village)
    days = load_sharing(village).feed_days("kambing", until=sale.day)
    page = plain(pages["sharing"])
    assert format_rupiah(sale.price) in page and format_date(sale.day) in page
    for member in village.group("kambing").members:
        assert re.search(rf"{re.escape(member.name)} {days[member.id]}\b", page), member.name
    assert f" {sum(days.values())} " in page


def test_the_post_template_lists_products_tags_and_the_goat_rule(jepara):
    village, pages = jepara
    page = plain(pages["post"])
    for group in village.groups.values():
        for product in group.products:
            assert f"{product.name} ({format_rupiah(product.price)})" in page
    assert all(tag in page for tag in load_promotion(village).hashtags)
    assert "hewan hidup" in page.lower()


def test_the_roster_page_has_the_example_days_and_members(jepara):
    village, pages = jepara
    example = load_group_lesson(village).roster_example
    page = plain(pages["roster"])
    assert format_date(example.start) in page and format_date(example.end) in page
    assert all(m.name in page for m in village.group(example.group).members)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_another_village_folder_gives_another_workbook_and_text_is_escaped(copy):
    _edit(copy / "latihan_minggu.yaml", "opening_balance: 850000", "opening_balance: 975000")
    _edit(copy / "latihan_minggu.yaml", "Bu Sari adalah bendahara",
          "<script>alert(1)</script> Bu Sari adalah bendahara")
    _edit(copy / "kelompok.yaml", "start: 2019-09-02", "start: 2019-10-07")
    _edit(copy / "kambing_peristiwa.csv", "15600000", "15900000")
    html = workbook_html(load_village("jepara", root=copy.parent))
    pages = sections(html)
    assert "Saldo awal Rp975.000" in plain(pages["cashbook"])  # the opening row reads the data
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "7 Oktober 2019" in pages["roster"]
    assert "Rp15.900.000" in pages["sharing"]


def test_make_workbook_writes_the_file(tmp_path):
    path = write(tmp_path / "out")
    assert path.name == "buku-kerja-jepara.html" and "<!DOCTYPE html>" in path.read_text()
    run = subprocess.run([sys.executable, "-m", "widgets.training.workbook", str(tmp_path / "cli")],
                         capture_output=True, text=True, timeout=120, cwd=ROOT, check=True)
    assert (tmp_path / "cli" / "buku-kerja-jepara.html").exists() and "Chromium" in run.stdout


@pytest.mark.browser
def test_chromium_prints_the_workbook_on_a4(browser):
    html = workbook_html(load_village("jepara"))
    sheet = browser.new_page(viewport={"width": 794, "height": 1123})
    sheet.set_content(html)
    sheet.emulate_media(media="print")
    pdf = sheet.pdf(format="A4", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert len(SECTIONS) <= pages <= len(SECTIONS) + 2, pages
    SHOTS.mkdir(parents=True, exist_ok=True)
    for i, key in enumerate(SECTIONS):
        section = sheet.locator("section.wb-page").nth(i)
        box = section.bounding_box()
        assert box["width"] <= 794 and box["height"] > 100, key
        section.screenshot(path=str(SHOTS / f"{i + 1}-{key}.png"))
    # nothing wider than the page: every table fits the A4 width
    wide = sheet.evaluate("""() => [...document.querySelectorAll('table')]
        .filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).length""")
    assert wide == 0
    sheet.close()


def test_the_trainer_page_offers_the_workbook(store, fresh_page):
    import base64

    from widgets.training.items import load_form
    from widgets.training.ui.trainer_tabs import more_tabs
    from widgets.training.ui.workbook import WorkbookView

    tabs = dict(more_tabs(store, load_form(), None))
    [view] = [c for tab in tabs.values() for c in getattr(tab, "children", ())
              if isinstance(c, WorkbookView)]
    tabs_with = [name for name, tab in tabs.items() if view in getattr(tab, "children", ())]
    assert tabs_with == ["Daftar hadir"]
    view.make.click()
    assert "uk-workbook-html" in view.links.value and 'download="buku-kerja-jepara.html"' in (
        view.links.value)
    href = re.search(r'href="data:text/html;charset=utf-8;base64,([^"]+)"',
                     view.links.value).group(1)
    assert sections(base64.b64decode(href).decode("utf-8")).keys() == set(SECTIONS)
    assert str(len(SECTIONS)) in view.status.value and "<iframe" in view.preview.value

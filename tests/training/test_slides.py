"""The lecture decks in slides/: their shape (10-20 slides, notes before fragments, tiny code
cells, no village figure typed in), their figures following the village data, and Chromium
opening every deck live (through the kit server) and static (make slides), offline."""

from __future__ import annotations

import json
import re
import shutil
import time
from html import escape
from pathlib import Path
from urllib.parse import urlparse

import pytest

from widgets.core import village as village_mod
from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.village import load_village
from widgets.training import assets, figures, group_figures, slides
from widgets.training.build import decks

ROOT = Path(__file__).resolve().parents[2]
SLIDES = ROOT / "slides"
DECKS = [p.stem for p in decks()]
TEMPLATES = [ROOT / "share/jupyter/voila/templates/usaha-reveal",
             ROOT / "share/jupyter/nbconvert/templates/usaha-slides"]


def _cells(deck: str) -> list[dict]:
    return json.loads((SLIDES / f"{deck}.ipynb").read_text(encoding="utf-8"))["cells"]


def _kind(cell: dict) -> str:
    return cell["metadata"].get("slideshow", {}).get("slide_type", "-")


def _slides(deck: str) -> list[list[dict]]:
    found: list[list[dict]] = []
    for cell in _cells(deck):
        if _kind(cell) in ("slide", "subslide") or not found:
            found.append([])
        found[-1].append(cell)
    return found


# --- The decks as notebooks ---------------------------------------------------------------


def test_there_is_an_opening_deck_a_deck_per_lesson_and_a_closing_deck():
    from widgets.kit.lessons import load_lessons

    assert DECKS[0] == "00-pembukaan" and DECKS[-1] == "07-penutup"
    # One deck per lesson of lessons/lessons.yaml, numbered as the lesson is.
    lessons = load_lessons()
    assert sorted(d[:2] for d in DECKS[1:-1]) == sorted(les.file[:2] for les in lessons)
    assert "01-komunikasi-kelompok" in DECKS


def test_the_opening_and_closing_decks_start_with_the_first_lesson():
    from widgets.kit.lessons import load_lessons

    first = load_lessons()[0].text("title").split(":")[0]
    [opening] = [c for c in _cells("00-pembukaan") if "Mari mulai" in "".join(c["source"])]
    assert f"Pelajaran 1: {first}" in "".join(opening["source"])
    closing = ["".join(c["source"]) for c in _cells("07-penutup")]
    lessons = [text.splitlines()[0] for text in closing if text.startswith("## ")]
    assert lessons[0] == "## Komunikasi Kelompok" and lessons[1] == "## Buku Kas"


@pytest.mark.parametrize("deck", DECKS)
def test_a_deck_has_10_to_20_slides_each_with_notes_before_its_first_fragment(deck):
    meta = json.loads((SLIDES / f"{deck}.ipynb").read_text(encoding="utf-8"))["metadata"]
    assert meta["voila"]["template"] == "usaha-reveal"
    found = _slides(deck)
    assert 10 <= len(found) <= 20, len(found)
    for number, cells in enumerate(found, start=1):
        kinds = [_kind(c) for c in cells]
        assert "notes" in kinds, f"{deck} slide {number} has no notes"
        if "fragment" in kinds:
            assert kinds.index("notes") < kinds.index("fragment"), (
                f"{deck} slide {number}: reveal hides notes placed after a fragment")


@pytest.mark.parametrize("deck", DECKS)
def test_deck_code_is_tiny_and_no_village_figure_is_typed_in(deck):
    village = load_village()
    names = {village.name, *(g.name for g in village.groups.values())}
    names |= {p.name for g in village.groups.values() for p in g.products}
    names |= {m.name for m in village.members()}
    for cell in _cells(deck):
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            assert len(source.splitlines()) <= 4, source
            assert not cell.get("outputs")
        # Lines with `150rb`-style examples teach how to write amounts; no other amount.
        prose = "\n".join(line for line in source.splitlines() if "`" not in line)
        assert not re.search(r"Rp\s?\d", prose), f"{deck}: an amount typed into the deck"
        typed = [n for n in names if n in source]
        assert not typed, f"{deck}: village data typed into the deck: {typed}"


def test_the_deck_templates_load_nothing_from_the_internet():
    files = [p for folder in TEMPLATES for p in folder.rglob("*") if p.is_file()]
    assert len(files) >= 5
    online = [f"{p.name}: {m}" for p in files
              for m in re.findall(r"(?:https?:)?//[A-Za-z0-9.-]+\.[a-z]{2,}", p.read_text())]
    assert not online, online


def test_reveal_and_jquery_come_from_installed_packages(tmp_path):
    assert "5.2" in (assets.revealjs_dir() / "dist" / "reveal.js").read_text()[:200]
    assets.copy_assets(tmp_path)
    for part in ("reveal.js/dist/reveal.js", "reveal.js/dist/reveal.css",
                 "reveal.js/dist/theme/white-contrast.css", "reveal.js/plugin/notes/notes.js",
                 "jquery/jquery.min.js"):
        assert (tmp_path / part).is_file(), part


# --- The figures follow the village ---------------------------------------------------------


@pytest.fixture
def other_village(tmp_path, monkeypatch):
    """A copy of the kit's village with another name, product and price."""
    from widgets.pricing import data as pricing_data

    folder = tmp_path / "desa-lain"
    shutil.copytree(village_mod.DATASETS_DIR / "jepara", folder)
    profile = folder / "profile.yaml"
    text = profile.read_text(encoding="utf-8").replace("village: Jepara", "village: Sukamaju")
    text = text.replace("name: Keset bulat kain perca, unit: buah, price: 15000",
                        "name: Kopi bubuk robusta, unit: bungkus, price: 27000")
    profile.write_text(text, encoding="utf-8")
    monkeypatch.setattr(village_mod, "DATASETS_DIR", tmp_path)
    monkeypatch.setenv(village_mod.ENV_VILLAGE, "desa-lain")
    village_mod.clear_cache()
    pricing_data.clear_cache()
    yield
    village_mod.clear_cache()
    pricing_data.clear_cache()


def test_another_villages_deck_shows_its_own_products(other_village):
    assert "Desa Sukamaju" in slides.title_html("Pelajaran 2")
    cost = figures.cost_html()
    assert "Kopi bubuk robusta" in cost and "Rp27.000" in cost and "Keset bulat" not in cost
    assert "Kopi bubuk robusta" in figures.channels_html() and "Rp27.000" in figures.channels_html()
    assert "Kopi bubuk robusta" in slides.groups_html()


def test_the_sharing_figure_adds_up_and_feeds_the_comparison():
    case = figures.sharing_case()
    assert sum(case.equal.values()) == case.total == sum(case.by_work.values())
    inputs = figures.sharing_inputs()
    assert inputs.total == case.total and len(inputs.members) == len(case.equal)


def test_the_static_comparison_is_its_own_table_and_every_column_adds_up():
    from widgets.sharing.comparison import compare_rules, compared_rules

    case = figures.sharing_case()
    html = figures.sharing_compare_html()
    # Not the slide before it again: every compared method, the fund's share set aside.
    assert html != figures.sharing_html() and html.count("<table") == 1
    table, skipped = compare_rules(case.total, case.members, compared_rules({}, case.unit))
    assert skipped == [] and len(table.distributions) == 5
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert heads == ["Anggota", *map(escape, table.distributions)]
    body = re.findall(r"<tr>(.*?)</tr>", html)[1:]
    assert len(body) == len(case.members) + 1  # each member, then what the fund keeps
    columns = list(zip(*(re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in body),
                       strict=True))
    assert list(columns[0][:-1]) == [escape(m.name) for m in case.members]
    for column in columns[1:]:
        amounts = [int(c.removeprefix("Rp").replace(".", "")) for c in column if c != "–"]
        assert sum(amounts) == case.total, column
    assert format_rupiah(table.rows[0].shares["Menurut modal"]) == columns[3][0]
    assert "bisa dicoba langsung" in html and "karangan" in html


@pytest.fixture
def other_groups(tmp_path, monkeypatch):
    """A copy of the kit's village whose chair, member counts and report fact differ."""
    folder = tmp_path / "desa-lain"
    shutil.copytree(village_mod.DATASETS_DIR / "jepara", folder)
    profile = folder / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    for old, new in (("name: Endang Susilowati", "name: Rukmini Hartati"),
                     ("members_now: 10", "members_now: 7"),
                     ("kini tinggal 10.", "kini tinggal 7."),
                     ("source: wawancara ketua kelompok konveksi, 14 Desember 2019",
                      "source: wawancara ketua, 3 Maret 2021")):
        assert old in text, old
        text = text.replace(old, new)
    profile.write_text(text, encoding="utf-8")
    monkeypatch.setattr(village_mod, "DATASETS_DIR", tmp_path)
    monkeypatch.setenv(village_mod.ENV_VILLAGE, "desa-lain")
    village_mod.clear_cache()
    yield
    village_mod.clear_cache()


def test_the_group_deck_shows_another_villages_roles_and_facts(other_groups):
    roles = group_figures.roles_html()
    assert "Rukmini Hartati" in roles and "Endang Susilowati" not in roles
    leaving = group_figures.leaving_html()
    assert "20 anggota → tinggal 7" in leaving and "3 Maret 2021" in leaving
    assert "wawancara ketua, 3 Maret 2021" in group_figures.facts_html()


def test_every_report_fact_on_the_slides_carries_its_source():
    from widgets.group.data import load_group_lesson

    html = group_figures.facts_html()
    habits = load_group_lesson().habits
    facts = [f for h in habits.values() for f in h.facts]
    assert len(facts) >= 3
    for fact in facts:
        assert escape(fact.text) in html and escape(fact.source) in html
    assert html.count("karangan untuk latihan") == sum(h.invented for h in habits.values())


def test_the_money_report_on_the_slide_adds_up():
    from widgets.cashbook.data import load_cashbook
    from widgets.core.money import format_rupiah
    from widgets.group.report import month_report, months

    village = load_village()
    key = group_figures.money_group()
    entries = load_cashbook(village).book(key)
    report = month_report(entries, *months(entries)[-1],
                          opening=village.group(key).opening_balance)
    assert report.opening + report.totals.total_in - report.totals.total_out == report.closing
    html = group_figures.money_html()
    for amount in (report.opening, report.totals.total_in, report.totals.total_out,
                   report.closing):
        assert format_rupiah(amount) in html
    assert report.label in html


def test_the_roster_on_the_slide_is_fair_and_respects_the_days_away():
    roster = group_figures.example_roster()
    plan = roster.plan
    for day in plan.days:
        assert len(roster.duty[day]) == plan.per_day
        assert all(plan.free(member, day) for member in roster.duty[day])
    counts = roster.counts()
    assert max(counts.values()) - min(counts.values()) <= 1
    html = group_figures.roster_html()
    assert all(escape(name) in html for name in plan.members)
    # Two tables of days and one of turns, each with its header row.
    assert html.count("<tr>") == len(plan.days) + len(plan.members) + 3


def test_the_roster_maker_on_a_slide_makes_a_roster_and_names_a_wrong_field(fresh_page):
    from widgets.core.i18n import t
    from widgets.group.ui.roster_slide import roster_maker

    slide = roster_maker()
    view = slide._deck_view
    [status] = _find(slide, "uk-deck-roster-status")
    [result] = _find(slide, "uk-deck-roster")
    assert "Buat jadwal" in result.value and "<table" not in result.value
    view.make.click()
    roster = view.roster
    assert roster is not None and "<table" in result.value
    assert all(escape(", ".join(roster.duty[day])) in result.value for day in roster.plan.days)
    assert status.value == ""  # nobody signs in on a slide: no "sign in to save" there
    view.form.per_day.control.value = "3 orang"
    view.make.click()
    assert t("groupview.fix_fields") in status.value
    assert view.form.per_day.message.value  # the message is under the field
    view.form.per_day.control.value = "3"
    view.make.click()
    assert all(len(people) == 3 for people in view.roster.duty.values())
    assert result.value.count("</tr>") == len(view.roster.plan.days) + 1


def _texts(widget) -> str:
    own = getattr(widget, "value", "")
    return (own if isinstance(own, str) else "") + "".join(
        _texts(c) for c in getattr(widget, "children", ()))


def test_the_live_slides_carry_a_title_and_no_word_of_a_calculator_above(fresh_page):
    from widgets.pricing.data import load_pricing
    from widgets.pricing.ui.lesson import price_calculator
    from widgets.sharing.ui.lesson import ComparisonView
    from widgets.sharing.ui.lesson_projector import slide_comparison
    from widgets.training.ui.deck import live

    product = load_pricing().product(figures.main_product()).name
    price = live(lambda: price_calculator(figures.main_product()), figures.price_html,
                 figures.price_live_title())
    [heading, body] = price.children
    assert f"harga {escape(product)}" in heading.value and "<h2" in heading.value
    assert "uk-live" in body._dom_classes and _find(body, "uk-pc-to-price")
    share = live(lambda: slide_comparison(figures.sharing_inputs()),
                 figures.sharing_compare_html, figures.sharing_live_title())
    text = _texts(share)
    assert "bandingkan cara membagi" in text and "kalkulator di atas" not in text
    assert escape(figures.sharing_case().name) in text  # the comparison names the group
    # Without a title the slide is the widget alone, as before.
    assert "uk-live" in live(lambda: ComparisonView(), figures.sharing_html)._dom_classes


def test_a_static_deck_never_makes_the_widget(monkeypatch):
    from widgets.training.ui.deck import live

    monkeypatch.setenv(slides.STATIC_ENV, "static")
    built = []
    assert live(lambda: built.append(1), figures.price_html, figures.price_live_title()) is None
    assert built == []  # no widget (and no kernel) in a deck opened from a USB stick


def _find(widget, css: str) -> list:
    found = [widget] if css in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += _find(child, css)
    return found


def test_the_join_slide_shows_an_address_and_its_qr_code(monkeypatch):
    monkeypatch.setattr("widgets.kit.server.lan_addresses", lambda: ["172.17.0.1", "10.42.0.1"])
    monkeypatch.setenv("SERVER_PORT", "8870")
    monkeypatch.setenv(slides.HOTSPOT_ENV, "Pelatihan-UK")
    html = slides.join_html()
    assert "http://10.42.0.1:8870/" in html  # the hotspot's address, not docker's
    assert "Pelatihan-UK" in html and "data:image/svg+xml;base64," in html
    monkeypatch.setattr("widgets.kit.server.lan_addresses", lambda: [])
    assert slides.join_address() is None
    assert "Hotspot belum menyala" in slides.join_html()


def test_the_agenda_fits_every_lesson_into_two_days():
    days = slides.agenda_days()
    assert len(days) == 2 and all(days)
    from widgets.kit.lessons import load_lessons

    assert sum(len(d) for d in days) == len(load_lessons())


# --- In Chromium ----------------------------------------------------------------------------

POSITION = """() => { const s = [...document.querySelectorAll('.reveal .slides > section')];
  return [s.findIndex(x => x.classList.contains('present')), s.length]; }"""


def _offline(page, allowed_schemes: tuple[str, ...] = ()) -> list[str]:
    """Refuse every request that leaves 127.0.0.1 (or the given schemes); return them."""
    refused: list[str] = []

    def route(r):
        url = urlparse(r.request.url)
        if url.hostname == "127.0.0.1" or url.scheme in allowed_schemes:
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda req: refused.append(req.url) if urlparse(req.url).scheme not in (
        "http", "https", "data", "blob", "about", *allowed_schemes) else None)
    return refused


def _page_through(page, pause: float = 0.15) -> tuple[int, int]:
    """Press → until the last slide; (last index reached, number of slides)."""
    page.wait_for_selector(".reveal.ready", timeout=120_000)
    index, count = page.evaluate(POSITION)
    for _ in range(count * 8):
        if index == count - 1:
            break
        page.keyboard.press("ArrowRight")
        time.sleep(pause)
        index, count = page.evaluate(POSITION)
    return index, count


def _go_to(page, selector: str, pause: float = 0.3) -> None:
    for _ in range(60):
        if page.locator(f".reveal .slides > section.present {selector}").count():
            return
        page.keyboard.press("ArrowRight")
        time.sleep(pause)
    raise AssertionError(f"no slide with {selector}")


def _open_live(kit_server, browser, deck: str, slide: str):
    """A projector-sized page on the kit's live deck, moved on to the slide holding ``slide``;
    with the list of requests refused for leaving the laptop."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    refused = _offline(page)
    page.goto(kit_server.deck_url(deck))
    page.wait_for_selector(".reveal.ready", timeout=120_000)
    _go_to(page, slide)
    return page, refused


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("deck", DECKS)
def test_live_deck_opens_offline_and_pages_to_its_last_slide(kit_server, browser, deck):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    refused = _offline(page)
    page.goto(kit_server.deck_url(deck))
    last, count = _page_through(page)
    assert 10 <= count <= 20 and last == count - 1
    assert refused == []
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_live_price_calculator_on_a_slide_answers_a_click(kit_server, browser, artifacts):
    from widgets.core.money import format_rupiah
    from widgets.pricing.costing import price_for_margin, unit_cost
    from widgets.pricing.data import load_pricing

    cost = unit_cost(load_pricing().sheets[figures.main_product()]).total
    page, refused = _open_live(kit_server, browser, "03-harga", ".uk-pc-to-price")
    page.locator("section.present .uk-pc-margin input").fill("50")
    page.locator("section.present .uk-pc-to-price").click()
    result = page.locator("section.present .uk-pc-result")
    result.get_by_text(format_rupiah(price_for_margin(cost, 5000))).first.wait_for(
        timeout=20_000)
    page.screenshot(path=str(artifacts / "slides-live-price.png"))
    # Notes under the slide: S shows them (no speaker-view window, whose frames would hang).
    with _no_popup(page):
        page.keyboard.press("s")
    panel = page.locator("#uk-notes-panel")
    assert panel.is_visible() and "Kalkulator hidup" in panel.inner_text()
    assert refused == []
    page.close()


class _no_popup:
    """Fails when the block opens a new window."""

    def __init__(self, page) -> None:
        self.page, self.opened = page, []

    def __enter__(self):
        self.page.context.on("page", lambda p: self.opened.append(p))
        return self

    def __exit__(self, *exc) -> None:
        time.sleep(1)
        assert not self.opened, "a window opened"


@pytest.mark.browser
@pytest.mark.slow
def test_live_sharing_comparison_on_a_slide_answers_a_click(kit_server, browser):
    page, refused = _open_live(kit_server, browser, "04-bagi-hasil", ".uk-bh-compare-out")
    out = page.locator("section.present .uk-bh-compare-out")
    out.get_by_text("Menurut modal").first.wait_for(timeout=20_000)
    page.locator("section.present .uk-bh-pick-capital input").click()
    page.wait_for_function(
        "() => !document.querySelector('section.present .uk-bh-compare-out')"
        ".innerText.includes('Menurut modal')", timeout=20_000)
    assert refused == []
    page.close()


# Every row of the comparison against the live box, the slide and the window; how much higher
# the live box may grow (its max-height) before it scrolls, in CSS pixels (the deck is scaled).
FIT = """() => { const s = document.querySelector('.reveal .slides > section.present');
  const live = s.querySelector('.uk-live'), box = r => r.getBoundingClientRect();
  const rows = [...s.querySelectorAll('.uk-bh-compare-table tr')].map(r => {
    const b = box(r); return {top: b.top, bottom: b.bottom, left: b.left, right: b.right,
                              member: !r.closest('thead') && !r.classList.contains('uk-bh-aside'),
                              cells: r.children.length}; });
  const scale = box(live).height / live.offsetHeight;
  return {rows, live: box(live), slide: box(s), width: innerWidth, height: innerHeight, scale,
          scrolls: live.scrollHeight > live.clientHeight + 1,
          spare: parseFloat(getComputedStyle(live).maxHeight) - live.scrollHeight,
          heads: [...s.querySelectorAll('.uk-bh-compare-table th')].map(h => h.innerText)}; }"""


def _all_rows_in_view(fit: dict) -> None:
    """Each row of the table inside the live box, the slide and the window; nothing scrolls."""
    assert not fit["scrolls"], "the live comparison scrolls inside the slide"
    for row in fit["rows"]:
        for box in (fit["live"], fit["slide"], {"top": 0, "left": 0, "bottom": fit["height"],
                                                "right": fit["width"]}):
            assert box["top"] - 1 <= row["top"] and row["bottom"] <= box["bottom"] + 1, row
            assert box["left"] - 1 <= row["left"] and row["right"] <= box["right"] + 1, row


@pytest.mark.browser
@pytest.mark.slow
def test_live_sharing_comparison_fits_the_projector_slide_unscrolled(kit_server, browser,
                                                                      artifacts):
    members = len(figures.sharing_inputs().members)
    assert members == 8  # the goat group
    page, refused = _open_live(kit_server, browser, "04-bagi-hasil", ".uk-bh-compare-out")
    page.locator("section.present .uk-bh-compare-table tbody tr").nth(members - 1).wait_for(
        timeout=30_000)
    time.sleep(0.5)  # reveal re-centres the slide once the widget has its height
    fit = page.evaluate(FIT)
    assert sum(r["member"] for r in fit["rows"]) == members
    _all_rows_in_view(fit)
    assert "uk-bh-summary" not in page.locator("section.present .uk-live").inner_html()
    # Room for a group of ten: two more member rows before the live box would scroll.
    height = max(r["bottom"] - r["top"] for r in fit["rows"] if r["member"]) / fit["scale"]
    assert fit["spare"] >= 2 * height, (fit["spare"], height)
    page.screenshot(path=str(artifacts / "slides-live-sharing-fit.png"))
    # Still live: untick a method and its column leaves the table, which still fits.
    assert "Menurut modal" in fit["heads"]
    page.locator("section.present .uk-bh-pick-capital input").click()
    page.wait_for_function(
        "() => ![...document.querySelectorAll('section.present .uk-bh-compare-table th')]"
        ".some(h => h.innerText.includes('Menurut modal'))", timeout=20_000)
    time.sleep(0.5)
    after = page.evaluate(FIT)
    assert len(after["heads"]) == len(fit["heads"]) - 1
    assert {r["cells"] for r in after["rows"]} == {len(fit["heads"]) - 1}
    assert sum(r["member"] for r in after["rows"]) == members
    _all_rows_in_view(after)
    assert refused == []
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_live_roster_maker_on_a_slide_answers_a_click(kit_server, browser, artifacts):
    from widgets.group.roster import make_plan, make_roster

    plan = group_figures.example_roster().plan
    three = make_roster(make_plan(plan.members, plan.start, plan.end, 3, plan.away))
    page, refused = _open_live(kit_server, browser, "01-komunikasi-kelompok", ".uk-g-roster-make")
    page.locator("section.present .uk-g-roster-per-day input").fill("3")
    page.locator("section.present .uk-g-roster-make").click()
    first = ", ".join(three.duty[plan.start])
    page.locator("section.present .uk-deck-roster").get_by_text(first).wait_for(timeout=20_000)
    assert page.locator("section.present .uk-deck-roster tr").count() == len(plan.days) + 1
    page.screenshot(path=str(artifacts / "slides-live-roster.png"))
    assert refused == []
    page.close()


@pytest.fixture(scope="module")
def static_decks(tmp_path_factory) -> Path:
    from widgets.training.build import build

    out = tmp_path_factory.mktemp("slides-build")
    with pytest.MonkeyPatch.context() as env:
        # build() sets the static mode for its kernels; the tests after it run live again.
        env.delenv(slides.STATIC_ENV, raising=False)
        written = build(out)
    assert len(written) == len(DECKS)
    return out


@pytest.mark.browser
@pytest.mark.slow
def test_static_decks_open_from_disk_offline_and_page_through(static_decks, browser):
    for deck in DECKS:
        html = static_decks / f"{deck}.slides.html"
        text = html.read_text(encoding="utf-8")
        assert "require.js" not in text and "cdn" not in text.lower()
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        refused = _offline(page, ("file",))
        page.goto(html.as_uri())
        last, count = _page_through(page, pause=0.05)
        assert 10 <= count <= 20 and last == count - 1, deck
        assert refused == [], (deck, refused)
        page.close()


@pytest.mark.slow
def test_static_deck_shows_the_sharing_table_once_and_the_comparison_after_it(static_decks):
    """Built without a kernel, the live comparison's slide shows the comparison as a table,
    not the equal-or-by-work table of the slide before it a second time."""
    from widgets.sharing.comparison import compared_rules

    text = (static_decks / "04-bagi-hasil.slides.html").read_text(encoding="utf-8")
    case = figures.sharing_case()
    before = escape(t("slides.share_heading", group=case.name,
                      total=format_rupiah(case.total)))
    after = escape(t("slides.share_compare_heading", group=case.name,
                     total=format_rupiah(case.total)))
    assert text.count(before) == 1 and text.count(after) == 1
    assert text.index(before) < text.index(after)
    stand_in = text[text.index(after):]
    stand_in = stand_in[:stand_in.index("</table>")]
    for label in compared_rules({}, case.unit):
        assert f">{escape(label)}</th>" in stand_in
    assert all(escape(m.name) in stand_in for m in case.members)
    # The equal-or-by-work table (its own column titles) is on one slide only.
    assert text.count(f">{escape(t('slides.col_equal'))}</th>") == 1


def _open_static(browser, decks: Path, deck: str, query: str = ""):
    """A projector-sized page on a deck built to disk, with nothing but the file allowed."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    _offline(page, ("file",))
    page.goto((decks / f"{deck}.slides.html").as_uri() + query)
    page.wait_for_selector(".reveal.ready")
    return page


@pytest.mark.browser
@pytest.mark.slow
def test_static_speaker_view_shows_the_notes(static_decks, browser):
    page = _open_static(browser, static_decks, "00-pembukaan")
    with page.expect_popup() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    notes = speaker.locator(".speaker-controls-notes")
    speaker.wait_for_function(
        "() => (document.querySelector('.speaker-controls-notes') || {}).innerText"
        "?.includes('Sambut peserta')", timeout=30_000)
    assert "Sambut peserta" in notes.inner_text()
    speaker.close()
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_static_deck_prints_one_page_per_slide(static_decks, browser):
    page = _open_static(browser, static_decks, "04-bagi-hasil", "?print-pdf")
    pages = page.locator(".pdf-page").count()
    assert pages >= len(_slides("04-bagi-hasil"))
    assert page.pdf(width="1280px", height="720px")[:4] == b"%PDF"
    page.close()

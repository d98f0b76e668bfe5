"""Every village under ``datasets/`` (issue 15): each loads through every topic's loader, the
second village is another village in every way that matters, and no Jepara name, product or
date is written into the files every village shares (the catalogs, the lesson and slide
notebooks).

A new village folder is tested by being there: the tests are parametrised by the folders that
hold a ``profile.yaml``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
import yaml
from village_leaks import find_leaks, jepara_words
from yaml_tree import nodes

from widgets.cashbook.data import load_cashbook, load_credit_example, load_credit_exercise
from widgets.core.village import DATASETS_DIR, load_village
from widgets.group.data import load_group_lesson
from widgets.pricing.data import load_pricing
from widgets.promotion.data import load_promotion
from widgets.sharing.data import load_sharing
from widgets.training.fgd_sets import load_sets
from widgets.training.items import load_form

ROOT = Path(__file__).resolve().parent.parent
VILLAGES = sorted(p.parent.name for p in DATASETS_DIR.glob("*/profile.yaml"))
SECOND = "lendangtembere"
LOCALE = ROOT / "widgets" / "locale"
NOTEBOOK_DIRS = (ROOT / "lessons", ROOT / "slides")

# Jepara words still written into shared files, each as (file, word). The leak test compares
# what it finds with this list exactly: a new Jepara word in a shared file fails it, and so does
# one that was removed without being struck from here.
KNOWN_SHARED_LEAKS: set[tuple[str, str]] = set()


@pytest.mark.parametrize("name", VILLAGES)
def test_every_topic_loads_the_village(name):
    village = load_village(name)
    assert village.groups and all(g.members for g in village.groups.values())
    cash = load_cashbook(village)
    for key, group in village.groups.items():
        if group.cashbook_file:
            assert cash.book(key), f"{name}: the {key} cash book is empty"
    if village.file("exercise"):
        assert cash.exercise_week().entries
    assert load_credit_example(village).debts
    assert load_credit_exercise(village).debts
    sharing = load_sharing(village)
    if village.file("herd"):
        assert sharing.herd_size().total > 0
    if village.file("coop"):
        assert sharing.cooperative().members
    assert load_pricing(village).sheets
    assert load_group_lesson(village).partners
    assert load_promotion(village).hashtags
    assert load_form(village.folder).items
    assert load_sets(village.folder)


@pytest.mark.parametrize("name", VILLAGES)
def test_the_herd_and_its_cash_book_agree(name):
    """Every animal sold or bought in the herd file over the livestock group's cash book is a
    line of that book on the same day, and every sale line is a sale in the herd file."""
    from widgets.cashbook.herdbook import herd_and_cash

    village = load_village(name)
    herd = village.livestock_group()
    if herd is None or not herd.cashbook_file or not village.file("herd"):
        pytest.skip(f"{name} keeps no herd with a cash book")
    result = herd_and_cash(village, herd.key)
    assert result.agree and result.mismatches == ()
    assert result.money("jual") > 0


def test_there_is_a_second_village():
    assert SECOND in VILLAGES and "jepara" in VILLAGES


def test_the_second_village_differs_in_every_dimension():
    jepara, second = load_village("jepara"), load_village(SECOND)
    assert second.province != jepara.province and second.regency != jepara.regency
    assert not set(second.groups) & set(jepara.groups)
    products = {p.key for g in second.groups.values() for p in g.products}
    assert not products & {p.key for g in jepara.groups.values() for p in g.products}
    assert len(second.members()) != len(jepara.members())
    assert {m.name for m in second.members()}.isdisjoint(m.name for m in jepara.members())
    prices = {p.price for g in second.groups.values() for p in g.products}
    assert prices.isdisjoint(p.price for g in jepara.groups.values() for p in g.products)
    years = {e.day.year for g in second.groups for e in load_cashbook(second).book(g)}
    assert years == {2023}
    # Every group, product and member is marked invented, and the profile says so.
    assert all(p.invented for g in second.groups.values() for p in g.products)
    assert all(m.invented for m in second.members())
    assert "karangan" in second.citation.lower()


def test_the_second_village_files_name_nothing_of_jepara():
    for path in sorted((DATASETS_DIR / SECOND).iterdir()):
        assert find_leaks(path.read_text(encoding="utf-8")) == [], path.name


def test_the_second_village_sells_chickens_at_four_months():
    """The herd loader takes the sale age from the profile: chickens sold at 4 months load,
    while the goats' 12 months would refuse the same log."""
    sharing = load_sharing(load_village(SECOND))
    sales = [e for e in sharing.herd if e.event == "jual"]
    assert sales and all(e.price for e in sales)
    counts = sharing.herd_size()
    assert (counts.does, counts.bucks) == (59, 21)


def test_the_sale_age_is_checked(tmp_path):
    from village_files import edit_yaml

    from widgets.core.village import DataError

    copy = tmp_path / SECOND
    shutil.copytree(DATASETS_DIR / SECOND, copy)
    edit_yaml(copy / "profile.yaml", lambda d: d.pop("herd_sale_age_months"))
    with pytest.raises(DataError) as caught:
        load_sharing(load_village(SECOND, root=tmp_path))
    assert caught.value.file == "ayam_peristiwa.csv" and caught.value.column == "jantan"
    assert "herd_sale_age_months" in caught.value.text("id")  # the message says how to fix it


def test_the_printed_workbook_of_the_second_village_names_nothing_of_jepara(monkeypatch):
    """The participant workbook (``make workbook``) is the kit's whole-village printout, made
    for the village the kit serves (its catalog sentences take that village's words)."""
    from widgets.training.workbook import workbook_html

    monkeypatch.setenv("USAHA_KITA_VILLAGE", SECOND)
    html = workbook_html()
    assert "Lendang Tembere" in html and "keripik" in html.lower()
    assert find_leaks(html) == []


# --- the leak check ------------------------------------------------------------------------


def test_the_word_list_holds_jepara_names_products_and_dates():
    words = {w.lower() for w in jepara_words()}
    for expected in ("jepara", "way jepara", "lampung timur", "keset", "kain perca",
                     "sari wulandari", "bu sari", "5 agustus 2019", "desember 2019",
                     "kelompok konveksi purna pmi", "toko berkah way jepara"):
        assert expected in words, expected


@pytest.mark.parametrize("planted,word", [
    ("Jual keset bulat di pasar", "keset"),
    ("Bu Sari menyetor uang", "Bu Sari"),
    ("Hasil jual pada 5 Agustus 2019 dibagi", "5 Agustus 2019"),
    ("Buku kas Juni–Desember 2019", "Desember 2019"),
    ("Kelompok dari Way Jepara, Lampung Timur", "Way Jepara"),
])
def test_the_check_finds_planted_jepara_text(planted, word):
    found = find_leaks(planted)
    assert found and any(repr(word) in f for f in found), found


def test_the_check_passes_the_second_villages_own_words():
    assert find_leaks("Bu Aminah menjual keripik singkong asin di Lendang Tembere, "
                      "17 April 2023; ayam kampung dijual menjelang Idul Fitri.") == []


def _strings(tree: object) -> Iterator[str]:
    return (value for value in nodes(tree) if isinstance(value, str))


def _seasons_seen_elsewhere(seasons: dict) -> dict:
    """The season calendar without the texts of group kinds only Jepara has (a season's
    ``products`` and ``plan`` may be per kind): sewing steps may name flags and uniforms, since
    only a sewing group reads them; what another village's kinds read may not."""
    jepara = {g.kind for g in load_village("jepara").groups.values()}
    others = {g.kind for name in VILLAGES if name != "jepara"
              for g in load_village(name).groups.values()}
    only_jepara = jepara - others
    assert only_jepara, "no kind is Jepara's alone: scan the whole calendar"
    kept = {}
    for key, season in seasons.items():
        season = dict(season)
        for part in ("products", "plan"):
            if isinstance(season.get(part), dict):
                season[part] = {k: v for k, v in season[part].items() if k not in only_jepara}
        kept[key] = season
    return kept


def shared_leaks(locale: Path = LOCALE, notebooks=NOTEBOOK_DIRS) -> set[tuple[str, str]]:
    """(file, Jepara word) for every Jepara word in a catalog text, the lesson list, the season
    calendar or a notebook cell."""
    found: set[tuple[str, str]] = set()
    for path in sorted(locale.glob("*.yaml")):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found.update((path.name, f.split(" in …")[0].strip("'").lower())
                         for f in find_leaks(text))
    if notebooks:  # the lesson list the home page shows, the season calendar every village reads
        for shared in (ROOT / "lessons" / "lessons.yaml", DATASETS_DIR / "seasons.yaml"):
            name = f"{shared.parent.name}/{shared.name}"
            data = yaml.safe_load(shared.read_text(encoding="utf-8"))
            if shared.name == "seasons.yaml":
                data = _seasons_seen_elsewhere(data)
            for text in _strings(data):
                found.update((name, f.split(" in …")[0].strip("'").lower())
                             for f in find_leaks(text))
    for folder in notebooks:
        for path in sorted(folder.glob("*.ipynb")):
            for cell in nbformat.read(path, as_version=4).cells:
                found.update((f"{folder.name}/{path.name}", f.split(" in …")[0].strip("'").lower())
                             for f in find_leaks(cell.source))
    return found


def test_shared_catalogs_and_notebooks_name_nothing_of_jepara():
    found = shared_leaks()
    assert found - KNOWN_SHARED_LEAKS == set(), "new Jepara words in shared files"
    assert KNOWN_SHARED_LEAKS - found == set(), "gone: strike them from KNOWN_SHARED_LEAKS"


def test_a_jepara_word_planted_in_a_catalog_is_found(tmp_path):
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE, locale)
    before = shared_leaks(locale, ())
    path = locale / "shared.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["planted_section"] = {"planted": {"id": "Jual keset di Way Jepara", "en": "x"}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert shared_leaks(locale, ()) - before == {("shared.yaml", "keset"),
                                                 ("shared.yaml", "way jepara")}


@pytest.mark.parametrize(("name", "heading"), [("jepara", "Menurut laporan program"),
                                                (SECOND, "Tentang kelompok ini")])
def test_a_group_card_cites_a_report_only_where_the_village_has_one(monkeypatch, name, heading):
    """Lesson 1's group cards: Jepara's groups carry the report's figures; an invented village's
    facts are not headed as a programme report's."""
    from widgets.group.ui.lesson import groups_html

    monkeypatch.setenv("USAHA_KITA_VILLAGE", name)
    html = groups_html()
    assert heading in html
    assert ("Menurut laporan program" in html) == (name == "jepara")


WORK_TEXTS = ("pricingex.cost_only_materials", "pricingex.cost_no_time", "lesson3.help_work",
              "lesson3.sewing_compare")


@pytest.mark.parametrize("key", WORK_TEXTS)
def test_how_members_work_is_said_in_the_villages_words(monkeypatch, key):
    """Sentences about members' work use the production group's ``work`` and ``work_count``:
    Jepara's say sewing, the chips group's say frying and packing."""
    from widgets.core.i18n import t

    monkeypatch.setenv("USAHA_KITA_VILLAGE", "jepara")
    assert "jahit" in t(key)
    monkeypatch.setenv("USAHA_KITA_VILLAGE", SECOND)
    text = t(key)
    assert "jahit" not in text and ("menggoreng" in text or "dikemas" in text), text


UNIT_TEXTS = ("pricing.cs_price", "pricing.cs_row_total", "pricing.pc_cost",
              "listingsteps.target", "stockui.price", "stockui.quantity", "slides.cost_margin",
              "steptable.result_count")


@pytest.mark.parametrize("key", UNIT_TEXTS)
def test_the_product_is_counted_in_the_villages_unit(monkeypatch, key):
    """Texts about the group's product count it in its first product's ``unit``: Jepara's
    doormats per "buah", the chips per "bungkus"."""
    from widgets.core.i18n import t

    monkeypatch.setenv("USAHA_KITA_VILLAGE", "jepara")
    assert "buah" in t(key) and "bungkus" not in t(key)
    monkeypatch.setenv("USAHA_KITA_VILLAGE", SECOND)
    text = t(key)
    assert "bungkus" in text and "buah" not in text, text


SEASON_TEXTS = {"promotion.fix_live_animal": ("menjelang Idul Adha", "menjelang Idul Fitri"),
                "promotionex.goat_preorder": ("menjelang Idul Adha", "menjelang Idul Fitri"),
                "promotion.fix_photos_few": ("(jahitan)", "(isi kemasan)"),
                "photo.blurry": ("melihat jahitan", "melihat isi kemasan"),
                "consign.why_payment": ("membeli kain", "membeli singkong")}


@pytest.mark.parametrize("key", SEASON_TEXTS)
def test_the_live_animal_and_photo_advice_speak_of_the_villages_own_trade(monkeypatch, key):
    """The pre-order advice names the village's animal and season (no "kurban" for chickens
    sold at Idul Fitri); the photo and consignment advice no stitching or cloth for chips."""
    from widgets.core.i18n import t

    jepara, second = SEASON_TEXTS[key]
    monkeypatch.setenv("USAHA_KITA_VILLAGE", "jepara")
    assert jepara in t(key)
    monkeypatch.setenv("USAHA_KITA_VILLAGE", SECOND)
    text = t(key)
    assert second in text and find_leaks(text) == [], text
    assert not re.search(r"kurban|jahit|\bkain\b", text, re.I), text


def test_the_credit_example_names_the_order_paid_in_parts(monkeypatch):
    from widgets.cashbook.ui.credit_lesson import credit_example_html

    monkeypatch.setenv("USAHA_KITA_VILLAGE", SECOND)
    html = credit_example_html()
    assert "Pesanan Toko oleh-oleh Rasa Sasak (Mataram) dibayar dua kali" in html
    assert "seragam" not in html and find_leaks(html) == []


@pytest.mark.parametrize(("name", "title", "description"), [
    ("jepara", "PROMO!!! KESET MURAH BANGET", "Keset bagus."),
    (SECOND, "PROMO!!! KERIPIK MURAH BANGET", "Keripik bagus."),
])
def test_the_listing_to_repair_names_the_product_without_its_unit(monkeypatch, name, title,
                                                                   description):
    """Lesson 6's badly written listing shouts the product ("KERIPIK"), not its counting unit
    ("BUNGKUS KERIPIK")."""
    from widgets.core.i18n import t

    monkeypatch.setenv("USAHA_KITA_VILLAGE", name)
    assert t("lesson5.bad_title").startswith(title)
    assert t("lesson5.bad_description").startswith(description)


def test_a_workbook_of_another_village_is_in_that_villages_words(monkeypatch):
    """``workbook_html(village)`` in a kit serving Jepara (the trainer's Daftar hadir tab can
    print any village's): every catalog sentence takes the printed village's words."""
    from widgets.core.i18n import t
    from widgets.training.workbook import workbook_html

    monkeypatch.setenv("USAHA_KITA_VILLAGE", "jepara")
    html = workbook_html(load_village(SECOND))
    assert "Lendang Tembere" in html and "keripik" in html.lower()
    for word in ("keset", "kambing", "Jepara", "Idul Adha"):
        assert word.lower() not in html.lower(), word
    assert find_leaks(html) == []
    assert "keset" in t("lesson5.bad_description").lower()  # the served village's words again


COUNT_TEXTS = ("lesson3.fund_then_pieces", "sharing.unit_potong", "record.param_rate",
               "ledger.cat_upah")


@pytest.mark.parametrize("key", COUNT_TEXTS)
def test_members_work_is_counted_in_the_villages_own_unit(monkeypatch, key):
    """Sharing by work done counts what the group's members make: Jepara's pieces sewn
    ("potong"), the chips group's packs ("bungkus"), from ``work_count`` in the profile."""
    from widgets.core.i18n import t

    monkeypatch.setenv("USAHA_KITA_VILLAGE", "jepara")
    assert "potong" in t(key, fund=20, percent=20)
    monkeypatch.setenv("USAHA_KITA_VILLAGE", SECOND)
    text = t(key, fund=20, percent=20)
    assert "bungkus" in text and "potong" not in text, text

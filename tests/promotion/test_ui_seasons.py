"""The season calendar view, headless: build it on a fixed day, switch the group filter, and
check the cards show the right seasons, dates, steps and sources, with every text escaped."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import ipywidgets as w
import pytest
import yaml

from widgets.core import i18n
from widgets.promotion import seasons
from widgets.promotion.seasons import SEASONS_FILE, load_seasons
from widgets.promotion.ui.seasons import SeasonCalendarView, countdown, season_calendar

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def fresh_seasons(fresh_page):
    seasons.clear_cache()
    yield
    seasons.clear_cache()


def plain(html: str) -> str:
    """The text a participant reads: tags dropped, spaces squeezed, entities left as they are."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def cards(view: SeasonCalendarView) -> list[str]:
    return re.findall(r'<div class="uk-cal-card".*?(?=<div class="uk-cal-card"|$)',
                      view.cards.value, re.S)


def keys(view: SeasonCalendarView) -> list[str]:
    return re.findall(r'data-season="([a-z_]+)"', view.cards.value)


def test_the_calendar_opens_on_the_first_group_and_shows_all_four_seasons_on_asking():
    view = season_calendar(today=TODAY)
    assert isinstance(view, SeasonCalendarView)
    # One group at first: both at once were 8 phone screens.
    assert view.filter.control.value == "konveksi"
    assert keys(view) == ["idul_fitri", "sekolah", "kemerdekaan"]
    assert "uk-cal-filter" in view.filter.control._dom_classes
    view.filter.control.value = "semua"
    assert keys(view) == ["idul_fitri", "idul_adha", "sekolah", "kemerdekaan"]
    assert '<div class="uk-cal-list">' in view.cards.value
    text = plain(view.cards.value)
    for shown in ("10 Maret 2027", "17 Mei 2027", "12 Juli 2027", "17 Agustus 2027",
                  "Idul Fitri (Lebaran) 1448 H", "dalam 14 minggu (102 hari)",
                  "dalam 37 minggu (262 hari)"):
        assert shown in text, shown


def everything(today: dt.date) -> SeasonCalendarView:
    view = SeasonCalendarView(today=today)
    view.filter.control.value = "semua"
    return view


def test_a_card_shows_the_estimate_the_steps_with_dates_and_the_source():
    fitri = plain(cards(everything(TODAY))[0])
    assert "Perkiraan." in fitri and "sidang isbat" in fitri
    assert "Konveksi: baju Lebaran, keset" in fitri and "Ternak: kambing untuk" in fitri
    assert "13 Januari 2027 (8 minggu sebelum)" in fitri
    assert "3 Maret 2027 (1 minggu sebelum)" in fitri
    assert "17 Maret 2027 (7 hari sesudah)" in fitri
    assert "Mulai bersiap 13 Januari 2027: Foto contoh baju dan keset" in fitri  # none due
    assert "Sumber: Perkiraan aplikasi ini: hisab" in fitri and "(dicek 28 November 2026)" in fitri
    merdeka = plain(cards(everything(TODAY))[-1])
    assert "Tanggal tetap" in merdeka and "Perkiraan" not in merdeka


def test_the_step_due_now_is_highlighted():
    view = SeasonCalendarView(today=dt.date(2027, 2, 10))  # exactly 4 weeks before Lebaran
    fitri = cards(view)[0]
    assert "Sekarang: Unggah foto dan harga dua kali seminggu" in plain(fitri)
    [now] = re.findall(r'<li class="uk-cal-step uk-cal-step-now".*?</li>', fitri, re.S)
    assert "10 Februari 2027" in now and "4 minggu sebelum" in now
    assert fitri.count("uk-cal-step-past") == 1  # the 8-weeks step is done


def test_the_filter_shows_one_group_and_its_products_only():
    view = SeasonCalendarView(today=TODAY)
    view.filter.control.value = "ternak"
    assert keys(view) == ["idul_fitri", "idul_adha"]
    fitri = plain(cards(view)[0])
    assert "Ternak: kambing" in fitri and "Konveksi" not in fitri
    view.filter.control.value = "konveksi"
    assert keys(view) == ["idul_fitri", "sekolah", "kemerdekaan"]
    assert "Ternak:" not in plain(view.cards.value)
    view.filter.control.value = "semua"
    assert len(keys(view)) == 4


def test_the_filter_offers_all_and_the_two_groups():
    view = SeasonCalendarView(today=TODAY)
    assert isinstance(view.filter.control, w.ToggleButtons)
    assert [label for label, _ in view.filter.control.options] == ["Semua", "Konveksi", "Ternak"]


def test_an_empty_calendar_says_so(tmp_path):
    view = SeasonCalendarView(today=dt.date(2030, 1, 1))
    assert "Belum ada musim jualan dalam 365 hari ke depan" in plain(view.cards.value)


def test_countdown_words():
    assert countdown(0) == "hari ini" and countdown(1) == "besok" and countdown(-1) == "kemarin"
    assert countdown(6) == "dalam 6 hari" and countdown(13) == "dalam 13 hari"
    assert countdown(14) == "dalam 2 minggu (14 hari)"
    assert countdown(-5) == "5 hari yang lalu"


def test_the_view_in_english():
    i18n.set_language("en")
    text = plain(SeasonCalendarView(today=TODAY).cards.value)
    assert "10 March 2027" in text and "Eid al-Fitr (Lebaran) 1448 H" in text
    assert "in 14 weeks (102 days)" in text and "Start getting ready on 13 January 2027" in text


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "seasons.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_every_text_from_the_file_is_escaped(tmp_path):
    raw = yaml.safe_load(SEASONS_FILE.read_text(encoding="utf-8"))
    raw["idul_fitri"]["name"]["id"] = "<script>alert(1)</script> Lebaran"
    raw["idul_fitri"]["source"] = "Kemenag & <b>SKB</b>"
    raw["idul_fitri"]["plan"]["konveksi"][0]["text"]["id"] = "Foto <img src=x onerror=alert(1)>"
    raw["idul_fitri"]["products"]["konveksi"]["id"] = "kebaya \"bagus\""
    html = SeasonCalendarView(today=TODAY, data=load_seasons(write(tmp_path, raw))).cards.value
    assert "<script>" not in html and "<img" not in html and "<b>SKB" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Lebaran" in html
    assert "Kemenag &amp; &lt;b&gt;SKB&lt;/b&gt;" in html
    assert "Foto &lt;img src=x onerror=alert(1)&gt;" in html
    assert "kebaya &quot;bagus&quot;" in html


def test_a_broken_file_shows_a_message_not_a_traceback(tmp_path, monkeypatch):
    raw = yaml.safe_load(SEASONS_FILE.read_text(encoding="utf-8"))
    del raw["idul_adha"]["source"]
    monkeypatch.setattr(seasons.load_seasons, "default", write(tmp_path, raw))
    shown = season_calendar(today=TODAY)
    assert isinstance(shown, w.HTML) and not isinstance(shown, SeasonCalendarView)
    assert "uk-msg-error" in shown.value
    text = plain(shown.value)
    assert "Kalender belum bisa dibuka" in text and "idul_adha.source" in text
    assert "Traceback" not in text



# --- Steps per group kind (issue 15) ----------------------------------------------------------


def step_texts(view: SeasonCalendarView) -> dict[str, list[str]]:
    """Each card's steps as a participant reads them, without their dates."""
    found = {}
    for card in cards(view):
        [key] = re.findall(r'data-season="([a-z_]+)"', card)
        found[key] = [plain(li).split("): ", 1)[1] for li in
                      re.findall(r'<li class="uk-cal-step.*?</li>', card, re.S)]
    return found


JEPARA_STEPS = {  # the opening words of each step, as Jepara's calendar showed them before
    "idul_fitri": ["Foto contoh baju dan keset,", "Unggah foto dan harga dua",
                   "Tutup pesanan baru supaya semua", "Pasang status setiap hari: barang",
                   "Ucapkan selamat Lebaran dan terima"],
    "idul_adha": ["Pilih kambing yang akan dijual:", "Hubungi panitia kurban masjid dan",
                  "Periksa kesehatan kambing (minta surat", "Pasang status setiap hari: kambing",
                  "Ucapkan terima kasih kepada pembeli"],
    "sekolah": ["Datangi sekolah dan komite sekolah", "Atur hari ukur badan di",
                "Unggah foto seragam yang sudah", "Pasang status setiap hari: seragam",
                "Ucapkan terima kasih dan minta"],
    "kemerdekaan": ["Tanyakan rencana pesanan ke kantor", "Unggah foto dan harga dua",
                    "Pasang status setiap hari: sisa", "Ucapkan terima kasih kepada pembeli."],
}


@pytest.mark.parametrize("kind", ["semua", "konveksi", "ternak"])
def test_jepara_keeps_its_steps_in_every_filter(kind):
    view = SeasonCalendarView(today=TODAY)
    view.filter.control.value = kind
    shown = step_texts(view)
    assert {key: [" ".join(s.split()[:5]) for s in steps] for key, steps in shown.items()} == {
        key: steps for key, steps in JEPARA_STEPS.items() if key in shown}
    assert "Beli kain sesuai pesanan yang sudah masuk." in " ".join(
        shown.get("kemerdekaan", ["Beli kain sesuai pesanan yang sudah masuk."]))


@pytest.mark.parametrize("kind", ["semua", "makanan", "ternak"])
def test_the_chips_village_reads_no_sewing_steps(monkeypatch, kind):
    """Lendang Tembere (chips ``makanan`` and chickens ``ternak``) follows the food group's
    steps: no flags, uniforms, cloth or sewing orders."""
    monkeypatch.setenv("USAHA_KITA_VILLAGE", "lendangtembere")
    view = SeasonCalendarView(today=TODAY)
    view.filter.control.value = kind
    text = plain(view.cards.value).lower()
    for word in ("bendera", "seragam", "kain", "jahit", "baju", "kambing", "keset"):
        assert word not in text, (kind, word)
    if kind != "ternak":
        assert "bungkus keripik" in text and "segar" in text

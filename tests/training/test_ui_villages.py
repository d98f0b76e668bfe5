"""The trainer page's Desa tab, headless: every village folder on the laptop, the one served
marked, a broken profile named with its mistake, and a new folder after *Perbarui daftar*."""

from __future__ import annotations

import shutil

from widgets.core.village import DATASETS_DIR
from widgets.kit import village_new
from widgets.training.items import load_form
from widgets.training.ui.trainer_tabs import more_tabs
from widgets.training.ui.villages import VillagesView
from widgets.training.villages import villages_on_laptop


def _laptop(tmp_path):
    root = tmp_path / "datasets"
    root.mkdir()
    shutil.copytree(DATASETS_DIR / "jepara", root / "jepara")
    broken = root / "rusak"
    shutil.copytree(DATASETS_DIR / "jepara", broken)
    profile = broken / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "desmigratif_since: 2017", "desmigratif_since: baru"), encoding="utf-8")
    (root / "_catatan").mkdir()  # not a village: no profile, not a folder name the kit takes
    return root


def test_the_villages_on_the_laptop_with_the_served_one_marked(tmp_path):
    entries = villages_on_laptop(_laptop(tmp_path), served="jepara")
    assert [(e.key, e.served) for e in entries] == [("jepara", True), ("rusak", False)]
    jepara, broken = entries
    assert jepara.name == "Jepara" and "Lampung" in jepara.place and len(jepara.groups) >= 2
    assert broken.name == "" and "desmigratif_since" in broken.problem
    assert "baru" in broken.problem


def test_the_tab_shows_each_village_and_how_to_serve_another(tmp_path, fresh_page, monkeypatch):
    monkeypatch.setenv("USAHA_KITA_VILLAGE", "jepara")
    root = _laptop(tmp_path)
    view = VillagesView(root)
    html = view.list.value
    assert html.count('class="uk-village"') == 2
    assert html.count("Sedang dipakai aplikasi ini") == 1
    assert html.index("Sedang dipakai") < html.index("folder datasets/rusak")
    assert "Profil desa ini belum bisa dibaca" in html and "Traceback" not in html
    switch = view.children[-1].value
    assert "python -m usaha_kita serve --village &lt;nama-folder&gt;" in switch
    assert "make serve VILLAGE=&lt;nama-folder&gt;" in switch

    village_new.scaffold("sumber-rejo", root)
    view.refresh.click()
    assert view.list.value.count('class="uk-village"') == 3
    assert "Sumber Rejo" in view.list.value and view.status.value == ""


def test_a_served_village_missing_from_the_laptop_is_an_error(tmp_path, fresh_page,
                                                              monkeypatch):
    monkeypatch.setenv("USAHA_KITA_VILLAGE", "tidak-ada")
    view = VillagesView(_laptop(tmp_path))
    assert "uk-msg-error" in view.list.value and "tidak-ada" in view.list.value
    assert "Sedang dipakai" not in view.list.value


def test_the_trainer_page_has_the_villages_tab(store, fresh_page):
    tabs = dict(more_tabs(store, load_form(), None))
    assert isinstance(tabs["Desa"], VillagesView)
    assert "Jepara" in tabs["Desa"].list.value

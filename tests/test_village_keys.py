"""Nothing about Jepara is typed into the code: a copy of its folder whose group keys are renamed
(``konveksi`` -> ``jahit``, ``kambing`` -> ``ikan``) and whose dates are a year later loads, and
every lesson's functions show the new keys' groups and the new dates. A copy without a livestock
group leaves the livestock parts out with a note for the trainer.

Each test would fail with the old hard-coding: the views defaulted to the keys ``konveksi`` and
``kambing`` (a KeyError on the renamed copy), and the worked examples' dates were written in
code (``2019-08-05``, August 2019): on the shifted copy they find no sale, or an empty month.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from village_files import JEPARA, edit_yaml

from widgets.core import village
from widgets.core.village import load_village

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
RENAMED = {"konveksi": "jahit", "kambing": "ikan"}
_DAY = re.compile(r"\b(20[0-9]{2})-([0-9]{2})(?=-[0-9]{2}\b|\b)")


def shift_a_year(text: str) -> str:
    """Every ``YYYY-MM-DD`` and ``YYYY-MM`` a year later (no 29 February in Jepara's files)."""
    return _DAY.sub(lambda m: f"{int(m[1]) + 1}-{m[2]}", text)


def rename_groups(folder: Path) -> None:
    def change(profile: dict) -> None:
        profile["groups"] = {RENAMED.get(k, k): v for k, v in profile["groups"].items()}

    edit_yaml(folder / "profile.yaml", change)
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for old, new in RENAMED.items():
            text = re.sub(rf"^(\s*group: ){old}\s*$", rf"\g<1>{new}", text, flags=re.M)
        path.write_text(text, encoding="utf-8")


def forget_villages() -> None:
    """Every per-village cache, so the next call reads the patched folder."""
    from widgets.cashbook.data import load_cashbook
    from widgets.pricing.data import load_pricing
    from widgets.sharing.data import load_sharing

    village.clear_cache()
    for loader in (load_cashbook, load_sharing):
        loader.cache_clear()
    getattr(load_pricing, "cache_clear", lambda: None)()


def use_village(monkeypatch, root: Path, name: str) -> None:
    for shared in village.DATASETS_DIR.glob("*.yaml"):  # the rules every village shares
        shutil.copy(shared, root / shared.name)
    monkeypatch.setattr(village, "DATASETS_DIR", root)
    monkeypatch.setenv(village.ENV_VILLAGE, name)
    forget_villages()


@pytest.fixture
def renamed(tmp_path, monkeypatch, fresh_page):
    folder = tmp_path / "villages" / "geser"
    shutil.copytree(JEPARA, folder)
    for path in folder.iterdir():
        if path.suffix in (".csv", ".yaml"):
            path.write_text(shift_a_year(path.read_text(encoding="utf-8")), encoding="utf-8")
    rename_groups(folder)
    use_village(monkeypatch, folder.parent, "geser")
    yield load_village()
    forget_villages()


@pytest.fixture
def no_livestock(tmp_path, monkeypatch, fresh_page):
    folder = tmp_path / "villages" / "tanpa_ternak"
    shutil.copytree(JEPARA, folder)

    def change(profile: dict) -> None:
        profile["groups"].pop("kambing")
        for key in ("herd", "roster", "coop", "group"):  # they name the goat group's members
            profile["files"].pop(key)

    edit_yaml(folder / "profile.yaml", change)
    use_village(monkeypatch, folder.parent, "tanpa_ternak")
    yield load_village()
    forget_villages()


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_renamed_village_has_its_kinds(renamed):
    assert list(renamed.groups) == ["jahit", "ikan"]
    assert renamed.production_group().key == "jahit"
    assert renamed.livestock_group().key == "ikan"
    assert renamed.kinds() == ["konveksi", "ternak"]


def test_lesson_4_reads_the_sale_and_the_month_from_the_data(renamed):
    from widgets.sharing.examples import busiest_month, group_data, sale_day
    from widgets.sharing.exercises import questions
    from widgets.sharing.ui import lesson

    assert sale_day(renamed).isoformat() == "2020-08-05"
    assert busiest_month(renamed) == (2020, 8)
    goats, sewing = group_data(renamed, "ikan"), group_data(renamed, "jahit")
    assert goats.total == 15_600_000 and "5 Agustus 2020" in goats.total_note
    assert sewing.total == 2_072_000 and "Agustus 2020" in sewing.total_note
    assert [q.key for q in questions(renamed)] == ["ngarit", "kas", "shu"]
    assert "Rp1.273.469" in lesson.goat_sale_html()
    assert "Laba Agustus 2020 Rp2.072.000" in plain(lesson.sewing_month_html())
    roster = plain(lesson.roster_html())
    assert "10 Juni 2020 sampai 4 Agustus 2020" in roster
    assert "2019" not in roster


def test_lesson_2_shows_the_shifted_months(renamed, monkeypatch):
    from widgets.cashbook.ui import lesson

    shown = []
    monkeypatch.setattr(lesson, "display", lambda obj: shown.append(obj.data))
    lesson.show_worked_example()
    lesson.show_worked_summary()
    text = plain(" ".join(shown))
    assert "Agustus 2020" in text and "Ringkasan Juni–Desember 2020" in text
    assert "2019" not in text
    herd = plain(lesson.herd_book_html() + lesson.herd_cash_html())
    assert "2020" in herd and "Kelompok Ternak Kambing" in herd


def test_lesson_3_reads_the_production_group_and_the_herd(renamed):
    from widgets.pricing.ui import lesson

    facts = plain(lesson.cashbook_facts_html())
    assert "Juni 2020" in facts and "Rp100.000" in facts
    assert "dari setiap 9 kambing" in plain(lesson.goat_records_html())
    assert lesson.cost_sheet().product.control.value == "keset_bulat"
    assert lesson.goat_cost().herd.control.value == "40"


def test_every_lesson_notebook_runs_on_the_renamed_village(renamed, capsys):
    """Each code cell of lessons 1-6 as the page runs it, against the renamed village."""
    for path in sorted(LESSONS.glob("0[1-6]-*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        namespace: dict = {}
        for cell in cells:
            if cell["cell_type"] == "code":
                exec(compile("".join(cell["source"]), f"{path.name}", "exec"), namespace)  # noqa: S102


# --- A village without a livestock group -------------------------------------------------------


def test_livestock_parts_are_left_out_with_a_note(no_livestock):
    from widgets.cashbook.ui import lesson as cashbook
    from widgets.pricing.ui import lesson as pricing
    from widgets.sharing.exercises import questions
    from widgets.sharing.ui import lesson as sharing
    from widgets.training.workbook import sharing_page

    assert no_livestock.livestock_group() is None
    note = "tidak punya kelompok ternak"
    for html in (cashbook.herd_book_html(), cashbook.herd_cash_html(), sharing.roster_html(),
                 sharing.goat_sale_html(), sharing.gaduh_html(), pricing.goat_records_html(),
                 pricing.goat_cost().value, sharing_page(no_livestock)):
        assert note in plain(html)
    assert "berkas yang dibutuhkan (files.coop)" in plain(sharing.shu_html())
    assert [q.key for q in questions(no_livestock)] == ["kas"]
    assert "Rp2.072.000" in plain(sharing.sewing_month_html())


def test_the_season_calendar_offers_the_village_kinds(no_livestock):
    from widgets.promotion.ui.seasons import SeasonCalendarView

    view = SeasonCalendarView()
    values = [value for _label, value in view.filter.control.options]
    assert "ternak" not in values and "konveksi" in values


def test_a_profile_without_a_kind_names_the_key(copy):
    def change(profile: dict) -> None:
        profile["groups"]["konveksi"].pop("kind")

    edit_yaml(copy / "profile.yaml", change)
    with pytest.raises(village.DataError) as info:
        load_village("jepara", root=copy.parent)
    assert info.value.column == "groups.konveksi.kind"
    assert yaml.safe_load((JEPARA / "profile.yaml").read_text(encoding="utf-8"))[
        "groups"]["konveksi"]["kind"] == "konveksi"

"""widgets.core.village: the Jepara profile loads and holds the report's facts, a broken profile
gives a message that names the file and the key, and each topic's data is read once per village.
The helpers here (a private copy of the village, a cell to break) serve every topic's data test."""

from __future__ import annotations

import shutil
import string

import pytest
from village_files import JEPARA, edit_yaml, load_error, set_cell  # noqa: F401 (shared helpers)

from widgets.core import i18n, settings, village
from widgets.core.village import DataError, load_village

# People the programme report names; the kit's members are invented and must not reuse them.
REAL_NAMES = ("Imroatin", "Kalimah", "Ihwanuddin", "Wahono", "Junaldi", "Subir", "Watiyar")


@pytest.fixture
def jepara() -> village.Village:
    return load_village("jepara")


# --- the Jepara village ------------------------------------------------------------------------


def test_profile_holds_the_report_facts(jepara):
    assert (jepara.name, jepara.district, jepara.regency, jepara.province) == (
        "Jepara", "Way Jepara", "Lampung Timur", "Lampung")
    assert jepara.desmigratif_since == 2017
    assert "Fitriani" in jepara.citation and "13 Agustus 2019" in jepara.citation
    konveksi, kambing = jepara.group("konveksi"), jepara.group("kambing")
    assert konveksi.reported == {"members_at_start": 20, "members_now": 10}
    assert kambing.reported["herd_does_at_start"] == 17
    assert kambing.reported["herd_bucks_at_start"] == 2
    assert kambing.reported["herd_total_dec_2019"] == 40


def test_members_and_products_are_invented_and_typed(jepara):
    konveksi = jepara.group("konveksi")
    assert len(konveksi.members) == 10
    assert len(jepara.members("kambing")) == 8
    keys = {p.key for p in konveksi.products}
    assert {"keset_bulat", "keset_persegi", "keset_karakter", "kebaya", "bendera"} <= keys
    for member in jepara.members():
        assert member.invented and isinstance(member.capital, int) and member.capital >= 0
        assert not any(real.lower() in member.name.lower() for real in REAL_NAMES)
    for group in jepara.groups.values():
        for product in group.products:
            assert product.invented and type(product.price) is int and product.price > 0
    assert jepara.member("sari").role == "bendahara"
    assert jepara.file("herd") == JEPARA / "kambing_peristiwa.csv"
    assert jepara.file("no_such_file") is None


# --- loading -----------------------------------------------------------------------------------


def test_load_is_cached_and_defaults_to_jepara(monkeypatch):
    monkeypatch.delenv(settings.VILLAGE.name, raising=False)
    assert load_village() is load_village("jepara")


def test_environment_variable_picks_the_village(tmp_path, monkeypatch):
    shutil.copytree(JEPARA, tmp_path / "desaku")
    edit_yaml(tmp_path / "desaku" / "profile.yaml", lambda d: d.update(village="Desaku"))
    monkeypatch.setenv(settings.VILLAGE.name, "desaku")
    assert load_village(root=tmp_path).name == "Desaku"


def test_the_profile_loads_without_the_topics_files(copy):
    # Lesson 4 opens while a goat-herd file is being fixed: only lesson 3 needs that file.
    set_cell(copy / "kambing_peristiwa.csv", 3, "betina", "dua")
    assert load_village("jepara", root=copy.parent).group("kambing").name


def test_topic_data_is_read_once_per_loaded_village(copy):
    reads = []

    @village.per_village
    def load_counted(loaded: village.Village) -> str:
        reads.append(loaded.key)
        return loaded.name

    first = load_village("jepara", root=copy.parent)
    assert load_counted(first) == load_counted(first) == "Jepara" and reads == ["jepara"]
    edit_yaml(copy / "profile.yaml", lambda d: d.update(village="Jepara Baru"))
    assert load_counted(load_village("jepara", root=copy.parent)) == "Jepara"  # still cached
    village.clear_cache()
    assert load_counted(load_village("jepara", root=copy.parent)) == "Jepara Baru"
    assert reads == ["jepara", "jepara"]
    load_counted.cache_clear()
    load_counted(load_village("jepara", root=copy.parent))
    assert len(reads) == 3


@pytest.mark.parametrize("name", ["tidak_ada", "../jepara", "Jepara Baru"])
def test_unknown_village_lists_the_choices(name):
    with pytest.raises(DataError) as info:
        load_village(name)
    assert "jepara" in str(info.value) and name in str(info.value)


# --- broken files: each message names the file, the row and the column ---------------------------

PROFILE_CASES = [
    (lambda d: d["groups"]["konveksi"].update(opening_balance="banyak"),
     "groups.konveksi.opening_balance", "'banyak' bukan angka rupiah"),
    (lambda d: d.pop("village"), "village", "kosong"),
    (lambda d: d["groups"]["konveksi"]["products"][2].update(price=0),
     "groups.konveksi.products[3].price", "terlalu kecil"),
    (lambda d: d["groups"]["kambing"]["members"][1].update(id="darto"),
     "groups.kambing.members[2].id", "sudah dipakai"),
    (lambda d: d["groups"]["kambing"]["members"][0].update(id="Pak Darto"),
     "groups.kambing.members[1].id", "huruf kecil"),
    (lambda d: d["groups"]["konveksi"]["members"][0].update(invented="ya"),
     "groups.konveksi.members[1].invented", "true atau false"),
    (lambda d: d["source"].pop("citation"), "source.citation", "kosong"),
    (lambda d: d["groups"]["kambing"].pop("kind"), "groups.kambing.kind", "kosong"),
    (lambda d: d["groups"]["konveksi"].update(kind="Jahit Baju"), "groups.konveksi.kind",
     "huruf kecil"),
]


@pytest.mark.parametrize(("change", "column", "words"), PROFILE_CASES)
def test_broken_profile_names_the_key(copy, change, column, words):
    edit_yaml(copy / "profile.yaml", change)
    error = load_error(copy)
    assert (error.file, error.row, error.column) == ("profile.yaml", None, column)
    assert str(error).startswith(f"Berkas profile.yaml, bagian {column}: ")
    assert words in str(error)


def test_broken_yaml_names_the_line(copy):
    path = copy / "profile.yaml"
    path.write_text("village: Jepara\ngroups: [\n  konveksi: {name: x\n", encoding="utf-8")
    error = load_error(copy)
    assert error.file == "profile.yaml" and error.row is not None
    assert str(error).startswith(f"Berkas profile.yaml, baris {error.row}: ")


# --- the message catalog -----------------------------------------------------------------------


def test_every_village_message_has_both_languages_and_fills_in():
    keys = [k for k in i18n.catalog() if k.startswith("datafile.")]
    assert len(keys) > 20
    for key in keys:
        for lang in i18n.LANGUAGES:
            text = i18n.catalog()[key][lang]
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            assert i18n.t(key, lang, **{f: "x" for f in fields})

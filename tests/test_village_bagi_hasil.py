"""The profit-sharing lesson's village data: pieces sewn, the example cooperative, and the
starting point the calculator builds from them; broken files name the cell to fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_village import edit_yaml, load_error, set_cell

from widgets.core import village
from widgets.core.village import load_village
from widgets.sharing.data import COOP, goat_sale, group_data, group_keys, month_profit

JEPARA = village.DATASETS_DIR / "jepara"


@pytest.fixture(autouse=True)
def fresh_village():
    """Indonesian texts come from conftest; each test reads the village files anew."""
    yield
    village.clear_cache()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    village.clear_cache()
    shutil.copytree(JEPARA, tmp_path / "jepara")
    return tmp_path / "jepara"


def test_pieces_sewn_in_august():
    pieces = load_village().pieces_sewn("konveksi", 2019, 8)
    assert pieces["endang"] == 150 and pieces["tutik"] == 80
    assert sum(pieces.values()) == 1190
    assert load_village().pieces_sewn("konveksi", 2018, 1) == dict.fromkeys(pieces, 0)


def test_the_cooperative_matches_the_worked_check():
    coop = load_village().cooperative()
    assert coop.shu == 60_000_000 and coop.bylaws["jua"] == 25 and coop.bylaws["jma"] == 20
    assert sum(m.transactions for m in coop.members) == 75_000_000
    assert sum(m.savings for m in coop.members) == 100_000_000
    sari = next(m for m in coop.members if m.member == "sari")
    assert (sari.transactions, sari.savings) == (5_000_000, 2_000_000)


def test_calculator_starting_points():
    v = load_village()
    goats = group_data(v, "kambing")
    assert goats.total == goat_sale(v).price == 15_600_000 and goats.unit == "hari"
    assert [m.work for m in goats.members] == [14, 13, 14, 12, 8, 14, 14, 9]
    assert goats.signers[0] == ("Ketua Kelompok", "Sudarto")
    sewing = group_data(v, "konveksi")
    assert sewing.total == month_profit(v, "konveksi", 2019, 8) == 2_072_000
    assert sewing.members[0].work == 150 and sewing.unit == "potong"
    coop = group_data(v, COOP)
    assert coop.total == 60_000_000 and len(coop.members) == 18
    assert [key for _, key in group_keys(v)] == ["konveksi", "kambing", COOP]


def test_bad_month_in_pieces(copy):
    set_cell(copy / "konveksi_potong.csv", 3, "bulan", "Agustus")
    error = load_error(copy)
    assert error.problem == "not_month" and error.row == 3 and error.column == "bulan"
    assert "konveksi_potong.csv" in str(error)


def test_unknown_member_in_pieces(copy):
    set_cell(copy / "konveksi_potong.csv", 2, "anggota", "budi")
    assert load_error(copy).problem == "unknown_member"


def test_bylaws_must_make_100(copy):
    edit_yaml(copy / "koperasi.yaml", lambda d: d["bylaws"].update(cadangan=40))
    error = load_error(copy)
    assert error.problem == "bylaws_sum" and "110" in str(error)


def test_unknown_allocation_in_bylaws(copy):
    edit_yaml(copy / "koperasi.yaml", lambda d: d["bylaws"].update(arisan=0))
    error = load_error(copy)
    assert error.problem == "bad_choice" and error.column == "bylaws.arisan"


def test_a_village_without_the_new_files_still_loads(copy):
    edit_yaml(copy / "profile.yaml", lambda d: [d["files"].pop(k) for k in ("pieces", "coop")])
    v = load_village("jepara", root=copy.parent)
    assert v.coop is None and v.pieces_sewn("konveksi", 2019, 8)["endang"] == 0
    assert COOP not in [key for _, key in group_keys(v)]
    with pytest.raises(LookupError):
        v.cooperative()

"""The facilitator's village tools: check-village names every planted mistake with its file,
row and column; new-village makes a folder that passes the check and refuses bad names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from widgets.core.village import load_village
from widgets.kit import village_check, village_new


def _replace_cell(path: Path, row: int, column: str, value: str) -> str:
    """Write ``value`` into ``column`` of spreadsheet row ``row`` (header = 1); the old value."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    col = rows[0].index(column)
    old, rows[row - 1][col] = rows[row - 1][col], value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return old


def _planted(folder: Path) -> dict[str, tuple[str, ...]]:
    """Four mistakes in four files; for each file, the words its message must hold."""
    village = load_village(folder.name, folder.parent)
    books = [g.cashbook_file for g in village.groups.values() if g.cashbook_file]
    assert len(books) >= 2, "the reference village needs two cash books for this test"
    _replace_cell(folder / books[0], 3, "tanggal", "2019-02-30")
    _replace_cell(folder / books[1], 4, "jumlah", "2,5jt")
    roster = village.file("roster")
    _replace_cell(roster, 5, "anggota", "budi_tidak_ada")
    missing = village.file("coop")
    missing.unlink()
    return {
        books[0]: ("baris 3", "kolom tanggal", "2019-02-30", "bukan tanggal"),
        books[1]: ("baris 4", "kolom jumlah", "2,5jt", "bukan angka rupiah"),
        roster.name: ("baris 5", "kolom anggota", "budi_tidak_ada"),
        missing.name: ("tidak ditemukan",),
    }


def test_every_planted_mistake_is_named_with_its_file_row_and_column(copy):
    expected = _planted(copy)
    village, mistakes = village_check.check(copy.name, copy.parent)
    assert village is not None
    texts = [m.text("id") for m in mistakes]
    for file, words in expected.items():
        found = [text for text in texts if text.startswith(f"Berkas {file}")]
        assert found, f"{file} not reported; got {texts}"
        assert all(word in found[0] for word in words), found[0]
    assert len(texts) == len(expected), texts  # nothing that follows from another mistake


def test_the_report_is_indonesian_first_and_the_exit_code_says_broken(copy, capsys):
    _planted(copy)
    assert village_check.main(copy.name, copy.parent) == 1
    out = capsys.readouterr().out
    assert "Ditemukan 4 kesalahan" in out and "4 mistakes found" in out
    assert "check-village jepara" in out and "Traceback" not in out


def test_the_shipped_village_passes(capsys):
    assert village_check.main("jepara") == 0
    assert "tanpa kesalahan" in capsys.readouterr().out


def test_a_broken_profile_is_reported_alone(copy):
    profile = copy / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "desmigratif_since: 2017", "desmigratif_since: dua ribu"), encoding="utf-8")
    village, mistakes = village_check.check(copy.name, copy.parent)
    assert village is None
    assert [m.column for m in mistakes] == ["desmigratif_since"]


def test_every_topic_loader_is_found():
    names = {name for name, _ in village_check.loaders()}
    assert {"cashbook.load_cashbook", "pricing.load_pricing", "sharing.load_sharing",
            "group.load_group_lesson", "promotion.load_promotion", "items.load_form",
            "fgd_sets.load_sets"} <= names


def test_a_new_village_passes_the_check_and_says_it_is_an_example(tmp_path, capsys):
    assert village_new.main("sumber-rejo", tmp_path) == 0
    folder = tmp_path / "sumber-rejo"
    assert "BACA-DULU.md" in capsys.readouterr().out
    assert load_village("sumber-rejo", tmp_path).name == "Sumber Rejo"
    for path in folder.glob("*.yaml"):
        assert "CONTOH DARI DESA JEPARA" in path.read_text(encoding="utf-8"), path.name
    assert "check-village sumber-rejo" in (folder / "BACA-DULU.md").read_text(encoding="utf-8")
    assert village_check.main("sumber-rejo", tmp_path) == 0


@pytest.mark.parametrize(("name", "key"), [
    ("", "Tulis nama folder desa baru"),
    ("Desa Baru", "tidak bisa dipakai"),
    ("../luar", "tidak bisa dipakai"),
    ("_templat", "tidak bisa dipakai"),
])
def test_a_bad_name_is_refused_in_plain_indonesian(tmp_path, capsys, name, key):
    assert village_new.main(name, tmp_path) == 1
    assert key in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_overwritten(tmp_path, capsys):
    (tmp_path / "jepara").mkdir()
    (tmp_path / "jepara" / "profile.yaml").write_text("village: punya saya\n", encoding="utf-8")
    assert village_new.main("jepara", tmp_path) == 1
    assert "sudah ada" in capsys.readouterr().out
    assert (tmp_path / "jepara" / "profile.yaml").read_text(encoding="utf-8") == (
        "village: punya saya\n")


def test_files_still_the_example_are_named_but_do_not_fail_the_check(tmp_path, capsys):
    assert village_new.main("sumber-rejo", tmp_path) == 0
    folder = tmp_path / "sumber-rejo"
    (folder / "cerita.yaml").write_text("00-beranda:\n  teks_01: Desa kami.\n", encoding="utf-8")
    capsys.readouterr()
    assert village_check.main("sumber-rejo", tmp_path) == 0
    out = capsys.readouterr().out
    note = next(line for line in out.splitlines() if line.startswith("Catatan:"))
    assert "evaluasi.yaml" in note and "pertanyaan_fgd.yaml" in note
    assert "cerita.yaml" not in note and "profile.yaml" not in note  # rewritten; renamed


def test_the_example_village_itself_gets_no_note(capsys):
    assert village_check.main("jepara") == 0
    assert "Catatan:" not in capsys.readouterr().out


def test_a_mistake_in_the_credit_file_the_profile_names_is_the_only_one_reported(copy):
    (copy / "konveksi_utang_piutang.yaml").rename(copy / "bon_kelompok.yaml")
    profile = copy / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "  coop: koperasi.yaml\n", "  coop: koperasi.yaml\n  credit: bon_kelompok.yaml\n"),
        encoding="utf-8")
    credit = copy / "bon_kelompok.yaml"
    credit.write_text(credit.read_text(encoding="utf-8").replace(
        "group: konveksi", "group: batik"), encoding="utf-8")
    village, mistakes = village_check.check(copy.name, copy.parent)
    texts = [m.text("id") for m in mistakes]
    assert len(texts) == 1 and texts[0].startswith("Berkas bon_kelompok.yaml"), texts

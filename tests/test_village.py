"""widgets.core.village: the Jepara profile and datasets load, hold the report's facts, and every
broken file gives a message that names the file, the row and the column."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import string
from pathlib import Path

import pytest
import yaml

from widgets.cashbook import ledger
from widgets.cashbook.exercises import week_answer
from widgets.core import i18n, settings, village
from widgets.core.village import DataError, load_village

JEPARA = village.DATASETS_DIR / "jepara"
# People the programme report names; the kit's members are invented and must not reuse them.
REAL_NAMES = ("Imroatin", "Kalimah", "Ihwanuddin", "Wahono", "Junaldi", "Subir", "Watiyar")


@pytest.fixture
def jepara() -> village.Village:
    return load_village("jepara")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A private copy of the Jepara folder, to break."""
    village.clear_cache()
    shutil.copytree(JEPARA, tmp_path / "jepara")
    return tmp_path / "jepara"


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Write ``value`` into a CSV cell; ``row`` counts like a spreadsheet (header = 1)."""
    with path.open(encoding="utf-8", newline="") as f:
        records = list(csv.reader(f))
    records[row - 1][records[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(records)


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def load_error(copy: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_village("jepara", root=copy.parent)
    return info.value


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
    assert all(tag.startswith("#") for tag in jepara.hashtags)


def test_herd_starts_with_the_grant_and_ends_at_40(jepara):
    events = jepara.herd_events()
    first = events[0]
    assert (first.event, first.does, first.bucks) == ("awal", 17, 2)
    assert first.day.year == 2017
    sizes = jepara.herd_size_by_date()
    assert sizes[0].total == 19
    assert all(s.does >= 0 and s.bucks >= 0 for s in sizes)
    final = jepara.herd_size()
    assert final.total == 40 and final.day <= dt.date(2019, 12, 13)
    assert jepara.herd_size(on=dt.date(2018, 1, 31)).total == 17
    idul_adha_2019 = dt.date(2019, 8, 11)
    assert any(
        e.event == "jual" and idul_adha_2019 - dt.timedelta(30) <= e.day < idul_adha_2019
        for e in events
    )
    assert {"lahir", "mati", "jual"} <= {e.event for e in events}
    assert all(e.price for e in events if e.event == "jual")


def test_cashbook_never_goes_below_zero(jepara):
    group = jepara.group("konveksi")
    book = jepara.cashbook("konveksi")
    assert 60 <= len(book) <= 100
    assert [e.id for e in book] == list(range(1, len(book) + 1))
    balance = group.opening_balance
    for entry in book:
        assert isinstance(entry, ledger.Entry)
        assert dt.date(2019, 6, 1) <= entry.day <= dt.date(2019, 12, 31)
        assert ledger.CATEGORY_BY_KEY[entry.category].direction == entry.direction
        if entry.purse == "usaha":
            balance += entry.signed
        assert balance >= 0, entry
    months = {e.day.month for e in book}
    assert months == set(range(6, 13))
    assert any("seragam" in e.description.lower() and e.day.month == 7 for e in book)
    assert any("bendera" in e.description.lower() and e.day < dt.date(2019, 8, 17) for e in book)
    assert any(e.category == "bagi_hasil" for e in book)
    assert jepara.cashbook("kambing") == []


def test_exercise_week_is_the_first_week_of_december_in_the_cashbook(jepara):
    week = jepara.exercise_week()
    book = jepara.cashbook("konveksi")
    before = week.opening_date
    balance = jepara.group("konveksi").opening_balance + sum(
        e.signed for e in book if e.day < before and e.purse == "usaha")
    assert balance == week.opening_balance

    def key(e):
        return (e.day, e.description, e.direction, e.category, e.amount)

    in_book = [key(e) for e in book if before <= e.day <= dt.date(2019, 12, 7)]
    assert in_book == [key(e) for e in week.entries if e.purse == "usaha"]


def test_feed_days_count_attended_duties(jepara):
    roster = jepara.feed_roster()
    days = {d.day for d in roster}
    assert min(days) == dt.date(2019, 7, 1) and len(days) == 56
    assert jepara.feed_days("kambing") == {
        "darto": 14, "joko": 13, "slamet": 14, "agus": 12,
        "heri": 8, "hidayat": 14, "suparno": 14, "teguh": 9,
    }
    assert set(jepara.feed_days("konveksi").values()) == {0}


def test_exercise_week_answer(jepara):
    week = jepara.exercise_week()
    assert week.cashier == "sari" and week.group == "konveksi"
    assert 6 <= len(week.entries) <= 8
    assert "150 ribu" in week.story_text("id")
    assert week.story_text("en") != week.story_text("id")
    assert any(e.purse == "rumah" and e.category == "rumah_tangga" for e in week.entries)
    # Worked by hand from the story:
    #   850.000 - 150.000 + 180.000 - 35.000 + 100.000 + 200.000 - 100.000 + 105.000
    #   = 1.150.000 (the 60.000 of rice came from the household purse)
    #   profit = (180.000 + 100.000 + 105.000) - (150.000 + 35.000 + 100.000) = 100.000
    #   (the 200.000 of capital is money in, not income)
    assert week.opening_balance == 850_000
    answer = week_answer(week.opening_balance, list(week.entries))
    assert answer.closing == 1_150_000
    assert answer.profit == 100_000


# --- loading -----------------------------------------------------------------------------------


def test_load_is_cached_and_defaults_to_jepara(monkeypatch):
    monkeypatch.delenv(settings.VILLAGE.name, raising=False)
    assert load_village() is load_village("jepara")


def test_environment_variable_picks_the_village(tmp_path, monkeypatch):
    shutil.copytree(JEPARA, tmp_path / "desaku")
    edit_yaml(tmp_path / "desaku" / "profile.yaml", lambda d: d.update(village="Desaku"))
    monkeypatch.setenv(settings.VILLAGE.name, "desaku")
    assert load_village(root=tmp_path).name == "Desaku"


@pytest.mark.parametrize("name", ["tidak_ada", "../jepara", "Jepara Baru"])
def test_unknown_village_lists_the_choices(name):
    with pytest.raises(DataError) as info:
        load_village(name)
    assert "jepara" in str(info.value) and name in str(info.value)


def test_a_missing_file_is_named(copy):
    (copy / "jadwal_pakan.csv").unlink()
    error = load_error(copy)
    assert error.file == "jadwal_pakan.csv" and "jadwal_pakan.csv" in str(error)


# --- broken files: each message names the file, the row and the column ---------------------------

KAS, HERD, ROSTER = "konveksi_kas_2019.csv", "kambing_peristiwa.csv", "jadwal_pakan.csv"
CSV_CASES = [
    # file, spreadsheet row, column, bad value, words the Indonesian message must hold
    (KAS, 12, "jumlah", "abc", "'abc' bukan angka rupiah"),
    (KAS, 5, "jumlah", "-5000", "terlalu kecil"),
    (KAS, 5, "jumlah", "15.000", "bukan angka rupiah"),
    (KAS, 7, "tanggal", "2019-13-01", "bukan tanggal"),
    (KAS, 7, "tanggal", "", "kosong"),
    (KAS, 9, "kategori", "makan", "Pilihan:"),
    (KAS, 2, "kategori", "bahan", "hanya untuk arah out"),
    (KAS, 3, "arah", "masuk", "Pilihan: in, out"),
    (KAS, 4, "dompet", "kantor", "Pilihan: usaha, rumah"),
    (KAS, 10, "tanggal", "2019-06-02", "lebih awal"),
    (KAS, 16, "jumlah", "5000000", "kurang dari nol"),
    (ROSTER, 6, "anggota", "budi", "bukan kode anggota"),
    (ROSTER, 8, "hadir", "ya", "harus 1 (hadir) atau 0"),
    (ROSTER, 8, "tanggal", "1 Juli 2019", "bukan tanggal"),
    (HERD, 3, "betina", "-20", "kurang dari nol"),
    (HERD, 3, "betina", "2", "bertanda salah"),
    (HERD, 4, "peristiwa", "hilang", "Pilihan: awal, lahir"),
    (HERD, 5, "jantan", "dua", "bukan bilangan bulat"),
    (HERD, 8, "harga", "tujuh juta", "bukan angka rupiah"),
]


@pytest.mark.parametrize(("file", "row", "column", "value", "words"), CSV_CASES)
def test_broken_csv_cell_is_named(copy, file, row, column, value, words):
    set_cell(copy / file, row, column, value)
    error = load_error(copy)
    assert (error.file, error.row, error.column) == (file, row, column)
    message = error.text("id")
    assert message.startswith(f"Berkas {file}, baris {row}, kolom {column}: ")
    assert words in message
    assert error.text("en").startswith(f"File {file}, row {row}, column {column}: ")
    assert str(error) == message


def test_missing_column_points_at_the_header_row(copy):
    path = copy / KAS
    text = path.read_text(encoding="utf-8").replace(",jumlah,", ",nominal,", 1)
    path.write_text(text, encoding="utf-8")
    error = load_error(copy)
    assert (error.file, error.row, error.column) == (KAS, 1, "jumlah")
    assert "Kolom yang ada: tanggal, keterangan, arah, kategori, nominal, dompet" in str(error)


def test_blank_lines_keep_the_spreadsheet_row_numbers(copy):
    path = copy / KAS
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    set_cell(path, 12, "jumlah", "abc")
    assert load_error(copy).row == 12


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
    (lambda d: d.update(hashtags=["#ok", "keset perca"]), "hashtags[2]", "bukan tagar"),
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


def test_broken_exercise_names_the_transaction(copy):
    edit_yaml(copy / "latihan_minggu.yaml",
              lambda d: d["transactions"][2].update(jumlah="tiga puluh lima ribu"))
    error = load_error(copy)
    assert (error.file, error.row, error.column) == ("latihan_minggu.yaml", 3, "jumlah")
    assert str(error).startswith("Berkas latihan_minggu.yaml, transaksi ke-3, kolom jumlah: ")
    assert error.text("en").startswith("File latihan_minggu.yaml, transaction 3, field jumlah: ")


def test_exercise_cashier_must_be_a_member(copy):
    edit_yaml(copy / "latihan_minggu.yaml", lambda d: d.update(cashier="budi"))
    error = load_error(copy)
    assert (error.file, error.column) == ("latihan_minggu.yaml", "cashier")
    assert "bukan kode anggota" in str(error)


# --- the message catalog -----------------------------------------------------------------------


def test_every_village_message_has_both_languages_and_fills_in():
    keys = [k for k in i18n.catalog() if k.startswith("village.")]
    assert len(keys) > 20
    for key in keys:
        for lang in i18n.LANGUAGES:
            text = i18n.catalog()[key][lang]
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            assert i18n.t(key, lang, **{f: "x" for f in fields})

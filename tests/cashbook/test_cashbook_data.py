"""widgets.cashbook.data: the village's cash book and lesson 1's exercise week load, agree with
each other, and every broken cell gives a message that names the file, the row and the column."""

from __future__ import annotations

import datetime as dt

import pytest
from village_files import edit_yaml, load_error, set_cell

from widgets.cashbook import ledger
from widgets.cashbook.data import CashbookData, load_cashbook
from widgets.cashbook.exercises import week_answer
from widgets.core.village import load_village

KAS = "konveksi_kas_2019.csv"


@pytest.fixture
def jepara() -> CashbookData:
    return load_cashbook(load_village("jepara"))


def test_cashbook_never_goes_below_zero(jepara):
    group = jepara.village.group("konveksi")
    book = jepara.book("konveksi")
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
    goats = jepara.book("kambing")  # the goat group's book, beside its herd book
    assert goats and {e.purse for e in goats} == {"usaha"}
    with pytest.raises(KeyError):
        jepara.book("no_such_group")


def test_exercise_week_is_the_first_week_of_december_in_the_cashbook(jepara):
    week = jepara.exercise_week()
    book = jepara.book("konveksi")
    before = week.opening_date
    balance = jepara.village.group("konveksi").opening_balance + sum(
        e.signed for e in book if e.day < before and e.purse == "usaha")
    assert balance == week.opening_balance

    def key(e):
        return (e.day, e.description, e.direction, e.category, e.amount)

    in_book = [key(e) for e in book if before <= e.day <= dt.date(2019, 12, 7)]
    assert in_book == [key(e) for e in week.entries if e.purse == "usaha"]


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


def test_read_once_per_village():
    assert load_cashbook() is load_cashbook(load_village())


def test_a_village_without_an_exercise_week(copy):
    edit_yaml(copy / "profile.yaml", lambda d: d["files"].pop("exercise"))
    data = load_cashbook(load_village("jepara", root=copy.parent))
    assert data.exercise is None and len(data.book("konveksi")) > 60
    with pytest.raises(LookupError):
        data.exercise_week()


# --- broken files: each message names the file, the row and the column ---------------------------

CSV_CASES = [
    # spreadsheet row, column, bad value, words the Indonesian message must hold
    (12, "jumlah", "abc", "'abc' bukan angka rupiah"),
    (5, "jumlah", "-5000", "terlalu kecil"),
    (5, "jumlah", "15.000", "bukan angka rupiah"),
    (7, "tanggal", "2019-13-01", "bukan tanggal"),
    (7, "tanggal", "", "kosong"),
    (9, "kategori", "makan", "Pilihan:"),
    (2, "kategori", "bahan", "hanya untuk arah out"),
    (3, "arah", "masuk", "Pilihan: in, out"),
    (4, "dompet", "kantor", "Pilihan: usaha, rumah"),
    (10, "tanggal", "2019-06-02", "lebih awal"),
    (16, "jumlah", "5000000", "kurang dari nol"),
]


@pytest.mark.parametrize(("row", "column", "value", "words"), CSV_CASES)
def test_broken_csv_cell_is_named(copy, row, column, value, words):
    set_cell(copy / KAS, row, column, value)
    error = load_error(copy, load_cashbook)
    assert (error.file, error.row, error.column) == (KAS, row, column)
    message = error.text("id")
    assert message.startswith(f"Berkas {KAS}, baris {row}, kolom {column}: ")
    assert words in message
    assert error.text("en").startswith(f"File {KAS}, row {row}, column {column}: ")
    assert str(error) == message


def test_missing_column_points_at_the_header_row(copy):
    path = copy / KAS
    text = path.read_text(encoding="utf-8").replace(",jumlah,", ",nominal,", 1)
    path.write_text(text, encoding="utf-8")
    error = load_error(copy, load_cashbook)
    assert (error.file, error.row, error.column) == (KAS, 1, "jumlah")
    assert "Kolom yang ada: tanggal, keterangan, arah, kategori, nominal, dompet" in str(error)


def test_blank_lines_keep_the_spreadsheet_row_numbers(copy):
    path = copy / KAS
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    set_cell(path, 12, "jumlah", "abc")
    assert load_error(copy, load_cashbook).row == 12


def test_broken_exercise_names_the_transaction(copy):
    edit_yaml(copy / "latihan_minggu.yaml",
              lambda d: d["transactions"][2].update(jumlah="tiga puluh lima ribu"))
    error = load_error(copy, load_cashbook)
    assert (error.file, error.row, error.column) == ("latihan_minggu.yaml", 3, "jumlah")
    assert str(error).startswith("Berkas latihan_minggu.yaml, transaksi ke-3, kolom jumlah: ")
    assert error.text("en").startswith("File latihan_minggu.yaml, transaction 3, field jumlah: ")


def test_exercise_cashier_must_be_a_member(copy):
    edit_yaml(copy / "latihan_minggu.yaml", lambda d: d.update(cashier="budi"))
    error = load_error(copy, load_cashbook)
    assert (error.file, error.column) == ("latihan_minggu.yaml", "cashier")
    assert "bukan kode anggota" in str(error)

"""Excel and CSV exports: read the bytes back and check numbers, dates, balances and guards."""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from widgets.cashbook.export import RUPIAH_FORMAT, cashbook_csv, cashbook_xlsx, csv_safe
from widgets.cashbook.ledger import Entry, balance, running_balance
from widgets.core import i18n

D = dt.date
BOOK = [
    Entry(D(2019, 12, 10), "Jual 20 keset bulat", "in", "penjualan", 300_000, id=3),
    Entry(D(2019, 11, 2), "Iuran anggota", "in", "modal", 1_000_000, id=1),
    Entry(D(2019, 11, 5), "Kain perca 10 kg", "out", "bahan", 250_000, id=2),
    Entry(D(2019, 12, 12), "Beras", "out", "rumah_tangga", 65_000, "rumah", id=4),
]
EVIL = [
    Entry(D(2019, 12, 1), '=HYPERLINK("http://x","klik")', "in", "penjualan", 1_000),
    Entry(D(2019, 12, 2), "+62 812 3456", "out", "transport", 500),
    Entry(D(2019, 12, 3), "-biaya kirim", "out", "transport", 500),
    Entry(D(2019, 12, 4), "@toko", "out", "transport", 500),
]


def read_xlsx(data: bytes):
    return load_workbook(io.BytesIO(data))


def entry_rows(sheet):
    """The cash-book rows: from below the header to just above the totals row."""
    return [row for row in sheet.iter_rows(min_row=5, max_row=sheet.max_row - 1)]


def test_xlsx_sheets_title_and_header():
    book = read_xlsx(cashbook_xlsx(BOOK, "Bu Siti Aminah", opening=50_000))
    assert book.sheetnames == ["Buku Kas", "Ringkasan"]
    sheet = book["Buku Kas"]
    assert sheet["A1"].value == "Buku Kas: Bu Siti Aminah"
    assert sheet["A2"].value == "Dibuat " + i18n.format_date(dt.date.today())
    assert (sheet["A3"].value, sheet["G3"].value) == ("Saldo awal", 50_000)
    header = [cell.value for cell in sheet[4]]
    assert header == ["Tanggal", "Keterangan", "Kategori", "Dompet", "Masuk", "Keluar", "Saldo"]
    assert sheet.freeze_panes == "A5"
    assert sheet.column_dimensions["B"].width >= 30


def test_xlsx_amounts_dates_and_balance():
    data = cashbook_xlsx(BOOK, "Siti", opening=50_000)
    sheet = read_xlsx(data)["Buku Kas"]
    rows = entry_rows(sheet)
    expected = running_balance(BOOK, opening=50_000)
    assert len(rows) == len(expected)
    for row, (entry, after) in zip(rows, expected, strict=True):
        day, description, category, purse, money_in, money_out, saldo = row
        # openpyxl reads date cells back as datetimes at midnight
        assert isinstance(day.value, dt.datetime) and day.value.date() == entry.day
        assert day.number_format == "DD/MM/YYYY"
        assert description.value == entry.description
        amount_cell = money_in if entry.direction == "in" else money_out
        blank_cell = money_out if entry.direction == "in" else money_in
        assert amount_cell.value == entry.amount and type(amount_cell.value) is int
        assert blank_cell.value is None
        assert saldo.value == after and type(saldo.value) is int
        for cell in (money_in, money_out, saldo):
            assert cell.number_format == RUPIAH_FORMAT == '"Rp"#,##0'
    assert rows[0][2].value == "Modal/iuran anggota"
    assert rows[-1][3].value == "Uang rumah tangga"


def test_xlsx_totals_row():
    sheet = read_xlsx(cashbook_xlsx(BOOK, "Siti", opening=50_000))["Buku Kas"]
    total = [cell.value for cell in sheet[sheet.max_row]]
    assert total[0] == "Jumlah"
    assert total[4:] == [1_300_000, 315_000, balance(BOOK, opening=50_000)]
    assert total[6] == 1_035_000
    assert sheet.cell(row=sheet.max_row, column=7).number_format == RUPIAH_FORMAT


def test_xlsx_monthly_summary_sheet():
    sheet = read_xlsx(cashbook_xlsx(BOOK, "Siti"))["Ringkasan"]
    assert [cell.value for cell in sheet[2]] == ["Bulan", "Masuk", "Keluar", "Selisih"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert values == [
        ["November 2019", 1_000_000, 250_000, 750_000],
        ["Desember 2019", 300_000, 65_000, 235_000],
        ["Jumlah", 1_300_000, 315_000, 985_000],
    ]
    assert sheet["B3"].number_format == RUPIAH_FORMAT


def test_xlsx_empty_book():
    sheet = read_xlsx(cashbook_xlsx([], "Siti", opening=7_000))["Buku Kas"]
    assert [cell.value for cell in sheet[5]][4:] == [0, 0, 7_000]


def test_xlsx_keeps_formulas_as_text():
    data = cashbook_xlsx(EVIL, "=cmd|' /C calc'!A0")
    book = read_xlsx(data)
    sheet = book["Buku Kas"]
    descriptions = [row[1] for row in entry_rows(sheet)]
    assert [cell.value for cell in descriptions] == [e.description for e in EVIL]
    assert all(cell.data_type == "s" for cell in descriptions)
    assert sheet["A1"].data_type == "s"
    # Nothing in the file is a formula.
    for ws in book.worksheets:
        assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    assert b"<f>" not in _sheet_xml(data)


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(
            archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/")
        )


def test_csv_round_trip():
    data = cashbook_csv(BOOK, opening=50_000)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Tanggal", "Keterangan", "Kategori", "Dompet", "Masuk", "Keluar", "Saldo"]
    expected = running_balance(BOOK, opening=50_000)
    assert len(rows) == 1 + len(expected)
    for row, (entry, after) in zip(rows[1:], expected, strict=True):
        assert D.fromisoformat(row[0]) == entry.day
        assert row[1] == entry.description
        money_in, money_out, saldo = (int(value) for value in row[4:])
        assert (money_in or money_out) == entry.amount
        assert saldo == after
    assert rows[2][2] == "Bahan (kain perca, benang…)"  # a comma inside stays one field


def test_csv_formula_guard():
    rows = list(csv.reader(io.StringIO(cashbook_csv(EVIL).decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["'" + e.description for e in EVIL]
    assert rows[-1][6] == "-500"  # numbers stay numbers, minus sign and all
    assert csv_safe("Jual keset") == "Jual keset"
    assert csv_safe("\t=1") == "'\t=1"


# --- The credit book's sheets ---------------------------------------------------------------


def test_the_credit_book_goes_home_in_the_same_workbook():
    from widgets.cashbook.credit import Payment, make_debt
    from widgets.cashbook.export import CreditBook

    today = D(2019, 11, 20)
    debts = [
        make_debt("piutang", "SD Desa Jepara", "seragam 20 stel", 1_900_000, D(2019, 11, 4),
                  D(2019, 11, 15), today=today, id=1),
        make_debt("utang", "=Toko Metro", "kain", 150_000, D(2019, 11, 6), D(2019, 12, 6),
                  today=today, id=2),
    ]
    payments = [Payment(1, D(2019, 11, 4), 800_000, 7, 1)]
    data = cashbook_xlsx(BOOK, "Siti", credit_book=CreditBook(debts, payments, 2_000_000, today))
    book = read_xlsx(data)
    assert book.sheetnames == ["Buku Kas", "Ringkasan", "Utang-Piutang", "Pembayaran"]
    sheet = book["Utang-Piutang"]
    assert sheet["A1"].value == "Buku Utang-Piutang, keadaan 20 November 2019"
    first = [cell.value for cell in sheet[3]]
    assert first[:3] == ["Piutang", "SD Desa Jepara", "seragam 20 stel"]
    assert first[5:] == [1_900_000, 800_000, 1_100_000, 5, "Terlambat 5 hari"]
    assert sheet["F3"].number_format == RUPIAH_FORMAT
    second = [cell.value for cell in sheet[4]]
    assert second[1] == "=Toko Metro" and sheet["B4"].data_type == "s"  # text, not a formula
    totals = {sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=8).value
              for r in range(6, 10)}
    assert list(totals.values()) == [1_100_000, 150_000, 2_000_000, 2_950_000]
    paid = [cell.value for cell in book["Pembayaran"][2]]
    assert paid[0].date() == D(2019, 11, 4) and paid[1:] == ["Piutang", "SD Desa Jepara",
                                                             "seragam 20 stel", 800_000]

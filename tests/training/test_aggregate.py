"""The programme office's workbook: classes from a shared PostgreSQL database and from SQLite
files, across villages, in one Excel file; and one class's trainer sees only their class."""

from __future__ import annotations

import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import openpyxl
import postgres_cluster
import pytest
from evaluation_takers import take

from widgets.core.village import load_village
from widgets.sharing import db as sharing_db
from widgets.store import Store
from widgets.training import aggregate, db
from widgets.training.items import load_form

REPO = Path(__file__).resolve().parents[2]


def rows_of(sheet, first: int = 2) -> list[list]:
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=first)]


@pytest.fixture
def database(postgres_url):
    """A database of its own: the export lists every class in it."""
    return postgres_cluster.new_database(postgres_url)


def test_one_workbook_holds_every_class_across_villages(database, tmp_path, monkeypatch):
    form, n = load_form(), len(load_form().items)
    with Store(database, class_key="jepara-2019") as a:
        sari = take(a, form, "Sari", 3, 9)
        take(a, form, "Endang", 5, 11)
        sharing_db.save_rule(sari, "konveksi", "Kelompok Konveksi", "equal", {}, "=1+1 rata")
    monkeypatch.setenv("USAHA_KITA_VILLAGE", "sukadana")  # the class opens in another village
    Store(database, class_key="sukadana-2020").close()
    monkeypatch.delenv("USAHA_KITA_VILLAGE")
    with Store(database, class_key="sukadana-2020") as b:
        take(b, form, "Wati", 2, 6)
    laptop = tmp_path / "laptop.sqlite3"
    with Store(laptop, class_key="jepara-2018") as c:
        take(c, form, "Yuli", 4, None)

    # A trainer's store reaches only their own class.
    with Store(database, class_key="jepara-2019") as a:
        assert sorted(db.participants(a).values()) == ["Endang", "Sari"]
    with Store(database, class_key="sukadana-2020") as b:
        assert list(db.participants(b).values()) == ["Wati"]
        assert db.saved_rules(b) == []

    out = tmp_path / "rekap.xlsx"
    assert aggregate.main(["--database", database, str(laptop), "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Ringkasan", "Kehadiran", "Tes awal-akhir", "Aturan bagi hasil",
                               "Kesepakatan FGD"]
    summary = {row[0]: row for row in rows_of(book["Ringkasan"], 4) if row[0]}
    village = load_village("jepara").name
    assert summary["jepara-2018"][:8] == ["jepara-2018", village, 1, 1, 1, 1, 1, 0]
    assert summary["jepara-2019"][:8] == ["jepara-2019", village, 2, 1, 2, 2, 2, 2]
    assert summary["sukadana-2020"][:3] == ["sukadana-2020", "sukadana", 1]
    pre, post = Fraction(100 * 4, n), Fraction(100 * 10, n)  # Sari 3/9, Endang 5/11
    assert summary["jepara-2019"][8:10] == [round(float(pre), 1), round(float(post), 1)]
    assert summary["jepara-2019"][10] == round(float((post - pre) / (100 - pre)), 2)
    assert summary["jepara-2019"][11] == 1
    total = summary["Semua kelas"]
    assert total[2:8] == [4, 3, 4, 4, 4, 3]  # participants, days, present, women, pre, post
    assert total[8] == round(float(Fraction(100 * (3 + 5 + 2 + 4), 4 * n)), 1)

    attendance = rows_of(book["Kehadiran"])
    assert sorted((r[0], r[3]) for r in attendance) == [
        ("jepara-2018", "Yuli"), ("jepara-2019", "Endang"), ("jepara-2019", "Sari"),
        ("sukadana-2020", "Wati")]
    tests = {r[2]: r for r in rows_of(book["Tes awal-akhir"])}
    assert tests["Yuli"][3:] == [round(100 * 4 / n, 1), None, None]
    assert tests["Wati"][:2] == ["sukadana-2020", "sukadana"]
    (rule,) = rows_of(book["Aturan bagi hasil"])
    # The rule in lesson 4's words, as the dashboard shows it (not the method's code word).
    assert rule[:6] == ["jepara-2019", village, "Sari", "Kelompok Konveksi",
                        db.method_text("equal", "{}"), "=1+1 rata"]
    assert rule[4] != "equal"
    note = book["Aturan bagi hasil"].cell(row=2, column=6)
    assert note.data_type == "s"  # typed text stays text, never a formula


def test_the_command_writes_the_workbook_of_a_laptops_file(tmp_path):
    with Store(tmp_path / "usaha_kita.sqlite3") as store:
        take(store, load_form(), "Sari", 3, 9)
    out = tmp_path / "rekap.xlsx"
    env = {**os.environ, "PYTHONPATH": str(REPO), "USAHA_KITA_DATA": str(tmp_path),
           "USAHA_KITA_DATABASE": ""}
    done = subprocess.run([sys.executable, "-m", "widgets.training.aggregate", "--out",
                           str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 class(es)" in done.stdout
    summary = rows_of(openpyxl.load_workbook(out)["Ringkasan"], 4)
    assert summary[0][:3] == ["jepara", load_village("jepara").name, 1]


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.sqlite3"):
        aggregate.gather("", [tmp_path / "nowhere.sqlite3"])

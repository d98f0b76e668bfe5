"""The activity report and the participant-data tools, against a real SQLite file: the Word
file and the Excel annex hold the dashboard's figures; merge, delete and backups keep data."""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest
from evaluation_takers import take as take_on

from widgets.store import SignInError, Store, answers
from widgets.training import db, manage
from widgets.training.items import load_form
from widgets.training.overview import overview
from widgets.training.render import gain_sentence
from widgets.training.ui.report import report_files

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(db_location):
    """Each test here runs on SQLite and on PostgreSQL."""
    with Store(db_location) as opened:
        yield opened


def test_the_word_file_holds_the_dashboard_figures(store):
    form = load_form()
    n = len(form.items)
    sari = take(store, form, "Sari", 3, 9)
    take(store, form, "Endang", 5, 11)
    take(store, form, "Yuli", 4, None)
    answers.save_answer(sari, "harga-biaya-keset", {"typed": 9000}, False)
    db.save_report_text(store, "conclusions", "Peserta paham harga pokok.")
    ov = overview(store, form)
    sentence = gain_sentence(ov)
    assert f"({len(ov.tests.pre_scores)} orang)" in sentence
    files = report_files(store, form, dt.date(2026, 3, 5))
    document = docx.Document(io.BytesIO(files["docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for table in document.tables for row in table.rows
                      for c in row.cells)
    assert sentence in text and "Peserta paham harga pokok." in text
    for heading in ("I. PENDAHULUAN", "II. PELAKSANAAN", "III. HASIL DAN EVALUASI",
                    "IV. PENUTUP", "LAMPIRAN 1. DAFTAR HADIR"):
        assert heading in text
    # Pre 8/n and post 20/n right on average for the two who took both; g from those means.
    pre, post = 100 * 4 / n, 100 * 10 / n
    assert ov.tests.gain is not None
    assert abs(float(ov.tests.gain) - (post - pre) / (100 - pre)) < 1e-9
    assert "Yuli" in cells and "9.000 (1 kali, 1 orang)" in cells
    assert len(document.inline_shapes) == 1  # the chart
    html = files["html"].decode("utf-8")
    assert sentence.replace("'", "&#x27;") in html and "@page { size: A4" in html
    annex = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    scores = annex["scores"]
    assert [c.value for c in scores[1]] == ["Nama", "Awal", "Akhir", "g"]
    assert any(sheet.startswith("hadir-") for sheet in annex.sheetnames)


def test_unlock_reset_merge_delete_and_backups(store, tmp_path):
    sari = store.sign_in("Sari", "1234")
    answers.save_answer(sari, "buku-kas-minggu", {"closing": 1}, False)
    for _ in range(5):
        with pytest.raises(SignInError):
            store.sign_in("Sari", "9999")
    with pytest.raises(SignInError, match="menit"):
        store.sign_in("Sari", "1234")  # what the victim sees
    assert [p.locked for p in manage.people(store)] == [True]
    manage.unlock(store, sari.participant_id)
    store.sign_in("Sari", "1234")
    manage.reset_pin(store, sari.participant_id, "5678")
    store.sign_in("Sari", "5678")
    with pytest.raises(SignInError):
        manage.reset_pin(store, sari.participant_id, "12")

    typo = store.sign_in("Sarii", "1111")
    answers.save_answer(typo, "harga-biaya-keset", {"typed": 5}, True)
    db.record_visit(typo, "03-harga")
    backup = manage.merge(store, sari.participant_id, typo.participant_id)
    kept = store.read("SELECT participant_id, exercise FROM answers ORDER BY id")
    assert kept == [(sari.participant_id, "buku-kas-minggu"), (sari.participant_id,
                                                                "harga-biaya-keset")]
    assert [p.name for p in manage.people(store)] == ["Sari"]
    copy = sqlite3.connect(backup.path)
    assert copy.execute("SELECT COUNT(*) FROM participants").fetchone()[0] == 2  # before
    copy.close()

    manage.delete(store, sari.participant_id)
    assert store.read("SELECT COUNT(*) FROM answers")[0][0] == 0
    assert store.read("SELECT COUNT(*) FROM visits")[0][0] == 0
    names = [b.path.name for b in manage.backups(store)]
    assert len(names) == 2 and any("sebelum-hapus" in n for n in names)

    book = openpyxl.load_workbook(io.BytesIO(manage.export_all(store)))
    assert "participants" in book.sheetnames and "trainer_password" not in book.sheetnames
    assert "pin_hash" not in [c.value for c in book["participants"][1]]


def test_merge_and_delete_carry_tables_that_point_at_each_other(store):
    """A credit payment points at its cash-book line: merging and deleting must not trip over
    the order of the tables."""
    from widgets.cashbook import credit_db
    from widgets.cashbook.credit import make_debt

    day = store.today()
    first, second = store.sign_in("Siti", "1234"), store.sign_in("Sitti", "1234")
    for person in (first, second):
        debt = credit_db.add_debt(person, make_debt("piutang", "SD Desa", "seragam", 100_000,
                                                    day, day, today=day))
        credit_db.record_payment(person, debt.id, day, 40_000)
    manage.merge(store, first.participant_id, second.participant_id)
    assert len(credit_db.payments(first)) == 2
    manage.delete(store, first.participant_id)
    assert store.read("SELECT COUNT(*) FROM entries")[0][0] == 0
    assert store.integrity_check() == "ok"


def test_a_backup_from_the_trainer_page_is_restored_as_the_page_says(tmp_path, monkeypatch,
                                                                     capsys):
    """The restore sentence under the backup list names a command; that command, run as the
    trainer would after Ctrl-C, brings back a participant deleted on the trainer page."""
    from widgets.core.i18n import t

    sentence = t("training.manage_restore")
    assert "python -m usaha_kita backup --restore data/cadangan/" in sentence
    monkeypatch.setenv("USAHA_KITA_DATA", str(tmp_path))
    with Store(tmp_path / "usaha_kita.sqlite3") as store:
        sari = store.sign_in("Sari", "1234")
        answers.save_answer(sari, "buku-kas-minggu", {"closing": 1}, False)
        taken = manage.delete(store, sari.participant_id)  # the backup before the delete
        assert store.read("SELECT COUNT(*) FROM participants")[0][0] == 0
        assert taken.path in [b.path for b in manage.backups(store)]
    # The sentence's command, as typed on any laptop (``python -m usaha_kita backup``).
    env = {**os.environ, "USAHA_KITA_DATA": str(tmp_path)}
    listed = subprocess.run([sys.executable, "-m", "usaha_kita", "backup", "--list"], env=env,
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert listed.returncode == 0 and f"{taken.path}  ok" in listed.stdout, listed.stderr
    restored = subprocess.run([sys.executable, "-m", "usaha_kita", "backup", "--restore",
                               str(taken.path)], env=env, cwd=ROOT, timeout=120)
    assert restored.returncode == 0
    with Store(tmp_path / "usaha_kita.sqlite3") as store:
        assert [p.name for p in manage.people(store)] == ["Sari"]
        assert store.read("SELECT exercise FROM answers") == [("buku-kas-minggu",)]
        store.sign_in("Sari", "1234")
        kept = [b.path.name for b in manage.backups(store)]
    assert any("sebelum-pulih" in name for name in kept)  # the emptied file was kept too


def take(store, form, name, pre_right, post_right):
    """The tests taken on the evaluation page itself."""
    return take_on(store, form, name, pre_right, post_right, page="evaluasi-awal")

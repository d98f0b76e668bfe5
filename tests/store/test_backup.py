"""Backups taken at every server start, the data check, and restore (widgets.store.backup)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from widgets.store import Store, backup

ROOT = Path(__file__).resolve().parents[2]


def _store_with_notes(path: Path, notes: list[str]) -> None:
    with Store(path) as store, store.transaction() as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS notes (text TEXT)")
        conn.executemany("INSERT INTO notes VALUES (?)", [(n,) for n in notes])


def _notes(path: Path) -> list[str]:
    with Store(path) as store:
        return [row[0] for row in store.read("SELECT text FROM notes ORDER BY rowid")]


def _corrupt(path: Path) -> None:
    """Scribble over the pages after the first, as a failing USB stick would."""
    with Store(path):
        pass  # checkpoint the WAL into the file, so the damage hits the data
    data = bytearray(path.read_bytes())
    for at in range(4096 + 100, len(data), 997):
        data[at] ^= 0x5A
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def test_a_start_checks_the_file_and_keeps_the_last_ten_backups(tmp_path):
    db = tmp_path / "usaha_kita.sqlite3"
    _store_with_notes(db, ["Kas masuk Rp150.000"])
    manual = backup.take(db, "sebelum-hapus")  # the trainer page's kind: never rotated away
    made = [backup.at_start(db) for _ in range(12)]
    assert all(report.ok and report.backup is not None for report in made)
    kept = backup.backups(db, backup.START_LABEL)
    assert len(kept) == backup.KEEP
    assert kept[0] == made[-1].backup
    assert manual.exists()
    assert _notes(kept[0]) == ["Kas masuk Rp150.000"]
    line = backup.banner_lines(made[-1])[0]
    assert "Cadangan data" in line and "10 terakhir disimpan" in line
    assert "pemeriksaan data: baik" in line and str(made[-1].backup) in line


def test_no_data_yet_is_said_and_nothing_is_made(tmp_path):
    report = backup.at_start(tmp_path / "usaha_kita.sqlite3")
    assert report.ok and report.backup is None
    assert "belum ada data" in backup.banner_lines(report)[0]
    assert not (tmp_path / backup.BACKUP_DIR).exists()


def test_a_damaged_file_is_said_loudly_with_the_last_good_backup(tmp_path):
    db = tmp_path / "usaha_kita.sqlite3"
    _store_with_notes(db, [f"catatan {n}" for n in range(400)])
    good = backup.at_start(db).backup
    before = set(backup.backups(db))
    _corrupt(db)
    report = backup.at_start(db)
    assert not report.ok
    assert report.backup is None and set(backup.backups(db)) == before  # nothing rotated
    assert report.last_good == good
    text = "\n".join(backup.banner_lines(report))
    assert "pemeriksaan data GAGAL" in text and "check FAILED" in text
    assert f"--restore {good}" in text


@pytest.mark.parametrize("damage", ["corrupt", "delete"])
def test_restore_brings_the_entries_back(tmp_path, damage):
    db = tmp_path / "usaha_kita.sqlite3"
    _store_with_notes(db, [f"catatan {n}" for n in range(400)])
    saved = backup.at_start(db).backup
    _store_with_notes(db, ["ditulis sesudah cadangan"])
    if damage == "corrupt":
        _corrupt(db)
        assert backup.integrity(db) != "ok"
    else:
        db.unlink()
    env = {**os.environ, "USAHA_KITA_DATA": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "widgets.store.backup", "--restore", str(saved)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Dipulihkan" in done.stdout
    assert backup.integrity(db) == "ok"
    assert _notes(db) == [f"catatan {n}" for n in range(400)]
    if damage == "corrupt":  # the damaged file is kept aside, not thrown away
        assert list((tmp_path / backup.BACKUP_DIR).glob("rusak-*"))


def test_restore_is_refused_while_the_server_runs(tmp_path):
    db = tmp_path / "usaha_kita.sqlite3"
    _store_with_notes(db, ["satu"])
    saved = backup.at_start(db).backup
    _store_with_notes(db, ["dua"])
    held = backup.server_lock(db)  # what a running server holds
    assert held is not None
    try:
        with pytest.raises(backup.RestoreError, match="Server masih berjalan"):
            backup.restore(saved, db)
        assert _notes(db) == ["satu", "dua"]
    finally:
        held.close()
    backup.restore(saved, db)
    assert _notes(db) == ["satu"]


def test_a_damaged_backup_is_not_restored(tmp_path):
    db = tmp_path / "usaha_kita.sqlite3"
    _store_with_notes(db, [f"catatan {n}" for n in range(400)])
    saved = backup.take(db, "mulai", dt.datetime(2026, 11, 30, 8, 0))
    _corrupt(saved)
    with pytest.raises(backup.RestoreError, match="rusak"):
        backup.restore(saved, db)
    assert len(_notes(db)) == 400

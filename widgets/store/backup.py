"""Backups of the kit's SQLite file, taken each time the server starts, and their restore.

``make serve`` calls :func:`at_start` before Voila starts: it checks the live file with
``PRAGMA integrity_check`` and, when it is sound, copies it with SQLite's online backup into
``<data>/cadangan/`` under a timestamped name, keeping the last :data:`KEEP` start backups (the
trainer page's own backups, made before a merge or a delete, are never rotated away). A failed
check takes no backup (it would push a good one out) and names the last backup that is sound.

Restore is a command, refused while the server runs (the server holds :func:`server_lock`)::

    python -m usaha_kita backup --list
    python -m usaha_kita backup --restore data/cadangan/usaha_kita-20261130-080000-mulai.sqlite3

Plain Python, no ipywidgets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from widgets.core import settings
from widgets.store.db import DB_NAME, Store, data_dir

BACKUP_DIR = "cadangan"  # the same folder the trainer page backs up into
START_LABEL = "mulai"
KEEP = 10
LOCK_NAME = DB_NAME + "-server-lock"  # beside the data file it guards


@dataclass(frozen=True)
class StartReport:
    """What the start did: the banner lines come from here."""

    backup: Path | None  # None: no data yet, or the check failed
    check: str  # "ok", or SQLite's list of problems
    last_good: Path | None  # when the check failed: the newest sound backup

    @property
    def ok(self) -> bool:
        return self.check == "ok"


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def integrity(path: Path) -> str:
    """``ok`` when SQLite finds the file sound; else its problems (or why it cannot open)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    return "\n".join(str(row[0]) for row in rows)


def copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while kernels write to ``source``."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _target(db_path: Path, label: str, now: dt.datetime | None) -> Path:
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target, n = folder / f"usaha_kita-{stamp}-{label}.sqlite3", 1
    while target.exists():
        n += 1
        target = folder / f"usaha_kita-{stamp}-{label}-{n}.sqlite3"
    return target


def take(db_path: Path, label: str, now: dt.datetime | None = None) -> Path:
    target = _target(db_path, label, now)
    copy(db_path, target)
    return target


def anchor(store: Store) -> Path:
    """The path a store's backups are named after: its SQLite file, or for a class on
    PostgreSQL ``<data>/kelas/<class key>/usaha_kita.sqlite3`` (which is never written)."""
    return store.path or data_dir() / "kelas" / store.class_key / DB_NAME


def snapshot(store: Store, label: str, now: dt.datetime | None = None) -> Path:
    """A class kept on PostgreSQL copied into a SQLite file of the same schema (same rows,
    same ids), so a backup opens like a laptop's file: ``Store(path)``."""
    target = _target(anchor(store), label, now)
    with Store(target, migrations=store.migrations, class_key=store.class_key) as copied, \
            copied.transaction() as conn:
        conn.defer_foreign_keys()
        for table in store.tables():
            columns = ", ".join(f'"{c}"' for c in store.columns(table))
            rows = store.read(f'SELECT {columns} FROM "{table}"')  # noqa: S608 (our schema)
            conn.execute(f'DELETE FROM "{table}"')  # noqa: S608 (the copy's own class_info)
            marks = ", ".join("?" * len(store.columns(table)))
            for row in rows:
                conn.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', row)  # noqa: S608
    return target


def backups(db_path: Path, label: str = "") -> list[Path]:
    """Backups in the folder, newest first; with ``label``, only those it made."""
    folder = backup_dir(db_path)
    pattern = f"usaha_kita-*-{label}*.sqlite3" if label else "usaha_kita-*.sqlite3"
    return sorted(folder.glob(pattern), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def rotate(db_path: Path, keep: int = KEEP) -> None:
    for old in backups(db_path, START_LABEL)[keep:]:
        old.unlink(missing_ok=True)


def last_good(db_path: Path) -> Path | None:
    return next((p for p in backups(db_path) if integrity(p) == "ok"), None)


def at_start(db_path: Path | None = None, keep: int = KEEP) -> StartReport:
    """Check the live file, and back it up when it is sound (see the module text). With
    ``USAHA_KITA_DATABASE`` set, the class on PostgreSQL is copied into a SQLite file instead
    (:func:`snapshot`), so a class on a shared server also starts with a backup of its own."""
    if db_path is None and settings.database_url():
        with Store() as store:
            made = snapshot(store, START_LABEL)
            rotate(anchor(store), keep)
        return StartReport(made, "ok", None)
    path = db_path or data_dir() / DB_NAME
    if not path.exists():
        return StartReport(None, "ok", None)
    check = integrity(path)
    if check != "ok":
        return StartReport(None, check, last_good(path))
    made = take(path, START_LABEL)
    rotate(path, keep)
    return StartReport(made, check, None)


def banner_lines(report: StartReport, keep: int = KEEP) -> list[str]:
    if report.ok and report.backup is None:
        return ["Cadangan data: belum ada data / data backup: no data yet"]
    if report.ok:
        return [f"Cadangan data / data backup: {report.backup} ({keep} terakhir disimpan / "
                f"last {keep} kept); pemeriksaan data: baik / data check: good"]
    first = report.check.splitlines()[0] if report.check else "?"
    lines = ["", "!" * 72,
             "PERINGATAN: pemeriksaan data GAGAL. File data rusak; jangan lanjutkan kelas dulu.",
             "WARNING: the data check FAILED. The data file is damaged; do not go on yet.",
             f"  SQLite: {first}"]
    if report.last_good is not None:
        lines += [f"  Cadangan baik terakhir / last good backup: {report.last_good}",
                  "  Hentikan server (Ctrl-C), lalu pulihkan / stop the server, then restore:",
                  f"  python -m usaha_kita backup --restore {report.last_good}"]
    else:
        lines.append("  Tidak ada cadangan yang baik / no sound backup found.")
    return [*lines, "!" * 72, ""]


def server_lock(db_path: Path | None = None) -> IO[str] | None:
    """Hold the data folder's server lock, or ``None`` when a running server holds it.

    The server keeps the returned file open for its lifetime; the lock goes with the process
    however it ends (even SIGKILL), so a crash never leaves a stale lock behind."""
    path = (db_path or data_dir() / DB_NAME).parent / LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a")  # noqa: SIM115 (kept open on purpose: the lock lives with it)
    try:
        _lock(handle)
    except OSError:  # BlockingIOError on POSIX, PermissionError from msvcrt on Windows
        handle.close()
        return None
    return handle


def _lock(handle: IO) -> None:
    """An exclusive lock that goes with the process however it ends; raises if it is held."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


class RestoreError(RuntimeError):
    """Restore refused; the message says why, in Indonesian and English."""


def restore(source: Path, db_path: Path | None = None) -> Path | None:
    """Put ``source`` back as the live file. Refused while the server runs or when ``source``
    is not sound. The live file, if any, is kept first (as ``…-sebelum-pulih``); returns it."""
    path = db_path or data_dir() / DB_NAME
    if integrity(source) != "ok":
        raise RestoreError(f"Cadangan ini rusak / this backup is damaged: {source}")
    lock = server_lock(path)
    if lock is None:
        raise RestoreError("Server masih berjalan: hentikan dulu dengan Ctrl-C / the server "
                           "is running: stop it first with Ctrl-C")
    try:
        kept = _keep_live(path)
        for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            part.unlink(missing_ok=True)
        copy(source, path)
    finally:
        lock.close()
    return kept


def _keep_live(path: Path) -> Path | None:
    if not path.exists():
        return None
    if integrity(path) == "ok":
        return take(path, "sebelum-pulih")
    folder = backup_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"rusak-{dt.datetime.now():%Y%m%d-%H%M%S}-{path.name}"
    shutil.copy2(path, target)  # damaged: a byte copy, for whoever wants to look at it
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Backups of the kit's data file.")
    parser.add_argument("--restore", type=Path, metavar="FILE", help="put this backup back")
    parser.add_argument("--list", action="store_true", help="list the backups, newest first")
    args = parser.parse_args(argv)
    live = data_dir() / DB_NAME
    if args.restore:
        try:
            kept = restore(args.restore, live)
        except RestoreError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"Dipulihkan / restored: {args.restore} -> {live}")
        if kept:
            print(f"Data sebelumnya disimpan / the previous data was kept: {kept}")
        return 0
    for path in backups(live):
        print(f"{path}  {integrity(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

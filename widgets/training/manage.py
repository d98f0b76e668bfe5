"""Participant data, managed by the trainer: reset a PIN, unlock a name that wrong PINs locked,
merge two spellings of one person, delete a person and all their rows (a backup first), export
everything as Excel, and back the SQLite file up with SQLite's online backup.

Merging and deleting find every table with a ``participant_id`` column, so tables added later
(by any topic) are carried along without a change here. Takes a Store: only the trainer's views,
built after the trainer password, call it. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from widgets.store import Store, backup, check_pin, hash_pin, participants
from widgets.store.backend import Connection
from widgets.store.participants import kdf_string

SECRET_COLUMNS = {"pin_salt", "pin_hash", "kdf", "salt", "hash"}
# Sign-in state is not work to move: the dropped name's devices and tokens go with it.
SKIP_TABLES = {"trainer_password", "sqlite_sequence", "signin_devices", "signin_tokens"}


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    locked: bool
    failed: int


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int
    at: dt.datetime


def people(store: Store) -> list[Person]:
    now = store.clock()
    rows = store.read("SELECT id, name, locked_until, failed_attempts FROM participants"
                      " ORDER BY name_key")
    return [Person(pid, name, bool(until and dt.datetime.fromisoformat(until) > now)
                   or participants.is_locked(store, pid), failed)
            for pid, name, until, failed in rows]


def reset_pin(store: Store, participant_id: int, pin: str) -> None:
    """A new PIN (4-6 digits, ``SignInError`` otherwise); it also unlocks the name."""
    salt, kdf = secrets.token_bytes(16), kdf_string()
    digest = hash_pin(check_pin(pin), salt, kdf)
    with store.transaction() as conn:
        done = conn.execute("UPDATE participants SET pin_salt = ?, pin_hash = ?, kdf = ?,"
                            " failed_attempts = 0, locked_until = NULL WHERE id = ?",
                            (salt, digest, kdf, participant_id)).rowcount
    if done != 1:
        raise LookupError(f"no participant {participant_id}")
    participants.unlock(store, participant_id)


def unlock(store: Store, participant_id: int) -> None:
    """The name and every phone's wrong-PIN count start again."""
    participants.unlock(store, participant_id)


def _owned_tables(conn: Connection) -> list[str]:
    return [name for name in conn.tables()
            if name not in SKIP_TABLES and "participant_id" in conn.columns(name)]


def merge(store: Store, keep_id: int, drop_id: int) -> Backup:
    """Move everything of ``drop_id`` to ``keep_id`` and delete ``drop_id``. Where a table
    allows one row per person (a pre-test, a profile), the kept person's row wins."""
    if keep_id == drop_id:
        raise ValueError("merge needs two different participants")
    backup = backup_now(store, "sebelum-gabung")
    with store.transaction() as conn:
        # Rows point at each other (a payment at its cash-book line): check at commit, not per row.
        conn.defer_foreign_keys()
        for table in _owned_tables(conn):
            conn.move_rows(table, "participant_id", keep_id, drop_id)
        if conn.execute("DELETE FROM participants WHERE id = ?", (drop_id,)).rowcount != 1:
            raise LookupError(f"no participant {drop_id}")
    return backup


def delete(store: Store, participant_id: int) -> Backup:
    """Delete a participant and every row of theirs, after a backup."""
    backup = backup_now(store, "sebelum-hapus")
    with store.transaction() as conn:
        conn.defer_foreign_keys()
        for table in _owned_tables(conn):
            conn.execute(f'DELETE FROM "{table}" WHERE participant_id = ?',  # noqa: S608
                         (participant_id,))
        if conn.execute("DELETE FROM participants WHERE id = ?",
                        (participant_id,)).rowcount != 1:
            raise LookupError(f"no participant {participant_id}")
    return backup


def backup_now(store: Store, label: str = "manual") -> Backup:
    """A consistent copy made with SQLite's online backup while the class goes on (the same
    copy ``make serve`` takes at each start, see widgets.store.backup); on PostgreSQL, the
    class's tables copied into a SQLite file of the same shape."""
    slug = re.sub(r"[^a-z0-9-]+", "-", label.casefold()).strip("-") or "manual"
    when = store.clock().astimezone()
    if store.path is None:
        return _backup(backup.snapshot(store, slug, when))
    return _backup(backup.take(store.path, slug, when))


def _backup(path: Path) -> Backup:
    info = path.stat()
    return Backup(path, info.st_size, dt.datetime.fromtimestamp(info.st_mtime).astimezone())


def backups(store: Store) -> list[Backup]:
    """Backups, newest first (the trainer's and those taken at each server start)."""
    return [_backup(path) for path in backup.backups(backup.anchor(store))]


def export_all(store: Store) -> bytes:
    """Every table as a sheet of an Excel file; PIN and password hashes left out."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in [name for name in store.tables() if name not in SKIP_TABLES]:
        columns = [c for c in store.columns(table) if c not in SECRET_COLUMNS]
        sheet = book.create_sheet(table[:31])
        sheet.append(columns)
        quoted = ", ".join(f'"{c}"' for c in columns)
        for row in store.read(f'SELECT {quoted} FROM "{table}"'):  # noqa: S608 (our schema)
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""The store's two databases behind one small connection: SQLite (a file, the laptop) or
PostgreSQL (a server shared by many classes), chosen by one setting, ``USAHA_KITA_DATABASE``.

Every query in the kit is written once, in the SQLite dialect with ``?`` placeholders, and goes
through :class:`Connection`. The SQLite connection passes it on unchanged; the PostgreSQL one
(:mod:`widgets.store.postgres`) translates placeholders and DDL, takes a lock per class for a
write transaction (so writes queue as they do on one SQLite file) and raises the same errors.

Errors: both raise :data:`IntegrityError` (a refused constraint) and :data:`DatabaseError`
(anything else the database refuses); they are :mod:`sqlite3`'s, which needs no import of
psycopg on a laptop.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

IntegrityError = sqlite3.IntegrityError
DatabaseError = sqlite3.Error
# A class key names one class's data (a PostgreSQL schema ``kelas_<key>``, or the label in a
# SQLite file): lower-case letters, digits, ``_`` and ``-``.
CLASS_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,47}")


class Cursor(Protocol):
    rowcount: int

    @property
    def lastrowid(self) -> int | None: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the store and each topic's ``db.py`` may do with a connection."""

    dialect: str  # "sqlite" or "postgresql"

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...

    def begin_write(self) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def tables(self) -> list[str]: ...

    def columns(self, table: str) -> list[str]: ...

    def defer_foreign_keys(self) -> None: ...

    def move_rows(self, table: str, column: str, new: object, old: object) -> None: ...

    def change_marker(self) -> object: ...

    def schema_version(self) -> int: ...

    def set_schema_version(self, version: int) -> None: ...

    def integrity_check(self) -> str: ...

    def close(self) -> None: ...


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def check_class_key(key: str) -> str:
    if not CLASS_KEY.fullmatch(key):
        raise ValueError(f"class key {key!r}: use a-z, 0-9, _ and - (at most 48)")
    return key


class SQLiteConnection:
    """One SQLite file in WAL mode: writes are ``BEGIN IMMEDIATE`` so they queue, not fail."""

    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        self.raw = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        return self.raw.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        self.raw.executemany(sql, rows)

    def begin_write(self) -> None:
        self.raw.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.raw.in_transaction:
            self.raw.execute("ROLLBACK")

    def tables(self) -> list[str]:
        return [r[0] for r in self.raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]

    def columns(self, table: str) -> list[str]:
        return [c[1] for c in self.raw.execute(f'PRAGMA table_info("{table}")')]

    def defer_foreign_keys(self) -> None:
        self.raw.execute("PRAGMA defer_foreign_keys = ON")

    def move_rows(self, table: str, column: str, new: object, old: object) -> None:
        """``column = new`` where it is ``old``, leaving rows a UNIQUE rule would refuse."""
        self.raw.execute(f'UPDATE OR IGNORE "{table}" SET "{column}" = ?'  # noqa: S608
                         f' WHERE "{column}" = ?', (new, old))

    def change_marker(self) -> object:
        """Changes when another connection commits (SQLite's ``data_version``)."""
        return self.raw.execute("PRAGMA data_version").fetchone()[0]

    def schema_version(self) -> int:
        return int(self.raw.execute("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, version: int) -> None:
        self.raw.execute(f"PRAGMA user_version = {int(version):d}")

    def integrity_check(self) -> str:
        return "\n".join(str(r[0]) for r in self.raw.execute("PRAGMA integrity_check"))

    def close(self) -> None:
        self.raw.close()


def connect(location: Path | str, class_key: str) -> Connection:
    """A connection to a SQLite file (a path) or to one class's schema on a PostgreSQL server
    (a ``postgresql://`` URL)."""
    if is_url(location):
        from widgets.store import postgres

        return postgres.PostgresConnection(str(location), check_class_key(class_key))
    return SQLiteConnection(Path(location))

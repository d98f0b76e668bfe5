"""The kit's SQLite file: one connection per kernel, short write transactions, migrations.

One SQLite file in WAL mode holds everything; thirty kernels write to it at once, so every write
is one short ``BEGIN IMMEDIATE … COMMIT`` transaction and nothing is lost when a kernel dies.
Views never get a :class:`Store`: they get a :class:`Session`, and each topic's ``db.py``
reaches only the signed-in participant's rows through it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from widgets.core import settings
from widgets.store.schema import MIGRATIONS, Migration

DATA_ENV = settings.DATA.name
DB_NAME = "usaha_kita.sqlite3"


def data_dir() -> Path:
    """The folder for the kit's data: ``$USAHA_KITA_DATA`` or ``<kit>/data``; created if missing."""
    folder = settings.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    return data_dir() / DB_NAME


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


class Store:
    """The kit's SQLite file. One per kernel; thread-safe through a lock.

    ``migrations`` is the schema history (``widgets.store.schema.MIGRATIONS``); tests pass their
    own to try a broken step."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.clock = clock or _utcnow
        self.migrations = tuple(migrations)
        self._lock = threading.RLock()
        self._conn = _connect(self.path)
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any error, so a write is all or nothing."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, tuple(params)).fetchall()

    def now(self) -> str:
        """The store's clock as ISO text (UTC, seconds), for ``created_at`` columns."""
        return self.clock().isoformat(timespec="seconds")

    def today(self) -> dt.date:
        """The laptop's local day, not UTC: a 06:00 entry in Lampung is still today there."""
        return self.clock().astimezone().date()

    @property
    def schema_target(self) -> int:
        return len(self.migrations)

    def _migrate(self) -> None:
        target = self.schema_target
        if self.schema_version() == target:
            return
        with self.transaction() as conn:
            # Read again under the write lock: another kernel may have migrated meanwhile.
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current > target:
                raise RuntimeError(
                    f"{self.path} has schema version {current}; this kit knows {target}"
                    " (update the kit)"
                )
            for migration in self.migrations[current:]:
                migration(conn)
            conn.execute(f"PRAGMA user_version = {target:d}")

    def schema_version(self) -> int:
        return int(self.read("PRAGMA user_version")[0][0])

    def integrity_check(self) -> str:
        """``ok`` when SQLite finds the file sound, else its list of problems."""
        return "\n".join(str(row[0]) for row in self.read("PRAGMA integrity_check"))

    def sign_in(self, name: str, pin: str, device: str = "") -> Session:
        """Register a new name with its PIN, or check the PIN of a known one (``device``: the
        page's random id, see :mod:`widgets.store.participants`)."""
        from widgets.store import participants

        return participants.sign_in(self, name, pin, device)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True)
class Session:
    """A signed-in participant. Topic ``db`` functions take it and reach only this
    participant's rows (``WHERE participant_id = session.participant_id``)."""

    participant_id: int
    name: str
    is_new: bool
    store: Store = field(repr=False, compare=False)


def row_id(value: object, what: str) -> int:
    """An id a view passed in; one that is not a plain int can never match a row, and says so
    the same way a missing row does."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise LookupError(f"no {what} {value!r} here")
    return value


# A topic's rows belong to one participant. These write and read them the same way everywhere;
# table and column names always come from the topic's code, never from what a participant typed.


def insert_own(conn: sqlite3.Connection, session: Session, table: str,
               row: Mapping[str, object]) -> int:
    """Insert one of this participant's rows (``participant_id`` is added) inside the caller's
    transaction; the new row's id."""
    columns = ["participant_id", *row]
    sql = (f"INSERT INTO {table} ({', '.join(columns)})"  # noqa: S608 (names from code)
           f" VALUES ({', '.join('?' * len(columns))})")
    return int(conn.execute(sql, (session.participant_id, *row.values())).lastrowid or 0)


def add_own(session: Session, table: str, row: Mapping[str, object]) -> int:
    """:func:`insert_own` in a short transaction of its own; the new row's id."""
    with session.store.transaction() as conn:
        return insert_own(conn, session, table, row)


def select_own(session: Session, select: str, where: Mapping[str, object | None],
               tail: str = "", tail_params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
    """The rows of ``select`` (``SELECT … FROM table``) that are this participant's, with
    ``AND column = ?`` for each ``where`` value that is not None; ``tail`` (``ORDER BY …``)
    ends the query."""
    sql, params = select + " WHERE participant_id = ?", [session.participant_id]
    for column, value in where.items():
        if value is not None:
            sql, params = sql + f" AND {column} = ?", [*params, value]
    return session.store.read(f"{sql} {tail}".rstrip(), [*params, *tail_params])

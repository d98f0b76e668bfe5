"""The kit's store: one connection per kernel, short write transactions, migrations.

On a laptop one SQLite file in WAL mode holds everything; thirty kernels write to it at once, so
every write is one short ``BEGIN IMMEDIATE … COMMIT`` transaction and nothing is lost when a
kernel dies. With ``USAHA_KITA_DATABASE`` set to a ``postgresql://`` URL the same tables live in
one schema per class on a shared server (:mod:`widgets.store.backend`, ``postgres``); the class
is ``USAHA_KITA_CLASS`` (default: the village), so a trainer's store reaches only their class.
Views never get a :class:`Store`: they get a :class:`Session`, and each topic's ``db.py``
reaches only the signed-in participant's rows through it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from widgets.core import settings
from widgets.store import backend
from widgets.store.backend import Connection
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


class Store:
    """The kit's store. One per kernel; thread-safe through a lock.

    ``location``: a SQLite file's path, or a ``postgresql://`` URL (then ``class_key`` names
    the class, default ``USAHA_KITA_CLASS``); none: ``USAHA_KITA_DATABASE``, else the SQLite
    file in the data folder. ``label=False`` leaves the class and village the store was
    labelled with alone (the programme office's export). ``migrations`` is the schema history
    (``widgets.store.schema.MIGRATIONS``); tests pass their own to try a broken step."""

    def __init__(
        self,
        location: Path | str | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
        class_key: str | None = None,
        label: bool = True,
    ) -> None:
        location = location if location is not None else (
            settings.database_url() or default_db_path())
        self.class_key = class_key or settings.class_key()
        self.url = str(location) if backend.is_url(location) else None
        # The SQLite file, or None on PostgreSQL (no file to back up or to watch).
        self.path = None if self.url else Path(location)
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.clock = clock or _utcnow
        self.migrations = tuple(migrations)
        self._lock = threading.RLock()
        self._conn = backend.connect(self.url or self.path, self.class_key)
        try:
            self._migrate()
            if label and self.migrations[:len(MIGRATIONS)] == MIGRATIONS:
                self._label()
        except BaseException:
            self._conn.close()
            raise

    def _label(self) -> None:
        """Write which class and village this store holds, the first time it opens (later
        opens, with other settings, leave the label alone)."""
        if self.read("SELECT 1 FROM class_info"):
            return
        with self.transaction() as conn:
            conn.execute("INSERT INTO class_info (id, class_key, village, updated_at)"
                         " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                         (self.class_key, settings.village(), self.now()))

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._conn.dialect

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction; rolled back on any error, so a write is all or nothing."""
        with self._lock:
            conn = self._conn
            conn.begin_write()
            try:
                yield conn
                conn.commit()
            except BaseException:
                conn.rollback()
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
            current = conn.schema_version()
            if current > target:
                raise RuntimeError(
                    f"{self.path or self.class_key} has schema version {current};"
                    f" this kit knows {target} (update the kit)"
                )
            for migration in self.migrations[current:]:
                migration(conn)
            conn.set_schema_version(target)

    def schema_version(self) -> int:
        with self._lock:
            return self._conn.schema_version()

    def integrity_check(self) -> str:
        """``ok`` when the database finds itself sound, else its list of problems."""
        with self._lock:
            return self._conn.integrity_check()

    def tables(self) -> list[str]:
        """The names of the store's tables (a topic's, and the store's own)."""
        with self._lock:
            return self._conn.tables()

    def columns(self, table: str) -> list[str]:
        with self._lock:
            return self._conn.columns(table)

    def change_marker(self) -> object:
        """A value that changes when another kernel commits (``training.watch`` polls it)."""
        with self._lock:
            return self._conn.change_marker()

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


def insert_own(conn: Connection, session: Session, table: str,
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

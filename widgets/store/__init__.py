"""SQLite persistence: participants (name + hashed PIN), their cash-book entries, exercise answers,
and the profit-sharing rules and distributions they save.

One SQLite file in WAL mode holds everything; thirty kernels write to it at once, so every write
is one short ``BEGIN IMMEDIATE … COMMIT`` transaction and nothing is lost when a kernel dies.
Views never get a :class:`Store`: they get a :class:`Session`, whose methods only reach the
signed-in participant's rows.

Sharing rules and distributions belong to the participant who saved them, labelled with the
group they are for. They are not shared with everyone who says they are in that group: sign-in
proves a name and a PIN, not group membership, so a group-wide scope would let anyone read or
overwrite a group's agreed rule by typing its name. The group's treasurer saves the rule and the
records; a trainer dashboard will read across participants through the :class:`Store`, never
through a participant's Session.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import math
import os
import re
import secrets
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from widgets.cashbook.ledger import Entry, make_entry
from widgets.core.i18n import t

DATA_ENV = "USAHA_KITA_DATA"
DB_NAME = "usaha_kita.sqlite3"
NAME_MAX = 40
_NAME_PUNCTUATION = frozenset("0123456789 .'-")
_PIN = re.compile(r"[0-9]{4,6}")
MAX_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=5)
# scrypt at n=2**14 costs ~16 MB and tens of milliseconds: cheap for one sign-in, slow for
# someone trying all 10^4..10^6 PINs from a copied database file.
SCRYPT_PARAMS = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def data_dir() -> Path:
    """The folder for the kit's data: ``$USAHA_KITA_DATA`` or ``<kit>/data``; created if missing."""
    configured = os.environ.get(DATA_ENV)
    folder = Path(configured) if configured else Path(__file__).resolve().parents[2] / "data"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    return data_dir() / DB_NAME


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- Schema ---------------------------------------------------------------------------------

_SCHEMA_1 = (
    """CREATE TABLE participants (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        pin_salt BLOB,
        pin_hash BLOB,
        kdf TEXT,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
    )""",
    # AUTOINCREMENT so a deleted entry's id is never reused: a stale phone screen that still
    # shows it must not end up editing someone's newer entry.
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        description TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        category TEXT NOT NULL,
        purse TEXT NOT NULL CHECK (purse IN ('usaha', 'rumah')),
        amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX entries_by_participant ON entries(participant_id, day, id)",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        exercise TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX answers_by_participant ON answers(participant_id, exercise, id)",
)


def _schema(statements: tuple[str, ...]) -> Callable[[sqlite3.Connection], None]:
    """A migration that runs ``statements`` one by one (executescript() would COMMIT the
    surrounding transaction, so a failed migration could not be rolled back)."""

    def migrate(conn: sqlite3.Connection) -> None:
        for sql in statements:
            conn.execute(sql)

    return migrate


_SCHEMA_2 = (
    # A group's agreed sharing rule. Every save is a new row; the newest is the rule in force,
    # the older ones show how the agreement changed.
    """CREATE TABLE sharing_rules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        group_key TEXT NOT NULL,
        group_name TEXT NOT NULL,
        method TEXT NOT NULL,
        params TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX sharing_rules_by_participant ON sharing_rules(participant_id, group_key, id)",
    # One distribution as recorded in the berita acara: shares and set-aside amounts are JSON
    # lists of [label, rupiah] in the order shown; they must add up to the total.
    """CREATE TABLE distributions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        group_key TEXT NOT NULL,
        group_name TEXT NOT NULL,
        day TEXT NOT NULL,
        place TEXT NOT NULL,
        method TEXT NOT NULL,
        params TEXT NOT NULL,
        total INTEGER NOT NULL CHECK (typeof(total) = 'integer'),
        shares TEXT NOT NULL,
        set_aside TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX distributions_by_participant ON distributions(participant_id, group_key, id)",
)


_SCHEMA_3 = (
    # Promotion texts a participant saved (lesson 4 posts, lesson 5 listings): the parts as
    # JSON, so the composer can open them again, and the text as it was shown.
    """CREATE TABLE posts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('post', 'listing')),
        platform TEXT NOT NULL,
        parts TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX posts_by_participant ON posts(participant_id, kind, id)",
)


_SCHEMA_4 = (
    # The trainer's password: one row, a salted scrypt hash, and the wrong-attempt counter.
    """CREATE TABLE trainer_password (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        salt BLOB NOT NULL,
        hash BLOB NOT NULL,
        kdf TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        updated_at TEXT NOT NULL
    )""",
    # A sign-in on a lesson page: attendance and "who is where now" are built from these.
    """CREATE TABLE visits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        page TEXT NOT NULL,
        day TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX visits_by_day ON visits(day, participant_id)",
    """CREATE TABLE participant_profiles (
        participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        group_key TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('', 'L', 'P')),
        updated_at TEXT NOT NULL
    )""",
    # One pre-test, one post-test and one satisfaction form per participant (JSON bodies).
    """CREATE TABLE evaluations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        phase TEXT NOT NULL CHECK (phase IN ('pre', 'post', 'satisfaction')),
        answers TEXT NOT NULL,
        extra TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (participant_id, phase)
    )""",
    # People the trainer adds to a day's attendance list (no phone: they worked in pairs).
    """CREATE TABLE attendance_added (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        group_key TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('', 'L', 'P')),
        session TEXT NOT NULL,
        partner TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    # The trainer's own paragraphs of the activity report (conclusions, follow-up plan, ...).
    """CREATE TABLE report_texts (
        key TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
)


# Append only. Migration i brings the file from user_version i to i + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = tuple(
    _schema(statements) for statements in (_SCHEMA_1, _SCHEMA_2, _SCHEMA_3, _SCHEMA_4))
SCHEMA_VERSION = len(MIGRATIONS)


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


# --- Names and PINs -------------------------------------------------------------------------


class SignInError(ValueError):
    """A sign-in the participant must fix; ``field`` is ``name`` or ``pin``."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def normalise_name(name: str) -> tuple[str, str]:
    """``(display name, name_key)``: spaces collapsed, and a key that ignores letter case so
    ``siti aminah`` and ``Siti  Aminah`` find the same participant."""
    # NFKC folds phone-keyboard variants (full-width letters, ligatures) into plain ones;
    # curly apostrophes come from autocorrect, not from the person.
    text = unicodedata.normalize("NFKC", name if isinstance(name, str) else "")
    text = " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split())
    if not text:
        raise SignInError("name", t("store.name_empty"))
    if len(text) > NAME_MAX:
        raise SignInError("name", t("store.name_too_long", max=NAME_MAX))
    allowed = all(ch.isalpha() or ch in _NAME_PUNCTUATION for ch in text)
    if not allowed or not any(ch.isalnum() for ch in text):
        raise SignInError("name", t("store.name_chars"))
    return text, text.casefold()


def check_pin(pin: str) -> str:
    """The PIN if it is 4-6 ASCII digits, else :class:`SignInError` on ``pin``."""
    text = pin.strip() if isinstance(pin, str) else ""
    if not _PIN.fullmatch(text):
        raise SignInError("pin", t("store.pin_format"))
    return text


def _kdf_string() -> str:
    return "scrypt:" + ",".join(f"{k}={v}" for k, v in SCRYPT_PARAMS.items())


def hash_pin(pin: str, salt: bytes, kdf: str) -> bytes:
    """scrypt with the parameters recorded in ``kdf``, so raising them later keeps old PINs
    valid."""
    scheme, _, params = kdf.partition(":")
    if scheme != "scrypt":
        raise ValueError(f"unknown kdf {kdf!r}")
    p = {key: int(value) for key, value in (item.split("=") for item in params.split(","))}
    maxmem = 2 * 128 * p["r"] * p["n"] + 2**20  # what scrypt needs, plus slack
    return hashlib.scrypt(
        pin.encode("ascii"),
        salt=salt,
        n=p["n"],
        r=p["r"],
        p=p["p"],
        dklen=p["dklen"],
        maxmem=maxmem,
    )


def _minutes_left(locked_until: dt.datetime, now: dt.datetime) -> int:
    return max(1, math.ceil((locked_until - now).total_seconds() / 60))


# --- Store ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One saved exercise answer."""

    id: int
    exercise: str
    answer: dict[str, Any]
    correct: bool
    created_at: str


@dataclass(frozen=True)
class SavedRule:
    """A group's sharing rule as a participant saved it (``params`` as in ``sharing.rules``)."""

    id: int
    group_key: str
    group_name: str
    method: str
    params: dict[str, Any]
    note: str
    created_at: str


@dataclass(frozen=True)
class SavedPost:
    id: int
    kind: str  # "post" or "listing"
    platform: str
    parts: dict[str, Any]
    text: str
    created_at: str


POST_TEXT_MAX = 6000


@dataclass(frozen=True)
class SavedDistribution:
    """One saved distribution: everything the printed record (berita acara) shows."""

    id: int
    group_key: str
    group_name: str
    day: dt.date
    place: str
    method: str
    params: dict[str, Any]
    total: int
    shares: list[tuple[str, int]]
    set_aside: list[tuple[str, int]]
    note: str
    created_at: str


class DistributionError(ValueError):
    """A distribution the store refuses (it does not add up, or a field is unusable)."""


TEXT_MAX = 200
MAX_SHARES = 1000


def _short_text(value: object, what: str, required: bool = True) -> str:
    text = " ".join(value.split()) if isinstance(value, str) else None
    if text is None or len(text) > TEXT_MAX or (required and not text):
        raise DistributionError(t("store.sharing_bad_text", what=what))
    return text


def _is_rupiah(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _amount_pairs(pairs: object, what: str) -> list[tuple[str, int]]:
    items = list(pairs.items()) if isinstance(pairs, dict) else list(pairs)  # type: ignore[arg-type]
    if len(items) > MAX_SHARES:
        raise DistributionError(t("store.sharing_bad_text", what=what))
    checked = []
    for label, amount in items:
        if not _is_rupiah(amount):
            raise DistributionError(t("store.sharing_bad_text", what=what))
        checked.append((_short_text(label, what), amount))
    return checked


def _rule_from_row(row: tuple[Any, ...]) -> SavedRule:
    rule_id, key, name, method, params, note, at = row
    return SavedRule(rule_id, key, name, method, json.loads(params), note, at)


def _distribution_from_row(row: tuple[Any, ...]) -> SavedDistribution:
    (dist_id, key, name, day, place, method, params, total, shares, aside, note, at) = row
    return SavedDistribution(dist_id, key, name, dt.date.fromisoformat(day), place, method,
                             json.loads(params), total,
                             [(label, amount) for label, amount in json.loads(shares)],
                             [(label, amount) for label, amount in json.loads(aside)], note, at)


_SELECT_DISTRIBUTIONS = (
    "SELECT id, group_key, group_name, day, place, method, params, total, shares, set_aside,"
    " note, created_at FROM distributions WHERE participant_id = ?"
)


class Store:
    """The kit's SQLite file. One per kernel; thread-safe through a lock."""

    def __init__(
        self, path: Path | str | None = None, *, clock: Callable[[], dt.datetime] | None = None
    ) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock or _utcnow
        self._lock = threading.RLock()
        self._conn = _connect(self.path)
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # Plumbing

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
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

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    def _migrate(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self._transaction() as conn:
            # Read again under the write lock: another kernel may have migrated meanwhile.
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path} has schema version {current}; this kit knows {SCHEMA_VERSION}"
                    " (update the kit)"
                )
            for migration in MIGRATIONS[current:]:
                migration(conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")

    # The public names of the store contract (the store split makes these the API).

    def transaction(self):  # noqa: ANN201
        return self._transaction()

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        return self._read(sql, params)

    def now(self) -> str:
        return self._now()

    def clock(self) -> dt.datetime:
        return self._clock()

    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

    def integrity_check(self) -> str:
        """``ok`` when SQLite finds the file sound, else its list of problems."""
        return "\n".join(str(row[0]) for row in self._read("PRAGMA integrity_check"))

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

    # Sign-in

    def sign_in(self, name: str, pin: str) -> Session:
        """Register a new name with its PIN, or check the PIN of a known one."""
        display, key = normalise_name(name)
        pin = check_pin(pin)
        row = self._participant(key)
        if row is None:
            registered = self._register(display, key, pin)
            if registered is not None:
                return Session(registered, display, True, self)
            # Someone registered the same name a moment ago: treat it as a known name.
            row = self._participant(key)
            assert row is not None
        return self._verify(row, pin)

    def _participant(self, key: str) -> tuple[Any, ...] | None:
        rows = self._read(
            "SELECT id, name, pin_salt, pin_hash, kdf, locked_until FROM participants"
            " WHERE name_key = ?",
            (key,),
        )
        return rows[0] if rows else None

    def _register(self, display: str, key: str, pin: str) -> int | None:
        salt, kdf = secrets.token_bytes(16), _kdf_string()
        digest = hash_pin(pin, salt, kdf)  # slow: computed outside the write lock
        try:
            with self._transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO participants (name, name_key, pin_salt, pin_hash, kdf,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (display, key, salt, digest, kdf, self._now()),
                )
                return cursor.lastrowid
        except sqlite3.IntegrityError:
            return None

    def _verify(self, row: tuple[Any, ...], pin: str) -> Session:
        participant_id, display, salt, stored, kdf, locked_until = row
        now = self._clock()
        if locked_until and dt.datetime.fromisoformat(locked_until) > now:
            until = dt.datetime.fromisoformat(locked_until)
            raise SignInError("pin", t("store.locked", minutes=_minutes_left(until, now)))
        if hmac.compare_digest(hash_pin(pin, salt, kdf), stored):
            with self._transaction() as conn:
                conn.execute(
                    "UPDATE participants SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                    (participant_id,),
                )
            return Session(participant_id, display, False, self)
        raise self._record_failure(participant_id, now)

    def _record_failure(self, participant_id: int, now: dt.datetime) -> SignInError:
        # Count and lock in one transaction so parallel wrong guesses cannot slip past 5.
        with self._transaction() as conn:
            conn.execute(
                "UPDATE participants SET failed_attempts = failed_attempts + 1 WHERE id = ?",
                (participant_id,),
            )
            (failed,) = conn.execute(
                "SELECT failed_attempts FROM participants WHERE id = ?", (participant_id,)
            ).fetchone()
            if failed < MAX_ATTEMPTS:
                return SignInError("pin", t("store.pin_wrong", left=MAX_ATTEMPTS - failed))
            until = now + LOCKOUT
            conn.execute(
                "UPDATE participants SET failed_attempts = 0, locked_until = ? WHERE id = ?",
                (until.isoformat(timespec="seconds"), participant_id),
            )
        return SignInError("pin", t("store.locked", minutes=_minutes_left(until, now)))

    # Entries and answers, always for one participant (called through Session)

    def _checked(self, entry: Entry, entry_id: int | None) -> Entry:
        today = self._clock().astimezone().date()  # the laptop's local day, not UTC
        return make_entry(
            entry.day,
            entry.description,
            entry.direction,
            entry.category,
            entry.amount,
            entry.purse,
            today=today,
            id=entry_id,
        )

    def _entries(self, participant_id: int, entry_id: int | None = None) -> list[Entry]:
        sql = (
            "SELECT id, day, description, direction, category, amount, purse FROM entries"
            " WHERE participant_id = ?"
        )
        params: tuple[object, ...] = (participant_id,)
        if entry_id is not None:
            sql, params = sql + " AND id = ?", (participant_id, entry_id)
        rows = self._read(sql + " ORDER BY day, id", params)
        return [
            Entry(dt.date.fromisoformat(day), text, direction, category, amount, purse, row_id)
            for row_id, day, text, direction, category, amount, purse in rows
        ]

    def _add_entry(self, participant_id: int, entry: Entry) -> Entry:
        checked = self._checked(entry, None)
        now = self._now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO entries (participant_id, day, description, direction, category,"
                " purse, amount, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    participant_id,
                    checked.day.isoformat(),
                    checked.description,
                    checked.direction,
                    checked.category,
                    checked.purse,
                    checked.amount,
                    now,
                    now,
                ),
            )
            new_id = cursor.lastrowid
        return replace(checked, id=new_id)

    def _update_entry(self, participant_id: int, entry_id: int, entry: Entry) -> Entry:
        entry_id = _entry_id(entry_id)
        checked = self._checked(entry, entry_id)
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE entries SET day = ?, description = ?, direction = ?, category = ?,"
                " purse = ?, amount = ?, updated_at = ? WHERE id = ? AND participant_id = ?",
                (
                    checked.day.isoformat(),
                    checked.description,
                    checked.direction,
                    checked.category,
                    checked.purse,
                    checked.amount,
                    self._now(),
                    entry_id,
                    participant_id,
                ),
            )
            if cursor.rowcount != 1:
                raise LookupError(f"no entry {entry_id} in this cash book")
        return checked

    def _delete_entry(self, participant_id: int, entry_id: int) -> None:
        entry_id = _entry_id(entry_id)
        with self._transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM entries WHERE id = ? AND participant_id = ?",
                (entry_id, participant_id),
            )
            if cursor.rowcount != 1:
                raise LookupError(f"no entry {entry_id} in this cash book")

    def _save_answer(
        self, participant_id: int, exercise: str, answer: dict[str, Any], correct: bool
    ) -> int:
        if not isinstance(exercise, str) or not exercise:
            raise ValueError("exercise must be a non-empty string")
        text = json.dumps(answer, ensure_ascii=False, sort_keys=True)
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO answers (participant_id, exercise, answer, correct, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (participant_id, exercise, text, int(bool(correct)), self._now()),
            )
            return int(cursor.lastrowid or 0)

    def _answers(self, participant_id: int, exercise: str) -> list[Answer]:
        rows = self._read(
            "SELECT id, exercise, answer, correct, created_at FROM answers"
            " WHERE participant_id = ? AND exercise = ? ORDER BY id",
            (participant_id, exercise),
        )
        return [Answer(i, ex, json.loads(text), bool(ok), at) for i, ex, text, ok, at in rows]


    # Sharing rules and distributions, always for one participant (called through Session)

    def _save_rule(self, participant_id: int, group_key: str, group_name: str, method: str,
                   params: dict[str, Any], note: str) -> SavedRule:
        key = _short_text(group_key, "group")
        name = _short_text(group_name, "group")
        method = _short_text(method, "method")
        note = _short_text(note, "note", required=False)
        text = json.dumps(params, ensure_ascii=False, sort_keys=True)
        now = self._now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO sharing_rules (participant_id, group_key, group_name, method,"
                " params, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (participant_id, key, name, method, text, note, now),
            )
            rule_id = int(cursor.lastrowid or 0)
        return SavedRule(rule_id, key, name, method, json.loads(text), note, now)

    def _rules(self, participant_id: int, group_key: str | None) -> list[SavedRule]:
        sql = ("SELECT id, group_key, group_name, method, params, note, created_at"
               " FROM sharing_rules WHERE participant_id = ?")
        params: tuple[object, ...] = (participant_id,)
        if group_key is not None:
            sql, params = sql + " AND group_key = ?", (participant_id, group_key)
        return [_rule_from_row(row) for row in self._read(sql + " ORDER BY id", params)]

    def _save_distribution(self, participant_id: int, fields: dict[str, Any]
                           ) -> SavedDistribution:
        total = fields["total"]
        if not _is_rupiah(total):
            raise DistributionError(t("store.sharing_bad_text", what="total"))
        shares = _amount_pairs(fields["shares"], "shares")
        aside = _amount_pairs(fields.get("set_aside") or [], "set_aside")
        if not shares or sum(a for _, a in shares) + sum(a for _, a in aside) != total:
            raise DistributionError(t("store.sharing_unbalanced"))
        day = fields["day"]
        if not isinstance(day, dt.date):
            raise DistributionError(t("store.sharing_bad_text", what="day"))
        row = (
            _short_text(fields["group_key"], "group"), _short_text(fields["group_name"], "group"),
            day.isoformat(), _short_text(fields.get("place", ""), "place", required=False),
            _short_text(fields["method"], "method"),
            json.dumps(fields.get("params") or {}, ensure_ascii=False, sort_keys=True), total,
            json.dumps(shares, ensure_ascii=False), json.dumps(aside, ensure_ascii=False),
            _short_text(fields.get("note", ""), "note", required=False), self._now(),
        )
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO distributions (participant_id, group_key, group_name, day, place,"
                " method, params, total, shares, set_aside, note, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (participant_id, *row),
            )
            new_id = int(cursor.lastrowid or 0)
        return _distribution_from_row((new_id, *row))

    def _distributions(self, participant_id: int, group_key: str | None = None,
                       dist_id: int | None = None) -> list[SavedDistribution]:
        sql = _SELECT_DISTRIBUTIONS
        params: list[object] = [participant_id]
        if group_key is not None:
            sql += " AND group_key = ?"
            params.append(group_key)
        if dist_id is not None:
            sql += " AND id = ?"
            params.append(dist_id)
        rows = self._read(sql + " ORDER BY day, id", tuple(params))
        return [_distribution_from_row(row) for row in rows]


    # Promotion texts (lessons 4 and 5)

    def _save_post(self, participant_id: int, kind: str, platform: str,
                   parts: dict[str, Any], text: str) -> SavedPost:
        if kind not in ("post", "listing"):
            raise ValueError(f"unknown kind {kind!r}")
        if not isinstance(text, str) or not text.strip() or len(text) > POST_TEXT_MAX:
            raise ValueError("a saved post needs text of at most 6000 characters")
        platform = _short_text(platform, "platform")
        body = json.dumps(parts, ensure_ascii=False, sort_keys=True)
        now = self._now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO posts (participant_id, kind, platform, parts, text, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (participant_id, kind, platform, body, text, now),
            )
            post_id = int(cursor.lastrowid or 0)
        return SavedPost(post_id, kind, platform, json.loads(body), text, now)

    def _posts(self, participant_id: int, kind: str | None) -> list[SavedPost]:
        sql = ("SELECT id, kind, platform, parts, text, created_at FROM posts"
               " WHERE participant_id = ?")
        params: tuple[object, ...] = (participant_id,)
        if kind is not None:
            sql, params = sql + " AND kind = ?", (participant_id, kind)
        return [SavedPost(i, k, p, json.loads(parts), text, at)
                for i, k, p, parts, text, at in self._read(sql + " ORDER BY id", params)]


def _entry_id(entry_id: object) -> int:
    # An id that is not a plain int can never match a row; say so the same way.
    if isinstance(entry_id, bool) or not isinstance(entry_id, int):
        raise LookupError(f"no entry {entry_id!r} in this cash book")
    return entry_id


@dataclass(frozen=True)
class Session:
    """A signed-in participant. Every method reaches only this participant's rows."""

    participant_id: int
    name: str
    is_new: bool
    _store: Store = field(repr=False, compare=False)

    def entries(self) -> list[Entry]:
        """The cash book, ordered by day and then by when each entry was written."""
        return self._store._entries(self.participant_id)

    def get_entry(self, entry_id: int) -> Entry:
        found = self._store._entries(self.participant_id, _entry_id(entry_id))
        if not found:
            raise LookupError(f"no entry {entry_id} in this cash book")
        return found[0]

    def add_entry(self, entry: Entry) -> Entry:
        """Check and save a new entry; returns it with its id (``EntryError`` if invalid)."""
        return self._store._add_entry(self.participant_id, entry)

    def update_entry(self, entry_id: int, entry: Entry) -> Entry:
        """Replace entry ``entry_id``; ``LookupError`` if it is not in this cash book."""
        return self._store._update_entry(self.participant_id, entry_id, entry)

    def delete_entry(self, entry_id: int) -> None:
        """Delete entry ``entry_id``; ``LookupError`` if it is not in this cash book."""
        self._store._delete_entry(self.participant_id, entry_id)

    def save_answer(self, exercise: str, answer: dict[str, Any], correct: bool) -> int:
        """Record one attempt at an exercise; returns its id."""
        return self._store._save_answer(self.participant_id, exercise, answer, correct)

    def answers(self, exercise: str) -> list[Answer]:
        """This participant's attempts at ``exercise``, oldest first."""
        return self._store._answers(self.participant_id, exercise)

    # Profit-sharing (lesson 3)

    def save_rule(self, group_key: str, group_name: str, method: str, params: dict[str, Any],
                  note: str = "") -> SavedRule:
        """Record the rule this participant's group agreed; it becomes the rule in force."""
        return self._store._save_rule(self.participant_id, group_key, group_name, method,
                                      params, note)

    def rule(self, group_key: str) -> SavedRule | None:
        """The newest rule this participant saved for ``group_key``, if any."""
        found = self._store._rules(self.participant_id, group_key)
        return found[-1] if found else None

    def rules(self, group_key: str | None = None) -> list[SavedRule]:
        """Every rule this participant saved (oldest first): how the agreement changed."""
        return self._store._rules(self.participant_id, group_key)

    def save_distribution(self, *, group_key: str, group_name: str, day: dt.date, method: str,
                          params: dict[str, Any], total: int, shares: Any,
                          set_aside: Any = (), place: str = "", note: str = ""
                          ) -> SavedDistribution:
        """Save one distribution; ``DistributionError`` unless shares and set-aside amounts
        add up to ``total`` exactly."""
        return self._store._save_distribution(self.participant_id, {
            "group_key": group_key, "group_name": group_name, "day": day, "method": method,
            "params": params, "total": total, "shares": shares, "set_aside": set_aside,
            "place": place, "note": note})

    def distributions(self, group_key: str | None = None) -> list[SavedDistribution]:
        """This participant's saved distributions, by day."""
        return self._store._distributions(self.participant_id, group_key)

    def get_distribution(self, dist_id: int) -> SavedDistribution:
        if isinstance(dist_id, bool) or not isinstance(dist_id, int):
            raise LookupError(f"no distribution {dist_id!r} here")
        found = self._store._distributions(self.participant_id, dist_id=dist_id)
        if not found:
            raise LookupError(f"no distribution {dist_id} here")
        return found[0]

    # Promotion (lessons 4 and 5)

    def save_post(self, kind: str, platform: str, parts: dict[str, Any], text: str
                  ) -> SavedPost:
        """Keep a post (``kind="post"``) or a listing (``"listing"``) this participant wrote."""
        return self._store._save_post(self.participant_id, kind, platform, parts, text)

    def posts(self, kind: str | None = None) -> list[SavedPost]:
        """This participant's saved posts or listings, oldest first."""
        return self._store._posts(self.participant_id, kind)

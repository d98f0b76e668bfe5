"""Participants: a name and a 4–6 digit PIN, stored only as a salted scrypt hash.

A new name registers; a known name must give its PIN. Five wrong PINs from one phone lock that
phone out of the name for five minutes; twenty from phones the name never signed in from lock
it for fifteen, for those phones only. Counted in one transaction so parallel guesses cannot
slip past a limit. The trainer can unlock (:func:`unlock`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
import re
import secrets
import unicodedata
from typing import Any

from widgets.core.i18n import t
from widgets.core.text import clean_text, mixes_scripts
from widgets.store.backend import Connection, IntegrityError
from widgets.store.db import Session, Store

NAME_MAX = 40
_NAME_PUNCTUATION = frozenset("0123456789 .'-")
_PIN = re.compile(r"[0-9]{4,6}")
MAX_ATTEMPTS = 5  # wrong PINs from one phone for one name
LOCKOUT = dt.timedelta(minutes=5)
# Wrong PINs for one name from phones that never signed in to it, all together: a guesser who
# makes up a new phone id every five tries still stops here, and the owner's phone does not.
NAME_MAX_ATTEMPTS = 20
NAME_LOCKOUT = dt.timedelta(minutes=15)
_DEVICE = re.compile(r"[A-Za-z0-9_-]{16,64}")
# scrypt at n=2**14 costs ~16 MB and tens of milliseconds: cheap for one sign-in, slow for
# someone trying all 10^4..10^6 PINs from a copied database file.
SCRYPT_PARAMS = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


class SignInError(ValueError):
    """A sign-in the participant must fix; ``field`` is ``name`` or ``pin``."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def normalise_name(name: str) -> tuple[str, str]:
    """``(display name, name_key)``: spaces collapsed, and a key that ignores letter case so
    ``siti aminah`` and ``Siti  Aminah`` find the same participant. A name that mixes
    alphabets (``Sіti`` with a Cyrillic ``і``) is refused: it would look like another
    participant's name but open a second account."""
    # NFKC folds phone-keyboard variants (full-width letters, ligatures) into plain ones and
    # composes accents (its result is in NFC too); direction controls are invisible and go;
    # curly apostrophes come from autocorrect, not from the person.
    text = unicodedata.normalize("NFKC", clean_text(name) if isinstance(name, str) else "")
    text = " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split())
    if not text:
        raise SignInError("name", t("store.name_empty"))
    if len(text) > NAME_MAX:
        raise SignInError("name", t("store.name_too_long", max=NAME_MAX))
    allowed = all(ch.isalpha() or ch in _NAME_PUNCTUATION for ch in text)
    if not allowed or not any(ch.isalnum() for ch in text):
        raise SignInError("name", t("store.name_chars"))
    if mixes_scripts(text):
        raise SignInError("name", t("store.name_scripts"))
    return text, text.casefold()


def check_pin(pin: str) -> str:
    """The PIN if it is 4-6 ASCII digits, else :class:`SignInError` on ``pin``."""
    text = pin.strip() if isinstance(pin, str) else ""
    if not _PIN.fullmatch(text):
        raise SignInError("pin", t("store.pin_format"))
    return text


def kdf_string() -> str:
    return "scrypt:" + ",".join(f"{k}={v}" for k, v in SCRYPT_PARAMS.items())


def hash_pin(pin: str, salt: bytes, kdf: str) -> bytes:
    """scrypt with the parameters recorded in ``kdf``, so raising them later keeps old PINs
    valid."""
    scheme, _, params = kdf.partition(":")
    if scheme != "scrypt":
        raise ValueError(f"unknown kdf {kdf!r}")
    p = {key: int(value) for key, value in (item.split("=") for item in params.split(","))}
    maxmem = 2 * 128 * p["r"] * p["n"] + 2**20  # what scrypt needs, plus slack
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=p["n"], r=p["r"], p=p["p"],
                          dklen=p["dklen"], maxmem=maxmem)


def _minutes_left(locked_until: dt.datetime, now: dt.datetime) -> int:
    return max(1, math.ceil((locked_until - now).total_seconds() / 60))


def check_device(device: object) -> str:
    """The page's device id if it looks like one (16-64 letters, digits, ``-``, ``_``), else
    ``""``: every page without an id shares one count, never a trusted one."""
    return device if isinstance(device, str) and _DEVICE.fullmatch(device) else ""


def sign_in(store: Store, name: str, pin: str, device: str = "") -> Session:
    """Register a new name with its PIN, or check the PIN of a known one. ``device`` is the
    page's random id: wrong PINs lock that phone for that name, and the name itself only for
    phones that never signed in to it, so a classmate guessing cannot lock the owner out."""
    display, key = normalise_name(name)
    pin, device = check_pin(pin), check_device(device)
    row = _participant(store, key)
    if row is None:
        registered = _register(store, display, key, pin)
        if registered is not None:
            if device:  # the phone that chose the PIN is the owner's
                _trust(store, registered, device)
            return Session(registered, display, True, store)
        # Someone registered the same name a moment ago: treat it as a known name.
        row = _participant(store, key)
        assert row is not None
    return _verify(store, row, pin, device)


def _participant(store: Store, key: str) -> tuple[Any, ...] | None:
    rows = store.read(
        "SELECT id, name, pin_salt, pin_hash, kdf, locked_until FROM participants"
        " WHERE name_key = ?", (key,))
    return rows[0] if rows else None


def _register(store: Store, display: str, key: str, pin: str) -> int | None:
    salt, kdf = secrets.token_bytes(16), kdf_string()
    digest = hash_pin(pin, salt, kdf)  # slow: computed outside the write lock
    try:
        with store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO participants (name, name_key, pin_salt, pin_hash, kdf,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (display, key, salt, digest, kdf, store.now()))
            return cursor.lastrowid
    except IntegrityError:
        return None


def _device(store: Store, participant_id: int, device: str) -> tuple[str | None, bool]:
    rows = store.read("SELECT locked_until, trusted FROM signin_devices"
                      " WHERE participant_id = ? AND device = ?", (participant_id, device))
    return (rows[0][0], bool(rows[0][1])) if rows else (None, False)


def _locked(until: str | None, now: dt.datetime) -> SignInError | None:
    if until and dt.datetime.fromisoformat(until) > now:
        minutes = _minutes_left(dt.datetime.fromisoformat(until), now)
        return SignInError("pin", t("store.locked", minutes=minutes))
    return None


def _verify(store: Store, row: tuple[Any, ...], pin: str, device: str) -> Session:
    participant_id, display, salt, stored, kdf, name_locked_until = row
    now = store.clock()
    device_locked_until, trusted = _device(store, participant_id, device)
    locked = _locked(device_locked_until, now) or (
        None if trusted else _locked(name_locked_until, now))
    if locked is not None:
        raise locked
    if hmac.compare_digest(hash_pin(pin, salt, kdf), stored):
        _trust(store, participant_id, device)
        return Session(participant_id, display, False, store)
    raise _record_failure(store, participant_id, device, trusted, now)


def _trust(store: Store, participant_id: int, device: str) -> None:
    """The right PIN: this phone's count and the name's start again; a phone with an id is
    trusted from now on."""
    with store.transaction() as conn:
        conn.execute("UPDATE participants SET failed_attempts = 0, locked_until = NULL"
                     " WHERE id = ?", (participant_id,))
        conn.execute(
            "INSERT INTO signin_devices (participant_id, device, trusted) VALUES (?, ?, ?)"
            " ON CONFLICT (participant_id, device) DO UPDATE SET failed_attempts = 0,"
            " locked_until = NULL, trusted = CASE WHEN excluded.trusted = 1 THEN 1"
            " ELSE signin_devices.trusted END",
            (participant_id, device, int(bool(device))))


def _record_failure(store: Store, participant_id: int, device: str, trusted: bool,
                    now: dt.datetime) -> SignInError:
    # Count and lock in one transaction so parallel wrong guesses cannot slip past the limits.
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO signin_devices (participant_id, device, failed_attempts) VALUES (?, ?, 1)"
            " ON CONFLICT (participant_id, device) DO UPDATE SET"
            " failed_attempts = signin_devices.failed_attempts + 1", (participant_id, device))
        (failed,) = conn.execute(
            "SELECT failed_attempts FROM signin_devices WHERE participant_id = ? AND device = ?",
            (participant_id, device)).fetchone()
        name_locked = False if trusted else _count_for_name(conn, participant_id, now)
        if failed < MAX_ATTEMPTS and not name_locked:
            return SignInError("pin", t("store.pin_wrong", left=MAX_ATTEMPTS - failed))
        until = now + (LOCKOUT if failed >= MAX_ATTEMPTS else NAME_LOCKOUT)
        if failed >= MAX_ATTEMPTS:
            conn.execute("UPDATE signin_devices SET failed_attempts = 0, locked_until = ?"
                         " WHERE participant_id = ? AND device = ?",
                         (until.isoformat(timespec="seconds"), participant_id, device))
    return SignInError("pin", t("store.locked", minutes=_minutes_left(until, now)))


def _count_for_name(conn: Connection, participant_id: int, now: dt.datetime) -> bool:
    """One more wrong PIN for the name from a phone it does not know; True when that locks
    the name (for such phones only) for ``NAME_LOCKOUT``."""
    conn.execute("UPDATE participants SET failed_attempts = failed_attempts + 1 WHERE id = ?",
                 (participant_id,))
    (failed,) = conn.execute("SELECT failed_attempts FROM participants WHERE id = ?",
                             (participant_id,)).fetchone()
    if failed < NAME_MAX_ATTEMPTS:
        return False
    conn.execute("UPDATE participants SET failed_attempts = 0, locked_until = ? WHERE id = ?",
                 ((now + NAME_LOCKOUT).isoformat(timespec="seconds"), participant_id))
    return True


def unlock(store: Store, participant_id: int) -> None:
    """The trainer's unlock: the name and every phone's count start again."""
    with store.transaction() as conn:
        conn.execute("UPDATE participants SET failed_attempts = 0, locked_until = NULL"
                     " WHERE id = ?", (participant_id,))
        conn.execute("UPDATE signin_devices SET failed_attempts = 0, locked_until = NULL"
                     " WHERE participant_id = ?", (participant_id,))


def is_locked(store: Store, participant_id: int) -> bool:
    """True when the name, or any phone for it, waits out a lockout now."""
    now = store.clock().isoformat(timespec="seconds")
    rows = store.read(
        "SELECT 1 FROM participants WHERE id = ? AND locked_until > ? UNION ALL"
        " SELECT 1 FROM signin_devices WHERE participant_id = ? AND locked_until > ?",
        (participant_id, now, participant_id, now))
    return bool(rows)

"""Participants: a name and a 4–6 digit PIN, stored only as a salted scrypt hash.

A new name registers; a known name must give its PIN. Five wrong PINs lock the name for five
minutes, counted in one transaction so parallel guesses cannot slip past the limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
import re
import secrets
import sqlite3
import unicodedata
from typing import Any

from widgets.core.i18n import t
from widgets.store.db import Session, Store

NAME_MAX = 40
_NAME_PUNCTUATION = frozenset("0123456789 .'-")
_PIN = re.compile(r"[0-9]{4,6}")
MAX_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=5)
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


def sign_in(store: Store, name: str, pin: str) -> Session:
    """Register a new name with its PIN, or check the PIN of a known one."""
    display, key = normalise_name(name)
    pin = check_pin(pin)
    row = _participant(store, key)
    if row is None:
        registered = _register(store, display, key, pin)
        if registered is not None:
            return Session(registered, display, True, store)
        # Someone registered the same name a moment ago: treat it as a known name.
        row = _participant(store, key)
        assert row is not None
    return _verify(store, row, pin)


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
    except sqlite3.IntegrityError:
        return None


def _verify(store: Store, row: tuple[Any, ...], pin: str) -> Session:
    participant_id, display, salt, stored, kdf, locked_until = row
    now = store.clock()
    if locked_until and dt.datetime.fromisoformat(locked_until) > now:
        until = dt.datetime.fromisoformat(locked_until)
        raise SignInError("pin", t("store.locked", minutes=_minutes_left(until, now)))
    if hmac.compare_digest(hash_pin(pin, salt, kdf), stored):
        with store.transaction() as conn:
            conn.execute(
                "UPDATE participants SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                (participant_id,))
        return Session(participant_id, display, False, store)
    raise _record_failure(store, participant_id, now)


def _record_failure(store: Store, participant_id: int, now: dt.datetime) -> SignInError:
    # Count and lock in one transaction so parallel wrong guesses cannot slip past 5.
    with store.transaction() as conn:
        conn.execute(
            "UPDATE participants SET failed_attempts = failed_attempts + 1 WHERE id = ?",
            (participant_id,))
        (failed,) = conn.execute(
            "SELECT failed_attempts FROM participants WHERE id = ?", (participant_id,)
        ).fetchone()
        if failed < MAX_ATTEMPTS:
            return SignInError("pin", t("store.pin_wrong", left=MAX_ATTEMPTS - failed))
        until = now + LOCKOUT
        conn.execute(
            "UPDATE participants SET failed_attempts = 0, locked_until = ? WHERE id = ?",
            (until.isoformat(timespec="seconds"), participant_id))
    return SignInError("pin", t("store.locked", minutes=_minutes_left(until, now)))

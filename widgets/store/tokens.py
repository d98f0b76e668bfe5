"""A sign-in carried from one lesson page to the next: a short-lived random token.

After the right PIN, the page keeps a token in the browser's storage (never the PIN) and the
store keeps only its SHA-256, the phone it was given to, and when it expires. The next lesson's
page sends it back with the same phone's id and is signed in without retyping the PIN. A token
is 256 random bits, so a hash without a salt is enough: nobody can try them all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from widgets.store.db import Session, Store
from widgets.store.participants import check_device

TOKEN_LIFETIME = dt.timedelta(hours=10)  # one class day
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("ascii")).digest()


def issue(session: Session, device: str) -> str | None:
    """A new token for this participant on this phone, or ``None`` for a page without a
    device id (it could not keep one). Expired tokens of everyone are dropped on the way."""
    device = check_device(device)
    if not device:
        return None
    store, token = session.store, secrets.token_urlsafe(32)
    now = store.clock()
    with store.transaction() as conn:
        conn.execute("DELETE FROM signin_tokens WHERE expires_at <= ?",
                     (now.isoformat(timespec="seconds"),))
        conn.execute("INSERT INTO signin_tokens (token_hash, participant_id, device, expires_at)"
                     " VALUES (?, ?, ?, ?)", (_digest(token), session.participant_id, device,
                                               (now + TOKEN_LIFETIME).isoformat(
                                                   timespec="seconds")))
    return token


def sign_in(store: Store, token: str, device: str) -> Session | None:
    """The participant the token was given to, if it is known, not expired and comes from the
    same phone; else ``None`` (the page asks for the PIN as before)."""
    device = check_device(device)
    if not device or not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    rows = store.read(
        "SELECT p.id, p.name FROM signin_tokens AS k JOIN participants AS p"
        " ON p.id = k.participant_id WHERE k.token_hash = ? AND k.device = ?"
        " AND k.expires_at > ?",
        (_digest(token), device, store.now()))
    if not rows:
        return None
    participant_id, name = rows[0]
    return Session(participant_id, name, False, store)


def forget(store: Store, token: str) -> None:
    """Signing out ends the token: it no longer opens the next lesson."""
    if isinstance(token, str) and _TOKEN.fullmatch(token):
        with store.transaction() as conn:
            conn.execute("DELETE FROM signin_tokens WHERE token_hash = ?", (_digest(token),))

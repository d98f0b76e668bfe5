"""Projector addresses: ``proyektor.ipynb?view=fgd&kunci=...``. The trainer page makes the key;
the projector page checks it, so the projector shows class results without a sign-in box while
a participant who guesses the address sees nothing.

The key is an HMAC of the day with the stored trainer-password hash (a secret that never leaves
the laptop): it changes every day and whenever the password changes, and needs no table.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from urllib.parse import parse_qs, urlencode

from widgets.store import Store

VIEWS = ("fgd", "dasbor")  # the trainer's live views; lessons 2 and 3 have their own pages
PAGE = "proyektor.ipynb"
KEY_LENGTH = 24


def _secret(store: Store) -> bytes | None:
    rows = store.read("SELECT hash FROM trainer_password WHERE id = 1")
    return bytes(rows[0][0]) if rows else None


def projector_key(store: Store, day: dt.date | None = None) -> str:
    """Today's key ('' when no trainer password is set)."""
    secret = _secret(store)
    if secret is None:
        return ""
    day = day or store.today()
    return hmac.new(secret, f"projector:{day.isoformat()}".encode(),
                    hashlib.sha256).hexdigest()[:KEY_LENGTH]


def key_is_valid(store: Store, key: object) -> bool:
    """Today's or yesterday's key (a session that runs past midnight keeps its projector)."""
    if not isinstance(key, str) or len(key) != KEY_LENGTH:
        return False
    today = store.today()
    return any(hmac.compare_digest(key, projector_key(store, day) or "-")
               for day in (today, today - dt.timedelta(days=1)))


def parse_query(query: str | None) -> tuple[str, str]:
    """``(view, key)`` from a query string; an unknown view becomes ''."""
    params = parse_qs(query or "")
    view = (params.get("view") or [""])[0]
    return (view if view in VIEWS else ""), (params.get("kunci") or [""])[0]


def address(store: Store, view: str) -> str:
    """The projector page's address relative to a lesson page, with today's key."""
    return f"./{PAGE}?" + urlencode({"view": view, "kunci": projector_key(store)})

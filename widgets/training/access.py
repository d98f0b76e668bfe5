"""Trainer access: one password, stored only as a salted scrypt hash (the scheme of the PINs),
wrong attempts rate-limited, never logged and never shown.

On a JupyterHub the hub's accounts take the password's place (:func:`hub_trainer`).

Each Voila page is its own kernel, so a sign-in lasts for that page only: the trainer views are
built after :func:`check_password` succeeds and hold the store; a participant's page never
builds them. ``python -m widgets.training.access`` sets the password (``make trainer-password``);
with ``--ensure`` (run by ``make serve``) it asks only when none is set and stdin is a terminal.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import hashlib
import hmac
import math
import secrets
import sys

from widgets.core import settings
from widgets.core.i18n import t
from widgets.store import Store
from widgets.store.participants import kdf_string

PASSWORD_MIN, PASSWORD_MAX = 8, 128
MAX_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=2)


class TrainerAuthError(ValueError):
    """A password refused; the message is for the screen and never contains the password."""


def hub_trainer() -> bool | None:
    """On a JupyterHub, whether this server's user is the trainer: the hub decides when it
    starts the server (an admin, or a member of the group ``pelatih``; widgets.kit.hub), and
    only that user reaches the server. ``None`` on a laptop: the trainer password applies."""
    role = settings.hub_role()
    return None if not role else role == "pelatih"


def hash_password(password: str, salt: bytes, kdf: str) -> bytes:
    """scrypt with the parameters recorded in ``kdf`` (as for PINs), over the UTF-8 text."""
    scheme, _, params = kdf.partition(":")
    if scheme != "scrypt":
        raise ValueError(f"unknown kdf {kdf!r}")
    p = {key: int(value) for key, value in (item.split("=") for item in params.split(","))}
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=p["n"], r=p["r"], p=p["p"],
                          dklen=p["dklen"], maxmem=2 * 128 * p["r"] * p["n"] + 2**20)


def check_new_password(password: str) -> str:
    if not isinstance(password, str) or not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise TrainerAuthError(t("training.password_length", minimum=PASSWORD_MIN,
                                 maximum=PASSWORD_MAX))
    if not password.strip():
        raise TrainerAuthError(t("training.password_length", minimum=PASSWORD_MIN,
                                 maximum=PASSWORD_MAX))
    return password


def password_is_set(store: Store) -> bool:
    return bool(store.read("SELECT 1 FROM trainer_password WHERE id = 1"))


def set_password(store: Store, password: str) -> None:
    """Set or replace the password; clears any lock (the laptop's owner typed it)."""
    salt, kdf = secrets.token_bytes(16), kdf_string()
    digest = hash_password(check_new_password(password), salt, kdf)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO trainer_password (id, salt, hash, kdf, failed_attempts, locked_until,"
            " updated_at) VALUES (1, ?, ?, ?, 0, NULL, ?) ON CONFLICT(id) DO UPDATE SET"
            " salt = excluded.salt, hash = excluded.hash, kdf = excluded.kdf,"
            " failed_attempts = 0, locked_until = NULL, updated_at = excluded.updated_at",
            (salt, digest, kdf, store.now()))


def _minutes_left(until: dt.datetime, now: dt.datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds() / 60))


def check_password(store: Store, password: object) -> None:
    """Return quietly when ``password`` is the trainer's, else raise :class:`TrainerAuthError`.
    After five wrong attempts the password is refused for two minutes, right or wrong."""
    rows = store.read("SELECT salt, hash, kdf, locked_until FROM trainer_password WHERE id = 1")
    if not rows:
        raise TrainerAuthError(t("training.password_not_set"))
    salt, stored, kdf, locked_until = rows[0]
    now = store.clock()
    if locked_until and dt.datetime.fromisoformat(locked_until) > now:
        until = dt.datetime.fromisoformat(locked_until)
        raise TrainerAuthError(t("training.password_locked", minutes=_minutes_left(until, now)))
    text = password if isinstance(password, str) and len(password) <= PASSWORD_MAX else ""
    if text and hmac.compare_digest(hash_password(text, salt, kdf), stored):
        with store.transaction() as conn:
            conn.execute("UPDATE trainer_password SET failed_attempts = 0 WHERE id = 1")
        return
    raise _record_failure(store, now)


def _record_failure(store: Store, now: dt.datetime) -> TrainerAuthError:
    with store.transaction() as conn:
        conn.execute("UPDATE trainer_password SET failed_attempts = failed_attempts + 1"
                     " WHERE id = 1")
        (failed,) = conn.execute(
            "SELECT failed_attempts FROM trainer_password WHERE id = 1").fetchone()
        if failed < MAX_ATTEMPTS:
            return TrainerAuthError(t("training.password_wrong", left=MAX_ATTEMPTS - failed))
        until = now + LOCKOUT
        conn.execute("UPDATE trainer_password SET failed_attempts = 0, locked_until = ?"
                     " WHERE id = 1", (until.isoformat(timespec="seconds"),))
    return TrainerAuthError(t("training.password_locked", minutes=_minutes_left(until, now)))


def _ask(prompt_lines: list[str]) -> str | None:
    """Ask twice on the terminal (nothing echoed); None after three failed tries."""
    for line in prompt_lines:
        print(line)
    for _ in range(3):
        first = getpass.getpass(t("training.cli_password") + " ")
        try:
            check_new_password(first)
        except TrainerAuthError as exc:
            print(exc)
            continue
        if getpass.getpass(t("training.cli_again") + " ") == first:
            return first
        print(t("training.cli_mismatch"))
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Set the trainer password of Usaha Kita.")
    parser.add_argument("--ensure", action="store_true",
                        help="only ask when no password is set and stdin is a terminal")
    args = parser.parse_args(argv)
    with Store() as store:
        if args.ensure and password_is_set(store):
            return 0
        if not sys.stdin.isatty():
            print(t("training.cli_no_tty" if args.ensure else "training.cli_needs_tty"))
            return 0 if args.ensure else 1
        password = _ask([t("training.cli_intro", minimum=PASSWORD_MIN)])
        if password is None:
            return 0 if args.ensure else 1
        set_password(store, password)
    print(t("training.cli_done"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

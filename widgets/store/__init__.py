"""Persistence on SQLite (a laptop) or PostgreSQL (many classes on one server; ``backend``,
``postgres``): the connection and schema (``db``, ``schema``), participants and their
sign-in (``participants``), and the exercise answers every topic shares (``answers``).

Each topic keeps its own tables' reads and writes in ``widgets/<topic>/db.py``, taking a
:class:`Session` so they reach only the signed-in participant's rows. Views never get a
:class:`Store`; a trainer's view that reads across participants will, after the trainer signs in.

Sharing rules and distributions belong to the participant who saved them, labelled with the
group they are for. They are not shared with everyone who says they are in that group: sign-in
proves a name and a PIN, not group membership, so a group-wide scope would let anyone read or
overwrite a group's agreed rule by typing its name.
"""

from widgets.store.answers import Answer
from widgets.store.db import DATA_ENV, DB_NAME, Session, Store, data_dir, default_db_path
from widgets.store.fields import FieldError
from widgets.store.participants import SignInError, check_pin, hash_pin, normalise_name
from widgets.store.schema import MIGRATIONS

__all__ = [
    "DATA_ENV", "DB_NAME", "MIGRATIONS", "Answer", "FieldError", "Session", "SignInError",
    "Store", "check_pin", "data_dir", "default_db_path", "hash_pin", "normalise_name",
]

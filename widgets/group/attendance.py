"""Who came to a meeting, from the kit's attendance list (*daftar hadir*) where it exists: the
people of this group who signed in on a lesson page that day, and those the trainer added by
hand. The notulen maker ticks them; a name not in the village profile joins the list of members
for that meeting. Plain Python, no ipywidgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from widgets.store import Store
from widgets.training import db as training_db
from widgets.training.attendance import build


def attendees(store: Store, group_key: str, day: dt.date) -> list[str]:
    """Names on the attendance list of ``day`` whose group is ``group_key`` (sorted by name)."""
    days = build(training_db.presences(store), training_db.added_people(store),
                 training_db.profiles(store))
    for listed in days:
        if listed.day == day:
            return [row.name for row in listed.rows if row.group == group_key]
    return []


def match(members: Sequence[str], names: Sequence[str]) -> tuple[list[str], list[str]]:
    """(members ticked present, names to add): a name matches a member whatever its case and
    spacing, so "sudarto" on the list ticks "Sudarto" in the profile."""
    def key(name: str) -> str:
        return " ".join(name.split()).casefold()

    known = {key(m): m for m in members}
    present, extra = [], []
    for name in names:
        found = known.get(key(name))
        if found is not None:
            present.append(found)
        elif key(name) and key(name) not in {key(e) for e in extra}:
            extra.append(" ".join(name.split()))
    return present, extra

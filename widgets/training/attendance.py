"""The attendance list (*daftar hadir*): per training day, everyone who signed in on a lesson
page that day, plus the people the trainer added (no phone: they work in pairs with a
neighbour). Columns: name, group, gender, the sessions attended, and a signature column left
blank for the paper copy. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GENDERS = ("L", "P")  # laki-laki, perempuan: as on Indonesian forms


@dataclass(frozen=True)
class Profile:
    """What a participant told about themselves (or the trainer set)."""

    group: str = ""  # group key from the village profile, or ""
    gender: str = ""  # "L", "P" or ""


@dataclass(frozen=True)
class Presence:
    """Someone present on a day in a session (a lesson page), from a sign-in."""

    participant_id: int
    name: str
    day: dt.date
    session: str  # lesson file stem


@dataclass(frozen=True)
class AddedPerson:
    """Someone the trainer added by hand for a day (no phone)."""

    id: int
    day: dt.date
    name: str
    group: str
    gender: str
    session: str  # "" = the whole day
    partner: str  # whose phone they shared, if any


@dataclass(frozen=True)
class AttendanceRow:
    name: str
    group: str
    gender: str
    sessions: tuple[str, ...]
    added: bool  # added by the trainer
    partner: str = ""


@dataclass(frozen=True)
class AttendanceDay:
    day: dt.date
    sessions: tuple[str, ...]  # every session held that day, in lesson order
    rows: tuple[AttendanceRow, ...]

    @property
    def women(self) -> int:
        return sum(r.gender == "P" for r in self.rows)

    @property
    def men(self) -> int:
        return sum(r.gender == "L" for r in self.rows)


def build(presences: Iterable[Presence], added: Iterable[AddedPerson],
          profiles: Mapping[int, Profile], session_order: Iterable[str] = ()
          ) -> list[AttendanceDay]:
    """One list per day (oldest first); each name once per day, sorted by name."""
    order = {s: n for n, s in enumerate(session_order)}
    rank = lambda s: (order.get(s, len(order)), s)  # noqa: E731
    days: dict[dt.date, dict[str, tuple[str, set[str], AttendanceRow]]] = {}
    for p in presences:
        profile = profiles.get(p.participant_id, Profile())
        day = days.setdefault(p.day, {})
        key = f"p{p.participant_id}"
        _, sessions, _ = day.setdefault(
            key, (p.name, set(), AttendanceRow(p.name, profile.group, profile.gender, (), False)))
        sessions.add(p.session)
    for a in added:
        day = days.setdefault(a.day, {})
        day[f"a{a.id}"] = (a.name, {a.session} if a.session else set(),
                           AttendanceRow(a.name, a.group, a.gender, (), True, a.partner))
    result = []
    for day_key in sorted(days):
        entries = days[day_key]
        held = sorted({s for _, sessions, _ in entries.values() for s in sessions}, key=rank)
        rows = []
        for name, sessions, row in entries.values():
            # A person added for the whole day attended every session held.
            attended = sessions if sessions or not row.added else set(held)
            rows.append(AttendanceRow(name, row.group, row.gender,
                                      tuple(sorted(attended, key=rank)), row.added, row.partner))
        rows.sort(key=lambda r: (r.name.casefold(), r.added))
        result.append(AttendanceDay(day_key, tuple(held), tuple(rows)))
    return result

"""What the communication lesson reads from ``datasets/<village>/``: each group's roles, meeting
habits and the facts the report gives about it (``profile.yaml``), and the lesson's examples and
exercises (the file the profile names under ``files.group``, ``kelompok.yaml`` in Jepara).
Plain Python; checked on load, a bad value is a ``DataError`` naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.core.datafile import Cells, DataError, need_list, need_mapping, read_yaml
from widgets.core.i18n import Local
from widgets.core.village import PROFILE, Village, load_village

ROLES = ("ketua", "sekretaris", "bendahara", "humas")


@dataclass(frozen=True)
class Fact:
    text: str
    source: str


@dataclass(frozen=True)
class Habits:
    """How a group meets now; ``invented`` when the kit made it up for practice."""

    group: str
    habit: str
    place: str
    invented: bool
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class RosterExample:
    group: str
    start: dt.date
    days: int
    per_day: int
    away: Mapping[str, tuple[dt.date, ...]]  # member name -> days

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=self.days - 1)


@dataclass(frozen=True)
class Statement:
    key: str
    decision: bool
    text: Local
    why: Local | None


@dataclass(frozen=True)
class ExpectedAction:
    person: str  # member name
    due: dt.date
    words: tuple[str, ...]


@dataclass(frozen=True)
class MeetingStory:
    group: str
    day: dt.date
    place: str
    present: tuple[str, ...]
    story: Local
    statements: tuple[Statement, ...]
    actions: tuple[ExpectedAction, ...]


@dataclass(frozen=True)
class UnfairRoster:
    group: str
    start: dt.date
    per_day: int
    members: tuple[str, ...]
    away: Mapping[str, tuple[dt.date, ...]]
    duty: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Choice:
    key: str
    best: bool
    text: Local
    why: Local


@dataclass(frozen=True)
class Partner:
    key: str
    kind: str
    name: str
    phone: str


@dataclass(frozen=True)
class GroupLesson:
    habits: Mapping[str, Habits]
    roster_example: RosterExample
    meeting_story: MeetingStory
    unfair_roster: UnfairRoster
    jealousy_story: Local
    jealousy_choices: tuple[Choice, ...]
    partners: tuple[Partner, ...]


def _habits(village: Village, profile: Mapping[str, Any]) -> dict[str, Habits]:
    found = {}
    for key in village.groups:
        raw = need_mapping(PROFILE, profile["groups"][key], f"groups.{key}")
        if "meetings" not in raw:
            continue
        path = f"groups.{key}.meetings"
        cells = Cells(PROFILE, None, need_mapping(PROFILE, raw["meetings"], path), path + ".")
        facts = []
        for i, item in enumerate(raw.get("facts") or [], start=1):
            fact = Cells(PROFILE, None, need_mapping(PROFILE, item, f"groups.{key}.facts[{i}]"),
                         f"groups.{key}.facts[{i}].")
            facts.append(Fact(" ".join(fact.text("text").split()), fact.text("source")))
        found[key] = Habits(key, cells.text("habit"), cells.text("place"),
                            cells.flag("invented"), tuple(facts))
    return found


class _Reader:
    """The lesson file's pieces, with member codes turned into names."""

    def __init__(self, village: Village, file: str) -> None:
        self.village, self.file = village, file

    def name(self, cells: Cells, column: str, code: object) -> str:
        try:
            return self.village.member(str(code)).name
        except KeyError:
            raise cells.error(column, "unknown_member", code) from None

    def group(self, cells: Cells) -> str:
        return cells.choice("group", list(self.village.groups))

    def away(self, cells: Cells, raw: Any) -> dict[str, tuple[dt.date, ...]]:
        found = {}
        for code, days in need_mapping(self.file, raw or {}, cells.prefix + "away").items():
            where = Cells(self.file, None, {"d": None}, f"{cells.prefix}away.{code}")
            found[self.name(cells, "away", code)] = tuple(
                Cells(self.file, None, {"": d}, where.prefix).date("")
                for d in need_list(self.file, days, where.prefix))
        return found

    def section(self, data: Mapping[str, Any], key: str) -> Cells:
        return Cells(self.file, None, need_mapping(self.file, data.get(key), key), key + ".")


def _roster_example(r: _Reader, data: Mapping[str, Any]) -> RosterExample:
    c = r.section(data, "roster_example")
    return RosterExample(r.group(c), c.date("start"), c.integer("days", 1),
                         c.integer("per_day", 1), r.away(c, c.cells.get("away")))


def _meeting_story(r: _Reader, data: Mapping[str, Any]) -> MeetingStory:
    c = r.section(data, "meeting_story")
    statements = []
    for i, item in enumerate(need_list(r.file, c.cells.get("statements"), "statements"), 1):
        s = Cells(r.file, None, need_mapping(r.file, item, f"statements[{i}]"),
                  f"meeting_story.statements[{i}].")
        why = s.texts("why") if "why" in item else None
        statements.append(Statement(s.slug("key"), s.flag("decision"), s.own_texts(), why))
    actions = []
    for i, item in enumerate(need_list(r.file, c.cells.get("actions"), "actions"), 1):
        a = Cells(r.file, None, need_mapping(r.file, item, f"actions[{i}]"),
                  f"meeting_story.actions[{i}].")
        words = tuple(str(w).casefold() for w in need_list(r.file, item.get("words"),
                                                           a.prefix + "words"))
        actions.append(ExpectedAction(r.name(a, "person", a.raw("person")), a.date("due"), words))
    present = tuple(r.name(c, "present", code)
                    for code in need_list(r.file, c.cells.get("present"), "present"))
    return MeetingStory(r.group(c), c.date("day"), c.text("place"), present,
                        c.texts("story"),
                        tuple(statements), tuple(actions))


def _unfair_roster(r: _Reader, data: Mapping[str, Any]) -> UnfairRoster:
    c = r.section(data, "unfair_roster")
    members = tuple(r.name(c, "members", code)
                    for code in need_list(r.file, c.cells.get("members"), "members"))
    duty = tuple(tuple(r.name(c, "duty", code) for code in need_list(r.file, day, "duty"))
                 for day in need_list(r.file, c.cells.get("duty"), "unfair_roster.duty"))
    return UnfairRoster(r.group(c), c.date("start"), c.integer("per_day", 1), members,
                        r.away(c, c.cells.get("away")), duty)


def _jealousy(r: _Reader, data: Mapping[str, Any]) -> tuple[Local, tuple[Choice, ...]]:
    c = r.section(data, "jealousy")
    choices = []
    for i, item in enumerate(need_list(r.file, c.cells.get("choices"), "jealousy.choices"), 1):
        ch = Cells(r.file, None, need_mapping(r.file, item, f"choices[{i}]"),
                   f"jealousy.choices[{i}].")
        choices.append(Choice(ch.slug("key"), ch.flag("best"), ch.own_texts(), ch.texts("why")))
    if sum(choice.best for choice in choices) != 1:
        raise c.error("choices", "bad_choice", "best", choices="best: true")
    return c.texts("story"), tuple(choices)


def _partners(r: _Reader, data: Mapping[str, Any]) -> tuple[Partner, ...]:
    found = []
    for i, item in enumerate(need_list(r.file, data.get("partners"), "partners"), 1):
        p = Cells(r.file, None, need_mapping(r.file, item, f"partners[{i}]"), f"partners[{i}].")
        found.append(Partner(p.slug("key"), p.choice("kind", ("pendamping", "dinas", "toko",
                                                               "pembeli")),
                             p.text("name"), p.text("phone", default="")))
    return tuple(found)


@functools.lru_cache(maxsize=8)
def _load(folder: Path, key: str) -> GroupLesson:
    village = load_village(key, folder.parent)
    profile = read_yaml(folder / PROFILE)
    files = need_mapping(PROFILE, profile.get("files") or {}, "files")
    if not files.get("group"):
        raise DataError(PROFILE, "missing_value", column="files.group")
    file = str(files["group"])
    data = read_yaml(folder / file)
    reader = _Reader(village, file)
    story, choices = _jealousy(reader, data)
    return GroupLesson(_habits(village, profile), _roster_example(reader, data),
                       _meeting_story(reader, data), _unfair_roster(reader, data), story,
                       choices, _partners(reader, data))


def load_group_lesson(village: Village | None = None) -> GroupLesson:
    """The lesson's data for ``village`` (default: the kit's village), read once."""
    village = village or load_village()
    return _load(village.folder, village.key)


def member_names(village: Village, group: str) -> list[str]:
    return [m.name for m in village.group(group).members]


def role_holders(village: Village, group: str) -> dict[str, str]:
    """Role -> the member who holds it (``ketua``, ``sekretaris``...), from the profile."""
    return {m.role: m.name for m in village.group(group).members if m.role in ROLES}


def group_choices(village: Village) -> list[tuple[str, str]]:
    return [(g.name, g.key) for g in village.groups.values()]

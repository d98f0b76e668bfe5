"""The fair duty roster (*jadwal piket*): larger than 300 lines because making, changing
(swaps, attendance) and checking a roster share one set of invariants.

Who cuts the goats' grass on which day, so that every day has enough people and nobody carries
more turns than needed. Plain Python, no ipywidgets.

A plan names the members, the period, how many people each day needs and the days each member
cannot come. :func:`make_roster` gives every day its people and keeps the members' counts as
even as the absences allow: counts differ by at most one, unless a member's absences make that
impossible, and then that member does every day they can and nobody else does more than needed.
(It spreads the turns greedily, least-used member first, then moves single turns along chains
of members until no member with two or more turns above another could hand one over: the most
even counts there are, because each move lowers the sum of squared counts.)

A roster is impossible only when some day has fewer free members than it needs; the message names
that day and who is away. Swaps (two members trade days) and attendance (done, or missed with
a reason) are recorded on the roster; the days each member actually did feed "by work days" in
the profit-sharing calculator.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from widgets.core.i18n import format_date, t
from widgets.core.text import DateOutOfRange, in_range

MAX_DAYS = 92  # a quarter: a roster is agreed for a few weeks, then agreed again
MAX_MEMBERS = 40
NAME_MAX = 60
REASON_MAX = 120
DONE, MISSED = "done", "missed"


class RosterError(ValueError):
    """A plan or a change the roster cannot take; the message is plain Indonesian. ``day`` is
    the day it is about, when there is one."""

    def __init__(self, message: str, day: dt.date | None = None, field: str = "") -> None:
        super().__init__(message)
        self.day = day
        self.field = field  # the plan's field it is about: members, dates or per_day


@dataclass(frozen=True)
class Plan:
    """What the group agreed: members (names, in the order they were given), the first and last
    day, people per day, and the days each member cannot come."""

    members: tuple[str, ...]
    start: dt.date
    end: dt.date
    per_day: int = 2
    away: Mapping[str, frozenset[dt.date]] = field(default_factory=dict)

    @property
    def days(self) -> list[dt.date]:
        count = (self.end - self.start).days + 1
        return [self.start + dt.timedelta(days=i) for i in range(count)]

    def free(self, member: str, day: dt.date) -> bool:
        return day not in self.away.get(member, frozenset())


@dataclass(frozen=True)
class Swap:
    """``first`` gave ``first_day`` to ``second`` and took ``second_day`` in return. A swap with
    no ``second_day`` is a stand-in: ``second`` does ``first_day`` for ``first``."""

    first: str
    first_day: dt.date
    second: str
    second_day: dt.date | None = None


@dataclass(frozen=True)
class Mark:
    """Attendance on one duty: done, or missed with a reason."""

    status: str  # DONE or MISSED
    reason: str = ""


@dataclass(frozen=True)
class Roster:
    plan: Plan
    duty: Mapping[dt.date, tuple[str, ...]]  # day -> members on duty, in member order
    swaps: tuple[Swap, ...] = ()
    marks: Mapping[tuple[dt.date, str], Mark] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Turns per member as the roster stands now (after swaps)."""
        counts = {m: 0 for m in self.plan.members}
        for people in self.duty.values():
            for member in people:
                counts[member] += 1
        return counts

    def attended(self) -> dict[str, int]:
        """Days each member did their duty (ticked as done)."""
        days = {m: 0 for m in self.plan.members}
        for (day, member), mark in self.marks.items():
            if mark.status == DONE and member in self.duty.get(day, ()):
                days[member] += 1
        return days

    def missed(self) -> dict[str, int]:
        days = {m: 0 for m in self.plan.members}
        for (day, member), mark in self.marks.items():
            if mark.status == MISSED and member in self.duty.get(day, ()):
                days[member] += 1
        return days

    def mark(self, day: dt.date, member: str) -> Mark | None:
        return self.marks.get((day, member))


# --- Checking a plan ------------------------------------------------------------------------


def clean_name(name: object) -> str:
    text = " ".join(name.split()) if isinstance(name, str) else ""
    if not text:
        raise RosterError(t("group.roster_name_empty"), field="members")
    if len(text) > NAME_MAX:
        raise RosterError(t("group.roster_name_long", name=text[:20], limit=NAME_MAX),
                          field="members")
    return text


def make_plan(members: Iterable[str], start: dt.date, end: dt.date, per_day: int,
              away: Mapping[str, Iterable[dt.date]] | None = None) -> Plan:
    """A checked plan; ``RosterError`` says in plain words what to fix."""
    names = [clean_name(m) for m in members]
    if len(names) < 1:
        raise RosterError(t("group.roster_no_members"), field="members")
    if len(names) > MAX_MEMBERS:
        raise RosterError(t("group.roster_too_many", limit=MAX_MEMBERS), field="members")
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise RosterError(t("group.roster_name_twice", name=name), field="members")
        seen.add(name.casefold())
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        raise RosterError(t("group.roster_no_dates"), field="dates")
    for day in (start, end):
        if not in_range(day, dt.date.today()):
            raise RosterError(str(DateOutOfRange.between(day, dt.date.today())), field="dates")
    if end < start:
        raise RosterError(t("group.roster_end_before_start"), field="dates")
    if (end - start).days + 1 > MAX_DAYS:
        raise RosterError(t("group.roster_too_long", limit=MAX_DAYS), field="dates")
    if isinstance(per_day, bool) or not isinstance(per_day, int) or per_day < 1:
        raise RosterError(t("group.roster_per_day_bad"), field="per_day")
    if per_day > len(names):
        raise RosterError(t("group.roster_per_day_too_many", per_day=per_day,
                            members=len(names)), field="per_day")
    checked: dict[str, frozenset[dt.date]] = {}
    for member, days in (away or {}).items():
        if member not in names:
            raise RosterError(t("group.roster_unknown_member", name=member), field="members")
        checked[member] = frozenset(d for d in days if start <= d <= end)
    return Plan(tuple(names), start, end, per_day, checked)


def uncovered_days(plan: Plan) -> list[tuple[dt.date, list[str]]]:
    """Days with fewer free members than needed, each with who can come that day."""
    short = []
    for day in plan.days:
        free = [m for m in plan.members if plan.free(m, day)]
        if len(free) < plan.per_day:
            short.append((day, free))
    return short


def _impossible(plan: Plan) -> RosterError | None:
    short = uncovered_days(plan)
    if not short:
        return None
    day, free = short[0]
    away = [m for m in plan.members if not plan.free(m, day)]
    key = "group.roster_day_short" if free else "group.roster_day_empty"
    message = t(key, date=format_date(day), per_day=plan.per_day, count=len(free),
                free=", ".join(free), away=", ".join(away))
    if len(short) > 1:
        message += " " + t("group.roster_more_days_short", count=len(short) - 1,
                           days=", ".join(format_date(d) for d, _ in short[1:4]))
    return RosterError(message, day)


# --- Making the roster ----------------------------------------------------------------------


def _greedy(plan: Plan) -> dict[dt.date, list[str]]:
    """Day by day: the free members with the fewest turns so far, then the longest rested."""
    counts = {m: 0 for m in plan.members}
    last: dict[str, int] = {m: -1 for m in plan.members}
    order = {m: i for i, m in enumerate(plan.members)}
    duty: dict[dt.date, list[str]] = {}
    for index, day in enumerate(plan.days):
        free = [m for m in plan.members if plan.free(m, day)]
        # Fewest free days left: a member who is often away takes a turn while they can.
        left = {m: sum(1 for d in plan.days[index:] if plan.free(m, d)) for m in free}
        free.sort(key=lambda m: (counts[m], last[m], left[m], order[m]))
        chosen = free[:plan.per_day]
        for member in chosen:
            counts[member] += 1
            last[member] = index
        duty[day] = chosen
    return duty


def _chain(plan: Plan, duty: Mapping[dt.date, list[str]], counts: Mapping[str, int],
           giver: str) -> list[tuple[str, dt.date, str]] | None:
    """A chain of hand-overs from ``giver`` to a member with at least two turns fewer:
    [(from, day, to), ...], each ``to`` free that day and not yet on it. None if there is none."""
    back: dict[str, tuple[str, dt.date] | None] = {giver: None}
    queue = deque([giver])
    while queue:
        member = queue.popleft()
        for day, people in duty.items():
            if member not in people:
                continue
            for other in plan.members:
                if other in back or other in people or not plan.free(other, day):
                    continue
                back[other] = (member, day)
                if counts[other] <= counts[giver] - 2:
                    steps, at = [], other
                    while back[at] is not None:
                        source, when = back[at]  # type: ignore[misc]
                        steps.append((source, when, at))
                        at = source
                    return steps[::-1]
                queue.append(other)
    return None


def _even_out(plan: Plan, duty: dict[dt.date, list[str]]) -> None:
    """Move single turns along chains until no member could give one to a member with two
    fewer. Every move lowers the sum of squared counts, so this ends."""
    while True:
        counts = {m: 0 for m in plan.members}
        for people in duty.values():
            for member in people:
                counts[member] += 1
        moved = False
        lowest = min(counts.values())
        for giver in sorted(plan.members, key=lambda m: -counts[m]):
            if counts[giver] < lowest + 2:
                break
            steps = _chain(plan, duty, counts, giver)
            if steps:
                for source, day, target in steps:
                    duty[day] = [target if m == source else m for m in duty[day]]
                moved = True
                break
        if not moved:
            return


def make_roster(plan: Plan) -> Roster:
    """The roster for ``plan``; ``RosterError`` naming the first day that cannot be covered."""
    problem = _impossible(plan)
    if problem is not None:
        raise problem
    duty = _greedy(plan)
    _even_out(plan, duty)
    order = {m: i for i, m in enumerate(plan.members)}
    return Roster(plan, {day: tuple(sorted(people, key=order.__getitem__))
                         for day, people in duty.items()})


# --- Changes after the roster is agreed -----------------------------------------------------


def _on(roster: Roster, member: str, day: dt.date) -> bool:
    return member in roster.duty.get(day, ())


def _moved(people: tuple[str, ...], old: str, new: str, plan: Plan) -> tuple[str, ...]:
    order = {m: i for i, m in enumerate(plan.members)}
    return tuple(sorted((new if m == old else m for m in people), key=order.__getitem__))


def swap(roster: Roster, change: Swap) -> Roster:
    """The roster after a swap (or a stand-in); ``RosterError`` if it does not fit."""
    plan, a, b = roster.plan, change.first, change.second
    for name in (a, b):
        if name not in plan.members:
            raise RosterError(t("group.roster_unknown_member", name=name))
    if a == b:
        raise RosterError(t("group.swap_same_person"))
    if not _on(roster, a, change.first_day):
        raise RosterError(t("group.swap_not_on_day", name=a,
                            date=format_date(change.first_day)), change.first_day)
    if _on(roster, b, change.first_day):
        raise RosterError(t("group.swap_already_on", name=b,
                            date=format_date(change.first_day)), change.first_day)
    if not plan.free(b, change.first_day):
        raise RosterError(t("group.swap_away", name=b, date=format_date(change.first_day)),
                          change.first_day)
    duty = dict(roster.duty)
    duty[change.first_day] = _moved(duty[change.first_day], a, b, plan)
    if change.second_day is not None:
        day = change.second_day
        if day == change.first_day:
            raise RosterError(t("group.swap_same_day"), day)
        if not _on(roster, b, day):
            raise RosterError(t("group.swap_not_on_day", name=b, date=format_date(day)), day)
        if _on(roster, a, day):
            raise RosterError(t("group.swap_already_on", name=a, date=format_date(day)), day)
        if not plan.free(a, day):
            raise RosterError(t("group.swap_away", name=a, date=format_date(day)), day)
        duty[day] = _moved(duty[day], b, a, plan)
    # Attendance already ticked for the moved turns no longer belongs to anyone on duty.
    marks = {key: mark for key, mark in roster.marks.items() if key[1] in duty.get(key[0], ())}
    return replace(roster, duty=duty, swaps=(*roster.swaps, change), marks=marks)


def mark(roster: Roster, day: dt.date, member: str, status: str | None,
         reason: str = "") -> Roster:
    """Tick a duty as done or missed (``None`` clears it). A missed duty needs a reason."""
    if not _on(roster, member, day):
        raise RosterError(t("group.swap_not_on_day", name=member, date=format_date(day)), day)
    marks = dict(roster.marks)
    if status is None:
        marks.pop((day, member), None)
        return replace(roster, marks=marks)
    if status not in (DONE, MISSED):
        raise RosterError(t("group.mark_bad_status"), day)
    reason = " ".join(reason.split()) if isinstance(reason, str) else ""
    if status == MISSED and not reason:
        raise RosterError(t("group.mark_needs_reason", name=member, date=format_date(day)),
                          day)
    if len(reason) > REASON_MAX:
        raise RosterError(t("group.mark_reason_long", limit=REASON_MAX), day)
    marks[(day, member)] = Mark(status, reason if status == MISSED else "")
    return replace(roster, marks=marks)


def check_roster(roster: Roster) -> None:
    """``RosterError`` unless every day has exactly its people, all of them members who are
    free that day (a saved roster is checked again before it is written)."""
    plan = roster.plan
    if set(roster.duty) != set(plan.days):
        raise RosterError(t("group.roster_days_mismatch"))
    for day in plan.days:
        people = roster.duty[day]
        if len(people) != plan.per_day or len(set(people)) != len(people):
            raise RosterError(t("group.roster_day_wrong_count", date=format_date(day),
                                per_day=plan.per_day), day)
        for member in people:
            if member not in plan.members:
                raise RosterError(t("group.roster_unknown_member", name=member), day)
            if not plan.free(member, day):
                raise RosterError(t("group.swap_away", name=member, date=format_date(day)), day)
    for (day, member), entry in roster.marks.items():
        if member not in roster.duty.get(day, ()) or entry.status not in (DONE, MISSED):
            raise RosterError(t("group.mark_bad_status"), day)

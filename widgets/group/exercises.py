"""The communication lesson's exercises, checked on the server (the answers stay in the data file
and never reach the page). Plain Python, no ipywidgets.

1. A meeting story: pick the decisions, write the actions; the check names the person, the task
   or the date that is missing or wrong, and gives the story's own words only from the third try.
2. An unfair roster to repair: every day its people, nobody on a day they are away, counts as
   even as the absences allow (the roster maker's own checks).
3. A jealousy scenario: each choice gets its explanation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from widgets.core.i18n import format_date, local, t
from widgets.group.data import Choice, MeetingStory, UnfairRoster
from widgets.group.roster import (
    Plan,
    Roster,
    RosterError,
    check_roster,
    make_plan,
    make_roster,
)

MEETING_EXERCISE = "komunikasi-notulen"
ROSTER_EXERCISE = "komunikasi-jadwal"
JEALOUSY_EXERCISE = "komunikasi-iri"
REVEAL_AFTER = 3  # attempts before the story's own answer is shown


@dataclass(frozen=True)
class Feedback:
    correct: bool
    lines: list[tuple[str, str]]  # (kind, text): ok, error, warn or info


@dataclass(frozen=True)
class TypedAction:
    person: str
    task: str
    due: dt.date | None


# --- 1. Meeting story -----------------------------------------------------------------------


def _decision_lines(story: MeetingStory, chosen: set[str]) -> list[tuple[str, str]]:
    lines = []
    for s in story.statements:
        if s.key in chosen and not s.decision:
            lines.append(("error", t("groupex.not_a_decision", text=local(s.text),
                                     why=local(s.why) if s.why else "")))
        elif s.decision and s.key not in chosen:
            lines.append(("error", t("groupex.decision_missed", text=local(s.text))))
    return lines


def _action_lines(story: MeetingStory, typed: Sequence[TypedAction], attempt: int
                  ) -> list[tuple[str, str]]:
    lines = []
    reveal = attempt >= REVEAL_AFTER
    for expected in story.actions:
        mine = [a for a in typed if a.person == expected.person]
        if not mine:
            lines.append(("error", t("groupex.action_missing", person=expected.person)))
            continue
        task_ok = [a for a in mine if any(w in a.task.casefold() for w in expected.words)]
        if not task_ok:
            lines.append(("error", t("groupex.action_task_wrong", person=expected.person)))
            continue
        if not any(a.due == expected.due for a in task_ok):
            key = "groupex.action_date_reveal" if reveal else "groupex.action_date_wrong"
            lines.append(("error", t(key, person=expected.person,
                                     date=format_date(expected.due))))
    wanted = {a.person for a in story.actions}
    for extra in sorted({a.person for a in typed if a.person not in wanted}):
        lines.append(("warn", t("groupex.action_extra", person=extra)))
    if reveal and any(kind == "error" for kind, _ in lines):
        lines.append(("info", t("groupex.action_answer", actions="; ".join(
            f"{a.person}, {a.words[0]}, {format_date(a.due)}" for a in story.actions))))
    return lines


def check_meeting(story: MeetingStory, chosen: Iterable[str], typed: Sequence[TypedAction],
                  attempt: int = 1) -> Feedback:
    """Decisions picked from the statements, and the action list typed from the story."""
    lines = _decision_lines(story, set(chosen)) + _action_lines(story, typed, attempt)
    correct = not any(kind == "error" for kind, _ in lines)
    if correct:
        lines.insert(0, ("ok", t("groupex.meeting_right")))
    return Feedback(correct, lines)


# --- 2. Repair an unfair roster -------------------------------------------------------------


def unfair_plan(exercise: UnfairRoster) -> Plan:
    end = exercise.start + dt.timedelta(days=len(exercise.duty) - 1)
    return make_plan(exercise.members, exercise.start, end, exercise.per_day,
                     {m: list(days) for m, days in exercise.away.items()})


def starting_roster(exercise: UnfairRoster) -> Roster:
    plan = unfair_plan(exercise)
    return Roster(plan, {day: tuple(people) for day, people in zip(plan.days, exercise.duty,
                                                                   strict=True)})


def check_roster_fix(exercise: UnfairRoster, duty: Sequence[Sequence[str]]) -> Feedback:
    """The repaired roster, one list of names per day."""
    plan = unfair_plan(exercise)
    roster = Roster(plan, {day: tuple(p for p in people if p in plan.members)
                           for day, people in zip(plan.days, duty, strict=True)})
    lines = _day_problems(roster)
    counts = roster.counts()
    best = make_roster(plan).counts()
    spread, best_spread = (max(c.values()) - min(c.values()) for c in (counts, best))
    if not lines and spread > best_spread:
        most = max(counts, key=counts.__getitem__)
        least = min(counts, key=counts.__getitem__)
        lines.append(("error", t("groupex.roster_uneven", most=most, most_count=counts[most],
                                 least=least, least_count=counts[least])))
    correct = not lines
    summary = ", ".join(f"{m} {counts[m]}" for m in plan.members)
    lines.insert(0, ("ok" if correct else "info",
                     t("groupex.roster_right" if correct else "groupex.roster_counts",
                       counts=summary)))
    return Feedback(correct, lines)


def _day_problems(roster: Roster) -> list[tuple[str, str]]:
    """One message per day that is wrong (too few or too many people, someone twice, someone
    who is away), each checked by the roster maker's own rules with the other days set right."""
    plan, lines = roster.plan, []
    for day in plan.days:
        try:
            check_roster(Roster(plan, {d: roster.duty[d] if d == day else _filler(plan, d)
                                       for d in plan.days}))
        except RosterError as exc:
            lines.append(("error", str(exc)))
    return lines


def _filler(plan: Plan, day: dt.date) -> tuple[str, ...]:
    """A valid set of people for ``day``, so a check looks at one day at a time."""
    return tuple([m for m in plan.members if plan.free(m, day)][:plan.per_day])


# --- 3. Jealousy ----------------------------------------------------------------------------


def check_jealousy(choices: Sequence[Choice], key: str) -> Feedback:
    chosen = next((c for c in choices if c.key == key), None)
    if chosen is None:
        return Feedback(False, [("warn", t("groupex.pick_one"))])
    return Feedback(chosen.best, [("ok" if chosen.best else "error", local(chosen.why))])

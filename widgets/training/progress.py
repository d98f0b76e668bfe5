"""What the dashboard shows about the class at work: who is on which lesson now, each
participant's exercise progress, and the most common wrong answers per exercise, so the trainer
knows what to explain again. Built from plain rows the trainer's store reads (``training.db``).
Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from widgets.core.numbers import format_count

ACTIVE = dt.timedelta(minutes=20)
TOP_WRONG = 3
# Exercise ids start with their lesson's word (see each topic's exercises); the dashboard
# groups them by lesson in the kit's order.
LESSON_OF_PREFIX = (
    ("buku-kas", "02-buku-kas"),
    ("harga", "03-harga"),
    ("bagi-hasil", "04-bagi-hasil"),
    ("promosi", "05-promosi-media-sosial"),
    ("marketplace", "06-marketplace-dan-mitra"),
)


@dataclass(frozen=True)
class AnswerRow:
    participant_id: int
    name: str
    exercise: str
    answer: Mapping[str, Any]
    correct: bool
    at: str  # UTC ISO seconds


@dataclass(frozen=True)
class VisitRow:
    participant_id: int
    name: str
    page: str  # lesson file stem, e.g. "02-buku-kas"
    at: str


def lesson_of(exercise: str) -> str:
    return next((lesson for prefix, lesson in LESSON_OF_PREFIX if exercise.startswith(prefix)),
                "")


def answer_text(answer: Mapping[str, Any]) -> str:
    """A saved answer as one short line: the value alone when there is one, else ``k: v``."""
    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "ya" if v else "tidak"
        if isinstance(v, int):
            return format_count(v)
        if isinstance(v, (dict, list)):
            return json.dumps(v, ensure_ascii=False, sort_keys=True)
        return " ".join(str(v).split())

    parts = [(k, value(v)) for k, v in sorted(answer.items()) if k != "post_id"]
    if len(parts) == 1:
        return parts[0][1][:80]
    return ", ".join(f"{k}: {v}" for k, v in parts)[:80]


@dataclass(frozen=True)
class Presence:
    participant_id: int
    name: str
    page: str
    last_seen: str
    active: bool


def presence(visits: Iterable[VisitRow], answers: Iterable[AnswerRow], now: dt.datetime
             ) -> list[Presence]:
    """Each participant's latest page and latest activity; ``active`` within the last 20
    minutes. Newest first."""
    page: dict[int, tuple[str, str]] = {}  # latest (at, page) from a visit or an answer
    names: dict[int, str] = {}
    seen: dict[int, str] = {}
    events = [(v.participant_id, v.name, v.page, v.at) for v in visits]
    events += [(a.participant_id, a.name, lesson_of(a.exercise), a.at) for a in answers]
    for pid, name, lesson, at in events:
        names.setdefault(pid, name)
        seen[pid] = max(seen.get(pid, ""), at)
        if lesson and (at, lesson) >= page.get(pid, ("", "")):
            page[pid] = (at, lesson)
    rows = [Presence(pid, names[pid], page.get(pid, ("", ""))[1], seen[pid],
                     now - dt.datetime.fromisoformat(seen[pid]) <= ACTIVE)
            for pid in names]
    return sorted(rows, key=lambda p: (p.last_seen, p.name), reverse=True)


@dataclass(frozen=True)
class Progress:
    participant_id: int
    name: str
    attempted: int  # exercises tried at least once
    correct: int  # exercises answered right at least once
    attempts: int


def progress(answers: Iterable[AnswerRow], names: Mapping[int, str] | None = None
             ) -> list[Progress]:
    """Per participant (everyone in ``names`` too, with zeros), by name."""
    tried: dict[int, set[str]] = {pid: set() for pid in (names or {})}
    right: dict[int, set[str]] = {pid: set() for pid in (names or {})}
    count: Counter[int] = Counter()
    who = dict(names or {})
    for a in answers:
        who.setdefault(a.participant_id, a.name)
        tried.setdefault(a.participant_id, set()).add(a.exercise)
        right.setdefault(a.participant_id, set())
        if a.correct:
            right[a.participant_id].add(a.exercise)
        count[a.participant_id] += 1
    rows = [Progress(pid, who[pid], len(tried[pid]), len(right[pid]), count[pid])
            for pid in tried]
    return sorted(rows, key=lambda p: (p.name.casefold(), p.participant_id))


@dataclass(frozen=True)
class WrongAnswer:
    text: str
    times: int
    people: int


@dataclass(frozen=True)
class ExerciseSummary:
    exercise: str
    lesson: str
    attempted: int  # participants
    correct: int  # participants right at least once
    wrong: tuple[WrongAnswer, ...]  # most common first


def exercises(answers: Sequence[AnswerRow]) -> list[ExerciseSummary]:
    """Per exercise, in lesson order: how many tried, how many got it right, and the most
    common wrong answers (ties: the answer seen first)."""
    by_exercise: dict[str, list[AnswerRow]] = {}
    for a in answers:
        by_exercise.setdefault(a.exercise, []).append(a)
    found = []
    for exercise, rows in by_exercise.items():
        wrong_rows = [r for r in rows if not r.correct]
        texts = [answer_text(r.answer) for r in wrong_rows]
        people: dict[str, set[int]] = {}
        for text, row in zip(texts, wrong_rows, strict=True):
            people.setdefault(text, set()).add(row.participant_id)
        top = Counter(texts).most_common(TOP_WRONG)
        found.append(ExerciseSummary(
            exercise, lesson_of(exercise), len({r.participant_id for r in rows}),
            len({r.participant_id for r in rows if r.correct}),
            tuple(WrongAnswer(text, times, len(people[text])) for text, times in top)))
    order = {lesson: n for n, (_, lesson) in enumerate(LESSON_OF_PREFIX)}
    return sorted(found, key=lambda e: (order.get(e.lesson, 99), e.exercise))

"""Exercise answers, shared by every topic: each attempt is kept, so the trainer can see who is
stuck and which wrong answer is common."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from widgets.core.i18n import t
from widgets.store.db import Session, add_own
from widgets.store.fields import json_text


@dataclass(frozen=True)
class Answer:
    """One saved exercise answer."""

    id: int
    exercise: str
    answer: dict[str, Any]
    correct: bool
    created_at: str


def save_answer(session: Session, exercise: str, answer: dict[str, Any], correct: bool) -> int:
    """Record one attempt at an exercise; returns its id."""
    if not isinstance(exercise, str) or not exercise:
        raise ValueError("exercise must be a non-empty string")
    text = json_text(answer, t("store.what_answer"))
    return add_own(session, "answers", {"exercise": exercise, "answer": text,
                                        "correct": int(bool(correct)),
                                        "created_at": session.store.now()})


def answers(session: Session, exercise: str) -> list[Answer]:
    """This participant's attempts at ``exercise``, oldest first."""
    rows = session.store.read(
        "SELECT id, exercise, answer, correct, created_at FROM answers"
        " WHERE participant_id = ? AND exercise = ? ORDER BY id",
        (session.participant_id, exercise))
    return [Answer(i, ex, json.loads(text), bool(ok), at) for i, ex, text, ok, at in rows]

"""One snapshot of the class, read from the store: the dashboard shows it and the activity
report prints it, so their figures are the same numbers from the same functions.
Plain Python, no ipywidgets; takes a Store, so only trainer views call it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from widgets.core.i18n import t
from widgets.kit.lessons import load_lessons
from widgets.store import Store
from widgets.training import attendance, db, evaluation, fgd_render, progress, satisfaction
from widgets.training.items import EvaluationForm

EVALUATION_PAGES = ("evaluasi-awal", "evaluasi-akhir")


def session_order() -> list[str]:
    """Lesson pages in teaching order, with the evaluation pages first and last."""
    lessons = [lesson.file.removesuffix(".ipynb") for lesson in load_lessons()]
    return [EVALUATION_PAGES[0], *lessons, EVALUATION_PAGES[1]]


def page_title(page: str) -> str:
    """A page's short name for tables: ``Pelajaran 2: Harga`` or ``Evaluasi awal``."""
    if page in EVALUATION_PAGES:
        return t(f"training.page_{page.replace('-', '_')}")
    for number, lesson in enumerate(load_lessons(), start=1):
        if lesson.file.removesuffix(".ipynb") == page:
            return t("training.lesson_short", number=number,
                     title=lesson.text("title").split(":")[0])
    return page or "–"


@dataclass(frozen=True)
class Overview:
    at: dt.datetime
    presence: list[progress.Presence]
    progress: list[progress.Progress]
    exercises: list[progress.ExerciseSummary]
    tests: evaluation.ClassResult
    satisfaction: satisfaction.SatisfactionResult
    attendance: list[attendance.AttendanceDay]
    rules: list[tuple[str, str, str, str, str]]
    distributions: list[tuple[str, str, str, str, int, int]]
    participants: dict[int, str]
    fgd: tuple[tuple[str, str, str, str], ...] = ()  # FGD outcomes (fgd_render.outcomes)


def overview(store: Store, form: EvaluationForm) -> Overview:
    answers = db.answer_rows(store)
    names = db.participants(store)
    now = store.clock()
    return Overview(
        at=now,
        presence=progress.presence(db.visit_rows(store), answers, now),
        progress=progress.progress(answers, names),
        exercises=progress.exercises(answers),
        tests=evaluation.summarise(form, db.class_attempts(store)),
        satisfaction=satisfaction.summarise_satisfaction(form, db.class_satisfaction(store)),
        attendance=attendance.build(db.presences(store), db.added_people(store),
                                    db.profiles(store), session_order()),
        rules=db.saved_rules(store),
        distributions=db.saved_distributions(store),
        participants=names,
        fgd=tuple(fgd_render.outcomes(store)),
    )

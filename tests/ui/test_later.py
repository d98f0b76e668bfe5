"""A later part of a page (widgets/ui/later.py): nothing is built until it is asked for, it is
built once, and a failing build leaves a plain message and a button that works again."""

from __future__ import annotations

import ipywidgets as w

from widgets.cashbook.ui import lesson
from widgets.ui.later import Later


def test_nothing_is_built_until_the_button_is_pressed(fresh_page):
    built = []

    def build() -> w.Widget:
        built.append(1)
        return w.HTML("bagian")

    part = Later(build, "Buka")
    assert built == [] and part.children == (part.open_button, part.status)
    part.open_button.click()
    part.open_button.click()  # the page script and the participant may both press it
    assert built == [1]
    assert part.children == (part.part,) and part.part.value == "bagian"


def test_a_failing_build_says_so_and_can_be_tried_again(fresh_page):
    attempts = []

    def build() -> w.Widget:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("disk busy")
        return w.HTML("bagian")

    part = Later(build, "Buka")
    part.open_button.click()
    assert "belum bisa dibuka" in part.status.value and "Traceback" not in part.status.value
    assert not part.open_button.disabled and part.part is None
    part.open_button.click()
    assert part.part.value == "bagian"


def test_lesson_2_builds_its_later_exercises_on_arrival(fresh_page):
    """The week exercise and the credit book are most of lesson 2's widgets: the page shows
    buttons for them until the participant gets there."""
    before = len(w.Widget.widgets)
    parts = [lesson.week_exercise(), lesson.credit_app(), lesson.credit_exercise()]
    assert len(w.Widget.widgets) - before < 40
    assert all(isinstance(p, Later) and p.part is None for p in parts)
    week, book, exercise = (p.show() for p in parts)
    assert type(week).__name__ == "WeekExercise" and type(book).__name__ == "CreditBookView"
    assert type(exercise).__name__ == "CreditExercise"

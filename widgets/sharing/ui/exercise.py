"""Lesson 4's exercise (Bagi Hasil): pick a question drawn from the village's data, work the
share out by hand, type it and check it on the server (``sharing.exercises``)."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import AmountError, parse_rupiah
from widgets.core.theme import ACCENT
from widgets.core.village import load_village
from widgets.sharing.exercises import EXERCISE_PREFIX, check, questions
from widgets.sharing.ui.method_form import CALC_STYLE, tall
from widgets.store.answers import save_answer
from widgets.ui.common import PAGE, Field, button, guard, notice_html


class SharingExercise(w.VBox):
    """Pick a question, work the share out by hand, type it, check it."""

    def __init__(self) -> None:
        self.questions = {q.key: q for q in questions(load_village())}
        self.pick = tall(Field(t("lesson3.exercise_pick"), w.Dropdown(
            options=[(q.title, q.key) for q in self.questions.values()]), css="uk-bh-question"))
        self.text = w.HTML()
        self.text.add_class("uk-bh-question-text")
        self.answer = Field(t("lesson3.exercise_answer"), w.Text(placeholder="Rp"),
                            t("lesson3.exercise_answer_hint"), css="uk-bh-answer")
        self.check = button(t("lesson3.check"), "primary")
        self.check.add_class("uk-bh-check-answer")
        self.feedback = w.HTML()
        self.feedback.add_class("uk-bh-feedback")
        self.pick.control.observe(lambda _c: self._show_question(), "value")
        self.check.on_click(self._check)
        super().__init__([w.HTML(CALC_STYLE), self.pick, self.text, self.answer, self.check,
                          self.feedback])
        self._show_question()

    def _show_question(self) -> None:
        question = self.questions.get(self.pick.control.value)
        self.text.value = (f'<div style="background:#fff;border-left:4px solid {ACCENT};'
                           f'padding:10px 12px;border-radius:6px">{escape(question.text)}</div>'
                           if question else "")
        self.answer.control.value = ""
        self.answer.clear()
        self.feedback.value = ""

    @guard("sharing exercise", "lesson3.unexpected", target="feedback")
    def _check(self, _button=None) -> None:
        question = self.questions[self.pick.control.value]
        self.answer.clear()
        text = self.answer.control.value
        typed = None
        if text.strip():
            try:
                typed = parse_rupiah(text)
            except AmountError as exc:
                self.answer.error(str(exc))
                self.feedback.value = ""
                return
        result = check(question, typed)
        if PAGE.session is not None and typed is not None:
            save_answer(PAGE.session, EXERCISE_PREFIX + question.key, {"answer": typed},
                                     result.correct)
        self.feedback.value = "".join(notice_html(line, kind) for kind, line in result.lines)

"""The satisfaction form: statements on a 1-4 scale and two open questions."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import Session
from widgets.training import db
from widgets.training.items import SATISFACTION_SCALE, EvaluationForm
from widgets.training.ui.evaluation import scale
from widgets.ui.common import Field, button, notice_html, section


class SatisfactionForm(w.VBox):
    def __init__(self, form: EvaluationForm, session: Session,
                 on_saved: Callable[[], None]) -> None:
        self.form, self.session, self.on_saved = form, session, on_saved
        self.ratings = [(s, Field(s.text(), scale(SATISFACTION_SCALE, f"uk-sat-{s.key}")))
                        for s in form.satisfaction]
        self.opens = [(q, Field(q.text(), w.Textarea(rows=3), css=f"uk-open-{q.key}"))
                      for q in form.open_questions]
        self.submit = button(t("training.sat_submit"), "primary")
        self.submit.add_class("uk-sat-submit")
        self.submit.on_click(self._submit)
        self.status = w.HTML()
        super().__init__([section(t("training.sat_heading")),
                          w.HTML(notice_html(t("training.sat_scale"), "info")),
                          *(f for _, f in self.ratings), *(f for _, f in self.opens),
                          self.submit, self.status])

    def _submit(self, _button: w.Button | None = None) -> None:
        ratings, ok = {}, True
        for statement, field in self.ratings:
            field.clear()
            if field.control.value is None:
                field.error(t("training.choose_one"))
                ok = False
            else:
                ratings[statement.key] = int(field.control.value)
        if not ok:
            self.status.value = notice_html(t("training.fix_marked"), "error")
            return
        texts = {q.key: f.control.value for q, f in self.opens}
        try:
            db.save_satisfaction(self.session, self.form, ratings, texts)
        except db.EvaluationError as exc:
            self.status.value = notice_html(str(exc), "error")
            return
        self.on_saved()

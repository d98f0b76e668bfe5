"""The participant's evaluation pages: ``evaluasi-awal`` (group, gender and the pre-test) and
``evaluasi-akhir`` (the post-test, then their own result explained, then the satisfaction
form). A result is shown only after the post-test."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.village import load_village
from widgets.store import Session
from widgets.training import db
from widgets.training.attendance import GENDERS
from widgets.training.evaluation import Attempt
from widgets.training.items import load_form
from widgets.training.ui.evaluation import TestForm, result_html
from widgets.training.ui.satisfaction import SatisfactionForm
from widgets.ui.common import PAGE, Field, button, notice_html, section
from widgets.ui.signin import SignInView

PAGES = {"pre": "evaluasi-awal", "post": "evaluasi-akhir"}


class ProfileForm(w.VBox):
    """Which group and gender: for the attendance list (the trainer can correct it)."""

    def __init__(self, session: Session, on_saved) -> None:
        village = load_village()
        self.groups = tuple(village.groups)
        self.session, self.on_saved = session, on_saved
        self.group = Field(t("training.profile_group"), w.Dropdown(
            options=[(g.name, key) for key, g in village.groups.items()]
            + [(t("training.profile_other"), "")], value=None), css="uk-profile-group")
        self.gender = Field(t("training.profile_gender"), w.ToggleButtons(
            options=[(t(f"training.gender_{g}"), g) for g in GENDERS], value=None),
            css="uk-profile-gender")
        self.save = button(t("training.profile_save"), "primary")
        self.save.add_class("uk-profile-save")
        self.save.on_click(self._save)
        super().__init__([section(t("training.profile_heading")), self.group, self.gender,
                          self.save])

    def _save(self, _button=None) -> None:
        self.group.clear()
        self.gender.clear()
        if self.group.control.value is None:
            self.group.error(t("training.choose_one"))
        if self.gender.control.value is None:
            self.gender.error(t("training.choose_one"))
        if self.group.control.value is None or self.gender.control.value is None:
            return
        db.save_profile(self.session, self.group.control.value, self.gender.control.value,
                        self.groups)
        self.on_saved()


class EvaluationPage(w.VBox):
    def __init__(self, phase: str) -> None:
        self.phase = phase
        self.form = load_form()
        self.body = w.VBox()
        self.signed_out = w.HTML(notice_html(t("training.signin_first"), "warn"))
        super().__init__([SignInView(page=PAGES[phase]), self.signed_out, self.body])
        PAGE.observe(self._session_changed, "session")
        self._session_changed()

    def _session_changed(self, _change=None) -> None:
        session = PAGE.session
        self.signed_out.layout.display = "none" if session else ""
        self.body.children = [self._step(session)] if session else []

    def _refresh(self, *_args) -> None:
        self._session_changed()

    def _step(self, session: Session) -> w.Widget:
        if self.phase == "pre" and db.profile(session) is None:
            return ProfileForm(session, self._refresh)
        mine = db.my_attempt(session, self.phase)
        if mine is None:
            return TestForm(self.form, self.phase, session, self._refresh)
        if self.phase == "pre":
            return w.HTML(notice_html(t("training.pre_done"), "ok"))
        return self._after_post(session, mine)

    def _after_post(self, session: Session, post: Attempt) -> w.Widget:
        result = w.HTML(result_html(self.form, db.my_attempt(session, "pre"), post))
        if db.satisfaction_done(session):
            thanks = w.HTML(notice_html(t("training.sat_done"), "ok"))
            return w.VBox([thanks, section(t("training.result_heading")), result])
        return w.VBox([section(t("training.result_heading")), result,
                       SatisfactionForm(self.form, session, self._refresh)])


def evaluation_page(phase: str) -> EvaluationPage:
    """``pre`` for lessons/evaluasi-awal, ``post`` for lessons/evaluasi-akhir."""
    if phase not in PAGES:
        raise ValueError(escape(phase))
    return EvaluationPage(phase)

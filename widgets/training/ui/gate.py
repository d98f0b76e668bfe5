"""The trainer's sign-in: one password field the browser's password manager fills in.

Nothing of the trainer's side exists in this kernel until the password is right: ``build`` is
called only then, so no widget a page could message over the websocket reaches trainer
functions before. A sign-in lasts for this page (this kernel); reloading asks again. The
field carries ``autocomplete=current-password`` (set by the page template), so the browser
offers to remember it. On a JupyterHub the hub's account decides instead
(``access.hub_trainer``): no password field at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import ipywidgets as w

from widgets.core import settings
from widgets.core.i18n import t
from widgets.store import Store
from widgets.training.access import TrainerAuthError, check_password, hub_trainer
from widgets.ui.common import Field, button, notice_html

WRONG_PAUSE = 1.0  # seconds: a wrong password answers slowly, a right one at once


class TrainerGate(w.VBox):
    def __init__(self, store: Store, build: Callable[[Store], w.Widget]) -> None:
        self._store = store
        self._build = build
        self.signed_in = False
        control = w.Password(placeholder="", continuous_update=False)
        self.password = Field(t("training.gate_label"), control, t("training.gate_hint"),
                              css="uk-trainer-password")
        self.submit = button(t("training.gate_button"), "primary")
        self.submit.add_class("uk-trainer-submit")
        self.status = w.HTML()
        control.observe(self._typed, "value")
        self.submit.on_click(self._clicked)
        intro = w.HTML(notice_html(t("training.gate_intro"), "info"))
        super().__init__([intro, self.password, self.submit, self.status])
        self.add_class("uk-trainer-gate")
        self._hub_account(hub_trainer())

    def _hub_account(self, trainer: bool | None) -> None:
        """On a JupyterHub the hub's account decides, and no password is asked."""
        if trainer is None:
            return
        user = settings.hub_user()
        if not trainer:
            self.children = [w.HTML(notice_html(t("training.gate_hub_refused", user=user),
                                                "warn"))]
            return
        self.signed_in = True
        done = w.HTML(notice_html(t("training.gate_hub_trainer", user=user), "ok"))
        self.children = [done, self._build(self._store)]

    def _typed(self, change: dict) -> None:
        if change["new"]:
            self._try(change["new"])

    def _clicked(self, _button: w.Button | None = None) -> None:
        if self.password.control.value:
            self._try(self.password.control.value)
        elif not self.status.value and not self.signed_in:
            self.password.error(t("training.gate_empty"))

    def _try(self, password: str) -> None:
        if self.signed_in:
            return
        self.password.clear()
        try:
            check_password(self._store, password)
        except TrainerAuthError as exc:
            time.sleep(WRONG_PAUSE)
            self.password.control.value = ""
            self.password.error(str(exc))
            return
        self.signed_in = True
        self.password.control.value = ""
        done = w.HTML(notice_html(t("training.gate_done"), "ok"))
        self.children = [done, self._build(self._store)]

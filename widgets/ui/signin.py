"""Sign-in: a name and a 4–6 digit PIN. A new name registers; the participant's own work loads."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import SignInError, Store
from widgets.training.db import record_visit
from widgets.ui.common import PAGE, Field, button, notice_html

_store: Store | None = None


def shared_store() -> Store:
    """One connection per kernel (one kernel serves one participant's page)."""
    global _store
    if _store is None:
        _store = Store()
    return _store


class SignInView(w.VBox):
    def __init__(self, store: Store | None = None, on_signed_in: Callable | None = None,
                 page: str = "") -> None:
        self.store = store or shared_store()
        self.on_signed_in = on_signed_in
        self.page = page  # the lesson file stem, for attendance and the trainer's dashboard
        self.name = Field(t("signin.name"), w.Text(placeholder=t("signin.name_hint")),
                          css="uk-signin-name")
        self.pin = Field(t("signin.pin"), w.Password(placeholder="1234"),
                         t("signin.pin_hint"), css="uk-signin-pin")
        self.submit = button(t("signin.button"), "primary")
        self.submit.add_class("uk-signin-submit")
        self.submit.on_click(self._submit)
        self.status = w.HTML()
        self.signed_in = w.HTML()
        self.sign_out = button(t("signin.signout_button"))
        self.sign_out.on_click(self._sign_out)
        self.form = w.VBox([self.name, self.pin, self.submit, self.status])
        self.done = w.HBox([self.signed_in, self.sign_out], layout=w.Layout(flex_flow="row wrap",
                                                                           align_items="center"))
        self.done.layout.display = "none"
        intro = w.HTML(notice_html(t("signin.intro"), "info"))
        super().__init__([intro, self.form, self.done])

    def _submit(self, _button=None) -> None:
        self.name.clear()
        self.pin.clear()
        self.status.value = ""
        try:
            session = self.store.sign_in(self.name.control.value, self.pin.control.value)
        except SignInError as exc:
            (self.pin if exc.field == "pin" else self.name).error(str(exc))
            return
        finally:
            self.pin.control.value = ""
        key = "signin.welcome_new" if session.is_new else "signin.welcome"
        self.signed_in.value = notice_html(t(key, name=session.name), "ok")
        self.form.layout.display = "none"
        self.done.layout.display = ""
        if self.page:
            record_visit(session, self.page)
        PAGE.session = session
        if self.on_signed_in:
            self.on_signed_in(session)

    def _sign_out(self, _button=None) -> None:
        PAGE.session = None
        self.name.control.value = ""
        self.form.layout.display = ""
        self.done.layout.display = "none"
        self.status.value = notice_html(t("signin.signed_out"), "info")

"""Sign-in: a name and a 4–6 digit PIN. A new name registers; the participant's own work loads.

The page template keeps two things in the browser's storage and hands them to the hidden
``uk-signin-carry`` box when the page opens: a random id for this phone (wrong PINs are counted
per phone, see :mod:`widgets.store.participants`) and the short-lived token of the last sign-in
(:mod:`widgets.store.tokens`), so the next lesson opens signed in. After a sign-in with the PIN
the view hands a new token to the page through the hidden ``uk-signin-token`` HTML."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import Session, SignInError, Store, normalise_name, tokens
from widgets.training.db import record_visit
from widgets.ui.common import PAGE, Field, button, notice_html, shared_text_parts

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
        # Lines of text only: they share one layout and style (fewer models for every page).
        self.status = w.HTML(**shared_text_parts())
        self.signed_in = w.HTML(**shared_text_parts())
        self.sign_out = button(t("signin.signout_button"))
        self.sign_out.on_click(self._sign_out)
        self.device = self.token = ""
        # Hidden: the page template fills ``carry`` and reads ``token_out`` (never the PIN).
        self.carry = w.Text(layout=w.Layout(display="none"))
        self.carry.add_class("uk-signin-carry")
        self.carry.observe(self._carried, "value")
        self.token_out = w.HTML(layout=w.Layout(display="none"))
        self.token_out.add_class("uk-signin-token")
        self.form = w.VBox([self.name, self.pin, self.submit, self.status, self.carry,
                            self.token_out])
        self.done = w.HBox([self.signed_in, self.sign_out], layout=w.Layout(flex_flow="row wrap",
                                                                           align_items="center"))
        self.done.layout.display = "none"
        intro = w.HTML(notice_html(t("signin.intro"), "info"), **shared_text_parts())
        super().__init__([intro, self.form, self.done])

    def _submit(self, _button=None) -> None:
        self.name.clear()
        self.pin.clear()
        self.status.value = ""
        try:
            normalise_name(self.name.control.value)  # a look-alike name: no PIN hashed for it
            session = self.store.sign_in(self.name.control.value, self.pin.control.value,
                                         self.device)
        except SignInError as exc:
            (self.pin if exc.field == "pin" else self.name).error(str(exc))
            return
        finally:
            self.pin.control.value = ""
        self.token = tokens.issue(session, self.device) or ""
        if self.token:
            self.token_out.value = f'<span data-uk-token="{escape(self.token)}"></span>'
        self._signed_in(session)

    def _carried(self, change: dict) -> None:
        """The page's phone id and last token arrived: sign in with the token if it is
        still good (else the participant types the PIN as before)."""
        device, _, token = str(change["new"]).partition(" ")
        self.device = device
        if not token or PAGE.session is not None:
            return
        session = tokens.sign_in(self.store, token.strip(), device)
        if session is not None:
            self.token = token.strip()
            self._signed_in(session)

    def _signed_in(self, session: Session) -> None:
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
        if self.token:
            tokens.forget(self.store, self.token)
            self.token = ""
        self.token_out.value = '<span data-uk-token=""></span>'  # the page forgets it too
        PAGE.session = None
        self.name.control.value = ""
        self.form.layout.display = ""
        self.done.layout.display = "none"
        self.status.value = notice_html(t("signin.signed_out"), "info")

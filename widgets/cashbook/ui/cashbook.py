"""The participant's cash book: the entry form, and the book with correcting and deleting (the
HTML it shows is in ``book_html``). A thin view: amounts are parsed by ``core.money``, entries
checked by ``cashbook.ledger`` and saved through ``cashbook.db``; nothing here does sums."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.cashbook import credit_db, db, ledger
from widgets.cashbook.credit import LinkedEntryError
from widgets.cashbook.ledger import EntryError, make_entry
from widgets.cashbook.ui.book_html import (
    category_choices,
    downloads_html,
    entries_table,
    summary_html,
)
from widgets.cashbook.ui.form import read_form
from widgets.core.i18n import format_date, t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.ui.common import PAGE, Field, button, notice_html, section, show_when_signed_in


class EntryForm(w.VBox):
    """Date, in/out, category, description, amount (typed as people write it), purse."""

    def __init__(self, today: dt.date | None = None, days: list[dt.date] | None = None) -> None:
        self.today = today
        # An exercise set in the past offers just its own days: easier than a calendar on a phone.
        control = (w.Dropdown(options=[(format_date(d), d) for d in days]) if days
                   else w.DatePicker(value=today or dt.date.today()))
        self.day = Field(t("cashbook.field_day"), control, css="uk-day")
        self.direction = Field(t("cashbook.field_direction"), w.ToggleButtons(
            options=[(ledger.direction_label("in"), "in"), (ledger.direction_label("out"), "out")],
            value="out"), css="uk-direction")
        self.category = Field(t("cashbook.field_category"),
                              w.Dropdown(options=category_choices("out")), css="uk-category")
        self.description = Field(t("cashbook.field_description"),
                                 w.Text(placeholder=t("cashbook.field_description_hint")),
                                 css="uk-description")
        self.amount = Field(t("cashbook.field_amount"),
                            w.Text(placeholder=t("cashbook.field_amount_hint")), css="uk-amount")
        self.purse = Field(t("cashbook.field_purse"), w.ToggleButtons(
            options=[(ledger.purse_label(p), p) for p in ledger.PURSES], value="usaha"),
            css="uk-purse")
        self.direction.control.observe(self._direction_changed, "value")
        self.amount.control.observe(self._amount_typed, "value")
        super().__init__([self.day, self.direction, self.category, self.description,
                          self.amount, self.purse])

    @property
    def fields(self) -> dict[str, Field]:
        return {"day": self.day, "direction": self.direction, "category": self.category,
                "description": self.description, "amount": self.amount, "purse": self.purse}

    def _direction_changed(self, change) -> None:
        self.category.control.options = category_choices(change["new"])

    def _amount_typed(self, change) -> None:
        """Echo what we understood, so `1,5 jt` visibly becomes Rp1.500.000 before saving."""
        text = change["new"]
        if not text.strip():
            self.amount.clear()
            return
        try:
            value = parse_rupiah(text)
        except AmountError:
            self.amount.clear()  # no scolding mid-typing; the message comes on save
            return
        self.amount.message.value = notice_html(
            t("cashbook.amount_read", amount=format_rupiah(value)))

    def read(self) -> ledger.Entry:
        """The entry the form describes; ``EntryError`` with a message per bad field."""
        return read_form(self.fields, self.amount, lambda amount: make_entry(
            self.day.control.value, self.description.control.value,
            self.direction.control.value, self.category.control.value, amount,
            self.purse.control.value, today=self.today), EntryError)

    def load(self, entry: ledger.Entry) -> None:
        self.day.control.value = entry.day
        self.direction.control.value = entry.direction
        self.category.control.value = entry.category
        self.description.control.value = entry.description
        self.amount.control.value = format_rupiah(entry.amount)
        self.purse.control.value = entry.purse

    def reset(self) -> None:
        self.description.control.value = ""
        self.amount.control.value = ""
        for f in self.fields.values():
            f.clear()


class CashBookView(w.VBox):
    """The whole cash book for the participant signed in on this page. The book is built at
    the first sign-in (:meth:`_build`): its 110 widget models are no part of the page's load
    (each cost about 2 ms of the lesson's render, and a phone fetches them all)."""

    def __init__(self, today: dt.date | None = None) -> None:
        self.today = today
        self.built = False
        self.editing: int | None = None
        self.deleting: int | None = None  # the entry the delete question names
        self.book = w.VBox()  # filled by _build
        self.signed_out = w.HTML(notice_html(t("cashbook.signin_first"), "warn"))
        super().__init__([self.signed_out, self.book])
        PAGE.observe(lambda _c: self.refresh(), "revision")
        show_when_signed_in(self.book, self.signed_out, self._session_changed)

    def _build(self) -> None:
        self.form = EntryForm(self.today)
        self.save = button(t("cashbook.save"), "success")
        self.cancel = button(t("cashbook.cancel_edit"))
        self.cancel.layout.display = "none"
        self.status = w.HTML()
        self.balance = w.HTML()
        self.table = w.HTML()
        for widget, css in ((self.save, "uk-save"), (self.status, "uk-status"),
                            (self.balance, "uk-balance-box"), (self.table, "uk-table")):
            widget.add_class(css)
        self.pick = w.Dropdown(description="", layout=w.Layout(width="100%", max_width="520px",
                                                               margin="2px 0 8px"))
        self.edit = button(t("cashbook.edit"), "info")
        self.delete = button(t("cashbook.delete"), "danger")
        self.confirm_text = w.HTML()
        self.confirm_yes = button(t("cashbook.delete_yes"), "danger")
        self.confirm_no = button(t("cashbook.delete_no"))
        self.confirm = w.VBox([self.confirm_text, w.HBox([self.confirm_yes, self.confirm_no])])
        self.confirm.layout.display = "none"
        for widget, css in ((self.delete, "uk-delete"), (self.confirm, "uk-delete-confirm"),
                            (self.confirm_no, "uk-delete-no")):
            widget.add_class(css)  # hooks for the browser tests
        self.confirm.add_class("uk-ask")  # the page brings the question into sight
        self.summary = w.HTML()
        self.downloads = w.HTML()
        self.save.on_click(self._save)
        self.cancel.on_click(lambda _b: self._stop_editing())
        self.edit.on_click(self._start_editing)
        self.delete.on_click(self._ask_delete)
        self.confirm_yes.on_click(self._delete)
        self.confirm_no.on_click(lambda _b: self._hide_confirm())
        self.book.children = [
            section(t("cashbook.section_new")), self.form,
            w.HBox([self.save, self.cancel], layout=w.Layout(flex_flow="row wrap")), self.status,
            section(t("cashbook.section_book")), self.balance, self.table,
            w.HTML(f"<b>{escape(t('cashbook.pick_label'))}</b>"), self.pick,
            w.HBox([self.edit, self.delete], layout=w.Layout(flex_flow="row wrap")), self.confirm,
            section(t("cashbook.section_summary")), self.summary,
            section(t("cashbook.section_download")), self.downloads,
        ]
        self.built = True

    @property
    def session(self):
        return PAGE.session

    def _session_changed(self) -> None:
        if not self.built and self.session is not None:
            self._build()
        if not self.built:
            return
        self.status.value = ""
        self._stop_editing()
        self._hide_confirm()
        self.refresh()

    def refresh(self) -> None:
        if not self.built:
            return
        if self.session is None:
            # Signed out: hidden is not enough on a shared phone, so drop the last book.
            for html in (self.balance, self.table, self.summary, self.downloads):
                html.value = ""
            self.pick.options = []
            return
        entries = db.entries(self.session)
        self.balance.value = (
            f'<div class="uk-balance" style="font-size:20px;margin:4px 0 8px">'
            f"{escape(t('cashbook.balance_now'))} "
            f"<b>{escape(format_rupiah(ledger.balance(entries)))}</b></div>"
        )
        self.table.value = entries_table(entries)
        self.pick.options = [
            (f"{format_date(e.day)} · {e.description[:28]} · "
             f"{'+' if e.direction == 'in' else '−'}{format_rupiah(e.amount)}", e.id)
            for e in reversed(entries)
        ]
        if self.pick.options:  # show the newest entry, not an empty box
            self.pick.value = self.pick.options[0][1]
        has_entries = bool(entries)
        for control in (self.pick, self.edit, self.delete):
            control.disabled = not has_entries
        self.summary.value = summary_html(entries)
        debts = credit_db.debts(self.session)  # the credit book's sheets go home too
        self.downloads.value = downloads_html(
            entries, self.session.name, debts, credit_db.payments(self.session) if debts else (),
            self.form.today)

    def _save(self, _button=None) -> None:
        self.status.value = ""
        if self.session is None:
            return
        try:
            entry = self.form.read()
        except EntryError:
            self.status.value = notice_html(t("cashbook.not_saved"), "error")
            return
        try:
            if self.editing is None:
                saved = db.add_entry(self.session, entry)
            else:
                saved = db.update_entry(self.session, self.editing, entry)
        except EntryError:
            self.status.value = notice_html(t("cashbook.not_saved"), "error")
            return
        except LookupError:
            self._entry_gone()  # the typed entry stays in the form, to be saved as a new one
            self.editing = None
            self.save.description = t("cashbook.save")
            self.cancel.layout.display = "none"
            return
        key = "cashbook.saved" if self.editing is None else "cashbook.updated"
        self._stop_editing()
        self.form.reset()
        PAGE.changed()
        balance = ledger.balance(db.entries(self.session))
        self.status.value = notice_html(
            t(key, description=saved.description, balance=format_rupiah(balance)), "ok")

    def _start_editing(self, _button=None) -> None:
        if self.pick.value is None:
            return
        self._hide_confirm()
        try:
            entry = db.get_entry(self.session, self.pick.value)
        except LookupError:
            self._entry_gone()
            return
        if credit_db.payment_for_entry(self.session, entry.id) is not None:
            # A payment's line changes with its payment, in the credit book below.
            self.status.value = notice_html(str(LinkedEntryError(entry.description)), "info")
            return
        self.editing = entry.id
        self.form.load(entry)
        self.save.description = t("cashbook.save_changes")
        self.cancel.layout.display = ""
        self.status.value = notice_html(t("cashbook.editing"), "info")

    def _entry_gone(self) -> None:
        """The entry was deleted meanwhile (from another phone with the same name and PIN)."""
        PAGE.changed()  # the list is read again and no longer offers it
        self.status.value = notice_html(t("cashbook.entry_gone"), "warn")

    def _stop_editing(self) -> None:
        self.editing = None
        self.save.description = t("cashbook.save")
        self.cancel.layout.display = "none"
        self.form.reset()

    def _ask_delete(self, _button=None) -> None:
        if self.pick.value is None:
            return
        try:
            entry = db.get_entry(self.session, self.pick.value)
        except LookupError:
            self._entry_gone()
            return
        self.deleting = entry.id
        linked = credit_db.payment_for_entry(self.session, entry.id) is not None
        self.confirm_text.value = notice_html(t(
            "creditui.delete_line" if linked else "cashbook.delete_question",
            description=entry.description, amount=format_rupiah(entry.amount)), "warn")
        self.confirm.layout.display = ""

    def _hide_confirm(self) -> None:
        self.confirm.layout.display = "none"
        self.confirm_text.value = ""
        self.deleting = None

    def _delete(self, _button=None) -> None:
        # The entry the question named, even if another one was picked since.
        entry_id, self.deleting = self.deleting, None
        self._hide_confirm()
        if entry_id is None:
            return
        try:
            if credit_db.payment_for_entry(self.session, entry_id) is not None:
                credit_db.delete_entry_and_payment(self.session, entry_id)  # asked about both
            else:
                db.delete_entry(self.session, entry_id)
        except LookupError:
            pass  # already gone (deleted from another phone): the refresh shows the truth
        if self.editing == entry_id:
            self._stop_editing()
        PAGE.changed()
        self.status.value = notice_html(t("cashbook.deleted"), "ok")

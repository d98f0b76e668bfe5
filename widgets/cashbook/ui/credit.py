"""The participant's credit book (buku utang-piutang): write down a debt, record part payments
(each makes its cash-book line at once), see what is left and what is late, send a polite
WhatsApp reminder, and take it home in the cash book's Excel file.

A thin view: checks are ``cashbook.credit``, writes are ``cashbook.credit_db`` (a payment and its
cash-book line in one transaction); the pieces are in ``credit_parts``.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.cashbook import credit, credit_db, db, ledger
from widgets.cashbook.credit import CreditError
from widgets.cashbook.ui.book_html import credit_download
from widgets.cashbook.ui.credit_parts import (
    DebtForm,
    PaymentPanel,
    ReminderPanel,
    debts_table,
    summary_html,
)
from widgets.core.i18n import format_date, t
from widgets.core.money import AmountError, format_rupiah
from widgets.ui.common import PAGE, button, notice_html, show_when_signed_in
from widgets.ui.common import section as heading


def _row(*widgets: w.Widget) -> w.HBox:
    return w.HBox(list(widgets), layout=w.Layout(flex_flow="row wrap"))


def _tag(view: CreditBookView) -> None:
    """CSS classes: hooks for the browser tests."""
    for name in ("save", "status", "saved", "summary", "table", "pick", "pay", "remind"):
        getattr(view, name).add_class(f"uk-credit-{name}")
    view.confirm_yes.add_class("uk-credit-confirm")
    view.confirm_no.add_class("uk-credit-no")
    for box in (view.confirm, view.pay_box, view.reminder):
        box.add_class("uk-ask")  # the page brings it into sight when it opens


class CreditBookView(w.VBox):
    """The whole credit book for the participant signed in on this page."""

    def __init__(self, today: dt.date | None = None, group: str = "") -> None:
        self.today, self.group = today, group
        self.editing: int | None = None
        self.pending: tuple[str, int] | None = None  # what the delete question is about
        self.form = DebtForm(today)
        self.save = button(t("creditui.save"), "success")
        self.cancel = button(t("cashbook.cancel_edit"))
        self.cancel.layout.display = "none"
        # Two message lines: under the action buttons (payments, deletions) and under Save.
        self.status, self.saved = w.HTML(), w.HTML()
        self.summary, self.table = w.HTML(), w.HTML()
        self.pick = w.Dropdown(layout=w.Layout(width="100%", max_width="520px"))
        self.pay = button(t("creditui.pay"), "primary")
        self.edit = button(t("cashbook.edit"), "info")
        self.remind = button(t("creditui.remind"))
        self.delete = button(t("cashbook.delete"), "danger")
        self.pay_box = PaymentPanel(today)
        self.reminder = ReminderPanel()
        self.confirm_text = w.HTML()
        self.confirm_yes = button(t("creditui.delete_yes"), "danger")
        self.confirm_no = button(t("cashbook.delete_no"))
        self.confirm = w.VBox([self.confirm_text, _row(self.confirm_yes, self.confirm_no)])
        self.ask_here = w.VBox([self.confirm])  # or in the payment panel (``_ask``)
        self.downloads = w.HTML()
        _tag(self)
        self._wire()
        self.signed_out = w.HTML(notice_html(t("creditui.signin_first"), "warn"))
        self.book = w.VBox([
            heading(t("creditui.section_summary")), self.summary,
            heading(t("creditui.section_list")), self.table,
            w.HTML(f"<b>{escape(t('creditui.pick_label'))}</b>"), self.pick,
            _row(self.pay, self.remind, self.edit, self.delete), self.status, self.ask_here,
            self.pay_box,
            self.reminder, heading(t("creditui.section_new")), self.form,
            _row(self.save, self.cancel), self.saved,
            heading(t("cashbook.section_download")), self.downloads,
        ])
        super().__init__([self.signed_out, self.book])
        PAGE.observe(lambda _c: self.refresh(), "revision")
        show_when_signed_in(self.book, self.signed_out, self._session_changed)

    def _wire(self) -> None:
        self.save.on_click(self._save)
        self.cancel.on_click(lambda _b: self._stop_editing())
        self.pick.observe(lambda _c: self._hide_panels(), "value")
        self.pay.on_click(self._open_pay)
        self.pay_box.save.on_click(self._record_payment)
        self.pay_box.delete.on_click(self._ask_delete_payment)
        self.edit.on_click(self._start_editing)
        self.delete.on_click(self._ask_delete_debt)
        self.remind.on_click(self._open_reminder)
        self.confirm_yes.on_click(self._confirmed)
        self.confirm_no.on_click(lambda _b: self._hide_panels())

    @property
    def session(self):
        return PAGE.session

    @property
    def day(self) -> dt.date:
        return self.today or dt.date.today()

    def _session_changed(self) -> None:
        self.status.value = self.saved.value = ""
        self._stop_editing()
        self.refresh()

    def _book(self) -> tuple[list[credit.Debt], list[credit.Payment], list[ledger.Entry]]:
        s = self.session
        return credit_db.debts(s), credit_db.payments(s), db.entries(s)

    def refresh(self) -> None:
        self._hide_panels()
        if self.session is None:  # hidden is not enough on a shared phone: drop the last book
            self.summary.value = self.table.value = self.downloads.value = ""
            self.pick.options = []
            return
        debts, payments, entries = self._book()
        cash = ledger.purse_split(entries)["usaha"].net
        rows = credit.statuses(debts, payments, self.day)
        self.summary.value = summary_html(credit.summarise(debts, payments, cash, self.day))
        self.table.value = debts_table(rows)
        chosen = self.pick.value
        self.pick.options = [(f"{r.debt.who} · {r.debt.what[:24]} · "
                              f"{t('creditui.left_short', left=format_rupiah(r.balance))}",
                              r.debt.id) for r in rows]
        ids = [r.debt.id for r in rows]
        if ids:  # keep the debt in hand selected; else the most urgent one, never an empty box
            self.pick.value = chosen if chosen in ids else ids[0]
        self._hide_panels()
        for control in (self.pick, self.pay, self.remind, self.edit, self.delete):
            control.disabled = not rows
        self.downloads.value = credit_download(entries, self.session.name, debts, payments,
                                               self.day)

    def _selected(self) -> credit.DebtStatus | None:
        debts, payments, _ = self._book()
        found = [d for d in debts if d.id == self.pick.value]
        if not found:
            PAGE.changed()
            self.status.value = notice_html(t("cashbook.entry_gone"), "warn")
            return None
        return credit.status(found[0], payments, self.day)

    def _hide_panels(self) -> None:
        for box in (self.pay_box, self.reminder, self.confirm):
            box.layout.display = "none"
        self.pending = None

    # --- Debts ------------------------------------------------------------------------

    def _save(self, _button=None) -> None:
        self.saved.value = ""
        paid = 0
        if self.editing is not None:
            paid = sum(p.amount for p in credit_db.payments(self.session)
                       if p.debt_id == self.editing)
        try:
            debt = self.form.read(paid)
            if self.editing is None:
                saved = credit_db.add_debt(self.session, debt)
            else:
                saved = credit_db.update_debt(self.session, self.editing, debt)
        except CreditError as exc:
            for name, message in exc.errors.items():
                self.form.fields.get(name, self.form.amount).error(message)
            self.saved.value = notice_html(t("cashbook.not_saved"), "error")
            return
        except LookupError:
            saved = None
        self._stop_editing()
        PAGE.changed()
        if saved is not None:
            self.pick.value = saved.id
            self.saved.value = notice_html(t("creditui.saved", who=saved.who,
                                              amount=format_rupiah(saved.amount)), "ok")

    def _start_editing(self, _button=None) -> None:
        row = self._selected()
        if row is None:
            return
        self.editing = row.debt.id
        self.form.load(row.debt)
        self.save.description = t("cashbook.save_changes")
        self.cancel.layout.display = ""
        self.status.value = self.saved.value = notice_html(
            t("creditui.editing", who=row.debt.who), "info")

    def _stop_editing(self) -> None:
        self.editing = None
        self.save.description = t("creditui.save")
        self.cancel.layout.display = "none"
        self.form.reset()

    def _ask_delete_debt(self, _button=None) -> None:
        row = self._selected()
        if row is None:
            return
        self._hide_panels()
        count = sum(1 for p in credit_db.payments(self.session) if p.debt_id == row.debt.id)
        key = "creditui.delete_debt_paid" if count else "creditui.delete_debt"
        self._ask(("debt", row.debt.id), t(key, who=row.debt.who, what=row.debt.what,
                                           count=count))

    def _ask(self, pending: tuple[str, int], question: str, near: w.VBox | None = None) -> None:
        """Show the question under the button pressed (``near``: the payment panel's slot)."""
        self.pending = pending
        self.confirm_text.value = notice_html(question, "warn")
        for slot in (self.ask_here, self.pay_box.ask):
            slot.children = (self.confirm,) if slot is (near or self.ask_here) else ()
        self.confirm.layout.display = ""

    def _confirmed(self, _button=None) -> None:
        pending, self.pending = self.pending, None
        self._hide_panels()
        if pending is None:
            return
        what, ident = pending
        try:
            if what == "debt":
                credit_db.delete_debt(self.session, ident)
            else:
                credit_db.delete_payment(self.session, ident)
        except LookupError:
            pass  # already gone (another phone): the refresh shows the truth
        if what == "debt" and self.editing == ident:
            self._stop_editing()
        PAGE.changed()
        self.status.value = notice_html(t("cashbook.deleted"), "ok")

    # --- Payments ---------------------------------------------------------------------

    def _open_pay(self, _button=None) -> None:
        row = self._selected()
        if row is None:
            return
        self._hide_panels()
        self.status.value = ""
        self.pay_box.show(row, credit_db.payments(self.session))
        self.pay_box.layout.display = ""

    def _record_payment(self, _button=None) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            day, amount = self.pay_box.read()
            payment = credit_db.record_payment(self.session, row.debt.id, day, amount)
        except AmountError:
            return
        except CreditError as exc:
            self.pay_box.show_errors(exc.errors)
            return
        self.pay_box.amount.control.value = ""
        key = f"creditui.paid_{credit.CASH_DIRECTION[row.debt.kind]}"
        left = row.balance - payment.amount
        PAGE.changed()
        self.status.value = notice_html(t(key, amount=format_rupiah(payment.amount),
                                          who=row.debt.who, left=format_rupiah(left)), "ok")

    def _ask_delete_payment(self, _button=None) -> None:
        found = [p for p in credit_db.payments(self.session) if p.id == self.pay_box.pick.value]
        row = self._selected()
        if not found or row is None:
            return
        self._ask(("payment", found[0].id), t(
            "creditui.delete_payment", amount=format_rupiah(found[0].amount),
            day=format_date(found[0].day), line=credit.payment_description(row.debt)),
            self.pay_box.ask)

    # --- Reminder ---------------------------------------------------------------------

    def _open_reminder(self, _button=None) -> None:
        row = self._selected()
        if row is None:
            return
        self._hide_panels()
        self.status.value = ""
        if row.debt.kind != "piutang" or row.settled:
            self.status.value = notice_html(t("creditui.no_reminder"), "info")
            return
        self.reminder.show(row, self.day, self.session.name, self.group)
        self.reminder.layout.display = ""

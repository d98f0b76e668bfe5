"""Pieces of the credit book's views: the debt list and the summary as phone-width HTML, the
debt form, and the WhatsApp reminder panel. Thin: every figure comes from ``cashbook.credit``,
every text typed is escaped, amounts are read by ``core.money.parse_rupiah``."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.cashbook import credit, ledger, reminder
from widgets.cashbook.credit import CreditError, Debt, DebtStatus, make_debt
from widgets.cashbook.ui.form import read_form
from widgets.core.i18n import format_date, t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.theme import GAIN, HEADING, INFO, LOSS, MUTED, RULE, TABLE_HEAD, TEXT_SOFT
from widgets.core.whatsapp import WhatsAppError, format_phone
from widgets.ui.common import Field, button, notice_html

IN_COLOR, OUT_COLOR, LATE_COLOR = GAIN, LOSS, LOSS
_STYLE = (
    "<style>.uk-credit{width:100%;border-collapse:collapse;font-size:15px;display:table!important}"
    f".uk-credit td,.uk-credit th{{padding:7px 4px;border-bottom:1px solid {RULE};"
    f"vertical-align:top;text-align:left!important}}.uk-credit th{{background:{TABLE_HEAD}}}"
    ".uk-credit .num{text-align:right!important;white-space:nowrap}"
    f".uk-credit small{{color:{TEXT_SOFT}}}.uk-badge{{display:inline-block;padding:1px 7px;"
    "border-radius:10px;font-size:13px;color:#fff;margin-top:2px}"
    ".uk-sum{display:grid;grid-template-columns:1fr 1fr;gap:6px;max-width:520px}"
    f".uk-sum div{{background:#fff;border:1px solid {RULE};border-radius:8px;padding:8px}}"
    ".uk-sum b{display:block;font-size:18px}.uk-sum .uk-pos{grid-column:1/3;"
    f"border:2px solid {HEADING}}}</style>"
)


def _badge(row: DebtStatus) -> str:
    if row.settled:
        text, color = t("creditui.state_paid"), IN_COLOR
    elif row.days_overdue:
        text, color = t("creditui.state_late", days=row.days_overdue), LATE_COLOR
    else:
        text, color = t("creditui.state_open"), MUTED
    return f'<span class="uk-badge" style="background:{color}">{escape(text)}</span>'


def _debt_row(row: DebtStatus) -> str:
    debt = row.debt
    paid = (f"<br><small>{escape(t('creditui.paid_of', paid=format_rupiah(row.paid), total=format_rupiah(debt.amount)))}</small>"  # noqa: E501
            if row.paid else f"<br><small>{escape(format_rupiah(debt.amount))}</small>")
    return (
        f"<tr><td><b>{escape(debt.who)}</b> · {escape(debt.what)}<br><small>"
        f"{escape(t('creditui.due_on', due=format_date(debt.due)))}</small>{paid}<br>"
        f"{_badge(row)}</td>"
        f'<td class="num"><b>{escape(format_rupiah(row.balance))}</b></td></tr>'
    )


def debts_table(rows: list[DebtStatus]) -> str:
    """Piutang then utang, each debt with what is left: two columns that fit a 360 px phone."""
    if not rows:
        return notice_html(t("creditui.book_empty"), "info")
    parts = [_STYLE]
    for kind in credit.KINDS:
        mine = [r for r in rows if r.debt.kind == kind]
        if not mine:
            continue
        head = (f"<tr><th>{escape(credit.kind_label(kind))}</th>"
                f"<th class='num'>{escape(t('creditui.col_left'))}</th></tr>")
        parts.append(f'<table class="uk-credit uk-credit-{kind}">{head}'
                     f'{"".join(_debt_row(r) for r in mine)}</table>')
    return "".join(parts)


def summary_html(summary: credit.CreditSummary) -> str:
    """The four figures a treasurer needs, and the overdue list."""
    boxes = [("owed", summary.owed_to_us, IN_COLOR), ("owe", summary.we_owe, OUT_COLOR),
             ("cash", summary.cash, INFO)]
    cells = "".join(f'<div class="uk-sum-{key}"><small>{escape(t(f"creditui.box_{key}"))}</small>'
                    f'<b style="color:{color}">{escape(format_rupiah(value))}</b></div>'
                    for key, value, color in boxes)
    cells += (f'<div class="uk-pos"><small>{escape(t("creditui.box_position"))}</small>'
              f"<b>{escape(format_rupiah(summary.position))}</b></div>")
    late = ""
    if summary.overdue:
        items = "".join(
            f"<li>{escape(r.debt.who)} · {escape(format_rupiah(r.balance))} · "
            f"{escape(t('creditui.state_late', days=r.days_overdue))}</li>"
            for r in summary.overdue)
        late = (f'<div class="uk-overdue" style="color:{LATE_COLOR};margin-top:6px">'
                f"<b>{escape(t('creditui.overdue_title'))}</b><ul style='margin:2px 0'>"
                f"{items}</ul></div>")
    return _STYLE + f'<div class="uk-sum">{cells}</div>{late}'


def payments_html(debt: Debt, payments: list[credit.Payment]) -> str:
    """A debt's payments, each with the cash-book line it made."""
    mine = [p for p in payments if p.debt_id == debt.id]
    if not mine:
        return notice_html(t("creditui.no_payments"), "info")
    sign = "+" if credit.CASH_DIRECTION[debt.kind] == "in" else "−"
    rows = "".join(f"<tr><td>{escape(format_date(p.day))}<br><small>"
                   f"{escape(t('creditui.in_cashbook'))}</small></td><td class='num'>"
                   f"{sign}{escape(format_rupiah(p.amount))}</td></tr>" for p in mine)
    return _STYLE + f'<table class="uk-credit uk-payments">{rows}</table>'


def _kinds() -> list[tuple[str, str]]:
    return [(t(f"credit.kind_short_{k}"), k) for k in credit.KINDS]


def _categories(kind: str) -> list[tuple[str, str]]:
    return [(ledger.category_label(key), key) for key in credit.categories(kind)]


class DebtForm(w.VBox):
    """Which way, who, what for, how much, when and by when, the phone for reminders."""

    def __init__(self, today: dt.date | None = None) -> None:
        self.today = today
        day = today or dt.date.today()
        self.kind = Field(t("creditui.field_kind"), w.ToggleButtons(options=_kinds(),
                          value="piutang"), t("creditui.hint_kind"), css="uk-credit-kind")
        self.who = Field(t("creditui.field_who"), w.Text(placeholder=t("creditui.hint_who")),
                         css="uk-credit-who")
        self.what = Field(t("creditui.field_what"), w.Text(placeholder=t("creditui.hint_what")),
                          css="uk-credit-what")
        self.amount = Field(t("creditui.field_amount"), w.Text(placeholder="150rb"),
                            css="uk-credit-amount")
        self.day = Field(t("creditui.field_day"), w.DatePicker(value=day), css="uk-credit-day")
        self.due = Field(t("creditui.field_due"), w.DatePicker(value=day + dt.timedelta(days=7)),
                         css="uk-credit-due")
        self.category = Field(t("creditui.field_category"),
                              w.Dropdown(options=_categories("piutang")), css="uk-credit-cat")
        self.phone = Field(t("creditui.field_phone"), w.Text(placeholder="0812-3456-7890"),
                           t("creditui.hint_phone"), css="uk-credit-phone")
        self.kind.control.observe(self._kind_changed, "value")
        super().__init__([self.kind, self.who, self.what, self.amount, self.day, self.due,
                          self.category, self.phone])

    @property
    def fields(self) -> dict[str, Field]:
        return {"kind": self.kind, "who": self.who, "what": self.what, "amount": self.amount,
                "day": self.day, "due": self.due, "category": self.category, "phone": self.phone}

    def _kind_changed(self, change) -> None:
        self.category.control.options = _categories(change["new"])
        self.phone.layout.display = "" if change["new"] == "piutang" else "none"

    def read(self, paid: int = 0) -> Debt:
        """The debt the form describes; ``CreditError`` with a message under each bad field."""
        return read_form(self.fields, self.amount, lambda amount: make_debt(
            self.kind.control.value, self.who.control.value, self.what.control.value, amount,
            self.day.control.value, self.due.control.value, self.category.control.value,
            self.phone.control.value, today=self.today, paid=paid), CreditError)

    def load(self, debt: Debt) -> None:
        self.kind.control.value = debt.kind
        self.category.control.value = debt.category
        for field, value in ((self.who, debt.who), (self.what, debt.what),
                             (self.amount, format_rupiah(debt.amount)),
                             (self.phone, format_phone(debt.phone) if debt.phone else "")):
            field.control.value = value
        self.day.control.value, self.due.control.value = debt.day, debt.due

    def reset(self) -> None:
        for field in (self.who, self.what, self.amount, self.phone):
            field.control.value = ""
        for field in self.fields.values():
            field.clear()


class PaymentPanel(w.VBox):
    """Amount and day of a payment, the debt's payments so far, and one to delete."""

    def __init__(self, today: dt.date | None = None) -> None:
        self.amount = Field(t("creditui.field_pay_amount"), w.Text(placeholder="50rb"),
                            css="uk-pay-amount")
        self.day = Field(t("creditui.field_pay_day"),
                         w.DatePicker(value=today or dt.date.today()), css="uk-pay-day")
        self.save = button(t("creditui.pay_save"), "success")
        self.listing = w.HTML()
        self.pick = w.Dropdown(layout=w.Layout(width="100%", max_width="520px"))
        self.delete = button(t("creditui.pay_delete"), "danger")
        self.ask = w.VBox()  # the delete question comes here, under the button pressed
        for widget, css in ((self.save, "uk-pay-save"), (self.listing, "uk-credit-payments"),
                            (self.delete, "uk-pay-delete")):
            widget.add_class(css)
        super().__init__([self.amount, self.day, self.save, self.listing, self.pick,
                          self.delete, self.ask])

    def show(self, row: DebtStatus, payments: list[credit.Payment]) -> None:
        mine = [p for p in payments if p.debt_id == row.debt.id]
        self.amount.clear()
        self.day.clear()
        self.amount.message.value = notice_html(
            t("creditui.left_now", left=format_rupiah(row.balance)), "info")
        self.listing.value = payments_html(row.debt, mine)
        self.pick.options = [(f"{format_date(p.day)} · {format_rupiah(p.amount)}", p.id)
                             for p in mine]
        if mine:
            self.pick.value = mine[-1].id
        self.pick.layout.display = self.delete.layout.display = "" if mine else "none"

    def read(self) -> tuple[dt.date, int]:
        """The day and amount typed; AmountError shown under the amount."""
        self.amount.clear()
        self.day.clear()
        try:
            return self.day.control.value, parse_rupiah(self.amount.control.value)
        except AmountError as exc:
            self.amount.error(str(exc))
            raise

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, message in errors.items():
            (self.day if name == "day" else self.amount).error(message)


class ReminderPanel(w.VBox):
    """Tone, number and signature; the message to read first and the button that opens
    WhatsApp with it written."""

    def __init__(self) -> None:
        self.row: DebtStatus | None = None
        self.today = dt.date.today()
        self.group = ""
        self.tone = Field(t("creditui.field_tone"), w.ToggleButtons(
            options=[(reminder.tone_label(k), k) for k in reminder.TONES], value="ramah"),
            css="uk-reminder-tone")
        self.phone = Field(t("creditui.field_phone"), w.Text(placeholder="0812-3456-7890"),
                           css="uk-reminder-phone")
        self.sender = Field(t("creditui.field_sender"), w.Text(), css="uk-reminder-sender")
        self.output = w.HTML()
        self.output.add_class("uk-reminder")
        for field in (self.tone, self.phone, self.sender):
            field.control.observe(lambda _c: self.update(), "value")
        note = w.HTML(notice_html(t("creditui.reminder_note"), "info"))
        super().__init__([note, self.tone, self.phone, self.sender, self.output])

    def show(self, row: DebtStatus, today: dt.date, sender: str, group: str = "") -> None:
        self.row, self.today, self.group = row, today, group
        self.phone.control.value = format_phone(row.debt.phone) if row.debt.phone else ""
        self.sender.control.value = sender
        self.update()

    def update(self) -> None:
        self.phone.clear()
        if self.row is None:
            self.output.value = ""
            return
        args = (self.row, self.tone.control.value, self.today, self.sender.control.value.strip(),
                self.group)
        text = reminder.reminder_text(*args)
        try:
            link = reminder.reminder_link(*args, phone=self.phone.control.value)
        except WhatsAppError as exc:
            self.phone.error(str(exc))
            link = ""
        button = (f'<a class="uk-wa-send" href="{escape(link)}" target="_blank" rel="noopener" '
                  'style="display:inline-block;padding:10px 16px;border-radius:8px;'
                  f'background:{GAIN};color:#fff;text-decoration:none;font-weight:600">'
                  f"{escape(t('creditui.send_wa'))}</a>") if link else ""
        self.output.value = (
            f"<div style='background:#fff;border:1px solid {RULE};border-radius:8px;"
            f"padding:8px;white-space:pre-wrap;max-width:520px'>{escape(text)}</div>{button}")

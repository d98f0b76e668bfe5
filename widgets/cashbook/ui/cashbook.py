"""The participant's cash book: the entry form, the list with its running balance, correcting
and deleting, the monthly summary with a chart, and downloads (Excel, CSV).

A thin view: amounts are parsed by ``core.money``, entries checked by ``cashbook.ledger``,
saved by the signed-in ``widgets.store.Session``. Nothing here calculates money itself.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.cashbook import credit_db, db, ledger
from widgets.cashbook.credit import LinkedEntryError
from widgets.cashbook.ledger import CATEGORIES, EntryError, make_entry
from widgets.core.charts import bar_chart
from widgets.core.i18n import format_date, format_month, t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.theme import GAIN, LOSS, ROW_ALT, RULE, TABLE_HEAD, TEXT_SOFT
from widgets.ui.common import (
    PAGE,
    XLSX,
    Field,
    button,
    download_link,
    file_slug,
    notice_html,
    section,
)
from widgets.ui.tables import Row, money_table

IN_COLOR, OUT_COLOR = GAIN, LOSS
_TABLE_STYLE = (
    "<style>.uk-book{width:100%;border-collapse:collapse;font-size:15px;display:table!important}"
    f".uk-book th,.uk-book td{{padding:6px 4px;border-bottom:1px solid {RULE};vertical-align:top;"
    f"text-align:left!important}}.uk-book tr:nth-child(even){{background:{ROW_ALT}}}"
    f".uk-book th{{background:{TABLE_HEAD}}}.uk-book .num{{text-align:right!important;"
    f"white-space:nowrap}}.uk-book small{{color:{TEXT_SOFT}}}</style>"
)


def _categories(direction: str) -> list[tuple[str, str]]:
    return [(ledger.category_label(c.key), c.key) for c in CATEGORIES if c.direction == direction]


def _money_cell(entry: ledger.Entry) -> str:
    sign, color = ("+", IN_COLOR) if entry.direction == "in" else ("−", OUT_COLOR)
    return f'<td class="num" style="color:{color}">{sign}{escape(format_rupiah(entry.amount))}</td>'


def entries_table(entries: list[ledger.Entry], opening: int = 0) -> str:
    """The cash book as a three-column table that fits a 360 px phone."""
    if not entries:
        return notice_html(t("cashbook.book_empty"), "info")
    rows = []
    if opening:
        rows.append(f"<tr><td><i>{escape(t('cashbook.opening_balance'))}</i></td><td></td>"
                    f'<td class="num">{escape(format_rupiah(opening))}</td></tr>')
    for entry, balance in ledger.running_balance(entries, opening):
        rows.append(
            f"<tr><td>{escape(format_date(entry.day))}<br><b>{escape(entry.description)}</b><br>"
            f"<small>{escape(ledger.category_label(entry.category))} · "
            f"{escape(ledger.purse_label(entry.purse))}</small></td>"
            f"{_money_cell(entry)}"
            f'<td class="num">{escape(format_rupiah(balance))}</td></tr>'
        )
    head = (
        f"<tr><th>{escape(t('cashbook.col_entry'))}</th>"
        f"<th class='num'>{escape(t('cashbook.col_amount'))}</th>"
        f"<th class='num'>{escape(t('cashbook.col_balance'))}</th></tr>"
    )
    return _TABLE_STYLE + f'<table class="uk-book">{head}{"".join(rows)}</table>'


CHART_MONTHS = 12  # more bars than this no longer read on a phone


def summary_html(entries: list[ledger.Entry]) -> str:
    """Monthly summary table, chart, profit and loss, and the two purses."""
    if not entries:
        return ""
    months = ledger.monthly_summary(entries)
    rows = [Row(escape(format_month(m.year, m.month, short=True)),
                [escape(format_rupiah(m.money_in)), escape(format_rupiah(m.money_out)),
                 f"<b>{escape(format_rupiah(m.net))}</b>"]) for m in months]
    head = [t(f"cashbook.col_{key}") for key in ("month", "in", "out", "net")]
    table = money_table(head, rows, css="uk-summary")
    return _TABLE_STYLE + table + months_chart(months) + profit_html(entries) + purses_html(entries)


def months_chart(months: list[ledger.MonthSummary]) -> str:
    """Money in and out per month: every month of the table beside it, up to ``CHART_MONTHS``
    (the title then says how many). Bars are labelled by month; across a new year the title
    names the first and last month."""
    shown = months[-CHART_MONTHS:]
    title = (t("cashbook.chart_title") if len(shown) == len(months)
             else t("cashbook.chart_title_last", months=len(shown)))
    if len({m.year for m in shown}) > 1:
        title = t("cashbook.chart_period", title=title,
                  first=format_month(shown[0].year, shown[0].month, short=True),
                  last=format_month(shown[-1].year, shown[-1].month, short=True))
    labels = [format_month(m.year, m.month, short=True).split()[0] for m in shown]
    chart = bar_chart(labels, {t("cashbook.col_in"): [m.money_in for m in shown],
                               t("cashbook.col_out"): [m.money_out for m in shown]},
                      [IN_COLOR, OUT_COLOR], title)
    return f'<p class="uk-chart-title"><b>{escape(title)}</b></p>{chart}'


def profit_html(entries: list[ledger.Entry]) -> str:
    pl = ledger.profit_and_loss(entries)
    lines = [f"<tr><th colspan=2>{escape(t('cashbook.pl_income'))}</th></tr>"]
    lines += [
        f'<tr><td>{escape(ledger.category_label(k))}</td><td class="num">'
        f"{escape(format_rupiah(v))}</td></tr>" for k, v in pl.income.items()
    ]
    lines.append(f"<tr><th colspan=2>{escape(t('cashbook.pl_expenses'))}</th></tr>")
    lines += [
        f'<tr><td>{escape(ledger.category_label(k))}</td><td class="num">'
        f"{escape(format_rupiah(v))}</td></tr>" for k, v in pl.expenses.items()
    ]
    key = "cashbook.pl_profit" if pl.profit >= 0 else "cashbook.pl_loss"
    lines.append(
        f'<tr><td><b>{escape(t(key))}</b></td><td class="num"><b>'
        f"{escape(format_rupiah(pl.profit))}</b></td></tr>"
    )
    return (
        f"<h4>{escape(t('cashbook.pl_title'))}</h4>"
        f'<table class="uk-book">{"".join(lines)}</table>'
        + notice_html(t("cashbook.pl_note"), "info")
    )


def purses_html(entries: list[ledger.Entry]) -> str:
    split = ledger.purse_split(entries)
    rows = "".join(
        f"<tr><td>{escape(ledger.purse_label(p))}</td>"
        f'<td class="num">{escape(format_rupiah(s.money_in))}</td>'
        f'<td class="num">{escape(format_rupiah(s.money_out))}</td></tr>'
        for p, s in split.items()
    )
    return (
        f"<h4>{escape(t('cashbook.purse_title'))}</h4><table class='uk-book'><tr><th></th>"
        f'<th class="num">{escape(t("cashbook.col_in"))}</th><th class="num">'
        f'{escape(t("cashbook.col_out"))}</th></tr>{rows}</table>'
    )


def downloads_html(entries: list[ledger.Entry], owner: str) -> str:
    """Download links carrying the files themselves, so nothing is served from disk."""
    # openpyxl costs a quarter of a second to import: pay it after sign-in, not on page load.
    from widgets.cashbook.export import cashbook_csv, cashbook_xlsx

    name = f"buku-kas-{file_slug(owner, 'peserta')}"
    return (download_link("uk-download-xlsx", f"{name}.xlsx", XLSX,
                          cashbook_xlsx(entries, owner), t("cashbook.download_xlsx"))
            + download_link("uk-download-csv", f"{name}.csv", "text/csv",
                            cashbook_csv(entries), t("cashbook.download_csv")))


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
        self.category = Field(t("cashbook.field_category"), w.Dropdown(options=_categories("out")),
                              css="uk-category")
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
        self.category.control.options = _categories(change["new"])

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
        for f in self.fields.values():
            f.clear()
        errors: dict[str, str] = {}
        amount = 0
        try:
            amount = parse_rupiah(self.amount.control.value)
        except AmountError as exc:
            errors["amount"] = str(exc)
        try:
            entry = make_entry(
                self.day.control.value, self.description.control.value,
                self.direction.control.value, self.category.control.value,
                amount if "amount" not in errors else 1, self.purse.control.value,
                today=self.today,
            )
        except EntryError as exc:
            errors = {**exc.errors, **errors}
        if errors:
            for name, message in errors.items():
                self.fields.get(name, self.amount).error(message)
            raise EntryError(errors)
        return entry

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
    """The whole cash book for the participant signed in on this page."""

    def __init__(self, today: dt.date | None = None) -> None:
        self.form = EntryForm(today)
        self.editing: int | None = None
        self.deleting: int | None = None  # the entry the delete question names
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
        self.summary = w.HTML()
        self.downloads = w.HTML()
        self.signed_out = w.HTML(notice_html(t("cashbook.signin_first"), "warn"))
        self.save.on_click(self._save)
        self.cancel.on_click(lambda _b: self._stop_editing())
        self.edit.on_click(self._start_editing)
        self.delete.on_click(self._ask_delete)
        self.confirm_yes.on_click(self._delete)
        self.confirm_no.on_click(lambda _b: self._hide_confirm())
        self.book = w.VBox([
            section(t("cashbook.section_new")), self.form,
            w.HBox([self.save, self.cancel], layout=w.Layout(flex_flow="row wrap")), self.status,
            section(t("cashbook.section_book")), self.balance, self.table,
            w.HTML(f"<b>{escape(t('cashbook.pick_label'))}</b>"), self.pick,
            w.HBox([self.edit, self.delete], layout=w.Layout(flex_flow="row wrap")), self.confirm,
            section(t("cashbook.section_summary")), self.summary,
            section(t("cashbook.section_download")), self.downloads,
        ])
        super().__init__([self.signed_out, self.book])
        PAGE.observe(self._session_changed, "session")
        PAGE.observe(lambda _c: self.refresh(), "revision")
        self._session_changed()

    @property
    def session(self):
        return PAGE.session

    def _session_changed(self, _change=None) -> None:
        signed_in = self.session is not None
        self.book.layout.display = "" if signed_in else "none"
        self.signed_out.layout.display = "none" if signed_in else ""
        self.status.value = ""
        self._stop_editing()
        self._hide_confirm()
        self.refresh()

    def refresh(self) -> None:
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
        self.downloads.value = downloads_html(entries, self.session.name)

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

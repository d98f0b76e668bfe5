"""Lesson 1 (Buku Kas): the worked example on the group's own data, the participant's cash
book, and the week exercise with its server-side self-check."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w
from IPython.display import HTML, display

from widgets.cashbook import db, exercises, months
from widgets.cashbook.data import load_cashbook
from widgets.cashbook.ledger import Entry, EntryError
from widgets.cashbook.ui.book_html import entries_table, summary_html
from widgets.cashbook.ui.cashbook import CashBookView, EntryForm
from widgets.core.charts import line_chart
from widgets.core.i18n import format_month, format_month_range, t
from widgets.core.money import AmountError, format_rupiah
from widgets.core.notice import left_out_html
from widgets.core.theme import ACCENT
from widgets.core.village import Group, load_village
from widgets.store.answers import save_answer
from widgets.ui.common import PAGE, Field, button, notice_html, section, show_when_signed_in
from widgets.ui.inputs import typed_amount
from widgets.ui.later import Later
from widgets.ui.signin import SignInView

EXERCISE_ID = "buku-kas-minggu"


def cashbook_app(today: dt.date | None = None) -> w.VBox:
    """Sign-in on top, the participant's own cash book below."""
    return w.VBox([SignInView(page="02-buku-kas"), CashBookView(today)],
                  layout=w.Layout(width="100%"))


def _production_book(group: str | None) -> tuple[Group, list[Entry]] | None:
    """``group`` (else the village's production group) and its cash book; None, with the
    trainer's note shown instead, when the village has no such group or no cash book for it."""
    village = load_village()
    info = village.group(group) if group else village.production_group()
    if info is None or not info.cashbook_file:
        display(HTML(left_out_html("no_production" if info is None else "no_data",
                                   what=f"groups.{info.key if info else ''}.cashbook")))
        return None
    return info, load_cashbook(village).book(info.key)


def show_worked_example(group: str | None = None, year: int | None = None,
                        month: int | None = None) -> None:
    """One month of the group's cash book with its running balance: by default the
    production group's ``example_month`` (else its first month)."""
    found = _production_book(group)
    if found is None:
        return
    info, book = found
    if year is None or month is None:
        start = info.opening_date or book[0].day
        year, month = info.example_month or (start.year, start.month)
    page = months.month_page(book, year, month, info.opening_balance)
    heading = t("lesson1.example_month", group=info.name, month=format_month(year, month))
    display(HTML(f"<h4>{escape(heading)}</h4>" + entries_table(page.entries, page.opening)))


def show_worked_summary(group: str | None = None) -> None:
    """The group's balance chart and its months summed up (the lesson's next step)."""
    found = _production_book(group)
    if found is None:
        return
    info, book = found
    closing_by_month = months.month_end_balances(book, info.opening_balance)
    span = format_month_range(book[0].day, book[-1].day)
    labels = [format_month(y, m, short=True).split()[0] for (y, m) in closing_by_month]
    chart = line_chart(labels, list(closing_by_month.values()), t("lesson1.chart_balance"),
                       ACCENT)
    display(HTML(
        f"<h4>{escape(t('lesson1.chart_balance'))}</h4>" + chart
        + f"<h4>{escape(t('lesson1.example_summary', months=span))}</h4>" + summary_html(book)
    ))


def _herd(group: str | None):
    """(village, group, herd and cash) of ``group``, else of the livestock group; the trainer's
    note instead when the village keeps no livestock group, herd log or herd cash book."""
    from widgets.cashbook.herdbook import herd_and_cash

    village = load_village()
    info = village.group(group) if group else village.livestock_group()
    if info is None:
        return village, None, left_out_html("no_livestock")
    if village.file("herd") is None or not info.cashbook_file:
        return village, None, left_out_html("no_data",
                                            what=f"files.herd, groups.{info.key}.cashbook")
    return village, info, herd_and_cash(village, info.key)


def herd_book_html(group: str | None = None) -> str:
    """The livestock group's herd book: births, deaths, sales, animals bought, feed bought."""
    from widgets.cashbook.ui.herd_html import herd_book_html as html

    _village, info, result = _herd(group)
    return result if info is None else html(result, info.name)


def show_herd_book(group: str | None = None) -> None:
    display(HTML(herd_book_html(group)))


def herd_cash_html(group: str | None = None) -> str:
    """The livestock group's cash book of the same months, and whether the two books agree."""
    from widgets.cashbook.ui.herd_html import cash_check_html

    village, info, result = _herd(group)
    if info is None:
        return result
    return cash_check_html(result, info.name, info.opening_balance,
                           load_cashbook(village).book(info.key))


def show_herd_cash(group: str | None = None) -> None:
    display(HTML(herd_cash_html(group)))


class WeekExercise(w.VBox):
    """The week story: record it with the week's own days, then check the totals."""

    def __init__(self) -> None:
        week = load_cashbook().exercise_week()
        self.expected = list(week.entries)
        self.opening = week.opening_balance
        days = exercises.week_days(self.expected)
        self.form = EntryForm(days=days)
        self.add = button(t("cashbook.save"), "success")
        self.add.add_class("uk-ex-save")
        self.add_status = w.HTML()
        self.closing = Field(t("lesson1.closing_typed"), w.Text(placeholder="Rp"),
                             css="uk-ex-closing")
        self.profit = Field(t("lesson1.profit_typed"), w.Text(placeholder="Rp"),
                            css="uk-ex-profit")
        self.check = button(t("lesson1.check"), "primary")
        self.check.add_class("uk-ex-check")
        self.feedback = w.HTML()
        self.feedback.add_class("uk-ex-feedback")
        self.add.on_click(self._add)
        self.check.on_click(self._check)
        story = (
            f'<div style="background:#fff;border-left:4px solid {ACCENT};padding:10px 12px;'
            f'border-radius:6px"><b>{escape(week.title_text())}</b><p>'
            f"{escape(week.story_text())}</p><p>{escape(t('lesson1.opening_given', amount=format_rupiah(self.opening)))}</p></div>"  # noqa: E501
        )
        self.signed_out = w.HTML(notice_html(t("cashbook.signin_first"), "warn"))
        self.body = w.VBox([
            section(t("lesson1.exercise_record")), self.form, self.add, self.add_status,
            section(t("lesson1.exercise_totals")), self.closing, self.profit, self.check,
            self.feedback,
        ])
        super().__init__([w.HTML(story), self.signed_out, self.body])
        show_when_signed_in(self.body, self.signed_out, self._clear_feedback)

    def _clear_feedback(self) -> None:
        self.feedback.value = ""

    def _add(self, _button=None) -> None:
        self.add_status.value = ""
        try:
            entry = self.form.read()
            db.add_entry(PAGE.session, entry)
        except EntryError:
            self.add_status.value = notice_html(t("cashbook.not_saved"), "error")
            return
        self.form.reset()
        PAGE.changed()
        self.add_status.value = notice_html(t("lesson1.added", description=entry.description), "ok")

    def _check(self, _button=None) -> None:
        try:
            closing = typed_amount(self.closing)
            profit = typed_amount(self.profit)
        except AmountError:
            self.feedback.value = ""
            return
        result = exercises.check_week(db.entries(PAGE.session), self.expected, self.opening,
                                      closing, profit)
        save_answer(PAGE.session, EXERCISE_ID, {"closing": closing, "profit": profit},
                                 result.correct)
        lines = exercises.explain(result)
        head = notice_html(t("lesson1.all_right" if result.correct else "lesson1.not_yet"),
                           "ok" if result.correct else "warn")
        self.feedback.value = head + "".join(notice_html(text, kind) for kind, text in lines)


def week_exercise() -> Later:
    """The week exercise, built when the participant reaches it (see widgets.ui.later)."""
    return Later(WeekExercise, t("cashbook.open_week_exercise"))


# --- The credit book (buku utang-piutang) ---------------------------------------------------


def show_credit_example() -> None:
    """The konveksi group's credit book: the school's uniform order paid in two parts."""
    from widgets.cashbook.ui.credit_lesson import show_credit_example as show

    show()


def credit_app(today: dt.date | None = None) -> Later:
    """The participant's own credit book, under the cash book's sign-in above (one sign-in per
    page): a payment recorded here appears in the cash book at once. Built when the
    participant reaches it."""

    def build() -> w.VBox:
        from widgets.cashbook.data import load_credit_example
        from widgets.cashbook.ui.credit import CreditBookView

        group = load_village().group(load_credit_example().group).name
        return CreditBookView(today, group)

    return Later(build, t("cashbook.open_credit_book"))


def credit_exercise() -> Later:
    def build() -> w.VBox:
        from widgets.cashbook.ui.credit_lesson import CreditExercise

        return CreditExercise()

    return Later(build, t("cashbook.open_credit_exercise"))

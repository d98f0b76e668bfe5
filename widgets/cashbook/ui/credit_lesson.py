"""Lesson 1's credit part: the worked example on the konveksi group's own data (the school's
uniform order paid in two parts) and the week exercise with its server-side check."""

from __future__ import annotations

from html import escape

import ipywidgets as w
from IPython.display import HTML, display

from widgets.cashbook import credit, credit_exercise
from widgets.cashbook.data import (
    CreditExample,
    load_cashbook,
    load_credit_example,
    load_credit_exercise,
)
from widgets.cashbook.ui.credit_parts import debts_table, summary_html
from widgets.core.i18n import format_date, t
from widgets.core.money import AmountError, format_rupiah
from widgets.core.theme import ACCENT
from widgets.core.village import load_village
from widgets.store.answers import answers, save_answer
from widgets.ui.common import PAGE, Field, button, notice_html, section, show_when_signed_in
from widgets.ui.inputs import typed_amount

EXERCISE_ID = "utang-piutang-minggu"
_BOX = (f'<div style="background:#fff;border-left:4px solid {ACCENT};padding:10px 12px;'
        'border-radius:6px;margin:6px 0">')


def show_credit_example() -> None:
    display(HTML(credit_example_html()))


def credit_example_html() -> str:
    """The group's credit book on the example's day, its summary, and the school's two
    payments with the cash-book lines they are."""
    example = load_credit_example()
    village = load_village()
    info = village.group(example.group)
    day = example.as_of
    shown = example.payments_until(day)
    rows = credit.statuses(example.debts, shown, day)
    summary = credit.summarise(example.debts, shown, example.opening_cash, day)
    lines = {e.id: e for e in load_cashbook(village).book(example.group)}
    by_id = {d.id: d for d in example.debts}
    payments = "".join(
        f"<li>{escape(format_date(p.day))}: {escape(by_id[p.debt_id].who)} "
        f"{escape(t('lesson1.credit_pays', amount=format_rupiah(p.amount)))}<br><small>"
        f"{escape(t('lesson1.credit_cash_line', line=lines[p.entry_id].description))}"
        f"</small></li>" for p in example.payments)
    label = escape(t("lesson1.credit_label", label=example.label_text()))
    return (
        _credit_story(example, info.name)
        + f"<h4>{escape(t('lesson1.credit_example_title', group=info.name, day=format_date(day)))}"
        f"</h4><p><small><i>{label}</i></small></p>"
        + debts_table(rows) + f"<h4>{escape(t('creditui.section_summary'))}</h4>"
        + summary_html(summary)
        + f"<h4>{escape(t('lesson1.credit_two_parts', who=_paid_in_parts(example).who))}</h4>"
        f"<ul>{payments}</ul>"
    )


def _paid_in_parts(example: CreditExample) -> credit.Debt:
    """The example's debt with the most payments (the order paid in parts)."""
    return max(example.debts, key=lambda d: sum(p.debt_id == d.id for p in example.payments))


def _credit_story(example: CreditExample, group: str) -> str:
    """The example's story in words, from the data: the debt paid in parts, its first payment
    and its due day (the lesson's prose names no figure of its own)."""
    debt = _paid_in_parts(example)
    first = [p for p in example.payments if p.debt_id == debt.id]
    story = t("lesson1.credit_story", who=debt.who, group=group, what=debt.what,
              day=format_date(debt.day), amount=format_rupiah(debt.amount),
              first=format_rupiah(first[0].amount if first else 0),
              first_day=format_date(first[0].day if first else debt.day),
              due=format_date(debt.due), as_of=format_date(example.as_of))
    return f"<p>{escape(story)}</p>"


class CreditExercise(w.VBox):
    """The week story; three amounts to type; feedback that names the slip."""

    def __init__(self) -> None:
        self.week = load_credit_exercise()
        story = (f"{_BOX}<b>{escape(self.week.title_text())}</b><p>"
                 f"{escape(self.week.story_text())}</p></div>")
        self.owed = Field(t("lesson1.credit_owed_typed"), w.Text(placeholder="Rp"),
                          css="uk-cx-owed")
        self.owe = Field(t("lesson1.credit_owe_typed"), w.Text(placeholder="Rp"),
                         css="uk-cx-owe")
        self.position = Field(t("lesson1.credit_position_typed"), w.Text(placeholder="Rp"),
                              css="uk-cx-position")
        self.check = button(t("lesson1.check"), "primary")
        self.check.add_class("uk-cx-check")
        self.feedback = w.HTML()
        self.feedback.add_class("uk-cx-feedback")
        self.check.on_click(self._check)
        self.signed_out = w.HTML(notice_html(t("cashbook.signin_first"), "warn"))
        self.body = w.VBox([section(t("lesson1.credit_answers")), self.owed, self.owe,
                            self.position, self.check, self.feedback])
        super().__init__([w.HTML(story), self.signed_out, self.body])
        show_when_signed_in(self.body, self.signed_out, self._clear_feedback)

    def _clear_feedback(self) -> None:
        self.feedback.value = ""

    def _check(self, _button=None) -> None:
        try:
            owed, owe, position = (typed_amount(f) for f in (self.owed, self.owe, self.position))
        except AmountError:
            self.feedback.value = ""
            return
        attempt = len(answers(PAGE.session, EXERCISE_ID)) + 1
        result = credit_exercise.check_week(self.week, owed, owe, position, attempt)
        save_answer(PAGE.session, EXERCISE_ID,
                            {"owed": owed, "owe": owe, "position": position}, result.correct)
        head = notice_html(t("lesson1.credit_all_right" if result.correct else "lesson1.not_yet"),
                           "ok" if result.correct else "warn")
        self.feedback.value = head + "".join(
            notice_html(text, kind) for kind, text in credit_exercise.explain(result))

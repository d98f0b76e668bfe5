"""The participant's forms: the pre- or post-test (choices, amounts typed the everyday way,
counts, and confidence on 1-5) and, after the post-test, their own result with the right answers
explained. Amounts go through ``parse_rupiah`` and counts through ``parse_count``; a mistake shows
under its field and nothing is saved until every answer is usable."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.numbers import NumberError, parse_count
from widgets.core.theme import GAIN, INFO, LOSS
from widgets.store import Session
from widgets.training import db
from widgets.training.evaluation import Attempt, format_percent, is_right, percent
from widgets.training.items import CONFIDENCE_SCALE, EvaluationForm, Item
from widgets.ui.common import Field, button, notice_html, plain_text, section


def scale(points: tuple[int, ...], css: str) -> w.ToggleButtons:
    control = w.ToggleButtons(options=[str(p) for p in points], value=None)
    control.add_class("uk-scale")
    control.add_class(css)
    return control


def item_control(item: Item) -> w.Widget:
    if item.kind == "choice":
        control = w.RadioButtons(options=[(o.text(), o.key) for o in item.options], value=None)
        control.add_class("uk-choice")
        return control
    return plain_text(w.Text(placeholder=t(f"training.placeholder_{item.kind}")))


def read_value(item: Item, control: w.Widget) -> str | int:
    """The answer in the field, or ValueError with a message for the participant."""
    if item.kind == "choice":
        if control.value is None:
            raise ValueError(t("training.choose_one"))
        return str(control.value)
    if item.kind == "amount":
        return parse_rupiah(control.value)
    return parse_count(control.value, minimum=0)


class TestForm(w.VBox):
    """Every item, the confidence statements and one button; ``on_saved(attempt)`` after."""

    def __init__(self, form: EvaluationForm, phase: str, session: Session,
                 on_saved: Callable[[Attempt], None]) -> None:
        self.form, self.phase, self.session, self.on_saved = form, phase, session, on_saved
        self.fields: list[tuple[Item, Field]] = []
        children: list[w.Widget] = [section(t(f"training.{phase}_items"))]
        for number, item in enumerate(form.items, start=1):
            field = Field(f"{number}. {item.text()}", item_control(item), css=f"uk-item-{item.key}")
            self.fields.append((item, field))
            children.append(field)
        children.append(section(t("training.confidence_heading")))
        children.append(w.HTML(notice_html(t("training.confidence_scale"), "info")))
        self.confidence = []
        for statement in form.confidence:
            field = Field(statement.text(), scale(CONFIDENCE_SCALE, f"uk-conf-{statement.key}"))
            self.confidence.append((statement, field))
            children.append(field)
        self.submit = button(t(f"training.{phase}_submit"), "primary")
        self.submit.add_class("uk-test-submit")
        self.submit.on_click(self._submit)
        self.status = w.HTML()
        super().__init__([*children, self.submit, self.status])

    def _collect(self) -> tuple[dict, dict] | None:
        answers, sure, ok = {}, {}, True
        for item, field in self.fields:
            field.clear()
            try:
                answers[item.key] = read_value(item, field.control)
            except (AmountError, NumberError, ValueError) as exc:
                field.error(str(exc))
                ok = False
        for statement, field in self.confidence:
            field.clear()
            if field.control.value is None:
                field.error(t("training.choose_one"))
                ok = False
            else:
                sure[statement.key] = int(field.control.value)
        return (answers, sure) if ok else None

    def _submit(self, _button: w.Button | None = None) -> None:
        collected = self._collect()
        if collected is None:
            self.status.value = notice_html(t("training.fix_marked"), "error")
            return
        try:
            attempt = db.save_test(self.session, self.form, self.phase, *collected)
        except db.EvaluationError as exc:
            self.status.value = notice_html(str(exc), "error")
            return
        self.status.value = ""
        self.on_saved(attempt)


def _shown(item: Item, value: object) -> str:
    if value is None:
        return "–"
    if item.kind == "choice":
        option = item.option(str(value))
        return option.text() if option else "–"
    return format_rupiah(value) if item.kind == "amount" else str(value)  # type: ignore[arg-type]


def result_html(form: EvaluationForm, pre: Attempt | None, post: Attempt) -> str:
    """The participant's own result after the post-test: both scores, then every item with the
    right answer and its explanation. Every text is escaped."""
    after = percent(form.items, post.answers)
    before = percent(form.items, pre.answers) if pre else None
    head = t("training.result_scores", post=format_percent(after),
             pre=format_percent(before) if before is not None else t("training.result_no_pre"))
    rows = []
    for number, item in enumerate(form.items, start=1):
        mine = post.answers.get(item.key)
        right = is_right(item, mine)
        mark = "✔" if right else "✘"
        color = GAIN if right else LOSS
        rows.append(
            f'<li class="uk-result-item" style="margin:0 0 12px">'
            f"<b>{number}. {escape(item.text())}</b><br>"
            f'<span style="color:{color}">{mark} {escape(t("training.result_yours"))}: '
            f"{escape(_shown(item, mine))}</span><br>"
            f'{escape(t("training.result_right"))}: <b>{escape(_shown(item, item.answer))}</b>'
            f'<br><span style="color:{INFO}">{escape(item.explanation())}</span></li>')
    return (f'<div class="uk-own-result"><p style="font-size:18px"><b>{escape(head)}</b></p>'
            f'<ol style="list-style:none;padding:0">{"".join(rows)}</ol></div>')

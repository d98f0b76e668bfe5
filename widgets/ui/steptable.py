"""The step table on screen: one card per step (the operation in words, a box for the result,
and its own feedback), one *Periksa* button, and the final figure once every step is right.

A thin view over ``widgets.core.steptable``; a topic's view gives it a table built by that
topic's core and calls :meth:`StepTableView.show` again when its givens change.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import AmountError
from widgets.core.notice import notice_html
from widgets.core.numbers import NumberError
from widgets.core.steptable import Step, StepTable
from widgets.core.theme import ACCENT
from widgets.ui.common import Field, button, guard


class StepRow(w.VBox):
    """One step: "Langkah 2", what to do, the box for the result and the feedback under it."""

    def __init__(self, number: int, step: Step) -> None:
        self.step = step
        self.tries = 0
        self.right = False
        words = (f'<div style="border-left:4px solid {ACCENT};padding:2px 0 2px 10px;'
                 f'max-width:520px"><b>{escape(t("steptable.step", n=number))}</b><br>'
                 f"{escape(step.words)}</div>")
        self.field = Field(t(f"steptable.result_{step.kind}"), w.Text(), css=f"uk-st-{step.key}")
        super().__init__([w.HTML(words), self.field])
        self.add_class("uk-st-row")

    def check(self) -> bool | None:
        """Right (True), wrong (False), or unread (None: blank, too long or not a number, with
        the message under the box)."""
        if self.field.refused():
            return None
        self.field.clear()
        typed = self.field.control.value
        if not typed.strip():
            self.field.error(t("steptable.blank"))
            return None
        try:
            value = self.step.read(typed)
        except (AmountError, NumberError) as exc:
            self.field.error(str(exc))
            return None
        self.right, text = self.step.judge(value, self.tries)
        if not self.right:
            self.tries += 1
        self.field.message.value = notice_html(text, "ok" if self.right else "warn")
        return self.right


class StepTableView(w.VBox):
    """The rows of a :class:`StepTable`, checked together; ``on_done(table)`` runs when every
    row is right (a lesson saves the answer there)."""

    def __init__(self, table: StepTable | None = None, css: str = "",
                 on_done: Callable[[StepTable], None] | None = None) -> None:
        self.on_done = on_done
        self.rows_box = w.VBox()
        self.check_button = button(t("steptable.check"), "primary")
        self.check_button.add_class("uk-st-go")
        self.status = w.HTML()
        self.status.add_class("uk-st-result")
        self.check_button.on_click(lambda _b: self.check())
        super().__init__([self.rows_box, self.check_button, self.status])
        if css:
            self.add_class(css)
        self.table: StepTable | None = None
        self.rows: list[StepRow] = []
        if table is not None:
            self.show(table)

    def show(self, table: StepTable | None, problem: str = "") -> None:
        """New givens: fresh rows (nothing typed), or only ``problem`` when there is no table."""
        self.table = table
        self.rows = [StepRow(n, step) for n, step in enumerate(table.steps, 1)] if table else []
        self.rows_box.children = self.rows
        self.check_button.layout.display = "" if table else "none"
        self.status.value = notice_html(problem, "warn") if problem else ""

    @guard("checking a step table", "steptable.unexpected")
    def check(self) -> bool:
        """Check the rows in order up to the first blank or unreadable one."""
        self.status.value = ""
        if self.table is None:
            return False
        results = []
        for row in self.rows:
            result = row.check()
            results.append(result)
            if result is None:
                break
        if len(results) < len(self.rows) or not all(results):
            self.status.value = notice_html(t("steptable.not_yet"), "info")
            return False
        self.status.value = (notice_html(self.table.result, "ok")
                             + "".join(notice_html(note, "info") for note in self.table.notes))
        if self.on_done is not None:
            self.on_done(self.table)
        return True

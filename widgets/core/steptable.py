"""Step tables: a calculation written as rows a participant fills in, instead of a formula.

Plain Python, no ipywidgets. A topic builds a :class:`StepTable` from its own core (the steps'
answers and the final figure come from the same functions the calculators use); the shared view
``widgets.ui.steptable`` shows each row's operation in words, reads what the participant typed
with the kit's parsers, and says per row whether it is right or what to check.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.core.i18n import t
from widgets.core.money import format_rupiah, parse_rupiah
from widgets.core.numbers import format_percent, parse_count, parse_percent

KINDS = ("rupiah", "percent", "count")
REVEAL_AFTER = 3  # wrong tries on a row before its answer is shown


@dataclass(frozen=True)
class Step:
    """One row: what to do, in words, and the result it should give."""

    key: str  # names the row for tests and CSS (``uk-st-<key>``)
    words: str  # the operation, in plain Indonesian, with the figures it uses
    answer: int  # rupiah, basis points (``percent``) or a whole count
    kind: str = "rupiah"
    slack: int = 0  # a typed result this close is right (a half rupiah rounded either way)
    hint: str = ""  # what to check when the typed result is wrong

    def read(self, typed: str) -> int:
        """The typed result, read as this row's kind; raises the parser's error (its message is
        the plain Indonesian sentence shown under the field)."""
        if self.kind == "percent":
            return parse_percent(typed, maximum=100 * 100)
        if self.kind == "count":
            return parse_count(typed, minimum=0)
        return parse_rupiah(typed)

    def shown(self, value: int | None = None) -> str:
        """The answer (or ``value``) written as this row's kind: ``Rp26.250``, ``89,5%``, ``12``."""
        value = self.answer if value is None else value
        if self.kind == "percent":
            return format_percent(value)
        if self.kind == "count":
            return str(value)
        return format_rupiah(value)

    def judge(self, value: int, tries_before: int = 0) -> tuple[bool, str]:
        """Right or not, and the sentence to show: praise, or what to check (with the answer
        after ``REVEAL_AFTER`` wrong tries)."""
        if abs(value - self.answer) <= self.slack:
            return True, t("steptable.right", value=self.shown(value))
        text = t("steptable.wrong", value=self.shown(value))
        if self.hint:
            text += " " + self.hint
        if tries_before + 1 >= REVEAL_AFTER:
            text += " " + t("steptable.reveal", answer=self.shown())
        return False, text


@dataclass(frozen=True)
class StepTable:
    """The rows of one calculation, and the figure they lead to with the sentence that says
    it (computed by the topic's core, so the table and the calculators always agree)."""

    key: str
    steps: tuple[Step, ...]
    final: int
    result: str  # shown once every row is right
    notes: tuple[str, ...] = ()  # extra lines shown with the result (rounding, a tidy price)

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

"""The calculator's member list: a row per member with the contribution columns the chosen method
reads (:meth:`widgets.sharing.methods.Method.member_columns`), a remove button, and the row's
message line; an add button under it. Work goes through ``parse_work``, amounts through
``parse_rupiah``; a problem shows on the member's own row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from html import escape
from typing import Any

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.numbers import format_count
from widgets.sharing.params import COLUMNS, RUPIAH_COLUMNS
from widgets.sharing.split import Contribution, SharingError, parse_work, percent_text
from widgets.sharing.ui.method_form import text_box
from widgets.ui.common import button, notice_html, section


def _start(member: Contribution | None, column: str) -> str:
    """A member's contribution as the row shows it: ``1.500.000``, ``14``, ``7,5``."""
    if member is None:
        return ""
    value = getattr(member, column)
    if column in RUPIAH_COLUMNS:
        return format_rupiah(value).removeprefix("Rp")
    number = Fraction(value)
    if number.denominator == 1:
        return format_count(int(number))
    return percent_text(number)  # 7,5: two decimals at most, comma


class MemberRow(w.VBox):
    """One member: name, the contribution columns the method needs, a remove button, and
    the row's message line."""

    def __init__(self, member: Contribution | None, on_change: Callable, on_remove: Callable
                 ) -> None:
        self.name = text_box(member.name if member else "", t("lesson3.member_name_hint"),
                             "uk-bh-name")
        self.values = {column: text_box(_start(member, column), "0", f"uk-bh-{column}")
                       for column in COLUMNS}
        self.remove = w.Button(description="✕", tooltip=t("lesson3.remove_member"),
                               layout=w.Layout(width="40px", min_width="40px", height="40px"))
        self.remove.add_class("uk-bh-remove")
        self.remove.on_click(lambda _b: on_remove(self))
        for box in (self.name, *self.values.values()):
            box.observe(lambda _c: on_change(), "value")
        self.message = w.HTML()
        self.line = w.HBox([self.name, *self.values.values(), self.remove],
                           layout=w.Layout(width="100%", max_width="520px",
                                           flex_flow="row nowrap", align_items="center"))
        super().__init__([self.line, self.message])

    def show(self, columns: Sequence[str]) -> None:
        """One column: name and number on one line. Two columns (a cooperative's transactions
        and savings): the name on its own line, the two amounts side by side below it."""
        two = len(columns) == 2
        self.name.layout = w.Layout(flex="1 1 auto", min_width="90px", margin="2px 4px 2px 0",
                                    width="calc(100% - 48px)" if two else "auto")
        for column, box in self.values.items():
            visible = column in columns
            box.layout = w.Layout(width="calc(50% - 26px)" if two else "34%", min_width="72px",
                                  margin="2px 4px 2px 0", display="" if visible else "none")
        shown = [self.values[c] for c in COLUMNS]
        self.line.children = ([self.name, self.remove, *shown] if two
                              else [self.name, *shown, self.remove])
        self.line.layout.flex_flow = "row wrap" if two else "row nowrap"

    def is_empty(self) -> bool:
        return not self.name.value.strip() and not any(b.value.strip()
                                                       for b in self.values.values())

    def read(self, columns: Sequence[str]) -> Contribution:
        """The member as typed. The columns on screen must read; a hidden column that does not
        read counts as 0. ``ValueError`` (message on the row) otherwise."""
        self.message.value = ""
        values: dict[str, Any] = {}
        for column in COLUMNS:
            text = self.values[column].value
            try:
                if column in RUPIAH_COLUMNS:
                    values[column] = parse_rupiah(text) if text.strip() else 0
                else:
                    work = parse_work(text)
                    values[column] = int(work) if work.denominator == 1 else work
            except (AmountError, SharingError) as exc:
                if column in columns:
                    self.message.value = notice_html(f"{self.name.value or '?'}: {exc}",
                                                     "error")
                    raise ValueError(str(exc)) from exc
                values[column] = 0
        return Contribution(" ".join(self.name.value.split()), **values)


def header_html(labels: Sequence[str]) -> str:
    """The column titles over the rows (two amount columns: the name on a line of its own)."""
    span = '<span style="flex:{flex}">{text}</span>'
    if len(labels) == 2:
        lines = [[(1, t("lesson3.col_member"))], [(1, labels[0]), (1, labels[1])]]
    else:
        lines = [[(2, t("lesson3.col_member")), *((1, label) for label in labels)]]
    return "".join(
        '<div style="display:flex;gap:6px;font-weight:600;font-size:15px;max-width:472px">'
        + "".join(span.format(flex=flex, text=escape(text)) for flex, text in line)
        + "</div>" for line in lines)


class MemberList(w.VBox):
    """The section of member rows. ``on_change`` runs when a row is edited, ``on_removed``
    after a row has gone."""

    def __init__(self, on_change: Callable[[], None], on_removed: Callable[[], None]) -> None:
        self.on_change, self.on_removed = on_change, on_removed
        self.rows: list[MemberRow] = []
        self.columns: tuple[str, ...] = ()
        self.rows_box = w.VBox()
        self.header = w.HTML()
        self.add_member = button(t("lesson3.add_member"))
        self.add_member.add_class("uk-bh-add")
        self.add_member.on_click(lambda _b: self.add(None))
        super().__init__([section(t("lesson3.section_members")), self.header, self.rows_box,
                          self.add_member])

    def add(self, member: Contribution | None) -> MemberRow:
        row = MemberRow(member, self.on_change, self.remove)
        self.rows.append(row)
        row.show(self.columns)
        self.rows_box.children = list(self.rows)
        return row

    def remove(self, row: MemberRow) -> None:
        self.rows = [r for r in self.rows if r is not row]
        self.rows_box.children = list(self.rows)
        self.on_removed()

    def fill(self, members: Sequence[Contribution]) -> None:
        self.rows = []
        self.rows_box.children = []
        for member in members:
            self.add(member)

    def show(self, columns: Sequence[str], labels: Sequence[str]) -> None:
        self.columns = tuple(columns)
        for row in self.rows:
            row.show(self.columns)
        self.header.value = header_html(labels)

    def read(self) -> list[Contribution]:
        """Every member as typed (an empty new row is not a member yet); ``ValueError`` after
        each row's problem shows on that row."""
        members, failed = [], False
        for row in self.rows:
            if row.is_empty():
                continue
            try:
                members.append(row.read(self.columns))
            except ValueError:
                failed = True
        if failed:
            raise ValueError("member rows")
        return members

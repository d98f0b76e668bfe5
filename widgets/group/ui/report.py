"""The monthly money report for the meeting: the participant's own cash book from lesson 1 (when
signed in) or the sewing group's example book, one month, read aloud and printed on A4."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.cashbook import db as cashbook_db
from widgets.cashbook.data import load_cashbook
from widgets.cashbook.ledger import Entry
from widgets.core.i18n import format_month, t
from widgets.core.theme import GAIN
from widgets.core.village import Group, Village, load_village
from widgets.group.printout import preview
from widgets.group.report import month_report, months, read_aloud, report_body, report_html
from widgets.group.ui.parts import STYLE, a4_download, guard, tall
from widgets.ui.common import PAGE, Field, notice_html

MINE, EXAMPLE = "mine", "example"


def example_group(village: Village) -> Group:
    """The group whose cash book the example report reads: the production group when it keeps
    one, else the first group that does."""
    making = village.production_group()
    if making is not None and making.cashbook_file:
        return making
    return next(g for g in village.groups.values() if g.cashbook_file)


class ReportView(w.VBox):
    def __init__(self, village: Village | None = None) -> None:
        self.village = village or load_village()
        self.source = Field(t("groupview.report_source"), w.ToggleButtons(
            options=[(t("groupview.report_example", kind=example_group(self.village).kind),
                      EXAMPLE), (t("groupview.report_mine"), MINE)],
            value=EXAMPLE), css="uk-g-report-source")
        self.month = tall(Field(t("groupview.report_month"), w.Dropdown(),
                                css="uk-g-report-month"))
        self.status = w.HTML()
        self.output = w.HTML()
        self.output.add_class("uk-g-report")
        self.source.control.observe(lambda _c: self.load(), "value")
        self.month.control.observe(lambda _c: self.show(), "value")
        PAGE.observe(lambda _c: self.load(), "session")
        super().__init__([w.HTML(STYLE), self.source, self.month, self.status, self.output],
                         layout=w.Layout(width="100%"))
        self.load()

    def book(self) -> tuple[list[Entry], int, str]:
        """The entries, the opening balance and the group's name for the chosen source."""
        if self.source.control.value == MINE and PAGE.session is not None:
            return cashbook_db.entries(PAGE.session), 0, PAGE.session.name
        group = example_group(self.village)
        return load_cashbook(self.village).book(group.key), group.opening_balance, group.name

    @guard("report: load")
    def load(self) -> None:
        self.status.value = ""
        if self.source.control.value == MINE and PAGE.session is None:
            kind = example_group(self.village).kind
            self.status.value = notice_html(t("groupview.report_signin", kind=kind), "warn")
        entries, _opening, _name = self.book()
        found = months(entries)
        self.month.control.options = [(format_month(y, m), (y, m)) for y, m in found]
        if found:
            self.month.control.value = found[-1]
        else:
            self.output.value = notice_html(t("groupview.report_empty"), "info")
        self.show()

    @guard("report: show")
    def show(self) -> None:
        chosen = self.month.control.value
        if not chosen:
            return
        entries, opening, name = self.book()
        report = month_report(entries, *chosen, opening=opening, group=name)
        village = f"Desa {self.village.name}, {self.village.district}, {self.village.regency}"
        say = "".join(f"<p style='margin:4px 0'>{escape(line)}</p>" for line in read_aloud(report))
        self.output.value = (
            f"<h4>{escape(t('groupview.report_read'))}</h4>"
            f"<div class='uk-g-read' style='background:#fff;border-left:4px solid {GAIN};"
            f"padding:8px 12px;border-radius:6px;max-width:520px'>{say}</div>"
            + f"<h4>{escape(t('groupview.report_print'))}</h4>"
            + a4_download("uk-g-report-download", "laporan-uang", name,
                          dt.date(*chosen, 1),
                          report_html(report, village))
            + preview(report_body(report, village)))

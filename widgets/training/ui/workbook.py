"""The trainer's link to the participant workbook on paper (``training.workbook``): made when
the trainer asks, downloaded as one A4 HTML file and previewed below."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.village import load_village
from widgets.training.ui.report import preview
from widgets.training.workbook import file_name, workbook_html
from widgets.ui.common import button, guard, notice_html, page_link, section


class WorkbookView(w.VBox):
    def __init__(self) -> None:
        self.make = button(t("workbook.make"), "primary")
        self.make.add_class("uk-workbook-make")
        self.make.on_click(self._make)
        self.status = w.HTML()
        self.links = w.HTML()
        self.preview = w.HTML()
        super().__init__([section(t("workbook.heading")), w.HTML(
            f"<p>{escape(t('workbook.explain'))}</p>"), self.make, self.status, self.links,
            self.preview])
        self.add_class("uk-workbook")

    @guard("making the workbook", "workbook.failed", target="status")
    def _make(self, _button=None) -> None:
        village = load_village()
        html = workbook_html(village)
        self.links.value = page_link("uk-workbook-html", file_name(village), html,
                                     t("workbook.download"))
        self.preview.value = preview(html, 700)
        self.status.value = notice_html(
            t("workbook.made", pages=html.count('class="wb-page"')), "ok")

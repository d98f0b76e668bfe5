"""The trainer tabs after the dashboard (FGD board, projector links, attendance, report,
participant data, the villages on this laptop)."""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import Store
from widgets.training.items import EvaluationForm


def more_tabs(store: Store, form: EvaluationForm, dashboard: w.Widget
              ) -> list[tuple[str, w.Widget]]:
    from widgets.training.ui.fgd_panel import FgdPanel
    from widgets.training.ui.manage import ManageView
    from widgets.training.ui.projector_tab import projector_tab
    from widgets.training.ui.report import AttendanceView, ReportView
    from widgets.training.ui.villages import VillagesView
    from widgets.training.ui.workbook import WorkbookView

    panel = FgdPanel(store)
    panel.start()
    return [(t("fgd.tab"), panel), (t("fgd.tab_projector"), projector_tab(store)),
            (t("training.tab_attendance"), w.VBox([AttendanceView(store), WorkbookView()])),
            (t("training.tab_report"), ReportView(store, form)),
            (t("training.tab_data"), ManageView(store)),
            (t("villages.tab"), VillagesView())]

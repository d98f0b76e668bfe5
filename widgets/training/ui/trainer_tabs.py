"""The trainer tabs after the dashboard (attendance, report, participant data)."""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import Store
from widgets.training.items import EvaluationForm


def more_tabs(store: Store, form: EvaluationForm, dashboard: w.Widget
              ) -> list[tuple[str, w.Widget]]:
    from widgets.training.ui.manage import ManageView
    from widgets.training.ui.report import AttendanceView, ReportView

    return [(t("training.tab_attendance"), AttendanceView(store)),
            (t("training.tab_report"), ReportView(store, form)),
            (t("training.tab_data"), ManageView(store))]

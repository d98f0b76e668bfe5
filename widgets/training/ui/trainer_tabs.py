"""The trainer tabs after the dashboard (attendance, report, participant data)."""

from __future__ import annotations

import ipywidgets as w

from widgets.store import Store
from widgets.training.items import EvaluationForm


def more_tabs(store: Store, form: EvaluationForm, dashboard: w.Widget
              ) -> list[tuple[str, w.Widget]]:
    return []

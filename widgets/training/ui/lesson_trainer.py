"""The trainer's page (``lessons/pelatih.ipynb``): the password first; after it, the dashboard,
the attendance list, the activity report and the participant data, as tabs. Nothing but the
password field exists in this kernel before the password is right."""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import Store
from widgets.training.access import hub_trainer
from widgets.training.items import load_form
from widgets.training.ui.dashboard import Dashboard
from widgets.training.ui.gate import TrainerGate
from widgets.ui.signin import shared_store


class TrainerTabs(w.Tab):
    def __init__(self, store: Store) -> None:
        form = load_form()
        from widgets.training.ui.pool_view import PoolView

        self.dashboard = Dashboard(store, form)
        # A laptop's preheated pool; on a JupyterHub each user's server has none.
        self.pool = PoolView(store) if hub_trainer() is None else None
        top = [self.pool] if self.pool is not None else []
        pages = [(t("training.tab_dashboard"), w.VBox([*top, self.dashboard]))]
        from widgets.training.ui.trainer_tabs import more_tabs

        pages += more_tabs(store, form, self.dashboard)
        super().__init__(children=[page for _, page in pages])
        for index, (title, _) in enumerate(pages):
            self.set_title(index, title)
        self.add_class("uk-trainer-tabs")
        self.add_class("uk-trainer-wide")
        self.dashboard.start()


def trainer_page(store: Store | None = None) -> TrainerGate:
    return TrainerGate(store or shared_store(), TrainerTabs)

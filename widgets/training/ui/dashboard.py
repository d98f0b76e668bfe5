"""The trainer's dashboard: who is on which lesson now, exercise progress, the most common wrong
answers, the tests, satisfaction, the FGD results and what groups saved in lesson 4.

It refreshes by itself through ``training.watch.StoreWatch`` (``PRAGMA data_version`` about
twice a second), rebuilding the overview only when the store changed, or every 15 s so "last
active" stays true.
"""

from __future__ import annotations

import asyncio
import logging
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.theme import HEADING
from widgets.store import Store
from widgets.store.backend import DatabaseError
from widgets.training import render
from widgets.training.items import EvaluationForm
from widgets.training.overview import Overview, overview
from widgets.training.watch import StoreWatch
from widgets.ui.common import guard, notice_html

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5
REFRESH_SECONDS = 15.0
STYLE = """<style>
.uk-dash h3 { margin: 14px 0 6px; color: HEADING_COLOUR; }
.uk-table { border-collapse: collapse; width: 100%; font-size: 15px; margin: 4px 0 12px; }
.uk-table th, .uk-table td { border: 1px solid #d0c4b6; padding: 4px 8px; text-align: left;
  vertical-align: top; }
.uk-table th { background: #f3e6d8; }
.uk-trainer-tabs .lm-TabBar-tab { font-size: 16px; min-height: 36px; padding: 6px 14px;
  flex: 0 0 auto !important; max-width: none !important; }
.uk-trainer-tabs .lm-TabBar { height: auto !important; min-height: 38px; overflow: visible; }
.uk-trainer-tabs .lm-TabBar-content { flex-wrap: wrap; }
.uk-dash-tests svg { max-width: 520px !important; }
.uk-dash-grid { display: grid; gap: 0 24px;
  grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); }
/* Whole words in the tables on a laptop or projector; a phone breaks a long one to fit. */
@media (min-width: 641px) {
  .uk-dash .uk-table th, .uk-dash .uk-table td { overflow-wrap: normal; word-break: normal; } }
/* On the projector (24 px text) one column, so no table squeezes a word in two. */
.uk-projector .uk-dash-grid { grid-template-columns: 1fr; }
.uk-projector .uk-dash-tests svg { max-width: 900px !important; }
</style>""".replace("HEADING_COLOUR", HEADING)


def _card(title: str, body: str, css: str) -> str:
    return f'<section class="{css}"><h3>{escape(title)}</h3>{body}</section>'


def dashboard_html(ov: Overview, form: EvaluationForm) -> dict[str, str]:
    """The dashboard's parts (``now``, ``tests``, ``groups``) as HTML."""
    now = (_card(t("training.dash_presence"), render.presence_html(ov), "uk-dash-presence")
           + _card(t("training.dash_progress"), render.progress_html(ov), "uk-dash-progress"))
    wrong = _card(t("training.dash_wrong"), render.wrong_html(ov), "uk-dash-wrong")
    tests = _card(t("training.dash_tests"),
                  f"<p>{escape(render.gain_sentence(ov))}</p>"
                  f"<p>{escape(render.one_test_only(ov))}</p>"
                  f'<div class="uk-dash-grid"><div>{render.tests_chart(ov, form)}</div>'
                  f"<div>{render.scores_html(ov)}{render.confidence_html(ov, form)}</div></div>",
                  "uk-dash-tests")
    groups = (_card(t("training.dash_satisfaction"), render.satisfaction_html(ov, form),
                    "uk-dash-sat")
              + _card(t("training.dash_fgd"), render.fgd_html(ov), "uk-dash-fgd")
              + _card(t("training.dash_rules"), render.rules_html(ov), "uk-dash-rules")
              + _card(t("training.dash_distributions"), render.distributions_html(ov),
                      "uk-dash-dist"))
    return {"now": f'<div class="uk-dash-grid">{now}</div>' + wrong, "tests": tests,
            "groups": groups}


class Dashboard(w.VBox):
    def __init__(self, store: Store, form: EvaluationForm) -> None:
        self.store, self.form = store, form
        self.parts = {key: w.HTML() for key in ("now", "tests", "groups")}
        self.stamp = w.HTML()
        self.task: asyncio.Task | None = None
        self.watch = StoreWatch(store, self.refresh_guarded, None, POLL_SECONDS,
                                REFRESH_SECONDS)
        self.refreshes = 0
        super().__init__([w.HTML(STYLE), self.stamp, *self.parts.values()])
        self.add_class("uk-dash")
        self.add_class("uk-trainer-wide")
        self.refresh()

    def refresh(self) -> None:
        try:
            ov = overview(self.store, self.form)
        except (DatabaseError, ValueError) as exc:  # a busy file: say so, try again next time
            log.warning("dashboard read failed: %s", type(exc).__name__)
            self.stamp.value = notice_html(t("training.dash_error"), "warn")
            return
        for key, html in dashboard_html(ov, self.form).items():
            if self.parts[key].value != html:
                self.parts[key].value = html
        self.refreshes += 1
        self.stamp.value = notice_html(t("training.dash_stamp",
                                         time=ov.at.astimezone().strftime("%H.%M.%S")), "info")

    def start(self) -> asyncio.Task:
        """Start polling (once); the task is kept on the view (``self.task``)."""
        self.task = self.watch.start()
        return self.task

    def stop(self) -> None:
        self.watch.stop()

    @guard("dashboard refresh", "training.dash_error", target="stamp")
    def refresh_guarded(self) -> None:
        self.refresh()

"""The FGD board on the projector: the current question and its answers as they arrive.

It follows the store by itself (``StoreWatch``, about twice a second) and rewrites its one HTML
widget only when the board's HTML changed, so an idle board costs a few SQLite reads a second.
The trainer's panel shows the same view as its preview.
"""

from __future__ import annotations

import asyncio
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import Store
from widgets.training import fgd_db
from widgets.training.fgd_render import STYLE, board_html
from widgets.training.watch import StoreWatch
from widgets.ui.common import notice_html

POLL_SECONDS = 0.5


class BoardView(w.VBox):
    """``question_id=None`` follows the current question (the projector); a number pins one
    question (the trainer's preview of the question being edited)."""

    def __init__(self, store: Store, question_id: int | None = None, join: str = "") -> None:
        self.store = store
        self.question_id = question_id
        self.html = w.HTML()
        self.html.add_class("uk-board-html")
        self.refreshes = 0
        self.watch = StoreWatch(store, self.refresh, self._failed, POLL_SECONDS)
        self.task: asyncio.Task | None = None
        footer = w.HTML(f'<p class="uk-board-join">{escape(join)}</p>' if join else "")
        super().__init__([w.HTML(STYLE), self.html, footer], layout=w.Layout(width="100%"))
        self.add_class("uk-board-view")
        self.refresh()

    def pin(self, question_id: int | None) -> None:
        self.question_id = question_id
        self.refresh()

    def refresh(self) -> None:
        qid = self.question_id
        if qid is None:
            current = fgd_db.current_question(self.store)
            qid = current.id if current else None
        html = (board_html(fgd_db.read_board(self.store, qid)) if qid is not None
                else notice_html(t("fgd.nothing_current"), "info"))
        if html != self.html.value:
            self.html.value = html
        self.refreshes += 1

    def _failed(self, exc: Exception) -> None:
        self.html.value = notice_html(t("fgd.unexpected"), "warn")

    def start(self) -> asyncio.Task:
        self.task = self.watch.start()
        return self.task

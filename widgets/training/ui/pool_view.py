"""The trainer's "next lesson" box on the dashboard tab: the preheated kernels move to the
page the class opens next, with no restart (widgets/kit/pool.py does the work)."""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.kit import pool
from widgets.kit.lessons import load_lessons
from widgets.store import Store
from widgets.ui.common import Field, button, guard, notice_html, section


def page_label(page: str) -> str:
    """A page's name as the trainer knows it: the lesson title, or the class page's name."""
    for number, lesson in enumerate(load_lessons(), start=1):
        if lesson.file == page:
            short = lesson.text("title").split(":", 1)[0]  # "Harga: biaya ..." -> "Harga"
            return t("training.pool_lesson", number=number, title=short)
    return t(f"training.pool_page_{page.removesuffix('.ipynb').replace('-', '_')}")


class PoolView(w.VBox):
    def __init__(self, store: Store) -> None:
        self.store = store
        self.page = Field(t("training.pool_field"), w.Dropdown(
            options=[(page_label(p), p) for p in pool.poolable_pages()]), css="uk-pool-page")
        self.move = button(t("training.pool_move"), "primary")
        self.move.add_class("uk-pool-move")
        self.move.on_click(self._move)
        self.refresh = button(t("training.pool_refresh"))
        self.refresh.add_class("uk-pool-refresh")
        self.refresh.on_click(self.show)
        self.status = w.HTML()
        self.status.add_class("uk-pool-status")
        super().__init__([section(t("training.pool_heading")),
                          w.HTML(notice_html(t("training.pool_intro"), "info")), self.page,
                          w.HBox([self.move, self.refresh]), self.status])
        self.add_class("uk-pool")
        self.show()

    @guard("moving the kernel pool", "training.pool_failed")
    def _move(self, _button: w.Button | None = None) -> None:
        pool.request(self.store, self.page.control.value)
        self.show()

    @guard("reading the kernel pool", "training.pool_failed")
    def show(self, _button: w.Button | None = None) -> None:
        plan = pool.plan(self.store)
        if plan is None:
            self.status.value = notice_html(t("training.pool_none"), "info")
            return
        if plan.lesson in pool.poolable_pages():
            self.page.control.value = plan.lesson
        name = page_label(plan.lesson) if plan.lesson in pool.poolable_pages() else plan.lesson
        if plan.ready:
            self.status.value = notice_html(
                t("training.pool_ready", page=name, size=plan.ready_size), "ok")
        else:
            self.status.value = notice_html(t("training.pool_moving", page=name), "warn")

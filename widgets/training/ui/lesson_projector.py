"""The trainer's projector page (``lessons/proyektor.ipynb?view=fgd&kunci=...``): the FGD board
or the class dashboard in the projector layout, live, with no sign-in box. The key in the
address comes from the trainer page's Projector tab; without it the page shows one sentence.

Voila passes the address's query to the kernel; with preheated kernels it arrives only when
the page is requested, so ``voila.utils.get_query_string`` waits for it.
"""

from __future__ import annotations

import ipywidgets as w

from widgets.core import settings
from widgets.core.i18n import t
from widgets.store import Store
from widgets.training.projector import key_is_valid, parse_query
from widgets.ui.common import notice_html
from widgets.ui.projector import projector
from widgets.ui.signin import shared_store

ANSWER_PAGE = "voila/render/diskusi.ipynb"


def request_query() -> str:
    """The page address's query string ('' outside Voila, e.g. when nbval runs the page)."""
    if settings.preheated():
        from voila.utils import get_query_string

        return get_query_string() or ""
    return settings.page_query()


def join_text() -> str:
    """Where phones answer: the laptop's hotspot address, as the server's banner prints it."""
    from widgets.kit.server import lan_addresses

    port = settings.served_port()
    addresses = lan_addresses()
    return t("fgd.join", address=f"http://{addresses[0]}:{port}/{ANSWER_PAGE}") if addresses \
        else ""


def build_view(store: Store, view: str) -> w.Widget:
    if view == "fgd":
        from widgets.training.ui.fgd_board import BoardView

        board = BoardView(store, join=join_text())
        board.start()
        return projector(board)
    from widgets.training.items import load_form
    from widgets.training.ui.dashboard import Dashboard

    dashboard = Dashboard(store, load_form())
    dashboard.start()
    return projector(dashboard, t("fgd.view_dasbor"))


def projector_page(store: Store | None = None, query: str | None = None) -> w.Widget:
    store = store or shared_store()
    view, key = parse_query(request_query() if query is None else query)
    if not view or not key_is_valid(store, key):
        return w.HTML(notice_html(t("fgd.projector_denied"), "info"))
    return build_view(store, view)

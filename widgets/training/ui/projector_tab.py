"""The trainer page's Projector tab: one link per big-screen view, each with its own address
(the trainer's live views carry today's projector key), opened in one projector window
(a named target: the page script turns only "_blank" links into same-tab links)."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.theme import ACCENT
from widgets.store import Store
from widgets.training.projector import VIEWS, address
from widgets.ui.common import notice_html

TOPIC_PAGES = (("bagi_hasil", "./proyektor-bagi-hasil.ipynb"),
               ("harga", "./proyektor-harga.ipynb"), ("diskusi", "./diskusi.ipynb"))
LINK = ("display:block;font-size:20px;padding:10px 14px;margin:6px 0;"
        "border:2px solid " + ACCENT + ";"
        "border-radius:8px;color:#5a1f05;text-decoration:none;max-width:760px")


def links_html(store: Store) -> str:
    pairs = [(view, address(store, view)) for view in VIEWS] + list(TOPIC_PAGES)
    return "".join(f'<a class="uk-projector-link uk-projector-{view}" style="{LINK}" '
                   f'href="{escape(href)}" target="uk-projector">'
                   f'▶ {escape(t(f"fgd.view_{view}"))}</a>'
                   for view, href in pairs)


def projector_tab(store: Store) -> w.VBox:
    box = w.VBox([w.HTML(notice_html(t("fgd.projector_intro"), "info")),
                  w.HTML(links_html(store))])
    box.add_class("uk-projector-tab")
    return box

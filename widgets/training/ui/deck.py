"""The live parts of a lecture deck: a lesson's widget on a slide, at projector size.

A deck cell passes the lesson view to :func:`live` (``live(price_calculator, price_html,
title)``). Served by the kit, the slide shows the title over the working widget; in ``make
slides`` (static HTML, no kernel) it shows the given stand-in HTML instead, built from the same
village data, with its own heading.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from widgets.core.theme import HEADING
from widgets.training.slides import is_static, show


def live(view: Callable[[], w.Widget], static_html: Callable[[], str], title: str = ""
         ) -> w.Widget | None:
    """The widget ``view()`` made for a slide under the slide's ``title`` (the widget scrolls
    inside the slide when taller), or, in a static deck, ``static_html()`` displayed in its
    place."""
    if is_static():
        show(static_html())
        return None
    widget = view()
    body = w.VBox([widget], layout=w.Layout(width="100%"))
    body.add_class("uk-live")
    if not title:
        return body
    box = w.VBox([w.HTML(_title(title, 2)), body], layout=w.Layout(width="100%"))
    box.add_class("uk-live-slide")
    return box


def _title(text: str, level: int) -> str:
    """A heading inside a widget, styled like the deck's (the theme's capitals undone)."""
    size = {2: 40, 3: 26}[level]
    return (f"<h{level} style='text-transform:none;font-size:{size}px;line-height:1.15;"
            f"margin:0 0 10px;color:{HEADING}'>{escape(text)}</h{level}>")

"""A part of a long lesson page that is built when the participant reaches it.

A lesson page is one notebook, and Voila builds every widget of it before the page appears.
The later exercises of a long lesson (lesson 2's week exercise and credit book: about 440 of
its 630 widget models) held up the first screen on a phone and on the hotspot, although
the participant reaches them half an hour later. :class:`Later` shows one button in their
place; the page's script presses it when the participant scrolls within about two screens
of it (``uk-later-open`` in the page template), and a participant can press it too. The part is
built once, in the same kernel, so it shares the page's sign-in and state like any other view.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from widgets.ui.common import button, guard, shared_text_parts


class Later(w.VBox):
    """``build()`` runs on the first press of the button (or when the page scrolls near it)."""

    def __init__(self, build: Callable[[], w.Widget], label: str) -> None:
        self._build = build
        self.part: w.Widget | None = None
        self.open_button = button(label)
        self.open_button.add_class("uk-later-open")
        self.open_button.on_click(self.show)
        self.status = w.HTML(**shared_text_parts())
        super().__init__([self.open_button, self.status], layout=w.Layout(width="100%"))
        self.add_class("uk-later")

    @guard("building a later part of the page", "later.failed")
    def show(self, _button: w.Button | None = None) -> w.Widget:
        """Build the part (once) and show it in place of the button."""
        if self.part is None:
            self.open_button.disabled = True  # one build, however often it is pressed
            try:
                part = self._build()
            finally:
                self.open_button.disabled = False
            self.part = part
            self.children = [part]
        return self.part

"""Shared pieces of the views: a labelled field with its message line, notices, page state.

Phone first: every control spans the width, touch targets are at least 44 px high (the page
template sets the font sizes), and messages sit directly under the field they are about.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from html import escape
from typing import Any, TypeVar

import ipywidgets as w
import traitlets
from ipywidgets.widgets.widget_string import HTMLStyle

from widgets.core.guard import guarded
from widgets.core.notice import notice_html
from widgets.core.text import BLOCK_LIMIT, LINE_LIMIT, clean_text, refusal
from widgets.core.theme import (
    ACCENT,
    FIELD_WIDTH,
    HEADING,
    LABEL_SIZE,
    NOTICE,
    TOUCH,
)

DOWNLOAD_STYLE = ("display:inline-block;padding:10px 16px;margin:4px 8px 4px 0;border-radius:8px;"
                  f"background:{ACCENT};color:#fff;text-decoration:none;font-weight:600")
HTML_FILE = "text/html;charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLORS = NOTICE  # a message's colour by its kind
W = TypeVar("W", bound=w.Widget)


class PageState(traitlets.HasTraits):
    """What one page (one kernel, one participant) shares between its views."""

    session = traitlets.Any(None, allow_none=True)
    revision = traitlets.Int(0)  # bumped after each change to the participant's entries
    # The improved product photo (a small JPEG data URI) from lesson 4's photo checker, shown in
    # the post composer's preview. Kept in memory only, never saved.
    photo = traitlets.Unicode("")

    def changed(self) -> None:
        self.revision += 1


PAGE = PageState()


def show_when_signed_in(body: w.Widget, signed_out: w.Widget,
                        then: Callable[[], None] | None = None) -> None:
    """Show ``body`` only while someone is signed in on this page and the "sign in first"
    notice ``signed_out`` otherwise; ``then`` runs after each sign-in or sign-out (and once now),
    e.g. to clear the last participant's feedback."""

    def update(_change: object = None) -> None:
        signed_in = PAGE.session is not None
        body.layout.display = "" if signed_in else "none"
        signed_out.layout.display = "none" if signed_in else ""
        if then is not None:
            then()

    PAGE.observe(update, "session")
    update()


def guard(what: str, message: str, target: str = "status") -> Callable[[Callable[..., Any]],
                                                                      Callable[..., Any]]:
    """Decorator for a view's callback: an unexpected error is logged as ``what`` and the
    catalog sentence ``message`` shows as an error notice in the view's ``target`` HTML widget
    (see :mod:`widgets.core.guard`)."""

    def show(view: Any, text: str) -> None:
        getattr(view, target).value = notice_html(text, "error")

    return guarded(what, message, show)


def plain_text(control: W) -> W:
    """``control`` (a Text or Textarea) with direction controls stripped as they arrive, for a
    text box that is not inside a :class:`Field` (which does it itself)."""

    def strip(change: dict[str, Any]) -> None:
        if isinstance(change["new"], str) and clean_text(change["new"]) != change["new"]:
            control.value = clean_text(change["new"])

    control.observe(strip, "value")
    return control


_SHARED_TEXT: dict[str, w.Widget] = {}


def shared_text_parts() -> dict[str, Any]:
    """One default layout and one default style for lines of text whose look never changes on
    their own: every field's label and message line, the sign-in's lines, a later part's status.

    Each widget otherwise brings a layout and a style of its own, and every one of them is a
    model the page must fetch when it opens: lesson 3 had 1,020 models (0.9 MB in one message
    to a phone). Nothing changes a label's or a message's layout or style, so they share."""
    if not _SHARED_TEXT or _SHARED_TEXT["layout"].comm is None:  # (a closed widget has no comm)
        _SHARED_TEXT.update(layout=w.Layout(), style=HTMLStyle())
    return dict(_SHARED_TEXT)


class Field(w.VBox):
    """A label, a control and the message line under it.

    A text control is checked as it changes: direction controls (a pasted right-to-left
    override) are stripped from it, and text over ``limit`` characters (one line:
    ``LINE_LIMIT``, a text box: ``BLOCK_LIMIT``) gets its message under the field at once; so
    does a date outside 2000 .. a year from today. Views ask :func:`form_refused` before they
    read a form, so nothing of it is saved while a field says no."""

    def __init__(self, label: str, control: w.Widget, hint: str = "", css: str = "",
                 limit: int | None = None) -> None:
        own = control.layout  # the control's default layout, replaced (a model fewer to fetch)
        control.layout = w.Layout(width="100%", max_width=FIELD_WIDTH, margin="2px 0")
        own.close()
        if css:  # a stable hook for the browser tests and print styles
            control.add_class(css)
        self.control = control
        self.label = w.HTML(
            f'<label style="font-weight:600;font-size:{LABEL_SIZE}">{escape(label)}</label>',
            **shared_text_parts())
        self.message = w.HTML(notice_html(hint, "info") if hint else "", **shared_text_parts())
        self._hint = hint
        self._said_no = False
        self.limit = limit or (BLOCK_LIMIT if isinstance(control, w.Textarea) else LINE_LIMIT)
        if isinstance(control, w.Text | w.Textarea | w.DatePicker):
            control.observe(self._changed, "value")
        super().__init__([self.label, control, self.message], layout=w.Layout(margin="0 0 8px"))
        self.add_class("uk-field")  # the page names a field by its label (the page template)

    def _changed(self, change: dict[str, Any]) -> None:
        value = change["new"]
        if isinstance(value, str) and clean_text(value) != value:
            self.control.value = clean_text(value)  # observed again, and checked then
        elif not self.refused() and self._said_no:
            self.clear()

    def refused(self) -> bool:
        """True (and its message under the field) when the text is over the limit or the
        date outside the range a participant may enter."""
        problem = refusal(getattr(self.control, "value", None), self.limit)
        if problem is None:
            return False
        self.error(problem)
        self._said_no = True
        return True

    def error(self, text: str) -> None:
        self.message.value = notice_html(text, "error")

    def clear(self) -> None:
        """Back to the hint, unless the field still says no (that message stays)."""
        if not self.refused():
            self._said_no = False
            self.message.value = notice_html(self._hint, "info") if self._hint else ""


def form_refused(view: w.Widget) -> bool:
    """True when any field inside ``view`` says no (:meth:`Field.refused`); each shows its
    message. Any part with a ``refused()`` method of its own (a row of a list) is asked too."""
    found = False
    stack = [view]
    while stack:
        widget = stack.pop()
        check = getattr(widget, "refused", None)
        if callable(check) and check():
            found = True
        stack.extend(getattr(widget, "children", ()) or ())
    return found


def button(description: str, style: str = "") -> w.Button:
    return w.Button(
        description=description,
        button_style=style,
        layout=w.Layout(width="auto", min_width="120px", height=TOUCH, margin="4px 8px 4px 0"),
    )


def tick_box(label: str) -> w.Checkbox:
    """A tick box with its label (the page's style lets the label wrap on a phone)."""
    return w.Checkbox(value=False, indent=False, description=label,
                      layout=w.Layout(width="auto", max_width=FIELD_WIDTH))


def section(title: str) -> w.HTML:
    return w.HTML(f'<h3 style="margin:18px 0 6px;color:{HEADING}">{escape(title)}</h3>')


def file_slug(text: str, default: str, limit: int = 40) -> str:
    """A file name part from a participant's text: ``Siti Aminah`` -> ``siti-aminah``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:limit].strip("-") or default


def download_link(css: str, filename: str, mime: str, data: bytes, label: str) -> str:
    """A button-like link that carries the file itself, so nothing is served from disk."""
    body = base64.b64encode(data).decode("ascii")
    return (f'<a class="{css}" style="{DOWNLOAD_STYLE}" download="{escape(filename)}" '
            f'href="data:{mime};base64,{body}">⬇ {escape(label)}</a>')


def page_link(css: str, filename: str, page: str, label: str, hint: str = "") -> str:
    """A printable page (``core.printable`` builds them) as a link that carries it, and the
    print hint under it when there is one."""
    link = download_link(css, filename, HTML_FILE, page.encode("utf-8"), label)
    return link + (notice_html(hint, "info") if hint else "")

"""The roster maker laid out for a 1280x720 lecture slide (``slides/01-komunikasi-kelompok``):
who and when, who is away, and the roster it makes, side by side. Nothing is saved from a slide."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.theme import HEADING
from widgets.group.ui.parts import STYLE
from widgets.group.ui.roster_view import RosterView
from widgets.training.group_figures import roster_list_html, roster_turns_html

_HINT = "font-size:22px;color:#444;white-space:normal"


def roster_maker() -> w.Widget:
    """Lesson 1's roster maker laid out for a 1280x720 slide in three columns: who and when
    (filled with the lesson's example), who is away, and the roster it makes. Swaps, printing
    and WhatsApp stay on the phones; nothing is saved from the slide (nobody signs in)."""
    view = RosterView()
    form = view.form
    status, result, turns = _roster_outputs(view)
    form.days.layout.width, form.per_day.layout.width = "38%", "58%"
    who = w.VBox([w.HTML(STYLE), form.group, form.checks_box,
                  w.HBox([form.days, form.per_day],
                         layout=w.Layout(justify_content="space-between")),
                  form.start, view.make],
                 layout=w.Layout(width="420px", max_width="100%", flex="none",
                                 margin="0 14px 0 0"))
    away = w.VBox([w.HTML(_title(t("groupview.roster_away"), 3)), form.away_member,
                   form.away_day, w.HBox([form.add_away, form.clear_away]), form.away_list,
                   status], layout=w.Layout(width="290px", max_width="100%", flex="none",
                                            margin="0 14px 0 0"))
    box = w.VBox([w.HTML(_title(t("groupview.slide_maker_heading"), 2)),
                  w.HBox([who, away, w.VBox([result, turns], layout=w.Layout(
                      flex="1 1 300px", min_width="0"))], layout=w.Layout(flex_flow="row wrap"))],
                 layout=w.Layout(width="100%"))
    box._deck_view = view  # the view's handlers live as long as the slide shows them
    return box


def _roster_outputs(view: w.Widget) -> tuple[w.HTML, w.HTML, w.HTML]:
    """The slide's status line, roster column and turns line, following the view's own."""
    status, turns = w.HTML(), w.HTML()
    result = w.HTML()
    status.add_class("uk-deck-roster-status")
    result.add_class("uk-deck-roster")
    unsaved = t("groupview.signin_to_save")
    hint = t("groupview.slide_maker_hint", button=t("groupview.roster_make"))

    def refresh(_change: object = None) -> None:
        # Made and shown on the right; "sign in to save" means nothing on a slide.
        status.value = "" if unsaved in view.status.value else view.status.value
        result.value = (roster_list_html(view.roster) if view.roster else
                        f"<p style='{_HINT}'>{escape(hint)}</p>")
        turns.value = roster_turns_html(view.roster) if view.roster else ""

    view.status.observe(refresh, "value")
    view.table.observe(refresh, "value")
    refresh()
    return status, result, turns


def _title(text: str, level: int) -> str:
    """A heading inside a widget, styled like the deck's (the theme's capitals undone)."""
    size = {2: 40, 3: 26}[level]
    return (f"<h{level} style='text-transform:none;font-size:{size}px;line-height:1.15;"
            f"margin:0 0 10px;color:{HEADING}'>{escape(text)}</h{level}>")

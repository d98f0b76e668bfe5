"""The trainer's tools for idea cards: put a card into a named group, merge a duplicate into
another card (or separate it again), and start a scoring round. Shown only for idea questions."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import Store
from widgets.training import fgd_db
from widgets.training.fgd_db import BoardQuestion
from widgets.ui.common import Field, button


class CardTools(w.VBox):
    def __init__(self, store: Store, act: Callable[[Callable[[int], object]], None]) -> None:
        self.store, self.act = store, act
        self.question: BoardQuestion | None = None
        self.card = Field(t("fgd.card"), w.Dropdown(), css="uk-fgd-card")
        self.group = Field(t("fgd.group_name"), w.Combobox(ensure_option=False),
                           css="uk-fgd-group")
        self.into = Field(t("fgd.merge_into"), w.Dropdown(), css="uk-fgd-into")
        assign, merge, unmerge, rounds = (button(t(k)) for k in (
            "fgd.assign", "fgd.merge", "fgd.unmerge", "fgd.next_round"))
        for b, css in ((assign, "uk-fgd-assign"), (merge, "uk-fgd-merge"),
                       (unmerge, "uk-fgd-unmerge"), (rounds, "uk-fgd-round")):
            b.add_class(css)
        assign.on_click(lambda _b: self._card_action(
            lambda card: fgd_db.set_group(store, card, self.group.control.value)))
        merge.on_click(lambda _b: self._card_action(
            lambda card: fgd_db.merge(store, card, self.into.control.value)))
        unmerge.on_click(lambda _b: self._card_action(lambda card: fgd_db.merge(store, card, None)))
        rounds.on_click(lambda _b: act(lambda q: fgd_db.next_round(store, q)))
        super().__init__([self.card, w.HBox([self.group, assign]),
                          w.HBox([self.into, merge, unmerge]), rounds])
        self.add_class("uk-fgd-cards")
        self.layout.display = "none"

    def _card_action(self, action: Callable[[int], object]) -> None:
        card = self.card.control.value
        if card is not None:
            self.act(lambda _q: action(card))

    def show(self, question: BoardQuestion | None) -> None:
        self.question = question
        ideas = question is not None and question.question.kind == "ideas"
        self.layout.display = "" if ideas else "none"
        if ideas:
            self.refresh()

    def refresh(self) -> None:
        if self.question is None or self.question.question.kind != "ideas":
            return
        board = fgd_db.read_board(self.store, self.question.id)
        options = [(f"{c.id}. {c.text[:60]}", c.id) for c in board.cards]
        for field in (self.card, self.into):
            keep = field.control.value
            if list(field.control.options) != options:
                field.control.options = options
                field.control.value = keep if keep in [i for _, i in options] else None
        groups = sorted({c.group for c in board.cards if c.group})
        if list(self.group.control.options) != groups:
            self.group.control.options = groups

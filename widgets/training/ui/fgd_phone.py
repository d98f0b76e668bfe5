"""The participant's FGD page on a phone (``lessons/diskusi.ipynb``): the usual name + PIN
sign-in, then the question the trainer has opened, with the input its kind needs. The page
follows the trainer by itself (``StoreWatch``, once a second): a new question appears, a closed
one says so. One answer per person; sending again replaces it.
"""

from __future__ import annotations

import logging
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import Session, Store
from widgets.training import fgd, fgd_db
from widgets.training.fgd import FgdError
from widgets.training.fgd_db import BoardQuestion
from widgets.training.watch import StoreWatch
from widgets.ui.common import button, guard, notice_html, plain_text

log = logging.getLogger(__name__)
PHONE_POLL_SECONDS = 1.0


def _full(control: w.Widget) -> w.Widget:
    control.layout = w.Layout(width="100%", max_width="520px")
    return control


class AnswerView(w.VBox):
    """The current question and its input; ``session`` is set after the sign-in."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.session: Session | None = None
        self.shown: tuple | None = None  # (id, state, round) of what the inputs were built for
        self.question: BoardQuestion | None = None
        self.heading = w.HTML()
        self.body = w.VBox(layout=w.Layout(width="100%"))
        self.status = w.HTML()
        self.send = button(t("fgd.send"), "primary")
        self.send.add_class("uk-fgd-send")
        self.send.on_click(self._submit)
        self.value_of = lambda: None
        self.watch = StoreWatch(store, self.refresh, interval=PHONE_POLL_SECONDS)
        super().__init__([self.heading, self.body, self.send, self.status],
                         layout=w.Layout(width="100%"))
        self.add_class("uk-fgd-phone")
        self.refresh()

    def signed_in(self, session: Session) -> None:
        self.session = session
        self.shown = None
        self.refresh()
        self.watch.start()

    def refresh(self) -> None:
        found = fgd_db.current_question(self.store)
        key = None if found is None else (found.id, found.state, found.round)
        if key == self.shown:
            return
        self.shown, self.question = key, found
        self.status.value = ""
        if found is None or self.session is None:
            text = t("fgd.nothing_current") if self.session else t("fgd.sign_in_first")
            self.heading.value = notice_html(text, "info")
            self.body.children, self.send.layout.display = [], "none"
            return
        self.heading.value = (f'<h3 class="uk-fgd-question" style="font-size:20px;'
                              f'margin:10px 0 6px">{escape(found.question.text)}</h3>')
        if found.question.anonymous:
            self.heading.value += notice_html(t("fgd.anonymous_note"), "info")
        self._build(found)

    def _build(self, found: BoardQuestion) -> None:
        if found.state != "open":
            key = "fgd.closed" if found.state == "closed" else "fgd.waiting"
            self.body.children = [w.HTML(notice_html(t(key), "warn"))]
            self.send.layout.display = "none"
            return
        assert self.session is not None
        mine = fgd_db.my_answer(self.session, found.id)
        if found.question.kind == "ideas" and found.round:
            self.body.children = self._scoring(found)
            self.send.layout.display = "none"
            return
        self.body.children = self._inputs(found.question, mine)
        self.send.layout.display = ""
        if mine is not None:
            self.status.value = notice_html(t("fgd.sent_before"), "ok")

    def _inputs(self, q: fgd.Question, mine: object) -> list[w.Widget]:
        kind = q.kind
        if kind in ("poll", "volunteer"):
            radio = _full(w.RadioButtons(options=[(o, i) for i, o in enumerate(q.options)],
                                         value=mine if isinstance(mine, int) else None))
            radio.add_class("uk-fgd-choice")
            self.value_of = lambda: radio.value
            return [radio]
        if kind == "scale":
            scale = w.ToggleButtons(options=[(str(v), v) for v in fgd.SCALE],
                                    value=mine if mine in fgd.SCALE else None)
            scale.add_class("uk-scale")
            scale.add_class("uk-fgd-scale")
            self.value_of = lambda: scale.value
            ends = f"1 = {t('fgd.scale_1')} · 5 = {t('fgd.scale_5')}"
            return [scale, w.HTML(notice_html(ends, "info"))]
        if kind == "ranking":
            return self._ranking(q, mine if isinstance(mine, list) else [])
        multi = kind == "ideas"
        box = plain_text(_full(w.Textarea(rows=4) if multi else w.Text()))
        box.value = "\n".join(mine) if isinstance(mine, list) else str(mine or "")
        box.add_class("uk-fgd-text")
        self.value_of = lambda: box.value
        hint = (t("fgd.ideas_hint", maximum=fgd.MAX_CARDS) if multi
                else t("fgd.words_hint", limit=fgd.MAX_WORDS))
        return [box, w.HTML(notice_html(hint, "info"))]

    def _ranking(self, q: fgd.Question, mine: list) -> list[w.Widget]:
        order: list[int] = list(mine)
        shown = w.HTML()
        shown.add_class("uk-fgd-order")
        buttons = [button(o) for o in q.options]

        def show() -> None:
            items = "".join(f"<li>{escape(q.options[i])}</li>" for i in order)
            shown.value = (f"<b>{escape(t('fgd.rank_done'))}</b><ol style='font-size:18px'>"
                           f"{items}</ol>" if order else "")
            for i, b in enumerate(buttons):
                b.disabled = i in order

        def tap(index: int) -> None:
            if index not in order:
                order.append(index)
            show()

        for i, b in enumerate(buttons):
            b.add_class(f"uk-fgd-rank-{i}")
            b.layout.width = "100%"
            b.on_click(lambda _b, i=i: tap(i))
        again = button(t("fgd.rank_again"))
        again.add_class("uk-fgd-rank-again")
        again.on_click(lambda _b: (order.clear(), show()))
        self.value_of = lambda: list(order)
        show()
        return [w.HTML(notice_html(t("fgd.rank_hint"), "info")), *buttons, shown, again]

    def _scoring(self, found: BoardQuestion) -> list[w.Widget]:
        assert self.session is not None
        cards = fgd_db.cards_to_score(self.session, found.id)
        if not cards:
            return [w.HTML(notice_html(t("fgd.no_cards"), "info"))]
        rows: list[w.Widget] = [w.HTML(notice_html(t("fgd.score_hint"), "info"))]
        for card_id, text, score in cards:
            scale = w.ToggleButtons(options=[(str(v), v) for v in fgd.SCALE], value=score)
            scale.add_class("uk-scale")
            scale.add_class(f"uk-fgd-score-{card_id}")
            note = w.HTML()
            scale.observe(lambda c, cid=card_id, note=note: self._score(found.id, cid, c["new"],
                                                                        note), "value")
            rows += [w.HTML(f'<p style="font-size:18px;margin:12px 0 4px">'
                            f"<b>{escape(text)}</b></p>"), scale, note]
        return rows

    def _score(self, qid: int, card_id: int, value: int | None, note: w.HTML) -> None:
        if value is None or self.session is None:
            return
        try:
            fgd_db.score_card(self.session, qid, card_id, value)
            note.value = notice_html(t("fgd.score_saved"), "ok")
        except FgdError as exc:
            note.value = notice_html(str(exc), "error")

    @guard("fgd answer", "fgd.unexpected")
    def _submit(self, _button: w.Button | None = None) -> None:
        if self.session is None or self.question is None:
            self.status.value = notice_html(t("fgd.sign_in_first"), "error")
            return
        try:
            fgd_db.submit(self.session, self.question.id, self.value_of())
        except FgdError as exc:
            self.status.value = notice_html(str(exc), "error")
            if exc.key == "closed":
                self.shown = None
                self.refresh()
                self.status.value = notice_html(str(exc), "error")
            return
        self.status.value = notice_html(t("fgd.sent"), "ok")

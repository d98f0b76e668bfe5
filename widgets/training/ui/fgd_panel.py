"""The trainer's FGD control panel (a tab of the trainer page, behind the trainer password):
put a prepared or new question on the board, open, close and reopen it, hide or reveal the
results, anonymous or named, mark the outcome agreed; idea cards into groups, merge
duplicates, scoring rounds; the Excel file. A live preview shows what the projector shows.
"""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.theme import themed
from widgets.store import Store
from widgets.training import fgd, fgd_db
from widgets.training.fgd import FgdError
from widgets.training.fgd_sets import by_lesson, load_sets
from widgets.training.overview import page_title
from widgets.training.ui.fgd_board import BoardView
from widgets.training.ui.fgd_cards import CardTools
from widgets.ui.common import XLSX, Field, button, download_link, notice_html, section, tick_box

PANEL_STYLE = themed("""<style>
.uk-fgd-panel .uk-board { font-size: 18px; }
.uk-fgd-panel .uk-board h2.uk-board-q { font-size: 24px; }
.uk-fgd-panel .uk-board-count, .uk-fgd-panel .uk-board-figure b { font-size: 36px; }
.uk-fgd-preview { border: 3px dashed @ACCENT@; border-radius: 10px; padding: 8px 14px;
  background: #fff; margin-top: 8px; }
</style>""")


def _button(key: str, css: str, style: str = "") -> w.Button:
    b = button(t(key), style)
    b.add_class(css)
    return b


class FgdPanel(w.VBox):
    def __init__(self, store: Store) -> None:
        self.store = store
        self.sets = by_lesson(load_sets())
        self.lesson = Field(t("fgd.pick_lesson"), w.Dropdown(
            options=[(page_title(k), k) for k in self.sets]), css="uk-fgd-lesson")
        self.prepared = Field(t("fgd.pick_question"), w.Dropdown(), css="uk-fgd-prepared")
        self.use = _button("fgd.use", "uk-fgd-use", "primary")
        self.lesson.control.observe(lambda _c: self._fill_prepared(), "value")
        self.use.on_click(lambda _b: self._add(self._prepared()))
        self.new = self._new_form()
        self.board = Field(t("fgd.on_board"), w.Dropdown(), css="uk-fgd-board")
        self.board.control.observe(lambda _c: self._selected(), "value")
        self.open_button = _button("fgd.open", "uk-fgd-open", "success")
        self.close_button = _button("fgd.close", "uk-fgd-close", "danger")
        self.reveal_button = _button("fgd.reveal", "uk-fgd-reveal")
        self.anonymous = tick_box(t("fgd.new_anonymous"))
        self.anonymous.add_class("uk-fgd-anonymous")
        self.outcome = Field(t("fgd.outcome"), w.Text(), t("fgd.outcome_hint"),
                             css="uk-fgd-outcome")
        self.agree = _button("fgd.agree", "uk-fgd-agree")
        self.status = w.HTML()
        self.open_button.on_click(lambda _b: self._act(
            lambda q: fgd_db.set_state(store, q, "open")))
        self.close_button.on_click(lambda _b: self._act(
            lambda q: fgd_db.set_state(store, q, "closed")))
        self.reveal_button.on_click(lambda _b: self._act(
            lambda q: fgd_db.reveal(store, q, not fgd_db.get_question(store, q).revealed)))
        self._quiet = False
        self.anonymous.observe(self._anonymous_changed, "value")
        self.agree.on_click(lambda _b: self._act(
            lambda q: fgd_db.agree(store, q, self.outcome.control.value)))
        self.cards = CardTools(store, self._act)
        self.preview = BoardView(store)
        self.preview.add_class("uk-fgd-preview")
        self.export = _button("fgd.export", "uk-fgd-export")
        self.export.on_click(lambda _b: self._export())
        self.download = w.HTML()
        super().__init__([
            w.HTML(PANEL_STYLE), w.HTML(notice_html(t("fgd.panel_intro"), "info")),
            w.HBox([self.lesson, self.prepared]), self.use, self.new,
            section(t("fgd.on_board")), self.board,
            w.HBox([self.open_button, self.close_button, self.reveal_button]), self.anonymous,
            w.HBox([self.outcome, self.agree], layout=w.Layout(align_items="flex-end")),
            self.cards, self.status, self.preview, self.export, self.download])
        self.add_class("uk-fgd-panel")
        self.add_class("uk-trainer-wide")
        self._fill_prepared()
        self._fill_board()
        self.preview.watch.on_change = self._live

    def _new_form(self) -> w.Accordion:
        self.kind = Field(t("fgd.new_kind"), w.Dropdown(
            options=[(t(f"fgd.kind_{k}"), k) for k in fgd.KINDS]), css="uk-fgd-kind")
        self.text = Field(t("fgd.new_text"), w.Textarea(rows=2), css="uk-fgd-new-text")
        self.options = Field(t("fgd.new_options"), w.Textarea(rows=4), css="uk-fgd-new-options")
        self.new_anonymous = tick_box(t("fgd.new_anonymous"))
        add = _button("fgd.add", "uk-fgd-add", "primary")
        add.on_click(lambda _b: self._add_new())
        box = w.Accordion([w.VBox([self.kind, self.text, self.options, self.new_anonymous,
                                   add])], selected_index=None)
        box.set_title(0, t("fgd.new_title"))
        return box

    def _fill_prepared(self) -> None:
        found = self.sets.get(self.lesson.control.value, [])
        self.prepared.control.options = [(q.text, n) for n, q in enumerate(found)]

    def _prepared(self) -> fgd.Question | None:
        index = self.prepared.control.value
        found = self.sets.get(self.lesson.control.value, [])
        return found[index] if index is not None and index < len(found) else None

    def _add_new(self) -> None:
        self.text.clear()
        self.options.clear()
        try:
            question = fgd.check_question(self.kind.control.value, self.text.control.value,
                                          self.options.control.value.splitlines(),
                                          self.new_anonymous.value)
        except FgdError as exc:
            field = self.text if exc.key.startswith("question") else self.options
            field.error(str(exc))
            return
        self._add(question)
        self.text.control.value = self.options.control.value = ""

    def _add(self, question: fgd.Question | None) -> None:
        if question is None:
            return
        qid = fgd_db.add_question(self.store, question)
        fgd_db.show(self.store, qid)
        self._fill_board(select=qid)
        self.status.value = notice_html(t("fgd.done"), "ok")

    def _fill_board(self, select: int | None = None) -> None:
        found = fgd_db.questions(self.store)
        options = [(f"{q.id}. {q.question.text[:70]} · {t(f'fgd.state_{q.state}')}", q.id)
                   for q in reversed(found)]
        current = select if select is not None else self.board.control.value
        self.board.control.options = options
        ids = [qid for _, qid in options]
        self.board.control.value = current if current in ids else (ids[0] if ids else None)
        self._selected()

    def _selected(self) -> None:
        qid = self.board.control.value
        for control in (self.open_button, self.close_button, self.reveal_button, self.agree,
                        self.anonymous):
            control.disabled = qid is None
        if qid is None:
            self.cards.show(None)
            return
        q = fgd_db.get_question(self.store, qid)
        self.open_button.description = t("fgd.reopen" if q.state == "closed" else "fgd.open")
        self.open_button.disabled, self.close_button.disabled = q.state == "open", q.state != "open"
        self.reveal_button.description = t("fgd.hide" if q.revealed else "fgd.reveal")
        self._quiet = True
        self.anonymous.value = q.question.anonymous
        self._quiet = False
        self.outcome.control.value = q.outcome
        self.cards.show(q)
        self.preview.pin(qid)

    def _anonymous_changed(self, change: dict) -> None:
        if not self._quiet:
            self._act(lambda q: fgd_db.set_anonymous(self.store, q, change["new"]))

    def _act(self, action) -> None:
        qid = self.board.control.value
        if qid is None:
            self.status.value = notice_html(t("fgd.none_on_board"), "warn")
            return
        self.outcome.clear()
        try:
            action(qid)
        except FgdError as exc:
            self.status.value = notice_html(str(exc), "error")
            return
        self.status.value = notice_html(t("fgd.done"), "ok")
        self._fill_board(select=qid)

    def _live(self) -> None:
        """New answers: the preview and the idea tools follow."""
        self.preview.refresh()
        self.cards.refresh()

    def _export(self) -> None:
        from widgets.training.fgd_export import workbook_bytes

        data = workbook_bytes(self.store)
        self.download.value = download_link("uk-fgd-xlsx", "hasil-fgd.xlsx", XLSX, data,
                                            t("fgd.export_link"))

    def start(self):
        return self.preview.start()

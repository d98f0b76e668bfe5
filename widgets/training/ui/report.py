"""The report tab: the trainer's paragraphs (saved as typed), then the activity report as A4
HTML, Word and Excel, with a preview. The attendance tab: the daftar hadir per day, people
added by hand, A4 and Excel."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.village import load_village
from widgets.store import Store
from widgets.training import db
from widgets.training.attendance import GENDERS, AddedPerson
from widgets.training.items import EvaluationForm
from widgets.training.overview import overview
from widgets.training.render import POST_COLOR, PRE_COLOR
from widgets.training.report import TEXT_KEYS, attendance_blocks, build_report, texts_with_defaults
from widgets.training.report_files import chart_png, report_docx, report_html, tables_xlsx
from widgets.ui.common import (
    HTML_FILE,
    XLSX,
    Field,
    button,
    download_link,
    notice_html,
    page_link,
    section,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def preview(html: str, height: int = 900) -> str:
    return (f'<iframe class="uk-preview" title="preview" style="width:100%;max-width:820px;'
            f'height:{height}px;border:1px solid #ccc;background:#fff" '
            f'srcdoc="{escape(html, quote=True)}"></iframe>')


def report_files(store: Store, form: EvaluationForm, today: dt.date) -> dict[str, bytes]:
    """``html``, ``docx`` and ``xlsx`` of the report as the store holds it now."""
    village = load_village()
    ov = overview(store, form)
    texts = texts_with_defaults(db.report_texts(store), village)
    blocks = build_report(ov, form, village, texts, db.agenda_rows(store), today)
    chart = next(b for b in blocks if b.kind == "chart")
    labels = [t("training.class_mean")] + [f"{n}." for n in range(1, len(ov.tests.items) + 1)]
    whole = lambda v: 0 if v is None else round(v)  # noqa: E731
    png = chart_png(labels, {
        t("training.pre"): [whole(ov.tests.mean_pre)] + [whole(i.pre) for i in ov.tests.items],
        t("training.post"): [whole(ov.tests.mean_post)] + [whole(i.post) for i in ov.tests.items]},
        [PRE_COLOR, POST_COLOR]) if chart else None
    tables = {b.text: b for b in blocks if b.kind == "table" and b.text != "attendance"}
    attendance = [b for b in blocks if b.kind == "table" and b.text == "attendance"]
    for n, block in enumerate(attendance, start=1):
        tables[f"hadir-{ov.attendance[n - 1].day.isoformat()}"] = block
    title = t("training.report_title")
    return {"html": report_html(blocks, title).encode("utf-8"), "docx": report_docx(blocks, png),
            "xlsx": tables_xlsx(tables)}


class ReportView(w.VBox):
    def __init__(self, store: Store, form: EvaluationForm) -> None:
        self.store, self.form = store, form
        texts = texts_with_defaults(db.report_texts(store), load_village())
        self.boxes = {key: Field(t(f"training.text_{key}"), w.Textarea(value=texts[key], rows=3),
                                 css=f"uk-report-{key}") for key in TEXT_KEYS}
        self.save = button(t("training.report_save"))
        self.save.add_class("uk-report-save")
        self.save.on_click(self._save)
        self.make = button(t("training.report_make"), "primary")
        self.make.add_class("uk-report-make")
        self.make.on_click(self._make)
        self.status = w.HTML()
        self.links = w.HTML()
        self.preview = w.HTML()
        super().__init__([section(t("training.report_texts")), *self.boxes.values(),
                          w.HBox([self.save, self.make]), self.status, self.links, self.preview])
        self.add_class("uk-report")

    def _save(self, _button=None) -> bool:
        for key, field in self.boxes.items():
            field.clear()
            try:
                db.save_report_text(self.store, key, field.control.value)
            except db.EvaluationError as exc:
                field.error(str(exc))
                return False
        self.status.value = notice_html(t("training.report_saved"), "ok")
        return True

    def _make(self, _button=None) -> None:
        if not self._save():
            return
        files = report_files(self.store, self.form, self.store.today())
        day = self.store.today().isoformat()
        self.links.value = "".join([
            download_link("uk-report-html", f"laporan-kegiatan-{day}.html", HTML_FILE,
                          files["html"], t("training.download_html")),
            download_link("uk-report-docx", f"laporan-kegiatan-{day}.docx", DOCX,
                          files["docx"], t("training.download_docx")),
            download_link("uk-report-xlsx", f"lampiran-laporan-{day}.xlsx", XLSX,
                          files["xlsx"], t("training.download_xlsx"))])
        self.preview.value = preview(files["html"].decode("utf-8"))
        self.status.value = notice_html(t("training.report_made"), "ok")


class AttendanceView(w.VBox):
    def __init__(self, store: Store) -> None:
        self.store = store
        village = load_village()
        self.groups = tuple(village.groups)
        self.day = Field(t("training.add_day"), w.DatePicker(value=store.today()))
        self.name = Field(t("training.add_name"), w.Text(), css="uk-add-name")
        self.group = Field(t("training.col_group"), w.Dropdown(
            options=[(g.name, k) for k, g in village.groups.items()] + [("–", "")], value=""))
        self.gender = Field("L/P", w.ToggleButtons(options=[("–", ""), *((g, g) for g in GENDERS)]))
        self.partner = Field(t("training.add_partner"), w.Text())
        self.add = button(t("training.add_button"), "primary")
        self.add.add_class("uk-add-person")
        self.add.on_click(self._add)
        self.status = w.HTML()
        self.show = button(t("training.attendance_show"))
        self.show.add_class("uk-attendance-show")
        self.show.on_click(self._show)
        self.links = w.HTML()
        self.preview = w.HTML()
        super().__init__([
            section(t("training.add_heading")), self.day, self.name, self.group, self.gender,
            self.partner, self.add, self.status, section(t("training.tab_attendance")),
            self.show, self.links, self.preview])
        self.add_class("uk-attendance")

    def _add(self, _button=None) -> None:
        self.name.clear()
        day = self.day.control.value
        if not isinstance(day, dt.date):
            self.day.error(t("training.add_day_missing"))
            return
        try:
            db.add_person(self.store, AddedPerson(0, day, self.name.control.value,
                                                  self.group.control.value or "",
                                                  self.gender.control.value or "", "",
                                                  self.partner.control.value), self.groups)
        except db.EvaluationError as exc:
            self.name.error(str(exc))
            return
        self.status.value = notice_html(t("training.added", name=self.name.control.value), "ok")
        self.name.control.value = self.partner.control.value = ""
        self._show()

    def _show(self, _button=None) -> None:
        from widgets.training.items import load_form

        ov = overview(self.store, load_form())
        place = texts_with_defaults(db.report_texts(self.store), load_village())["place"]
        village = load_village()
        blocks = attendance_blocks(ov.attendance, place,
                                   {k: g.name for k, g in village.groups.items()})
        html = report_html(blocks, t("training.attendance_title"))
        sheets = {f"hadir-{d.day.isoformat()}": b for d, b in
                  zip(ov.attendance, [b for b in blocks if b.kind == "table"], strict=True)}
        day = self.store.today().isoformat()
        self.links.value = (
            page_link("uk-attendance-html", f"daftar-hadir-{day}.html", html,
                      t("training.download_html"))
            + (download_link("uk-attendance-xlsx", f"daftar-hadir-{day}.xlsx", XLSX,
                             tables_xlsx(sheets), t("training.download_xlsx")) if sheets else ""))
        self.preview.value = preview(html, 700)

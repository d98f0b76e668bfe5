"""The berita acara and the store: make the printed record of what the calculator shows
(in the page, as an .html file to print on A4, and as Excel), save the distribution and the
group's agreed rule, and list what this participant saved before.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.core.i18n import format_date, t
from widgets.core.money import format_rupiah
from widgets.sharing import db
from widgets.sharing.examples import COOP, group_data, village_line
from widgets.sharing.record import (
    DistributionRecord,
    make_record,
    record_from_saved,
    saved_params,
)
from widgets.sharing.record_print import record_html, record_preview
from widgets.sharing.rules import Rule, describe, method_label
from widgets.sharing.ui.calculator import SharingCalculator
from widgets.ui.common import (
    PAGE,
    XLSX,
    Field,
    button,
    download_link,
    file_slug,
    guard,
    notice_html,
    page_link,
    section,
)

_guard = guard("sharing record", "lesson3.unexpected")


def downloads_html(rec: DistributionRecord) -> str:
    """Two links that carry the files themselves (nothing is served from disk)."""
    from widgets.sharing.record_excel import record_xlsx  # openpyxl only once a record is made

    name = f"berita-acara-{file_slug(rec.group, 'kelompok')}-{rec.day.isoformat()}"
    return (
        page_link("uk-bh-download-html", f"{name}.html", record_html(rec),
                  t("lesson3.download_html"))
        + download_link("uk-bh-download-xlsx", f"{name}.xlsx", XLSX, record_xlsx(rec),
                        t("lesson3.download_xlsx"))
        + notice_html(t("lesson3.print_hint"), "info")
    )


class RecordPanel(w.VBox):
    """Under the calculator: the record, saving, and the participant's saved rule and records."""

    def __init__(self, calculator: SharingCalculator, today: dt.date | None = None) -> None:
        self.calculator = calculator
        village = calculator.village
        self.day = Field(t("lesson3.field_day"), w.DatePicker(value=today or dt.date.today()),
                         css="uk-bh-day")
        self.place = Field(t("lesson3.field_place"), w.Text(value=f"Desa {village.name}"),
                           css="uk-bh-place")
        self.note = Field(t("lesson3.field_note"), w.Text(placeholder=t("lesson3.note_hint")),
                          css="uk-bh-note")
        self.make = button(t("lesson3.make_record"), "primary")
        self.make.add_class("uk-bh-make-record")
        self.save = button(t("lesson3.save_distribution"), "success")
        self.save.add_class("uk-bh-save")
        self.save_rule = button(t("lesson3.save_rule"), "info")
        self.save_rule.add_class("uk-bh-save-rule")
        self.status = w.HTML()
        self.status.add_class("uk-bh-status")
        self.preview = w.HTML()
        self.preview.add_class("uk-bh-record")
        self.downloads = w.HTML()
        self.downloads.add_class("uk-bh-downloads")
        self.saved = w.HTML()
        self.saved.add_class("uk-bh-saved")
        self.use_rule = button(t("lesson3.use_rule"))
        self.use_rule.add_class("uk-bh-use-rule")
        self.make.on_click(lambda _b: self._make())
        self.save.on_click(lambda _b: self._save())
        self.save_rule.on_click(lambda _b: self._save_rule())
        self.use_rule.on_click(lambda _b: self._use_rule())
        calculator.group.control.observe(lambda _c: self.refresh_saved(), "value")
        PAGE.observe(lambda _c: self.refresh_saved(), "session")
        super().__init__([
            section(t("lesson3.section_record")), self.day, self.place, self.note,
            w.HBox([self.make, self.save, self.save_rule],
                   layout=w.Layout(flex_flow="row wrap")),
            self.status, self.downloads, self.preview,
            section(t("lesson3.section_saved")), self.saved, self.use_rule,
        ], layout=w.Layout(width="100%"))
        self.refresh_saved()

    def _signers(self, key: str) -> list[tuple[str, str]]:
        if key == COOP:
            return [(t("lesson3.role_coop_chair"), ""), (t("lesson3.role_coop_treasurer"), "")]
        return group_data(self.calculator.village, key).signers

    def current_record(self) -> DistributionRecord | None:
        last = self.calculator.last
        if last is None:
            self.status.value = notice_html(t("lesson3.nothing_to_record"), "warn")
            return None
        day = self.day.control.value or dt.date.today()
        return make_record(last.result, last.rule, group=last.group_name, day=day,
                           place=" ".join(self.place.control.value.split()),
                           members=last.members, signers=self._signers(last.group_key),
                           village=village_line(self.calculator.village),
                           note=" ".join(self.note.control.value.split()))

    @_guard
    def _make(self) -> None:
        self.status.value = ""
        rec = self.current_record()
        if rec is None:
            return
        self.preview.value = record_preview(rec)
        self.downloads.value = downloads_html(rec)

    @_guard
    def _save(self) -> None:
        self.status.value = ""
        session = PAGE.session
        if session is None:
            self.status.value = notice_html(t("lesson3.signin_to_save"), "warn")
            return
        rec = self.current_record()
        last = self.calculator.last
        if rec is None or last is None:
            return
        try:
            saved = db.save_distribution(session,
                group_key=last.group_key, group_name=last.group_name, day=rec.day,
                method=last.rule.method,
                params=saved_params(rec, last.rule, list(last.result.set_aside)),
                total=last.result.total, shares=list(last.result.shares.items()),
                set_aside=list(last.result.set_aside.items()), place=rec.place, note=rec.note)
        except db.DistributionError as exc:
            self.status.value = notice_html(str(exc), "error")
            return
        self.preview.value = record_preview(rec)
        self.downloads.value = downloads_html(rec)
        self.status.value = notice_html(t("lesson3.saved_distribution",
                                          date=format_date(saved.day)), "ok")
        self.refresh_saved()

    @_guard
    def _save_rule(self) -> None:
        self.status.value = ""
        session = PAGE.session
        if session is None:
            self.status.value = notice_html(t("lesson3.signin_to_save"), "warn")
            return
        last = self.calculator.last
        if last is None:
            self.status.value = notice_html(t("lesson3.nothing_to_record"), "warn")
            return
        db.save_rule(session, last.group_key, last.group_name, last.rule.method,
                          dict(last.rule.params), " ".join(self.note.control.value.split()))
        self.status.value = notice_html(t("lesson3.saved_rule", rule=describe(last.rule)), "ok")
        self.refresh_saved()

    @_guard
    def _use_rule(self) -> None:
        session = PAGE.session
        rule = db.rule(session, self.calculator.group.control.value) if session else None
        if rule is None:
            return
        self.calculator.apply_rule(Rule(rule.method, rule.params))
        self.status.value = notice_html(t("lesson3.rule_applied"), "ok")

    @_guard
    def refresh_saved(self) -> None:
        session = PAGE.session
        self.use_rule.layout.display = "none"
        if session is None:
            self.saved.value = notice_html(t("lesson3.signin_to_see_saved"), "info")
            return
        key = self.calculator.group.control.value
        parts = []
        rule = db.rule(session, key)
        if rule is not None:
            text = describe(Rule(rule.method, rule.params))
            parts.append(notice_html(t("lesson3.rule_in_force", group=rule.group_name,
                                       method=method_label(rule.method), rule=text,
                                       date=format_date(dt.date.fromisoformat(
                                           rule.created_at[:10]))), "ok"))
            self.use_rule.layout.display = ""
        else:
            parts.append(notice_html(t("lesson3.no_rule_yet"), "info"))
        records = db.distributions(session, key)
        if records:
            items = []
            for saved in reversed(records[-10:]):
                rec = record_from_saved(saved, self._signers(key),
                                        village_line(self.calculator.village))
                items.append(
                    f"<li><b>{escape(format_date(saved.day))}</b> · "
                    f"{escape(method_label(saved.method))} · {escape(format_rupiah(saved.total))}"
                    f"<br>{downloads_html(rec)}</li>")
            parts.append(f"<ul class='uk-bh-saved-list'>{''.join(items)}</ul>")
        else:
            parts.append(notice_html(t("lesson3.no_records_yet"), "info"))
        self.saved.value = "".join(parts)

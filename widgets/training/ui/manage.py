"""The participant-data tab: reset a PIN, unlock a locked name, merge two spellings, delete
(with a confirmation; a backup is taken first), export everything, back up now, list backups."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.store import SignInError, Store
from widgets.training import manage
from widgets.ui.common import XLSX, Field, button, download_link, notice_html, section, tick_box


class ManageView(w.VBox):
    def __init__(self, store: Store) -> None:
        self.store = store
        self.person = Field(t("training.manage_person"), w.Dropdown(), css="uk-manage-person")
        self.pin = Field(t("training.manage_new_pin"), w.Text(placeholder="1234"),
                         css="uk-manage-pin")
        self.other = Field(t("training.manage_other"), w.Dropdown(), css="uk-manage-other")
        self.sure = tick_box(t("training.manage_sure"))
        self.buttons = {key: button(t(f"training.manage_{key}"), style) for key, style in (
            ("reset", "primary"), ("unlock", ""), ("merge", "warning"), ("delete", "danger"),
            ("export", ""), ("backup", ""))}
        for key, control in self.buttons.items():
            control.add_class(f"uk-manage-{key}")
            control.on_click(getattr(self, f"_{key}"))
        self.status = w.HTML()
        self.links = w.HTML()
        self.locked = w.HTML()
        self.backup_list = w.HTML()
        b = self.buttons
        super().__init__([
            section(t("training.manage_heading")), self.locked, self.person,
            self.pin, w.HBox([b["reset"], b["unlock"]]), self.other, b["merge"], self.sure,
            b["delete"], self.status, section(t("training.manage_files")),
            w.HBox([b["export"], b["backup"]]), self.links, self.backup_list,
            w.HTML(notice_html(t("training.manage_restore"), "info"))])
        self.add_class("uk-manage")
        self.reload()

    def reload(self) -> None:
        people = manage.people(self.store)
        options = [(p.name + (" 🔒" if p.locked else ""), p.id) for p in people]
        for field in (self.person, self.other):
            field.control.options = [("–", None), *options]
            field.control.value = None
        locked = [p.name for p in people if p.locked]
        self.locked.value = notice_html(
            t("training.manage_locked", names=", ".join(locked)) if locked else "", "warn")
        rows = "".join(f"<li>{escape(b.path.name)} ({b.size // 1024} KB)</li>"
                       for b in manage.backups(self.store)[:10])
        self.backup_list.value = (f"<p><b>{escape(t('training.manage_backups'))}</b></p>"
                                  f"<ul>{rows or '<li>–</li>'}</ul>")

    def _chosen(self) -> int | None:
        if self.person.control.value is None:
            self.status.value = notice_html(t("training.manage_choose"), "error")
        return self.person.control.value

    def _done(self, key: str, **fields: object) -> None:
        self.reload()
        self.status.value = notice_html(t(f"training.manage_done_{key}", **fields), "ok")

    def _reset(self, _button=None) -> None:
        pid = self._chosen()
        if pid is None:
            return
        self.pin.clear()
        try:
            manage.reset_pin(self.store, pid, self.pin.control.value)
        except SignInError as exc:
            self.pin.error(str(exc))
            return
        self.pin.control.value = ""
        self._done("reset")

    def _unlock(self, _button=None) -> None:
        pid = self._chosen()
        if pid is not None:
            manage.unlock(self.store, pid)
            self._done("unlock")

    def _merge(self, _button=None) -> None:
        keep, drop = self.person.control.value, self.other.control.value
        if keep is None or drop is None or keep == drop:
            self.status.value = notice_html(t("training.manage_merge_two"), "error")
            return
        backup = manage.merge(self.store, keep, drop)
        self._done("merge", backup=backup.path.name)

    def _delete(self, _button=None) -> None:
        pid = self._chosen()
        if pid is None:
            return
        if not self.sure.value:
            self.status.value = notice_html(t("training.manage_confirm"), "error")
            return
        backup = manage.delete(self.store, pid)
        self.sure.value = False
        self._done("delete", backup=backup.path.name)

    def _export(self, _button=None) -> None:
        day = self.store.today().isoformat()
        self.links.value = download_link("uk-manage-xlsx", f"data-usaha-kita-{day}.xlsx", XLSX,
                                         manage.export_all(self.store),
                                         t("training.download_xlsx"))

    def _backup(self, _button=None) -> None:
        backup = manage.backup_now(self.store)
        self._done("backup", backup=backup.path.name)

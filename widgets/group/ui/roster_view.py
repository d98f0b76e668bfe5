"""The duty roster tool: the plan form, the roster it makes, swaps, attendance, the A4 sheet and
the WhatsApp text. A signed-in participant's roster is saved per group and opens again."""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import format_date, t
from widgets.core.village import Village, load_village
from widgets.group import db
from widgets.group.data import role_holders
from widgets.group.roster import DONE, MISSED, Roster, RosterError, Swap, make_roster, mark, swap
from widgets.group.roster_sheet import roster_html, swap_text, whatsapp_text
from widgets.group.ui.parts import STYLE, a4_download, copy_box, guard, tall
from widgets.group.ui.roster import PlanForm, duty_options, roster_table
from widgets.ui.common import PAGE, Field, button, notice_html, section


class RosterView(w.VBox):
    def __init__(self, village: Village | None = None) -> None:
        self.village = village or load_village()
        self.roster: Roster | None = None
        self.saved_id: int | None = None
        self.form = PlanForm(self.village)
        self.make = button(t("groupview.roster_make"), "primary")
        self.make.add_class("uk-g-roster-make")
        self.status = w.HTML()
        self.status.add_class("uk-g-roster-status")
        self.table = w.HTML()
        self.table.add_class("uk-g-roster-table")
        self.outputs = w.HTML()
        self.outputs.add_class("uk-g-roster-outputs")
        self.swap_a = tall(Field(t("groupview.swap_first"), w.Dropdown(), css="uk-g-swap-a"))
        self.swap_b = tall(Field(t("groupview.swap_second"), w.Dropdown(), css="uk-g-swap-b"))
        self.do_swap = button(t("groupview.swap_button"))
        self.do_swap.add_class("uk-g-swap")
        self.duty = tall(Field(t("groupview.mark_duty"), w.Dropdown(), css="uk-g-mark-duty"))
        self.status_pick = Field(t("groupview.mark_status"), w.ToggleButtons(
            options=[(t("groupview.mark_done"), DONE), (t("groupview.mark_missed"), MISSED)],
            value=DONE), css="uk-g-mark-status")
        self.reason = Field(t("groupview.mark_reason"), w.Text(
            placeholder=t("groupview.mark_reason_hint")), css="uk-g-mark-reason")
        self.do_mark = button(t("groupview.mark_button"), "success")
        self.do_mark.add_class("uk-g-mark")
        self.changes = w.VBox([
            section(t("groupview.swap_section")), self.swap_a, self.swap_b, self.do_swap,
            section(t("groupview.mark_section")), self.duty, self.status_pick, self.reason,
            self.do_mark])
        self.changes.layout.display = "none"
        self.make.on_click(lambda _b: self.make_roster())
        self.do_swap.on_click(lambda _b: self.swap())
        self.do_mark.on_click(lambda _b: self.mark())
        self.form.group.control.observe(lambda _c: self.load_saved(), "value")
        PAGE.observe(lambda _c: self.load_saved(), "session")
        super().__init__([w.HTML(STYLE), self.form, self.make, self.status, self.table,
                          self.changes, self.outputs], layout=w.Layout(width="100%"))
        self.load_saved()

    @property
    def group_key(self) -> str:
        return self.form.group.control.value

    @property
    def group_name(self) -> str:
        return self.village.group(self.group_key).name

    @guard("roster: load")
    def load_saved(self) -> None:
        session = PAGE.session
        saved = db.latest_roster(session, self.group_key) if session else None
        self.roster, self.saved_id = (saved.roster, saved.id) if saved else (None, None)
        self.show()
        if saved:
            self.status.value = notice_html(t("groupview.roster_opened", date=format_date(
                saved.roster.plan.start)), "info")
        else:
            self.status.value = ""

    @guard("roster: make")
    def make_roster(self) -> None:
        plan = self.form.read()
        if plan is None:
            self.status.value = notice_html(t("groupview.fix_fields"), "error")
            return
        try:
            roster = make_roster(plan)
        except RosterError as exc:
            self.status.value = notice_html(str(exc), "error")
            return
        self.roster, self.saved_id = roster, None
        self._save(t("groupview.roster_made"))

    def _save(self, done: str) -> None:
        """Keep the roster (signed in) and show it; ``done`` says what just happened."""
        session = PAGE.session
        assert self.roster is not None
        if session is None:
            said = notice_html(done + " " + t("groupview.signin_to_save"), "warn")
        elif self.saved_id is None:
            self.saved_id = db.save_roster(session, self.group_key, self.roster).id
            said = notice_html(done + " " + t("groupview.roster_saved"), "ok")
        else:
            db.update_roster(session, self.saved_id, self.roster)
            said = notice_html(done + " " + t("groupview.roster_saved"), "ok")
        self.show()
        self.status.value = said  # last: what it says is on the page by then

    def show(self) -> None:
        roster = self.roster
        if roster is None:
            self.table.value = self.outputs.value = ""
            self.changes.layout.display = "none"
            return
        self.table.value = roster_table(roster)
        self._set_turns(duty_options(roster))
        self.changes.layout.display = ""
        village = f"Desa {self.village.name}, {self.village.district}, {self.village.regency}"
        self.outputs.value = (
            f"<h4>{t('groupview.roster_print')}</h4>"
            + a4_download("uk-g-roster-download", "jadwal-piket", self.group_name,
                          roster.plan.start, roster_html(roster, self.group_name, village,
                                                         self._signers(roster)))
            + f"<h4>{t('groupview.roster_whatsapp')}</h4>"
            + copy_box(whatsapp_text(roster, self.group_name), "uk-g-roster-wa"))

    def _set_turns(self, options: list) -> None:
        """New turns in the three pickers. Each keeps its turn while it is still on the roster,
        else shows the first (a picker whose options change is left with no value, while the
        phone still shows a turn); the second turn to swap is on another day than the first."""
        values = [value for _label, value in options]
        for field in (self.swap_a, self.swap_b, self.duty):
            before = field.control.value
            field.control.options = options
            if before in values:
                field.control.value = before
            elif options:
                field.control.index = 0
        first = self.swap_a.control.value
        if first is not None and self.swap_b.control.value[0] == first[0]:
            other = next((v for v in values if v[0] != first[0]), None)
            if other is not None:
                self.swap_b.control.value = other

    def _signers(self, roster: Roster) -> tuple[tuple[str, str], ...]:
        """Ketua and sekretaris under the sheet, named when the profile's holder is on it."""
        holders = role_holders(self.village, self.group_key)
        return tuple((t(f"group.role_{key}"), name if name in roster.plan.members else "")
                     for key in ("ketua", "sekretaris")
                     for name in (holders.get(key, ""),))

    @guard("roster: swap")
    def swap(self) -> None:
        if self.roster is None or not self.swap_a.control.value or not self.swap_b.control.value:
            return
        (day_a, a), (day_b, b) = self.swap_a.control.value, self.swap_b.control.value
        change = Swap(a, day_a, b, day_b if day_b != day_a else None)
        try:
            self.roster = swap(self.roster, change)
        except RosterError as exc:
            self.swap_b.error(str(exc))
            return
        self.swap_b.clear()
        self._save(t("groupview.swapped", swap=swap_text(change)))

    @guard("roster: attendance")
    def mark(self) -> None:
        if self.roster is None or not self.duty.control.value:
            return
        day, member = self.duty.control.value
        status = self.status_pick.control.value
        self.reason.clear()
        try:
            self.roster = mark(self.roster, day, member, status, self.reason.control.value)
        except RosterError as exc:
            self.reason.error(str(exc))
            return
        self.reason.control.value = ""
        self._save(t("groupview.marked", name=member, date=format_date(day)))


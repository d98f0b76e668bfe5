"""Under the calculator: take each member's feed-duty days from the group's saved duty roster
(lesson "Komunikasi dan Aturan Kelompok") and share "by work days". Only the days ticked as done
count; a member on the calculator who is not on the roster gets 0 days, and roster members the
calculator does not list are named so the participant can add them."""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import format_date, t
from widgets.group import db as group_db
from widgets.sharing.rules import Rule
from widgets.sharing.ui.calculator import SharingCalculator
from widgets.ui.common import PAGE, button, guard, notice_html


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class RosterDays(w.VBox):
    def __init__(self, calculator: SharingCalculator) -> None:
        self.calculator = calculator
        self.take = button(t("lesson3.roster_take"), "info")
        self.take.add_class("uk-bh-roster-take")
        self.status = w.HTML()
        self.status.add_class("uk-bh-roster-status")
        self.take.on_click(lambda _b: self.fill())
        calculator.group.control.observe(lambda _c: self.refresh(), "value")
        PAGE.observe(lambda _c: self.refresh(), "session")
        super().__init__([self.take, self.status], layout=w.Layout(width="100%"))
        self.refresh()

    def _saved(self) -> group_db.SavedRoster | None:
        session = PAGE.session
        key = self.calculator.group.control.value
        return group_db.latest_roster(session, key) if session else None

    @guard("roster days: refresh", "lesson3.unexpected")
    def refresh(self) -> None:
        saved = self._saved()
        self.layout.display = "" if saved else "none"
        if saved:
            plan = saved.roster.plan
            self.status.value = notice_html(t("lesson3.roster_found", start=format_date(
                plan.start), end=format_date(plan.end)), "info")

    @guard("roster days: fill", "lesson3.unexpected")
    def fill(self) -> None:
        saved = self._saved()
        if saved is None:
            return
        days = {_key(name): count for name, count in saved.roster.attended().items()}
        self.calculator.apply_rule(Rule("work", {"unit": "hari"}))
        seen = set()
        for row in self.calculator.rows:
            key = _key(row.name.value)
            if key:
                row.values["work"].value = str(days.get(key, 0))
                seen.add(key)
        self.calculator.update()
        missing = [name for name in saved.roster.plan.members if _key(name) not in seen]
        text = t("lesson3.roster_taken", done=sum(days.values()))
        if missing:
            text += " " + t("lesson3.roster_missing", names=", ".join(missing))
        self.status.value = notice_html(text, "ok")

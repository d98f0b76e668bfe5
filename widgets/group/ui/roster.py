"""The duty roster maker: members, period, people per day and days away -> a fair roster; then
swaps and attendance, the A4 sheet and the WhatsApp text. Saved per group for the signed-in
participant; the days done feed "by work days" in the profit-sharing calculator."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.numbers import NumberError, parse_count
from widgets.core.village import Village
from widgets.group.data import load_group_lesson, member_names
from widgets.group.roster import (
    DONE,
    Plan,
    Roster,
    RosterError,
    make_plan,
)
from widgets.group.roster_sheet import counts_rows, short_day
from widgets.group.ui.parts import group_field, tall
from widgets.ui.common import Field, button, notice_html, section, tick_box


class PlanForm(w.VBox):
    """Who, from when, for how many days, how many a day, and who is away when."""

    def __init__(self, village: Village) -> None:
        self.village = village
        example = load_group_lesson(village).roster_example
        self.group = group_field(village, "uk-g-roster-group", example.group)
        self.checks_box = w.Box(layout=w.Layout(flex_flow="row wrap", max_width="520px"))
        self.checks_box.add_class("uk-g-checks")
        self.others = Field(t("groupview.roster_others"), w.Text(
            placeholder=t("groupview.roster_others_hint")), css="uk-g-roster-others")
        self.start = Field(t("groupview.roster_start"), w.DatePicker(value=example.start),
                           css="uk-g-roster-start")
        self.days = Field(t("groupview.roster_days"), w.Text(value=str(example.days)),
                          css="uk-g-roster-days")
        self.per_day = Field(t("groupview.roster_per_day"), w.Text(value=str(example.per_day)),
                             css="uk-g-roster-per-day")
        self.away_member = tall(Field(t("groupview.roster_away_member"), w.Dropdown(),
                                      css="uk-g-away-member"))
        self.away_day = Field(t("groupview.roster_away_day"), w.DatePicker(),
                              css="uk-g-away-day")
        self.add_away = button(t("groupview.roster_add_away"))
        self.add_away.add_class("uk-g-add-away")
        self.clear_away = button(t("groupview.roster_clear_away"))
        self.away_list = w.HTML()
        self.away_list.add_class("uk-g-away-list")
        self.away: dict[str, set[dt.date]] = {}
        self.add_away.on_click(lambda _b: self._add_away())
        self.clear_away.on_click(lambda _b: self._set_away({}))
        self.group.control.observe(lambda _c: self.load_group(), "value")
        super().__init__([self.group, w.HTML(f"<b>{escape(t('groupview.roster_members'))}</b>"),
                          self.checks_box, self.others, self.start, self.days, self.per_day,
                          section(t("groupview.roster_away")), self.away_member, self.away_day,
                          w.HBox([self.add_away, self.clear_away],
                                 layout=w.Layout(flex_flow="row wrap")), self.away_list])
        self.load_group()

    def load_group(self) -> None:
        key = self.group.control.value
        names = member_names(self.village, key)
        self.checks = {name: tick_box(name) for name in names}
        for box in self.checks.values():
            box.value = True
        self.checks_box.children = list(self.checks.values())
        self.away_member.control.options = names
        self.away_member.control.value = names[0] if names else None
        example = load_group_lesson(self.village).roster_example
        self._set_away({m: set(d) for m, d in example.away.items()} if key == example.group
                       else {})
        self.away_day.control.value = example.start

    def _set_away(self, away: dict[str, set[dt.date]]) -> None:
        self.away = away
        items = [f"<li>{escape(name)}: {escape(', '.join(short_day(d) for d in sorted(days)))}"
                 "</li>" for name, days in away.items() if days]
        self.away_list.value = (f"<ul>{''.join(items)}</ul>" if items else
                                notice_html(t("groupview.roster_nobody_away"), "info"))

    def _add_away(self) -> None:
        name, day = self.away_member.control.value, self.away_day.control.value
        if name and isinstance(day, dt.date):
            self._set_away({**self.away, name: self.away.get(name, set()) | {day}})

    def members(self) -> list[str]:
        ticked = [name for name, box in self.checks.items() if box.value]
        typed = [" ".join(n.split()) for n in self.others.control.value.split(",")]
        return ticked + [n for n in typed if n]

    def read(self) -> Plan | None:
        """The plan, or None after showing what to fix under its field."""
        for field in (self.days, self.per_day, self.others, self.start):
            field.clear()
        try:
            days = parse_count(self.days.control.value, 1)
        except NumberError as exc:
            self.days.error(str(exc))
            return None
        try:
            per_day = parse_count(self.per_day.control.value, 1)
        except NumberError as exc:
            self.per_day.error(str(exc))
            return None
        start = self.start.control.value
        if not isinstance(start, dt.date):
            self.start.error(t("group.roster_no_dates"))
            return None
        members = self.members()
        try:
            return make_plan(members, start, start + dt.timedelta(days=days - 1), per_day,
                             {m: d for m, d in self.away.items() if m in members})
        except RosterError as exc:
            target = {"dates": self.days, "per_day": self.per_day}.get(exc.field, self.others)
            target.error(str(exc))
            return None


def duty_options(roster: Roster) -> list[tuple[str, tuple[dt.date, str]]]:
    return [(f"{short_day(day)} · {member}", (day, member))
            for day in roster.plan.days for member in roster.duty[day]]


def roster_table(roster: Roster) -> str:
    rows = []
    for day in roster.plan.days:
        people = []
        for member in roster.duty[day]:
            state = roster.mark(day, member)
            sign = "" if state is None else (" ✔" if state.status == DONE else " ✘")
            people.append(escape(member) + sign)
        rows.append(f"<tr><td>{escape(short_day(day))}</td><td>{', '.join(people)}</td></tr>")
    counts = "".join(f"<tr><td>{escape(n)}</td><td class='num'>{a}</td><td class='num'>{b}</td>"
                     f"<td class='num'>{c}</td></tr>" for n, a, b, c in counts_rows(roster))
    return (f"<table class='uk-g-table uk-g-roster-days'><tr><th>{escape(t('group.col_day'))}"
            f"</th><th>{escape(t('group.col_name'))}</th></tr>{''.join(rows)}</table>"
            f"<h4>{escape(t('group.roster_counts'))}</h4>"
            f"<table class='uk-g-table uk-g-roster-counts'><tr><th>"
            f"{escape(t('group.col_name'))}</th><th class='num'>{escape(t('group.col_turns'))}"
            f"</th><th class='num'>{escape(t('group.col_done'))}</th><th class='num'>"
            f"{escape(t('group.col_missed'))}</th></tr>{counts}</table>")

"""The lesson's three exercises, checked on the server: notulen from a meeting story, an unfair
roster to repair, and a jealousy scenario. Every attempt of a signed-in participant is saved with
``widgets.store.answers.save_answer``."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from widgets.core.i18n import format_date, local, t
from widgets.core.theme import ACCENT
from widgets.core.village import Village, load_village
from widgets.group.data import load_group_lesson, member_names
from widgets.group.exercises import (
    JEALOUSY_EXERCISE,
    MEETING_EXERCISE,
    ROSTER_EXERCISE,
    Feedback,
    TypedAction,
    check_jealousy,
    check_meeting,
    check_roster_fix,
    starting_roster,
)
from widgets.group.roster_sheet import short_day
from widgets.group.ui.meeting import ActionRow
from widgets.group.ui.parts import STYLE, guard
from widgets.store.answers import save_answer
from widgets.ui.common import PAGE, button, form_refused, notice_html, tick_box

STORY_STYLE = ("background:#fff;border-left:4px solid " + ACCENT + ";padding:10px 12px;"
               "border-radius:6px;max-width:520px")


def _story(text: str) -> w.HTML:
    return w.HTML(f'<div class="uk-g-story" style="{STORY_STYLE}">{escape(text)}</div>')


def _show(feedback: Feedback) -> str:
    return "".join(notice_html(line, kind) for kind, line in feedback.lines)


def _save(exercise: str, answer: dict[str, Any], correct: bool) -> None:
    if PAGE.session is not None:
        save_answer(PAGE.session, exercise, answer, correct)


class MeetingExercise(w.VBox):
    def __init__(self, village: Village | None = None) -> None:
        village = village or load_village()
        self.story = load_group_lesson(village).meeting_story
        self.attempts = 0
        self.picks = {s.key: tick_box(local(s.text)) for s in self.story.statements}
        for key, box in self.picks.items():
            box.add_class(f"uk-g-pick-{key}")
        members = member_names(village, self.story.group)
        self.rows = [ActionRow(members) for _ in range(3)]
        for row in self.rows:
            row.due.value = None
        self.check = button(t("groupview.check"), "primary")
        self.check.add_class("uk-g-meeting-check")
        self.status = w.HTML()
        self.status.add_class("uk-g-meeting-feedback")
        self.check.on_click(lambda _b: self.run())
        super().__init__([
            w.HTML(STYLE), _story(local(self.story.story)),
            w.HTML(f"<b>{escape(t('groupview.ex_pick_decisions'))}</b>"), *self.picks.values(),
            w.HTML(f"<b>{escape(t('groupview.ex_write_actions'))}</b>"), *self.rows,
            self.check, self.status])

    @guard("exercise: meeting")
    def run(self) -> None:
        if form_refused(self):
            self.status.value = notice_html(t("groupview.fix_fields"), "error")
            return
        self.attempts += 1
        chosen = [key for key, box in self.picks.items() if box.value]
        typed = [TypedAction(a.person, " ".join(a.task.split()), a.due)
                 for a in (row.read() for row in self.rows) if a.person or a.task.strip()]
        feedback = check_meeting(self.story, chosen, typed, self.attempts)
        _save(MEETING_EXERCISE, {"decisions": chosen, "actions": [
            [a.person, a.task, a.due.isoformat() if a.due else None] for a in typed]},
            feedback.correct)
        self.status.value = _show(feedback)


class RosterExercise(w.VBox):
    def __init__(self, village: Village | None = None) -> None:
        village = village or load_village()
        self.exercise = load_group_lesson(village).unfair_roster
        roster = starting_roster(self.exercise)
        self.plan = roster.plan
        options = list(self.plan.members)
        self.slots: list[list[w.Dropdown]] = []
        lines = []
        for day in self.plan.days:
            boxes = [w.Dropdown(options=options, value=name,
                                layout=w.Layout(width="auto", flex="1 1 0", min_width="0",
                                                margin="2px 4px 2px 0"))
                     for name in roster.duty[day]]
            for box in boxes:
                box.add_class("uk-g-fix-slot")
                box.add_class("uk-g-tall")
            self.slots.append(boxes)
            lines.append(w.HTML(f"<b>{escape(short_day(day))}</b>"))
            lines.append(w.HBox(boxes, layout=w.Layout(max_width="520px", width="100%")))
        away = "; ".join(f"{name}: {', '.join(format_date(d) for d in days)}"
                         for name, days in self.exercise.away.items())
        self.check = button(t("groupview.check"), "primary")
        self.check.add_class("uk-g-fix-check")
        self.status = w.HTML()
        self.status.add_class("uk-g-fix-feedback")
        self.check.on_click(lambda _b: self.run())
        super().__init__([w.HTML(STYLE), _story(t("groupview.ex_fix_intro", away=away)),
                          *lines, self.check, self.status])

    @guard("exercise: roster")
    def run(self) -> None:
        duty = [[box.value for box in boxes] for boxes in self.slots]
        feedback = check_roster_fix(self.exercise, duty)
        _save(ROSTER_EXERCISE, {"duty": duty}, feedback.correct)
        self.status.value = _show(feedback)


class JealousyExercise(w.VBox):
    def __init__(self, village: Village | None = None) -> None:
        lesson = load_group_lesson(village or load_village())
        self.choices = lesson.jealousy_choices
        self.pick = w.RadioButtons(options=[(local(c.text), c.key) for c in self.choices],
                                   value=None, layout=w.Layout(width="100%", max_width="520px"))
        self.pick.add_class("uk-g-jealousy-pick")
        self.pick.add_class("uk-g-radio")
        self.check = button(t("groupview.check"), "primary")
        self.check.add_class("uk-g-jealousy-check")
        self.status = w.HTML()
        self.status.add_class("uk-g-jealousy-feedback")
        self.check.on_click(lambda _b: self.run())
        super().__init__([w.HTML(STYLE), _story(local(lesson.jealousy_story)), self.pick,
                          self.check, self.status])

    @guard("exercise: jealousy")
    def run(self) -> None:
        feedback = check_jealousy(self.choices, self.pick.value or "")
        if self.pick.value:
            _save(JEALOUSY_EXERCISE, {"choice": self.pick.value}, feedback.correct)
        self.status.value = _show(feedback)

"""The notulen maker: date, place, who came, the last meeting's actions ticked done or not,
decisions, and who does what by when; then the A4 page to sign and the WhatsApp text. Saved per
group for the signed-in participant; the next meeting opens with this one's actions."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.core.i18n import format_date, t
from widgets.core.text import clean_text, refusal
from widgets.core.theme import CARD_BORDER
from widgets.core.village import Village, load_village
from widgets.group import db
from widgets.group.attendance import attendees, match
from widgets.group.data import load_group_lesson, member_names, role_holders
from widgets.group.meeting import (
    Action,
    Meeting,
    MeetingError,
    make_meeting,
    notulen_body,
    notulen_html,
    open_actions,
    whatsapp_text,
)
from widgets.group.printout import preview
from widgets.group.ui.parts import STYLE, a4_download, copy_box, group_field, guard, lines_of, tall
from widgets.ui.common import (
    PAGE,
    Field,
    button,
    form_refused,
    notice_html,
    plain_text,
    section,
    tick_box,
)


class ActionRow(w.VBox):
    """One action: who (a member), what, by when."""

    def __init__(self, members: list[str], action: Action | None = None) -> None:
        self.person = w.Dropdown(options=["", *members],
                                 value=action.person if action and action.person in members
                                 else "", layout=w.Layout(width="100%", max_width="520px"))
        self.person.add_class("uk-g-action-person")
        self.person.add_class("uk-g-tall")
        self.task = plain_text(w.Text(value=action.task if action else "",
                                      placeholder=t("groupview.action_task_hint"),
                                      layout=w.Layout(width="100%", max_width="520px")))
        self.task.add_class("uk-g-action-task")
        self.due = w.DatePicker(value=action.due if action else None,
                                layout=w.Layout(width="100%", max_width="520px"))
        self.due.add_class("uk-g-action-due")
        self.message = w.HTML()
        super().__init__([self.person, self.task, self.message, self.due],
                         layout=w.Layout(border_left=f"4px solid {CARD_BORDER}",
                                         padding="0 0 0 8px", margin="4px 0 8px"))

    def refused(self) -> bool:
        """True, with the message under the task, when the task is over one line's limit or
        the date outside the range a participant may enter."""
        problem = refusal(self.task.value) or refusal(self.due.value)
        self.message.value = notice_html(problem, "error") if problem else ""
        return problem is not None

    def read(self) -> Action:
        return Action(self.person.value or "", clean_text(self.task.value), self.due.value)


class NotulenView(w.VBox):
    def __init__(self, village: Village | None = None, today: dt.date | None = None) -> None:
        self.village = village or load_village()
        self.today = today or dt.date.today()
        self.last: Meeting | None = None  # the meeting shown now
        self.group = group_field(self.village, "uk-g-meeting-group")
        self.day = Field(t("groupview.meeting_day"), w.DatePicker(value=self.today),
                         css="uk-g-meeting-day")
        self.place = Field(t("groupview.meeting_place"), w.Text(), css="uk-g-meeting-place")
        self.chair = tall(Field(t("group.notulen_chair"), w.Dropdown(), css="uk-g-chair"))
        self.secretary = tall(Field(t("group.notulen_secretary"), w.Dropdown(),
                                    css="uk-g-secretary"))
        self.present_box = w.Box(layout=w.Layout(flex_flow="row wrap", max_width="520px"))
        self.present_box.add_class("uk-g-checks")
        self.present = Field(t("groupview.meeting_present"), self.present_box)
        self.present_box.layout.flex_flow = "row wrap"  # Field gave it a fresh layout
        self.extra: list[str] = []  # people on the attendance list but not in the profile
        self.from_list = button(t("groupview.from_attendance"))
        self.from_list.add_class("uk-g-from-attendance")
        self.from_list.on_click(lambda _b: self.take_attendance())
        self.list_note = w.HTML()
        self.list_note.add_class("uk-g-attendance-note")
        self.review_box = w.VBox()
        self.review_box.add_class("uk-g-review")
        self.agenda = Field(t("group.notulen_agenda"), w.Textarea(
            placeholder=t("groupview.agenda_hint")), t("groupview.one_per_line"),
            css="uk-g-agenda")
        self.decisions = Field(t("group.notulen_decisions"), w.Textarea(
            placeholder=t("groupview.decisions_hint")), t("groupview.one_per_line"),
            css="uk-g-decisions")
        self.actions_box = w.VBox()
        self.actions = Field(t("group.notulen_actions"), self.actions_box)
        self.add_action = button(t("groupview.add_action"))
        self.add_action.add_class("uk-g-add-action")
        self.make = button(t("groupview.meeting_make"), "primary")
        self.make.add_class("uk-g-meeting-make")
        self.status = w.HTML()
        self.status.add_class("uk-g-meeting-status")
        self.outputs = w.HTML()
        self.outputs.add_class("uk-g-meeting-outputs")
        self.add_action.on_click(lambda _b: self._add_action(None))
        self.make.on_click(lambda _b: self.make_notulen())
        self.group.control.observe(lambda _c: self.load_group(), "value")
        PAGE.observe(lambda _c: self.load_group(), "session")
        super().__init__([
            w.HTML(STYLE), self.group, self.day, self.place, self.chair, self.secretary,
            self.present, self.from_list, self.list_note, self.review_box, self.agenda,
            self.decisions, self.actions,
            self.add_action, self.make, self.status, self.outputs,
        ], layout=w.Layout(width="100%"))
        self.load_group()

    @property
    def group_key(self) -> str:
        return self.group.control.value

    @property
    def members(self) -> list[str]:
        return member_names(self.village, self.group_key) + self.extra

    @guard("notulen: attendance")
    def take_attendance(self) -> None:
        """Tick who is on the attendance list of the meeting day; add those not in the profile."""
        session, day = PAGE.session, self.day.control.value
        if session is None or not isinstance(day, dt.date):
            self.list_note.value = notice_html(t("groupview.attendance_signin"), "warn")
            return
        present, extra = match(self.members, attendees(session.store, self.group_key, day))
        if not present and not extra:
            self.list_note.value = notice_html(t("groupview.attendance_none",
                                                 date=format_date(day)), "info")
            return
        ticked = {n for n, box in self.checks.items() if box.value} | set(present) | set(extra)
        self.extra += extra
        self._show_members(ticked)
        note = t("groupview.attendance_taken", date=format_date(day), count=len(present)
                 + len(extra))
        if extra:
            note += " " + t("groupview.attendance_added", names=", ".join(extra))
        self.list_note.value = notice_html(note, "ok")

    def _show_members(self, ticked: set[str]) -> None:
        """The tick boxes and every name list, for the members as they are now."""
        members = self.members
        self.checks = {name: tick_box(name) for name in members}
        for name, box in self.checks.items():
            box.value = name in ticked
        self.present_box.children = list(self.checks.values())
        for control in (self.chair.control, self.secretary.control,
                        *(row.person for row in self.rows)):
            value = control.value
            control.options = ["", *members]
            control.value = value if value in members else ""

    @guard("notulen: load")
    def load_group(self) -> None:
        self.extra = []
        members, holders = self.members, role_holders(self.village, self.group_key)
        self.checks = {name: tick_box(name) for name in members}
        self.present_box.children = list(self.checks.values())
        self.list_note.value = ""
        self.chair.control.options = ["", *members]
        self.chair.control.value = holders.get("ketua", "")
        self.secretary.control.options = ["", *members]
        self.secretary.control.value = holders.get("sekretaris", "")
        habits = load_group_lesson(self.village).habits.get(self.group_key)
        self.place.control.value = habits.place if habits else ""
        session = PAGE.session
        previous = db.last_meeting(session, self.group_key) if session else None
        self.reviews = [(action, tick_box(t("groupview.review_done", person=action.person,
                                            task=action.task, date=format_date(action.due))))
                        for action in open_actions(previous.meeting if previous else None)]
        intro = (t("groupview.review_intro", date=format_date(previous.meeting.day))
                 if previous else "")
        self.review_box.children = ([section(t("group.notulen_reviewed")),
                                     w.HTML(notice_html(intro, "info"))]
                                    + [box for _a, box in self.reviews]) if self.reviews else []
        self.rows: list[ActionRow] = []
        # Actions not done yet are copied below with no date: the meeting sets a new one.
        for action, box in self.reviews:
            row = self._add_action(Action(action.person, action.task, None))  # type: ignore[arg-type]
            box.observe(lambda change, r=row: self._carry(r, not change["new"]), "value")
        self._add_action(None)
        self.outputs.value = self.status.value = ""

    def _carry(self, row: ActionRow, carry: bool) -> None:
        row.layout.display = "" if carry else "none"

    def _add_action(self, action: Action | None) -> ActionRow:
        row = ActionRow(self.members, action)
        self.rows.append(row)
        self.actions_box.children = list(self.rows)
        return row

    def _clear(self) -> None:
        for field in (self.day, self.place, self.present, self.decisions, self.agenda,
                      self.actions, self.chair, self.secretary):
            field.clear()

    @guard("notulen: make")
    def make_notulen(self) -> None:
        self._clear()
        if form_refused(self):
            self.status.value = notice_html(t("groupview.fix_fields"), "error")
            return
        reviewed = [Action(a.person, a.task, a.due, box.value) for a, box in self.reviews]
        village = f"Desa {self.village.name}, {self.village.district}, {self.village.regency}"
        try:
            meeting = make_meeting(
                group=self.village.group(self.group_key).name, day=self.day.control.value,
                place=self.place.control.value, members=self.members,
                present=[n for n, box in self.checks.items() if box.value],
                agenda=lines_of(self.agenda.control.value),
                decisions=lines_of(self.decisions.control.value),
                actions=[row.read() for row in self.rows if row.layout.display != "none"],
                reviewed=reviewed, chair=self.chair.control.value,
                secretary=self.secretary.control.value, village=village)
        except MeetingError as exc:
            fields = {"day": self.day, "place": self.place, "present": self.present,
                      "decisions": self.decisions, "agenda": self.agenda,
                      "actions": self.actions, "chair": self.chair,
                      "secretary": self.secretary}
            for key, message in exc.problems.items():
                fields[key].error(message)
            self.status.value = notice_html(t("groupview.fix_fields"), "error")
            return
        self.last = meeting
        self.show(meeting)
        session = PAGE.session
        if session is None:
            self.status.value = notice_html(t("groupview.notulen_made") + " "
                                            + t("groupview.signin_to_save"), "warn")
            return
        db.save_meeting(session, self.group_key, meeting)
        self.status.value = notice_html(t("groupview.notulen_saved", date=format_date(
            meeting.day)), "ok")

    def show(self, meeting: Meeting) -> None:
        self.outputs.value = (
            f"<h4>{escape(t('groupview.notulen_print'))}</h4>"
            + a4_download("uk-g-notulen-download", "notulen", meeting.group, meeting.day,
                          notulen_html(meeting))
            + f"<h4>{escape(t('groupview.notulen_whatsapp'))}</h4>"
            + copy_box(whatsapp_text(meeting), "uk-g-notulen-wa")
            + f"<h4>{escape(t('groupview.notulen_preview'))}</h4>"
            + preview(notulen_body(meeting)))

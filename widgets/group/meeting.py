"""The notulen of a group meeting (*rapat anggota*): who came, what was decided, who does what by
when, and what became of the last meeting's actions. Plain Python, no ipywidgets.

:func:`make_meeting` checks what the participant typed and says, field by field, what to fix.
A meeting becomes an A4 page to sign (:func:`notulen_html`) and a WhatsApp text for the group
chat (:func:`whatsapp_text`). The next meeting opens with this one's actions
(:func:`open_actions`); those not done are carried into the new action list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from babel.dates import format_date as babel_date

from widgets.core.i18n import format_date, language, t
from widgets.core.text import DateOutOfRange, in_range
from widgets.group.printout import a4_page, signatures, table, text

TEXT_MAX = 200
MAX_ITEMS = 30


class MeetingError(ValueError):
    """Notulen that cannot be kept yet. ``problems`` maps a field (``place``, ``decisions``,
    ``actions``...) to its message, so each shows next to its own field."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class Action:
    """Who does what by when; ``done`` is ticked at the next meeting."""

    person: str
    task: str
    due: dt.date
    done: bool = False


@dataclass(frozen=True)
class Meeting:
    group: str
    day: dt.date
    place: str
    members: tuple[str, ...]  # everyone in the group, so the notulen can list who was away
    present: tuple[str, ...]
    agenda: tuple[str, ...]
    decisions: tuple[str, ...]
    actions: tuple[Action, ...]
    reviewed: tuple[Action, ...] = ()  # the last meeting's actions, each ticked done or not
    chair: str = ""
    secretary: str = ""
    village: str = field(default="", compare=False)

    @property
    def absent(self) -> list[str]:
        return [m for m in self.members if m not in self.present]


def _line(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _lines(values: Iterable[object]) -> list[str]:
    return [line for line in (_line(v) for v in values) if line]


def _check_texts(lines: Sequence[str], key: str, problems: dict[str, str]) -> None:
    if len(lines) > MAX_ITEMS or any(len(line) > TEXT_MAX for line in lines):
        problems[key] = t("group.meeting_too_long", limit=TEXT_MAX, items=MAX_ITEMS)


def _check_actions(actions: Sequence[Action], day: dt.date | None, members: Sequence[str],
                   problems: dict[str, str]) -> list[Action]:
    checked = []
    for number, action in enumerate(actions, start=1):
        person, task = _line(action.person), _line(action.task)
        if not person and not task:
            continue  # an empty line left in the form
        if person not in members:
            problems["actions"] = t("group.action_no_person", number=number)
        elif not task:
            problems["actions"] = t("group.action_no_task", number=number, person=person)
        elif len(task) > TEXT_MAX:
            problems["actions"] = t("group.meeting_too_long", limit=TEXT_MAX, items=MAX_ITEMS)
        elif not isinstance(action.due, dt.date):
            problems["actions"] = t("group.action_no_date", number=number, person=person)
        elif not in_range(action.due, dt.date.today()):
            problems["actions"] = str(DateOutOfRange.between(action.due, dt.date.today()))
        elif day is not None and action.due < day:
            problems["actions"] = t("group.action_date_before", number=number, person=person,
                                    date=format_date(day))
        else:
            checked.append(Action(person, task, action.due, bool(action.done)))
    if len(checked) > MAX_ITEMS:
        problems["actions"] = t("group.meeting_too_long", limit=TEXT_MAX, items=MAX_ITEMS)
    return checked


def make_meeting(*, group: str, day: dt.date | None, place: str, members: Sequence[str],
                 present: Iterable[str], agenda: Iterable[str], decisions: Iterable[str],
                 actions: Sequence[Action], reviewed: Sequence[Action] = (), chair: str = "",
                 secretary: str = "", village: str = "") -> Meeting:
    """Checked notulen; ``MeetingError`` with a message for every field that needs fixing."""
    problems: dict[str, str] = {}
    names = tuple(_lines(members))
    came = [m for m in names if m in set(_lines(present))]
    if not isinstance(day, dt.date):
        problems["day"] = t("group.meeting_no_day")
    elif not in_range(day, dt.date.today()):
        problems["day"] = str(DateOutOfRange.between(day, dt.date.today()))
    where = _line(place)
    if not where:
        problems["place"] = t("group.meeting_no_place")
    elif len(where) > TEXT_MAX:
        problems["place"] = t("group.meeting_too_long", limit=TEXT_MAX, items=MAX_ITEMS)
    if not came:
        problems["present"] = t("group.meeting_nobody")
    topics, decided = _lines(agenda), _lines(decisions)
    _check_texts(topics, "agenda", problems)
    if not decided:
        problems["decisions"] = t("group.meeting_no_decision")
    _check_texts(decided, "decisions", problems)
    checked = _check_actions(actions, day if isinstance(day, dt.date) else None, names,
                             problems)
    for role, name in (("chair", chair), ("secretary", secretary)):
        if _line(name) and _line(name) not in names:
            problems[role] = t("group.meeting_role_not_member", name=_line(name))
    if problems:
        raise MeetingError(problems)
    assert isinstance(day, dt.date)
    return Meeting(_line(group), day, where, names, tuple(came), tuple(topics), tuple(decided),
                   tuple(checked), tuple(reviewed), _line(chair), _line(secretary),
                   _line(village))


def open_actions(previous: Meeting | None) -> list[Action]:
    """The actions the next meeting starts by checking: everything the last meeting decided,
    plus what it carried over and still was not done."""
    if previous is None:
        return []
    return [a for a in previous.actions if not a.done]


def carried(reviewed: Sequence[Action]) -> list[Action]:
    """Actions reviewed as not done: they go on to the new meeting's list."""
    return [Action(a.person, a.task, a.due) for a in reviewed if not a.done]


# --- Outputs --------------------------------------------------------------------------------


def _due(action: Action) -> str:
    return format_date(action.due)


def whatsapp_text(meeting: Meeting) -> str:
    """The notulen for the group chat: WhatsApp shows *text* in bold."""
    lines = [f"*{t('group.notulen_title')}*", f"*{meeting.group}*",
             f"{format_date(meeting.day)} · {meeting.place}",
             t("group.wa_present", count=len(meeting.present), total=len(meeting.members),
               names=", ".join(meeting.present))]
    if meeting.reviewed:
        lines += ["", f"*{t('group.notulen_reviewed')}*"]
        lines += [f"{'✅' if a.done else '⏳'} {a.person}: {a.task}" for a in meeting.reviewed]
    lines += ["", f"*{t('group.notulen_decisions')}*"]
    lines += [f"{i}. {d}" for i, d in enumerate(meeting.decisions, start=1)]
    if meeting.actions:
        lines += ["", f"*{t('group.notulen_actions')}*"]
        lines += [f"- {a.person}: {a.task} ({t('group.wa_by', date=_due(a))})"
                  for a in meeting.actions]
    lines += ["", t("group.wa_closing")]
    return "\n".join(lines)


def notulen_body(meeting: Meeting) -> str:
    """The notulen as HTML (no page CSS), everything typed escaped."""
    weekday = babel_date(meeting.day, "EEEE", locale="en_GB" if language() == "en" else "id_ID")
    info = table([], [
        (t("group.notulen_day"), f"{weekday}, {format_date(meeting.day)}"),
        (t("group.notulen_place"), meeting.place),
        (t("group.notulen_chair"), meeting.chair or "-"),
        (t("group.notulen_secretary"), meeting.secretary or "-"),
        (t("group.notulen_count"), t("group.notulen_count_value", count=len(meeting.present),
                                     total=len(meeting.members))),
    ])
    agenda = ("<h2>" + text(t("group.notulen_agenda")) + "</h2><ol>"
              + "".join(f"<li>{text(a)}</li>" for a in meeting.agenda) + "</ol>"
              if meeting.agenda else "")
    reviewed = ""
    if meeting.reviewed:
        reviewed = f"<h2>{text(t('group.notulen_reviewed'))}</h2>" + table(
            [t("group.col_person"), t("group.col_task"), t("group.col_due"),
             t("group.col_status")],
            [(a.person, a.task, _due(a), t("group.status_done" if a.done else "group.status_open"))
             for a in meeting.reviewed])
    decisions = (f"<h2>{text(t('group.notulen_decisions'))}</h2><ol>"
                 + "".join(f"<li>{text(d)}</li>" for d in meeting.decisions) + "</ol>")
    actions = (f"<h2>{text(t('group.notulen_actions'))}</h2>" + table(
        [t("group.col_no"), t("group.col_person"), t("group.col_task"), t("group.col_due")],
        [(str(i), a.person, a.task, _due(a)) for i, a in enumerate(meeting.actions, start=1)],
        ["ukg-no"]) if meeting.actions else "")
    attendance = (f"<h2>{text(t('group.notulen_attendance'))}</h2>" + table(
        [t("group.col_no"), t("group.col_name"), t("group.col_sign")],
        [(str(i), name, "") for i, name in enumerate(meeting.present, start=1)],
        ["ukg-no", "", "ukg-sign"]))
    absent = (f"<p>{text(t('group.notulen_absent', names=', '.join(meeting.absent)))}</p>"
              if meeting.absent else "")
    signers = [(t("group.role_ketua"), meeting.chair),
               (t("group.notulen_secretary"), meeting.secretary)]
    where = ", ".join(x for x in (meeting.place, format_date(meeting.day)) if x)
    return (f"<h1>{text(t('group.notulen_title'))}</h1>"
            f'<p class="ukg-sub"><b>{text(meeting.group)}</b>'
            + (f"<br>{text(meeting.village)}" if meeting.village else "") + "</p>"
            + info + agenda + reviewed + decisions + actions + absent
            + f'<div class="ukg-close">{signatures(signers, where)}</div>'
            + attendance + f'<p class="ukg-foot">{text(t("group.notulen_footer"))}</p>')


def notulen_html(meeting: Meeting) -> str:
    title = f"{t('group.notulen_title')} · {meeting.group} · {format_date(meeting.day)}"
    return a4_page(title, notulen_body(meeting))

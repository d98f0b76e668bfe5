"""Lesson 1 (Komunikasi dan Aturan Kelompok): what the notebook calls. The village's own facts,
the roles, a worked roster example, and the tools: sign-in, notulen, roster, money report, role
cards, partner messages and the three exercises."""

from __future__ import annotations

from html import escape

from IPython.display import HTML, display

from widgets.core.i18n import t
from widgets.core.theme import CARD_BORDER
from widgets.core.village import load_village
from widgets.group.data import load_group_lesson
from widgets.group.roster import make_plan, make_roster
from widgets.group.ui.exercises import JealousyExercise, MeetingExercise, RosterExercise
from widgets.group.ui.meeting import NotulenView
from widgets.group.ui.messages import MessageView
from widgets.group.ui.parts import STYLE
from widgets.group.ui.report import ReportView
from widgets.group.ui.roles import RoleCards, roles_html
from widgets.group.ui.roster import roster_table
from widgets.group.ui.roster_view import RosterView
from widgets.ui.signin import SignInView


def groups_html() -> str:
    """Each group: what the report says (with its source) and how it meets now (invented)."""
    village = load_village()
    lesson = load_group_lesson(village)
    parts = []
    for key, habits in lesson.habits.items():
        facts = "".join(f"<li>{escape(f.text)} <small>({escape(t('groupview.source'))}: "
                        f"{escape(f.source)})</small></li>" for f in habits.facts)
        label = (f" <small class='uk-g-invented'>({escape(t('groupview.invented'))})</small>"
                 if habits.invented else "")
        # A programme report's figures head the facts only where the village has a report.
        facts_heading = t("groupview.from_report" if village.group(key).reported
                          else "groupview.about_group")
        parts.append(
            f"<div style='background:#fff;border:2px solid {CARD_BORDER};border-radius:10px;"
            f"padding:8px 12px;margin:0 0 10px;max-width:640px'>"
            f"<h4 style='margin:4px 0'>{escape(village.group(key).name)}</h4>"
            f"<p style='margin:2px 0'><b>{escape(facts_heading)}</b></p>"
            f"<ul style='padding-left:20px;margin:2px 0'>{facts}</ul>"
            f"<p style='margin:4px 0'><b>{escape(t('groupview.habit_now'))}</b> "
            f"{escape(habits.habit)}{label}</p></div>")
    return "".join(parts)


def show_groups() -> None:
    display(HTML(groups_html()))


def show_roles() -> None:
    display(HTML(roles_html()))


def roster_example_html() -> str:
    """The example fortnight for the goat group, made by the kit with the absences given."""
    village = load_village()
    example = load_group_lesson(village).roster_example
    names = [m.name for m in village.group(example.group).members]
    roster = make_roster(make_plan(names, example.start, example.end, example.per_day,
                                   example.away))
    away = "; ".join(f"{name} ({len(days)} {t('groupview.days')})"
                     for name, days in example.away.items())
    intro = t("groupview.example_intro", group=village.group(example.group).name,
              days=example.days, per_day=example.per_day, away=away)
    return (STYLE + f"<p>{escape(intro)}</p>" + roster_table(roster)
            + f"<small>{escape(t('groupview.invented_example'))}</small>")


def show_roster_example() -> None:
    display(HTML(roster_example_html()))


def signin() -> SignInView:
    return SignInView(page="01-komunikasi-kelompok")


def notulen_app() -> NotulenView:
    return NotulenView()


def roster_app() -> RosterView:
    return RosterView()


def report_app() -> ReportView:
    return ReportView()


def role_cards() -> RoleCards:
    return RoleCards()


def messages_app() -> MessageView:
    return MessageView()


def meeting_exercise() -> MeetingExercise:
    return MeetingExercise()


def roster_exercise() -> RosterExercise:
    return RosterExercise()


def jealousy_exercise() -> JealousyExercise:
    return JealousyExercise()


"""The home page: the lessons with their minutes, as links that work under Voila."""

from __future__ import annotations

from html import escape

from IPython.display import HTML, display

from widgets.core.i18n import t
from widgets.core.theme import ACCENT, CARD_BORDER, HEADING, TEXT_DARK, TEXT_SOFT
from widgets.kit.lessons import load_lessons

_STYLE = f"""
<style>
.uk-lessons {{ display: grid; gap: 12px; margin: 8px 0 16px; }}
.uk-lesson {{ display: block; padding: 14px 16px; border-radius: 12px; background: #fff;
  border: 2px solid {CARD_BORDER}; color: inherit; text-decoration: none; }}
.uk-lesson:hover, .uk-lesson:focus {{ border-color: {ACCENT}; }}
.uk-lesson .uk-num {{ color: {ACCENT}; font-weight: 700; }}
.uk-lesson h3 {{ margin: 2px 0 4px; font-size: 1.15em; color: {HEADING}; }}
.uk-lesson p {{ margin: 0; color: {TEXT_DARK}; }}
.uk-minutes {{ display: inline-block; margin-top: 6px; font-size: .9em; color: {TEXT_SOFT}; }}
</style>
"""


def home_html() -> str:
    cards = []
    for number, lesson in enumerate(load_lessons(), start=1):
        cards.append(
            f'<a class="uk-lesson" href="./{escape(lesson.file)}">'
            f'<span class="uk-num">{escape(t("home.lesson_number", number=number))}</span>'
            f"<h3>{escape(lesson.text('title'))}</h3>"
            f"<p>{escape(lesson.text('summary'))}</p>"
            f'<span class="uk-minutes">{escape(t("home.minutes", minutes=lesson.minutes))}'
            "</span></a>"
        )
    heading = f"<h2>{escape(t('home.lessons_heading'))}</h2>"
    return _STYLE + heading + '<nav class="uk-lessons">' + "".join(cards) + "</nav>"


def show_home() -> None:
    display(HTML(home_html()))

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
.uk-lesson.uk-evaluation {{ border-style: dashed; }}
.uk-trainer-link {{ display: inline-block; margin: 20px 0 4px; color: {TEXT_SOFT};
  font-size: .95em; }}
</style>
"""


# The evaluation pages frame the lessons: the pre-test before the first, the post-test and the
# satisfaction form after the last. They are not numbered lessons.
PRE_TEST, POST_TEST, TRAINER_PAGE = "evaluasi-awal.ipynb", "evaluasi-akhir.ipynb", "pelatih.ipynb"


def _evaluation_card(file: str, key: str) -> str:
    return (f'<a class="uk-lesson uk-evaluation" href="./{escape(file)}">'
            f'<span class="uk-num">{escape(t(f"home.{key}_when"))}</span>'
            f'<h3>{escape(t(f"home.{key}_title"))}</h3>'
            f'<p>{escape(t(f"home.{key}_summary"))}</p></a>')


def home_html() -> str:
    cards = [_evaluation_card(PRE_TEST, "pretest")]
    for number, lesson in enumerate(load_lessons(), start=1):
        cards.append(
            f'<a class="uk-lesson" href="./{escape(lesson.file)}">'
            f'<span class="uk-num">{escape(t("home.lesson_number", number=number))}</span>'
            f"<h3>{escape(lesson.text('title'))}</h3>"
            f"<p>{escape(lesson.text('summary'))}</p>"
            f'<span class="uk-minutes">{escape(t("home.minutes", minutes=lesson.minutes))}'
            "</span></a>"
        )
    cards.append(_evaluation_card(POST_TEST, "posttest"))
    heading = f"<h2>{escape(t('home.lessons_heading'))}</h2>"
    trainer = (f'<a class="uk-trainer-link" href="./{TRAINER_PAGE}">'
               f"{escape(t('home.trainer_link'))}</a>")
    return (_STYLE + heading + '<nav class="uk-lessons">' + "".join(cards) + "</nav>"
            + trainer)


def show_home() -> None:
    display(HTML(home_html()))

"""A village's own paragraph in a lesson page (``widgets.core.stories``): the Markdown from
``datasets/<village>/cerita.yaml`` rendered where the notebook calls :func:`show_story`, or the
trainer's note when this village's file has no such paragraph. A ``## `` heading in a paragraph
starts a lesson step like a notebook's own (the page template reads ``.uk-story h2``)."""

from __future__ import annotations

import mistune
from IPython.display import HTML, display

from widgets.core.notice import left_out_html
from widgets.core.stories import story
from widgets.core.village import load_village

_MARKDOWN = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])


def story_html(lesson: str, key: str) -> str:
    village = load_village()
    text = story(village, lesson, key)
    if text is None:
        return left_out_html("no_data", what=f"{village.files.get('stories', 'cerita.yaml')}: "
                                             f"{lesson}.{key}")
    # The padding lines the paragraph up with the notebook's own Markdown cells.
    return (f'<div class="uk-story jp-RenderedHTMLCommon" style="padding-left:5px">'
            f"{_MARKDOWN(text)}</div>")


def show_story(lesson: str, key: str) -> None:
    """The lesson notebook's call: ``show_story("02-buku-kas", "teks_01")``."""
    display(HTML(story_html(lesson, key)))

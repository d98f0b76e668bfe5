"""The village's own paragraphs for the lessons (``datasets/<village>/cerita.yaml``, named by
``files.stories`` in the profile): the prose that names the village's groups, products, places
and seasons. A lesson notebook holds a Markdown cell that names the paragraph instead of
typing it, ``{{ cerita("02-buku-kas", "teks_01") }}`` (:func:`story_cell`), and the page shows
the village's paragraph there (:func:`story_markdown`, called by the server as it renders the
page: ``widgets.kit.templates``). Another village's file gives another village's lesson.

Plain Python, no ipywidgets. The file maps a lesson (its notebook's name without ``.ipynb``) to
its paragraphs by key; each paragraph is Markdown, as a notebook cell would hold it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from widgets.core.datafile import SLUG, Cells, DataError, need_mapping, read_yaml
from widgets.core.village import Village, per_village

Stories = Mapping[str, Mapping[str, str]]


@per_village
def load_stories(village: Village) -> Stories:
    """Every lesson's paragraphs ({} when the profile names no ``files.stories``)."""
    path = village.file("stories")
    if path is None:
        return {}
    raw = read_yaml(path) or {}
    found: dict[str, dict[str, str]] = {}
    for lesson, texts in need_mapping(path.name, raw, "").items():
        paragraphs = need_mapping(path.name, texts, str(lesson))
        cells = Cells(path.name, None, paragraphs, f"{lesson}.")
        for key in paragraphs:
            if not SLUG.fullmatch(str(key)):
                raise DataError(path.name, "not_slug", column=f"{lesson}.{key}", value=key)
        found[str(lesson)] = {str(key): cells.text(str(key)).strip() for key in paragraphs}
    return found


def story(village: Village, lesson: str, key: str) -> str | None:
    """The Markdown of ``lesson``'s paragraph ``key``, None when the village has none."""
    return load_stories(village).get(lesson, {}).get(key)


# The whole of a story cell's source: {{ cerita("<lesson>", "<key>") }}
STORY_CELL = re.compile(r"""\s*\{\{\s*cerita\(\s*"([\w-]+)"\s*,\s*"([\w-]+)"\s*\)\s*\}\}\s*""")


def story_cell(source: str) -> tuple[str, str] | None:
    """``(lesson, key)`` when a Markdown cell's source names a village paragraph, else None."""
    found = STORY_CELL.fullmatch(source)
    return (found[1], found[2]) if found else None


def story_markdown(village: Village, lesson: str, key: str) -> str:
    """What a story cell shows: the paragraph's Markdown, or the trainer's note (HTML, which
    Markdown passes through) when this village's file has no such paragraph."""
    from widgets.core.notice import left_out_html

    text = story(village, lesson, key)
    if text is None:
        return left_out_html("no_data", what=f"{village.files.get('stories', 'cerita.yaml')}: "
                                             f"{lesson}.{key}")
    return text

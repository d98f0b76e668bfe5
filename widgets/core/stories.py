"""The village's own paragraphs for the lessons (``datasets/<village>/cerita.yaml``, named by
``files.stories`` in the profile): the prose that names the village's groups, products, places
and seasons, which a lesson notebook shows through ``widgets.ui.story.show_story(lesson, key)``
instead of typing it. Another village's file gives another village's lesson.

Plain Python, no ipywidgets. The file maps a lesson (its notebook's name without ``.ipynb``) to
its paragraphs by key; each paragraph is Markdown, as a notebook cell would hold it.
"""

from __future__ import annotations

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

"""The prepared FGD questions a facilitator edits per village:
``datasets/<village>/pertanyaan_fgd.yaml``.

Each question names its lesson, its kind and (for polls, rankings and sign-ups) its options; it
is checked with the board's own rules, so a mistake in the file names the question and the
key. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from widgets.core.datafile import Cells, DataError, need_list, need_mapping, read_yaml
from widgets.core.village import load_village
from widgets.kit.lessons import load_lessons
from widgets.training.fgd import KINDS, WITH_OPTIONS, FgdError, Question, check_question

FILE = "pertanyaan_fgd.yaml"


def _question(number: int, raw: Any, lessons: set[str], seen: set[str]) -> Question:
    cells = Cells(FILE, number, need_mapping(FILE, raw, f"questions[{number}]"), item=True)
    key = cells.slug("key")
    if key in seen:
        raise cells.error("key", "duplicate_key", key)
    seen.add(key)
    lesson = cells.choice("lesson", sorted(lessons))
    kind = cells.choice("kind", KINDS)
    options = ([str(o) for o in need_list(FILE, cells.raw("options"), "options")]
               if kind in WITH_OPTIONS else [])
    try:
        return check_question(kind, cells.text("text"), options,
                              cells.flag("anonymous"), key, lesson)
    except FgdError as exc:
        column = "text" if exc.key.startswith("question") else "options"
        raise cells.error(column, "fgd_rule", str(exc)) from exc


def parse_sets(data: dict[str, Any], lessons: set[str]) -> tuple[Question, ...]:
    seen: set[str] = set()
    raw = need_list(FILE, data.get("questions"), "questions")
    if not raw:
        raise DataError(FILE, "empty_list", column="questions")
    return tuple(_question(n, q, lessons, seen) for n, q in enumerate(raw, start=1))


def lesson_stems() -> set[str]:
    return {lesson.file.removesuffix(".ipynb") for lesson in load_lessons()}


def load_sets(folder: Path | None = None) -> tuple[Question, ...]:
    """The prepared questions of the kit's village (or of ``folder``), in the file's order."""
    return _load(folder or load_village().folder)


@functools.lru_cache(maxsize=4)
def _load(folder: Path) -> tuple[Question, ...]:
    return parse_sets(read_yaml(folder / FILE), lesson_stems())


def by_lesson(questions: tuple[Question, ...]) -> dict[str, list[Question]]:
    found: dict[str, list[Question]] = {}
    for q in questions:
        found.setdefault(q.lesson, []).append(q)
    return found

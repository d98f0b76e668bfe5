"""The lesson list (``lessons/lessons.yaml``): order, minutes, titles. Plain Python."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from widgets.core import yamlfile
from widgets.core.i18n import Local, local

LESSONS_DIR = Path(__file__).resolve().parents[2] / "lessons"


@dataclass(frozen=True)
class Lesson:
    file: str
    minutes: int
    title: Local
    summary: Local

    def text(self, field: str, lang: str | None = None) -> str:
        return local(getattr(self, field), lang)


def load_lessons(folder: Path = LESSONS_DIR) -> list[Lesson]:
    """Lessons in teaching order; only those whose notebook exists."""
    raw = yamlfile.safe_load((folder / "lessons.yaml").read_text(encoding="utf-8")) or []
    lessons = [
        Lesson(item["file"], int(item["minutes"]), item["title"], item["summary"]) for item in raw
    ]
    return [lesson for lesson in lessons if (folder / lesson.file).exists()]

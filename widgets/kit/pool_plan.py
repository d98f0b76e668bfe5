"""The trainer's side of the preheated pool: which pages the class can be sent to, and the plan
in the kit's SQLite file (the page asked for, and the page the server has a filled pool for).

The trainer page writes the wanted page (:func:`request`); the server's
``widgets.kit.pool.PoolMover`` reads it, moves the pool and writes back what is ready
(:func:`mark_ready`). The store is the only channel between the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.kit.lessons import LESSONS_DIR, load_lessons
from widgets.store import Store

# Pages a whole class opens at once besides the lessons (lessons.yaml lists the lessons).
CLASS_PAGES = ("evaluasi-awal.ipynb", "evaluasi-akhir.ipynb", "diskusi.ipynb")


def poolable_pages() -> list[str]:
    """The pages a trainer can send the whole class to, in teaching order."""
    files = [lesson.file for lesson in load_lessons()]
    return files + [page for page in CLASS_PAGES if (LESSONS_DIR / page).exists()]


@dataclass(frozen=True)
class Plan:
    lesson: str  # the page the trainer asked for
    requested_at: str
    ready_lesson: str  # the page the server has a filled pool for ('' while moving)
    ready_size: int
    ready_at: str | None

    @property
    def ready(self) -> bool:
        return self.ready_lesson == self.lesson


def request(store: Store, lesson: str) -> None:
    """The trainer asks for the pool on ``lesson`` (a page listed by :func:`poolable_pages`)."""
    if lesson not in poolable_pages():
        raise ValueError(f"not a class page: {lesson!r}")
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO kernel_pool (id, lesson, requested_at) VALUES (1, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET lesson = excluded.lesson, "
            "requested_at = excluded.requested_at", (lesson, store.now()))


def plan(store: Store) -> Plan | None:
    rows = store.read("SELECT lesson, requested_at, ready_lesson, ready_size, ready_at "
                      "FROM kernel_pool WHERE id = 1")
    return Plan(*rows[0]) if rows else None


def mark_ready(store: Store, lesson: str, size: int) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE kernel_pool SET ready_lesson = ?, ready_size = ?, ready_at = ? "
                     "WHERE id = 1", (lesson, size, store.now()))

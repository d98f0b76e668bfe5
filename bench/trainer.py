"""The trainer's side of a benchmark: the kit's SQLite file written as the trainer page writes
it (the pool moved with "Siapkan", an FGD question opened)."""

from __future__ import annotations

import time
from pathlib import Path

DB_NAME = "usaha_kita.sqlite3"


class Trainer:
    """The trainer's side: the kit's store, written as the trainer page writes it."""

    def __init__(self, data: Path) -> None:
        self.path = data / DB_NAME

    def move_pool(self, lesson: str, timeout: float = 600) -> float:
        from widgets.kit import pool
        from widgets.store import Store

        began = time.monotonic()
        with Store(self.path) as store:
            pool.request(store, lesson)
            while time.monotonic() - began < timeout:
                plan = pool.plan(store)
                if plan is not None and plan.ready:
                    return time.monotonic() - began
                time.sleep(1.0)
        raise TimeoutError(f"the pool did not move to {lesson} in {timeout:.0f} s")

    def open_question(self) -> int:
        from widgets.store import Store
        from widgets.training import fgd_db
        from widgets.training.fgd import Question

        with Store(self.path) as store:
            qid = fgd_db.add_question(store, Question(
                "poll", "Siapa yang memegang uang kelompok?", ("Ketua", "Bendahara", "Bergiliran")))
            fgd_db.set_state(store, qid, "open")
        return qid

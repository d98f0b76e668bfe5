"""The programme office's export: every class's attendance, pre/post tests and agreed rules,
across villages, in one Excel workbook.

The classes come from a shared PostgreSQL database (every class schema in it) and/or from
SQLite files (a laptop's ``usaha_kita.sqlite3``, or copies gathered from USB sticks). Each
class's figures are the ones its trainer's dashboard and activity report show (the same
``training.overview``); ``training.aggregate_book`` writes them. Plain Python, no ipywidgets.

    python -m widgets.training.aggregate                      # USAHA_KITA_DATABASE, or this laptop
    python -m widgets.training.aggregate --database postgresql://kit@server/usaha_kita
    python -m widgets.training.aggregate kelas-a.sqlite3 kelas-b.sqlite3 --out rekap.xlsx
    make aggregate ARGS="--out rekap.xlsx"
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from widgets.core import settings
from widgets.core.village import load_village
from widgets.store import Store, default_db_path
from widgets.training.attendance import AttendanceDay
from widgets.training.evaluation import ClassResult
from widgets.training.items import EvaluationForm, load_form
from widgets.training.overview import overview


@dataclass(frozen=True)
class ClassFigures:
    """One class's figures, labelled with its class key and village."""

    class_key: str
    village: str  # the village's name as its profile writes it (or its key)
    participants: int
    attendance: tuple[AttendanceDay, ...]
    tests: ClassResult
    rules: tuple[tuple[str, str, str, str, str], ...]  # (participant, group, method, note, at)
    fgd: tuple[tuple[str, str, str, str], ...]  # (lesson, question, result, agreed)

    @property
    def present(self) -> int:
        """Person-days: each name once per training day."""
        return sum(len(day.rows) for day in self.attendance)

    @property
    def women(self) -> int:
        return sum(day.women for day in self.attendance)


def _village_name(key: str) -> str:
    try:
        return load_village(key).name
    except Exception:  # noqa: BLE001 (a village this kit has no profile for: keep its key)
        return key


def _label(store: Store) -> tuple[str, str]:
    """(class key, village key) the store was labelled with when its class first opened."""
    rows = store.read("SELECT class_key, village FROM class_info")
    if rows:
        return rows[0][0], rows[0][1]
    return store.class_key, settings.village()


def class_figures(store: Store, form: EvaluationForm) -> ClassFigures:
    key, village = _label(store)
    ov = overview(store, form)
    return ClassFigures(key, _village_name(village), len(ov.participants),
                        tuple(ov.attendance), ov.tests, tuple(ov.rules), tuple(ov.fgd))


def open_classes(database: str, files: Sequence[Path]) -> Iterator[Store]:
    """Every class of the database at ``database`` (a PostgreSQL URL; "" for none), then the
    SQLite files, each opened in turn (and closed by the caller's ``closing``)."""
    if database:
        from widgets.store import postgres

        for key in postgres.class_keys(database):
            yield Store(database, class_key=key, label=False)
    for path in files:
        if not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no such file")
        yield Store(Path(path), label=False)


def gather(database: str, files: Sequence[Path],
           form: EvaluationForm | None = None) -> list[ClassFigures]:
    """The figures of every class found, by village and class key."""
    form = form or load_form()
    figures = []
    for store in open_classes(database, files):
        with closing(store):
            figures.append(class_figures(store, form))
    return sorted(figures, key=lambda f: (f.village, f.class_key))


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m widgets.training.aggregate",
        description="Every class's attendance, pre/post tests and agreed rules in one Excel "
                    "workbook (for a programme office).")
    parser.add_argument("files", nargs="*", type=Path,
                        help="SQLite files of classes (laptops, USB sticks)")
    parser.add_argument("--database", default=None,
                        help="a postgresql:// URL (default: USAHA_KITA_DATABASE)")
    parser.add_argument("--out", type=Path, default=None,
                        help="the workbook to write (default: <data>/rekap-kelas-<date>.xlsx)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from widgets.training.aggregate_book import workbook

    args = _arguments(argv)
    database = settings.database_url() if args.database is None else args.database
    files = list(args.files)
    if not database and not files:
        files = [default_db_path()]  # this laptop's class
    figures = gather(database, files)
    out = args.out or settings.data_dir() / f"rekap-kelas-{dt.date.today():%Y%m%d}.xlsx"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(workbook(figures, dt.date.today()))
    print(f"{out}: {len(figures)} class(es)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

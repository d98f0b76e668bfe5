"""The programme office's workbook (``training.aggregate``): a summary row per class with the
figures an office asks for, then attendance, test scores, sharing rules and FGD agreements,
every row labelled with its class and village, so a filter or a pivot table can cut it.

Percentages are number cells rounded to one decimal; text participants typed is always written
as text (``=HYPERLINK(…)`` must not become a formula). Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from fractions import Fraction

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from widgets.core.i18n import format_date, t
from widgets.training.aggregate import ClassFigures
from widgets.training.evaluation import ClassResult, ParticipantScore, hake_gain

_BOLD = Font(bold=True)
Cell = str | int | float | dt.date | None


def _number(value: Fraction | None, places: int = 1) -> float | None:
    return None if value is None else round(float(value), places)


def _put(ws: Worksheet, row: int, values: Sequence[Cell], bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula
        if isinstance(value, dt.date):
            cell.number_format = "DD/MM/YYYY"
        if bold:
            cell.font = _BOLD


def _sheet(book: Workbook, title: str, head: Sequence[str], rows: Iterable[Sequence[Cell]],
           widths: Sequence[int]) -> Worksheet:
    ws = book.create_sheet(title[:31])
    _put(ws, 1, head, bold=True)
    for number, row in enumerate(rows, start=2):
        _put(ws, number, row)
    ws.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    return ws


def _mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


def _summary_row(label: str, village: str, f: Iterable[ClassFigures]) -> list[Cell]:
    classes = list(f)
    scores = [s for c in classes for s in c.tests.scores]
    pooled = ClassResult(tuple(scores), (), ())
    return [label, village, sum(c.participants for c in classes),
            sum(len(c.attendance) for c in classes), sum(c.present for c in classes),
            sum(c.women for c in classes), len(pooled.pre_scores), len(pooled.post_scores),
            _number(pooled.mean_pre), _number(pooled.mean_post), _number(pooled.gain, 2),
            sum(len(c.rules) for c in classes)]


def _summary(book: Workbook, figures: list[ClassFigures], today: dt.date) -> None:
    head = [t(f"aggregate.{k}") for k in ("class", "village", "participants", "days", "present",
                                           "women", "pre_n", "post_n", "mean_pre", "mean_post",
                                           "gain", "rules")]
    rows = [_summary_row(f.class_key, f.village, [f]) for f in figures]
    ws = _sheet(book, t("aggregate.sheet_summary"), head, rows, [16, 16] + [12] * 10)
    ws.insert_rows(1, 2)
    _put(ws, 1, [t("aggregate.title", classes=len(figures), date=format_date(today))], True)
    ws.freeze_panes = "A4"
    _put(ws, len(figures) + 4, _summary_row(t("aggregate.total"), "", figures), bold=True)


def _attendance_rows(figures: list[ClassFigures]) -> Iterable[list[Cell]]:
    for f in figures:
        for day in f.attendance:
            for r in day.rows:
                yield [f.class_key, f.village, day.day, r.name, r.group, r.gender,
                       ", ".join(r.sessions), t("aggregate.added_yes") if r.added else ""]


def _score_row(f: ClassFigures, s: ParticipantScore) -> list[Cell]:
    gain = hake_gain(s.pre, s.post) if s.pre is not None and s.post is not None else None
    return [f.class_key, f.village, s.name, _number(s.pre), _number(s.post), _number(gain, 2)]


def workbook(figures: list[ClassFigures], today: dt.date) -> bytes:
    """The workbook's bytes (``.xlsx``)."""
    book = Workbook()
    book.remove(book.active)
    _summary(book, figures, today)
    label = [t("aggregate.class"), t("aggregate.village")]
    _sheet(book, t("aggregate.sheet_attendance"),
           label + [t(f"aggregate.{k}") for k in ("day", "name", "group", "gender", "sessions",
                                                   "added")],
           _attendance_rows(figures), [16, 16, 12, 24, 14, 6, 40, 10])
    _sheet(book, t("aggregate.sheet_tests"),
           label + [t(f"aggregate.{k}") for k in ("name", "pre", "post", "gain")],
           (_score_row(f, s) for f in figures for s in f.tests.scores), [16, 16, 24, 12, 12, 12])
    _sheet(book, t("aggregate.sheet_rules"),
           label + [t(f"aggregate.{k}") for k in ("name", "group", "method", "note", "saved_at")],
           ([f.class_key, f.village, *rule] for f in figures for rule in f.rules),
           [16, 16, 24, 24, 16, 40, 20])
    _sheet(book, t("aggregate.sheet_fgd"),
           label + [t(f"aggregate.{k}") for k in ("lesson", "question", "result", "agreed")],
           ([f.class_key, f.village, *row] for f in figures for row in f.fgd),
           [16, 16, 20, 40, 40, 40])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

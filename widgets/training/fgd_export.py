"""The FGD results as an Excel file (openpyxl): a summary sheet (one row per question, with its
result in one line and what was agreed), every answer (names left out where the question is
anonymous) and the idea cards with their groups and scores. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from widgets.core.i18n import t
from widgets.store import Store
from widgets.training import fgd_db, fgd_ideas
from widgets.training.fgd import decimal_text
from widgets.training.fgd_render import result_text
from widgets.training.overview import page_title

SUMMARY = ("No", "Pelajaran", "Pertanyaan", "Jenis", "Keadaan", "Jawaban", "Hasil",
           "Disepakati")
ANSWERS = ("No", "Pertanyaan", "Nama", "Jawaban", "Waktu (UTC)")
CARDS = ("No", "Pertanyaan", "Kelompok ide", "Ide", "Sama dengan", "Putaran", "Nilai rata-rata",
         "Penilai")


def answer_text(q: fgd_db.BoardQuestion, value: object) -> str:
    options = q.question.options
    if q.question.kind in ("poll", "volunteer") and isinstance(value, int):
        return options[value]
    if q.question.kind == "ranking" and isinstance(value, list):
        return " > ".join(options[i] for i in value)
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    return str(value)


def _sheet(book: Workbook, title: str, headers: tuple[str, ...], rows: list[list], widths):
    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column, width in zip("ABCDEFGH", widths, strict=False):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def workbook_bytes(store: Store) -> bytes:
    summary, answers, cards = [], [], []
    for q in fgd_db.questions(store):
        board = fgd_db.read_board(store, q.id)
        summary.append([q.id, page_title(q.question.lesson) if q.question.lesson else "–",
                        q.question.text, t(f"fgd.kind_{q.question.kind}"),
                        t(f"fgd.state_{q.state}"), len(board.answers), result_text(board),
                        q.outcome])
        for a in board.answers:
            answers.append([q.id, q.question.text, a.name or "(tanpa nama)",
                            answer_text(q, a.value), a.at])
        for idea in fgd_ideas.ideas(board.cards, board.scores, q.round):
            for card in (idea.card, *idea.merged):
                cards.append([q.id, q.question.text, idea.card.group, card.text,
                              "" if card is idea.card else idea.card.text, q.round,
                              decimal_text(idea.mean) if idea.mean is not None else "",
                              idea.scores])
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Ringkasan", SUMMARY, summary, (5, 18, 50, 20, 14, 10, 60, 40))
    _sheet(book, "Jawaban", ANSWERS, answers, (5, 50, 24, 50, 22))
    _sheet(book, "Kartu ide", CARDS, cards, (5, 40, 20, 50, 40, 9, 14, 9))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


"""The cash book lesson's village data: each group's cash book (the CSV the profile names for the
group, e.g. ``konveksi_kas_2019.csv``) and lesson 1's exercise week (``latihan_minggu.yaml``).

Plain Python, no ipywidgets. Checked once on load with the readers of
:mod:`widgets.core.datafile`: a bad value raises ``DataError`` naming the file, the row, the column
and the value. Row numbers count the way a spreadsheet shows them: the header is row 1, so the
first data row is row 2. In ``latihan_minggu.yaml`` transactions count from 1. Entry ids count
data rows from 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from widgets.cashbook import ledger
from widgets.core import i18n
from widgets.core.datafile import Cells, DataError, need_list, need_mapping, read_csv, read_yaml
from widgets.core.village import Group, Village, per_village

CASHBOOK_COLUMNS = ("tanggal", "keterangan", "arah", "kategori", "jumlah", "dompet")


@dataclass(frozen=True)
class ExerciseWeek:
    """Lesson 1's week: the story and the entries a participant should write down."""

    group: str
    cashier: str
    title: Mapping[str, str]
    story: Mapping[str, str]
    opening_date: dt.date
    opening_balance: int
    entries: tuple[ledger.Entry, ...]
    hints: tuple[str, ...]

    def story_text(self, lang: str | None = None) -> str:
        return self.story.get(lang or i18n.language()) or self.story[i18n.DEFAULT_LANGUAGE]

    def title_text(self, lang: str | None = None) -> str:
        return self.title.get(lang or i18n.language()) or self.title[i18n.DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class CashbookData:
    """The village's cash books by group, and the exercise week (None when the village has
    none)."""

    village: Village
    books: Mapping[str, tuple[ledger.Entry, ...]]
    exercise: ExerciseWeek | None

    def book(self, group: str) -> list[ledger.Entry]:
        """The group's cash book in file order (empty when the group keeps none)."""
        self.village.group(group)
        return list(self.books.get(group, ()))

    def exercise_week(self) -> ExerciseWeek:
        if self.exercise is None:
            raise LookupError(f"village {self.village.key!r} has no exercise week")
        return self.exercise


@per_village
def load_cashbook(village: Village) -> CashbookData:
    """The cash book data of ``village`` (default: the kit's village), read once per village."""
    books = {
        g.key: _cashbook(village.folder / g.cashbook_file, g)
        for g in village.groups.values()
        if g.cashbook_file
    }
    path = village.file("exercise")
    return CashbookData(village, books, _exercise(path, village.groups) if path else None)


def clear_cache() -> None:
    load_cashbook.cache_clear()


def _entry(cells: Cells, entry_id: int) -> ledger.Entry:
    day = cells.date("tanggal")
    description = cells.text("keterangan")
    if len(description) > ledger.MAX_DESCRIPTION:
        raise cells.error("keterangan", "too_long", len(description),
                          maximum=ledger.MAX_DESCRIPTION)
    direction = cells.choice("arah", ledger.DIRECTIONS)
    category = cells.choice("kategori", ledger.CATEGORY_BY_KEY)
    expected = ledger.CATEGORY_BY_KEY[category].direction
    if expected != direction:
        raise cells.error("kategori", "category_direction", category, expected=expected,
                          direction=direction)
    amount = cells.amount("jumlah")
    purse = cells.choice("dompet", ledger.PURSES)
    return ledger.Entry(day, description, direction, category, amount, purse, id=entry_id)


def _check_book(file: str, opening_date: dt.date, opening_balance: int,
                rows: list[tuple[int, ledger.Entry]], item: bool = False) -> None:
    """Dates in order from the opening date; the business purse never below zero."""
    balance, last = opening_balance, opening_date
    for row, entry in rows:
        if entry.day < last:
            raise DataError(file, "date_order", row=row, column="tanggal", item=item,
                            value=entry.day.isoformat(), previous=last.isoformat())
        last = entry.day
        if entry.purse == "usaha":
            balance += entry.signed
            if balance < 0:
                raise DataError(file, "balance_negative", row=row, column="jumlah", item=item,
                                value=_rupiah(entry.amount), balance=_rupiah(balance))


def _rupiah(amount: int) -> str:
    """Rp1.500.000, -Rp20.000: for messages only (widgets.core.money formats for the screen)."""
    return ("-" if amount < 0 else "") + f"Rp{abs(amount):,}".replace(",", ".")


def _cashbook(path: Path, group: Group) -> tuple[ledger.Entry, ...]:
    rows = [
        (row, _entry(Cells(path.name, row, cells), n))
        for n, (row, cells) in enumerate(read_csv(path, CASHBOOK_COLUMNS), start=1)
    ]
    assert group.opening_date is not None
    _check_book(path.name, group.opening_date, group.opening_balance, rows)
    return tuple(entry for _, entry in rows)


def _exercise(path: Path, groups: Mapping[str, Group]) -> ExerciseWeek:
    data = read_yaml(path)
    top = Cells(path.name, None, data)
    group = top.choice("group", groups)
    cashier = top.choice("cashier", [m.id for m in groups[group].members], "unknown_member")
    texts = {}
    for key in ("title", "story"):
        mapping = need_mapping(path.name, top.raw(key), key)
        texts[key] = {str(lang): " ".join(str(text).split()) for lang, text in mapping.items()}
        Cells(path.name, None, mapping, key + ".").text(i18n.DEFAULT_LANGUAGE)
    opening_date = top.date("opening_date")
    opening_balance = top.amount("opening_balance", minimum=0)
    rows, hints = [], []
    for n, item in enumerate(need_list(path.name, data.get("transactions"), "transactions"), 1):
        cells = Cells(path.name, n, need_mapping(path.name, item, f"transactions[{n}]"), item=True)
        rows.append((n, _entry(cells, n)))
        hints.append(cells.text("petunjuk", default=""))
    _check_book(path.name, opening_date, opening_balance, rows, item=True)
    return ExerciseWeek(group, cashier, texts["title"], texts["story"], opening_date,
                        opening_balance, tuple(e for _, e in rows), tuple(hints))

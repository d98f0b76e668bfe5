"""The cash book's village data; larger than 300 lines because four files are checked by cell:
each group's cash book (the CSV the profile names for the group, e.g. ``konveksi_kas_2019.csv``),
lesson 1's exercise week (``latihan_minggu.yaml``), and the credit book's worked example
(``konveksi_utang_piutang.yaml``) and exercise week (``latihan_utang_piutang.yaml``).

Plain Python, no ipywidgets. Checked once on load with the readers of
:mod:`widgets.core.datafile`: a bad value raises ``DataError`` naming the file, the row (or item),
the column and the value. Row numbers count the way a spreadsheet shows them: the header is row 1,
so the first data row is row 2; in the YAML files items count from 1. Entry ids count data rows
from 1. Every credit debt and payment goes through the same checks as a participant's
(``cashbook.credit``), and every example payment must be in the group's cash book on the same day
with the same amount, so the two example books always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.cashbook import ledger
from widgets.cashbook.credit import (
    CASH_DIRECTION,
    KINDS,
    CreditError,
    Debt,
    Payment,
    make_debt,
    make_payment,
)
from widgets.core import i18n
from widgets.core.datafile import Cells, DataError, need_list, need_mapping, read_csv, read_yaml
from widgets.core.numbers import format_count
from widgets.core.village import Group, Village, load_village, per_village

CASHBOOK_COLUMNS = ("tanggal", "keterangan", "arah", "kategori", "jumlah", "dompet")
EXAMPLE_FILE = "konveksi_utang_piutang.yaml"  # when the profile names none under files.credit
EXERCISE_FILE = "latihan_utang_piutang.yaml"


@dataclass(frozen=True)
class Told:
    """An exercise week told as a story: its title and story in each language."""

    title: i18n.Local
    story: i18n.Local

    def title_text(self, lang: str | None = None) -> str:
        return i18n.local(self.title, lang)

    def story_text(self, lang: str | None = None) -> str:
        return i18n.local(self.story, lang)


@dataclass(frozen=True)
class ExerciseWeek(Told):
    """Lesson 1's week: the story and the entries a participant should write down."""

    group: str
    cashier: str
    opening_date: dt.date
    opening_balance: int
    entries: tuple[ledger.Entry, ...]
    hints: tuple[str, ...]


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
    return ("-" if amount < 0 else "") + "Rp" + format_count(abs(amount))


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
    title, story = top.texts("title"), top.texts("story")
    opening_date = top.date("opening_date")
    opening_balance = top.amount("opening_balance", minimum=0)
    rows, hints = [], []
    for n, item in enumerate(need_list(path.name, data.get("transactions"), "transactions"), 1):
        cells = Cells(path.name, n, need_mapping(path.name, item, f"transactions[{n}]"), item=True)
        rows.append((n, _entry(cells, n)))
        hints.append(cells.text("petunjuk", default=""))
    _check_book(path.name, opening_date, opening_balance, rows, item=True)
    return ExerciseWeek(title, story, group, cashier, opening_date,
                        opening_balance, tuple(e for _, e in rows), tuple(hints))


# --- The credit book ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditExample:
    """The group's example credit book, looked at on ``as_of``."""

    group: str
    as_of: dt.date
    label: i18n.Local
    debts: tuple[Debt, ...]
    payments: tuple[Payment, ...]  # entry_id: the matching cash-book line's id
    opening_cash: int  # the group's business cash on ``as_of``, from its cash book

    def label_text(self, lang: str | None = None) -> str:
        return i18n.local(self.label, lang)

    def payments_until(self, day: dt.date) -> tuple[Payment, ...]:
        return tuple(p for p in self.payments if p.day <= day)


@dataclass(frozen=True)
class CreditWeek(Told):
    """The exercise week: the story, and the debts, payments and cash moves it tells of."""

    opening_cash: int
    debts: tuple[Debt, ...]
    payments: tuple[Payment, ...]
    cash: tuple[ledger.Entry, ...]  # money in and out that is not a debt or a payment
    hints: tuple[str, ...]

    @property
    def last_day(self) -> dt.date:
        days = [d.day for d in self.debts] + [p.day for p in self.payments]
        return max(days + [e.day for e in self.cash])


class _Book:
    """Debts and payments read item by item, each checked by the credit core."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.debts: dict[str, Debt] = {}
        self.payments: list[Payment] = []

    def _fail(self, cells: Cells, error: CreditError, columns: Mapping[str, str]) -> DataError:
        field, message = next(iter(error.errors.items()))
        return cells.error(columns.get(field, "jumlah"), "credit_invalid", message=message)

    def debt(self, cells: Cells, kind_column: str = "jenis") -> None:
        code = cells.slug("kode")
        if code in self.debts:
            raise cells.error("kode", "duplicate_code", code)
        kind = cells.choice(kind_column, KINDS)
        day = cells.date("tanggal")
        try:
            debt = make_debt(kind, cells.text("siapa"), cells.text("untuk"),
                             cells.amount("jumlah"), day, cells.date("jatuh_tempo"),
                             cells.text("kategori", default="") or None, today=day,
                             id=len(self.debts) + 1)
        except CreditError as exc:
            raise self._fail(cells, exc, {"who": "siapa", "what": "untuk",
                                          "due": "jatuh_tempo", "category": "kategori"}) from None
        self.debts[code] = debt

    def payment(self, cells: Cells, entry_id: int | None = None) -> Payment:
        debt = self.debts[cells.choice("bon", self.debts)]
        day = cells.date("tanggal")
        try:
            payment = make_payment(debt, self.payments, day, cells.amount("jumlah"), today=day,
                                   id=len(self.payments) + 1, entry_id=entry_id)
        except CreditError as exc:
            raise self._fail(cells, exc, {"day": "tanggal"}) from None
        self.payments.append(payment)
        return payment


def _items(file: str, data: Mapping[str, Any], key: str) -> list[Cells]:
    return [Cells(file, n, need_mapping(file, item, f"{key}[{n}]"), item=True)
            for n, item in enumerate(need_list(file, data.get(key), key), start=1)]


def load_credit_example(village: Village | None = None) -> CreditExample:
    """The worked example of ``village`` (default: the kit's village), checked."""
    village = village or load_village()
    file = village.files.get("credit", EXAMPLE_FILE)
    data = read_yaml(village.folder / file)
    top = Cells(file, None, data)
    group = top.choice("group", village.groups)
    as_of = top.date("lihat_tanggal")
    book = _Book(file)
    for cells in _items(file, data, "bon"):
        book.debt(cells)
    cashbook = load_cashbook(village).book(group)
    used: set[int | None] = set()
    for cells in _items(file, data, "bayar"):
        payment = book.payment(cells)
        debt = next(d for d in book.debts.values() if d.id == payment.debt_id)
        twin = _twin(cashbook, debt, payment, used)
        if twin is None:
            raise cells.error("jumlah", "payment_not_in_cashbook", payment.amount,
                              day=payment.day.isoformat())
        used.add(twin)
        book.payments[-1] = Payment(payment.debt_id, payment.day, payment.amount, twin,
                                    payment.id)
    info = village.group(group)
    cash = info.opening_balance + sum(e.signed for e in cashbook
                                      if e.purse == "usaha" and e.day <= as_of)
    return CreditExample(group, as_of, top.texts("label"),
                         tuple(book.debts.values()), tuple(book.payments), cash)


def _twin(cashbook: list[ledger.Entry], debt: Debt, payment: Payment, used: set[int | None]
          ) -> int | None:
    """The id of the cash-book line this payment is, if the cash book has it."""
    for entry in cashbook:
        if (entry.id not in used and entry.day == payment.day and entry.amount == payment.amount
                and entry.direction == CASH_DIRECTION[debt.kind] and entry.purse == "usaha"):
            return entry.id
    return None


def load_credit_exercise(village: Village | None = None) -> CreditWeek:
    """The exercise week of ``village`` (default: the kit's village), checked."""
    village = village or load_village()
    data = read_yaml(village.folder / EXERCISE_FILE)
    top = Cells(EXERCISE_FILE, None, data)
    top.choice("group", village.groups)
    book = _Book(EXERCISE_FILE)
    cash: list[ledger.Entry] = []
    hints: list[str] = []
    for cells in _items(EXERCISE_FILE, data, "kejadian"):
        event = cells.choice("jenis", ("bon", "bayar", "tunai"))
        if event == "bon":
            book.debt(cells, kind_column="arah")
        elif event == "bayar":
            book.payment(cells)
        else:
            cash.append(_cash(cells, len(cash) + 1))
        hints.append(cells.text("petunjuk", default=""))
    return CreditWeek(top.texts("title"), top.texts("story"),
                      top.amount("kas_awal", minimum=0), tuple(book.debts.values()),
                      tuple(book.payments), tuple(cash), tuple(hints))


def _cash(cells: Cells, entry_id: int) -> ledger.Entry:
    direction = cells.choice("arah", ledger.DIRECTIONS)
    category = cells.choice("kategori", [c.key for c in ledger.CATEGORIES
                                         if c.direction == direction])
    return ledger.Entry(cells.date("tanggal"), cells.text("keterangan"), direction, category,
                        cells.amount("jumlah"), "usaha", entry_id)

"""The credit book's village data: the worked example (``konveksi_utang_piutang.yaml``) and the
exercise week (``latihan_utang_piutang.yaml``), both in the village folder.

Plain Python, no ipywidgets. Every debt and payment goes through the same checks as a
participant's (``cashbook.credit``), and every example payment must be in the group's cash book
on the same day with the same amount, so the two example books always agree. A bad value raises
a ``DataError`` naming the file, the item and the key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
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
from widgets.core.datafile import Cells, DataError, need_list, need_mapping, read_yaml
from widgets.core.village import Village, load_village

EXAMPLE_FILE = "konveksi_utang_piutang.yaml"
EXERCISE_FILE = "latihan_utang_piutang.yaml"


def _text(texts: Mapping[str, str], lang: str | None) -> str:
    return texts.get(lang or i18n.language()) or texts[i18n.DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class CreditExample:
    """The group's example credit book, looked at on ``as_of``."""

    group: str
    as_of: dt.date
    label: Mapping[str, str]
    debts: tuple[Debt, ...]
    payments: tuple[Payment, ...]  # entry_id: the matching cash-book line's id
    opening_cash: int  # the group's business cash on ``as_of``, from its cash book

    def label_text(self, lang: str | None = None) -> str:
        return _text(self.label, lang)

    def payments_until(self, day: dt.date) -> tuple[Payment, ...]:
        return tuple(p for p in self.payments if p.day <= day)


@dataclass(frozen=True)
class CreditWeek:
    """The exercise week: the story, and the debts, payments and cash moves it tells of."""

    title: Mapping[str, str]
    story: Mapping[str, str]
    opening_cash: int
    debts: tuple[Debt, ...]
    payments: tuple[Payment, ...]
    cash: tuple[ledger.Entry, ...]  # money in and out that is not a debt or a payment
    hints: tuple[str, ...]

    @property
    def last_day(self) -> dt.date:
        days = [d.day for d in self.debts] + [p.day for p in self.payments]
        return max(days + [e.day for e in self.cash])

    def title_text(self, lang: str | None = None) -> str:
        return _text(self.title, lang)

    def story_text(self, lang: str | None = None) -> str:
        return _text(self.story, lang)


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


def _texts(file: str, top: Cells, key: str) -> dict[str, str]:
    mapping = need_mapping(file, top.raw(key), key)
    Cells(file, None, mapping, key + ".").text(i18n.DEFAULT_LANGUAGE)
    return {str(lang): " ".join(str(text).split()) for lang, text in mapping.items()}


def load_credit_example(village: Village | None = None) -> CreditExample:
    """The worked example of ``village`` (default: the kit's village), checked."""
    village = village or load_village()
    data = read_yaml(village.folder / EXAMPLE_FILE)
    top = Cells(EXAMPLE_FILE, None, data)
    group = top.choice("group", village.groups)
    as_of = top.date("lihat_tanggal")
    book = _Book(EXAMPLE_FILE)
    for cells in _items(EXAMPLE_FILE, data, "bon"):
        book.debt(cells)
    cashbook = village.cashbook(group)
    used: set[int | None] = set()
    for cells in _items(EXAMPLE_FILE, data, "bayar"):
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
    return CreditExample(group, as_of, _texts(EXAMPLE_FILE, top, "label"),
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
    return CreditWeek(_texts(EXERCISE_FILE, top, "title"), _texts(EXERCISE_FILE, top, "story"),
                      top.amount("kas_awal", minimum=0), tuple(book.debts.values()),
                      tuple(book.payments), tuple(cash), tuple(hints))


def _cash(cells: Cells, entry_id: int) -> ledger.Entry:
    direction = cells.choice("arah", ledger.DIRECTIONS)
    category = cells.choice("kategori", [c.key for c in ledger.CATEGORIES
                                         if c.direction == direction])
    return ledger.Entry(cells.date("tanggal"), cells.text("keterangan"), direction, category,
                        cells.amount("jumlah"), "usaha", entry_id)

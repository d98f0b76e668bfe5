"""The credit book (buku utang-piutang): who owes the group (piutang), whom the group owes
(utang), part payments with the balance left, and the summaries a treasurer needs.

Plain Python, no ipywidgets. Amounts are integer rupiah. A payment is also money in or out of
the cash box, so every payment has a twin in the cash book: :func:`payment_entry` builds it (money
in for a piutang, money out for an utang) and :func:`reconcile` checks that the two books agree.
The store writes a payment and its cash-book twin in one transaction (``cashbook.db``).
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from widgets.cashbook import ledger
from widgets.cashbook.ledger import CATEGORY_BY_KEY, EntryError
from widgets.core.i18n import format_date, t
from widgets.core.money import MAX_AMOUNT, format_rupiah
from widgets.core.text import DateOutOfRange, in_range, required_text
from widgets.core.whatsapp import PhoneError, normalise_phone

Kind = Literal["piutang", "utang"]
KINDS: tuple[Kind, ...] = ("piutang", "utang")
# A payment received on a piutang is money in; paying an utang is money out.
CASH_DIRECTION: dict[str, ledger.Direction] = {"piutang": "in", "utang": "out"}
DEFAULT_CATEGORY = {"piutang": "penjualan", "utang": "bahan"}
MAX_WHO = 60
MAX_WHAT = 80


@dataclass(frozen=True)
class Debt:
    """One debt. ``amount`` is what was lent or bought on credit, not what is left.
    ``category`` is the cash-book category its payments are written under. ``phone`` is
    ``62…`` (see ``core.whatsapp``) or empty."""

    kind: Kind
    who: str
    what: str
    amount: int
    day: dt.date
    due: dt.date
    category: str
    phone: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Payment:
    """Part or all of a debt paid. ``entry_id`` is its twin in the cash book."""

    debt_id: int
    day: dt.date
    amount: int
    entry_id: int | None = None
    id: int | None = None


class CreditError(EntryError):
    """A debt or payment the participant must fix; ``errors`` maps each field to its message."""


class LinkedEntryError(EntryError):
    """A cash-book line that records a payment: it changes only with its payment, from the
    credit book (``what``: the line's description, to say which)."""

    def __init__(self, what: str) -> None:
        super().__init__({"description": t("credit.err_linked_entry", what=what)})


def kind_label(kind: str, lang: str | None = None) -> str:
    """``piutang`` -> ``Piutang (mereka berutang ke kita)``."""
    if kind not in KINDS:
        raise KeyError(f"unknown kind {kind!r}")
    return t(f"credit.kind_{kind}", lang)


def categories(kind: str) -> list[str]:
    """Cash-book categories a debt of this kind may be paid under (its cash direction)."""
    return [c.key for c in ledger.CATEGORIES if c.direction == CASH_DIRECTION[kind]]


# --- Validation -----------------------------------------------------------------------------


def _text(value: object, field: str, limit: int, errors: dict[str, str]) -> str:
    return required_text(value, field, limit, errors, f"credit.err_{field}_empty",
                         "credit.err_text_long")


def _amount(value: object, errors: dict[str, str], field: str = "amount") -> int:
    # bool is an int subclass and float loses rupiah: both are refused, not converted.
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        errors[field] = t("credit.err_amount")
        return 0
    amount = int(value)
    if amount <= 0:
        errors[field] = t("credit.err_amount")
    elif amount > MAX_AMOUNT:
        errors[field] = t("ledger.err_amount_too_big")
    return amount


def _date(value: object, field: str, errors: dict[str, str], today: dt.date) -> dt.date | None:
    value = value.date() if isinstance(value, dt.datetime) else value
    if not isinstance(value, dt.date) or not in_range(value, today):  # year 1 or 9999: a slip
        errors[field] = (str(DateOutOfRange.between(value, today))
                         if isinstance(value, dt.date) else t("credit.err_date"))
        return None
    return value


def _phone(value: object, errors: dict[str, str]) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    try:
        return normalise_phone(value)
    except PhoneError as exc:
        errors["phone"] = str(exc)
        return ""


def _category(kind: str, category: object, errors: dict[str, str]) -> str:
    key = category if isinstance(category, str) and category else DEFAULT_CATEGORY[kind]
    known = CATEGORY_BY_KEY.get(key)
    if known is None or known.direction != CASH_DIRECTION[kind]:
        errors["category"] = t("credit.err_category")
    return key


def _dates(day: object, due: object, today: dt.date, errors: dict[str, str]
           ) -> tuple[dt.date | None, dt.date | None]:
    checked_day = _date(day, "day", errors, today)
    checked_due = _date(due, "due", errors, today)
    if checked_day is not None and checked_day > today:
        errors["day"] = t("credit.err_day_future", today=format_date(today))
    if checked_day and checked_due and checked_due < checked_day:
        errors["due"] = t("credit.err_due_before", day=format_date(checked_day))
    return checked_day, checked_due


def make_debt(kind: str, who: str, what: str, amount: int, day: dt.date | None,
              due: dt.date | None, category: str | None = None, phone: str = "", *,
              today: dt.date | None = None, paid: int = 0, id: int | None = None) -> Debt:
    """A checked :class:`Debt`, or :class:`CreditError` listing every problem at once.
    ``paid``: what was already paid on it (an edit may not lend less than that)."""
    errors: dict[str, str] = {}
    if kind not in KINDS:
        raise CreditError({"kind": t("credit.err_kind")})
    checked_who = _text(who, "who", MAX_WHO, errors)
    checked_what = _text(what, "what", MAX_WHAT, errors)
    value = _amount(amount, errors)
    if "amount" not in errors and value < paid:
        errors["amount"] = t("credit.err_below_paid", paid=format_rupiah(paid))
    checked_day, checked_due = _dates(day, due, today or dt.date.today(), errors)
    key = _category(kind, category, errors)
    number = _phone(phone, errors)
    if errors:
        raise CreditError(errors)
    assert checked_day is not None and checked_due is not None
    return Debt(kind, checked_who, checked_what, value, checked_day, checked_due,  # type: ignore[arg-type]
                key, number, id)


def make_payment(debt: Debt, others: Iterable[Payment], day: dt.date | None, amount: int, *,
                 today: dt.date | None = None, id: int | None = None,
                 entry_id: int | None = None) -> Payment:
    """A checked :class:`Payment` on ``debt``; ``others`` are its other payments (when editing
    one, leave it out). Never more than is left, never before the debt or after today."""
    if debt.id is None:
        raise ValueError("a payment needs a saved debt")
    errors: dict[str, str] = {}
    value = _amount(amount, errors)
    left = debt.amount - paid(debt, others)
    if "amount" not in errors and value > left:
        key = "credit.err_paid_up" if left <= 0 else "credit.err_over_balance"
        errors["amount"] = t(key, left=format_rupiah(max(left, 0)))
    today = today or dt.date.today()
    checked = _date(day, "day", errors, today)
    if checked is not None and checked > today:
        errors["day"] = t("credit.err_day_future", today=format_date(today))
    elif checked is not None and checked < debt.day:
        errors["day"] = t("credit.err_pay_before", day=format_date(debt.day))
    if errors:
        raise CreditError(errors)
    assert checked is not None
    return Payment(debt.id, checked, value, entry_id, id)


# --- Balances -------------------------------------------------------------------------------


def paid(debt: Debt, payments: Iterable[Payment]) -> int:
    """What has been paid on ``debt`` so far."""
    return sum(p.amount for p in payments if p.debt_id == debt.id)


@dataclass(frozen=True)
class DebtStatus:
    debt: Debt
    paid: int
    balance: int
    days_overdue: int  # 0 when settled or not yet due

    @property
    def settled(self) -> bool:
        return self.balance == 0


def status(debt: Debt, payments: Iterable[Payment], today: dt.date) -> DebtStatus:
    done = paid(debt, payments)
    left = debt.amount - done
    late = (today - debt.due).days if left > 0 else 0
    return DebtStatus(debt, done, left, max(late, 0))


def statuses(debts: Iterable[Debt], payments: Iterable[Payment], today: dt.date
             ) -> list[DebtStatus]:
    """Every debt with its balance: open ones first (most overdue, then soonest due), settled
    ones last."""
    by_debt: dict[int | None, list[Payment]] = defaultdict(list)
    for payment in payments:
        by_debt[payment.debt_id].append(payment)
    rows = [status(d, by_debt[d.id], today) for d in debts]
    rows.sort(key=lambda s: (s.settled, s.debt.due, s.debt.day, s.debt.id or 0))
    return rows


@dataclass(frozen=True)
class CreditSummary:
    owed_to_us: int  # piutang still open
    we_owe: int  # utang still open
    cash: int
    overdue: tuple[DebtStatus, ...]  # open and past due, most days overdue first

    @property
    def position(self) -> int:
        """Position after debts: cash + piutang - utang."""
        return self.cash + self.owed_to_us - self.we_owe


def summarise(debts: Iterable[Debt], payments: Iterable[Payment], cash: int, today: dt.date
              ) -> CreditSummary:
    rows = statuses(debts, payments, today)
    owed = sum(s.balance for s in rows if s.debt.kind == "piutang")
    owe = sum(s.balance for s in rows if s.debt.kind == "utang")
    late = sorted((s for s in rows if s.days_overdue > 0), key=lambda s: -s.days_overdue)
    return CreditSummary(owed, owe, cash, tuple(late))


def payment_description(debt: Debt) -> str:
    """``Bayaran bon: SD Desa Jepara (seragam …)``, cut to the cash book's length."""
    text = t(f"credit.cash_{debt.kind}", who=debt.who, what=debt.what)
    limit = ledger.MAX_DESCRIPTION
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def payment_entry(debt: Debt, payment: Payment) -> ledger.Entry:
    """The cash-book line a payment makes: same day and amount, money in for a piutang and
    money out for an utang, in the business purse."""
    return ledger.Entry(payment.day, payment_description(debt), CASH_DIRECTION[debt.kind],
                        debt.category, payment.amount, "usaha", payment.entry_id)


def reconcile(debts: Iterable[Debt], payments: Iterable[Payment],
              entries: Iterable[ledger.Entry]) -> list[str]:
    """What does not agree between the credit book and the cash book (empty when they do):
    every payment has exactly one cash-book twin with its day, direction, category and amount,
    and no debt is paid more than was lent."""
    payments = list(payments)
    debts_by_id = {d.id: d for d in debts}
    entries_by_id = {e.id: e for e in entries}
    problems: list[str] = []
    seen: set[int | None] = set()
    for p in payments:
        debt = debts_by_id.get(p.debt_id)
        entry = entries_by_id.get(p.entry_id)
        if debt is None:
            problems.append(f"payment {p.id}: no debt {p.debt_id}")
        elif entry is None or p.entry_id in seen:
            problems.append(f"payment {p.id}: no cash-book entry of its own")
        elif _key(entry) != _key(payment_entry(debt, p)):
            problems.append(f"payment {p.id}: cash-book entry {entry.id} differs")
        seen.add(p.entry_id)
    for debt in debts_by_id.values():
        if paid(debt, payments) > debt.amount:
            problems.append(f"debt {debt.id}: paid more than lent")
    return problems


def _key(entry: ledger.Entry) -> tuple:
    return (entry.day, entry.direction, entry.category, entry.amount, entry.purse)

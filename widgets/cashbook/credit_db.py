"""The credit book's tables (``credit_debts``, ``credit_payments``): a participant's debts and
payments, checked again before every write, and kept in step with the cash book.

A payment and its cash-book twin are written, changed and deleted in ONE transaction, so the two
books agree after any crash (``credit.reconcile``). The link is ``credit_payments.entry_id``,
a foreign key on ``entries``: SQLite itself refuses to delete a cash-book line a payment still
points at. The checks run inside the write transaction (``BEGIN IMMEDIATE``), so two phones
paying the same debt at once cannot pay more than is left.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from widgets.cashbook import credit
from widgets.cashbook.credit import CreditError, Debt, Payment, make_debt, make_payment
from widgets.cashbook.db import insert_entry
from widgets.core.i18n import format_date, t
from widgets.store.backend import Connection
from widgets.store.db import Session, insert_own, row_id

_DEBTS = ("SELECT id, kind, who, what, amount, day, due, category, phone FROM credit_debts"
          " WHERE participant_id = ?")
_PAYMENTS = ("SELECT id, debt_id, day, amount, entry_id FROM credit_payments"
             " WHERE participant_id = ?")


def _debt(row: tuple) -> Debt:
    rid, kind, who, what, amount, day, due, category, phone = row
    return Debt(kind, who, what, amount, dt.date.fromisoformat(day), dt.date.fromisoformat(due),
                category, phone, rid)


def _payment(row: tuple) -> Payment:
    rid, debt_id, day, amount, entry_id = row
    return Payment(debt_id, dt.date.fromisoformat(day), amount, entry_id, rid)


def debts(session: Session) -> list[Debt]:
    """This participant's debts, oldest first."""
    rows = session.store.read(_DEBTS + " ORDER BY day, id", (session.participant_id,))
    return [_debt(row) for row in rows]


def payments(session: Session) -> list[Payment]:
    """This participant's payments, by day."""
    rows = session.store.read(_PAYMENTS + " ORDER BY day, id", (session.participant_id,))
    return [_payment(row) for row in rows]


def payment_for_entry(session: Session, entry_id: int) -> Payment | None:
    """The payment a cash-book line is the twin of, if any."""
    rows = session.store.read(_PAYMENTS + " AND entry_id = ?",
                              (session.participant_id, row_id(entry_id, "entry")))
    return _payment(rows[0]) if rows else None


# --- Inside a transaction -------------------------------------------------------------------


def _get_row(conn: Connection, session: Session, select: str, what: str,
             wanted: int) -> tuple:
    """The participant's row ``wanted`` of ``select``; LookupError naming ``what`` if none."""
    row = conn.execute(select + " AND id = ?",
                       (session.participant_id, row_id(wanted, what))).fetchone()
    if row is None:
        raise LookupError(f"no {what} {wanted} in this credit book")
    return row


def _get_debt(conn: Connection, session: Session, debt_id: int) -> Debt:
    return _debt(_get_row(conn, session, _DEBTS, "debt", debt_id))


def _payments_of(conn: Connection, session: Session, debt_id: int) -> list[Payment]:
    rows = conn.execute(_PAYMENTS + " AND debt_id = ? ORDER BY day, id",
                        (session.participant_id, debt_id)).fetchall()
    return [_payment(row) for row in rows]


def _get_payment(conn: Connection, session: Session, payment_id: int) -> Payment:
    return _payment(_get_row(conn, session, _PAYMENTS, "payment", payment_id))


def _write_twin(conn: Connection, session: Session, debt: Debt, payment: Payment) -> None:
    """Bring the payment's cash-book line in step with the payment and its debt."""
    entry = credit.payment_entry(debt, payment)
    conn.execute(
        "UPDATE entries SET day = ?, description = ?, direction = ?, category = ?, purse = ?,"
        " amount = ?, updated_at = ? WHERE id = ? AND participant_id = ?",
        (entry.day.isoformat(), entry.description, entry.direction, entry.category, entry.purse,
         entry.amount, session.store.now(), payment.entry_id, session.participant_id))


def _debt_values(debt: Debt) -> tuple:
    return (debt.kind, debt.who, debt.what, debt.amount, debt.day.isoformat(),
            debt.due.isoformat(), debt.category, debt.phone)


_DEBT_COLUMNS = ("kind", "who", "what", "amount", "day", "due", "category", "phone")


def _check(session: Session, debt: Debt, paid: int = 0, debt_id: int | None = None) -> Debt:
    # The same checks as the view: the store is a trust boundary of its own.
    return make_debt(debt.kind, debt.who, debt.what, debt.amount, debt.day, debt.due,
                     debt.category, debt.phone, today=session.store.today(), paid=paid,
                     id=debt_id)


# --- Debts ----------------------------------------------------------------------------------


def add_debt(session: Session, debt: Debt) -> Debt:
    """Check and save a new debt; returns it with its id (``CreditError`` if invalid)."""
    with session.store.transaction() as conn:
        return insert_debt(conn, session, debt)


def insert_debt(conn: Connection, session: Session, debt: Debt) -> Debt:
    """:func:`add_debt` inside the caller's transaction (another book writing its own rows in
    the same one, e.g. the consignment stock card)."""
    checked = _check(session, debt)
    now = session.store.now()
    new_id = insert_own(conn, session, "credit_debts", {
        **dict(zip(_DEBT_COLUMNS, _debt_values(checked), strict=True)),
        "created_at": now, "updated_at": now})
    return replace(checked, id=new_id)


def update_debt(session: Session, debt_id: int, debt: Debt) -> Debt:
    """Replace debt ``debt_id``; its payments' cash-book lines follow (category, description).
    It may not lend less than is paid, nor change kind once paid on."""
    with session.store.transaction() as conn:
        old = _get_debt(conn, session, debt_id)
        paid_on = _payments_of(conn, session, old.id)
        if paid_on and debt.kind != old.kind:
            raise CreditError({"kind": t("credit.err_kind_paid")})
        checked = _check(session, debt, sum(p.amount for p in paid_on), old.id)
        conn.execute(
            "UPDATE credit_debts SET kind = ?, who = ?, what = ?, amount = ?, day = ?, due = ?,"
            " category = ?, phone = ?, updated_at = ? WHERE id = ? AND participant_id = ?",
            (*_debt_values(checked), session.store.now(), old.id, session.participant_id))
        for payment in paid_on:
            if payment.day < checked.day:
                raise CreditError({"day": t("credit.err_day_after_payment",
                                            day=format_date(payment.day))})
            _write_twin(conn, session, checked, payment)
    return checked


def delete_debt(session: Session, debt_id: int) -> int:
    """Delete a debt with its payments and their cash-book lines; returns how many lines went."""
    with session.store.transaction() as conn:
        debt = _get_debt(conn, session, debt_id)
        paid_on = _payments_of(conn, session, debt.id)
        for payment in paid_on:
            _delete_payment(conn, session, payment)
        conn.execute("DELETE FROM credit_debts WHERE id = ? AND participant_id = ?",
                     (debt.id, session.participant_id))
    return len(paid_on)


# --- Payments -------------------------------------------------------------------------------


def record_payment(session: Session, debt_id: int, day: dt.date, amount: int) -> Payment:
    """Record a payment and write its cash-book line (money in for a piutang, out for an utang)
    in the same transaction. ``CreditError`` if it is more than is left."""
    with session.store.transaction() as conn:
        return pay_in(conn, session, debt_id, day, amount)


def pay_in(conn: Connection, session: Session, debt_id: int, day: dt.date,
           amount: int) -> Payment:
    """:func:`record_payment` inside the caller's transaction, so one payment that settles
    several debts writes all its payments and cash-book lines, or none."""
    store = session.store
    debt = _get_debt(conn, session, debt_id)
    payment = make_payment(debt, _payments_of(conn, session, debt.id), day, amount,
                           today=store.today())
    entry_id = insert_entry(conn, session, credit.payment_entry(debt, payment))
    now = store.now()
    new_id = insert_own(conn, session, "credit_payments", {
        "debt_id": debt.id, "entry_id": entry_id, "day": payment.day.isoformat(),
        "amount": payment.amount, "created_at": now, "updated_at": now})
    return replace(payment, id=new_id, entry_id=entry_id)


def update_payment(session: Session, payment_id: int, day: dt.date, amount: int) -> Payment:
    """Change a payment's day or amount; its cash-book line follows."""
    with session.store.transaction() as conn:
        old = _get_payment(conn, session, payment_id)
        debt = _get_debt(conn, session, old.debt_id)
        others = [p for p in _payments_of(conn, session, debt.id) if p.id != old.id]
        payment = make_payment(debt, others, day, amount, today=session.store.today(),
                               id=old.id, entry_id=old.entry_id)
        conn.execute("UPDATE credit_payments SET day = ?, amount = ?, updated_at = ?"
                     " WHERE id = ? AND participant_id = ?",
                     (payment.day.isoformat(), payment.amount, session.store.now(), old.id,
                      session.participant_id))
        _write_twin(conn, session, debt, payment)
    return payment


def _delete_payment(conn: Connection, session: Session, payment: Payment) -> None:
    conn.execute("DELETE FROM credit_payments WHERE id = ? AND participant_id = ?",
                 (payment.id, session.participant_id))
    conn.execute("DELETE FROM entries WHERE id = ? AND participant_id = ?",
                 (payment.entry_id, session.participant_id))


def delete_payment(session: Session, payment_id: int) -> None:
    """Delete a payment and its cash-book line together: the debt is open again by that much."""
    with session.store.transaction() as conn:
        _delete_payment(conn, session, _get_payment(conn, session, payment_id))


def delete_entry_and_payment(session: Session, entry_id: int) -> None:
    """From the cash book: delete a payment's line and the payment it records, together."""
    with session.store.transaction() as conn:
        row = conn.execute(_PAYMENTS + " AND entry_id = ?",
                           (session.participant_id, row_id(entry_id, "entry"))).fetchone()
        if row is None:
            raise LookupError(f"entry {entry_id} is not a payment's line")
        _delete_payment(conn, session, _payment(row))

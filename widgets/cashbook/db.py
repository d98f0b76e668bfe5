"""The cash book's table: a participant's entries, checked again before every write. A line that
records a credit-book payment (``credit_db``) is changed or deleted only with its payment."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from widgets.cashbook.credit import LinkedEntryError
from widgets.cashbook.ledger import Entry, make_entry
from widgets.store.backend import Connection
from widgets.store.db import Session, insert_own, row_id, select_own


def _checked(session: Session, entry: Entry, entry_id: int | None) -> Entry:
    # The same checks as the view: the store is a trust boundary of its own.
    return make_entry(entry.day, entry.description, entry.direction, entry.category,
                      entry.amount, entry.purse, today=session.store.today(), id=entry_id)


def _select(session: Session, entry_id: int | None = None) -> list[Entry]:
    rows = select_own(session, "SELECT id, day, description, direction, category, amount, purse"
                      " FROM entries", {"id": entry_id}, "ORDER BY day, id")
    return [Entry(dt.date.fromisoformat(day), text, direction, category, amount, purse, rid)
            for rid, day, text, direction, category, amount, purse in rows]


def entries(session: Session) -> list[Entry]:
    """The cash book, ordered by day and then by when each entry was written."""
    return _select(session)


def get_entry(session: Session, entry_id: int) -> Entry:
    found = _select(session, row_id(entry_id, "entry"))
    if not found:
        raise LookupError(f"no entry {entry_id} in this cash book")
    return found[0]


def insert_entry(conn: Connection, session: Session, entry: Entry) -> int:
    """Write a checked entry inside the caller's transaction (the credit book writes a payment
    and its line together); returns its id."""
    checked = _checked(session, entry, None)
    now = session.store.now()
    return insert_own(conn, session, "entries", {
        "day": checked.day.isoformat(), "description": checked.description,
        "direction": checked.direction, "category": checked.category, "purse": checked.purse,
        "amount": checked.amount, "created_at": now, "updated_at": now})


def _refuse_linked(conn: Connection, session: Session, entry_id: int) -> None:
    """A payment's line changes only with its payment (``credit_db``): say which."""
    row = conn.execute(
        "SELECT e.description FROM credit_payments p JOIN entries e ON e.id = p.entry_id"
        " WHERE p.entry_id = ? AND p.participant_id = ?",
        (entry_id, session.participant_id)).fetchone()
    if row is not None:
        raise LinkedEntryError(row[0])


def add_entry(session: Session, entry: Entry) -> Entry:
    """Check and save a new entry; returns it with its id (``EntryError`` if invalid)."""
    checked = _checked(session, entry, None)
    with session.store.transaction() as conn:
        new_id = insert_entry(conn, session, checked)
    return replace(checked, id=new_id)


def update_entry(session: Session, entry_id: int, entry: Entry) -> Entry:
    """Replace entry ``entry_id``; ``LookupError`` if it is not in this cash book."""
    entry_id = row_id(entry_id, "entry")
    checked = _checked(session, entry, entry_id)
    store = session.store
    with store.transaction() as conn:
        _refuse_linked(conn, session, entry_id)
        cursor = conn.execute(
            "UPDATE entries SET day = ?, description = ?, direction = ?, category = ?,"
            " purse = ?, amount = ?, updated_at = ? WHERE id = ? AND participant_id = ?",
            (checked.day.isoformat(), checked.description, checked.direction,
             checked.category, checked.purse, checked.amount, store.now(), entry_id,
             session.participant_id))
        if cursor.rowcount != 1:
            raise LookupError(f"no entry {entry_id} in this cash book")
    return checked


def delete_entry(session: Session, entry_id: int) -> None:
    """Delete entry ``entry_id``; ``LookupError`` if it is not in this cash book."""
    entry_id = row_id(entry_id, "entry")
    with session.store.transaction() as conn:
        _refuse_linked(conn, session, entry_id)
        cursor = conn.execute("DELETE FROM entries WHERE id = ? AND participant_id = ?",
                              (entry_id, session.participant_id))
        if cursor.rowcount != 1:
            raise LookupError(f"no entry {entry_id} in this cash book")

"""The credit book in the real SQLite store: a payment and its cash-book line are written,
changed and deleted together; nothing is half-saved; one participant never reaches another's
rows; and after any sequence of add, pay, edit and delete the two books reconcile."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

import pytest
from class_day import NOW, TODAY, open_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.cashbook import credit, credit_db, db
from widgets.cashbook.credit import CreditError, LinkedEntryError, make_debt
from widgets.cashbook.ledger import make_entry
from widgets.core.i18n import t
from widgets.store import Store

D = dt.date


@pytest.fixture
def store(db_location):
    with open_store(db_location) as opened:
        yield opened


def school(**changes) -> credit.Debt:
    fields = {"kind": "piutang", "who": "SD Desa Jepara", "what": "seragam 20 stel",
              "amount": 1_900_000, "day": D(2019, 11, 4), "due": D(2019, 11, 15),
              "phone": "0812-3456-7890", "today": TODAY}
    fields.update(changes)
    return make_debt(**fields)


def books(session):
    return credit_db.debts(session), credit_db.payments(session), db.entries(session)


def assert_reconciled(session) -> None:
    debts, payments, entries = books(session)
    assert credit.reconcile(debts, payments, entries) == []


def test_a_part_payment_writes_its_cash_book_line(siti):
    debt = credit_db.add_debt(siti, school())
    payment = credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
    (line,) = db.entries(siti)
    assert line.id == payment.entry_id
    assert (line.day, line.direction, line.category, line.amount, line.purse) == (
        D(2019, 11, 4), "in", "penjualan", 800_000, "usaha")
    assert line.description == "Bayaran bon: SD Desa Jepara (seragam 20 stel)"
    assert credit.status(debt, credit_db.payments(siti), TODAY).balance == 1_100_000
    assert credit_db.payment_for_entry(siti, line.id) == payment
    assert_reconciled(siti)


def test_paying_an_utang_is_money_out(siti):
    debt = credit_db.add_debt(siti, school(kind="utang", who="Toko Metro", category="bahan"))
    credit_db.record_payment(siti, debt.id, D(2019, 12, 1), 50_000)
    (line,) = db.entries(siti)
    assert (line.direction, line.category) == ("out", "bahan")


def test_an_overpayment_saves_nothing(siti):
    debt = credit_db.add_debt(siti, school(amount=100_000))
    credit_db.record_payment(siti, debt.id, D(2019, 11, 5), 60_000)
    with pytest.raises(CreditError) as caught:
        credit_db.record_payment(siti, debt.id, D(2019, 11, 6), 40_001)
    assert caught.value.errors == {"amount": t("credit.err_over_balance", left="Rp40.000")}
    assert len(db.entries(siti)) == 1 and len(credit_db.payments(siti)) == 1


def test_the_store_checks_like_the_view(siti):
    with pytest.raises(CreditError):
        credit_db.add_debt(siti, credit.Debt("piutang", "", "x", -5, TODAY, TODAY, "penjualan"))
    with pytest.raises(CreditError):  # a future day, by the store's own clock
        credit_db.add_debt(siti, school(day=D(2019, 12, 15), today=D(2019, 12, 20)))
    assert credit_db.debts(siti) == []


def test_editing_a_debt_keeps_its_cash_lines_in_step(siti):
    debt = credit_db.add_debt(siti, school())
    credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
    credit_db.update_debt(siti, debt.id, school(who="SD Negeri Jepara", category="lain_masuk"))
    (line,) = db.entries(siti)
    assert line.description.startswith("Bayaran bon: SD Negeri Jepara")
    assert line.category == "lain_masuk"
    with pytest.raises(CreditError) as caught:
        credit_db.update_debt(siti, debt.id, school(amount=500_000))
    assert caught.value.errors == {"amount": t("credit.err_below_paid", paid="Rp800.000")}
    with pytest.raises(CreditError) as caught:
        credit_db.update_debt(siti, debt.id, school(kind="utang", category="bahan"))
    assert set(caught.value.errors) == {"kind"}
    with pytest.raises(CreditError):  # a debt dated after its own payment
        credit_db.update_debt(siti, debt.id, school(day=D(2019, 11, 5), due=D(2019, 11, 30)))
    assert credit_db.debts(siti)[0].day == D(2019, 11, 4)  # the failed edit left no trace
    assert_reconciled(siti)


def test_changing_a_payment_changes_its_line(siti):
    debt = credit_db.add_debt(siti, school())
    payment = credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
    credit_db.update_payment(siti, payment.id, D(2019, 11, 6), 900_000)
    (line,) = db.entries(siti)
    assert (line.day, line.amount) == (D(2019, 11, 6), 900_000)
    assert_reconciled(siti)


def test_deleting_a_payment_deletes_its_line_and_opens_the_debt_again(siti):
    debt = credit_db.add_debt(siti, school())
    first = credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
    credit_db.record_payment(siti, debt.id, D(2019, 11, 15), 1_100_000)
    credit_db.delete_payment(siti, first.id)
    assert [e.amount for e in db.entries(siti)] == [1_100_000]
    assert credit.status(debt, credit_db.payments(siti), TODAY).balance == 800_000
    assert_reconciled(siti)


def test_a_payments_line_is_deleted_only_with_its_payment(siti):
    debt = credit_db.add_debt(siti, school())
    payment = credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
    with pytest.raises(LinkedEntryError):
        db.delete_entry(siti, payment.entry_id)
    with pytest.raises(LinkedEntryError):
        db.update_entry(siti, payment.entry_id, make_entry(
            D(2019, 11, 4), "ubah", "in", "penjualan", 1, today=TODAY))
    with siti.store.transaction() as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("DELETE FROM entries WHERE id = ?", (payment.entry_id,))  # the database too
    credit_db.delete_entry_and_payment(siti, payment.entry_id)
    assert db.entries(siti) == [] and credit_db.payments(siti) == []


def test_deleting_a_debt_takes_its_payments_and_lines(siti):
    debt = credit_db.add_debt(siti, school())
    other = credit_db.add_debt(siti, school(who="Bu Warsih", amount=70_000))
    credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
    credit_db.record_payment(siti, other.id, D(2019, 11, 4), 10_000)
    db.add_entry(siti, make_entry(D(2019, 11, 5), "Beli benang", "out", "bahan", 35_000,
                                  today=TODAY))
    assert credit_db.delete_debt(siti, debt.id) == 1
    assert [e.description for e in db.entries(siti)] == [
        "Bayaran bon: Bu Warsih (seragam 20 stel)", "Beli benang"]
    assert_reconciled(siti)


def test_one_participant_never_reaches_anothers_credit_book(store, siti):
    debt = credit_db.add_debt(siti, school())
    payment = credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
    ani = store.sign_in("Ani", "1111")
    assert books(ani) == ([], [], [])
    for attempt in (lambda: credit_db.record_payment(ani, debt.id, TODAY, 1),
                    lambda: credit_db.update_debt(ani, debt.id, school()),
                    lambda: credit_db.delete_debt(ani, debt.id),
                    lambda: credit_db.delete_payment(ani, payment.id),
                    lambda: credit_db.delete_entry_and_payment(ani, payment.entry_id)):
        with pytest.raises(LookupError):
            attempt()
    assert credit_db.payment_for_entry(ani, payment.entry_id) is None
    assert len(db.entries(siti)) == 1


def test_everything_is_still_there_after_reopening(db_location):
    path = db_location
    with open_store(path) as first:
        siti = first.sign_in("Siti Aminah", "2580")
        debt = credit_db.add_debt(siti, school())
        credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
        before = books(siti)
    with open_store(path) as again:
        assert books(again.sign_in("Siti Aminah", "2580")) == before


# --- Any sequence of add, pay, edit and delete ----------------------------------------------

ops = st.lists(st.one_of(
    st.tuples(st.just("add"), st.sampled_from(credit.KINDS), st.integers(1, 3_000_000)),
    st.tuples(st.just("pay"), st.integers(0, 9), st.integers(1, 2_000_000)),
    st.tuples(st.just("edit_debt"), st.integers(0, 9), st.integers(1, 3_000_000)),
    st.tuples(st.just("edit_payment"), st.integers(0, 9), st.integers(1, 2_000_000)),
    st.tuples(st.just("delete_payment"), st.integers(0, 9), st.just(0)),
    st.tuples(st.just("delete_debt"), st.integers(0, 9), st.just(0)),
    st.tuples(st.just("delete_line"), st.integers(0, 9), st.just(0)),
    st.tuples(st.just("cash"), st.sampled_from(["in", "out"]), st.integers(1, 500_000)),
    # From the cash book's side, on any line (a payment's line is refused there):
    st.tuples(st.just("edit_entry"), st.integers(0, 9), st.integers(1, 500_000)),
    st.tuples(st.just("delete_entry"), st.integers(0, 9), st.just(0)),
), max_size=25)


def _pick(items: list, index: int):
    return items[index % len(items)] if items else None


def _apply(session, op: tuple) -> None:
    name, a, b = op
    debts, payments, entries = books(session)
    debt = payment = entry = None
    if isinstance(a, int):
        debt, payment, entry = _pick(debts, a), _pick(payments, a), _pick(entries, a)
    if name in ("edit_entry", "delete_entry"):
        _apply_to_line(session, name, entry, b)
    elif name == "add":
        credit_db.add_debt(session, school(kind=a, amount=b, category=None))
    elif name == "cash":
        db.add_entry(session, make_entry(TODAY, "tunai", a, "lain_masuk" if a == "in"
                                         else "lain_keluar", b, today=TODAY))
    elif name == "pay" and debt:
        credit_db.record_payment(session, debt.id, D(2019, 12, 1), b)
    elif name == "edit_debt" and debt:
        credit_db.update_debt(session, debt.id, school(kind=debt.kind, amount=b,
                                                       who=f"Bu {b}", category=None))
    elif name == "edit_payment" and payment:
        credit_db.update_payment(session, payment.id, D(2019, 12, 2), b)
    elif name == "delete_payment" and payment:
        credit_db.delete_payment(session, payment.id)
    elif name == "delete_debt" and debt:
        credit_db.delete_debt(session, debt.id)
    elif name == "delete_line" and payment:
        credit_db.delete_entry_and_payment(session, payment.entry_id)


def _apply_to_line(session, name: str, entry, amount: int) -> None:
    """The cash book's own Ubah and Hapus; a payment's line must refuse both."""
    if entry is None:
        return
    linked = credit_db.payment_for_entry(session, entry.id) is not None
    try:
        if name == "edit_entry":
            db.update_entry(session, entry.id, make_entry(
                TODAY, "tunai", entry.direction, entry.category, amount, today=TODAY))
        else:
            db.delete_entry(session, entry.id)
    except LinkedEntryError:
        assert linked
    else:
        assert not linked


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops)
def test_the_two_books_reconcile_after_any_sequence(sequence):
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "k.sqlite3") as s:
        session = s.sign_in("Siti", "2580")
        for op in sequence:
            try:
                _apply(session, op)
            except CreditError:
                pass  # refused (too much, below what is paid): nothing may be half-saved
            debts, payments, entries = books(session)
            assert credit.reconcile(debts, payments, entries) == []
            for debt in debts:
                row = credit.status(debt, payments, TODAY)
                assert 0 <= row.balance <= debt.amount
                assert row.balance + row.paid == debt.amount
            linked = {p.entry_id for p in payments}
            plain = [e for e in entries if e.id not in linked]
            assert all(e.description == "tunai" for e in plain)


def test_last_months_file_gains_the_credit_tables_and_keeps_its_cash_book(db_location):
    from widgets.store.schema import MIGRATIONS

    path = db_location
    before_credit = 3  # the credit tables are the fourth step; later steps came after them
    with Store(path, clock=lambda: NOW, migrations=MIGRATIONS[:before_credit]) as old:
        siti = old.sign_in("Siti Aminah", "2580")
        db.add_entry(siti, make_entry(D(2019, 11, 5), "Beli benang", "out", "bahan", 35_000,
                                      today=TODAY))
        assert old.schema_version() == before_credit
        assert "credit_debts" not in old.tables()
    with open_store(path) as new:
        assert new.schema_version() == len(MIGRATIONS)
        siti = new.sign_in("Siti Aminah", "2580")
        assert [e.description for e in db.entries(siti)] == ["Beli benang"]
        debt = credit_db.add_debt(siti, school())
        credit_db.record_payment(siti, debt.id, D(2019, 11, 4), 800_000)
        assert_reconciled(siti)

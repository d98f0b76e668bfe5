"""The credit book's core: debts and payments checked like the view checks them, balances,
summaries, the cash-book twin of a payment, and the reminder. Hand-computed examples, then
properties that must hold for any payments."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.cashbook import credit, reminder
from widgets.cashbook.credit import CreditError, Debt, Payment, make_debt, make_payment
from widgets.cashbook.ledger import EntryError
from widgets.core.i18n import t
from widgets.core.whatsapp import MESSAGE_LIMIT, PhoneError

TODAY = dt.date(2019, 11, 12)
NOV4, NOV15 = dt.date(2019, 11, 4), dt.date(2019, 11, 15)


def school(**changes) -> Debt:
    fields = {"kind": "piutang", "who": "SD Desa Jepara", "what": "seragam olahraga 20 stel",
              "amount": 1_900_000, "day": NOV4, "due": NOV15, "phone": "0812-3456-7890",
              "today": TODAY, "id": 1}
    fields.update(changes)
    return make_debt(**fields)


# --- Checking a debt ------------------------------------------------------------------------


def test_a_debt_is_checked_and_tidied():
    debt = school(who="  SD  Desa Jepara ")
    assert debt == Debt("piutang", "SD Desa Jepara", "seragam olahraga 20 stel", 1_900_000,
                        NOV4, NOV15, "penjualan", "6281234567890", 1)


def test_an_utang_is_paid_as_material_unless_told_otherwise():
    debt = make_debt("utang", "Toko tekstil Metro", "kain", 150_000, NOV4, NOV15, today=TODAY)
    assert debt.category == "bahan" and debt.phone == ""


def test_every_problem_is_named_at_once():
    with pytest.raises(CreditError) as caught:
        make_debt("piutang", " ", "", 0, dt.date(2019, 11, 20), None, "bahan", "0274 123",
                  today=TODAY)
    errors = caught.value.errors
    assert set(errors) == {"who", "what", "amount", "day", "due", "category", "phone"}
    assert errors["who"] == t("credit.err_who_empty")
    assert errors["day"] == t("credit.err_day_future", today="12 November 2019")
    assert errors["phone"] == t("whatsapp.phone_not_mobile")
    assert isinstance(caught.value, EntryError)  # a view catching entry errors catches these


def test_the_due_date_cannot_come_before_the_debt():
    with pytest.raises(CreditError) as caught:
        school(due=dt.date(2019, 11, 1))
    assert caught.value.errors == {"due": t("credit.err_due_before", day="4 November 2019")}


@pytest.mark.parametrize("amount", [-5, 0, 1.5, True, "1000", None, 10**12 + 1])
def test_an_amount_must_be_whole_positive_rupiah(amount):
    with pytest.raises(CreditError) as caught:
        school(amount=amount)
    assert set(caught.value.errors) == {"amount"}


def test_an_edit_cannot_lend_less_than_was_paid():
    with pytest.raises(CreditError) as caught:
        school(amount=500_000, paid=800_000)
    assert caught.value.errors["amount"] == t("credit.err_below_paid", paid="Rp800.000")
    assert school(amount=800_000, paid=800_000).amount == 800_000


def test_an_unknown_kind_is_refused():
    with pytest.raises(CreditError) as caught:
        school(kind="hutang")
    assert caught.value.errors == {"kind": t("credit.err_kind")}


# --- Payments -------------------------------------------------------------------------------


def test_the_school_pays_in_two_parts():
    debt = school()
    first = make_payment(debt, [], NOV4, 800_000, today=TODAY)
    assert first == Payment(1, NOV4, 800_000)
    row = credit.status(debt, [first], TODAY)
    assert (row.paid, row.balance, row.days_overdue, row.settled) == (800_000, 1_100_000, 0, False)
    second = make_payment(debt, [first], NOV15, 1_100_000, today=NOV15)
    row = credit.status(debt, [first, second], dt.date(2019, 12, 1))
    assert (row.balance, row.days_overdue, row.settled) == (0, 0, True)


def test_a_payment_is_never_more_than_is_left():
    debt = school()
    first = make_payment(debt, [], NOV4, 800_000, today=TODAY)
    with pytest.raises(CreditError) as caught:
        make_payment(debt, [first], TODAY, 1_100_001, today=TODAY)
    assert caught.value.errors == {"amount": t("credit.err_over_balance", left="Rp1.100.000")}
    paid_up = make_payment(debt, [first], TODAY, 1_100_000, today=TODAY)
    with pytest.raises(CreditError) as caught:
        make_payment(debt, [first, paid_up], TODAY, 1, today=TODAY)
    assert caught.value.errors == {"amount": t("credit.err_paid_up")}


def test_a_payment_falls_between_the_debt_and_today():
    debt = school()
    with pytest.raises(CreditError) as caught:
        make_payment(debt, [], dt.date(2019, 11, 3), 1000, today=TODAY)
    assert caught.value.errors == {"day": t("credit.err_pay_before", day="4 November 2019")}
    with pytest.raises(CreditError) as caught:
        make_payment(debt, [], dt.date(2019, 11, 13), 1000, today=TODAY)
    assert set(caught.value.errors) == {"day"}


def test_payments_of_other_debts_do_not_count():
    debt = school()
    other = Payment(2, NOV4, 1_900_000)
    assert make_payment(debt, [other], NOV4, 1_900_000, today=TODAY).amount == 1_900_000


# --- Summaries ------------------------------------------------------------------------------


def example_book() -> tuple[list[Debt], list[Payment]]:
    debts = [
        school(),
        make_debt("piutang", "Bu Warsih", "2 keset karakter", 70_000, dt.date(2019, 10, 21),
                  dt.date(2019, 10, 28), today=TODAY, id=2),
        make_debt("utang", "Toko tekstil Metro", "benang dan kancing", 150_000,
                  dt.date(2019, 11, 6), dt.date(2019, 12, 6), today=TODAY, id=3),
        make_debt("piutang", "Warung Pak Darman", "5 keset bulat", 75_000,
                  dt.date(2019, 10, 1), dt.date(2019, 10, 8), today=TODAY, id=4),
    ]
    payments = [Payment(1, NOV4, 800_000, 11, 1), Payment(4, dt.date(2019, 10, 9), 75_000, 12, 2)]
    return debts, payments


def test_the_summary_of_the_konveksi_book_on_12_november():
    debts, payments = example_book()
    summary = credit.summarise(debts, payments, cash=2_000_000, today=TODAY)
    assert summary.owed_to_us == 1_100_000 + 70_000
    assert summary.we_owe == 150_000
    assert summary.position == 2_000_000 + 1_170_000 - 150_000 == 3_020_000
    assert [(s.debt.who, s.days_overdue) for s in summary.overdue] == [("Bu Warsih", 15)]


def test_open_debts_come_first_most_urgent_on_top():
    debts, payments = example_book()
    order = [s.debt.id for s in credit.statuses(debts, payments, TODAY)]
    assert order == [2, 1, 3, 4]  # overdue, due 15 Nov, due 6 Dec, then the settled one


# --- The cash-book twin ---------------------------------------------------------------------


def test_a_piutang_payment_is_money_in_and_an_utang_payment_money_out():
    debts, payments = example_book()
    entry = credit.payment_entry(debts[0], payments[0])
    assert (entry.day, entry.direction, entry.category, entry.amount, entry.purse, entry.id) == (
        NOV4, "in", "penjualan", 800_000, "usaha", 11)
    assert entry.description == "Bayaran bon: SD Desa Jepara (seragam olahraga 20 stel)"
    out = credit.payment_entry(debts[2], Payment(3, TODAY, 50_000, 13, 3))
    assert (out.direction, out.category) == ("out", "bahan")
    assert out.description.startswith("Bayar utang: Toko tekstil Metro")


def test_a_long_description_is_cut_to_the_cash_books_length():
    debt = school(who="x" * credit.MAX_WHO, what="y" * credit.MAX_WHAT)
    text = credit.payment_description(debt)
    assert len(text) == 120 and text.endswith("…")


def test_reconcile_finds_every_disagreement():
    debts, payments = example_book()
    entries = [credit.payment_entry(d, p) for p in payments for d in debts if d.id == p.debt_id]
    assert credit.reconcile(debts, payments, entries) == []
    assert credit.reconcile(debts, payments, entries[:1]) == [
        "payment 2: no cash-book entry of its own"]
    wrong = [entries[0].__class__(**{**entries[0].__dict__, "amount": 1})] + entries[1:]
    assert credit.reconcile(debts, payments, wrong) == ["payment 1: cash-book entry 11 differs"]
    twice = payments + [Payment(1, NOV4, 1_200_000, 11, 3)]
    assert set(credit.reconcile(debts, twice, entries)) == {
        "payment 3: no cash-book entry of its own", "debt 1: paid more than lent"}


# --- Properties -----------------------------------------------------------------------------

amounts = st.integers(min_value=1, max_value=5_000_000)


@given(lent=amounts, tries=st.lists(amounts, max_size=12))
def test_payments_never_exceed_the_debt(lent, tries):
    debt = school(amount=lent)
    accepted: list[Payment] = []
    for amount in tries:
        left = lent - sum(p.amount for p in accepted)
        try:
            accepted.append(make_payment(debt, accepted, NOV4, amount, today=TODAY))
        except CreditError:
            assert amount > left  # refused only when it was too much
        else:
            assert amount <= left
    assert sum(p.amount for p in accepted) <= lent
    assert credit.status(debt, accepted, TODAY).balance >= 0


@given(st.lists(st.tuples(st.sampled_from(credit.KINDS), amounts,
                          st.lists(st.integers(1, 100), max_size=5)), max_size=8),
       st.integers(0, 10_000_000))
def test_balances_plus_payments_equal_what_was_lent(plan, cash):
    debts, payments = [], []
    for number, (kind, lent, shares) in enumerate(plan, start=1):
        debt = make_debt(kind, "Bu Ani", "keset", lent, NOV4, NOV15, today=TODAY, id=number)
        debts.append(debt)
        mine: list[Payment] = []
        for share in shares:  # each payment a share of what is left
            left = lent - sum(p.amount for p in mine)
            if left:
                mine.append(make_payment(debt, mine, NOV4, max(1, left * share // 100),
                                         today=TODAY))
        payments += mine
    rows = credit.statuses(debts, payments, TODAY)
    for kind in credit.KINDS:
        lent = sum(d.amount for d in debts if d.kind == kind)
        open_ = sum(r.balance for r in rows if r.debt.kind == kind)
        paid = sum(p.amount for p in payments if debts[p.debt_id - 1].kind == kind)
        assert open_ + paid == lent
    summary = credit.summarise(debts, payments, cash, TODAY)
    assert summary.position == cash + summary.owed_to_us - summary.we_owe


# --- The reminder ---------------------------------------------------------------------------


def reminder_row(**changes) -> credit.DebtStatus:
    debt = school(**changes)
    return credit.status(debt, [Payment(1, NOV4, 800_000)], dt.date(2019, 11, 20))


def test_the_reminder_link_opens_a_chat_with_the_polite_text():
    row = reminder_row()
    link = reminder.reminder_link(row, "ramah", dt.date(2019, 11, 20), "Sari",
                                  "Kelompok Konveksi Purna PMI")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/6281234567890")
    assert " " not in link and "\n" not in link  # the text is encoded
    text = parse_qs(parts.query)["text"][0]
    assert text == reminder.reminder_text(row, "ramah", dt.date(2019, 11, 20), "Sari",
                                          "Kelompok Konveksi Purna PMI")
    for part in ("Halo SD Desa Jepara", "Rp1.100.000", "seragam olahraga 20 stel",
                 "15 November 2019", "Rp800.000", "Terima kasih", "Salam, Sari",
                 "Kelompok Konveksi Purna PMI"):
        assert part in text


def test_the_firm_tone_names_a_day_and_the_days_late_and_still_thanks():
    text = reminder.reminder_text(reminder_row(), "tegas", dt.date(2019, 11, 20))
    assert "sudah lewat 5 hari" in text and "paling lambat 27 November 2019" in text
    assert "Terima kasih" in text
    friendly = reminder.reminder_text(reminder_row(), "ramah", dt.date(2019, 11, 20))
    assert "lewat" not in friendly and friendly != text


def test_before_the_due_date_the_reminder_says_when_it_falls_due():
    row = credit.status(school(), [], TODAY)
    assert "yang jatuh tempo pada 15 November 2019" in reminder.reminder_text(row, "ramah", TODAY)
    assert "jatuh tempo hari ini" in reminder.reminder_text(row, "ramah", NOV15)


def test_no_reminder_for_our_own_debts_or_paid_ones():
    utang = credit.status(school(kind="utang", category="bahan"), [], TODAY)
    with pytest.raises(reminder.ReminderError):
        reminder.reminder_text(utang, "ramah", TODAY)
    paid = credit.status(school(), [Payment(1, NOV4, 1_900_000)], TODAY)
    with pytest.raises(reminder.ReminderError):
        reminder.reminder_text(paid, "ramah", TODAY)


def test_a_reminder_needs_an_indonesian_mobile_number():
    row = credit.status(school(phone=""), [], TODAY)
    with pytest.raises(PhoneError) as caught:
        reminder.reminder_link(row, "ramah", TODAY)
    assert caught.value.key == "phone_empty"
    with pytest.raises(PhoneError):
        reminder.reminder_link(row, "ramah", TODAY, phone="+852 9123 4567")
    assert reminder.reminder_link(row, "ramah", TODAY, phone="0857 1111 2222").startswith(
        "https://wa.me/6285711112222?text=")


@given(who=st.text(min_size=1, max_size=credit.MAX_WHO).filter(str.strip),
       what=st.text(min_size=1, max_size=credit.MAX_WHAT).filter(str.strip),
       tone=st.sampled_from(reminder.TONES))
def test_any_reminder_fits_a_link_and_carries_the_name(who, what, tone):
    row = credit.status(school(who=who, what=what), [], TODAY)
    link = reminder.reminder_link(row, tone, TODAY, "x" * 40, "y" * 60)
    text = parse_qs(urlsplit(link).query)["text"][0]
    assert len(text) <= MESSAGE_LIMIT
    assert row.debt.who in text and row.debt.what in text


# --- The village's example and exercise -----------------------------------------------------


def test_the_worked_example_agrees_with_the_groups_cash_book():
    from widgets.cashbook.data import load_cashbook, load_credit_example

    example = load_credit_example()
    book = load_cashbook().book("konveksi")
    twins = {e.id: e for e in book}
    assert credit.reconcile(example.debts, example.payments, twins.values()) == []
    assert [twins[p.entry_id].description for p in example.payments] == [
        "Pesanan seragam olahraga 20 stel dari SD: uang muka",
        "Pelunasan seragam olahraga 20 stel"]
    summary = credit.summarise(example.debts, example.payments_until(example.as_of),
                               example.opening_cash, example.as_of)
    assert (summary.owed_to_us, summary.we_owe) == (1_100_000 + 70_000, 150_000)
    assert summary.position == example.opening_cash + 1_020_000
    assert example.label_text() == "contoh karangan untuk latihan"

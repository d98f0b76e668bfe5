"""Lesson 1's week exercise: the server-side check, its explanations, and the exercise widget."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html import escape

import pytest

from widgets.cashbook import db as cash_db
from widgets.cashbook.data import load_cashbook
from widgets.cashbook.exercises import check_week, explain, week_answer, week_days
from widgets.cashbook.ledger import Entry
from widgets.cashbook.ui.lesson import EXERCISE_ID, WeekExercise
from widgets.core import i18n
from widgets.core.i18n import t
from widgets.core.village import load_village
from widgets.store import Store
from widgets.store import answers as answer_db
from widgets.ui.common import PAGE
from widgets.ui.signin import SignInView

# Worked out by hand from datasets/jepara/latihan_minggu.yaml:
#   business money in  = 180.000 + 100.000 + 200.000 (capital) + 105.000 = 585.000
#   business money out = 150.000 + 35.000 + 100.000                      = 285.000
#   closing = 850.000 + 585.000 - 285.000 = 1.150.000  (the 60.000 rice is household money)
#   profit  = sales 385.000 - costs 285.000 = 100.000   (capital is money in, not income)
OPENING, CLOSING, PROFIT = 850_000, 1_150_000, 100_000


@pytest.fixture(scope="module")
def week():
    return load_cashbook(load_village("jepara")).exercise_week()


@pytest.fixture
def expected(week) -> list[Entry]:
    return list(week.entries)


def recorded(entries: list[Entry]) -> list[Entry]:
    """The entries as the store gives them back: with ids."""
    return [replace(e, id=i) for i, e in enumerate(entries, start=1)]


def find(entries: list[Entry], category: str) -> Entry:
    return next(e for e in entries if e.category == category)


def texts(check) -> list[str]:
    return [text for _kind, text in explain(check)]


# --- The answer -----------------------------------------------------------------------------


def test_the_week_is_the_one_the_story_tells(week, expected):
    assert week.opening_balance == OPENING
    assert len(expected) == 8
    assert [e for e in expected if e.purse == "rumah"] == [find(expected, "rumah_tangga")]
    assert week_days(expected) == [dt.date(2019, 12, d) for d in range(2, 8)]


def test_expected_closing_and_profit_match_the_hand_count(expected):
    answer = week_answer(OPENING, expected)
    assert (answer.money_in, answer.money_out) == (585_000, 285_000)
    assert (answer.income, answer.expenses) == (385_000, 285_000)
    assert answer.closing == CLOSING
    assert answer.profit == PROFIT


def test_a_perfect_record_is_correct(expected):
    check = check_week(recorded(expected), expected, OPENING, CLOSING, PROFIT)
    assert check.correct and check.book_ok
    assert (check.missing, check.extra, check.wrong_purse, check.wrong_category) == ([], [], [],
                                                                                     [])
    assert check.closing_recorded == CLOSING
    kinds = [kind for kind, _text in explain(check)]
    assert "error" not in kinds
    lines = texts(check)
    assert t("cashbookex.book_ok") in lines
    assert t("cashbookex.closing_ok", amount="Rp1.150.000") in lines
    assert t("cashbookex.profit_ok", amount="Rp100.000") in lines


def test_the_household_rice_may_be_left_out(expected):
    """It was paid from Bu Sari's own purse: recording it is fine, leaving it out too."""
    without_rice = [e for e in expected if e.purse == "usaha"]
    check = check_week(recorded(without_rice), expected, OPENING, CLOSING, PROFIT)
    assert check.correct


def test_entries_outside_the_week_are_not_judged(expected):
    other = Entry(dt.date(2019, 11, 20), "Jual keset bulan lalu", "in", "penjualan", 50_000)
    check = check_week(recorded([other, *expected]), expected, OPENING, CLOSING, PROFIT)
    assert check.correct


# --- What goes wrong ------------------------------------------------------------------------


def test_a_missing_entry_is_named(expected):
    fabric = find(expected, "listrik")
    check = check_week(recorded([e for e in expected if e is not fabric]), expected, OPENING,
                       CLOSING, PROFIT)
    assert not check.correct and not check.book_ok
    assert check.missing == [fabric]
    assert check.closing_recorded == CLOSING + 100_000
    lines = texts(check)
    missing = [line for line in lines if "Beli token listrik rumah jahit" in line]
    assert len(missing) == 1 and "6 Desember 2019" in missing[0]
    # The amount is left for the participant to read from the story.
    assert "Rp100.000" not in missing[0]
    assert t("cashbookex.closing_recorded", amount="Rp1.250.000") in lines
    assert t("cashbookex.book_ok") not in lines


def test_an_extra_entry_is_named(expected):
    extra = Entry(dt.date(2019, 12, 4), "Jual keset", "in", "penjualan", 12_000)
    check = check_week(recorded([*expected, extra]), expected, OPENING, CLOSING, PROFIT)
    assert not check.correct
    assert [(e.description, e.amount) for e in check.extra] == [("Jual keset", 12_000)]
    assert check.missing == []
    assert any("Jual keset (+Rp12.000)" in line for line in texts(check))


def test_a_wrong_amount_is_one_missing_and_one_extra(expected):
    sale = find(expected, "penjualan")
    typo = replace(sale, amount=18_000)  # 180.000 typed without a zero
    book = [typo if e is sale else e for e in expected]
    check = check_week(recorded(book), expected, OPENING, CLOSING, PROFIT)
    assert check.missing == [sale]
    assert [e.amount for e in check.extra] == [18_000]


def test_household_rice_in_the_business_purse_is_a_wrong_purse(expected):
    rice = find(expected, "rumah_tangga")
    book = [replace(e, purse="usaha") if e is rice else e for e in expected]
    check = check_week(recorded(book), expected, OPENING, CLOSING, PROFIT)
    assert not check.correct
    assert check.wrong_purse == [rice]
    assert check.closing_recorded == CLOSING - 60_000
    lines = texts(check)
    assert any("Beli beras untuk dapur" in line and "Rp60.000" in line
               and "Uang rumah tangga" in line for line in lines)
    assert t("cashbookex.closing_recorded", amount="Rp1.090.000") in lines


def test_business_money_in_the_household_purse_is_sent_back_to_the_business(expected):
    capital = find(expected, "modal")
    book = [replace(e, purse="rumah") if e is capital else e for e in expected]
    check = check_week(recorded(book), expected, OPENING, CLOSING, PROFIT)
    assert check.wrong_purse == [capital]
    [line] = [text for text in texts(check) if "Tambahan modal" in text]
    assert "Rp200.000" in line
    # The advice must be to move it to the business purse, not to where it already is.
    assert '"Uang usaha"' in line
    assert "Uang rumah tangga" not in line


def test_capital_recorded_as_sales_is_a_wrong_category(expected):
    capital = find(expected, "modal")
    as_sale = replace(capital, category="penjualan")
    book = [as_sale if e is capital else e for e in expected]
    check = check_week(recorded(book), expected, OPENING, CLOSING, PROFIT)
    assert not check.correct
    [(want, got)] = check.wrong_category
    assert want == capital and got.category == "penjualan"
    assert check.missing == [] and check.extra == []
    [line] = [text for text in texts(check) if "Tambahan modal" in text]
    assert "Rp200.000" in line
    assert "Modal/iuran anggota" in line


@pytest.mark.parametrize(("closing", "profit", "closing_key", "profit_key"), [
    (CLOSING, 300_000, "closing_ok", "profit_wrong"),       # counted the capital as profit
    (1_090_000, PROFIT, "closing_wrong", "profit_ok"),      # took the rice from the cash box
    (None, PROFIT, "closing_empty", "profit_ok"),
    (CLOSING, None, "closing_ok", "profit_empty"),
    (None, None, "closing_empty", "profit_empty"),
])
def test_typed_totals_are_judged_one_by_one(expected, closing, profit, closing_key, profit_key):
    check = check_week(recorded(expected), expected, OPENING, closing, profit)
    assert check.book_ok
    assert not check.correct
    assert check.closing_ok == (closing_key == "closing_ok")
    assert check.profit_ok == (profit_key == "profit_ok")
    lines = explain(check)
    closing_line = t(f"cashbookex.{closing_key}", amount="Rp1.150.000",
                     typed=f"Rp{(closing or 0):,}".replace(",", "."))
    profit_line = t(f"cashbookex.{profit_key}", amount="Rp100.000",
                    typed=f"Rp{(profit or 0):,}".replace(",", "."))
    assert (("ok" if closing_key == "closing_ok" else "error"), closing_line) in lines
    assert (("ok" if profit_key == "profit_ok" else "error"), profit_line) in lines


def test_the_steps_show_every_amount_in_rupiah(expected):
    check = check_week(recorded(expected), expected, OPENING, 1_000_000, 50_000)
    lines = texts(check)
    assert t("cashbookex.closing_wrong", typed="Rp1.000.000") in lines
    assert t("cashbookex.profit_wrong", typed="Rp50.000") in lines
    [closing_steps] = [line for line in lines if line.startswith("Saldo akhir = ")]
    for amount in ("Rp850.000", "Rp585.000", "Rp285.000", "Rp1.150.000"):
        assert amount in closing_steps
    [profit_steps] = [line for line in lines if line.startswith("Laba = ")]
    for amount in ("Rp385.000", "Rp285.000", "Rp100.000"):
        assert amount in profit_steps


def test_the_explanation_follows_the_language(expected):
    check = check_week(recorded(expected), expected, OPENING, CLOSING, PROFIT)
    i18n.set_language("en")
    assert t("cashbookex.book_ok", "en") in texts(check)
    assert any("Rp1.150.000" in line for line in texts(check))


# --- The exercise on the page ---------------------------------------------------------------


@pytest.fixture
def page(monkeypatch, tmp_path):
    """Sign-in and the week exercise on one page, on a private store."""
    monkeypatch.setenv("USAHA_KITA_DATA", str(tmp_path))
    PAGE.session = None
    with Store(tmp_path / "kit.sqlite3") as store:
        signin = SignInView(store=store)
        exercise = WeekExercise()
        yield signin, exercise
    PAGE.session = None
    PAGE.unobserve_all()


def sign_in(signin: SignInView) -> None:
    signin.name.control.value = "Sari"
    signin.pin.control.value = "2580"
    signin.submit.click()
    assert PAGE.session is not None


def record(exercise: WeekExercise, entry: Entry, typed: str) -> None:
    form = exercise.form
    form.day.control.value = entry.day
    form.direction.control.value = entry.direction
    form.category.control.value = entry.category
    form.description.control.value = entry.description
    form.amount.control.value = typed
    form.purse.control.value = entry.purse
    exercise.add.click()


def typed_amount(amount: int, index: int) -> str:
    """The amounts written the different ways participants write them."""
    forms = (f"{amount // 1000} rb", f"Rp{amount:,}".replace(",", "."), f"{amount // 1000}ribu",
             f"{amount:,}".replace(",", "."))
    return forms[index % len(forms)]


def test_exercise_is_hidden_until_signed_in(page):
    signin, exercise = page
    assert exercise.body.layout.display == "none"
    sign_in(signin)
    assert exercise.body.layout.display != "none"
    assert exercise.signed_out.layout.display == "none"


def test_exercise_offers_only_the_days_of_the_week(page, expected):
    _signin, exercise = page
    days = [value for _label, value in exercise.form.day.control.options]
    assert days == week_days(expected)


def test_recording_the_whole_week_and_the_right_totals_is_all_right(page, expected):
    signin, exercise = page
    sign_in(signin)
    for index, entry in enumerate(expected):
        record(exercise, entry, typed_amount(entry.amount, index))
        assert "uk-msg-ok" in exercise.add_status.value, exercise.add_status.value
    mine = cash_db.entries(PAGE.session)
    assert sorted((e.day, e.direction, e.category, e.amount, e.purse) for e in mine) == sorted(
        (e.day, e.direction, e.category, e.amount, e.purse) for e in expected)
    exercise.closing.control.value = "1.150.000"
    exercise.profit.control.value = "100 rb"
    exercise.check.click()
    assert escape(t("lesson1.all_right")) in exercise.feedback.value
    assert "uk-msg-error" not in exercise.feedback.value
    [answer] = answer_db.answers(PAGE.session, EXERCISE_ID)
    assert answer.correct is True
    assert answer.answer == {"closing": CLOSING, "profit": PROFIT}


def test_rice_from_the_cash_box_is_not_yet_right_and_is_saved_as_such(page, expected):
    signin, exercise = page
    sign_in(signin)
    for index, entry in enumerate(expected):
        purse = "usaha" if entry.category == "rumah_tangga" else entry.purse
        record(exercise, replace(entry, purse=purse), typed_amount(entry.amount, index))
    exercise.closing.control.value = "1.090.000"
    exercise.profit.control.value = "300rb"
    exercise.check.click()
    feedback = exercise.feedback.value
    assert escape(t("lesson1.not_yet")) in feedback
    assert escape(t("lesson1.all_right")) not in feedback
    assert "Beli beras untuk dapur" in feedback and "Rp60.000" in feedback
    assert "Rp1.150.000" in feedback  # the steps show the right closing balance
    [answer] = answer_db.answers(PAGE.session, EXERCISE_ID)
    assert answer.correct is False
    assert answer.answer == {"closing": 1_090_000, "profit": 300_000}


def test_an_unreadable_total_is_asked_again_and_nothing_is_saved(page):
    signin, exercise = page
    sign_in(signin)
    exercise.closing.control.value = "1,15M"
    exercise.profit.control.value = "100 rb"
    exercise.check.click()
    assert "uk-msg-error" in exercise.closing.message.value
    assert exercise.feedback.value == ""
    assert answer_db.answers(PAGE.session, EXERCISE_ID) == []


def test_empty_totals_are_checked_and_saved_as_not_right(page):
    signin, exercise = page
    sign_in(signin)
    exercise.check.click()
    assert escape(t("cashbookex.closing_empty")) in exercise.feedback.value
    assert escape(t("cashbookex.profit_empty")) in exercise.feedback.value
    [answer] = answer_db.answers(PAGE.session, EXERCISE_ID)
    assert answer.correct is False and answer.answer == {"closing": None, "profit": None}


"""The credit book's village data and its exercise: the Jepara files load and agree with the
story, broken files name the item and key, and the feedback names the likely slip."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from widgets.cashbook import credit_exercise
from widgets.cashbook.credit_exercise import check_week, explain, week_answer
from widgets.cashbook.data import (
    EXAMPLE_FILE,
    EXERCISE_FILE,
    load_credit_example,
    load_credit_exercise,
)
from widgets.core.datafile import DataError
from widgets.core.i18n import t
from widgets.core.village import load_village

WEEK = load_credit_exercise()
RIGHT = {"owed": 325_000, "owe": 200_000, "position": 965_000}


def test_the_week_worked_out_by_hand():
    # Cash: 500.000 + 300.000 (half the flags) + 20.000 (Bu Tini) - 50.000 + 70.000 = 840.000.
    # Owed to us: 45.000 - 20.000 + 600.000 - 300.000 = 325.000. We owe the fabric: 200.000.
    answer = week_answer(WEEK)
    assert (answer.cash_in, answer.cash_out, answer.cash) == (390_000, 50_000, 840_000)
    assert (answer.lent_to_us, answer.paid_to_us, answer.owed_to_us) == (645_000, 320_000,
                                                                         325_000)
    assert (answer.we_owe, answer.position) == (200_000, 840_000 + 325_000 - 200_000)


def test_the_story_tells_every_amount_it_checks():
    story = WEEK.story_text()
    for words in ("Rp500.000", "3 keset bulat seharga Rp15.000", "Rp200.000", "20 bendera",
                  "Rp30.000", "separuhnya", "Rp20.000", "Rp50.000", "Rp35.000"):
        assert words in story
    assert len(WEEK.debts) == 3 and len(WEEK.payments) == 2 and len(WEEK.cash) == 2


def feedback(attempt: int = 1, **typed) -> tuple[credit_exercise.CreditCheck, list[str]]:
    answers = {**RIGHT, **typed}
    check = check_week(WEEK, answers["owed"], answers["owe"], answers["position"], attempt)
    return check, [text for _, text in explain(check)]


def test_right_answers_are_confirmed_with_the_steps():
    check, lines = feedback()
    assert check.correct
    assert lines[:3] == [t("creditex.owed_ok", amount="Rp325.000"),
                         t("creditex.owe_ok", amount="Rp200.000"),
                         t("creditex.position_ok", amount="Rp965.000")]
    assert "Rp840.000 + piutang Rp325.000 − utang Rp200.000 = Rp965.000" in lines[-1]


@pytest.mark.parametrize("typed,key", [
    ({"owed": 645_000}, "creditex.owed_full"),
    ({"owed": 345_000}, "creditex.owed_payment_missing"),  # Bu Tini's Rp20.000 forgotten
    ({"owed": 625_000}, "creditex.owed_payment_missing"),  # the village office's half
    ({"owe": 0}, "creditex.owe_zero"),
    ({"position": 840_000}, "creditex.position_cash_only"),
    ({"position": 1_365_000}, "creditex.position_added"),
    ({"position": 1_165_000}, "creditex.position_no_utang"),
    ({"owed": 645_000, "position": 1_285_000}, "creditex.position_follows"),
])
def test_the_likely_slip_is_named(typed, key):
    check, lines = feedback(**typed)
    assert not check.correct
    assert t(key) in lines


def test_empty_answers_are_asked_for():
    check, lines = feedback(owed=None, owe=None, position=None)
    assert lines[:3] == [t("creditex.owed_empty"), t("creditex.owe_empty"),
                         t("creditex.position_empty")]


def test_the_answer_is_not_given_away_before_the_third_try():
    for attempt in (1, 2):
        _, lines = feedback(attempt, owed=1, owe=2, position=3)
        assert not any("325.000" in line or "965.000" in line or "840.000" in line
                       for line in lines)
        assert t("creditex.hint") in lines
    _, lines = feedback(3, owed=1, owe=2, position=3)
    assert any("Rp965.000" in line for line in lines)


# --- Broken files name the item -------------------------------------------------------------


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_an_example_payment_missing_from_the_cash_book_is_named(copy):
    edit(copy / EXAMPLE_FILE, lambda d: d["bayar"][1].update(jumlah=1_000_000))
    with pytest.raises(DataError) as caught:
        load_credit_example(load_village("jepara", root=copy.parent))
    assert (caught.value.file, caught.value.row, caught.value.column) == (EXAMPLE_FILE, 2,
                                                                          "jumlah")
    assert "tidak ada di buku kas" in str(caught.value)


def test_an_overpayment_in_the_exercise_is_named_with_the_cores_message(copy):
    edit(copy / EXERCISE_FILE, lambda d: d["kejadian"][4].update(jumlah=50_000))
    with pytest.raises(DataError) as caught:
        load_credit_exercise(load_village("jepara", root=copy.parent))
    assert (caught.value.row, caught.value.column) == (5, "jumlah")
    assert t("credit.err_over_balance", left="Rp45.000") in str(caught.value)


@pytest.mark.parametrize("change,row,column,words", [
    (lambda d: d["bon"][1].update(kode="sd"), 2, "kode", "sudah dipakai"),
    (lambda d: d["bon"][0].update(jenis="hutang"), 1, "jenis", "tidak dikenal"),
    (lambda d: d["bon"][2].update(jatuh_tempo="2019-11-01"), 3, "jatuh_tempo", "jatuh tempo"),
    (lambda d: d["bayar"][0].update(bon="tini"), 1, "bon", "tidak dikenal"),
])
def test_a_broken_example_names_the_item_and_key(copy, change, row, column, words):
    edit(copy / EXAMPLE_FILE, change)
    with pytest.raises(DataError) as caught:
        load_credit_example(load_village("jepara", root=copy.parent))
    assert (caught.value.row, caught.value.column) == (row, column)
    assert words in str(caught.value)

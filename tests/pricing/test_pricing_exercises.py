"""Lesson 2's exercise checks (widgets.pricing.exercises): right and wrong answers worked by
hand, the usual slips named, the steps withheld until earned, the story written from the data."""

from __future__ import annotations

import pytest

from widgets.core.village import load_village
from widgets.pricing.data import load_pricing
from widgets.pricing.exercises import (
    REVEAL_AFTER,
    check_cost,
    check_price,
    cost_story,
    price_task,
)

# Exercise 1, by hand: (300.000 + 60.000 + 40.000) ÷ 40 = 10.000; 45 min × 10.000 ÷ 60 = 7.500;
# 72.000 ÷ 40 = 1.800 -> 19.300.
COST = 19_300
# Exercise 2: cost 16.400 + 10% = 18.040 needed after the shop's 20% -> 22.550 at least.
LEAST_PRICE = 22_550


@pytest.fixture(scope="module")
def data():
    return load_pricing(load_village("jepara"))


def texts(check) -> str:
    return " ".join(text for _kind, text in check.lines)


def test_cost_right_answer_shows_the_steps(data):
    result = check_cost(data, COST)
    assert result.correct
    assert "Rp19.300" in texts(result)
    assert "Rp400.000 ÷ 40 = Rp10.000" in texts(result)


@pytest.mark.parametrize("typed", [COST - 1, COST + 1])
def test_cost_a_rupiah_either_way_is_rounding(data, typed):
    assert check_cost(data, typed).correct


@pytest.mark.parametrize(("typed", "words"), [
    (10_000, "baru biaya bahan"),  # materials only
    (11_800, "Waktu menjahit belum dihitung"),  # materials + overheads
    (17_500, "biaya bulanan"),  # materials + time
    (400_000, "Bagi dulu dengan 40"),  # the whole shopping
    (20_000, "Hitung tiga bagian"),  # anything else: the recipe
])
def test_cost_wrong_answers_name_the_slip_without_the_answer(data, typed, words):
    result = check_cost(data, typed)
    assert not result.correct
    assert words in texts(result)
    assert "Rp19.300" not in texts(result)


def test_cost_steps_come_after_three_tries(data):
    assert "Rp19.300" not in texts(check_cost(data, 20_000, tries_before=REVEAL_AFTER - 2))
    assert "Rp19.300" in texts(check_cost(data, 20_000, tries_before=REVEAL_AFTER - 1))


def test_cost_empty_answer(data):
    result = check_cost(data, None)
    assert not result.correct and result.lines[0][0] == "error"


def test_cost_story_is_written_from_the_data_and_holds_no_answer(data):
    intro, shopping = cost_story(data)
    assert "Oktober 2019" in intro and "40" in intro and "45 menit" in intro
    assert "Rp10.000 per jam" in intro and "Rp72.000" in intro
    assert shopping == ["Kain perca: 3 karung × Rp100.000", "Benang jahit: 2 lusin × Rp30.000",
                        "Angkot ke toko tekstil Metro: 1 kali × Rp40.000"]
    assert "19.300" not in intro + " ".join(shopping)


def test_price_task_by_hand(data):
    task = price_task(data)
    assert (task.cost, task.least_net, task.commission, task.market_max) == (16_400, 18_040,
                                                                              2000, 30_000)


@pytest.mark.parametrize("typed", [LEAST_PRICE, 25_000, 30_000])
def test_price_in_the_good_range(data, typed):
    result = check_price(data, typed)
    assert result.correct
    assert "Rp22.550" in texts(result)  # the steps, now earned


def test_price_at_the_market_price_loses_money(data):
    # 15.000 at the shop: 12.000 reaches the group, 4.400 below the cost
    result = check_price(data, 15_000)
    assert not result.correct
    assert "Rugi Rp4.400" in texts(result)
    assert "Rp22.550" not in texts(result)


def test_price_just_below_the_least_is_too_thin(data):
    # 22.549: shop keeps 4.510 (4.509,8) -> 18.039, one rupiah short of 10% above cost
    result = check_price(data, LEAST_PRICE - 1)
    assert not result.correct
    assert "kurang dari 10%" in texts(result)


def test_price_above_the_market_is_refused_with_a_reason(data):
    result = check_price(data, 31_000)
    assert not result.correct
    assert "lebih mahal dari keset bulat termahal" in texts(result)


def test_price_feedback_gives_break_even(data):
    # 25.000 at the shop: 20.000 each; 72.000 ÷ (20.000 − 14.000) = 12 keset a month
    assert "titik impas kelompok 12 keset" in texts(check_price(data, 25_000))

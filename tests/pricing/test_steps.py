"""The pricing formulas as step tables (widgets/pricing/steps.py): hand-worked examples, and
properties that the steps always end where the calculators do."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.pricing import channels, costing
from widgets.pricing.channels import ChannelError, Terms
from widgets.pricing.steps import (
    StepsError,
    break_even_steps,
    division_price,
    listing_steps,
    price_steps,
)

SHOPEE = Terms("shopee", 1000, 1250, 50)  # 10%, Rp1.250 per order, PPh 22 0,5%


def answers(table) -> dict[str, int]:
    return {step.key: step.answer for step in table.steps}


def test_listing_steps_by_hand():
    # 25.000 + 1.250 = 26.250; 100% − 10% − 0,5% = 89,5%; 26.250 ÷ 89,5 × 100 = 29.329,6 -> 29.330;
    # 29.330 − 2.933 − 146,65 (147) − 1.250 = 25.000 (docs/pelajaran-03-harga.md)
    table = listing_steps(25_000, SHOPEE)
    assert answers(table) == {"add": 26_250, "left": 8_950, "divide": 29_330, "check": 25_000}
    assert table.final == 29_330 == channels.listing_price(25_000, SHOPEE)
    assert "Rp29.330" in table.result and "Rp25.000" in table.result
    assert table.notes == ("Harga bulat yang mudah dibaca dan tetap cukup: Rp29.500.",)
    words = " ".join(step.words for step in table.steps)
    assert "Rp1.250" in words and "10%" in words and "0,5%" in words
    assert "29.330" not in words and "26.250" not in words  # the words never give a result


def test_listing_steps_say_when_rounding_makes_a_rupiah_cheaper_enough():
    # Each percentage is rounded to the rupiah, so a rupiah below the division is often still
    # enough; the final price is the core's least price, and a note says how it differs.
    for target in range(10_000, 10_200):
        table = listing_steps(target, SHOPEE)
        divided = answers(table)["divide"]
        if table.final < divided:
            assert "lebih murah dari Langkah 3" in table.notes[0]
            return
    pytest.fail("no target in the range where the least price is below the division")


def test_listing_steps_refuse_what_the_core_refuses():
    with pytest.raises(ChannelError):
        listing_steps(0, SHOPEE)
    with pytest.raises(ChannelError):
        listing_steps(1_000, Terms("shopee", 9_950, 0, 50))
    with pytest.raises(StepsError):
        listing_steps(1_000, Terms("shopee", 1000, 1250, 50, units_per_order=2))


@given(target=st.integers(1, 50_000_000), admin=st.integers(0, 5_000),
       tax=st.integers(0, 200), fee=st.integers(0, 10_000))
def test_listing_steps_end_at_the_listing_price(target, admin, tax, fee):
    cut = Terms("shopee", admin, fee, tax)
    table = listing_steps(target, cut)
    steps = answers(table)
    assert table.final == channels.listing_price(target, cut)
    assert steps["add"] == target + fee
    assert steps["left"] == 10_000 - admin - tax
    # step 3 is the formula, rounded up; the least price is at most a few rupiah from it
    assert steps["divide"] == math.ceil(Fraction(steps["add"] * 10_000, steps["left"]))
    assert steps["divide"] == division_price(target, cut)
    assert abs(table.final - steps["divide"]) <= 3
    assert steps["check"] == channels.marketplace(steps["divide"], cut).net_per_unit
    assert channels.marketplace(table.final, cut).net_per_unit >= target
    assert all(isinstance(step.answer, int) for step in table.steps)


def test_price_steps_by_hand():
    # 16.400 × 20 ÷ 100 = 3.280; 16.400 + 3.280 = 19.680; up to Rp500 -> 20.000
    table = price_steps(16_400, 2_000)
    assert answers(table) == {"profit": 3_280, "price": 19_680, "tidy": 20_000}
    assert table.final == 20_000
    assert "Rp20.000" in table.result and "Rp3.600" in table.result
    assert "kali 20, lalu bagi 100" in table.steps[0].words


def test_price_steps_round_the_profit_up():
    # 12,5% of 16.401 = 2.050,125 -> 2.051
    assert answers(price_steps(16_401, 1_250))["profit"] == 2_051
    with pytest.raises(StepsError):
        price_steps(0, 2_000)


@given(cost=st.integers(1, 100_000_000), margin=st.integers(0, 1_000_000))
def test_price_steps_end_at_the_calculator_price(cost, margin):
    table = price_steps(cost, margin)
    steps = answers(table)
    assert steps["price"] == costing.price_for_margin(cost, margin)
    assert steps["price"] == cost + steps["profit"]
    assert table.final == steps["tidy"] == costing.round_up_to(steps["price"], 500)
    assert table.final % 500 == 0 and 0 <= table.final - steps["price"] < 500


def test_break_even_steps_by_hand():
    # 15.000 − 14.000 = 1.000; 72.000 ÷ 1.000 = 72; at 20.000: 72.000 ÷ 6.000 = 12
    assert answers(break_even_steps(72_000, 15_000, 14_000)) == {"left": 1_000, "units": 72}
    assert answers(break_even_steps(72_000, 20_000, 14_000)) == {"left": 6_000, "units": 12}
    assert break_even_steps(72_000, 20_000, 14_000).step("units").kind == "count"
    with pytest.raises(StepsError, match="setiap penjualan rugi"):
        break_even_steps(72_000, 14_000, 14_000)


@given(fixed=st.integers(0, 100_000_000), price=st.integers(1, 10_000_000),
       variable=st.integers(0, 10_000_000))
def test_break_even_steps_end_at_the_cost_sheet_figure(fixed, price, variable):
    even = costing.break_even(fixed, price, variable)
    if even.units is None:
        with pytest.raises(StepsError):
            break_even_steps(fixed, price, variable)
        return
    table = break_even_steps(fixed, price, variable)
    assert table.final == answers(table)["units"] == even.units
    assert answers(table)["left"] == price - variable

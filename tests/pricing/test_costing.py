"""widgets.pricing.costing: the cost sheet, price ↔ margin, break-even and the goat case, checked
against figures worked out by hand (see the comments) and against properties."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.pricing import costing
from widgets.pricing.costing import (
    CostError,
    CostSheet,
    GoatPlan,
    Labour,
    Material,
    Overhead,
    break_even,
    goat_cost,
    margin_of_price,
    price_for_margin,
    profit_at,
    round_up_to,
    unit_cost,
)

# The keset bulat, worked by hand from datasets/jepara/harga.yaml:
#   materials for 30 keset: 2 karung × 100.000 + 1 lusin × 30.000 + 1 angkot × 40.000 = 270.000
#   -> 270.000 ÷ 30 = 9.000 a keset
#   own time: 30 minutes at Rp10.000 an hour = 5.000
#   overheads: 46.000 + 11.000 + 15.000 = 72.000 a month ÷ 30 keset = 2.400
#   cost = 9.000 + 5.000 + 2.400 = 16.400; variable = 14.000
KESET = CostSheet(
    "keset_bulat", 30,
    (Material("Kain perca", Fraction(2), "karung", 100_000),
     Material("Benang jahit", Fraction(1), "lusin", 30_000),
     Material("Angkot", Fraction(1), "kali", 40_000)),
    Labour(minutes=30, per_hour=10_000),
    (Overhead("Listrik", 46_000), Overhead("Servis", 11_000), Overhead("Cadangan", 15_000)),
    30,
)


def test_keset_cost_sheet_by_hand():
    cost = unit_cost(KESET)
    assert (cost.materials_batch, cost.materials, cost.labour) == (270_000, 9_000, 5_000)
    assert (cost.overheads_month, cost.overheads) == (72_000, 2_400)
    assert (cost.variable, cost.total) == (14_000, 16_400)


def test_school_uniform_with_a_piece_rate():
    # 40 m × 30.000 + 150.000 + 30.000 = 1.380.000 ÷ 25 = 55.200; piece rate 20.000;
    # 144.000 ÷ 25 = 5.760 -> 80.960. At Rp110.000: 144.000 ÷ (110.000 − 75.200) = 4,14 -> 5 stel
    sheet = CostSheet("seragam", 25,
                      (Material("Kain", Fraction(40), "meter", 30_000),
                       Material("Kancing", Fraction(1), "paket", 150_000),
                       Material("Angkut", Fraction(1), "kali", 30_000)),
                      Labour(piece_rate=20_000), (Overhead("Listrik dll", 144_000),), 25)
    cost = unit_cost(sheet)
    assert (cost.materials, cost.labour, cost.overheads, cost.total) == (55_200, 20_000, 5_760,
                                                                          80_960)
    assert break_even(144_000, 110_000, cost.variable).units == 5


def test_fractions_round_half_up_where_stated():
    # 0,25 kg × Rp5.002 = 1.250,5 -> 1.251; batch 1.251 ÷ 2 = 625,5 -> 626;
    # 7 minutes at Rp9.000/hour = 1.050; 100.001 ÷ 2 = 50.000,5 -> 50.001
    sheet = CostSheet("x", 2, (Material("Perca", Fraction(1, 4), "kg", 5_002),),
                      Labour(minutes=7, per_hour=9_000), (Overhead("Listrik", 100_001),), 2)
    cost = unit_cost(sheet)
    assert sheet.materials[0].cost == 1_251
    assert (cost.materials, cost.labour, cost.overheads) == (626, 1_050, 50_001)
    assert cost.total == 626 + 1_050 + 50_001  # the rounded parts add up on paper


def test_labour_is_a_piece_rate_or_time_never_both():
    with pytest.raises(ValueError):
        Labour(piece_rate=1_000, minutes=10, per_hour=10_000)
    with pytest.raises(ValueError):
        Labour(minutes=10)
    assert Labour(piece_rate=0).per_piece == 0


def test_a_sheet_needs_pieces():
    with pytest.raises(CostError) as caught:
        CostSheet("x", 0, (), Labour(piece_rate=0), (), 1)
    assert caught.value.field == "batch_units"
    with pytest.raises(CostError):
        CostSheet("x", 1, (), Labour(piece_rate=0), (), 0)


def test_price_from_a_margin_and_margin_from_a_price():
    assert price_for_margin(16_400, 2_000) == 19_680  # 16.400 + 20%
    assert round_up_to(19_680) == 20_000
    assert round_up_to(20_000) == 20_000
    assert price_for_margin(16_401, 1_000) == 18_042  # 18.041,1 rounds up, never down
    at_market = margin_of_price(16_400, 15_000)
    assert at_market.profit == -1_400
    assert at_market.of_cost == Fraction(-1_400, 16_400)
    assert margin_of_price(0, 0) == costing.Margin(0, None, None)


def test_break_even_by_hand():
    # fixed 72.000; variable 14.000. At 15.000: 72.000 ÷ 1.000 = 72 keset; at 20.000: ÷ 6.000 = 12
    assert break_even(72_000, 15_000, 14_000).units == 72
    assert break_even(72_000, 20_000, 14_000).units == 12
    assert break_even(72_000, 14_500, 14_000).units == 144
    assert break_even(0, 15_000, 14_000).units == 0


@pytest.mark.parametrize("price", [14_000, 9_000, 0])
def test_at_or_below_the_variable_cost_every_sale_loses(price):
    result = break_even(72_000, price, 14_000)
    assert result.loses_every_sale
    assert result.units is None


@given(st.integers(0, 10**7), st.integers(1, 10**6), st.integers(0, 10**6))
def test_break_even_is_the_fewest_pieces_that_cover_the_month(fixed, price, variable):
    result = break_even(fixed, price, variable)
    if price <= variable:
        assert result.units is None
        return
    assert profit_at(result.units, price, variable, fixed) >= 0
    if result.units:
        assert profit_at(result.units - 1, price, variable, fixed) < 0


@given(st.integers(0, 10**8), st.integers(0, 50_000))
def test_price_for_margin_is_the_least_price_giving_the_margin(cost, points):
    price = price_for_margin(cost, points)
    assert (price - cost) * 10_000 >= cost * points
    assert (price - 1 - cost) * 10_000 < cost * points or cost == 0


def test_chart_units_reach_past_plan_and_break_even():
    units = costing.chart_units(30, break_even(72_000, 15_000, 14_000))
    assert units == [0, 20, 40, 60, 80, 100, 120]  # past 72 × 1,5 = 108, in round steps
    assert costing.chart_units(25, break_even(144_000, 110_000, 75_200)) == list(range(0, 41, 5))
    assert costing.chart_units(1, break_even(0, 1, 2)) == [0, 1]


# The goat, by hand (datasets/jepara/harga.yaml and kambing_peristiwa.csv):
#   feed 30.000 × 12 months = 360.000
#   grass: 6 hours a day × 30 days × Rp10.000 ÷ 40 goats = 45.000 a month × 12 = 540.000
#   medicine 60.000 -> subtotal 960.000
#   7 of 63 goats died: each goat sold carries 63/56 = 9/8 -> 1.080.000 (deaths' share 120.000)
#   cash only (feed + medicine) 420.000 × 9/8 = 472.500; at Rp2.600.000 profit 1.520.000
GOAT = GoatPlan(months=12, feed_per_month=30_000, grass_hours_per_day=6, hour_value=10_000,
                herd_size=40, medicine=60_000, deaths=7, raised=63, price=2_600_000)


def test_goat_to_idul_adha_by_hand():
    cost = goat_cost(GOAT)
    assert (cost.feed, cost.grass_per_month, cost.grass, cost.medicine) == (
        360_000, 45_000, 540_000, 60_000)
    assert (cost.subtotal, cost.deaths_share, cost.total) == (960_000, 120_000, 1_080_000)
    assert cost.cash_total == 472_500
    assert cost.profit == 1_520_000


def test_no_deaths_no_share():
    plan = GoatPlan(6, 10_000, 0, 10_000, 10, 0, 0, 10, 1_000_000)
    assert goat_cost(plan).deaths_share == 0


@pytest.mark.parametrize(("deaths", "raised", "field"), [(9, 9, "deaths"), (-1, 9, "deaths"),
                                                          (0, 0, "raised")])
def test_impossible_deaths_are_refused(deaths, raised, field):
    with pytest.raises(CostError) as caught:
        GoatPlan(12, 0, 0, 0, 40, 0, deaths, raised, 1)
    assert caught.value.field == field


def test_average_rounds_half_up():
    assert costing.average([175_000, 210_000, 190_000, 160_000, 170_000, 185_000, 200_000]) \
        == 184_286  # 1.290.000 ÷ 7 = 184.285,7
    assert costing.average([]) == 0

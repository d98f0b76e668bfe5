"""Goat gaduh/maro and investor deals, by hand: kids, price gain, losses, piece rates."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.sharing.partnership import (
    InvestorCase,
    KidSplit,
    gaduh,
    investor_cases,
    investor_share,
    maklon,
    split_kids,
)
from widgets.sharing.split import Contribution, SharingError


def sewers(n: int = 10, pieces: int = 60) -> list[Contribution]:
    return [Contribution(f"penjahit{i}", work=pieces) for i in range(n)]


def test_first_kid_to_the_keeper_then_half_each():
    # 5 kids: 1 to the keeper, 4 left -> 2 and 2: keeper 3, owner 2
    assert split_kids(5) == KidSplit(keeper=3, owner=2, to_sell=0)
    # 4 kids: 1 to the keeper, 3 left -> 1 and 1, one kid sold and its money halved
    assert split_kids(4) == KidSplit(2, 1, 1)
    assert split_kids(1) == KidSplit(1, 0, 0)
    assert split_kids(0) == KidSplit(0, 0, 0)
    # keeper a third of the rest: 6 kids -> 1, then 5 -> 1 and 3 whole, 1 sold
    assert split_kids(6, 1, Fraction(100, 3)) == KidSplit(2, 3, 1)


def test_gaduh_sale_owner_gets_the_price_back_and_half_the_gain():
    # bought 1.500.000, sold 2.600.000: gain 1.100.000 -> 550.000 each
    result = gaduh("Pak Haji Umar", "Agus Purnomo", 2_600_000, 1_500_000)
    assert result.shares == {"Pak Haji Umar": 2_050_000, "Agus Purnomo": 550_000}
    assert result.total == 2_600_000 and result.balanced


def test_an_odd_gain_gives_the_owner_the_extra_rupiah():
    # gain 1.100.001 halved: 550.000,5 each -> the owner (listed first) 550.001, keeper 550.000
    result = gaduh("Pak Haji Umar", "Agus Purnomo", 2_600_001, 1_500_000)
    assert (result.params["gain_owner"], result.params["gain_keeper"]) == (550_001, 550_000)
    assert result.shares == {"Pak Haji Umar": 2_050_001, "Agus Purnomo": 550_000}
    even = gaduh("Pak Haji Umar", "Agus Purnomo", 2_600_000, 1_500_000)
    assert (even.params["gain_owner"], even.params["gain_keeper"]) == (550_000, 550_000)
    loss = gaduh("O", "K", 1_800_000, 2_000_000)
    assert (loss.params["gain_owner"], loss.params["gain_keeper"]) == (-200_000, 0)


def test_gaduh_with_kids_sold_for_money():
    # 4 kids: keeper 2, owner 1, one kid sold at 700.000 -> 350.000 each, plus the sale
    result = gaduh("Pemilik", "Penggaduh", 2_600_000, 1_500_000, kids=4, kid_price=700_000)
    assert result.params["kids_keeper"] == 2 and result.params["kids_owner"] == 1
    assert result.params["kids_sold"] == 1
    assert result.shares == {"Pemilik": 2_050_000 + 350_000, "Penggaduh": 550_000 + 350_000}
    assert result.total == 3_300_000 and result.balanced


def test_a_normal_price_loss_is_the_owners():
    result = gaduh("Pemilik", "Penggaduh", 1_800_000, 2_000_000)
    assert result.shares == {"Pemilik": 1_800_000, "Penggaduh": 0}


def test_a_loss_from_negligence_is_the_keepers():
    result = gaduh("Pemilik", "Penggaduh", 1_800_000, 2_000_000, negligence=True)
    assert result.shares == {"Pemilik": 2_000_000, "Penggaduh": -200_000}
    assert result.balanced


def test_gaduh_refuses_one_person_on_both_sides():
    with pytest.raises(SharingError) as caught:
        gaduh("Agus", "agus ", 1, 0)
    assert caught.value.key == "name_twice"


def test_investor_40_percent_then_the_group_equally():
    # profit 6.000.000: investor 40% = 2.400.000; group 3.600.000 ÷ 10 = 360.000
    result = investor_share(6_000_000, sewers(), "Pak Hendra", Fraction(40))
    assert result.set_aside == {"investor": 2_400_000}
    assert set(result.shares.values()) == {360_000}
    assert result.balanced


def test_investor_bears_the_money_lost():
    result = investor_share(-1_000_000, sewers(), "Pak Hendra", Fraction(40))
    assert result.set_aside == {"investor": -1_000_000}
    assert set(result.shares.values()) == {0}
    assert result.is_loss and result.balanced


def test_maklon_pays_per_piece_whatever_the_profit():
    # 600 pieces × Rp3.000 = 1.800.000 for the group; the investor keeps 4.200.000
    result = maklon(6_000_000, sewers(), "Pak Hendra", 3_000)
    assert set(result.shares.values()) == {180_000}
    assert result.set_aside == {"investor": 4_200_000}
    bad_year = maklon(-1_000_000, sewers(), "Pak Hendra", 3_000)
    assert bad_year.shared == 1_800_000 and bad_year.set_aside == {"investor": -2_800_000}


def test_investor_cases_by_hand():
    # 10 sewers × 60 keset = 600 pieces at Rp20.000; the investor's costs Rp6.000.000;
    # A: 40% of the profit to the investor; B: Rp3.000 a piece to the group (1.800.000).
    # all 600 sell: profit 12.000.000 − 6.000.000 = 6.000.000 -> A 3.600.000 / 2.400.000,
    #   B 1.800.000 / 4.200.000
    # 300 sell: profit 0 -> A nothing to anyone; B 1.800.000 / −1.800.000
    # 200 sell: profit 4.000.000 − 6.000.000 = −2.000.000 -> A the investor bears it all,
    #   B 1.800.000 / −3.800.000
    cases = investor_cases(sewers(), 20_000, 6_000_000, Fraction(40), 3_000)
    assert cases == [
        InvestorCase(600, 6_000_000, 3_600_000, 1_800_000, 2_400_000, 4_200_000),
        InvestorCase(300, 0, 0, 1_800_000, 0, -1_800_000),
        InvestorCase(200, -2_000_000, 0, 1_800_000, -2_000_000, -3_800_000),
    ]
    # pieces that do not divide: 7 × 10 = 70, a third is 23 (rounded down)
    [third] = investor_cases(sewers(7, 10), 10_000, 100_000, Fraction(50), 1_000,
                             [Fraction(1, 3)])
    # profit 230.000 − 100.000 = 130.000 -> 65.000 each side; maklon 70.000 / 60.000
    assert third == InvestorCase(23, 130_000, 65_000, 70_000, 65_000, 60_000)


def test_maklon_needs_whole_pieces():
    with pytest.raises(SharingError) as caught:
        maklon(1000, [Contribution("a", work=Fraction(1, 2))], "X", 100)
    assert caught.value.key == "pieces_whole"


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), st.integers(0, 10**9), st.integers(0, 40), st.integers(0, 10**7),
       st.integers(0, 3), st.integers(0, 100), st.booleans())
def test_gaduh_always_adds_up(sale, buy, kids, kid_price, first, keeper_percent, negligence):
    result = gaduh("O", "K", sale, buy, kids, kid_price, first, Fraction(keeper_percent),
                   negligence)
    assert result.balanced
    p = result.params
    assert p["kids_keeper"] + p["kids_owner"] + p["kids_sold"] == kids
    assert p["kids_keeper"] >= min(first, kids)

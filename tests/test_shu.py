"""Cooperative SHU: the FACTS.md worked check to the rupiah, the bylaws, and the village's
example cooperative."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.core.village import load_village
from widgets.sharing import shu
from widgets.sharing.data import load_sharing
from widgets.sharing.split import Contribution, SharingError

BYLAWS = {"cadangan": 30, "jua": 25, "jma": 20, "pengurus": 5, "karyawan": 5,
          "pendidikan": 5, "sosial": 5, "pembangunan": 5}


def facts_members() -> list[Contribution]:
    """The FACTS.md member (Rp5 jt of Rp75 jt transactions, Rp2 jt of Rp100 jt savings) and
    others making up the totals."""
    return [Contribution("Anggota A", transactions=5_000_000, savings=2_000_000),
            Contribution("Anggota B", transactions=30_000_000, savings=48_000_000),
            Contribution("Anggota C", transactions=40_000_000, savings=50_000_000)]


def test_facts_worked_check_gives_exactly_1_240_000():
    # SHU 60.000.000: JUA 25% = 15.000.000, JMA 20% = 12.000.000.
    # 5/75 × 15.000.000 = 1.000.000; 2/100 × 12.000.000 = 240.000; together 1.240.000.
    result = shu.shu_distribution(60_000_000, BYLAWS, facts_members())
    assert result.shares["Anggota A"] == 1_240_000
    steps = shu.member_steps(60_000_000, BYLAWS, facts_members(), "Anggota A")
    assert (steps.jua, steps.jma) == (15_000_000, 12_000_000)
    assert (steps.from_jua, steps.from_jma, steps.share) == (1_000_000, 240_000, 1_240_000)
    assert shu.exact_share(steps) == 1_240_000


def test_allocations_and_members_add_up_to_the_shu():
    result = shu.shu_distribution(60_000_000, BYLAWS, facts_members())
    assert result.set_aside == {"cadangan": 18_000_000, "pengurus": 3_000_000,
                                "karyawan": 3_000_000, "pendidikan": 3_000_000,
                                "sosial": 3_000_000, "pembangunan": 3_000_000}
    assert result.shared == 27_000_000  # JUA + JMA
    assert result.balanced and result.method == "shu"
    assert result.params["all_transactions"] == 75_000_000


def test_the_village_cooperative_reproduces_the_check():
    village = load_village()
    coop = load_sharing(village).cooperative()
    members = [Contribution(village.member(m.member).name, transactions=m.transactions,
                            savings=m.savings) for m in coop.members]
    result = shu.shu_distribution(coop.shu, coop.bylaws, members)
    assert result.shares["Sari Wulandari"] == 1_240_000
    # the exercise member: 6/75 × 15 jt = 1.200.000, 3/100 × 12 jt = 360.000
    assert result.shares["Joko Santoso"] == 1_560_000
    assert sum(result.shares.values()) + sum(result.set_aside.values()) == 60_000_000


def test_bylaws_must_add_up_to_100():
    wrong = {**BYLAWS, "cadangan": 40}  # the 40/40/5x5 convention as often written: 105%
    with pytest.raises(SharingError) as caught:
        shu.allocate(60_000_000, wrong)
    assert caught.value.key == "bylaws_not_100" and "110%" in str(caught.value)


def test_bylaws_take_text_and_half_percents():
    laws = {"cadangan": "27,5", "jua": "25", "jma": "22.5", "pengurus": 25}
    assert shu.allocate(1000, laws) == {"cadangan": 275, "jua": 250, "jma": 225,
                                        "pengurus": 250}


def test_a_loss_is_not_shared_as_shu():
    with pytest.raises(SharingError) as caught:
        shu.shu_distribution(-1, BYLAWS, facts_members())
    assert caught.value.key == "shu_loss" and "cadangan" in str(caught.value)


def test_nobody_transacted_is_a_plain_message():
    members = [Contribution("A", savings=10), Contribution("B", savings=5)]
    with pytest.raises(SharingError) as caught:
        shu.shu_distribution(1_000_000, BYLAWS, members)
    assert caught.value.key == "no_transactions"


def test_unknown_allocation_is_a_developer_error():
    with pytest.raises(ValueError):
        shu.allocate(100, {"arisan": 100})


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**10),
       st.lists(st.tuples(st.integers(0, 10**8), st.integers(0, 10**8)), min_size=1,
                max_size=30).filter(lambda r: any(a for a, _ in r) and any(b for _, b in r)))
def test_shu_always_adds_up_and_each_share_is_within_two_rupiah(total, rows):
    members = [Contribution(f"a{i}", transactions=t, savings=s) for i, (t, s) in enumerate(rows)]
    result = shu.shu_distribution(total, BYLAWS, members)
    assert result.balanced
    jua, jma = result.params["jua"], result.params["jma"]
    all_t, all_s = result.params["all_transactions"], result.params["all_savings"]
    for m in members:
        exact = Fraction(m.transactions * jua, all_t) + Fraction(m.savings * jma, all_s)
        assert abs(result.shares[m.name] - exact) < 2  # one rounding in each of JUA and JMA

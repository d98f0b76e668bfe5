"""The exact split and the group's own methods: properties over thousands of cases, and one
hand-computed example per method on the village's own numbers."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.core import i18n
from widgets.core.numbers import NumberError, parse_percent
from widgets.sharing.comparison import compare
from widgets.sharing.split import (
    Contribution,
    SharingError,
    equal_split,
    percent_text,
    percent_value,
    split_by_capital,
    split_by_work,
    split_mixed,
    split_profit,
    split_with_fund,
)

MAX_TOTAL = 10_000_000_000  # Rp10.000.000.000
FEED_DAYS = {"darto": 14, "joko": 13, "slamet": 14, "agus": 12, "heri": 8, "hidayat": 14,
             "suparno": 14, "teguh": 9}  # SharingData.feed_days("kambing")
GOAT_SALE = 15_600_000  # 6 bucks sold before Idul Adha 2019 (kambing_peristiwa.csv)


def goat_members(**extra) -> list[Contribution]:
    capital = {"darto": 100_000, "joko": 100_000, "slamet": 50_000, "agus": 50_000,
               "heri": 50_000, "hidayat": 75_000, "suparno": 50_000, "teguh": 75_000}
    return [Contribution(name, work=days, capital=capital[name], **extra)
            for name, days in FEED_DAYS.items()]


# --- Properties of split_profit -------------------------------------------------------------

int_weight = st.integers(0, 10**6)
fraction_weight = st.fractions(min_value=0, max_value=1000, max_denominator=10**4)
float_weight = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
# Short lists of whole numbers keep each case cheap to draw (about 2 ms here): the main
# property runs thousands of them. Fractions and floats cost more to draw and get their own
# test; test_up_to_500_members covers long lists.
int_lists = st.lists(int_weight, min_size=1, max_size=12)
mixed_lists = st.lists(st.one_of(int_weight, fraction_weight, float_weight), min_size=1,
                       max_size=12)
totals = st.integers(-MAX_TOTAL, MAX_TOTAL)


def quotas(total: int, weights: dict) -> dict[str, Fraction]:
    """Each member's exact share, computed independently of the code under test."""
    exact = {name: Fraction(w) for name, w in weights.items()}
    whole = sum(exact.values())
    return {name: total * w / whole for name, w in exact.items()}


def assert_exact_split(total: int, weights: dict, shares: dict[str, int]) -> None:
    assert sum(shares.values()) == total
    assert list(shares) == list(weights)
    for name, exact in quotas(total, weights).items():
        share = shares[name]
        assert isinstance(share, int) and not isinstance(share, bool)
        assert math.floor(exact) <= share <= math.ceil(exact), (name, exact, share)
        if weights[name] == 0:
            assert share == 0


def assert_monotonic(total: int, weights: dict, shares: dict[str, int]) -> None:
    """Sorted by weight, the shares never go down (for a loss: the parts borne never shrink)."""
    ranked = sorted(weights, key=lambda n: Fraction(weights[n]))
    for lighter, heavier in zip(ranked, ranked[1:], strict=False):
        if Fraction(weights[heavier]) > Fraction(weights[lighter]):
            assert abs(shares[heavier]) >= abs(shares[lighter]), (lighter, heavier)


def as_members(raw: list) -> dict[str, object]:
    """Named weights, listed in an order unrelated to their names; never all zero."""
    weights = {f"anggota{(i * 7919) % 10007}": w for i, w in enumerate(raw)}
    if not any(weights.values()):
        weights[next(iter(weights))] = 1
    return weights


def check_split(total: int, weights: dict) -> None:
    """Sums exact; each share the floor or ceiling of its quota; zero weight -> 0; input order
    kept; a larger weight never gets less than a smaller one."""
    shares = split_profit(total, weights)
    assert_exact_split(total, weights, shares)
    assert_monotonic(total, weights, shares)


def check_properties(total: int, raw: list) -> None:
    check_split(total, as_members(raw))


@settings(max_examples=3000, deadline=None)
@given(totals, int_lists)
def test_split_properties_whole_weights(total, raw):
    check_properties(total, raw)


@settings(max_examples=600, deadline=None)
@given(totals, mixed_lists)
def test_split_properties_fraction_and_float_weights(total, raw):
    check_properties(total, raw)


@settings(max_examples=120, deadline=None)
@given(st.integers(0, MAX_TOTAL), st.integers(1, 500), st.randoms(use_true_random=False))
def test_up_to_500_members(total, size, rng):
    # Hypothesis draws the size and a seeded generator: drawing 500 weights one by one
    # would cost seconds per case.
    zero_share = rng.random() / 2
    weights = {f"anggota{i}": 0 if rng.random() < zero_share else rng.randint(1, 10**6)
               for i in range(size)}
    weights["anggota0"] = weights["anggota0"] or 1
    check_split(total, weights)


@settings(max_examples=500, deadline=None)
@given(totals, int_lists)
def test_a_loss_mirrors_the_profit_split(total, raw):
    weights = as_members(raw)
    assert split_profit(-total, weights) == {n: -s for n, s in split_profit(total, weights).items()}


def test_ties_go_to_the_member_listed_first():
    assert split_profit(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    assert split_profit(100, {"c": 1, "b": 1, "a": 1}) == {"c": 34, "b": 33, "a": 33}
    assert split_profit(2, {"a": 1, "b": 1, "c": 1}) == {"a": 1, "b": 1, "c": 0}
    assert split_profit(-100, {"a": 1, "b": 1, "c": 1}) == {"a": -34, "b": -33, "c": -33}


def test_the_largest_remainder_wins_before_order():
    # quotas 1.2, 1.8, 1.0: the one rupiah left goes to the .8, not to the first name
    assert split_profit(4, {"a": 6, "b": 9, "c": 5}) == {"a": 1, "b": 2, "c": 1}


@pytest.mark.parametrize("weights,key", [
    ({}, "no_members"),
    ({"a": 0, "b": 0}, "all_zero"),
    ({"a": 3, "b": -1}, "weight_negative"),
    ({"a": float("nan")}, "weight_not_number"),
    ({"a": float("inf")}, "weight_not_number"),
    ({"a": "3"}, "weight_not_number"),
    ({"a": True}, "weight_not_number"),
])
def test_bad_weights_raise_a_plain_indonesian_error(weights, key):
    with pytest.raises(SharingError) as caught:
        split_profit(1000, weights)
    assert isinstance(caught.value, ValueError)
    assert caught.value.key == key
    assert "Traceback" not in str(caught.value) and str(caught.value)[0].isupper()


def test_total_must_be_whole_rupiah():
    for total in (1.5, True, "100"):
        with pytest.raises(TypeError):
            split_profit(total, {"a": 1})


def test_error_text_follows_the_language():
    i18n.set_language("en")
    with pytest.raises(SharingError, match="no members"):
        split_profit(5, {})


# --- Percentages ----------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [("20", 20), ("20%", 20), ("12,5", Fraction(25, 2)),
                                        ("12.5", Fraction(25, 2)), (" 0 ", 0), ("100", 100),
                                        ("33,33", Fraction(3333, 100))])
def test_percent_value_of_typed_text(text, value):
    assert percent_value(text) == value


@pytest.mark.parametrize("text,key", [("", "percent_empty"), ("abc", "not_a_percent"),
                                      ("-5", "negative"), ("101", "percent_too_large"),
                                      ("1,234", "too_many_decimals")])
def test_percent_value_refuses_typed_text(text, key):
    with pytest.raises(SharingError) as caught:
        percent_value(text)
    assert caught.value.key == key
    with pytest.raises(NumberError) as direct:
        parse_percent(text)
    assert str(caught.value) == str(direct.value)  # the one parser's message


@given(st.integers(0, 99), st.text("0123456789", max_size=2), st.sampled_from(",."),
       st.sampled_from(["", "%", " %"]), st.sampled_from(["", " "]))
def test_percent_value_reads_every_percentage_as_typed(whole, frac, mark, sign, pad):
    """Whatever the calculator's old parser accepted (0 to 100, up to two decimals, a comma or
    a dot, a % sign) reads to the same exact value."""
    text = f"{pad}{whole}{mark + frac if frac else ''}{sign}{pad}"
    expected = whole + (Fraction(int(frac), 10 ** len(frac)) if frac else 0)
    assert percent_value(text) == expected


def test_percent_value_of_a_number():
    assert percent_value(Fraction(25, 2)) == Fraction(25, 2) and percent_value(40) == 40
    with pytest.raises(SharingError, match="101"):
        percent_value(101)


def test_percent_text():
    assert percent_text(Fraction(25, 2)) == "12,5"
    assert percent_text(Fraction(20)) == "20"
    assert percent_text(Fraction(201, 20), ".") == "10.05"


# --- One hand-computed example per method ---------------------------------------------------


def test_equal_split_of_the_goat_sale():
    # 15.600.000 ÷ 8 = 1.950.000 exactly
    result = equal_split(GOAT_SALE, goat_members())
    assert set(result.shares.values()) == {1_950_000}
    assert result.balanced and result.set_aside == {} and not result.is_loss


def test_goat_sale_by_feed_days():
    # 98 days in all. Quotas: 14 days -> 2.228.571,43; 13 -> 2.069.387,76; 12 -> 1.910.204,08;
    # 8 -> 1.273.469,39; 9 -> 1.432.653,06. Floors add up to 15.599.997: 3 rupiah left, to
    # the largest remainders: joko (,76), then darto and slamet (,43, listed before hidayat
    # and suparno).
    result = split_by_work(GOAT_SALE, goat_members(), "hari")
    assert result.shares == {"darto": 2_228_572, "joko": 2_069_388, "slamet": 2_228_572,
                             "agus": 1_910_204, "heri": 1_273_469, "hidayat": 2_228_571,
                             "suparno": 2_228_571, "teguh": 1_432_653}
    assert result.params == {"unit": "hari"}


def test_split_by_capital():
    # capital 550.000 in all; 1.100.000 is exactly twice each member's capital
    result = split_by_capital(1_100_000, goat_members())
    assert result.shares["darto"] == 200_000 and result.shares["heri"] == 100_000
    assert result.shares["teguh"] == 150_000 and result.shared == 1_100_000


def test_konveksi_august_after_the_group_fund():
    # Profit Aug 2019 Rp2.072.000; 20% = 414.400 to the fund; 1.657.600 ÷ 10 = 165.760
    members = [Contribution(f"penjahit{i}") for i in range(10)]
    result = split_with_fund(2_072_000, members, Fraction(20))
    assert result.set_aside == {"kas": 414_400}
    assert set(result.shares.values()) == {165_760}
    assert result.shared + result.kept == 2_072_000


def test_fund_then_by_work():
    members = [Contribution("a", work=3), Contribution("b", work=1)]
    result = split_with_fund(1_000_000, members, Fraction(10), {"work": Fraction(100)})
    assert result.set_aside == {"kas": 100_000}
    assert result.shares == {"a": 675_000, "b": 225_000}


def test_half_equal_half_by_feed_days():
    # 7.800.000 equally = 975.000 each; 7.800.000 by days = 79.591,84 a day.
    # heri: 975.000 + 636.734,69 = 1.611.734,69 -> 1.611.734 (5 rupiah left over go to joko ,88
    # and the four 14-day members ,71; heri's ,69 is sixth)
    parts = {"equal": Fraction(50), "work": Fraction(50)}
    result = split_mixed(GOAT_SALE, goat_members(), parts)
    assert result.shares["heri"] == 1_611_734
    assert result.shares["teguh"] == 1_691_326
    assert result.shares["joko"] == 2_009_694
    assert result.shares["darto"] == result.shares["suparno"] == 2_089_286
    assert result.shared == GOAT_SALE


def test_mix_parts_must_make_100():
    with pytest.raises(SharingError) as caught:
        split_mixed(1000, goat_members(), {"equal": Fraction(50), "work": Fraction(40)})
    assert caught.value.key == "parts_not_100" and "90%" in str(caught.value)


def test_a_loss_is_shared_and_marked():
    result = equal_split(-400_000, goat_members())
    assert result.is_loss and set(result.shares.values()) == {-50_000}


def test_methods_refuse_missing_inputs():
    nobody_worked = [Contribution("a"), Contribution("b")]
    with pytest.raises(SharingError) as caught:
        split_by_work(1000, nobody_worked)
    assert caught.value.key == "no_work"
    with pytest.raises(SharingError) as caught:
        split_by_capital(1000, nobody_worked)
    assert caught.value.key == "no_capital"
    with pytest.raises(SharingError) as caught:
        equal_split(1000, [Contribution("Ani"), Contribution("ani")])
    assert caught.value.key == "name_twice"
    with pytest.raises(SharingError) as caught:
        equal_split(1000, [Contribution("  ")])
    assert caught.value.key == "name_empty"
    with pytest.raises(SharingError):
        equal_split(1000, [])


def test_compare_shows_who_gains_and_who_loses_against_equal():
    members = goat_members()
    table = compare(GOAT_SALE, members, {"kerja": split_by_work(GOAT_SALE, members),
                                         "modal": split_by_capital(GOAT_SALE, members)})
    heri = next(r for r in table.rows if r.name == "heri")
    assert heri.shares["kerja"] == 1_273_469
    assert heri.differences["kerja"] == 1_273_469 - 1_950_000 == -676_531
    assert [r.name for r in table.losers("kerja")] == ["agus", "heri", "teguh"]
    assert "darto" in [r.name for r in table.gainers("modal")]
    assert sum(r.differences["kerja"] for r in table.rows) == 0
    assert [r.name for r in table.rows] == list(FEED_DAYS)


def test_compared_rules_take_the_percentages_typed_once():
    from widgets.sharing.comparison import compare_rules, compared_rules, equal_label

    members = goat_members()
    rules = compared_rules({"fund": Fraction(10)}, "hari")
    assert list(rules) == ["Menurut hari kerja", "Menurut modal", "Kas 10%, sisanya rata",
                           "50% rata + 50% menurut hari kerja"]  # the equal part as it starts
    assert rules["Kas 10%, sisanya rata"].params["fund_percent"] == "10"
    assert list(compared_rules({}, "hari", picked=["capital"])) == ["Menurut modal"]
    table, skipped = compare_rules(GOAT_SALE, members, rules)
    assert skipped == [] and list(table.distributions) == [equal_label(), *rules]
    for result in table.distributions.values():
        assert sum(result.shares.values()) + result.kept == GOAT_SALE
    assert table.rows[4].shares["Menurut hari kerja"] == 1_273_469
    # Nobody worked: sharing by work is skipped, with why; the rest stay.
    idle = [Contribution(m.name, capital=m.capital) for m in members]
    table, skipped = compare_rules(GOAT_SALE, idle, rules)
    assert [s.split(":")[0] for s in skipped] == ["Menurut hari kerja",
                                                 "50% rata + 50% menurut hari kerja"]
    assert "Menurut modal" in table.distributions


def test_compare_refuses_a_different_total():
    members = goat_members()
    with pytest.raises(ValueError):
        compare(GOAT_SALE, members, {"x": equal_split(1000, members)})


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**9, 10**9),
       st.lists(st.tuples(st.integers(0, 500), st.integers(0, 10**7)), min_size=1, max_size=30)
       .filter(lambda rows: any(w for w, _ in rows) and any(c for _, c in rows)),
       st.integers(0, 100), st.integers(0, 100))
def test_every_method_adds_up(total, rows, fund, equal_part):
    members = [Contribution(f"a{i}", work=w, capital=c) for i, (w, c) in enumerate(rows)]
    results = [
        equal_split(total, members), split_by_work(total, members),
        split_by_capital(total, members),
        split_with_fund(total, members, Fraction(fund), {"work": Fraction(100)}),
        split_mixed(total, members, {"equal": Fraction(equal_part),
                                     "capital": Fraction(100 - equal_part)}),
    ]
    for result in results:
        assert result.balanced, result
        assert list(result.shares) == [m.name for m in members]

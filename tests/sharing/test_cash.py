"""Cash-payable shares: every method's shares rounded down to the group's cash unit, the
remainder to the group fund. Properties over every method in the registry, and the issue's own
example (the goat sale by feed days: nobody can hand over Rp69)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.core.i18n import t
from widgets.sharing import methods, params
from widgets.sharing.cash import CASH_UNITS, ROUNDING, cash_rounded, round_to_cash
from widgets.sharing.comparison import compare
from widgets.sharing.rules import Rule, calculate, describe
from widgets.sharing.split import Contribution, Distribution, split_by_work

FEED_DAYS = {"Sudarto": 14, "Joko": 13, "Slamet": 14, "Agus": 12, "Heri": 8, "Hidayat": 14,
             "Suparno": 14, "Teguh": 9}  # the kambing group's feed days (village data)
GOAT_SALE = 15_600_000
FEED_SPLIT = [2_228_572, 2_069_388, 2_228_572, 1_910_204, 1_273_469, 2_228_571, 2_228_571,
              1_432_653]
ROUNDED_UNITS = st.sampled_from([u for u in CASH_UNITS if u > 1])


# --- The rule itself ------------------------------------------------------------------------


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.integers(-10**10, 10**10), min_size=1, max_size=15),
       st.one_of(st.integers(1, 100_000), st.sampled_from(CASH_UNITS)))
def test_rounding_down_keeps_every_rupiah(amounts: list[int], unit: int):
    shares = {f"m{i}": amount for i, amount in enumerate(amounts)}
    rounded, remainder = round_to_cash(shares, unit)
    assert list(rounded) == list(shares)  # same members, same order
    assert all(amount % unit == 0 for amount in rounded.values())
    assert sum(rounded.values()) + remainder == sum(shares.values())
    assert 0 <= remainder < unit * len(shares)
    # Down, and by less than one unit: nobody gets more, nor a unit less, than calculated.
    assert all(shares[n] - unit < rounded[n] <= shares[n] for n in shares)


def test_the_issues_example_pays_whole_thousands():
    members = [Contribution(name, work=days) for name, days in FEED_DAYS.items()]
    exact = split_by_work(GOAT_SALE, members)
    assert list(exact.shares.values()) == FEED_SPLIT  # Rp1.273.469: no one has Rp69 coins
    result = cash_rounded(exact, 1000)
    assert list(result.shares.values()) == [2_228_000, 2_069_000, 2_228_000, 1_910_000,
                                            1_273_000, 2_228_000, 2_228_000, 1_432_000]
    # 572 + 388 + 572 + 204 + 469 + 571 + 571 + 653 = 4.000 to the group fund
    assert result.set_aside == {ROUNDING: 4_000} and result.balanced
    assert result.exact == exact.shares and result.cash_unit == 1000
    half = cash_rounded(exact, 500)  # 72 + 388 + 72 + 204 + 469 + 71 + 71 + 153
    assert half.set_aside == {ROUNDING: 1_500} and half.shares["Heri"] == 1_273_000


def test_a_part_of_a_loss_is_rounded_down_too():
    # -12.345 to the nearest Rp500 below is -12.500: the member pays Rp155 more, to the fund.
    assert round_to_cash({"a": -12_345, "b": 12_345}, 500) == ({"a": -12_500, "b": 12_000}, 500)


def test_unit_one_changes_nothing_and_bad_units_are_refused():
    result = Distribution("equal", 10, {"a": 5, "b": 5})
    assert cash_rounded(result, 1) is result
    with pytest.raises(ValueError):
        round_to_cash({"a": 5}, 0)
    for bad in (True, 500.0, "500"):
        with pytest.raises(TypeError):
            round_to_cash({"a": 5}, bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        round_to_cash({"a": 5.5}, 100)  # type: ignore[dict-item]


def test_the_cash_unit_is_a_parameter_of_every_method():
    for method in methods.METHODS.values():
        assert params.CASH_UNIT in method.settings
        assert method.fields({})[-1] is params.CASH_UNIT  # asked last, after the method's own
    assert methods.form_params()[-1] is params.CASH_UNIT
    assert params.cash_unit_value("500") == 500 and params.CASH_UNIT.read(1000) == 1000
    for bad in (250, "abc", None, True, 500.5):
        with pytest.raises(ValueError):
            params.cash_unit_value(bad)
    assert params.cash_label(1) == "Tidak dibulatkan" and params.cash_label(1000) == "Rp1.000"
    # The record says it in the rule's sentence, not on a line of its own.
    fund = methods.METHODS["fund"]
    assert fund.record_lines({"cash_unit": 500}) == fund.record_lines({}) == [
        ("Kas kelompok disisihkan dulu", "20%")]


def test_the_rule_says_the_rounding_in_words():
    assert describe(Rule("equal")) == "Semua anggota mendapat bagian yang sama."
    assert describe(Rule("equal", {"cash_unit": 1000})) == (
        "Semua anggota mendapat bagian yang sama. Setiap bagian dibulatkan ke bawah ke "
        "kelipatan Rp1.000 untuk dibayar tunai; sisanya masuk kas kelompok.")
    assert t("sharing.aside_rounding") == "Sisa pembulatan masuk kas kelompok"


# --- Every method in the registry -----------------------------------------------------------


def _example(param: params.Param, draw: Any) -> Any:
    """A value for one parameter: each choice drawn, everything else the form's example."""
    if param.kind in ("choice", "unit"):
        return draw(st.sampled_from(param.choices))
    if param.example:
        return t(param.example)
    return param.default if param.start is None else param.start


@st.composite
def method_cases(draw: Any) -> tuple[str, dict[str, Any], int, list[Contribution]]:
    key = draw(st.sampled_from(list(methods.METHODS)))
    method = methods.METHODS[key]
    rule = {p.key: _example(p, draw) for p in method.params}
    size = draw(st.integers(1, 12))
    members = [Contribution(f"Anggota {i}", work=draw(st.integers(1, 400)),
                            capital=draw(st.integers(1, 10**8)),
                            transactions=draw(st.integers(1, 10**9)),
                            savings=draw(st.integers(1, 10**8)))
               for i in range(size)]
    # A goat is not sold for less than nothing, and a cooperative does not share a loss.
    low = 0 if key in ("gaduh", "shu") else -10**10
    return key, rule, draw(st.integers(low, 10**10)), members


@settings(max_examples=1500, deadline=None)
@given(method_cases(), ROUNDED_UNITS)
def test_every_method_pays_cash_and_keeps_every_rupiah(case, unit: int):
    key, rule, total, members = case
    exact = calculate(Rule(key, rule), total, members)
    result = calculate(Rule(key, {**rule, "cash_unit": unit}), total, members)
    remainder = result.set_aside[ROUNDING]
    assert all(share % unit == 0 for share in result.shares.values())
    assert result.shared + result.kept == result.total == exact.total
    assert 0 <= remainder < unit * len(result.shares)
    # The method's own figures are untouched: the shares as calculated, the other set-asides.
    assert result.exact == exact.shares and result.cash_unit == unit
    assert {c: a for c, a in result.set_aside.items() if c != ROUNDING} == exact.set_aside
    assert sum(exact.shares.values()) == result.shared + remainder


def test_methods_compared_in_cash_are_set_against_equal_in_cash():
    members = [Contribution(name, work=days) for name, days in FEED_DAYS.items()]
    by_work = calculate(Rule("work", {"unit": "hari", "cash_unit": 1000}), GOAT_SALE, members)
    table = compare(GOAT_SALE, members, {"kerja": by_work}, cash_unit=1000)
    assert table.baseline.shares == dict.fromkeys(FEED_DAYS, 1_950_000)
    heri = next(row for row in table.rows if row.name == "Heri")
    assert heri.shares["kerja"] == 1_273_000 and heri.differences["kerja"] == -677_000

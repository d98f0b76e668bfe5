"""widgets.core.numbers: quantities, counts and percentages typed the Indonesian way, and the one
rounding rule (half up)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.core.numbers import (
    BASIS,
    NumberError,
    format_count,
    format_percent,
    format_quantity,
    format_ratio,
    parse_count,
    parse_percent,
    parse_quantity,
    round_half_up,
    share,
)


@pytest.mark.parametrize(("value", "whole"), [
    (Fraction(8026, 1), 8026), (Fraction(16053, 2), 8027), (Fraction(16051, 2), 8026),
    (Fraction(1, 3), 0), (Fraction(2, 3), 1), (Fraction(-1, 2), 0), (Fraction(-3, 2), -1), (7, 7),
])
def test_round_half_up(value, whole):
    assert round_half_up(value) == whole


@pytest.mark.parametrize(("text", "value"), [
    ("2", Fraction(2)), ("0,5", Fraction(1, 2)), ("0.5", Fraction(1, 2)),
    (" 1,25 ", Fraction(5, 4)), ("1,500", Fraction(3, 2)), ("0,125", Fraction(1, 8)),
])
def test_parse_quantity(text, value):
    assert parse_quantity(text) == value


@pytest.mark.parametrize(("text", "key"), [
    ("", "empty"), ("   ", "empty"), ("dua", "not_a_number"), ("-1", "negative"),
    ("0", "not_positive"), ("0,0001", "too_many_decimals"), ("1.000,5", "not_a_number"),
    ("2 kg", "not_a_number"),
])
def test_parse_quantity_refuses_with_a_reason(text, key):
    with pytest.raises(NumberError) as caught:
        parse_quantity(text)
    assert caught.value.key == key
    assert str(caught.value)  # a message from the catalog, not an empty error


@pytest.mark.parametrize(("text", "value"), [("30", 30), (" 1 ", 1), ("250", 250)])
def test_parse_count(text, value):
    assert parse_count(text) == value


@pytest.mark.parametrize(("text", "key"), [
    ("2,5", "not_whole_count"), ("1.000", "not_whole_count"), ("0", "count_too_small"),
    ("abc", "not_a_number"), ("", "empty"), ("-3", "negative"), ("9999999", "too_large"),
])
def test_parse_count_refuses(text, key):
    with pytest.raises(NumberError) as caught:
        parse_count(text)
    assert caught.value.key == key


@pytest.mark.parametrize(("text", "points"), [
    ("20", 2000), ("20%", 2000), ("4,25 %", 425), ("4.25", 425), ("0,5", 50), ("100", 10_000),
    ("0", 0), ("12,5%", 1250), (" 12,5 % ", 1250), ("12,50", 1250), ("033", 3300),
    ("100,00", 10_000),
])
def test_parse_percent_in_basis_points(text, points):
    assert parse_percent(text) == points


@pytest.mark.parametrize(("text", "key"), [
    ("101", "percent_too_large"), ("4,255", "too_many_decimals"), ("%", "not_a_percent"),
    ("sepuluh", "not_a_percent"), ("-5", "negative"), ("\u22125", "negative"),
    ("", "percent_empty"), ("   ", "percent_empty"), ("\u00a0", "percent_empty"),
    ("1,005", "too_many_decimals"), ("12,5,0", "not_a_percent"), ("20 %%", "not_a_percent"),
])
def test_parse_percent_refuses(text, key):
    with pytest.raises(NumberError) as caught:
        parse_percent(text)
    assert caught.value.key == key


def test_percent_messages_say_what_to_type():
    with pytest.raises(NumberError, match="Persennya belum diisi"):
        parse_percent(" ")
    with pytest.raises(NumberError, match='"dua puluh" bukan persen'):
        parse_percent("dua puluh")
    assert parse_percent("250", maximum=100 * BASIS) == 25_000  # a margin may pass 100%


def test_percent_limit_is_named_in_the_message():
    with pytest.raises(NumberError, match="50%"):
        parse_percent("60", maximum=5_000)


@pytest.mark.parametrize(("points", "text"), [
    (425, "4,25%"), (2000, "20%"), (50, "0,5%"), (800, "8%"), (1250, "12,5%"), (0, "0%"),
    (-150, "-1,5%"),
])
def test_format_percent(points, text):
    assert format_percent(points) == text


@given(st.integers(min_value=0, max_value=10_000))
def test_a_formatted_percent_reads_back_the_same(points):
    assert parse_percent(format_percent(points)) == points


@pytest.mark.parametrize(("value", "text"), [
    (Fraction(1, 9), "11,1%"), (Fraction(1, 5), "20%"), (Fraction(-1400, 16400), "-8,5%"),
    (Fraction(1, 2000), "0,1%"),
])
def test_format_ratio_one_decimal_half_up(value, text):
    assert format_ratio(value) == text


@pytest.mark.parametrize(("count", "text"), [
    (0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (1030, "1.030"), (-50, "-50"),
    (1234567, "1.234.567"),
])
def test_format_count_groups_thousands_with_dots(count, text):
    assert format_count(count) == text


def test_format_quantity_and_share():
    assert format_quantity(Fraction(1, 2)) == "0,5"
    assert format_quantity(Fraction(3)) == "3"
    assert share(15_000, 2000) == 3000  # 20% of Rp15.000
    assert share(29_329, 50) == 147  # 146,645 -> 147
    assert share(29_330, 1000) == 2933


@pytest.mark.parametrize("text", ["-0", "-0,0", "- 0", "\u22120", "-0%"])
def test_minus_zero_is_never_called_negative(text):
    """Security finding 8c: "-0" reads as 0, so each parser answers as it does for "0"."""
    assert parse_percent(text) == 0
    if "%" in text:
        return
    with pytest.raises(NumberError) as refused:
        parse_quantity(text)
    assert refused.value.key == "not_positive"
    if "," not in text:
        with pytest.raises(NumberError) as too_small:
            parse_count(text)
        assert too_small.value.key == "count_too_small"

"""Reading and writing rupiah amounts (widgets/money.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.core import i18n
from widgets.core.money import (
    MAX_AMOUNT,
    AmountError,
    format_rupiah,
    format_rupiah_short,
    parse_rupiah,
)

ACCEPTED = [
    ("Rp1.500.000", 1_500_000),
    ("Rp 1.500.000", 1_500_000),
    ("Rp. 25.000,-", 25_000),
    ("Rp. 25.000,--", 25_000),
    ("rp25.000", 25_000),
    ("RP25.000", 25_000),
    ("1.500.000,00", 1_500_000),
    ("1500000", 1_500_000),
    ("150rb", 150_000),
    ("150 rb", 150_000),
    ("150 ribu", 150_000),
    ("150 RIBU", 150_000),
    ("150k", 150_000),
    ("150K", 150_000),
    ("2 juta", 2_000_000),
    ("2jt", 2_000_000),
    ("2 JT", 2_000_000),
    ("1,5 jt", 1_500_000),
    ("1.5jt", 1_500_000),
    ("1,25 juta", 1_250_000),
    ("Rp 1,5 jt", 1_500_000),
    ("1.500 rb", 1_500_000),
    ("1.500,5 rb", 1_500_500),
    ("1,234 rb", 1_234),
    ("  25.000  ", 25_000),
    ("\u00a0Rp\u00a025.000\u202f", 25_000),
    ("150\u00a0rb", 150_000),
    ("0", 0),
    ("Rp0", 0),
    ("25", 25),
    ("1.000.000.000.000", MAX_AMOUNT),
    ("1 juta", 1_000_000),
]

REJECTED = [
    ("", "empty"),
    ("   ", "empty"),
    ("\u00a0", "empty"),
    ("abc", "not_a_number"),
    ("12a", "not_a_number"),
    ("$50", "not_a_number"),
    ("Rp", "not_a_number"),
    ("--", "not_a_number"),
    (".", "not_a_number"),
    ("-abc", "not_a_number"),
    ("25,- rb", "not_a_number"),
    ("1 500 000", "not_a_number"),
    ("\u00b2", "not_a_number"),
    ("12.5", "ambiguous_decimal"),
    ("12,5", "ambiguous_decimal"),
    ("12.50", "ambiguous_decimal"),
    ("1,5", "ambiguous_decimal"),
    ("1,500", "ambiguous_decimal"),
    ("1M", "ambiguous_m"),
    ("1 m", "ambiguous_m"),
    ("5M", "ambiguous_m"),
    ("2 miliar", "ambiguous_m"),
    ("Rp 1,5 M", "ambiguous_m"),
    ("1.500.000,50", "not_whole"),
    ("0,5", "not_whole"),
    ("1,2345 rb", "not_whole"),
    ("1,0000001 jt", "not_whole"),
    ("-25.000", "negative"),
    ("Rp-25.000", "negative"),
    ("-Rp25.000", "negative"),
    ("(25.000)", "negative"),
    ("\u221225.000", "negative"),
    ("-1,5 jt", "negative"),
    ("1.50.000", "bad_grouping"),
    ("15.00", "bad_grouping"),
    ("1..000", "bad_grouping"),
    ("1234.567", "bad_grouping"),
    ("1,500,000", "bad_grouping"),
    ("1,500.5", "bad_grouping"),
    ("25.000,", "bad_grouping"),
    ("1, jt", "bad_grouping"),
    ("1e6", "scientific"),
    ("1E5", "scientific"),
    ("1.5e6", "scientific"),
    ("1.000.000.000.001", "too_large"),
    ("1000001 jt", "too_large"),
    ("9" * 5000, "too_large"),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_forms(text: str, expected: int) -> None:
    assert parse_rupiah(text) == expected


@pytest.mark.parametrize(("text", "key"), REJECTED)
def test_rejected_forms(text: str, key: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_rupiah(text)
    assert caught.value.key == key
    assert str(caught.value).strip()


def test_negative_message_points_to_keluar() -> None:
    with pytest.raises(AmountError, match="Keluar"):
        parse_rupiah("-25.000")


def test_ambiguous_message_suggests_both_ways() -> None:
    with pytest.raises(AmountError) as caught:
        parse_rupiah("12.5")
    assert "12.500" in str(caught.value)
    assert "12,5 rb" in str(caught.value)


def test_messages_follow_language() -> None:
    before = i18n.language()
    try:
        i18n.set_language("en")
        with pytest.raises(AmountError, match="negative"):
            parse_rupiah("-1")
    finally:
        i18n.set_language(before)


@pytest.mark.parametrize("value", [None, 25000, 1.5, b"25"])
def test_parse_rejects_non_str(value: object) -> None:
    with pytest.raises(TypeError):
        parse_rupiah(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1_500_000, "Rp1.500.000"),
        (0, "Rp0"),
        (-25_000, "-Rp25.000"),
        (999, "Rp999"),
        (MAX_AMOUNT, "Rp1.000.000.000.000"),
    ],
)
def test_format_rupiah(amount: int, expected: str) -> None:
    assert format_rupiah(amount) == expected


@pytest.mark.parametrize("value", [True, False, 1.0, 1500.5, "1500", None])
def test_format_rejects_non_int(value: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_rupiah_short(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "Rp0"),
        (999, "Rp999"),
        (1_000, "Rp1 rb"),
        (150_000, "Rp150 rb"),
        (1_500_000, "Rp1,5 jt"),
        (999_950, "Rp1 jt"),
        (2_500_000_000, "Rp2,5 miliar"),
        (MAX_AMOUNT, "Rp1 triliun"),
        (-25_000, "-Rp25 rb"),
    ],
)
def test_format_rupiah_short(amount: int, expected: str) -> None:
    assert format_rupiah_short(amount) == expected


@settings(max_examples=2000)
@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_round_trip(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount


_SHAPE = re.compile(r"-?Rp[1-9][0-9]{0,2}(\.[0-9]{3})*|Rp0")


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_shape(amount: int) -> None:
    text = format_rupiah(amount)
    assert _SHAPE.fullmatch(text), text
    assert text.startswith("-") == (amount < 0)
    assert "\u00a0" not in text and "," not in text


# Characters that reach the deeper branches far more often than fully random text does.
_AMOUNTISH = st.text(alphabet="0123456789.,-()rpRPjtubikKmMe \u00a0\u2212", max_size=20)


@settings(max_examples=500)
@given(st.one_of(st.text(), _AMOUNTISH))
def test_any_text_gives_int_or_amount_error(text: str) -> None:
    try:
        result = parse_rupiah(text)
    except AmountError as error:
        assert str(error)
    else:
        assert isinstance(result, int) and 0 <= result <= MAX_AMOUNT


def _raised_keys() -> set[str]:
    source = Path(__file__).parents[2].joinpath("widgets", "core", "money.py").read_text("utf-8")
    return set(re.findall(r'AmountError\(\s*"(\w+)"', source))


def test_every_error_key_in_both_languages() -> None:
    keys = _raised_keys() | {key for _, key in REJECTED}
    assert len(keys) >= 9
    params = {"text": "12.5", "full": "12.500", "short": "12,5 rb"}
    for key in keys:
        texts = i18n.catalog()[f"money.{key}"]
        for lang in i18n.LANGUAGES:
            assert texts.get(lang, "").strip(), (key, lang)
            assert i18n.t(f"money.{key}", lang=lang, **params).strip()


@pytest.mark.parametrize("text", ["-0", "-0,0", "- 0", "-Rp0", "Rp -0", "(0)", "\u22120", "-0 rb"])
def test_minus_zero_is_zero_not_negative(text: str) -> None:
    """Security finding 8c: "-0" was refused as negative; it is nothing, so it reads as 0."""
    assert parse_rupiah(text) == 0

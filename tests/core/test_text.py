"""widgets.core.text: direction controls stripped, scripts told apart, lengths and dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.core.text import (
    BIDI_CONTROLS,
    DateOutOfRange,
    TextTooLong,
    check_date,
    check_length,
    clean_text,
    date_range,
    mixes_scripts,
)


def test_clean_text_strips_every_direction_control():
    assert clean_text("\u202eSiti\u202c Aminah\u200f") == "Siti Aminah"
    assert clean_text("Rp\u206625.000\u2069") == "Rp25.000"
    assert len(BIDI_CONTROLS) == 12


@given(st.text())
def test_clean_text_leaves_nothing_of_them_and_nothing_else_changes(text):
    cleaned = clean_text(text)
    assert not any(ch in BIDI_CONTROLS for ch in cleaned)
    assert cleaned == "".join(ch for ch in text if ch not in BIDI_CONTROLS)


@pytest.mark.parametrize(("name", "mixed"), [
    ("Siti Aminah", False), ("Ṣiti Ni'mah 03", False), ("Nguyễn Thị", False),
    ("Αλέξης", False), ("محمد", False),
    ("S\u0456ti Aminah", True),  # Cyrillic i
    ("Siti \u0391minah", True),  # Greek capital alpha
    ("Siti محمد", True),
])
def test_mixes_scripts(name, mixed):
    assert mixes_scripts(name) is mixed


def test_check_length_says_how_long_in_indonesian():
    assert check_length("a" * 500, 500) == "a" * 500
    with pytest.raises(TextTooLong, match="terlalu panjang: 10.000 huruf. Paling banyak 500"):
        check_length("a" * 10_000, 500)


def test_dates_from_2000_to_a_year_ahead():
    today = dt.date(2024, 2, 29)
    assert date_range(today) == (dt.date(2000, 1, 1), dt.date(2025, 2, 28))
    assert check_date(dt.date(2000, 1, 1), today) == dt.date(2000, 1, 1)
    for bad in (dt.date(1, 1, 1), dt.date(1999, 12, 31), dt.date(2025, 3, 1)):
        with pytest.raises(DateOutOfRange, match="Pilih tanggal antara 1 Januari 2000"):
            check_date(bad, today)

"""A step row reads what was typed the kit's way and judges it (widgets/core/steptable.py)."""

from __future__ import annotations

import pytest

from widgets.core.money import AmountError
from widgets.core.numbers import NumberError
from widgets.core.steptable import REVEAL_AFTER, Step


@pytest.mark.parametrize("typed", ["26.250", "Rp26.250", "26250", "26,25rb", "Rp 26.250,-"])
def test_a_rupiah_row_reads_everyday_amounts(typed):
    assert Step("add", "…", 26_250).read(typed) == 26_250


def test_a_percent_row_and_a_count_row():
    assert Step("left", "…", 8_950, kind="percent").read("89,5") == 8_950
    assert Step("left", "…", 8_950, kind="percent").read("89,5%") == 8_950
    assert Step("units", "…", 72, kind="count").read("72") == 72
    assert Step("left", "…", 8_950, kind="percent").shown() == "89,5%"
    assert Step("units", "…", 72, kind="count").shown() == "72"


@pytest.mark.parametrize("typed", ["", "abc", "-5000", "12.5"])
def test_bad_input_is_refused_in_plain_words(typed):
    with pytest.raises(AmountError) as caught:
        Step("add", "…", 26_250).read(typed)
    assert str(caught.value) and "Traceback" not in str(caught.value)


def test_a_percent_row_refuses_letters():
    with pytest.raises(NumberError):
        Step("left", "…", 8_950, kind="percent").read("sembilan")


def test_judging_says_right_or_what_to_check_and_reveals_late():
    step = Step("check", "…", 25_000, slack=1, hint="Hitung dulu setiap potongan.")
    assert step.judge(25_001) == (True, "Benar: Rp25.001.")
    right, text = step.judge(24_000)
    assert not right and "Hitung dulu setiap potongan." in text and "Rp25.000" not in text
    right, text = step.judge(24_000, tries_before=REVEAL_AFTER - 1)
    assert not right and "Hasil yang benar: Rp25.000." in text

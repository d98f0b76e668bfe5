"""Pre/post test marking, per-item rates, class means and Hake's g, checked by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.core.datafile import DataError
from widgets.core.village import load_village
from widgets.training.evaluation import (
    Attempt,
    format_gain,
    format_percent,
    gain_band,
    hake_gain,
    percent,
    summarise,
)
from widgets.training.items import load_form, parse_form
from widgets.training.satisfaction import SatisfactionAnswer, format_mean, summarise_satisfaction


@pytest.fixture(scope="module")
def form():
    return load_form(load_village("jepara").folder)


def answers(form, right: int) -> dict:
    """The first ``right`` items answered right, the rest wrong (or left blank)."""
    found = {}
    for n, item in enumerate(form.items):
        if n < right:
            found[item.key] = item.answer
        elif item.kind == "choice":
            found[item.key] = next(o.key for o in item.options if o.key != item.answer)
        else:
            found[item.key] = item.answer + 1
    return found


def test_the_village_form_has_10_to_15_items_across_the_lessons(form):
    assert 10 <= len(form.items) <= 15
    assert {i.lesson for i in form.items} >= {"02-buku-kas", "03-harga", "04-bagi-hasil",
                                              "05-promosi-media-sosial",
                                              "06-marketplace-dan-mitra"}
    assert 3 <= len(form.confidence) <= 5
    assert 6 <= len(form.satisfaction) <= 8
    assert {q.key for q in form.open_questions} == {"paling_berguna", "perlu_diubah"}
    assert all(i.explanation() and i.text() for i in form.items)


def test_hake_gain_by_hand():
    assert hake_gain(Fraction(40), Fraction(70)) == Fraction(1, 2)
    assert hake_gain(Fraction(50), Fraction(60)) == Fraction(1, 5)
    assert hake_gain(Fraction(20), Fraction(100)) == 1
    assert hake_gain(Fraction(60), Fraction(50)) == Fraction(-1, 4)
    assert hake_gain(Fraction(100), Fraction(100)) is None
    assert format_gain(Fraction(1, 2)) == "0,50"
    assert format_gain(Fraction(-1, 4)) == "-0,25"
    assert format_gain(None) == "–"


def test_bands_at_their_edges():
    assert gain_band(Fraction(29, 100)) == "low"
    assert gain_band(Fraction(3, 10)) == "medium"
    assert gain_band(Fraction(69, 100)) == "medium"
    assert gain_band(Fraction(7, 10)) == "high"
    assert gain_band(Fraction(-1, 2)) == "low"
    assert gain_band(None) is None


def test_marking_reads_choices_and_numbers(form):
    money = next(i for i in form.items if i.kind == "amount")
    choice = next(i for i in form.items if i.kind == "choice")
    assert percent([money], {money.key: money.answer}) == 100
    assert percent([money], {money.key: str(money.answer)}) == 0  # text is never a number
    assert percent([money], {money.key: True}) == 0
    assert percent([choice, money], {choice.key: choice.answer}) == 50  # blank = wrong


def test_a_small_class_pre_40_post_70_gives_half(form):
    # Ten items, so every score is a whole percentage.
    items = form.items[:10]
    small = type(form)(items, form.confidence, form.satisfaction, form.open_questions)
    attempts = [
        Attempt(1, "Sari", "pre", answers(small, 3), {"yakin_kas": 2}),
        Attempt(2, "Endang", "pre", answers(small, 5), {"yakin_kas": 3}),
        Attempt(1, "Sari", "post", answers(small, 6), {"yakin_kas": 4}),
        Attempt(2, "Endang", "post", answers(small, 8), {"yakin_kas": 5}),
        Attempt(3, "Yuli", "pre", answers(small, 10), {}),   # pre only
        Attempt(4, "Ratna", "post", answers(small, 2), {}),  # post only
        Attempt(1, "Sari", "pre", answers(small, 10), {}),   # a second pre-test does not count
    ]
    result = summarise(small, attempts)
    # Both tests: Sari 30 -> 60, Endang 50 -> 80: means 40 -> 70, g = 30/60 = 0.5, medium.
    assert result.gain == Fraction(1, 2) and result.band == "medium"
    assert [s.name for s in result.pre_only] == ["Yuli"]
    assert [s.name for s in result.post_only] == ["Ratna"]
    # Each test's mean counts everyone who took it: pre (30+50+100)/3, post (60+80+20)/3.
    assert result.mean_pre == Fraction(180, 3) and result.mean_post == Fraction(160, 3)
    assert format_percent(result.mean_post) == "53%"
    sari = next(s for s in result.scores if s.name == "Sari")
    assert (sari.pre, sari.post, sari.gain) == (30, 60, Fraction(3, 7))
    # Item 1: right for everyone in the pre-test (3/3); in the post-test Sari, Endang and Ratna.
    first, third, ninth = result.items[0], result.items[2], result.items[8]
    assert (first.pre, first.post) == (100, 100)
    assert (third.pre_right, third.pre_n, third.post_right, third.post_n) == (3, 3, 2, 3)
    assert (ninth.pre_right, ninth.post_right) == (1, 0)
    assert (result.confidence[0].pre, result.confidence[0].post) == (Fraction(5, 2), Fraction(9, 2))


@given(st.integers(0, 99), st.integers(0, 100))
def test_gain_never_exceeds_one_and_is_exact(pre, post):
    g = hake_gain(Fraction(pre), Fraction(post))
    assert g is not None and g <= 1
    assert g * (100 - pre) + pre == post


def test_nobody_tested_gives_no_gain(form):
    result = summarise(form, [])
    assert result.gain is None and result.mean_pre is None and result.items[0].pre is None


def test_satisfaction_means_and_agreement(form):
    keys = [s.key for s in form.satisfaction]
    result = summarise_satisfaction(form, [
        SatisfactionAnswer(1, "Sari", {k: 4 for k in keys}, {"paling_berguna": "Harga pokok"}),
        SatisfactionAnswer(2, "Endang", {k: 2 for k in keys} | {keys[0]: 3},
                           {"perlu_diubah": " "}),
        SatisfactionAnswer(1, "Sari", {k: 1 for k in keys}, {}),  # only the first counts
    ])
    first, second = result.statements[0], result.statements[1]
    assert result.respondents == 2
    assert first.counts == (0, 0, 1, 1) and first.mean == Fraction(7, 2) and first.agree == 100
    assert second.mean == 3 and second.agree == 50
    assert format_mean(first.mean) == "3,5" and format_mean(None) == "–"
    assert result.open_answers == {"paling_berguna": ("Harga pokok",), "perlu_diubah": ()}


def test_a_broken_form_names_the_item():
    raw = {"items": [{"key": f"k{n}", "lesson": "02-buku-kas", "kind": "amount",
                      "question": {"id": "?"}, "explain": {"id": "."}, "answer": 5}
                     for n in range(10)],
           "confidence": [{"key": "a", "id": "x"}], "satisfaction": [{"key": "b", "id": "y"}]}
    assert len(parse_form(raw).items) == 10
    raw["items"][3]["answer"] = "lima"
    with pytest.raises(DataError, match="evaluasi.yaml") as err:
        parse_form(raw)
    assert err.value.row == 4
    raw["items"][3]["answer"] = 5
    raw["items"][4]["kind"] = "choice"
    raw["items"][4]["options"] = [{"key": "a", "id": "A"}]
    raw["items"][4]["answer"] = "z"
    with pytest.raises(DataError):
        parse_form(raw)
    with pytest.raises(DataError, match="10"):
        parse_form({**raw, "items": raw["items"][:9]})

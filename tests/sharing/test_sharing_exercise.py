"""Lesson 3's exercises: answers computed from the village data, right within the rounding,
wrong with the steps and the slip named."""

from __future__ import annotations

import pytest

from widgets.core.village import load_village
from widgets.sharing.exercises import check, questions


@pytest.fixture
def by_key():
    return {q.key: q for q in questions(load_village())}


def test_answers_by_hand(by_key):
    # Teguh: 9 of 98 feed days of Rp15.600.000 = 1.432.653,06
    assert by_key["ngarit"].answer == 1_432_653
    # August profit 2.072.000 - 20% fund 414.400 = 1.657.600 ÷ 10
    assert by_key["kas"].answer == 165_760
    # Joko: 6 jt/75 jt × 15 jt + 3 jt/100 jt × 12 jt
    assert by_key["shu"].answer == 1_200_000 + 360_000


@pytest.mark.parametrize("key,typed", [("ngarit", 1_432_653), ("ngarit", 1_432_654),
                                       ("kas", 165_760), ("shu", 1_560_000)])
def test_right_answers(by_key, key, typed):
    feedback = check(by_key[key], typed)
    assert feedback.correct and feedback.lines[0][0] == "ok"


def test_rounding_is_explained_only_when_there_is_some(by_key):
    assert any("Rp1.432.653,06" in text for _, text in check(by_key["ngarit"], 1_432_653).lines)
    assert len(check(by_key["kas"], 165_760).lines) == 1


@pytest.mark.parametrize("key,typed,slip", [
    ("ngarit", 1_950_000, "dibagi rata"),
    ("ngarit", 1_253_571, "semua giliran"),
    ("ngarit", 159_184, "satu hari ngarit"),
    ("kas", 207_200, "Sisihkan kas kelompok dulu"),
    ("kas", 414_400, "besarnya kas kelompok"),
    ("shu", 1_200_000, "JUA"),
    ("shu", 1_410_000, "tertukar"),
])
def test_common_slips_are_named_and_steps_follow(by_key, key, typed, slip):
    feedback = check(by_key[key], typed)
    assert not feedback.correct
    kinds = [kind for kind, _ in feedback.lines]
    assert kinds[:2] == ["error", "warn"] and slip in feedback.lines[1][1]
    assert any(text.startswith("Langkah 1") for _, text in feedback.lines)


def test_an_unrecognised_wrong_answer_gets_the_steps_only(by_key):
    feedback = check(by_key["shu"], 1_000_000)
    assert not feedback.correct
    assert "warn" not in [kind for kind, _ in feedback.lines]
    assert feedback.lines[-1][1].startswith("Langkah 4") and "Rp1.560.000" in feedback.lines[-1][1]


def test_an_empty_answer(by_key):
    feedback = check(by_key["kas"], None)
    assert not feedback.correct and "Tulis dulu" in feedback.lines[0][1]


def test_no_answer_key_in_the_lessons_folder():
    from pathlib import Path

    lessons = Path(__file__).resolve().parents[2] / "lessons"
    text = "".join(p.read_text(encoding="utf-8") for p in lessons.glob("03-*.ipynb"))
    for amount in ("1.432.653", "1432653", "165.760", "165760", "1.560.000", "1560000"):
        assert amount not in text

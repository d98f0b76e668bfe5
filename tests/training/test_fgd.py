"""The FGD board's rules: checking questions and answers, word normalisation, averages and
spread, Borda count, volunteers, idea cards with merges and scores."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.training import fgd, fgd_ideas
from widgets.training.fgd import FgdError, Question, check_answer, check_question
from widgets.training.fgd_ideas import Card, Score

POLL = Question("poll", "Siapa?", ("Ketua", "Bendahara", "Bergiliran"))
RANK = Question("ranking", "Urutkan", ("A", "B", "C", "D"))


@pytest.mark.parametrize(("kind", "options", "problem"), [
    ("poll", ["Ya"], "option_count"),
    ("poll", ["Ya", "ya"], "option_twice"),
    ("ranking", [f"o{i}" for i in range(9)], "option_count"),
    ("quiz", ["a", "b"], "bad_kind"),
])
def test_questions_with_bad_options_are_refused(kind, options, problem):
    with pytest.raises(FgdError) as caught:
        check_question(kind, "Pertanyaan?", options)
    assert caught.value.key == problem


def test_a_typed_question_drops_blank_lines_and_keeps_options_only_where_used():
    q = check_question("poll", "  Siapa   bendahara? ", ["Bu Sumi", "", "  Bu Ani "], True)
    assert q == Question("poll", "Siapa bendahara?", ("Bu Sumi", "Bu Ani"), True)
    assert check_question("words", "Satu kata?", ["x", "y"]).options == ()
    with pytest.raises(FgdError, match="belum ditulis"):
        check_question("words", "   ")


@pytest.mark.parametrize(("question", "value", "stored"), [
    (POLL, 2, 2),
    (Question("scale", "Adil?"), 5, 5),
    (Question("words", "Kata?"), "  cek   nota ", "cek nota"),
    (Question("ideas", "Ide?"), "Dompet dipisah\n\n Kotak dikunci ", ["Dompet dipisah",
                                                                      "Kotak dikunci"]),
    (RANK, [3, 1, 0, 2], [3, 1, 0, 2]),
    (Question("volunteer", "Tugas?", ("Fotografer", "Penulis")), 1, 1),
])
def test_answers_are_stored_in_one_shape(question, value, stored):
    assert check_answer(question, value) == stored


@pytest.mark.parametrize(("question", "value", "problem"), [
    (POLL, 3, "choose_one"), (POLL, None, "choose_one"), (POLL, True, "choose_one"),
    (Question("scale", "?"), 6, "choose_scale"), (Question("scale", "?"), True, "choose_scale"),
    (Question("words", "?"), "   ", "answer_empty"),
    (Question("words", "?"), "x" * 41, "answer_long"),
    (Question("ideas", "?"), "a\nb\nc\nd", "ideas_many"),
    (Question("ideas", "?"), "", "answer_empty"),
    (Question("ideas", "?"), "y" * 141, "answer_long"),
    (RANK, [0, 1, 2], "rank_all"), (RANK, [0, 0, 1, 2], "rank_all"), (RANK, "0123", "rank_all"),
])
def test_bad_answers_get_a_plain_message(question, value, problem):
    with pytest.raises(FgdError) as caught:
        check_answer(question, value)
    assert caught.value.key == problem
    assert str(caught.value) and "Traceback" not in str(caught.value)


@pytest.mark.parametrize(("typed", "normal"), [
    ("Hitung ULANG!", "hitung ulang"), ("gak  jujur", "tidak jujur"), ("tdk jujur", "tidak jujur"),
    ("djahit", "jahit"), ("tjatat oeang", "catat uang"), ("anggota2", "anggota-anggota"),
    ("bagusss", "bagus"), ("yg penting kompak", "yang penting kompak"), ("Kopérasi", "koperasi"),
])
def test_spelling_variants_count_as_one_word(typed, normal):
    assert fgd.normalise(typed) == normal


def test_word_list_sizes_by_frequency():
    words = fgd.word_list([("cek nota", "Ani"), ("Cek  nota", "Budi"), ("rapat", "Sri"),
                           ("", "x"), ("hitung ulang", ""), ("cek nota!", "")])
    assert [(w.text, w.count) for w in words] == [("cek nota", 3), ("hitung ulang", 1),
                                                  ("rapat", 1)]
    assert words[0].size == 84 and words[-1].size == 28
    assert words[0].names == ("Ani", "Budi")


def test_scale_average_and_spread():
    # Mean 30/8 = 3.75; squared deviations 3.0625 + 3 x 0.0625 + 3 x 1.5625 + 7.5625 = 15.5;
    # 15.5 / 8 = 1.9375, whose square root is 1.39.
    s = fgd.scale_summary([2, 4, 4, 4, 5, 5, 5, 1])
    assert s.count == 8 and s.mean == Fraction(30, 8)
    assert fgd.decimal_text(s.mean) == "3,8"
    assert fgd.decimal_text(s.spread) == "1,4"
    assert fgd.decimal_text(fgd.scale_summary([1, 5]).spread) == "2,0"
    assert fgd.scale_summary([]).mean is None and fgd.decimal_text(None) == "–"


def test_borda_count_by_hand():
    # A>B>C, A>C>B, B>A>C: A 2+2+1 = 5, B 1+0+2 = 3, C 0+1+0 = 1.
    assert fgd.borda(("A", "B", "C"), [[0, 1, 2], [0, 2, 1], [1, 0, 2]]) == [(0, 5), (1, 3),
                                                                              (2, 1)]


@given(st.lists(st.permutations(range(4)), max_size=30))
def test_borda_hands_out_every_point(rankings):
    totals = fgd.borda(RANK.options, rankings)
    assert sum(p for _, p in totals) == len(rankings) * (3 + 2 + 1 + 0)
    assert [p for _, p in totals] == sorted((p for _, p in totals), reverse=True)


def test_volunteers_per_role_in_sign_up_order():
    assert fgd.volunteers(("Foto", "Tulis"), [(1, "Ani"), (0, "Sri"), (1, "Budi")]) == [
        ("Foto", ["Sri"]), ("Tulis", ["Ani", "Budi"])]


def test_idea_cards_merge_group_and_score():
    cards = [Card(1, 10, "Dompet terpisah", "Uang"), Card(2, 11, "dompet dipisah", "", 1),
             Card(3, 12, "Nota di map", "Catatan")]
    scores = [Score(1, 11, 1, 4), Score(2, 12, 1, 2), Score(3, 10, 1, 5), Score(3, 11, 0, 1)]
    found = fgd_ideas.ideas(cards, scores, 1)
    assert [i.card.id for i in found] == [3, 1]
    assert found[1].merged == (cards[1],) and found[1].mean == Fraction(3)
    assert [g for g, _ in fgd_ideas.grouped(found)] == ["Catatan", "Uang"]
    assert [i.card.id for i in fgd_ideas.top_ideas(found, 1)] == [3]


def test_cards_refuse_self_merge_loops_and_own_scores():
    cards = {1: Card(1, 10, "a"), 2: Card(2, 11, "b", merged_into=1)}
    with pytest.raises(FgdError, match="dirinya sendiri"):
        fgd_ideas.check_merge(1, 2, cards)
    with pytest.raises(FgdError, match="sendiri tidak dinilai"):
        fgd_ideas.check_score(cards[1], 10, 4)
    assert fgd_ideas.check_score(cards[1], 11, 4) == 4

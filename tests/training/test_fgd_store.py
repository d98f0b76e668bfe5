"""The FGD board in the store and its headless views: one answer per person (the new one
replaces the old), a closed question refuses, anonymous answers lose their names, idea cards
keep their groups when an answer is edited, scores in rounds, a restart loses nothing, the
projector key, the trainer's panel, the phone page and the Excel file."""

from __future__ import annotations

import io

import openpyxl
import pytest

from widgets.store import Store
from widgets.training import access, fgd_db, projector
from widgets.training.fgd import FgdError, Question
from widgets.training.fgd_export import workbook_bytes
from widgets.training.fgd_render import board_html, outcomes
from widgets.training.fgd_sets import load_sets
from widgets.training.overview import page_title
from widgets.training.ui.fgd_board import BoardView
from widgets.training.ui.fgd_panel import FgdPanel
from widgets.training.ui.fgd_phone import AnswerView
from widgets.training.ui.lesson_projector import projector_page
from widgets.ui import signin

POLL = Question("poll", "Siapa <b>bendahara</b>?", ("Bu Sumi", "Bu <i>Ani</i>"))


@pytest.fixture
def store(fresh_page, db_location, monkeypatch):
    opened = Store(db_location)
    monkeypatch.setattr(signin, "_store", opened)
    yield opened
    opened.close()


def opened(store: Store, question: Question = POLL) -> int:
    qid = fgd_db.add_question(store, question)
    fgd_db.set_state(store, qid, "open")
    return qid


def test_prepared_questions_come_from_the_village_file():
    questions = load_sets()
    assert {q.lesson for q in questions} >= {"02-buku-kas", "04-bagi-hasil"}
    assert {q.kind for q in questions} == {"poll", "scale", "words", "ideas", "ranking",
                                           "volunteer"}
    roster = next(q for q in questions if q.key == "piket_pakan_adil")
    assert roster.anonymous  # sensitive: the feed roster


def test_one_answer_each_a_new_one_replaces_the_old(store):
    qid = opened(store)
    ani, budi = store.sign_in("Ani", "2468"), store.sign_in("Budi", "1357")
    fgd_db.submit(ani, qid, 0)
    fgd_db.submit(budi, qid, 0)
    fgd_db.submit(ani, qid, 1)
    board = fgd_db.read_board(store, qid)
    assert sorted((a.name, a.value) for a in board.answers) == [("Ani", 1), ("Budi", 0)]
    assert fgd_db.my_answer(ani, qid) == 1


def test_a_closed_question_refuses_and_reopens(store):
    qid = opened(store)
    ani = store.sign_in("Ani", "2468")
    fgd_db.set_state(store, qid, "closed")
    with pytest.raises(FgdError, match="sudah ditutup"):
        fgd_db.submit(ani, qid, 0)
    assert fgd_db.read_board(store, qid).answers == []
    fgd_db.set_state(store, qid, "open")
    fgd_db.submit(ani, qid, 0)
    assert len(fgd_db.read_board(store, qid).answers) == 1


def test_anonymous_answers_keep_no_name_on_the_board(store):
    qid = opened(store, Question("scale", "Jadwal piket adil?", anonymous=True))
    fgd_db.submit(store.sign_in("Ani", "2468"), qid, 2)
    fgd_db.reveal(store, qid)
    board = fgd_db.read_board(store, qid)
    assert board.answers[0].name == "" and "Ani" not in board_html(board)
    fgd_db.set_anonymous(store, qid, False)
    assert "Ani" in board_html(fgd_db.read_board(store, qid))


def test_results_stay_hidden_until_revealed_and_text_is_escaped(store):
    qid = opened(store)
    ani = store.sign_in("Ani", "2468")
    fgd_db.submit(ani, qid, 1)
    hidden = board_html(fgd_db.read_board(store, qid))
    assert "Bu &lt;i&gt;Ani" not in hidden and "1 jawaban masuk" in hidden
    assert "<b>bendahara</b>" not in hidden and "&lt;b&gt;bendahara" in hidden
    fgd_db.reveal(store, qid)
    shown = board_html(fgd_db.read_board(store, qid))
    assert "Bu &lt;i&gt;Ani&lt;/i&gt;" in shown and "<i>" not in shown
    words = opened(store, Question("ideas", "Ide?"))  # cards are shown as typed
    fgd_db.submit(ani, words, "<img src=x onerror=alert(1)>")
    fgd_db.reveal(store, words)
    shown = board_html(fgd_db.read_board(store, words))
    assert "<img" not in shown and "&lt;img" in shown


def test_idea_cards_keep_groups_on_edit_and_score_in_rounds(store, db_location):
    qid = opened(store, Question("ideas", "Ide?"))
    ani, budi = store.sign_in("Ani", "2468"), store.sign_in("Budi", "1357")
    fgd_db.submit(ani, qid, "Dompet terpisah\nKotak dikunci")
    fgd_db.submit(budi, qid, "dompet dipisah")
    first, second, third = (c.id for c in fgd_db.read_board(store, qid).cards)
    fgd_db.set_group(store, first, "Uang")
    fgd_db.merge(store, third, first)
    fgd_db.submit(ani, qid, "Dompet terpisah\nBuku dibacakan")  # one kept, one replaced
    cards = {c.text: c for c in fgd_db.read_board(store, qid).cards}
    assert cards["Dompet terpisah"].group == "Uang" and "Kotak dikunci" not in cards
    with pytest.raises(FgdError, match="belum dimulai"):
        fgd_db.score_card(budi, qid, first, 4)
    assert fgd_db.next_round(store, qid) == 1
    with pytest.raises(FgdError, match="menilai ide"):
        fgd_db.submit(ani, qid, "Ide baru")
    assert [text for _, text, _ in fgd_db.cards_to_score(budi, qid)] == ["Dompet terpisah",
                                                                        "Buku dibacakan"]
    fgd_db.score_card(budi, qid, first, 4)
    fgd_db.score_card(budi, qid, first, 5)  # replaces
    with pytest.raises(FgdError, match="sendiri"):
        fgd_db.score_card(budi, qid, third, 5)
    store.close()
    again = Store(db_location)  # a restart loses nothing
    board = fgd_db.read_board(again, qid)
    assert [s.score for s in board.scores] == [5] and len(board.answers) == 2
    again.close()


def test_agreed_outcome_and_the_excel_file(store):
    qid = opened(store, Question("volunteer", "Tugas?", ("Fotografer", "Penulis"), key="tugas",
                                 lesson="05-promosi-media-sosial"))
    fgd_db.submit(store.sign_in("Ani", "2468"), qid, 0)
    fgd_db.agree(store, qid, "Fotografer: Ani")
    assert outcomes(store) == [(page_title("05-promosi-media-sosial"), "Tugas?",
                                "Fotografer: Ani; Penulis: 0", "Fotografer: Ani")]
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(store)))
    summary = list(book["Ringkasan"].iter_rows(values_only=True))
    assert summary[1][2] == "Tugas?" and summary[1][7] == "Fotografer: Ani"
    assert list(book["Jawaban"].iter_rows(values_only=True))[1][2:4] == ("Ani", "Fotografer")


def test_projector_key_opens_the_board_only_with_todays_key(store):
    assert projector.projector_key(store) == ""  # no trainer password: no key at all
    access.set_password(store, "rahasia-pelatih")
    key = projector.projector_key(store)
    assert projector.key_is_valid(store, key) and not projector.key_is_valid(store, "0" * 24)
    denied = projector_page(store, "view=fgd&kunci=" + "0" * 24)
    assert "halaman pelatih" in denied.value
    page = projector_page(store, f"view=fgd&kunci={key}")
    assert "uk-projector" in page._dom_classes
    access.set_password(store, "sandi-baru-pelatih")
    assert not projector.key_is_valid(store, key)


def test_panel_phone_and_board_together(store):
    panel = FgdPanel(store)
    panel.lesson.control.value = "04-bagi-hasil"
    panel.prepared.control.value = next(i for i, (text, _) in enumerate(
        panel.prepared.control.options) if "persen" in text)
    panel.use.click()
    board = BoardView(store)
    phone = AnswerView(store)
    phone.signed_in(store.sign_in("Ani", "2468"))
    assert "belum dibuka" in phone.body.children[0].value
    panel.open_button.click()
    phone.refresh()
    phone.body.children[0].value = 1
    phone.send.click()
    assert "Terkirim" in phone.status.value
    board.refresh()
    assert "1 jawaban masuk" in board.html.value and "20%" not in board.html.value
    panel.reveal_button.click()
    board.refresh()
    assert "20%" in board.html.value
    panel.close_button.click()
    phone.send.click()
    assert "sudah ditutup" in phone.status.value
    panel.outcome.control.value = "Kas 20%"
    panel.agree.click()
    board.refresh()
    assert "Disepakati" in board.html.value and "Kas 20%" in board.html.value
    panel.export.click()
    assert "hasil-fgd.xlsx" in panel.download.value


def test_panel_refuses_a_typed_question_without_options(store):
    panel = FgdPanel(store)
    panel.kind.control.value = "poll"
    panel.text.control.value = "Mau pakai apa?"
    panel.options.control.value = "Cuma satu"
    panel.new.children[0].children[-1].click()
    assert "2 sampai" in panel.options.message.value and fgd_db.questions(store) == []
    panel.kind.control.value = "words"
    panel.new.children[0].children[-1].click()
    assert [q.question.text for q in fgd_db.questions(store)] == ["Mau pakai apa?"]


def test_the_activity_report_lists_fgd_outcomes(store):
    from widgets.core.village import load_village
    from widgets.training.items import load_form
    from widgets.training.overview import overview
    from widgets.training.report import build_report, texts_with_defaults

    qid = opened(store, Question("poll", "Kas berapa persen?", ("10%", "20%"),
                                 lesson="04-bagi-hasil"))
    fgd_db.submit(store.sign_in("Ani", "2468"), qid, 1)
    fgd_db.agree(store, qid, "Kas 20%")
    fgd_db.add_question(store, Question("words", "Belum dipakai"))  # never opened: left out
    form, village = load_form(), load_village()
    ov = overview(store, form)
    blocks = build_report(ov, form, village, texts_with_defaults({}, village), [],
                          store.today())
    table = next(b for b in blocks if b.kind == "table" and b.text == "fgd")
    assert table.rows == ((page_title("04-bagi-hasil"), "Kas berapa persen?", "20%: 1; 10%: 0",
                           "Kas 20%"),)
    # The dashboard shows the same line (its FGD card), escaped like every other table.
    from widgets.training.ui.dashboard import dashboard_html

    fgd_db.agree(store, qid, "Kas <b>20%</b>")
    groups = dashboard_html(overview(store, form), form)["groups"]
    card = groups[groups.index('class="uk-dash-fgd"'):]
    assert "Kas berapa persen?" in card and "20%: 1; 10%: 0" in card
    assert "Kas &lt;b&gt;20%&lt;/b&gt;" in card and "Belum dipakai" not in card

"""The step table view, headless: type each step's result, press Periksa langkah, read the
feedback under each row (widgets/ui/steptable.py)."""

from __future__ import annotations

from widgets.core.steptable import Step, StepTable
from widgets.ui.steptable import StepTableView

TABLE = StepTable("t", (Step("add", "Tambahkan.", 26_250), Step("left", "Kurangi.", 8_950,
                                                                  kind="percent")),
                  29_330, "Harga tayang: Rp29.330.", ("Catatan.",))


def test_each_row_gets_its_own_feedback_and_the_result_comes_last(fresh_page):
    done = []
    view = StepTableView(TABLE, on_done=done.append)
    first, second = view.rows
    assert "Langkah 1" in first.children[0].value and "Tambahkan." in first.children[0].value
    first.field.control.value = "26.250"
    view.check_button.click()
    assert "Benar" in first.field.message.value
    assert "Tulis dulu hasil" in second.field.message.value
    assert "Rp29.330" not in view.status.value and done == []
    second.field.control.value = "90"
    view.check_button.click()
    assert "Belum tepat (90%)" in second.field.message.value and "Kurangi" not in view.status.value
    second.field.control.value = "89,5%"
    assert view.check() is True
    assert "Harga tayang: Rp29.330." in view.status.value and "Catatan." in view.status.value
    assert done == [TABLE]


def test_bad_input_shows_a_plain_message_next_to_the_field(fresh_page):
    view = StepTableView(TABLE)
    view.rows[0].field.control.value = "dua puluh"
    view.check_button.click()
    message = view.rows[0].field.message.value
    assert "uk-msg-error" in message and "Traceback" not in message
    assert view.rows[1].field.message.value == ""  # checking stops at the unread row
    view.rows[0].field.control.value = "26,25rb"
    view.check_button.click()
    assert "Benar: Rp26.250." in view.rows[0].field.message.value


def test_the_answer_shows_only_after_three_wrong_tries(fresh_page):
    view = StepTableView(TABLE)
    row = view.rows[0]
    for attempt in range(1, 4):
        row.field.control.value = "25.000"
        view.check_button.click()
        assert ("Rp26.250" in row.field.message.value) == (attempt == 3)


def test_new_givens_start_fresh_rows_and_no_table_shows_the_problem(fresh_page):
    view = StepTableView(TABLE)
    view.rows[0].field.control.value = "26.250"
    view.show(TABLE)
    assert view.rows[0].field.control.value == ""
    view.show(None, "Perbaiki isian yang bertanda merah dulu.")
    assert view.rows == [] and view.check_button.layout.display == "none"
    assert "Perbaiki" in view.status.value and view.check() is False

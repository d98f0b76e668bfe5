"""The credit book's views, headless: sign in, write a piutang, record a part payment, see the
cash book change on the same page, get the reminder link, and find it all again after signing
in anew; plus the lesson's example and exercise."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from view_helpers import fill

from widgets.cashbook import credit_db, db
from widgets.cashbook.ui.cashbook import CashBookView
from widgets.cashbook.ui.credit import CreditBookView
from widgets.cashbook.ui.credit_lesson import CreditExercise, credit_example_html
from widgets.core.i18n import t
from widgets.store import Store
from widgets.ui.common import PAGE
from widgets.ui.signin import SignInView

TODAY = dt.date(2019, 11, 20)
NAME, PIN = "Sari Wulandari", "2580"

pytestmark = pytest.mark.usefixtures("fresh_page")


class Page:
    """Lesson 2 on one phone: sign-in, the cash book, and the credit book below it."""

    def __init__(self, store: Store) -> None:
        self.signin = SignInView(store=store)
        self.cash = CashBookView(TODAY)
        self.credit = CreditBookView(TODAY, "Kelompok Konveksi Purna PMI")
        self.form = self.credit.form

    def sign_in(self) -> None:
        self.signin.name.control.value = NAME
        self.signin.pin.control.value = PIN
        self.signin.submit.click()

    def write_debt(self, **fields) -> None:
        values = {"kind": "piutang", "who": "SD Desa Jepara", "what": "seragam olahraga 20 stel",
                  "amount": "1,9 jt", "day": dt.date(2019, 11, 4), "due": dt.date(2019, 11, 15),
                  "phone": "0812-3456-7890"}
        fill(self.form, **{**values, **fields})
        self.credit.save.click()

    def pay(self, amount: str, day: dt.date = dt.date(2019, 11, 4)) -> None:
        self.credit.pay.click()
        self.credit.pay_box.amount.control.value = amount
        self.credit.pay_box.day.control.value = day
        self.credit.pay_box.save.click()



@pytest.fixture
def page(fresh_page, store: Store) -> Page:
    """The lesson page with the test's participant signed in."""
    opened = Page(store)
    opened.sign_in()
    return opened


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_a_piutang_paid_in_part_shows_in_both_books_and_survives(page, store):
    page.write_debt()
    assert "SD Desa Jepara" in text(page.credit.table.value)
    assert "Rp1.900.000" in text(page.credit.summary.value)

    page.pay("800rb")
    assert "Rp800.000" in text(page.credit.status.value)
    table = text(page.credit.table.value)
    assert "Rp1.100.000" in table and "Sudah dibayar Rp800.000 dari Rp1.900.000" in table
    cash = text(page.cash.table.value)  # the cash book on the same page, refreshed
    assert "Bayaran bon: SD Desa Jepara (seragam olahraga 20 stel)" in cash
    assert "+Rp800.000" in cash and "Rp800.000" in text(page.cash.balance.value)

    page.credit.remind.click()
    html = page.credit.reminder.output.value
    link = unescape(re.search(r'href="([^"]+)"', html).group(1))
    parts = urlsplit(link)
    assert (parts.netloc, parts.path) == ("wa.me", "/6281234567890")
    message = parse_qs(parts.query)["text"][0]
    assert "Rp1.100.000" in message and "15 November 2019" in message
    assert "Salam, Sari Wulandari" in message and " " not in link

    page.signin.sign_out.click()
    assert page.credit.table.value == "" and page.credit.book.layout.display == "none"
    again = Page(store)  # a reload: new views, same store
    again.sign_in()
    assert "Rp1.100.000" in text(again.credit.table.value)
    assert "Bayaran bon" in text(again.cash.table.value)


def test_bad_input_is_explained_by_the_field_and_nothing_is_saved(page):
    page.write_debt(amount="12.5", who=" ", phone="0274 123456")
    assert t("credit.err_who_empty") in unescape(page.form.who.message.value)
    assert "12.5" in unescape(page.form.amount.message.value)
    assert t("whatsapp.phone_not_mobile") in unescape(page.form.phone.message.value)
    assert credit_db.debts(PAGE.session) == []
    page.write_debt(amount="Rp 70.000,-")
    page.pay("100rb")
    message = unescape(page.credit.pay_box.amount.message.value)
    assert t("credit.err_over_balance", left="Rp70.000") in message
    assert db.entries(PAGE.session) == []


def test_deleting_a_payment_asks_and_takes_its_cash_line(page):
    page.write_debt()
    page.pay("800rb")
    page.credit.pay.click()
    page.credit.pay_box.delete.click()
    question = text(page.credit.confirm_text.value)
    assert "buku kas" in question and "Bayaran bon: SD Desa Jepara" in question
    page.credit.confirm_yes.click()
    assert db.entries(PAGE.session) == [] and credit_db.payments(PAGE.session) == []
    assert "Rp1.900.000" in text(page.credit.table.value)


def test_the_payment_question_shows_under_the_button_pressed(page):
    page.write_debt()
    page.pay("800rb")
    page.credit.pay.click()
    page.credit.pay_box.delete.click()  # at the foot of the payment panel: asked right there
    assert page.credit.pay_box.ask.children == (page.credit.confirm,)
    assert page.credit.ask_here.children == ()
    assert page.credit.confirm.layout.display == ""
    page.credit.confirm_no.click()  # "Jangan": both books keep the payment
    assert len(credit_db.payments(PAGE.session)) == 1 and len(db.entries(PAGE.session)) == 1
    page.credit.delete.click()  # the debt's question comes under the debt's buttons
    assert page.credit.ask_here.children == (page.credit.confirm,)
    assert page.credit.pay_box.ask.children == ()


def test_deleting_a_paid_debt_asks_about_its_cash_lines(page):
    page.write_debt()
    page.pay("800rb")
    page.pay("300rb", dt.date(2019, 11, 15))
    page.cash.form.description.control.value = "Beli benang"
    page.cash.form.amount.control.value = "35rb"
    page.cash.save.click()
    page.credit.delete.click()
    question = text(page.credit.confirm_text.value)
    assert "2 pembayaran" in question and "buku kas" in question
    assert len(db.entries(PAGE.session)) == 3  # nothing goes before the answer
    page.credit.confirm_yes.click()
    assert [e.description for e in db.entries(PAGE.session)] == ["Beli benang"]
    assert credit_db.debts(PAGE.session) == [] and "Bayaran bon" not in text(page.cash.table.value)


def _workbook(html: str, css_class: str):
    from openpyxl import load_workbook

    found = re.search(rf'class="{css_class}"[^>]*href="data:[^;]+;base64,([A-Za-z0-9+/=]+)"',
                      html)
    assert found, f"no {css_class} link"
    return load_workbook(io.BytesIO(base64.b64decode(found.group(1), validate=True)))


def test_both_books_hand_out_the_same_excel_with_the_credit_sheets(page):
    assert _workbook(page.cash.downloads.value, "uk-download-xlsx").sheetnames == [
        "Buku Kas", "Ringkasan"]  # no debts yet: the cash book alone
    page.write_debt()
    page.pay("800rb")
    for html, css in ((page.credit.downloads.value, "uk-credit-xlsx"),
                      (page.cash.downloads.value, "uk-download-xlsx")):
        book = _workbook(html, css)
        assert book.sheetnames == ["Buku Kas", "Ringkasan", "Utang-Piutang", "Pembayaran"]
        debts = [[c.value for c in row] for row in book["Utang-Piutang"].iter_rows()]
        school = next(r for r in debts if r[1] == "SD Desa Jepara")
        assert school[5:8] == [1_900_000, 800_000, 1_100_000]  # lent, paid, left
        assert book["Buku Kas"].cell(row=5, column=5).value == 800_000  # the payment's line


def test_the_cash_book_asks_before_deleting_a_payments_line(page):
    page.write_debt()
    page.pay("800rb")
    page.cash.delete.click()
    question = text(page.cash.confirm_text.value)
    assert "buku utang-piutang" in question and "SD Desa Jepara" in question
    page.cash.confirm_yes.click()
    assert db.entries(PAGE.session) == [] and credit_db.payments(PAGE.session) == []
    assert "Rp1.900.000" in text(page.credit.table.value)
    page.pay("500rb")
    page.cash.edit.click()  # a payment's line is changed from the credit book only
    assert "buku utang-piutang" in text(page.cash.status.value)
    assert page.cash.editing is None


def test_an_utang_has_no_reminder_and_pays_out(page):
    page.write_debt(kind="utang", who="Toko tekstil Metro", what="kain", amount="150rb",
                    phone="")
    page.pay("50rb", dt.date(2019, 11, 10))
    assert "−Rp50.000" in text(page.cash.table.value)
    page.credit.remind.click()
    assert t("creditui.no_reminder") in unescape(page.credit.status.value)
    assert page.credit.reminder.layout.display == "none"


def test_the_worked_example_shows_the_school_paying_in_two_parts():
    page = text(credit_example_html())
    for words in ("contoh karangan untuk latihan", "SD Desa Jepara", "Rp1.100.000",
                  "Terlambat 15 hari", "Rp3.411.000",
                  "Pesanan seragam olahraga 20 stel dari SD: uang muka",
                  "Pelunasan seragam olahraga 20 stel"):
        assert words in page


def test_the_exercise_checks_and_keeps_the_attempts(store):
    Page(store).sign_in()
    exercise = CreditExercise()
    exercise.owed.control.value = "645rb"
    exercise.owe.control.value = "200.000"
    exercise.position.control.value = "1,285 jt"
    exercise.check.click()
    feedback = unescape(exercise.feedback.value)
    assert t("creditex.owed_full") in feedback and "965.000" not in feedback
    exercise.owed.control.value = "325rb"
    exercise.position.control.value = "Rp965.000"
    exercise.check.click()
    assert t("lesson1.credit_all_right") in unescape(exercise.feedback.value)
    from widgets.store.answers import answers

    assert [a.correct for a in answers(PAGE.session, "utang-piutang-minggu")] == [False, True]
    exercise.owed.control.value = "1,5"
    exercise.check.click()
    assert exercise.feedback.value == "" and exercise.owed.message.value

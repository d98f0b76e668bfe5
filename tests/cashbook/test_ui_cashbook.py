"""The cash-book views, headless: build the real widgets, type into them, press their buttons,
and check what the store saved and what the page shows."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re
from html import escape
from pathlib import Path

import ipywidgets as w
import pytest
from openpyxl import load_workbook

from widgets.cashbook import db as cash_db
from widgets.cashbook.table import column_labels
from widgets.cashbook.ui.book_html import downloads_html
from widgets.cashbook.ui.cashbook import CashBookView
from widgets.core import i18n
from widgets.core.i18n import t
from widgets.core.money import AmountError, parse_rupiah
from widgets.store import Store
from widgets.ui.common import PAGE, notice_html
from widgets.ui.signin import SignInView

TODAY = dt.date(2019, 12, 14)  # the form's "today": a fixed day keeps the future check exact
DAY = dt.date(2019, 12, 10)
NAME, PIN = "Siti Aminah", "2580"


pytestmark = pytest.mark.usefixtures("fresh_page")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kit.sqlite3"


@pytest.fixture
def store(db_path):
    with Store(db_path) as opened:
        yield opened


class Page:
    """What a participant's phone shows in lesson 1: sign-in on top, the cash book below."""

    def __init__(self, store: Store) -> None:
        self.signin = SignInView(store=store)
        self.book = CashBookView(TODAY)

    @property
    def form(self):  # built at the first sign-in
        return self.book.form

    def sign_in(self, name: str = NAME, pin: str = PIN) -> None:
        self.signin.name.control.value = name
        self.signin.pin.control.value = pin
        self.signin.submit.click()

    def sign_out(self) -> None:
        self.signin.sign_out.click()

    def fill(self, *, day: dt.date = DAY, direction: str = "in", category: str = "penjualan",
             description: str = "Jual keset", amount: str = "150rb",
             purse: str = "usaha") -> None:
        form = self.form
        form.day.control.value = day
        form.direction.control.value = direction
        form.category.control.value = category
        form.description.control.value = description
        form.amount.control.value = amount
        form.purse.control.value = purse

    def add(self, **fields) -> None:
        self.fill(**fields)
        self.book.save.click()



@pytest.fixture
def page(fresh_page, store: Store) -> Page:
    """The lesson page with the test's participant signed in."""
    opened = Page(store)
    opened.sign_in()
    return opened


def stored(db_path: Path, name: str = NAME, pin: str = PIN):
    """The entries as another kernel reads them: a fresh Store on the same file."""
    with Store(db_path) as other:
        return cash_db.entries(other.sign_in(name, pin))


def page_html(widget: w.Widget) -> str:
    """Every HTML fragment and option label in a widget tree, shown or hidden."""
    parts = []
    if isinstance(widget, w.HTML):
        parts.append(widget.value)
    if isinstance(widget, w.Dropdown):
        parts.extend(str(label) for label in widget.options)
    for child in getattr(widget, "children", ()):
        parts.append(page_html(child))
    return "\n".join(parts)


def shown(widget: w.Widget) -> bool:
    return widget.layout.display != "none"


def is_error(field) -> bool:
    return "uk-msg-error" in field.message.value


def amount_message(text: str) -> str:
    with pytest.raises(AmountError) as caught:
        parse_rupiah(text)
    return notice_html(str(caught.value), "error")


# --- Sign-in --------------------------------------------------------------------------------


def test_new_name_registers_and_opens_the_book(store):
    page = Page(store)
    assert not shown(page.book.book)  # nothing to see before signing in
    assert shown(page.book.signed_out)
    # Nor built: the book's widget models are no part of the page's load.
    assert page.book.book.children == () and not hasattr(page.book, "form")
    page.sign_in()
    assert page.form in page.book.book.children and page.book.built
    assert PAGE.session is not None and PAGE.session.is_new
    assert page.signin.signed_in.value == notice_html(t("signin.welcome_new", name=NAME), "ok")
    assert not shown(page.signin.form)
    assert shown(page.book.book)
    assert not shown(page.book.signed_out)
    assert page.signin.pin.control.value == ""  # the PIN does not linger in the field
    assert page.book.table.value == notice_html(t("cashbook.book_empty"), "info")


def test_wrong_pin_shows_its_message_beside_the_pin_and_signs_nobody_in(store):
    store.sign_in(NAME, PIN)
    page = Page(store)
    page.sign_in(pin="1111")
    assert PAGE.session is None
    assert page.signin.pin.message.value == notice_html(t("store.pin_wrong", left=4), "error")
    assert not is_error(page.signin.name)
    assert shown(page.signin.form)
    assert not shown(page.book.book)
    assert page.signin.pin.control.value == ""


def test_bad_name_shows_its_message_beside_the_name(store):
    page = Page(store)
    page.sign_in(name="   ")
    assert PAGE.session is None
    assert page.signin.name.message.value == notice_html(t("store.name_empty"), "error")
    assert not is_error(page.signin.pin)


def test_sign_in_again_loads_the_same_entries(page, store):
    page.add(description="Jual 10 keset", amount="150rb")
    page.sign_out()
    # The same phone or another one: a new page on the same store.
    PAGE.unobserve_all()
    again = Page(store)
    again.sign_in()
    assert PAGE.session is not None and not PAGE.session.is_new
    assert again.signin.signed_in.value == notice_html(t("signin.welcome", name=NAME), "ok")
    assert [e.description for e in cash_db.entries(PAGE.session)] == ["Jual 10 keset"]
    assert "Jual 10 keset" in again.book.table.value
    assert "Rp150.000" in again.book.balance.value


def test_sign_out_hides_the_book_and_leaves_nothing_of_it_on_the_page(page):
    page.add(description="Catatan rahasia Bu Siti", amount="150rb")
    assert "Catatan rahasia Bu Siti" in page_html(page.book)
    page.sign_out()
    assert PAGE.session is None
    assert not shown(page.book.book)
    assert shown(page.book.signed_out)
    assert shown(page.signin.form)
    assert not shown(page.signin.done)
    assert page.signin.status.value == notice_html(t("signin.signed_out"), "info")
    # Hidden is not enough on a shared phone: the widgets must not still hold the book.
    assert "Catatan rahasia Bu Siti" not in page_html(page.book)
    assert "base64" not in page.book.downloads.value
    form = page.form
    page.sign_in(name="Rina Marlina", pin="1357")  # the next person on this phone
    assert page.form is form and "Catatan rahasia Bu Siti" not in page_html(page.book)
    assert page.book.table.value == notice_html(t("cashbook.book_empty"), "info")


# --- Adding an entry ------------------------------------------------------------------------


def test_entry_typed_as_150rb_is_stored_as_150000_and_shown(page, db_path):
    page.add(description="Jual 10 keset", amount="150rb")
    [entry] = stored(db_path)
    assert (entry.day, entry.description, entry.direction, entry.category, entry.amount,
            entry.purse) == (DAY, "Jual 10 keset", "in", "penjualan", 150_000, "usaha")
    assert type(entry.amount) is int
    assert "Rp150.000" in page.book.table.value
    assert "Jual 10 keset" in page.book.table.value
    assert "<b>Rp150.000</b>" in page.book.balance.value
    assert page.book.status.value == notice_html(
        t("cashbook.saved", description="Jual 10 keset", balance="Rp150.000"), "ok")
    # The form is ready for the next entry.
    assert page.form.description.control.value == ""
    assert page.form.amount.control.value == ""


def test_money_out_lowers_the_balance(page, db_path):
    page.add(description="Jual keset", amount="150rb")
    page.add(direction="out", category="bahan", description="Kain perca", amount="Rp 40.000")
    assert [e.amount for e in stored(db_path)] == [150_000, 40_000]
    assert "<b>Rp110.000</b>" in page.book.balance.value


def test_amount_preview_echoes_what_was_understood(page):
    page.form.amount.control.value = "1,5 jt"
    assert page.form.amount.message.value == notice_html(
        t("cashbook.amount_read", amount="Rp1.500.000"))
    assert "Rp1.500.000" in page.form.amount.message.value
    page.form.amount.control.value = "1,5 j"  # half-typed: no scolding while typing
    assert page.form.amount.message.value == ""


@pytest.mark.parametrize("typed", ["1M", "abc", "-25.000", "", "   ", "12.5"])
def test_bad_amount_shows_its_message_under_the_amount_and_saves_nothing(page, db_path, typed):
    page.add(description="Sudah ada", amount="10rb")
    page.add(description="Jual keset", amount=typed)
    assert page.form.amount.message.value == amount_message(typed)
    for name in ("day", "description", "category", "purse"):
        assert not is_error(page.form.fields[name]), name
    assert page.book.status.value == notice_html(t("cashbook.not_saved"), "error")
    assert [e.description for e in stored(db_path)] == ["Sudah ada"]
    # What was typed stays, so the participant fixes it instead of typing it all again.
    assert page.form.description.control.value == "Jual keset"
    assert page.form.amount.control.value == typed


def test_blank_description_is_asked_for_under_the_description(page, db_path):
    page.add(description="   ", amount="150rb")
    assert page.form.description.message.value == notice_html(
        t("ledger.err_description_empty"), "error")
    assert not is_error(page.form.amount)
    assert stored(db_path) == []


def test_future_date_is_refused_under_the_date(page, db_path):
    page.add(day=TODAY + dt.timedelta(days=1), amount="150rb")
    assert page.form.day.message.value == notice_html(
        t("ledger.err_day_future", today=i18n.format_date(TODAY)), "error")
    assert not is_error(page.form.amount)
    assert stored(db_path) == []
    page.add(day=TODAY, amount="150rb")  # today itself is fine
    assert [e.day for e in stored(db_path)] == [TODAY]


def test_every_problem_is_shown_at_once_and_nothing_is_half_saved(page, db_path):
    page.add(day=TODAY + dt.timedelta(days=3), description="", amount="abc")
    assert is_error(page.form.day)
    assert is_error(page.form.description)
    assert page.form.amount.message.value == amount_message("abc")
    assert page.book.status.value == notice_html(t("cashbook.not_saved"), "error")
    assert stored(db_path) == []
    assert page.book.table.value == notice_html(t("cashbook.book_empty"), "info")
    # Fixing the fields saves exactly one entry and clears the messages.
    page.add(day=DAY, description="Jual keset", amount="150.000")
    assert [e.amount for e in stored(db_path)] == [150_000]
    for name, field in page.form.fields.items():
        assert not is_error(field), name


# --- Correcting and deleting ----------------------------------------------------------------


def test_edit_updates_the_entry_in_the_store(page, db_path):
    page.add(description="Jual keset", amount="150rb")
    [saved] = stored(db_path)
    page.book.pick.value = saved.id
    page.book.edit.click()
    assert page.form.description.control.value == "Jual keset"
    assert parse_rupiah(page.form.amount.control.value) == 150_000
    assert page.book.save.description == t("cashbook.save_changes")
    page.form.description.control.value = "Jual 12 keset"
    page.form.amount.control.value = "175 rb"
    page.book.save.click()
    [updated] = stored(db_path)
    assert (updated.id, updated.description, updated.amount) == (saved.id, "Jual 12 keset",
                                                                   175_000)
    assert "Rp175.000" in page.book.table.value
    assert "Rp150.000" not in page.book.table.value
    assert page.book.save.description == t("cashbook.save")
    assert page.book.editing is None
    page.add(description="Jual lagi", amount="5rb")  # after editing, Save adds again
    assert len(stored(db_path)) == 2


def test_an_entry_deleted_from_another_phone_gets_a_message_not_an_error(page, store, db_path):
    for description, amount in (("Jual keset", "150rb"), ("Beli benang", "30rb"),
                                ("Ongkos angkot", "10rb")):
        page.add(description=description, amount=amount)
    sold, thread, trip = sorted(stored(db_path), key=lambda e: e.id)
    other_phone = store.sign_in(NAME, PIN)

    def gone_before(press: str, entry) -> None:
        page.book.pick.value = entry.id
        cash_db.delete_entry(other_phone, entry.id)
        getattr(page.book, press).click()
        assert "sudah dihapus" in page.book.status.value
        assert entry.description not in page.book.table.value  # the list is read again
        assert page.book.editing is None and not shown(page.book.confirm)

    gone_before("edit", sold)
    gone_before("delete", trip)
    # Deleted while being edited: what was typed is not lost and can be saved anew.
    page.book.pick.value = thread.id
    page.book.edit.click()
    page.form.amount.control.value = "35rb"
    cash_db.delete_entry(other_phone, thread.id)
    page.book.save.click()
    assert "sudah dihapus" in page.book.status.value
    assert page.form.amount.control.value == "35rb"
    page.book.save.click()
    [again] = stored(db_path)
    assert (again.description, again.amount) == ("Beli benang", 35_000)


def test_delete_asks_first_and_keep_it_keeps_the_entry(page, db_path):
    page.add(description="Jual keset", amount="150rb")
    [entry] = stored(db_path)
    page.book.pick.value = entry.id
    page.book.delete.click()
    assert len(stored(db_path)) == 1  # asking deletes nothing
    assert shown(page.book.confirm)
    assert "Jual keset" in page.book.confirm_text.value
    assert "Rp150.000" in page.book.confirm_text.value
    page.book.confirm_no.click()
    assert not shown(page.book.confirm)
    assert len(stored(db_path)) == 1


def test_delete_confirmed_deletes_the_entry(page, db_path):
    page.add(description="Salah catat", amount="150rb")
    page.add(description="Jual keset", amount="20rb")
    wrong = next(e for e in stored(db_path) if e.description == "Salah catat")
    page.book.pick.value = wrong.id
    page.book.delete.click()
    page.book.confirm_yes.click()
    assert [e.description for e in stored(db_path)] == ["Jual keset"]
    assert page.book.status.value == notice_html(t("cashbook.deleted"), "ok")
    assert not shown(page.book.confirm)
    assert "Salah catat" not in page.book.table.value


def test_yes_deletes_the_entry_the_question_named(page, db_path):
    """The question names one entry; picking another before pressing Yes must not delete that
    other one instead."""
    page.add(description="Salah catat", amount="150rb")
    page.add(description="Jual keset", amount="20rb")
    by_text = {e.description: e.id for e in stored(db_path)}
    page.book.pick.value = by_text["Salah catat"]
    page.book.delete.click()
    assert "Salah catat" in page.book.confirm_text.value
    page.book.pick.value = by_text["Jual keset"]
    page.book.confirm_yes.click()
    assert [e.description for e in stored(db_path)] == ["Jual keset"]


def test_delete_alone_on_an_empty_book_does_nothing(page):
    assert page.book.pick.value is None
    assert page.book.delete.disabled and page.book.edit.disabled
    page.book.delete.click()
    page.book.confirm_yes.click()
    assert not shown(page.book.confirm)
    assert cash_db.entries(PAGE.session) == []


# --- Escaping -------------------------------------------------------------------------------


def test_description_with_markup_is_shown_as_text(page, db_path):
    evil = "<script>alert(1)</script>"
    page.add(description=evil, amount="150rb")
    assert [e.description for e in stored(db_path)] == [evil]  # stored as typed
    escaped = escape(evil)
    assert escaped in page.book.table.value
    assert escaped in page.book.status.value
    page.book.pick.value = cash_db.entries(PAGE.session)[0].id
    page.book.delete.click()
    assert escaped in page.book.confirm_text.value
    for html in (page.book.table.value, page.book.status.value, page.book.summary.value,
                 page.book.downloads.value, page.book.confirm_text.value,
                 page.book.balance.value):
        assert "<script" not in html.lower()


def test_name_is_escaped_in_the_welcome(store):
    page = Page(store)
    page.sign_in(name="Siti O'Neil")
    assert "Siti O&#x27;Neil" in page.signin.signed_in.value
    assert "O'Neil" not in page.signin.signed_in.value


def test_name_with_markup_is_refused_and_not_echoed_raw(store):
    page = Page(store)
    page.sign_in(name="Siti <b>Aminah</b>")
    assert PAGE.session is None
    assert page.signin.name.message.value == notice_html(t("store.name_chars"), "error")
    assert "<b>" not in page_html(page.signin)


def test_downloads_html_escapes_the_owner():
    html = downloads_html([], '<b onclick="x">Siti</b>')
    assert "<b" not in html
    assert 'download="buku-kas-b-onclick-x-siti-b.xlsx"' in html


# --- Downloads ------------------------------------------------------------------------------


def _data_uri(html: str, css_class: str, mime: str) -> bytes:
    match = re.search(rf'class="{css_class}"[^>]*href="data:{re.escape(mime)};base64,'
                      r'([A-Za-z0-9+/=]+)"', html)
    assert match, f"no {css_class} data link in {html[:300]}"
    return base64.b64decode(match.group(1), validate=True)


def test_downloads_carry_a_real_workbook_and_csv(page):
    page.add(description="Jual 10 keset", amount="150rb")
    html = page.book.downloads.value
    assert 'download="buku-kas-siti-aminah.xlsx"' in html
    assert 'download="buku-kas-siti-aminah.csv"' in html

    xlsx = _data_uri(html, "uk-download-xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[0]
    assert NAME in sheet.cell(row=1, column=1).value
    assert sheet.cell(row=5, column=2).value == "Jual 10 keset"
    amount = sheet.cell(row=5, column=5)  # the "money in" column
    assert type(amount.value) is int and amount.value == 150_000
    assert "Rp" in amount.number_format and "#,##0" in amount.number_format
    assert sheet.cell(row=5, column=7).value == 150_000  # the balance after it

    data = _data_uri(html, "uk-download-csv", "text/csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == column_labels()
    assert rows[1][0] == DAY.isoformat()
    assert rows[1][1] == "Jual 10 keset"
    assert (rows[1][4], rows[1][5], rows[1][6]) == ("150000", "0", "150000")
    assert len(rows) == 2


# --- Two participants -----------------------------------------------------------------------


def test_two_participants_never_see_each_others_entries(store, db_path):
    page = Page(store)
    page.sign_in("Siti Aminah", "2580")
    page.add(description="Rahasia Siti", amount="150rb")
    siti_id = cash_db.entries(PAGE.session)[0].id
    page.sign_out()

    page.sign_in("Bu Endang", "9876")
    assert PAGE.session.name == "Bu Endang"
    assert page.book.table.value == notice_html(t("cashbook.book_empty"), "info")
    assert "Rahasia Siti" not in page_html(page.book)
    assert "Rp150.000" not in page_html(page.book)
    assert siti_id not in [value for _label, value in page.book.pick.options]
    rows = list(csv.reader(io.StringIO(_data_uri(page.book.downloads.value, "uk-download-csv",
                                                 "text/csv").decode("utf-8-sig"))))
    assert rows == [column_labels()]
    page.add(description="Catatan Endang", amount="20rb")
    assert "Rahasia Siti" not in page_html(page.book)
    page.sign_out()

    page.sign_in("Siti Aminah", "2580")
    assert "Rahasia Siti" in page.book.table.value
    assert "Catatan Endang" not in page_html(page.book)
    assert [e.description for e in stored(db_path, "Siti Aminah", "2580")] == ["Rahasia Siti"]
    assert [e.description for e in stored(db_path, "Bu Endang", "9876")] == ["Catatan Endang"]


def test_an_open_delete_question_does_not_pass_to_the_next_participant(store, db_path):
    page = Page(store)
    page.sign_in("Siti Aminah", "2580")
    page.add(description="Rahasia Siti", amount="150rb")
    page.book.pick.value = cash_db.entries(PAGE.session)[0].id
    page.book.delete.click()  # asked, never answered
    page.sign_out()
    page.sign_in("Bu Endang", "9876")
    assert not shown(page.book.confirm)
    assert "Rahasia Siti" not in page_html(page.book)
    page.book.confirm_yes.click()
    assert [e.description for e in stored(db_path, "Siti Aminah", "2580")] == ["Rahasia Siti"]
    assert page.book.status.value != notice_html(t("cashbook.deleted"), "ok")

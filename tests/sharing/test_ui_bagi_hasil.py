"""Lesson 3's views, headless: build the real widgets, type into them, press their buttons, and
check the shown shares, the store, the printed record and the comparison."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from fractions import Fraction

import pytest
from openpyxl import load_workbook

from widgets.sharing import db as sharing_db
from widgets.sharing import methods, params
from widgets.sharing.rules import Rule
from widgets.sharing.split import percent_value, split_with_fund
from widgets.sharing.ui import lesson as lesson3
from widgets.sharing.ui.calculator import Inputs, SharingCalculator
from widgets.sharing.ui.compare import ComparisonView
from widgets.sharing.ui.record import RecordPanel
from widgets.store import Store
from widgets.store import answers as answer_db
from widgets.ui.common import PAGE
from widgets.ui.signin import SignInView

EVIL = "<script>alert(1)</script>"
DAY = dt.date(2019, 8, 10)
FEED_SPLIT = [2_228_572, 2_069_388, 2_228_572, 1_910_204, 1_273_469, 2_228_571, 2_228_571,
              1_432_653]


pytestmark = pytest.mark.usefixtures("fresh_page")


class Lesson:
    """What the lesson page holds from the calculator down: sign-in, calculator, record,
    comparison, all sharing one set of inputs."""

    def __init__(self, store: Store, group: str = "kambing") -> None:
        self.inputs = Inputs()
        self.signin = SignInView(store=store)
        self.calc = SharingCalculator(inputs=self.inputs, group=group)
        self.record = RecordPanel(self.calc, today=DAY)
        self.compare = ComparisonView(self.inputs)

    def sign_in(self, name: str = "Bendahara Kambing", pin: str = "2468") -> None:
        self.signin.name.control.value = name
        self.signin.pin.control.value = pin
        self.signin.submit.click()

    def method(self, key: str) -> None:
        self.calc.method.control.value = key

    def shares(self) -> list[int]:
        return [int(x) for x in re.findall(r'uk-bh-share" data-amount="(-?\d+)"',
                                           self.calc.result.value)]

    def check_line(self) -> tuple[int, int, int]:
        found = re.search(r'data-shared="(-?\d+)" data-kept="(-?\d+)" data-total="(-?\d+)"',
                          self.calc.result.value)
        assert found, self.calc.result.value[:500]
        return tuple(int(x) for x in found.groups())  # type: ignore[return-value]

    def row(self, name: str):
        return next(r for r in self.calc.rows if r.name.value == name)


@pytest.fixture
def page(store) -> Lesson:
    return Lesson(store)


def test_starts_with_the_goat_sale_shared_equally(page):
    assert page.calc.total.control.value == "Rp15.600.000"
    assert [r.name.value for r in page.calc.rows][:2] == ["Sudarto", "Joko Santoso"]
    assert [r.values["work"].value for r in page.calc.rows] == ["14", "13", "14", "12", "8",
                                                                "14", "14", "9"]
    assert page.shares() == [1_950_000] * 8
    assert page.check_line() == (15_600_000, 0, 15_600_000)
    assert "Rp1.950.000" in page.calc.result.value


def test_switching_method_changes_the_shares_and_they_still_add_up(page):
    page.method("work")
    assert page.shares() == FEED_SPLIT
    shared, kept, total = page.check_line()
    assert shared + kept == total == sum(page.shares()) == 15_600_000
    page.method("capital")
    assert page.shares()[0] == 2_836_363 and sum(page.shares()) == 15_600_000


def test_editing_a_members_work_updates_the_split(page):
    page.method("work")
    page.row("Heri Kuswanto").values["work"].value = "14"
    assert page.shares()[4] == page.shares()[0] or abs(page.shares()[4] - page.shares()[0]) <= 1
    assert sum(page.shares()) == 15_600_000


def test_adding_and_removing_members(page):
    page.method("work")
    page.calc.add_member.click()
    row = page.calc.rows[-1]
    row.name.value = "Anggota Baru"
    row.values["work"].value = "7"
    assert len(page.shares()) == 9 and sum(page.shares()) == 15_600_000
    page.row("Teguh Santosa").remove.click()
    assert len(page.shares()) == 8
    assert "Teguh Santosa" not in page.calc.result.value
    assert page.inputs.members[-1].name == "Anggota Baru"


def test_typed_amounts_go_through_parse_rupiah_with_messages_beside_the_field(page):
    page.calc.total.control.value = "1M"
    assert "juta atau miliar" in page.calc.total.message.value
    assert "uk-msg-error" in page.calc.result.value and page.shares() == []
    page.calc.total.control.value = "2,6 jt"
    assert page.calc.total.message.value == ""
    assert sum(page.shares()) == 2_600_000


def test_bad_work_and_percent_show_under_their_field(page):
    page.method("work")
    page.row("Heri Kuswanto").values["work"].value = "1.5"
    assert "bukan jumlah kerja" in page.row("Heri Kuswanto").message.value
    assert page.shares() == []
    page.row("Heri Kuswanto").values["work"].value = "8"
    page.method("fund")
    page.calc.fund.control.value = "abc"
    assert "bukan persen" in page.calc.fund.message.value
    page.calc.fund.control.value = "10"
    assert page.check_line() == (14_040_000, 1_560_000, 15_600_000)


def test_core_errors_are_plain_messages_not_tracebacks(page):
    page.method("work")
    for row in page.calc.rows:
        row.values["work"].value = "0"
    assert "Belum ada anggota yang tercatat bekerja" in page.calc.result.value
    page.calc.rows[0].values["work"].value = "3"
    page.calc.rows[1].name.value = page.calc.rows[0].name.value
    assert "tertulis dua kali" in page.calc.result.value
    assert "Traceback" not in page.calc.result.value


def test_a_loss_is_shared_and_labelled(page):
    page.calc.sign.control.value = -1
    assert page.shares() == [-1_950_000] * 8
    assert "RUGI" in page.calc.result.value and "Tanggungan rugi" in page.calc.result.value


def test_cooperative_shu_gives_the_worked_check(store):
    page = Lesson(store, group="koperasi")
    assert page.calc.method.control.value == "shu"
    assert page.calc.total.control.value == "Rp60.000.000"
    sari = page.calc.rows[[r.name.value for r in page.calc.rows].index("Sari Wulandari")]
    assert sari.values["transactions"].value == "5.000.000"
    assert page.shares()[1] == 1_240_000
    assert page.check_line() == (27_000_000, 33_000_000, 60_000_000)


def test_gaduh_and_investor(page):
    page.method("gaduh")
    page.calc.total.control.value = "2.600.000"
    assert page.shares() == [2_050_000, 550_000]
    assert "3 ekor untuk Agus Purnomo" in page.calc.result.value
    page.calc.group.control.value = "konveksi"
    page.method("investor")
    page.calc.basis.control.value = "work"
    assert page.calc.unit.control.value == "potong"
    shared, kept, total = page.check_line()
    assert kept == round(total * 0.4) and shared + kept == total
    assert "upah borongan" in page.calc.result.value


def test_participant_names_are_escaped_in_result_chart_and_record(page):
    page.calc.rows[0].name.value = EVIL
    page.record.note.control.value = EVIL
    page.record.make.click()
    for html in (page.calc.result.value, page.record.preview.value):
        assert "<script>" not in html and "&lt;script&gt;" in html
    link = re.search(r'href="data:text/html;charset=utf-8;base64,([^"]+)"',
                     page.record.downloads.value)
    document = base64.b64decode(link.group(1)).decode("utf-8")
    assert "<script>" not in document and "&lt;script&gt;alert(1)" in document


def test_record_downloads_are_a4_html_and_excel(page):
    page.method("work")
    page.record.place.control.value = "Balai Desa Jepara"
    page.record.make.click()
    assert "BERITA ACARA PEMBAGIAN HASIL" in page.record.preview.value
    html_link = re.search(r'download="(berita-acara-[^"]+\.html)" href="data:text/html;'
                          r'charset=utf-8;base64,([^"]+)"', page.record.downloads.value)
    assert html_link.group(1) == ("berita-acara-kelompok-ternak-kambing-purna-pmi-"
                                  "2019-08-10.html")
    document = base64.b64decode(html_link.group(2)).decode("utf-8")
    assert re.search(r"@page\s*\{\s*size:\s*A4", document)
    assert "Sabtu, tanggal 10 Agustus 2019, bertempat di Balai Desa Jepara" in document
    xlsx = re.search(r'href="data:application/vnd[^;]+;base64,([^"]+)"',
                     page.record.downloads.value).group(1)
    sheet = load_workbook(io.BytesIO(base64.b64decode(xlsx))).worksheets[0]
    amounts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, int)]
    assert 1_273_469 in amounts and 15_600_000 in amounts


def test_saving_needs_a_sign_in(page, store):
    page.record.save.click()
    assert "Masuk dulu" in page.record.status.value
    page.record.save_rule.click()
    assert "Masuk dulu" in page.record.status.value
    assert "Masuk dengan nama dan PIN" in page.record.saved.value


def test_rule_and_distribution_are_saved_and_shown_in_a_later_session(store):
    page = Lesson(store)
    page.sign_in()
    page.method("mix")
    page.record.note.control.value = "Disepakati rapat anggota"
    page.record.save_rule.click()
    page.record.save.click()
    assert "Tersimpan" in page.record.status.value
    session = PAGE.session
    rule = sharing_db.rule(session, "kambing")
    assert rule.method == "mix" and rule.params["equal_percent"] == "50"
    [saved] = sharing_db.distributions(session, "kambing")
    assert saved.total == 15_600_000 and sum(a for _, a in saved.shares) == 15_600_000
    assert saved.day == DAY and "Disepakati" in saved.note

    # A later session: a new page, the same participant, the agreed rule brought back.
    PAGE.session = None
    PAGE.unobserve_all()
    later = Lesson(store)
    assert later.calc.method.control.value == "equal"
    later.sign_in()
    assert "50% dibagi rata" in later.record.saved.value
    assert "berita-acara-kelompok-ternak-kambing" in later.record.saved.value
    later.record.use_rule.click()
    assert later.calc.method.control.value == "mix"
    assert later.shares()[4] == 1_611_734


def test_another_participant_sees_nothing_saved_by_the_first(store):
    page = Lesson(store)
    page.sign_in()
    page.record.save_rule.click()
    page.record.save.click()
    PAGE.session = None
    PAGE.unobserve_all()
    other = Lesson(store)
    other.sign_in("Peserta Lain", "1357")
    assert "Belum ada aturan kelompok" in other.record.saved.value
    assert "Belum ada pembagian" in other.record.saved.value
    assert other.record.use_rule.layout.display == "none"


def test_apply_rule_round_trips_every_method(page):
    # Every rule the form reads carries its cash unit (1: not rounded).
    rules = [
        Rule("work", {"unit": "jam", "cash_unit": 1}),
        Rule("fund", {"fund_percent": "12.5", "basis": "capital", "unit": "hari",
                      "cash_unit": 500}),
        Rule("mix", {"equal_percent": "30", "basis": "capital", "unit": "hari",
                     "cash_unit": 100}),
        Rule("investor", {"investor": "Pak Hendra", "investor_percent": "35", "basis": "work",
                          "unit": "hari", "cash_unit": 1000}),
        Rule("maklon", {"investor": "Pak Hendra", "piece_rate": 2500, "cash_unit": 1}),
        Rule("gaduh", {"owner": "A", "keeper": "B", "buy_price": 1_000_000, "kids": 4,
                       "kid_price": 500_000, "first_to_keeper": 1, "keeper_percent": "50",
                       "negligence": True, "cash_unit": 500}),
    ]
    for rule in rules:
        page.calc.apply_rule(rule)
        assert page.calc.current_rule() == rule
    # A rule saved before cash units existed means "not rounded".
    page.calc.apply_rule(Rule("equal"))
    assert page.calc.current_rule() == Rule("equal", {"cash_unit": 1})


def test_a_new_registry_entry_reaches_the_calculator(store, monkeypatch):
    # A made-up method from one entry: a group fund first, the rest by capital only.
    entry = methods.Method(
        "fund_capital", "sharing.method_fund", "lesson3.help_fund", "sharing.describe_capital",
        lambda p, total, members: split_with_fund(total, members, percent_value(
            params.FUND.value(p)), {"capital": Fraction(100)}),
        params=(params.FUND,), columns=("capital",))
    monkeypatch.setitem(methods.METHODS, "fund_capital", entry)
    page = Lesson(store)
    assert "fund_capital" in [key for _, key in page.calc.method.control.options]
    page.method("fund_capital")
    assert page.calc.fund.layout.display == "" and page.calc.basis.layout.display == "none"
    sudarto = page.row("Sudarto").values
    assert sudarto["capital"].layout.display == "" and sudarto["work"].layout.display == "none"
    page.calc.fund.control.value = "10"
    # 10% of 15.600.000 = 1.560.000; 14.040.000 by capital (Rp550.000 in all): 100.000 ->
    # 2.552.727,27; 50.000 -> 1.276.363,63 (+1 each: the largest fractions); 75.000 ->
    # 1.914.545,45
    assert page.check_line() == (14_040_000, 1_560_000, 15_600_000)
    assert page.shares() == [2_552_727, 2_552_727, 1_276_364, 1_276_364, 1_276_364, 1_914_545,
                             1_276_364, 1_914_545]
    assert page.calc.current_rule() == Rule("fund_capital", {"fund_percent": "10",
                                                             "cash_unit": 1})
    # The entry rounds to cash like every other method, with nothing more written for it.
    page.calc.cash_unit.control.value = 1000
    assert page.shares() == [2_552_000, 2_552_000, 1_276_000, 1_276_000, 1_276_000, 1_914_000,
                             1_276_000, 1_914_000]
    assert page.check_line() == (14_036_000, 1_564_000, 15_600_000)


def test_comparison_follows_the_calculator(page):
    out = page.compare.output
    assert "Menurut hari kerja" in out.value and "Kas 20%, sisanya rata" in out.value
    assert "Heri Kuswanto (−Rp676.531)" in out.value
    page.row("Heri Kuswanto").values["work"].value = "14"
    assert "Heri Kuswanto (−Rp676.531)" not in out.value
    page.compare.pick["capital"].value = False
    assert "Menurut modal" not in out.value
    page.compare.fund.control.value = "abc"
    assert "bukan persen" in page.compare.fund.message.value
    page.compare.fund.control.value = "10"
    assert "Kas 10%, sisanya rata" in out.value


def test_compact_comparison_for_a_slide_drops_the_summary_and_keeps_the_figures(page):
    """The lesson's comparison keeps its summary and bars; the slide's (compact) shows the same
    table alone, each difference beside its share, the percentages on the tick boxes' row."""
    from widgets.sharing.ui.lesson_projector import slide_comparison

    full, slide = page.compare, slide_comparison(page.inputs)
    assert "uk-bh-compact" in slide._dom_classes and "uk-bh-compact" not in full._dom_classes
    assert 'class="uk-bh-summary"' in full.output.value and "<svg" in full.output.value
    assert "uk-bh-summary" not in slide.output.value and "<svg" not in slide.output.value
    assert "kalkulator di atas" not in slide.children[0].value
    table = re.compile(r'<table class="uk-cards uk-bh-table uk-bh-compare-table">.*?</table>',
                       re.S)
    assert table.search(slide.output.value)[0] == table.search(full.output.value)[0]
    assert FEED_SPLIT[4] == 1_273_469 and "Rp1.273.469" in slide.output.value
    # Lesson: tick boxes on one row, percentages under them; slide: all on one row.
    assert [*slide.pick.values(), *slide.fields.values()] == list(slide.children[1].children)
    assert not set(full.fields.values()) & set(full.children[1].children)
    # Ticks and percentages work as on the lesson page.
    slide.pick["capital"].value = False
    assert "Menurut modal" not in slide.output.value
    slide.fund.control.value = "abc"
    assert "bukan persen" in slide.fund.message.value and slide.output.value == ""
    slide.pick["fund"].value = False  # a wrong figure for an unticked method stops nothing
    assert "Menurut hari kerja" in slide.output.value
    slide.pick["fund"].value = True
    slide.fund.control.value = "10"
    assert "Kas 10%, sisanya rata" in slide.output.value


def test_comparison_skips_a_method_the_data_cannot_support(store):
    page = Lesson(store, group="koperasi")  # the cooperative records no work days
    assert "Belum ada anggota yang tercatat bekerja" in page.compare.output.value
    assert "Menurut modal" in page.compare.output.value


def test_exercise_checks_on_the_server_and_saves_when_signed_in(page):
    exercise = lesson3.SharingExercise()
    exercise.pick.control.value = "kas"
    exercise.answer.control.value = "207.200"
    exercise.check.click()
    assert "Belum tepat" in exercise.feedback.value and "Langkah 1" in exercise.feedback.value
    assert "Sisihkan kas kelompok dulu" in exercise.feedback.value
    page.sign_in()
    exercise.answer.control.value = "165.760"
    exercise.check.click()
    assert "Benar" in exercise.feedback.value
    answers = answer_db.answers(PAGE.session, "bagi-hasil-kas")
    assert [a.correct for a in answers] == [True]
    exercise.answer.control.value = "1M"
    exercise.check.click()
    assert "juta atau miliar" in exercise.answer.message.value


def test_the_question_text_carries_no_answer():
    exercise = lesson3.SharingExercise()
    for key in exercise.questions:
        exercise.pick.control.value = key
        question = exercise.questions[key]
        assert format(question.answer, ",").replace(",", ".") not in exercise.text.value


def test_worked_examples_show_the_villages_numbers():
    assert "Rp1.273.469" in lesson3.goat_sale_html()
    assert "Heri Kuswanto" in lesson3.roster_html() and "8 hari" in lesson3.roster_html()
    assert "Rp414.400" in lesson3.sewing_month_html()
    assert "Rp1.000.000 + Rp240.000 = Rp1.240.000" in lesson3.shu_html()
    investor = lesson3.investor_html()
    # The pricing lesson's case (harga.yaml): 100 keset, the group's 60% of Rp1.237.500
    assert "Rp742.500" in investor and "Rp800.000" in investor and "100 keset" in investor
    assert "Rp2.050.000" in lesson3.gaduh_html()


def gaduh_parts(html: str) -> tuple[str, int, int]:
    """The gaduh example's sale sentence, and the owner's and keeper's shares in its table."""
    sentence = next(p for p in re.findall(r"<p>(.*?)</p>", html) if "dijual" in p)
    owner, keeper = (int(x) for x in re.findall(r'uk-bh-share" data-amount="(-?\d+)"', html))
    return sentence, owner, keeper


def test_gaduh_sentence_and_table_agree_on_an_odd_gain():
    # Bought Rp1.500.000, sold Rp2.600.001: the gain of Rp1.100.001 does not halve. The split
    # gives the extra rupiah to the owner (listed first): 550.001 to the owner, 550.000 to the
    # keeper, and the owner also gets the purchase price back.
    sentence, owner, keeper = gaduh_parts(lesson3.gaduh_html(buy=1_500_000, sale=2_600_001))
    assert (owner, keeper) == (2_050_001, 550_000)
    assert "Rp1.100.001" in sentence
    assert "Rp550.001" in sentence and "Rp550.000" in sentence  # each side's part, as the table
    assert "masing-masing" not in sentence
    # An even gain halves exactly, and the sentence says so.
    sentence, owner, keeper = gaduh_parts(lesson3.gaduh_html(buy=1_500_000, sale=2_600_000))
    assert (owner, keeper) == (2_050_000, 550_000)
    assert "masing-masing Rp550.000" in sentence


def test_app_builders_return_widgets():
    app = lesson3.calculator_app()
    assert len(app.children) == 4  # sign-in, calculator, days from the duty roster, record
    assert isinstance(lesson3.comparison_view(), ComparisonView)


# --- Cash-payable shares ----------------------------------------------------------------------


def test_the_round_to_dropdown_pays_cash_and_shows_the_remainder(page):
    page.method("work")
    dropdown = page.calc.cash_unit.control
    assert dropdown.value == 1 and [label for label, _ in dropdown.options] == [
        "Tidak dibulatkan", "Rp100", "Rp500", "Rp1.000"]
    assert "uk-bh-rounding" not in page.calc.result.value
    dropdown.value = 1000
    html = page.calc.result.value
    assert page.shares() == [2_228_000, 2_069_000, 2_228_000, 1_910_000, 1_273_000, 2_228_000,
                             2_228_000, 1_432_000]
    # Each rounded share shows the figure as calculated under it.
    exact = [int(x) for x in re.findall(r'uk-bh-exact" data-amount="(\d+)"', html)]
    assert exact == FEED_SPLIT and "hasil hitung Rp1.273.469" in html
    remainder = re.search(r'<tr class="uk-bh-aside uk-bh-rounding"><td>([^<]+)</td>'
                          r'<td class="num" data-amount="(\d+)">([^<]+)</td>', html)
    assert remainder.groups() == ("Sisa pembulatan masuk kas kelompok", "4000", "Rp4.000")
    assert page.check_line() == (15_596_000, 4_000, 15_600_000)
    assert "dibulatkan ke bawah ke kelipatan Rp1.000" in html  # the rule, in words
    # The comparison follows the calculator's unit, against the equal split rounded the same.
    assert "setiap bagian dibulatkan ke bawah ke Rp1.000" in page.compare.output.value
    assert "Rp1.950.000" in page.compare.output.value  # 15.600.000 ÷ 8: already whole
    dropdown.value = 500
    assert page.check_line() == (15_598_500, 1_500, 15_600_000)
    dropdown.value = 1
    assert page.shares() == FEED_SPLIT and "uk-bh-rounding" not in page.calc.result.value
    # Shares already whole: no "as calculated" line, and a remainder of Rp0 on its line.
    dropdown.value = 1000
    page.method("equal")
    assert page.shares() == [1_950_000] * 8 and "uk-bh-exact" not in page.calc.result.value
    assert page.check_line() == (15_600_000, 0, 15_600_000)
    assert 'uk-bh-rounding"><td>Sisa pembulatan masuk kas kelompok' in page.calc.result.value


def test_a_rounded_distribution_is_recorded_saved_and_printed_again(store):
    page = Lesson(store)
    page.sign_in()
    page.method("work")
    page.calc.cash_unit.control.value = 500
    page.record.make.click()
    preview = page.record.preview.value
    assert "Hasil hitung" in preview and "Dibayar tunai" in preview
    assert "Rp1.273.469" in preview and "Rp1.273.000" in preview
    assert re.search(r"Sisa pembulatan masuk kas kelompok</td><td[^>]*>Rp1.500<", preview)
    page.record.save_rule.click()
    page.record.save.click()
    session = PAGE.session
    assert sharing_db.rule(session, "kambing").params["cash_unit"] == 500
    [saved] = sharing_db.distributions(session, "kambing")
    assert saved.params["cash_unit"] == 500 and saved.params["exact"]["Heri Kuswanto"] == 1_273_469
    assert dict(saved.set_aside) == {"rounding": 1_500}
    # Printed again later from the store: the same figures, both columns.
    listed = page.record.saved.value
    html_link = re.search(r'href="data:text/html;charset=utf-8;base64,([^"]+)"', listed)
    document = base64.b64decode(html_link.group(1)).decode("utf-8")
    assert "Hasil hitung" in document and "Rp1.273.469" in document
    assert "Sisa pembulatan masuk kas kelompok" in document
    assert "Rp15.598.500 + disisihkan Rp1.500 = Rp15.600.000" in document
    # The agreed rule brings its unit back into a fresh form.
    page.calc.cash_unit.control.value = 1
    page.record.use_rule.click()
    assert page.calc.cash_unit.control.value == 500 and page.shares()[4] == 1_273_000

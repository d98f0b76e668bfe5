"""Lesson 2's views, headless: build the real widgets, type into them, press their buttons, and
check what they show, what the store saved, and that no answer sits in widget state."""

from __future__ import annotations

import datetime as dt
import re

import ipywidgets as w
import pytest

from widgets.pricing.fees import load_fees
from widgets.pricing.ui import lesson as lesson2
from widgets.pricing.ui.channels import ChannelComparisonView, fee_sources_html
from widgets.pricing.ui.costsheet import LATEST, CostSheetView
from widgets.pricing.ui.goat import GoatCostView
from widgets.pricing.ui.price import PriceCalculatorView
from widgets.store import answers as answer_db
from widgets.ui.common import PAGE

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def fresh_sheet(fresh_page):
    """No cost sheet left over from another test (the price tools read the latest one)."""
    LATEST.product, LATEST.cost = "", 0
    yield
    LATEST.unobserve_all()
    LATEST.product, LATEST.cost = "", 0


def plain(html: str) -> str:
    """The text a participant reads: tags dropped, entities left as they are."""
    return re.sub(r"<[^>]+>", " ", html)


def errors(field) -> str:
    return plain(field.message.value) if "uk-msg-error" in field.message.value else ""


# --- Cost sheet -----------------------------------------------------------------------------


def test_cost_sheet_starts_with_the_keset_worked_out():
    view = CostSheetView()
    text = plain(view.result.value)
    for figure in ("Rp9.000", "Rp5.000", "Rp2.400", "Rp16.400", "Rp15.000", "-Rp1.400"):
        assert figure in text, figure
    assert "Titik impas: 72 buah sebulan" in text
    assert "rugi Rp42.000 sebulan" in text  # 30 × (15.000 − 14.000) − 72.000
    assert "<svg" in view.result.value and "impas: 72" in view.result.value
    assert LATEST.cost == 16_400 and LATEST.product == "keset_bulat"


def test_a_better_price_moves_the_break_even():
    view = CostSheetView()
    view.price.control.value = "20rb"
    view.calculate.click()
    text = plain(view.result.value)
    assert "Titik impas: 12 buah sebulan" in text
    assert "untung Rp108.000 sebulan" in text  # 30 × 6.000 − 72.000
    assert "Untung 22% dari biaya" in text  # 3.600 ÷ 16.400 = 21,95%


def test_a_price_at_the_variable_cost_loses_on_every_sale():
    view = CostSheetView()
    view.price.control.value = "Rp14.000"
    view.calculate.click()
    assert "setiap penjualan rugi" in plain(view.result.value)
    assert "Titik impas" not in plain(view.result.value)


def test_own_time_at_zero_shows_a_paper_profit():
    view = CostSheetView()
    view.minutes.control.value = "0"
    view.calculate.click()
    assert "Rp11.400" in plain(view.result.value)  # 9.000 + 0 + 2.400


def test_bad_inputs_show_messages_beside_their_fields_and_no_result():
    view = CostSheetView()
    view.price.control.value = "1M"
    view.batch.control.value = "2,5"
    view.materials[3].quantity.control.value = "3"  # a line with a quantity but no name
    view.calculate.click()
    assert "juta atau miliar" in errors(view.price)
    assert "bukan bilangan bulat" in errors(view.batch)
    assert "Tulis namanya" in errors(view.materials[3].name)
    assert "bertanda ⚠" in view.status.value
    assert view.result.value == ""
    assert "Traceback" not in view.status.value


def test_school_uniform_sheet_and_an_empty_sheet():
    view = CostSheetView()
    view.product.control.value = "seragam_sekolah"
    assert view.labour_mode.control.value == "piece"
    assert view.by_time.layout.display == "none"
    assert "Rp80.960" in plain(view.result.value)
    assert "Titik impas: 5 stel sebulan" in plain(view.result.value)
    view.product.control.value = "kebaya"
    assert "belum diisi" in view.note.value and view.result.value == ""
    view.calculate.click()
    assert "paling sedikit satu bahan" in errors(view.materials[0].name)


def test_participant_text_in_a_sheet_is_escaped():
    view = CostSheetView()
    view.product.control.value = "kebaya"
    line = view.materials[0]
    line.name.control.value = "<img src=x onerror=alert(1)>"
    line.quantity.control.value, line.unit.control.value = "1", "<b>"
    line.price.control.value = "50rb"
    view.units.control.value = view.batch.control.value = "1"
    view.labour_mode.control.value = "piece"
    view.piece_rate.control.value = "40rb"
    view.overheads[0].name.control.value = "<script>x</script>"
    view.overheads[0].monthly.control.value = "10rb"
    view.calculate.click()
    assert "Rp100.000" in plain(view.result.value)  # 50.000 + 40.000 + 10.000
    assert "<script" not in view.result.value and "<img" not in view.result.value
    assert "&lt;b&gt;" in view.result.value  # the unit, shown as the text it is


# --- Price calculator -----------------------------------------------------------------------


def test_price_from_margin_and_back():
    calc = PriceCalculatorView(cost=16_400, price=15_000)
    calc.price_from_margin()
    assert "Rp19.680" in calc.result.value and "Rp20.000" in calc.result.value
    assert calc.price.control.value == "Rp19.680"
    calc.price.control.value = "20rb"
    calc.margin_from_price()
    assert "Untung Rp3.600" in calc.result.value and "22% dari biaya" in calc.result.value
    assert calc.margin.control.value == "22"


def test_price_below_cost_and_a_zero_cost():
    calc = PriceCalculatorView(cost=16_400, price=15_000)
    calc.margin_from_price()
    assert "Rugi Rp1.400" in calc.result.value
    calc.cost.control.value = "0"
    calc.price_from_margin()
    assert "lebih dari Rp0" in errors(calc.cost)


def test_the_calculator_follows_the_cost_sheet():
    calc = PriceCalculatorView(cost=1_000)
    sheet = CostSheetView()
    sheet.product.control.value = "seragam_sekolah"
    assert calc.cost.control.value == "Rp80.960"
    assert "lembar biaya" in calc.source.value


# --- Goat -----------------------------------------------------------------------------------


def test_goat_view_by_hand():
    view = GoatCostView()
    text = plain(view.result.value)
    for figure in ("Rp360.000", "Rp540.000", "Rp60.000", "Rp120.000", "Rp1.080.000",
                   "Rp2.600.000", "Rp1.520.000", "Rp472.500"):
        assert figure in text, figure
    assert "7 dari 63" in text


def test_goat_deaths_must_be_fewer_than_goats():
    view = GoatCostView()
    view.deaths.control.value = "63"
    view.calculate.click()
    assert "lebih sedikit" in errors(view.deaths)
    assert "bertanda ⚠" in view.result.value


# --- Channels -------------------------------------------------------------------------------


def test_channel_comparison_by_hand_with_dates_and_sources():
    view = ChannelComparisonView(today=TODAY)
    text = plain(view.result.value)
    for figure in ("Rp15.000", "Rp12.000", "Rp10.687", "Rp12.175", "Rp12.475", "Rp11.250",
                   "Rp365.250", "Rp450.000"):
        assert figure in text, figure
    assert "rugi Rp4.400 per buah" in text  # village shop: 12.000 − 16.400
    assert "Rp492.000" in text  # a month's cost waiting 30 days for the supermarket
    assert "Tarif 10% mendapat potongan 20%, jadi yang dipotong 8%" in text
    warning = plain(view.warning.value)
    assert "Seller Centre" in warning and "16 September 2024" in warning
    sources = plain(view.sources.value)
    for words in ("Katadata", "per 1 Januari 2026", "20 Juli 2025", "11 Agustus 2025",
                  "PMK 37/2025", "Bukalapak berhenti", "9 Februari 2025", "belum dicek"):
        assert words in sources, words


def test_statement_and_new_shop_change_the_marketplace_rows():
    view = ChannelComparisonView(today=TODAY)
    view.statement.value = True
    view.new_shop.value = True
    view.compare.click()
    nets = {n.channel: n.net_per_unit for n in view.nets}
    assert nets["shopee"] == 13_500  # no PPh, no order fee for a new shop
    assert nets["tokopedia"] == 12_550  # no PPh; Tokopedia has no new-shop offer


def test_a_bad_rate_opens_the_settings_and_says_why():
    view = ChannelComparisonView(today=TODAY)
    view.commission.control.value = "dua puluh"
    view.compare.click()
    assert "bukan persen" in errors(view.commission)
    assert view.settings.selected_index == 0
    assert view.result.value == ""


def test_product_change_prefills_price_cost_and_fashion_rates():
    view = ChannelComparisonView(today=TODAY)
    view.product.control.value = "seragam_sekolah"
    assert view.price.control.value == "Rp110.000"
    assert view.cost.control.value == "Rp80.960"
    assert view.shopee.control.value == "9"
    assert "Fashion" in view.shopee.message.value
    view.product.control.value = "bendera"
    assert view.cost.control.value == ""  # no cost sheet: the cost is optional
    assert "untung" not in plain(view.result.value)


def test_the_warning_shows_once_and_only_while_rates_are_old():
    fees = load_fees()
    assert "Seller Centre" in fee_sources_html(fees, TODAY)
    assert "Seller Centre" not in fee_sources_html(fees, dt.date(2025, 3, 1))
    view = ChannelComparisonView(today=TODAY)
    assert "Seller Centre" not in view.sources.value.split("<h4>")[0]  # not twice on a page
    assert ChannelComparisonView(today=dt.date(2025, 3, 1)).warning.value == ""


# --- Exercises ------------------------------------------------------------------------------


def _strings(widget: w.Widget) -> list[str]:
    """Every string a widget tree would send to the page."""
    found = []
    for name in widget.keys:
        value = getattr(widget, name, None)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, w.Widget):
                    found += _strings(item)
                elif isinstance(item, str):
                    found.append(item)
    return found


def test_exercises_hide_until_signed_in_and_hold_no_answer(store):
    view = lesson2.Exercises(store=store)
    assert view.body.layout.display == "none"
    sent = " ".join(_strings(view))
    for answer in ("19.300", "22.550", "29.330"):
        assert answer not in sent, answer
    assert "Oktober 2019" in sent and "Rp16.400" in sent  # the stories are there


def sign_in(view, name="Bu Tester", pin="2468"):
    signin = view.children[0]
    signin.name.control.value, signin.pin.control.value = name, pin
    signin.submit.click()


@pytest.fixture
def exercises(store):
    """Lesson 2's exercises, a participant signed in."""
    view = lesson2.Exercises(store=store)
    sign_in(view)
    return view


def check(card, typed: str) -> None:
    card.answer.control.value = typed
    card.check.click()


def test_cost_exercise_checked_saved_and_explained(exercises):
    assert exercises.body.layout.display == ""
    card = exercises.cards[0]
    for attempt in range(1, 4):
        check(card, "Rp10.000")
        shown = plain(card.feedback.value)
        assert "baru biaya bahan" in shown
        assert ("Rp19.300" in shown) == (attempt == 3)  # the steps after three tries
    check(card, "19.300")
    assert "Benar!" in card.feedback.value
    answers = answer_db.answers(PAGE.session, lesson2.EXERCISES[0])
    assert [a.correct for a in answers] == [False, False, False, True]
    assert answers[-1].answer == {"typed": 19_300}


def test_exercise_input_errors_save_nothing(exercises):
    card = exercises.cards[1]
    check(card, "25.5")
    assert "25.500" in errors(card.answer)  # the "did you mean" question, beside the field
    assert answer_db.answers(PAGE.session, lesson2.EXERCISES[1]) == []
    check(card, "25.500")
    assert "Harga yang baik!" in card.feedback.value


def test_price_exercise(exercises):
    price = exercises.cards[1]
    check(price, "15rb")
    assert "Rugi Rp4.400" in price.feedback.value
    check(price, "25rb")
    assert "Harga yang baik!" in price.feedback.value


def test_lesson_helpers_render_the_records():
    facts = plain(lesson2.cashbook_facts_html())
    for words in ("Rp100.000", "Rp30.000", "Rp184.286", "Rp46.071", "Rp12.000", "20%",
                  "Juni 2019", "Desember 2019"):
        assert words in facts, words
    goats = plain(lesson2.goat_records_html())
    assert "7 mati" in goats and "11,1%" in goats and "Rp2.600.000 per ekor" in goats
    case = plain(lesson2.investor_case_html())
    for figure in ("Rp21.375", "Rp2.137.500", "Rp900.000", "Rp1.237.500", "Rp742.500",
                   "Rp495.000", "Rp800.000", "Rp437.500", "Rp740.000"):
        assert figure in case, figure

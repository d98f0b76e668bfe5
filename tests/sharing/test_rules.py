"""Rules as saved data: every method applied through ``calculate``, and said in plain words."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from widgets.core import i18n
from widgets.core.money import AmountError
from widgets.sharing import methods, params, record, rules
from widgets.sharing.rules import Rule, calculate, describe
from widgets.sharing.split import Contribution, Distribution, SharingError, split_profit

MEMBERS = [Contribution("Darto", work=14, capital=100_000, transactions=7_000_000,
                        savings=9_000_000),
           Contribution("Heri", work=8, capital=50_000, transactions=3_000_000,
                        savings=4_000_000)]


EXAMPLES = [
    (Rule("equal"), 1_100_000, {"Darto": 550_000, "Heri": 550_000}, {}),
    (Rule("work", {"unit": "hari"}), 1_100_000, {"Darto": 700_000, "Heri": 400_000}, {}),
    (Rule("capital"), 1_500_000, {"Darto": 1_000_000, "Heri": 500_000}, {}),
    (Rule("fund", {"fund_percent": "20", "basis": "work"}), 1_375_000,
     {"Darto": 700_000, "Heri": 400_000}, {"kas": 275_000}),
    (Rule("mix", {"equal_percent": "50", "basis": "work"}), 2_200_000,
     {"Darto": 550_000 + 700_000, "Heri": 550_000 + 400_000}, {}),
    (Rule("shu", {"bylaws": {"cadangan": "55", "jua": "25", "jma": "20"}}), 10_000_000,
     {"Darto": 1_750_000 + 1_384_615, "Heri": 750_000 + 615_385}, {"cadangan": 5_500_000}),
    (Rule("gaduh", {"owner": "Pak Umar", "keeper": "Agus", "buy_price": 1_500_000}),
     2_600_000, {"Pak Umar": 2_050_000, "Agus": 550_000}, {}),
    (Rule("investor", {"investor": "Pak Hendra", "investor_percent": "40", "basis": "equal"}),
     1_000_000, {"Darto": 300_000, "Heri": 300_000}, {"investor": 400_000}),
    (Rule("maklon", {"investor": "Pak Hendra", "piece_rate": 10_000}), 1_000_000,
     {"Darto": 140_000, "Heri": 80_000}, {"investor": 780_000}),
]


@pytest.mark.parametrize("rule,total,shares,aside", EXAMPLES, ids=[r.method for r, *_ in EXAMPLES])
def test_calculate_every_method(rule, total, shares, aside):
    result = calculate(rule, total, MEMBERS)
    assert result.shares == shares
    assert result.set_aside == aside
    assert result.balanced and result.method == rule.method


def test_every_method_has_an_example_and_a_sentence():
    assert {r.method for r, *_ in EXAMPLES} == set(rules.METHODS)
    for rule, *_ in EXAMPLES:
        text = describe(rule)
        assert text and "{" not in text
        json.dumps(rule.params)  # a rule is saved as JSON


def test_describe_says_the_rule_in_plain_words():
    fund = Rule("fund", {"fund_percent": "12.5", "basis": "work", "unit": "potong"})
    assert describe(fund) == (
        "Kas kelompok 12,5% disisihkan dulu, sisanya dibagi menurut jumlah potong.")
    assert describe(Rule("mix", {"equal_percent": "50", "basis": "work"})) == (
        "50% dibagi rata, 50% dibagi menurut jumlah hari kerja.")
    i18n.set_language("en")
    assert describe(Rule("equal")) == "Every member gets the same share."


def test_bad_rule_parameters():
    with pytest.raises(ValueError):
        Rule("arisan")
    with pytest.raises(SharingError):
        calculate(Rule("fund", {"fund_percent": "120"}), 1000, MEMBERS)
    with pytest.raises(ValueError):
        calculate(Rule("work", {"unit": "minggu"}), 1000, MEMBERS)


# --- The registry: each method described once ------------------------------------------------


def test_the_registry_lists_every_method_once():
    assert tuple(methods.METHODS) == rules.METHODS == (
        "equal", "work", "capital", "fund", "mix", "shu", "gaduh", "investor", "maklon")
    assert [m.key for m in methods.compared()] == ["work", "capital", "fund", "mix"]
    for key, method in methods.METHODS.items():
        assert method.key == key
        assert {method.label, method.help, method.sentence, method.total_label} <= set(
            i18n.catalog())


def test_member_columns_by_method_and_basis():
    columns = {key: m.member_columns({}) for key, m in methods.METHODS.items()}
    assert columns == {"equal": (), "work": ("work",), "capital": ("capital",), "fund": (),
                       "mix": ("work",), "shu": ("transactions", "savings"), "gaduh": (),
                       "investor": (), "maklon": ("work",)}
    fund, mix = methods.METHODS["fund"], methods.METHODS["mix"]
    assert fund.member_columns({"basis": "capital"}) == ("capital",)
    assert mix.member_columns({"basis": "capital"}) == ("capital",)
    assert not methods.METHODS["gaduh"].members  # owner and keeper, no member list
    maklon = methods.METHODS["maklon"]
    assert maklon.work_unit({"unit": "jam"}) == "potong"  # pieces, whatever else is chosen
    assert methods.METHODS["work"].work_unit({"unit": "jam"}) == "jam"


def test_the_work_unit_is_asked_only_when_work_is_a_column():
    fund = methods.METHODS["fund"]
    # The cash unit comes last for every method: it applies to whatever the method gave.
    assert [p.key for p in fund.fields({"basis": "equal"})] == ["fund_percent", "basis",
                                                                "cash_unit"]
    assert [p.key for p in fund.fields({"basis": "work"})] == ["fund_percent", "basis", "unit",
                                                               "cash_unit"]
    investor = methods.METHODS["investor"]
    assert [p.key for p in investor.fields({})] == ["investor", "investor_percent", "basis",
                                                    "piece_rate",  # the rate: for the note
                                                    "cash_unit"]


def test_the_group_fund_default_is_twenty_percent_everywhere():
    # Rp1.000.000, nothing typed: 20% = 200.000 to the fund, 800.000 ÷ 2 = 400.000 each
    result = calculate(Rule("fund"), 1_000_000, MEMBERS)
    assert result.set_aside == {"kas": 200_000} and result.shares == {"Darto": 400_000,
                                                                       "Heri": 400_000}
    assert describe(Rule("fund")).startswith("Kas kelompok 20% disisihkan dulu")
    assert methods.METHODS["fund"].record_lines({}) == [
        ("Kas kelompok disisihkan dulu", "20%")]
    assert params.FUND.start_text() == "20" and params.FUND.placeholder() == "20"


def test_one_form_field_per_parameter_in_the_forms_order():
    assert [p.field_key for p in methods.form_params()] == [
        "unit", "fund", "basis", "equal_part", "mix_basis", "bylaws", "owner", "keeper", "buy",
        "kids", "first_kids", "keeper_part", "kid_price", "negligence", "investor",
        "investor_part", "piece_rate", "cash_unit"]


def test_parameters_read_typed_text_and_show_saved_values():
    assert params.FUND.read("12,5") == "12.5" and params.FUND.text("12.5") == "12,5"
    assert params.BUY.read("Rp 1.500.000") == 1_500_000 and params.BUY.read("  ") == 0
    assert params.BUY.text(1_500_000) == "1.500.000"
    assert params.KIDS.read("5") == 5 and params.KIDS.text(5) == "5"
    assert params.OWNER.read("  Pak   Umar ") == "Pak Umar"
    assert params.OWNER.start_text() == "Pak Haji Umar"
    assert params.BYLAWS.start_text()["cadangan"] == "30"
    with pytest.raises(SharingError) as caught:
        params.KIDS.read("2,5")
    assert caught.value.key == "kids_bad"
    with pytest.raises(SharingError):
        params.FUND.read("abc")
    with pytest.raises(AmountError):
        params.BUY.read("1M")


def test_record_lines_come_from_the_parameters():
    investor = {"investor": "Pak Hendra", "investor_percent": "35"}
    assert methods.METHODS["investor"].record_lines(investor) == [
        ("Investor", "Pak Hendra"), ("Bagian investor", "35%")]
    assert methods.METHODS["maklon"].record_lines({"investor": "X", "piece_rate": 2500}) == [
        ("Investor", "X"), ("Upah per potong", "Rp2.500")]
    shu_lines = methods.METHODS["shu"].record_lines({"bylaws": {"cadangan": "55", "jua": "45"}})
    assert shu_lines == [("Dana cadangan", "55%"), ("Jasa usaha anggota (JUA)", "45%")]
    assert methods.METHODS["equal"].record_lines({}) == []


def test_a_new_method_is_one_registry_entry(monkeypatch):
    # A made-up method (each day of work weighs 2, each Rp100.000 of capital 1), to show that
    # its function and one entry are all that calculate, the sentence and the record need.
    def work_twice(p, total, members):
        weights = {m.name: 2 * m.work + Fraction(m.capital, 100_000) for m in members}
        return Distribution("work_twice", total, split_profit(total, weights))

    entry = methods.Method("work_twice", "sharing.method_work", "lesson3.help_work",
                           "sharing.describe_work", work_twice,
                           lambda p: {"unit": params.unit_label(p.get("unit", "hari"))},
                           (params.UNIT,), columns=("work", "capital"))
    monkeypatch.setitem(methods.METHODS, "work_twice", entry)
    rule = Rule("work_twice", {"unit": "hari"})
    # Darto 2×14 + 1 = 29, Heri 2×8 + 0,5 = 16,5: 4.550.000 × 29/45,5 = 2.900.000
    assert calculate(rule, 4_550_000, MEMBERS).shares == {"Darto": 2_900_000,
                                                           "Heri": 1_650_000}
    assert describe(rule) == "Dibagi menurut jumlah hari kerja setiap anggota."
    assert record.contribution_text("work_twice", rule.params, MEMBERS[0]) == "14 hari kerja"

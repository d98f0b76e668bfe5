"""Rules as saved data: every method applied through ``calculate``, and said in plain words."""

from __future__ import annotations

import json

import pytest

from widgets.core import i18n
from widgets.sharing import rules
from widgets.sharing.rules import Rule, calculate, describe
from widgets.sharing.split import Contribution, SharingError

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

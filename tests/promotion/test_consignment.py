"""The consignment checklist and agreement: each missing term named, money per piece exact."""

from __future__ import annotations

import datetime as dt

import pytest

from widgets.promotion import exercises as px
from widgets.promotion.consignment import CHECKLIST, Agreement, agreement_html, check_agreement

FULL = Agreement("Kelompok Konveksi", "Warung Bu Sri", "Keset bulat", price=15000,
                 commission=2000, payment_days=7, returns_days=30, damage="group",
                 quantity=20, day=dt.date(2026, 11, 28))


def test_a_complete_agreement_passes_and_the_money_adds_up():
    assert [f.key for f in check_agreement(FULL)] == ["agreement_ok"]
    # 20% of Rp15.000 is Rp3.000 to the shop, Rp12.000 to the group.
    assert FULL.commission_per_piece() == 3000 and FULL.net_per_piece() == 12000


@pytest.mark.parametrize("item", CHECKLIST)
def test_each_missing_term_is_named(item):
    field = {"price": "price", "commission": "commission", "payment": "payment_days",
             "returns": "returns_days", "damage": "damage", "quantity": "quantity"}[item]
    changed = Agreement(**{**FULL.__dict__, field: "" if field == "damage" else None})
    found = check_agreement(changed)
    assert [f.key for f in found] == [f"agreement_{item}"]
    assert found[0].text and found[0].fix


def test_odd_prices_split_exactly():
    # 17,5% of Rp15.001 is Rp2.625,175: the shop gets Rp2.625, the group the other Rp12.376.
    a = Agreement("K", "W", "Keset", price=15001, commission=1750)
    assert (a.commission_per_piece(), a.net_per_piece()) == (2625, 12376)


def test_a_cut_of_half_or_more_is_questioned():
    high = Agreement(**{**FULL.__dict__, "commission": 5000})
    assert "agreement_commission_high" in [f.key for f in check_agreement(high)]


def test_the_letter_is_a4_escaped_and_offline():
    evil = Agreement(**{**FULL.__dict__, "partner": "<script>alert(1)</script>"})
    page = agreement_html(evil)
    assert "@page { size: A4; margin: 18mm; }" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http" not in page
    assert "Rp240.000" in page and "28 November 2026" in page


def test_blank_terms_leave_lines_to_fill_by_hand():
    page = agreement_html(Agreement("Kelompok Konveksi", "", "Keset"))
    assert page.count("……") >= 6


def test_goat_channels_follow_the_rules_file():
    assert px.allowed_goat_channels() == {"status", "group_chat", "farm_visit", "preorder"}
    right = px.check_goat_channels(["status", "group_chat", "farm_visit", "preorder"])
    assert right.correct and right.messages()
    wrong = px.check_goat_channels(["status", "catalog", "ig_shop"])
    assert not wrong.correct
    assert wrong.wrongly_chosen == ("catalog", "ig_shop")
    assert wrong.missed == ("group_chat", "farm_visit", "preorder")
    assert len(wrong.messages()) == 5
    assert not px.check_goat_channels(["<script>"]).correct

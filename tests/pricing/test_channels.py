"""pricing.channels: what each channel leaves per piece (worked by hand), the listing price for
a target net, and the properties every channel must keep."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.pricing import channels
from widgets.pricing.channels import (
    ChannelError,
    Settings,
    Terms,
    compare,
    listing_price,
    marketplace,
    money_waiting,
    reseller,
    round_listing_price,
    supermarket,
    terms,
    village_shop,
)
from widgets.pricing.fees import load_fees

TODAY = dt.date(2026, 11, 28)
# The Jepara defaults for a keset (datasets/jepara/harga.yaml; Lifestyle's top rates).
DEFAULTS = Settings(commission=2000, supermarket_margin=2500, supermarket_days=30, returns=500,
                    reseller_discount=2500, shopee_rate=1000, tokopedia_rate=1000)


@pytest.fixture(scope="module")
def fees():
    return load_fees()


def test_a_keset_at_15000_through_every_channel_by_hand(fees):
    # direct 15.000
    # village shop 20%: 3.000 -> 12.000 (what the shops hand over in the 2019 cash book)
    # supermarket 25%: 3.750 -> 11.250; 5% returned: 11.250 × 0,95 = 10.687,5 -> 10.687
    # Shopee: 10% 1.500 + order fee 1.250 + PPh 22 0,5% 75 -> 12.175
    # Tokopedia: 10% tier less 20% = 8%: 1.200 + 1.250 + 75 -> 12.475
    # reseller 25%: 3.750 -> 11.250
    nets = {c.channel: c.net_per_unit for c in compare(15_000, DEFAULTS, fees, TODAY)}
    assert nets == {"direct": 15_000, "warung": 12_000, "supermarket": 10_687,
                    "shopee": 12_175, "tokopedia": 12_475, "reseller": 11_250}
    assert list(nets) == list(channels.CHANNELS)


def test_month_net_is_piece_net_times_pieces(fees):
    shopee = compare(15_000, DEFAULTS, fees, TODAY)[3]
    assert shopee.per_month(30) == 365_250


def test_deductions_say_what_each_channel_keeps(fees):
    shop = supermarket(15_000, 2500, 500, 30)
    assert [(d.key, d.amount, d.rate) for d in shop.deductions] == [
        ("margin", 3_750, 2500), ("returns", 563, 500)]
    assert shop.paid_after_days == 30
    shopee = compare(15_000, DEFAULTS, fees, TODAY)[3]
    assert [(d.key, d.amount) for d in shopee.deductions] == [
        ("admin_fee", 1_500), ("order_fee", 1_250), ("pph22", 75)]


def test_statement_new_shop_and_dates_change_the_marketplace_cut(fees):
    shopee = fees.marketplaces["shopee"]
    assert terms(shopee, fees.pph22, 1000, TODAY, statement_filed=True).tax_rate == 0
    assert terms(shopee, fees.pph22, 1000, TODAY, new_shop=True).order_fee == 0
    tokopedia = fees.marketplaces["tokopedia"]
    assert terms(tokopedia, fees.pph22, 1000, TODAY, new_shop=True).order_fee == 1250  # no offer
    before = terms(shopee, fees.pph22, 1000, dt.date(2025, 7, 1))
    assert (before.order_fee, before.tax_rate) == (0, 0)  # neither had started


def test_several_pieces_in_one_order_share_the_order_fee(fees):
    # 2 keset: 30.000; admin 3.000; PPh 150; order fee 1.250 -> 25.600 ÷ 2 = 12.800 each
    cut = terms(fees.marketplaces["shopee"], fees.pph22, 1000, TODAY, units_per_order=2)
    assert marketplace(15_000, cut).net_per_unit == 12_800
    # 3 pieces of Rp10.001: 30.003; 3.000 (3.000,3); 150 (150,015); 1.250 -> 25.603 ÷ 3 -> 8.534
    cut3 = terms(fees.marketplaces["shopee"], fees.pph22, 1000, TODAY, units_per_order=3)
    assert marketplace(10_001, cut3).net_per_unit == 8_534


def test_shopee_listing_price_for_25000_by_hand(fees):
    # p − 10% − 0,5% − 1.250 ≥ 25.000  ->  p ≥ 26.250 ÷ 0,895 = 29.329,6
    # 29.330: admin 2.933, PPh 146,65 -> 147: 29.330 − 2.933 − 147 − 1.250 = 25.000
    # 29.329: admin 2.932,9 -> 2.933, PPh 146,645 -> 147: 24.999, short by one rupiah
    cut = terms(fees.marketplaces["shopee"], fees.pph22, 1000, TODAY)
    assert listing_price(25_000, cut) == 29_330
    assert marketplace(29_330, cut).net_per_unit == 25_000
    assert marketplace(29_329, cut).net_per_unit == 24_999


def test_tokopedia_listing_price_by_hand(fees):
    # 8% and 0,5%: p ≥ 26.250 ÷ 0,915 ≈ 28.688,5, but rounding helps by a rupiah:
    # 28.688: admin 2.295,04 -> 2.295, PPh 143,44 -> 143: 28.688 − 2.295 − 143 − 1.250 = 25.000
    # 28.687: admin 2.294,96 -> 2.295, PPh 143,435 -> 143: 24.999
    cut = terms(fees.marketplaces["tokopedia"], fees.pph22, 1000, TODAY)
    price = listing_price(25_000, cut)
    assert price == 28_688
    assert marketplace(28_688, cut).net_per_unit == 25_000
    assert marketplace(28_687, cut).net_per_unit == 24_999


def test_round_listing_price_for_25000_on_shopee(fees):
    # 29.330 rounds up to 29.500: admin 2.950, PPh 147,5 -> 148, order fee 1.250
    # -> 29.500 − 2.950 − 148 − 1.250 = 25.152, still at least 25.000
    cut = terms(fees.marketplaces["shopee"], fees.pph22, 1000, TODAY)
    assert round_listing_price(25_000, cut) == 29_500
    assert marketplace(29_500, cut).net_per_unit == 25_152


def test_a_round_price_that_falls_short_takes_the_next_step():
    # 6,5% admin, 0,5% PPh, no order fee, to keep Rp1.395:
    # 1.499: 97,435 -> 97 and 7,495 -> 7: 1.499 − 97 − 7 = 1.395, the exact listing price;
    # 1.500: 97,5 -> 98 and 7,5 -> 8: 1.500 − 98 − 8 = 1.394, a rupiah short;
    # 2.000: 130 and 10: 1.860.
    cut = Terms("shopee", 650, 0, 50)
    assert listing_price(1_395, cut) == 1_499
    assert marketplace(1_500, cut).net_per_unit == 1_394
    assert round_listing_price(1_395, cut) == 2_000
    assert round_listing_price(1_395, cut, step=100) == 1_600  # 1.600: 104, 8 -> 1.488


@pytest.mark.parametrize("target", [0, -5])
def test_listing_needs_a_positive_target(target):
    with pytest.raises(ChannelError) as caught:
        listing_price(target, Terms("shopee", 1000, 1250, 50))
    assert caught.value.field == "target"


def test_a_fee_that_eats_everything_is_refused(fees):
    with pytest.raises(ChannelError):
        terms(fees.marketplaces["shopee"], fees.pph22, 6_000, TODAY)
    with pytest.raises(ChannelError):
        listing_price(1_000, Terms("shopee", 9_950, 0, 50))


def test_money_waiting_for_the_supermarket():
    # 30 keset × 16.400 × 30 days ÷ 30 = 492.000; 45 days: 738.000
    assert money_waiting(30, 16_400, 30) == 492_000
    assert money_waiting(30, 16_400, 45) == 738_000
    assert money_waiting(7, 1_001, 10) == 2_336  # 2.335,67 -> 2.336


prices = st.integers(min_value=0, max_value=10**8)
rates = st.integers(min_value=0, max_value=10_000)


@settings(max_examples=150, deadline=None)
@given(price=prices, commission=rates, margin=rates, returns=rates, discount=rates,
       shopee=st.integers(0, 5_000), tokopedia=st.integers(0, 5_000),
       per_order=st.integers(1, 12), statement=st.booleans(), new_shop=st.booleans())
def test_no_channel_pays_more_than_the_price(price, commission, margin, returns, discount,
                                             shopee, tokopedia, per_order, statement, new_shop):
    fees = load_fees()
    chosen = Settings(commission, margin, 30, returns, discount, shopee, tokopedia, per_order,
                      statement, new_shop)
    for result in compare(price, chosen, fees, TODAY):
        assert result.net_per_unit <= price, result
        assert all(d.amount >= 0 for d in result.deductions), result


@settings(max_examples=300, deadline=None)
@given(target=st.integers(1, 10**7), admin=st.integers(0, 5_000), tax=st.integers(0, 200),
       order_fee=st.integers(0, 20_000), per_order=st.integers(1, 24))
def test_listing_price_pushed_back_through_the_fees_gives_the_target(target, admin, tax,
                                                                      order_fee, per_order):
    cut = Terms("shopee", admin, order_fee, tax, per_order)
    price = listing_price(target, cut)
    net = marketplace(price, cut).net_per_unit
    assert target <= net <= target + 1  # the documented bound; in fact net == target
    assert net == target
    assert marketplace(price - 1, cut).net_per_unit < target  # and no lower price reaches it


@given(price=prices, commission=rates)
def test_simple_channels_match_their_rates(price, commission):
    shop = village_shop(price, commission)
    assert shop.net_per_unit == price - shop.deductions[0].amount
    assert abs(shop.deductions[0].amount * 10_000 - price * commission) <= 5_000
    assert reseller(price, commission).net_per_unit == shop.net_per_unit

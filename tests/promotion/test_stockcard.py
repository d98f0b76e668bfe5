"""The consignment stock card's arithmetic and checks (promotion.stockcard, stocknota): goods
at the shop never below zero on any day, owed = earned - paid, a payment split over the oldest
debts to the rupiah, bad input refused with a plain message, the nota escaped."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.core.i18n import t
from widgets.promotion import stockcard, stocknota
from widgets.promotion.consignment import Agreement
from widgets.promotion.stockcard import Card, Move, OpenDebt, StockError

TODAY = dt.date(2019, 12, 14)
D = dt.date


def card(**changes) -> Card:
    return stockcard.make_card(**{"shop": "Warung Bu Sri", "product": "Keset bulat",
                                  "price": 12_000, **changes})


def test_a_card_counts_goods_and_money():
    c = card()
    c = stockcard.add_goods(c, "antar", D(2019, 12, 1), 10, TODAY)
    c = stockcard.add_goods(c, "laku", D(2019, 12, 3), 4, TODAY)
    c = stockcard.add_goods(c, "kembali", D(2019, 12, 10), 2, TODAY)
    c = Card(c.shop, c.product, c.price, c.payment_days,
             (*c.moves, Move("bayar", D(2019, 12, 11), 0, 30_000)))
    totals = c.totals()
    assert (totals.delivered, totals.sold, totals.returned, totals.at_shop) == (10, 4, 2, 4)
    assert (totals.earned, totals.paid, totals.owed) == (48_000, 30_000, 18_000)


def test_the_price_to_the_group_comes_from_the_agreement():
    agreement = Agreement("Konveksi", "Toko Metro", "Keset bulat", price=15_000,
                          commission=2000, payment_days=14)
    made = stockcard.card_from_agreement(agreement)
    assert (made.shop, made.price, made.payment_days) == ("Toko Metro", 12_000, 14)


def test_selling_more_than_is_at_the_shop_is_refused():
    c = stockcard.add_goods(card(), "antar", D(2019, 12, 1), 5, TODAY)
    with pytest.raises(StockError) as caught:
        stockcard.add_goods(c, "laku", D(2019, 12, 2), 6, TODAY)
    assert caught.value.errors["quantity"] == t(
        "stock.err_over_stock", left=5, day="2 Desember 2019")


def test_a_sale_dated_before_the_delivery_is_refused():
    c = stockcard.add_goods(card(), "antar", D(2019, 12, 5), 5, TODAY)
    with pytest.raises(StockError) as caught:
        stockcard.add_goods(c, "laku", D(2019, 12, 4), 1, TODAY)
    assert "Catat dulu barang yang diantar" in caught.value.errors["quantity"]


def test_a_back_dated_return_may_not_leave_a_later_sale_short():
    c = stockcard.add_goods(card(), "antar", D(2019, 12, 1), 10, TODAY)
    c = stockcard.add_goods(c, "laku", D(2019, 12, 5), 7, TODAY)
    assert stockcard.can_take(c.moves, D(2019, 12, 2)) == 3
    with pytest.raises(StockError):
        stockcard.add_goods(c, "kembali", D(2019, 12, 2), 4, TODAY)
    ok = stockcard.add_goods(c, "kembali", D(2019, 12, 2), 3, TODAY)
    assert ok.totals().at_shop == 0


def test_a_sale_on_the_day_of_delivery_counts_after_it():
    c = stockcard.add_goods(card(), "antar", D(2019, 12, 1), 3, TODAY)
    c = Card(c.shop, c.product, c.price, c.payment_days,
             (Move("antar", D(2019, 12, 1), 3, 0, 1),))
    assert stockcard.add_goods(c, "laku", D(2019, 12, 1), 3, TODAY).totals().at_shop == 0


@pytest.mark.parametrize("text", ["", "abc", "0", "-3", "2,5", "1.5", "lima"])
def test_bad_quantities_get_a_plain_message(text):
    with pytest.raises(StockError) as caught:
        stockcard.read_quantity(text)
    assert caught.value.errors == {"quantity": t("stock.err_quantity")}


@pytest.mark.parametrize("text", ["", "abc", "-5000", "0", "Rp 0"])
def test_bad_amounts_get_a_message(text):
    with pytest.raises(StockError) as caught:
        stockcard.read_amount(text)
    assert caught.value.errors["amount"]


@pytest.mark.parametrize(("text", "value"), [("150rb", 150_000), ("1,5 jt", 1_500_000),
                                             ("Rp 25.000,-", 25_000)])
def test_amounts_are_read_the_kits_way(text, value):
    assert stockcard.read_amount(text) == value


def test_a_card_needs_shop_product_and_price():
    with pytest.raises(StockError) as caught:
        stockcard.make_card("  ", "", 0, 200)
    assert set(caught.value.errors) == {"shop", "product", "price", "payment_days"}
    with pytest.raises(StockError):
        stockcard.make_card("Warung", "Keset", 1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [D(1, 1, 1), D(1999, 12, 31), D(2019, 12, 15), None])
def test_dates_outside_the_range_or_in_the_future_are_refused(day):
    with pytest.raises(StockError) as caught:
        stockcard.check_day(day, TODAY)
    assert caught.value.errors["day"]


def test_a_payment_settles_the_oldest_debts_first():
    debts = [OpenDebt(2, D(2019, 12, 5), 48_000), OpenDebt(1, D(2019, 12, 3), 36_000)]
    assert stockcard.plan_payment(debts, D(2019, 12, 6), 50_000, TODAY) == [
        (1, 36_000), (2, 14_000)]


def test_a_payment_cannot_settle_a_sale_reported_later():
    debts = [OpenDebt(1, D(2019, 12, 3), 36_000), OpenDebt(2, D(2019, 12, 9), 48_000)]
    with pytest.raises(StockError) as caught:
        stockcard.plan_payment(debts, D(2019, 12, 6), 50_000, TODAY)
    assert caught.value.errors["amount"] == t("stock.err_over_owed", owed="Rp36.000",
                                              day="6 Desember 2019")


def test_a_payment_with_nothing_owed_says_so():
    with pytest.raises(StockError) as caught:
        stockcard.plan_payment([], D(2019, 12, 6), 1, TODAY)
    assert "tidak punya utang" in caught.value.errors["amount"]


moves = st.lists(st.tuples(st.sampled_from(stockcard.GOODS_KINDS),
                           st.integers(0, 30), st.integers(-5, 40)), max_size=25)


@given(moves)
def test_goods_at_the_shop_are_never_negative_on_any_day(sequence):
    c = card()
    for kind, offset, quantity in sequence:
        try:
            c = stockcard.add_goods(c, kind, D(2019, 11, 1) + dt.timedelta(days=offset),
                                    quantity, TODAY)
        except StockError as exc:
            assert set(exc.errors) == {"quantity"}
        c = Card(c.shop, c.product, c.price, c.payment_days,
                 tuple(Move(m.kind, m.day, m.quantity, m.amount, i)
                       for i, m in enumerate(c.moves, start=1)))
    assert all(held >= 0 for held in stockcard.at_shop_after(c.moves))
    totals = c.totals()
    assert totals.at_shop == totals.delivered - totals.sold - totals.returned >= 0
    assert totals.earned == totals.sold * c.price


@given(st.lists(st.integers(1, 200_000), max_size=6), st.integers(1, 1_000_000))
def test_a_payment_plan_sums_exactly_and_never_overpays(lefts, amount):
    debts = [OpenDebt(i, D(2019, 12, 1) + dt.timedelta(days=i), left)
             for i, left in enumerate(lefts, start=1)]
    try:
        plan = stockcard.plan_payment(debts, TODAY, amount, TODAY)
    except StockError:
        assert amount > sum(lefts)
        return
    assert sum(part for _, part in plan) == amount
    left = {d.debt_id: d.left for d in debts}
    assert all(0 < part <= left[i] for i, part in plan)
    paid_in_full = [i for i, part in plan[:-1]]
    assert all(dict(plan)[i] == left[i] for i in paid_in_full)  # oldest paid up first


def test_the_nota_escapes_what_was_typed_and_has_two_signature_lines():
    c = stockcard.add_goods(card(shop="<b>Warung</b>", product="<script>x</script>"),
                            "antar", D(2019, 12, 1), 5, TODAY)
    page = stocknota.nota_html(c, "Kelompok <i>Konveksi</i>", TODAY)
    assert "<b>Warung</b>" not in page and "&lt;b&gt;Warung&lt;/b&gt;" in page
    assert "<script>" not in page and "<i>Konveksi</i>" not in page
    assert page.count('class="line"') == 2
    assert "size: A4" in page and "5 buah" in page and "1 Desember 2019" in page
    table = stocknota.shop_table([c])
    assert "<b>Warung</b>" not in table and "Masih di toko" in table


def test_a_shop_with_two_cards_shows_what_it_owes_for_both():
    one = stockcard.add_goods(card(), "antar", D(2019, 12, 1), 5, TODAY)
    one = stockcard.add_goods(one, "laku", D(2019, 12, 2), 1, TODAY)
    two = stockcard.add_goods(card(product="Keset persegi", price=16_000), "antar",
                              D(2019, 12, 1), 5, TODAY)
    two = stockcard.add_goods(two, "laku", D(2019, 12, 2), 2, TODAY)
    html = stocknota.shop_table([one, two, card(shop="Toko Metro")])
    assert html.count('class="uk-stock-shop-owed"') == 1
    assert "Warung Bu Sri masih berutang Rp44.000 untuk semua barang." in html

"""The consignment stock card (*kartu titip jual*): per shop and product, what was delivered
(antar), sold as the shop reports (laku), returned (kembali), what is still at the shop, what the
sold goods earned at the price agreed to the group per piece, what the shop has paid and what it
still owes; and the nota the shop signs.

Plain Python, no ipywidgets. Quantities are whole pieces and money is integer rupiah. The money
is kept in the credit book: a laku report is a piutang debt on the shop and a payment from the
shop is a credit-book payment (with its cash-book twin), so :func:`reconcile_card` and
``cashbook.credit.reconcile`` find the books in step. The store is ``promotion.db``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from widgets.cashbook import credit
from widgets.core.i18n import format_date, t
from widgets.core.money import MAX_AMOUNT, AmountError, format_rupiah, parse_rupiah
from widgets.core.numbers import NumberError, parse_count
from widgets.core.text import DateOutOfRange, check_date, required_text
from widgets.promotion.consignment import Agreement

GOODS_KINDS = ("antar", "laku", "kembali")
KINDS = (*GOODS_KINDS, "bayar")
DEFAULT_PAYMENT_DAYS = 7
MAX_PAYMENT_DAYS = 90  # the debt's due day must stay in the kit's date range
MAX_SHOP = credit.MAX_WHO  # the shop is the credit book's "who"
MAX_PRODUCT = 40  # "5 <product> laku (titip jual)" must fit the credit book's "what"


class StockError(ValueError):
    """Something the participant must fix; ``errors`` maps each field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class Move:
    """One line of the card. ``quantity`` is pieces (0 for a payment); ``amount`` is rupiah:
    what a laku earned or what a payment brought (0 for antar and kembali)."""

    kind: str
    day: dt.date
    quantity: int = 0
    amount: int = 0
    id: int | None = None


@dataclass(frozen=True)
class Totals:
    delivered: int
    sold: int
    returned: int
    at_shop: int
    earned: int
    paid: int

    @property
    def owed(self) -> int:
        return self.earned - self.paid


@dataclass(frozen=True)
class Card:
    """A shop, a product, the price to the group per piece (the shop price less its
    commission) and the card's moves in the order they happened."""

    shop: str
    product: str
    price: int
    payment_days: int = DEFAULT_PAYMENT_DAYS
    moves: tuple[Move, ...] = field(default=())
    id: int | None = None

    def totals(self) -> Totals:
        count = {kind: sum(m.quantity for m in self.moves if m.kind == kind) for kind in KINDS}
        paid = sum(m.amount for m in self.moves if m.kind == "bayar")
        return Totals(count["antar"], count["laku"], count["kembali"],
                      count["antar"] - count["laku"] - count["kembali"],
                      count["laku"] * self.price, paid)


def ordered(moves: Iterable[Move]) -> list[Move]:
    """By day; on one day in the order written (a move not saved yet last), goods before a
    payment."""
    return sorted(moves, key=lambda m: (m.day, m.kind == "bayar",
                                        m.id if m.id is not None else math.inf))


# --- Checks ---------------------------------------------------------------------------------


def _name(value: object, key: str, limit: int, errors: dict[str, str]) -> str:
    return required_text(value, key, limit, errors, f"stock.err_{key}_empty",
                         "stock.err_too_long")


def _positive_rupiah(text: str, field: str) -> int:
    """Rupiah above Rp0 as typed (``150rb``…); ``StockError`` on ``field`` otherwise."""
    try:
        value = parse_rupiah(text)
    except AmountError as exc:
        raise StockError({field: str(exc)}) from exc
    if value <= 0:
        raise StockError({field: t(f"stock.err_{field}")})
    return value


def read_price(text: str) -> int:
    """The price to the group per piece."""
    return _positive_rupiah(text, "price")


def make_card(shop: str, product: str, price: int, payment_days: int | None = None,
              id: int | None = None) -> Card:
    """A checked empty card, or ``StockError`` naming every field that is wrong."""
    errors: dict[str, str] = {}
    clean_shop = _name(shop, "shop", MAX_SHOP, errors)
    clean_product = _name(product, "product", MAX_PRODUCT, errors)
    if isinstance(price, bool) or not isinstance(price, int) or not 0 < price <= MAX_AMOUNT:
        errors["price"] = t("stock.err_price")
    days = DEFAULT_PAYMENT_DAYS if payment_days is None else payment_days
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_PAYMENT_DAYS:
        errors["payment_days"] = t("stock.err_payment_days")
    if errors:
        raise StockError(errors)
    return Card(clean_shop, clean_product, price, days, (), id)


def card_from_agreement(agreement: Agreement) -> Card:
    """A card for the goods of a titip-jual agreement: its price to the group per piece and the
    days the shop has to pay."""
    net = agreement.net_per_piece()
    return make_card(agreement.partner, agreement.product, net if net is not None else 0,
                     agreement.payment_days)


def read_quantity(text: str) -> int:
    """Whole pieces, at least one; ``StockError`` on ``quantity`` otherwise."""
    try:
        return parse_count(text, 1)
    except NumberError as exc:
        raise StockError({"quantity": t("stock.err_quantity")}) from exc


def read_amount(text: str) -> int:
    """Rupiah from the shop."""
    return _positive_rupiah(text, "amount")


def check_day(day: object, today: dt.date) -> dt.date:
    """A day in the kit's range and not after today; ``StockError`` on ``day`` otherwise."""
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        raise StockError({"day": t("stock.err_day")})
    try:
        check_date(day, today)
    except DateOutOfRange as exc:
        raise StockError({"day": str(exc)}) from exc
    if day > today:
        raise StockError({"day": t("stock.err_day_future", today=format_date(today))})
    return day


def add_goods(card: Card, kind: str, day: dt.date, quantity: int, today: dt.date) -> Card:
    """The card with one antar, laku or kembali more, checked: a whole number of pieces and, on
    every day of the card, never more sold and returned than was delivered."""
    if kind not in GOODS_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 0 < quantity:
        raise StockError({"quantity": t("stock.err_quantity")})
    checked = check_day(day, today)
    if kind != "antar":
        left = can_take(card.moves, checked)
        if quantity > left:
            key = "stock.err_none_at_shop" if left <= 0 else "stock.err_over_stock"
            raise StockError({"quantity": t(key, left=left, day=format_date(checked))})
    amount = quantity * card.price if kind == "laku" else 0
    moves = (*card.moves, Move(kind, checked, quantity, amount))
    return Card(card.shop, card.product, card.price, card.payment_days, moves, card.id)


def _change(move: Move) -> int:
    if move.kind not in GOODS_KINDS:
        return 0
    return move.quantity if move.kind == "antar" else -move.quantity


def at_shop_after(moves: Iterable[Move]) -> list[int]:
    """Pieces at the shop after each move, in :func:`ordered` order."""
    held, after = 0, []
    for move in ordered(moves):
        held += _change(move)
        after.append(held)
    return after


def can_take(moves: Sequence[Move], day: dt.date) -> int:
    """How many pieces may be written as sold or returned on ``day``: what is at the shop at
    the end of that day, less anything sold or returned later that it would leave short."""
    held, lowest = 0, None
    for move in ordered(moves):
        if move.day > day and lowest is None:
            lowest = held
        held += _change(move)
        if lowest is not None:
            lowest = min(lowest, held)
    return max(held if lowest is None else lowest, 0)


def laku_debt(card: Card, day: dt.date, quantity: int, today: dt.date) -> credit.Debt:
    """The credit book's piutang for a laku report: the shop owes quantity x price, due after
    the agreed days."""
    return credit.make_debt("piutang", card.shop,
                            t("stock.debt_what", quantity=quantity, product=card.product),
                            quantity * card.price, day, day + dt.timedelta(days=card.payment_days),
                            "penjualan", today=today)


@dataclass(frozen=True)
class OpenDebt:
    debt_id: int
    day: dt.date
    left: int


def plan_payment(open_debts: Iterable[OpenDebt], day: dt.date, amount: int, today: dt.date
                 ) -> list[tuple[int, int]]:
    """How a payment from the shop settles its open laku debts, oldest first: (debt id,
    rupiah) pairs that add up to ``amount``. Never more than was owed on that day."""
    checked = check_day(day, today)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise StockError({"amount": t("stock.err_amount")})
    payable = [d for d in sorted(open_debts, key=lambda d: (d.day, d.debt_id))
               if d.left > 0 and d.day <= checked]
    owed = sum(d.left for d in payable)
    if amount > owed:
        key = "stock.err_nothing_owed" if owed == 0 else "stock.err_over_owed"
        raise StockError({"amount": t(key, owed=format_rupiah(owed), day=format_date(checked))})
    plan, rest = [], amount
    for debt in payable:
        part = min(rest, debt.left)
        if part:
            plan.append((debt.debt_id, part))
            rest -= part
    return plan


def reconcile_card(card: Card, links: Sequence[tuple[int, int]], debts: Iterable[credit.Debt],
                   payments: Iterable[credit.Payment]) -> list[str]:
    """What does not agree between the card and the credit book (empty when they do): every
    laku has its own piutang on the shop for quantity x price, and the card's payments are
    exactly that debt's payments. ``links``: (laku move id, debt id)."""
    by_id = {d.id: d for d in debts}
    laku = {m.id: m for m in card.moves if m.kind == "laku"}
    problems: list[str] = []
    for move_id, debt_id in links:
        debt, move = by_id.get(debt_id), laku.get(move_id)
        if debt is None or move is None:
            problems.append(f"laku {move_id}: no debt {debt_id}")
        elif (debt.kind, debt.who, debt.amount) != ("piutang", card.shop, move.amount):
            problems.append(f"laku {move_id}: debt {debt_id} differs")
    if len({d for _, d in links}) != len(laku) or len(links) != len(laku):
        problems.append("a laku without a debt of its own")
    linked = {d for _, d in links}
    paid = sum(p.amount for p in payments if p.debt_id in linked)
    if paid != card.totals().paid:
        problems.append(f"paid {card.totals().paid} on the card, {paid} in the credit book")
    return problems

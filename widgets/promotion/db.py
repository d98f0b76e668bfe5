"""Promotion texts a participant saved (lesson 4 posts, lesson 5 listings), and the
consignment stock cards with their moves (lesson 6), whose money is kept in the credit book."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from widgets.cashbook import credit_db
from widgets.cashbook.credit import Payment
from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.text import clean_text
from widgets.promotion import stockcard
from widgets.promotion.stockcard import Card, Move, OpenDebt, StockError
from widgets.store.backend import Connection
from widgets.store.db import Session, add_own, insert_own, row_id, select_own
from widgets.store.fields import FieldError, short_text

POST_TEXT_MAX = 6000
KINDS = ("post", "listing")


@dataclass(frozen=True)
class SavedPost:
    id: int
    kind: str  # "post" or "listing"
    platform: str
    parts: dict[str, Any]
    text: str
    created_at: str


def save_post(session: Session, kind: str, platform: str, parts: dict[str, Any],
              text: str) -> SavedPost:
    """Keep a post (``kind="post"``) or a listing (``"listing"``) this participant wrote."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("a saved post needs text")
    text = clean_text(text)
    if len(text) > POST_TEXT_MAX:
        raise FieldError(t("store.text_too_long", what=t("store.what_post"), max=POST_TEXT_MAX))
    platform = short_text(platform, "platform")
    body = clean_text(json.dumps(parts, ensure_ascii=False, sort_keys=True))
    now = session.store.now()
    post_id = add_own(session, "posts", {"kind": kind, "platform": platform, "parts": body,
                                         "text": text, "created_at": now})
    return SavedPost(post_id, kind, platform, json.loads(body), text, now)


def posts(session: Session, kind: str | None = None) -> list[SavedPost]:
    """This participant's saved posts or listings, oldest first."""
    rows = select_own(session, "SELECT id, kind, platform, parts, text, created_at FROM posts",
                      {"kind": kind}, "ORDER BY id")
    return [SavedPost(i, k, p, json.loads(parts), text, at)
            for i, k, p, parts, text, at in rows]


# --- The consignment stock card (promotion.stockcard) ---------------------------------------

_CARDS = "SELECT id, shop, product, price, payment_days FROM stock_cards WHERE participant_id = ?"
_GOODS = ("SELECT id, kind, day, quantity FROM stock_moves"
          " WHERE participant_id = ? AND card_id = ? ORDER BY day, id")
_PAID = ("SELECT p.id, p.day, p.amount FROM credit_payments p JOIN stock_moves m"
         " ON m.debt_id = p.debt_id AND m.participant_id = p.participant_id"
         " WHERE p.participant_id = ? AND m.card_id = ? ORDER BY p.day, p.id")
# The open laku debts of every card of one shop (the shop's name compared as the cards do).
_OPEN = ("SELECT d.id, d.day, d.amount - COALESCE((SELECT SUM(p.amount) FROM credit_payments p"
         " WHERE p.debt_id = d.id), 0) FROM stock_moves m JOIN credit_debts d"
         " ON d.id = m.debt_id AND d.participant_id = m.participant_id"
         " JOIN stock_cards c ON c.id = m.card_id AND c.participant_id = m.participant_id"
         " WHERE m.participant_id = ? AND c.shop = ?")
Read = Callable[[str, tuple], list[tuple]]


def _card(read: Read, session: Session, row: tuple) -> Card:
    card_id, shop, product, price, days = row
    who = session.participant_id
    moves = [Move(kind, dt.date.fromisoformat(day), quantity,
                  quantity * price if kind == "laku" else 0, rid)
             for rid, kind, day, quantity in read(_GOODS, (who, card_id))]
    moves += [Move("bayar", dt.date.fromisoformat(day), 0, amount, rid)
              for rid, day, amount in read(_PAID, (who, card_id))]
    return Card(shop, product, price, days, tuple(stockcard.ordered(moves)), card_id)


def stock_cards(session: Session) -> list[Card]:
    """This participant's stock cards with their moves, by shop and product."""
    rows = session.store.read(_CARDS + " ORDER BY shop, product, id", (session.participant_id,))
    return [_card(session.store.read, session, row) for row in rows]


def shop_owed(session: Session, shop: str) -> int:
    """What the shop still owes for the goods of all its cards."""
    ids = {row[0] for row in session.store.read(
        "SELECT id FROM stock_cards WHERE participant_id = ? AND shop = ?",
        (session.participant_id, shop))}
    return sum(c.totals().owed for c in stock_cards(session) if c.id in ids)


def stock_links(session: Session, card_id: int) -> list[tuple[int, int]]:
    """(laku move id, credit-book debt id) of a card."""
    return session.store.read("SELECT id, debt_id FROM stock_moves WHERE participant_id = ?"
                              " AND card_id = ? AND kind = 'laku' ORDER BY id",
                              (session.participant_id, row_id(card_id, "card")))


def _reader(conn: Connection) -> Read:
    return lambda sql, params: conn.execute(sql, params).fetchall()


def _find_or_make(conn: Connection, session: Session, wanted: Card) -> Card:
    """The saved card for the shop and product (checked again), or a new one. A card keeps
    its price: a different price for the same goods is refused."""
    checked = stockcard.make_card(wanted.shop, wanted.product, wanted.price,
                                  wanted.payment_days)
    row = conn.execute(_CARDS + " AND shop = ? AND product = ? ORDER BY id",
                       (session.participant_id, checked.shop, checked.product)).fetchone()
    if row is not None:
        card = _card(_reader(conn), session, row)
        if card.price != checked.price:
            raise StockError({"price": t("stock.err_price_differs",
                                         price=format_rupiah(card.price))})
        return card
    now = session.store.now()
    new_id = insert_own(conn, session, "stock_cards", {
        "shop": checked.shop, "product": checked.product, "price": checked.price,
        "payment_days": checked.payment_days, "created_at": now, "updated_at": now})
    return replace(checked, id=new_id)


def record_goods(session: Session, wanted: Card, kind: str, day: dt.date,
                 quantity: int) -> Card:
    """Write an antar, laku or kembali on the card for ``wanted``'s shop and product (made
    if new). A laku also writes its piutang in the credit book, in the same transaction.
    Returns the card as it is now; ``StockError`` or ``CreditError`` saves nothing."""
    store = session.store
    day = stockcard.check_day(day, store.today())
    with store.transaction() as conn:
        card = _find_or_make(conn, session, wanted)
        after = stockcard.add_goods(card, kind, day, quantity, store.today())
        debt_id = None
        if kind == "laku":
            debt = stockcard.laku_debt(card, day, quantity, store.today())
            debt_id = credit_db.insert_debt(conn, session, debt).id
        move_id = insert_own(conn, session, "stock_moves", {
            "card_id": card.id, "kind": kind, "day": day.isoformat(), "quantity": quantity,
            "debt_id": debt_id, "created_at": store.now()})
        moves = tuple(replace(m, id=move_id) if m.id is None else m for m in after.moves)
        return replace(after, moves=tuple(stockcard.ordered(moves)))


def record_shop_payment(session: Session, card_id: int, day: dt.date,
                        amount: int) -> list[Payment]:
    """Money from the shop of card ``card_id``: credit-book payments on the open laku debts
    of all that shop's cards, oldest first, each with its cash-book line, all in ONE
    transaction."""
    store = session.store
    with store.transaction() as conn:
        owned = conn.execute(_CARDS + " AND id = ?",
                             (session.participant_id, row_id(card_id, "card"))).fetchone()
        if owned is None:
            raise LookupError(f"no card {card_id}")
        rows = conn.execute(_OPEN, (session.participant_id, owned[1])).fetchall()
        debts = [OpenDebt(i, dt.date.fromisoformat(d), left) for i, d, left in rows]
        plan = stockcard.plan_payment(debts, day, amount, store.today())
        return [credit_db.pay_in(conn, session, debt_id, day, part) for debt_id, part in plan]

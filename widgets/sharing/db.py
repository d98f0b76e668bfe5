"""Profit-sharing tables: the rule a group agreed and each distribution recorded in a berita
acara. A distribution is refused unless its shares and set-aside amounts add up to its total."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from widgets.core.i18n import t
from widgets.store.db import Session, row_id
from widgets.store.fields import is_rupiah, json_text, short_text

MAX_SHARES = 1000


class DistributionError(ValueError):
    """A distribution the store refuses (it does not add up, or a field is unusable)."""


@dataclass(frozen=True)
class SavedRule:
    """A group's sharing rule as a participant saved it (``params`` as in ``sharing.rules``)."""

    id: int
    group_key: str
    group_name: str
    method: str
    params: dict[str, Any]
    note: str
    created_at: str


@dataclass(frozen=True)
class SavedDistribution:
    """One saved distribution: everything the printed record (berita acara) shows."""

    id: int
    group_key: str
    group_name: str
    day: dt.date
    place: str
    method: str
    params: dict[str, Any]
    total: int
    shares: list[tuple[str, int]]
    set_aside: list[tuple[str, int]]
    note: str
    created_at: str


def _text(value: object, what: str, required: bool = True) -> str:
    return short_text(value, what, required, error=DistributionError)


def _amount_pairs(pairs: object, what: str) -> list[tuple[str, int]]:
    items = list(pairs.items()) if isinstance(pairs, dict) else list(pairs)  # type: ignore[arg-type]
    if len(items) > MAX_SHARES:
        raise DistributionError(t("store.sharing_bad_text", what=what))
    checked = []
    for label, amount in items:
        if not is_rupiah(amount):
            raise DistributionError(t("store.sharing_bad_text", what=what))
        checked.append((_text(label, what), amount))
    return checked


def _rule_from_row(row: tuple[Any, ...]) -> SavedRule:
    rule_id, key, name, method, params, note, at = row
    return SavedRule(rule_id, key, name, method, json.loads(params), note, at)


def _distribution_from_row(row: tuple[Any, ...]) -> SavedDistribution:
    (dist_id, key, name, day, place, method, params, total, shares, aside, note, at) = row
    return SavedDistribution(dist_id, key, name, dt.date.fromisoformat(day), place, method,
                             json.loads(params), total,
                             [(label, amount) for label, amount in json.loads(shares)],
                             [(label, amount) for label, amount in json.loads(aside)], note, at)


def save_rule(session: Session, group_key: str, group_name: str, method: str,
              params: dict[str, Any], note: str = "") -> SavedRule:
    """Record the rule this participant's group agreed; it becomes the rule in force."""
    key, name = _text(group_key, "group"), _text(group_name, "group")
    method, note = _text(method, "method"), _text(note, "note", required=False)
    text = json_text(params, "params", DistributionError)
    store = session.store
    now = store.now()
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO sharing_rules (participant_id, group_key, group_name, method,"
            " params, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (session.participant_id, key, name, method, text, note, now))
        rule_id = int(cursor.lastrowid or 0)
    return SavedRule(rule_id, key, name, method, json.loads(text), note, now)


def rules(session: Session, group_key: str | None = None) -> list[SavedRule]:
    """Every rule this participant saved (oldest first): how the agreement changed."""
    sql = ("SELECT id, group_key, group_name, method, params, note, created_at"
           " FROM sharing_rules WHERE participant_id = ?")
    params: tuple[object, ...] = (session.participant_id,)
    if group_key is not None:
        sql, params = sql + " AND group_key = ?", (session.participant_id, group_key)
    return [_rule_from_row(row) for row in session.store.read(sql + " ORDER BY id", params)]


def rule(session: Session, group_key: str) -> SavedRule | None:
    """The newest rule this participant saved for ``group_key``, if any."""
    found = rules(session, group_key)
    return found[-1] if found else None


def save_distribution(session: Session, *, group_key: str, group_name: str, day: dt.date,
                      method: str, params: dict[str, Any], total: int, shares: Any,
                      set_aside: Any = (), place: str = "", note: str = ""
                      ) -> SavedDistribution:
    """Save one distribution; ``DistributionError`` unless shares and set-aside amounts add up
    to ``total`` exactly."""
    if not is_rupiah(total):
        raise DistributionError(t("store.sharing_bad_text", what="total"))
    checked_shares = _amount_pairs(shares, "shares")
    aside = _amount_pairs(set_aside or [], "set_aside")
    if not checked_shares or sum(a for _, a in checked_shares) + sum(a for _, a in aside) != total:
        raise DistributionError(t("store.sharing_unbalanced"))
    if not isinstance(day, dt.date):
        raise DistributionError(t("store.sharing_bad_text", what="day"))
    store = session.store
    row = (
        _text(group_key, "group"), _text(group_name, "group"), day.isoformat(),
        _text(place, "place", required=False), _text(method, "method"),
        json_text(params or {}, "params", DistributionError), total,
        json_text(checked_shares, "shares", DistributionError),
        json_text(aside, "set_aside", DistributionError),
        _text(note, "note", required=False), store.now(),
    )
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO distributions (participant_id, group_key, group_name, day, place,"
            " method, params, total, shares, set_aside, note, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session.participant_id, *row))
        new_id = int(cursor.lastrowid or 0)
    return _distribution_from_row((new_id, *row))


def _select_distributions(session: Session, group_key: str | None = None,
                          dist_id: int | None = None) -> list[SavedDistribution]:
    sql = ("SELECT id, group_key, group_name, day, place, method, params, total, shares,"
           " set_aside, note, created_at FROM distributions WHERE participant_id = ?")
    params: list[object] = [session.participant_id]
    if group_key is not None:
        sql += " AND group_key = ?"
        params.append(group_key)
    if dist_id is not None:
        sql += " AND id = ?"
        params.append(dist_id)
    rows = session.store.read(sql + " ORDER BY day, id", params)
    return [_distribution_from_row(row) for row in rows]


def distributions(session: Session, group_key: str | None = None) -> list[SavedDistribution]:
    """This participant's saved distributions, by day."""
    return _select_distributions(session, group_key)


def get_distribution(session: Session, dist_id: int) -> SavedDistribution:
    found = _select_distributions(session, dist_id=row_id(dist_id, "distribution"))
    if not found:
        raise LookupError(f"no distribution {dist_id} here")
    return found[0]

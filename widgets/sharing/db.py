"""Profit-sharing tables: the rule a group agreed and each distribution recorded in a berita
acara. A distribution is refused unless its shares and set-aside amounts add up to its total."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from widgets.core.i18n import t
from widgets.store.db import Session, add_own, row_id, select_own
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
    now = session.store.now()
    rule_id = add_own(session, "sharing_rules", {
        "group_key": key, "group_name": name, "method": method, "params": text, "note": note,
        "created_at": now})
    return SavedRule(rule_id, key, name, method, json.loads(text), note, now)


def rules(session: Session, group_key: str | None = None) -> list[SavedRule]:
    """Every rule this participant saved (oldest first): how the agreement changed."""
    rows = select_own(session, "SELECT id, group_key, group_name, method, params, note,"
                      " created_at FROM sharing_rules", {"group_key": group_key}, "ORDER BY id")
    return [_rule_from_row(row) for row in rows]


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
    row = {
        "group_key": _text(group_key, "group"), "group_name": _text(group_name, "group"),
        "day": day.isoformat(), "place": _text(place, "place", required=False),
        "method": _text(method, "method"),
        "params": json_text(params or {}, "params", DistributionError), "total": total,
        "shares": json_text(checked_shares, "shares", DistributionError),
        "set_aside": json_text(aside, "set_aside", DistributionError),
        "note": _text(note, "note", required=False), "created_at": session.store.now(),
    }
    new_id = add_own(session, "distributions", row)
    return _distribution_from_row((new_id, *row.values()))


def _select_distributions(session: Session, group_key: str | None = None,
                          dist_id: int | None = None) -> list[SavedDistribution]:
    rows = select_own(session, "SELECT id, group_key, group_name, day, place, method, params,"
                      " total, shares, set_aside, note, created_at FROM distributions",
                      {"group_key": group_key, "id": dist_id}, "ORDER BY day, id")
    return [_distribution_from_row(row) for row in rows]


def distributions(session: Session, group_key: str | None = None) -> list[SavedDistribution]:
    """This participant's saved distributions, by day."""
    return _select_distributions(session, group_key)


def get_distribution(session: Session, dist_id: int) -> SavedDistribution:
    found = _select_distributions(session, dist_id=row_id(dist_id, "distribution"))
    if not found:
        raise LookupError(f"no distribution {dist_id} here")
    return found[0]

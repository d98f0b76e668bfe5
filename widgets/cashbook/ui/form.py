"""Reading a cash-book form (a cash-book line, a credit-book debt): one rule for both, so every
bad field shows its own message at once and nothing half-read is saved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from widgets.cashbook.ledger import EntryError
from widgets.core.money import AmountError, parse_rupiah
from widgets.ui.common import Field

T = TypeVar("T")


def read_form(fields: Mapping[str, Field], amount: Field, make: Callable[[int], T],
              error: type[EntryError]) -> T:
    """``make(amount)`` with the rupiah typed in ``amount``; on any problem each message shows
    under its field (the amount's own reading problem first) and ``error(errors)`` is raised.
    An amount that cannot be read is passed to ``make`` as 1, so its other checks still run."""
    for field in fields.values():
        field.clear()
    errors: dict[str, str] = {}
    value = 1
    try:
        value = parse_rupiah(amount.control.value)
    except AmountError as exc:
        errors["amount"] = str(exc)
    try:
        made = make(value)
    except error as exc:
        errors = {**exc.errors, **errors}
    if errors:
        for name, message in errors.items():
            fields.get(name, amount).error(message)
        raise error(errors)
    return made

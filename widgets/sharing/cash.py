"""Cash-payable shares: every member's share rounded down to a cash unit the group chooses
(Rp100, Rp500, Rp1.000), the remainder to the group fund. Plain Python, no ipywidgets.

Nobody can hand over Rp69, so a treasurer rounds by hand, and then the record no longer matches.
Here the rounding is part of the split: it is applied after every method
(``methods.Method.split``), and the remainder is set aside on its own line, so the shares plus
everything set aside still add up to the total to the rupiah.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from widgets.sharing.split import Distribution

# The units a group chooses between; 1 means "not rounded".
CASH_UNITS = (1, 100, 500, 1000)
# The set-aside code of the remainder (its label: ``sharing.aside_rounding``).
ROUNDING = "rounding"


def _unit(unit: object) -> int:
    if isinstance(unit, bool) or not isinstance(unit, int):
        raise TypeError(f"cash unit must be int rupiah, got {type(unit).__name__}")
    if unit < 1:
        raise ValueError(f"cash unit must be at least Rp1, got {unit}")
    return unit


def round_to_cash(shares: Mapping[str, int], unit: int) -> tuple[dict[str, int], int]:
    """``(rounded shares, remainder)``: each share rounded **down** to a multiple of ``unit``,
    and what that leaves over, for the group fund.

    Down means towards minus infinity, also for a part of a loss (-Rp12.345 becomes -Rp12.500
    with Rp500): a member never receives more, nor pays less, than the calculation says, so the
    remainder is never negative. It is under ``unit`` for each member: ``0 <= remainder <
    unit × members``, and the rounded shares plus the remainder are the shares' sum exactly.
    """
    unit = _unit(unit)
    rounded = {}
    for name, amount in shares.items():
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError(f"share of {name!r} must be int rupiah")
        rounded[name] = amount // unit * unit
    return rounded, sum(shares.values()) - sum(rounded.values())


def cash_rounded(result: Distribution, unit: int) -> Distribution:
    """``result`` with its shares rounded down to ``unit`` (:func:`round_to_cash`): the shares
    as calculated kept in ``exact``, the remainder set aside under :data:`ROUNDING` (even when
    it is Rp0, so the record always shows the line). Unit 1 returns ``result`` unchanged."""
    if _unit(unit) == 1:
        return result
    shares, remainder = round_to_cash(result.shares, unit)
    return replace(result, shares=shares, set_aside={**result.set_aside, ROUNDING: remainder},
                   exact=dict(result.shares), cash_unit=unit)

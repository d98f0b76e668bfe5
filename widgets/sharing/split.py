"""Sharing a group's profit exactly to the rupiah: the split itself and the group's own methods.

Plain Python, no ipywidgets. ``split_profit`` divides whole rupiah by weights with the
largest-remainder method, so the shares always add up to the total. The methods a KUBE-style
group chooses between (equal, by work, by capital, a group fund first, a mix) are expressed as
weights over the members and end in one ``split_profit`` call; each returns a
:class:`Distribution`: every member's share plus the amounts set aside.

The cooperative's SHU lives in ``shu.py``, goat *gaduh* and investor deals in
``partnership.py``; ``methods.py`` describes every method once and ``rules.py`` applies them;
``comparison.py`` sets methods side by side.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from widgets.core.i18n import t
from widgets.core.numbers import NumberError, parse_percent
from widgets.sharing.balance import Balance

Weight = int | float | Fraction
BASES = ("equal", "work", "capital")
WORK_UNITS = ("hari", "potong", "jam")
# Work typed as people write it: 14, 1.190 (thousands dot), 7,5 (a decimal comma).
_WORK = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]{1,2}))?", re.ASCII)
MAX_WORK = 10**7


class SharingError(ValueError):
    """A split the kit cannot make. ``str(e)`` is the plain-Indonesian message from
    ``widgets/locale/sharing.yaml``; ``key`` names it for views and tests."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(f"sharing.{key}", **params))


class PercentError(SharingError):
    """A percentage the kit's percent parser refused: its key and message, as a SharingError."""

    def __init__(self, error: NumberError) -> None:
        self.key, self.params = error.key, error.params
        ValueError.__init__(self, str(error))


@dataclass(frozen=True)
class Contribution:
    """What one member brought: work (days, pieces or hours), capital in rupiah, and for a
    cooperative the member's business with it (``transactions``) and ``savings``."""

    name: str
    work: Weight = 0
    capital: int = 0
    transactions: int = 0
    savings: int = 0


@dataclass(frozen=True)
class Distribution(Balance):
    """The result of a method: ``shares`` per member (input order) and ``set_aside`` amounts
    (group fund, cooperative funds, an investor's part) keyed by a code. They add up to
    ``total`` exactly; a negative total is a loss, shared the same way. When the shares were
    rounded down to a cash unit (``cash_unit`` > 1, see ``sharing.cash``), ``exact`` keeps
    each share as calculated and the remainder is set aside under ``"rounding"``."""

    method: str
    total: int
    shares: dict[str, int]
    set_aside: dict[str, int] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    exact: dict[str, int] = field(default_factory=dict)
    cash_unit: int = 1

    @property
    def shared(self) -> int:
        return sum(self.shares.values())

    @property
    def kept(self) -> int:
        return sum(self.set_aside.values())


# --- The exact split ------------------------------------------------------------------------


def _fraction(name: str, weight: object) -> Fraction:
    if isinstance(weight, bool) or not isinstance(weight, int | float | Fraction):
        raise SharingError("weight_not_number", name=name)
    if isinstance(weight, float) and not math.isfinite(weight):
        raise SharingError("weight_not_number", name=name)
    value = Fraction(weight)
    if value < 0:
        raise SharingError("weight_negative", name=name)
    return value


def _integer_weights(weights: Mapping[str, Weight]) -> list[int]:
    """The weights scaled to whole numbers with the same ratios (exact, no float rounding)."""
    values = list(weights.values())
    if all(type(w) is int and w >= 0 for w in values):  # the common case, kept fast
        return values
    fractions = [_fraction(name, w) for name, w in weights.items()]
    scale = math.lcm(*(f.denominator for f in fractions))
    return [int(f * scale) for f in fractions]


def split_profit(total: int, weights: Mapping[str, Weight]) -> dict[str, int]:
    """Split ``total`` rupiah in proportion to ``weights``, exactly.

    Largest-remainder method: everyone first gets the whole rupiah of their exact quota
    (``total × weight ÷ all weights``, rounded down); the rupiah left over go one each to the
    largest remainders. **Ties** (equal remainders) go to the member listed first, so the same
    input always gives the same split. Every share is the floor or the ceiling of its quota, a
    zero weight gets 0, and the result keeps the input order. A negative total (a loss) is split
    the same way, mirrored: each member bears the floor or ceiling of their share of the loss.
    """
    if isinstance(total, bool) or not isinstance(total, int):
        raise TypeError(f"total must be int rupiah, got {type(total).__name__}")
    if not weights:
        raise SharingError("no_members")
    scaled = _integer_weights(weights)
    whole = sum(scaled)
    if whole == 0:
        raise SharingError("all_zero")
    size = abs(total)
    floors = [size * w // whole for w in scaled]
    remainders = [size * w % whole for w in scaled]
    leftover = size - sum(floors)
    # Fewer rupiah are left over than there are non-zero remainders, so zero weights never
    # receive one.
    order = sorted(range(len(scaled)), key=lambda i: (-remainders[i], i))
    for i in order[:leftover]:
        floors[i] += 1
    sign = -1 if total < 0 else 1
    return {name: sign * share for name, share in zip(weights, floors, strict=True)}


# --- Percentages ----------------------------------------------------------------------------


def parse_work(text: str) -> Fraction:
    """Days, pieces or hours as typed: ``14``, ``1.190``, ``7,5``; empty means 0."""
    cleaned = str(text).strip()
    if not cleaned:
        return Fraction(0)
    match = _WORK.fullmatch(cleaned)
    if not match:
        raise SharingError("work_bad", text=cleaned[:20])
    whole, frac = match.groups()
    value = Fraction(int(whole.replace(".", ""))) + (
        Fraction(int(frac), 10 ** len(frac)) if frac else 0)
    if value > MAX_WORK:
        raise SharingError("work_bad", text=cleaned[:20])
    return value


def percent_value(value: object) -> Fraction:
    """A percentage from 0 to 100 as an exact Fraction (``"12,5"`` -> 25/2), given as text (as
    typed, or as saved in a rule; read by the kit's one parser, ``numbers.parse_percent``) or
    as a number."""
    if isinstance(value, str):
        try:
            return Fraction(parse_percent(value), 100)
        except NumberError as exc:
            raise PercentError(exc) from None
    number = _fraction("%", value)
    if number > 100:
        raise SharingError("percent_too_big", text=str(value))
    return number


def percent_text(value: Fraction, decimal: str = ",") -> str:
    """``Fraction(25, 2)`` -> ``12,5`` (Indonesian comma); ``decimal="."`` for saved rules."""
    hundredths = value * 100
    if hundredths.denominator != 1:
        return f"{float(value):.4g}".replace(".", decimal)
    whole, frac = divmod(int(hundredths), 100)
    return f"{whole}{decimal}{frac:02d}".rstrip("0").rstrip(decimal) if frac else str(whole)


# --- The group's methods --------------------------------------------------------------------


def member_names(members: Sequence[Contribution]) -> list[str]:
    names = [m.name for m in members]
    for name in names:
        if not name.strip():
            raise SharingError("name_empty")
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise SharingError("name_twice", name=name)
        seen.add(name.casefold())
    if not names:
        raise SharingError("no_members")
    return names


def basis_weights(basis: str, members: Sequence[Contribution]) -> dict[str, Fraction]:
    """Each member's fraction of a basis: 1/n each (equal), work ÷ all work, capital ÷ all
    capital. Raises when nobody has any work or capital recorded."""
    names = member_names(members)
    if basis == "equal":
        return {name: Fraction(1, len(names)) for name in names}
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")
    raw = {m.name: _fraction(m.name, getattr(m, basis)) for m in members}
    whole = sum(raw.values())
    if whole == 0:
        raise SharingError(f"no_{basis}")
    return {name: value / whole for name, value in raw.items()}


def mixed_weights(parts: Mapping[str, Fraction], members: Sequence[Contribution]
                  ) -> dict[str, Fraction]:
    """One weight per member for a mix of bases (percentages summing to 100): combining the
    weights before splitting keeps every share within a rupiah of its exact value."""
    if sum(parts.values()) != 100:
        raise SharingError("parts_not_100", percent=percent_text(sum(parts.values())))
    names = member_names(members)
    combined = dict.fromkeys(names, Fraction(0))
    for basis, percent in parts.items():
        if percent:
            for name, weight in basis_weights(basis, members).items():
                combined[name] += percent * weight
    return combined


def _distribution(method: str, total: int, weights: Mapping[str, Fraction],
                  set_aside: dict[str, int] | None = None, **params: Any) -> Distribution:
    kept = sum((set_aside or {}).values())
    shares = split_profit(total - kept, weights)
    return Distribution(method, total, shares, dict(set_aside or {}), params)


def equal_split(total: int, members: Sequence[Contribution]) -> Distribution:
    """Method 1, the groups' current practice: everyone the same."""
    return _distribution("equal", total, basis_weights("equal", members))


def split_by_work(total: int, members: Sequence[Contribution], unit: str = "hari"
                  ) -> Distribution:
    """Method 2: in proportion to work done (feed-duty days, pieces sewn or hours)."""
    if unit not in WORK_UNITS:
        raise ValueError(f"unknown work unit {unit!r}")
    return _distribution("work", total, basis_weights("work", members), unit=unit)


def split_by_capital(total: int, members: Sequence[Contribution]) -> Distribution:
    """Method 3: in proportion to the capital each member put in."""
    return _distribution("capital", total, basis_weights("capital", members))


def set_aside_first(total: int, percent: Fraction, code: str = "kas") -> tuple[int, int]:
    """``(set aside, rest)``: ``percent`` of ``total`` kept first, rounded to the rupiah."""
    if not 0 <= percent <= 100:
        raise SharingError("percent_too_big", text=percent_text(percent))
    if percent == 0:
        return 0, total
    if percent == 100:
        return total, 0
    parts = split_profit(total, {code: percent, "rest": 100 - percent})
    return parts[code], parts["rest"]


def split_with_fund(total: int, members: Sequence[Contribution], fund_percent: Fraction,
                    parts: Mapping[str, Fraction] | None = None, unit: str = "hari"
                    ) -> Distribution:
    """Method 4: the group fund (*kas kelompok*) is set aside first as a percentage; the rest
    is shared by ``parts`` (default: equally)."""
    parts = dict(parts or {"equal": Fraction(100)})
    fund, _rest = set_aside_first(total, fund_percent)
    weights = mixed_weights(parts, members)
    return _distribution("fund", total, weights, {"kas": fund},
                         fund_percent=fund_percent, parts=parts, unit=unit)


def split_mixed(total: int, members: Sequence[Contribution], parts: Mapping[str, Fraction],
                unit: str = "hari") -> Distribution:
    """Method 5: a mix, e.g. ``{"equal": 50, "work": 50}``: half shared equally, half by work."""
    return _distribution("mix", total, mixed_weights(parts, members), parts=dict(parts),
                         unit=unit)
